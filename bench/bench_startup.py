"""Start-up time, the budget users feel most: ``textkit --help`` and cold and warm ``textkit info``.

Each is the median wall-clock time of several fresh processes, printed against its 0.2 s budget
(warm ``speakers`` and the note commands are in bench_notes, warm ``quotes`` in bench_quotes).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BUDGET = 0.2
RUNS = 10
TEXTKIT = Path(sys.executable).parent / "textkit"


def wall(args: list[str], env: dict[str, str]) -> float:
    """Seconds for one process, start to exit; output is discarded like a pipe that is read fast."""
    start = time.perf_counter()
    subprocess.run([str(TEXTKIT), *args], env=env, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def median_of(measure: Callable[[], float], runs: int = RUNS) -> float:
    """The median, so one run slowed by a busy machine does not move the figure."""
    return statistics.median(measure() for _ in range(runs))


def report(label: str, seconds: float, budget: float = BUDGET) -> None:
    """One aligned line per measurement, so runs can be compared by eye."""
    verdict = "ok" if seconds <= budget else "OVER BUDGET"
    print(f"{label:<32} {seconds * 1000:7.1f} ms  (budget {budget * 1000:.0f} ms)  {verdict}", flush=True)


def main() -> None:
    """Cold runs each get an empty cache directory; warm runs share one primed beforehand."""
    drop = ("TEXTKIT_CORPUS", "TEXTKIT_DEBUG", "PYTHONDONTWRITEBYTECODE")  # bytecode as when installed
    env = {k: v for k, v in os.environ.items() if k not in drop}
    with tempfile.TemporaryDirectory(prefix="textkit-bench-") as tmp:
        warm_dir = Path(tmp) / "warm"
        warm_env = {**env, "TEXTKIT_CACHE_DIR": str(warm_dir)}

        def cold() -> float:
            with tempfile.TemporaryDirectory(dir=tmp) as empty:
                return wall(["info"], {**env, "TEXTKIT_CACHE_DIR": empty})

        wall(["info"], warm_env)  # prime the warm cache (and the OS file cache)
        report("textkit --help", median_of(lambda: wall(["--help"], env)))
        report("textkit info (cold cache)", median_of(cold))
        report("textkit info (warm cache)", median_of(lambda: wall(["info"], warm_env)))


if __name__ == "__main__":
    main()
