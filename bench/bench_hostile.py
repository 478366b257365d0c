"""Hostile inputs that were once quadratic: each command, cold, must finish within a few seconds.

A 1 MB chapter on one line, 20,000 opening quotation marks in one paragraph, 20,000 footnote
markers, and 200 KB of spaces inside one line. Run alone with ``python bench/bench_hostile.py``.
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
BUDGET = 10.0
COMMANDS = (["info"], ["quotes"], ["footnotes"], ["speakers"], ["concord", "the", "--count"])


def texts() -> dict[str, str]:
    body = " ".join(line for line in CHAPTER.read_text(encoding="utf-8").splitlines() if line.strip())
    return {
        "1 MB on one line": "Title\n\n" + (body + " ") * (1_000_000 // len(body) + 1) + "\n",
        "20k opening marks": "Title\n\n" + "He said ‘a " * 20_000 + "\n",
        "20k markers": "Title\n\n" + "text [1] " * 20_000 + "\n\n1. A note.\n",
        "200 KB of spaces": "Title\n\nHe said " + " " * 200_000 + "‘x’ end.\n",
    }


def main() -> None:
    """Print each command's cold time on each text against the budget."""
    with tempfile.TemporaryDirectory(prefix="textkit-hostile-") as tmp:
        for label, text in texts().items():
            path = Path(tmp) / "input.txt"
            path.write_text(text, encoding="utf-8")
            for command in COMMANDS:
                env = {**os.environ, "TEXTKIT_CACHE_DIR": tempfile.mkdtemp(dir=tmp)}
                start = time.perf_counter()
                done = subprocess.run(
                    [*TEXTKIT, "--corpus", str(path), *command], env=env, capture_output=True, timeout=300
                )
                seconds = time.perf_counter() - start
                verdict = "ok" if done.returncode == 0 and seconds <= BUDGET else "OVER"
                name = " ".join(command)
                print(
                    f"  {label:<20} {name:<22} {seconds:7.2f} s  (budget {BUDGET:g} s)  {verdict}", flush=True
                )


if __name__ == "__main__":
    main()
