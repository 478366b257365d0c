"""Export cost as the corpus grows: 1, 100 and 500 chapters, cold, warm and with one file changed.

The corpus is N copies of the bundled chapter, each with its own last line so that none shares
another's cache entry (as bench_quotes does). Cold means an empty cache; warm re-exports the same
corpus; "one changed" appends a line to one chapter first, and the new cache entries it leaves show
what was redone. ``--dask`` adds a cold export on a local Dask cluster. Run alone with
``python bench/bench_export.py [N ...] [--dask]``.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = next((ROOT / "textkit" / "data" / "corpus").glob("*.txt"))
TEXTKIT = [sys.executable, "-m", "textkit"]
COUNTS = (1, 100, 500)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], env: dict[str, str]) -> str:
    """Wall and CPU seconds of one export (CPU of every process it started, Dask workers included):
    on a shared machine the CPU time is the steadier number."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run([*TEXTKIT, *args], env=env, stdout=subprocess.DEVNULL, check=True)
    return f"{time.perf_counter() - start:6.1f} s ({_cpu() - cpu:5.1f} s CPU)"


def entries(cache: Path) -> set[Path]:
    return {p for p in cache.glob("*/*") if not p.name.startswith(".")} if cache.is_dir() else set()


def measure(count: int, root: Path, dask: bool) -> None:
    corpus = root / f"corpus-{count}"
    corpus.mkdir()
    text = CHAPTER.read_text(encoding="utf-8")
    for i in range(count):
        (corpus / f"chapter-{i:03d}.txt").write_text(f"{text}\nLast updated: copy {i}\n", encoding="utf-8")
    cache = root / f"cache-{count}"
    env = {**os.environ, "TEXTKIT_CACHE_DIR": str(cache)}
    out = str(root / f"out-{count}")
    args = ["--corpus", str(corpus), "export", out, "--force"]
    cold = timed(args, env)
    warm = timed(args, env)
    before = entries(cache)
    changed = corpus / "chapter-000.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    one = timed(args, env)
    redone = sorted({p.parent.name for p in entries(cache) - before})
    line = f"{count:>4} chapters: cold {cold}  warm {warm}  one changed {one}"
    line += f" (new cache entries: {len(entries(cache) - before)}, kinds {', '.join(redone)})"
    if dask:
        env["TEXTKIT_CACHE_DIR"] = str(root / f"dask-cache-{count}")
        line += f"  dask local cold {timed([*args, '--dask', 'local'], env)}"
    print(f"{line}  [load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores]", flush=True)


def main() -> None:
    counts = [int(a) for a in sys.argv[1:] if a.isdigit()] or list(COUNTS)
    with tempfile.TemporaryDirectory() as tmp:
        for count in counts:
            measure(count, Path(tmp), "--dask" in sys.argv)


if __name__ == "__main__":
    main()
