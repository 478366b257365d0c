"""Warm timings of ``footnote``, ``footnotes``, ``speakers`` and ``sources`` against their budgets.

On the bundled chapter (0.3 s for the note commands, 0.8 s for the pandas ones) and on a corpus of
100 chapters made by copying it with a changed title line each (5 s for every command). Each figure
is the median of fresh processes on a cache primed beforehand.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXTKIT = Path(sys.executable).parent / "textkit"
CHAPTER = next((Path(__file__).resolve().parent.parent / "textkit" / "data" / "corpus").glob("*.txt"))
COMMANDS = {
    "footnote 34": (["footnote", "34"], 0.3),
    "footnotes": (["footnotes"], 0.3),
    "speakers": (["speakers"], 0.8),
    "sources": (["sources"], 0.8),
}
LARGE_BUDGET = 5.0
LARGE_SIZE = 100  # each command is primed cold first: keep the run to a few minutes
RUNS = 5
LARGE_RUNS = 3


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(TEXTKIT), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


def report(label: str, seconds: float, budget: float) -> None:
    verdict = "ok" if seconds <= budget else "OVER BUDGET"
    print(f"{label:<40} {seconds * 1000:8.1f} ms  (budget {budget * 1000:.0f} ms)  {verdict}", flush=True)


def make_corpus(folder: Path, size: int = LARGE_SIZE) -> Path:
    """``size`` distinct chapters (distinct bytes, so each is parsed and cached on its own)."""
    lines = CHAPTER.read_text(encoding="utf-8").splitlines(keepends=True)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(size):
        copy = list(lines)
        copy[4] = f"{i + 1}. Chapter {i + 1}\n"
        (folder / f"chapter-{i + 1:03d}.txt").write_text("".join(copy), encoding="utf-8")
    return folder


def measure(corpus: list[str], env: dict[str, str], runs: int, large: bool) -> None:
    for label, (args, budget) in COMMANDS.items():
        command = [*corpus, *args]
        wall(command, env)  # prime the cache
        seconds = statistics.median(wall(command, env) for _ in range(runs))
        where = f"{LARGE_SIZE} chapters" if large else "chapter"
        report(f"{label} ({where}, warm)", seconds, LARGE_BUDGET if large else budget)


def main() -> None:
    drop = ("TEXTKIT_CORPUS", "TEXTKIT_DEBUG", "PYTHONDONTWRITEBYTECODE")  # bytecode as when installed
    env = {k: v for k, v in os.environ.items() if k not in drop}
    with tempfile.TemporaryDirectory(prefix="textkit-bench-notes-") as tmp:
        env["TEXTKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        measure([], env, RUNS, large=False)
        large = make_corpus(Path(tmp) / "corpus")
        measure(["--corpus", str(large)], env, LARGE_RUNS, large=True)


if __name__ == "__main__":
    main()
