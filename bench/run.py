"""Run every benchmark: each ``bench/bench_*.py``, in name order, through its ``main()``.

Benchmarks are discovered rather than listed so that a new ``bench_<name>.py`` runs without editing
this driver.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent


def run_all(folder: Path = BENCH_DIR) -> int:
    """Import and run each benchmark; the exit status is the number that failed."""
    failed = 0
    for path in sorted(folder.glob("bench_*.py")):
        print(f"== {path.stem}", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            module.main()
        except Exception as exc:
            failed += 1
            print(f"{path.name}: failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
    return failed


if __name__ == "__main__":
    sys.exit(min(run_all(), 1))
