"""HTML against text: a cold parse of each dev chapter's page against that of its text version (budget:
twice as long), a warm load (budget: 1 ms more) and warm commands on a page against the same on its
text (budget: 10% slower at most).

The parse is timed in-process (best of several, the parser already imported, the cache off); the
commands are fresh processes on a cache primed beforehand (median of several). Needs the dev pages in
``../shared/eval``; without them it says so and measures nothing.
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

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
TEXTKIT = Path(sys.executable).parent / "textkit"
PARSE_RATIO_BUDGET = 2.0
WARM_RATIO_BUDGET = 1.1
WARM_LOAD_BUDGET_MS = 1.0
PARSE_RUNS = 15
COMMAND_RUNS = 7
COMMANDS = (["info"], ["quotes"], ["concord", "party", "--count"])


def chapters() -> list[tuple[str, Path, Path]]:
    rows = [line.split("\t") for line in (EVAL / "chapters.tsv").read_text(encoding="utf-8").splitlines()]
    return [(r[0], EVAL / r[1], EVAL / r[2]) for r in rows if len(r) > 2 and not r[0].startswith("#")]


def best(measure: Callable[[], object], runs: int = PARSE_RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        measure()
        times.append(time.perf_counter() - start)
    return min(times)


def cold_parse(path: Path) -> float:
    """Seconds to read one file into a Document with no cache: decoding and parsing."""
    from textkit.corpus.load import load_documents
    from textkit.corpus.sources import read_sources
    from textkit.store.cache import Cache

    items = read_sources(path).items
    return best(lambda: load_documents(items, Cache(enabled=False)))


def warm_load(path: Path, cache_dir: Path) -> float:
    """Seconds to load one file from a primed cache, in-process: what a warm command pays for it."""
    from textkit.corpus.load import load_documents
    from textkit.corpus.sources import read_sources
    from textkit.store.cache import Cache

    load_documents(read_sources(path).items, Cache(cache_dir))  # prime
    return best(lambda: load_documents(read_sources(path).items, Cache(cache_dir)))


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [str(TEXTKIT), *args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
    )
    return time.perf_counter() - start


def warm(corpus: Path, args: list[str], env: dict[str, str]) -> float:
    command = ["--corpus", str(corpus), *args]
    wall(command, env)  # prime the cache
    return statistics.median(wall(command, env) for _ in range(COMMAND_RUNS))


def verdict(ratio: float, budget: float) -> str:
    return "ok" if ratio <= budget else "OVER BUDGET"


def main() -> None:
    if not (EVAL / "chapters.tsv").is_file():
        print(f"skipped: no dev pages at {EVAL}")
        return
    start = time.perf_counter()
    from selectolax.lexbor import LexborHTMLParser  # imported once per process, not per page

    print(f"{'import selectolax (once a cold run)':<44} {(time.perf_counter() - start) * 1000:6.1f} ms")
    LexborHTMLParser("<p>warm up</p>")
    for name, text, page in chapters():
        t, h = cold_parse(text), cold_parse(page)
        ratio = h / t
        print(
            f"cold parse {name:<8} text {t * 1000:6.1f} ms  page {h * 1000:6.1f} ms  "
            f"ratio {ratio:4.2f} (budget {PARSE_RATIO_BUDGET})  {verdict(ratio, PARSE_RATIO_BUDGET)}",
            flush=True,
        )
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTKIT_CORPUS", "TEXTKIT_DEBUG")}
    name, text, page = chapters()[0]
    with tempfile.TemporaryDirectory(prefix="textkit-bench-html-") as tmp:
        env["TEXTKIT_CACHE_DIR"] = str(Path(tmp) / "cache")
        t, h = warm_load(text, Path(tmp) / "cache"), warm_load(page, Path(tmp) / "cache")
        print(  # the page's entry holds its text: a fraction of a millisecond more to read
            f"warm load {name:<17} text {t * 1000:6.2f} ms  page {h * 1000:6.2f} ms  "
            f"difference {(h - t) * 1000:+.2f} ms (budget {WARM_LOAD_BUDGET_MS:+.1f} ms)  "
            f"{verdict(h - t, WARM_LOAD_BUDGET_MS / 1000)}",
            flush=True,
        )
        for args in COMMANDS:
            t, h = warm(text, args, env), warm(page, args, env)
            ratio = h / t
            print(
                f"warm {' '.join(args):<20} {name:<6} text {t * 1000:6.1f} ms  page {h * 1000:6.1f} ms  "
                f"ratio {ratio:4.2f} (budget {WARM_RATIO_BUDGET})  {verdict(ratio, WARM_RATIO_BUDGET)}",
                flush=True,
            )


if __name__ == "__main__":
    main()
