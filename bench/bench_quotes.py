"""Quotation speed against the budgets: the chapter cold and warm (0.3 s), and 100 chapters cold (8 s).

Cold means an empty cache (parse and attribution both run); warm reuses the cached quotations. The
large corpus is 100 copies of the bundled chapter, each with its own last line so that none shares
another's cache entry. Run alone with ``python bench/bench_quotes.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = next((ROOT / "textkit" / "data" / "corpus").glob("*.txt"))
TEXTKIT = [sys.executable, "-m", "textkit"]
QUOTES = ["quotes", "--format", "jsonl"]
COPIES = 100
LARGE_BUDGET = 8.0
REPEAT = 5


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def report(label: str, seconds: float, limit: float) -> None:
    verdict = "ok" if seconds < limit else "OVER"
    print(f"  {label:<44} {seconds:7.3f} s  (budget {limit} s)  {verdict}", flush=True)


def main() -> None:
    """Print each time next to its budget."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        text = CHAPTER.read_text(encoding="utf-8")
        for i in range(COPIES):
            (corpus / f"chapter-{i:03d}.txt").write_text(
                f"{text}\nLast updated: copy {i}\n", encoding="utf-8"
            )
        env = {k: v for k, v in os.environ.items() if k not in ("TEXTKIT_CORPUS", "PYTHONDONTWRITEBYTECODE")}
        env["TEXTKIT_CACHE_DIR"] = str(Path(tmp) / "chapter-cache")
        print(f"quotes benchmark: bundled chapter, and {COPIES} chapters in {corpus}")
        report("chapter: quotes, cold (parse + attribution)", timed([*TEXTKIT, *QUOTES], env), 2.0)
        report(
            "chapter: quotes, warm (cached)", min(timed([*TEXTKIT, *QUOTES], env) for _ in range(REPEAT)), 0.3
        )
        env["TEXTKIT_CACHE_DIR"] = str(Path(tmp) / "corpus-cache")
        report(
            f"{COPIES} chapters: quotes, cold",
            timed([*TEXTKIT, "--corpus", str(corpus), *QUOTES], env),
            LARGE_BUDGET,
        )


if __name__ == "__main__":
    main()
