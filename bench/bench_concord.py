"""Concordance speed: textkit (cold and warm) beside the NLTK one-liner and grep.

The large corpus is 500 copies of the bundled chapter in a temporary folder, each with its own last
line so that every document has its own digest (identical files would share one cache entry and
flatter the cold time). Run alone with ``python bench/bench_concord.py``.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHAPTER = next((ROOT / "textkit" / "data" / "corpus").glob("*.txt"))
TEXTKIT = [sys.executable, "-m", "textkit"]
COPIES = 500
REPEAT = 5
NLTK_ONE_LINER = (
    "import sys, pathlib, nltk; from nltk.tokenize import RegexpTokenizer;"
    "tok = RegexpTokenizer(r'[^\\W_]+');"
    "files = sorted(pathlib.Path(sys.argv[1]).glob('*.txt'));"
    "words = [w for p in files for w in tok.tokenize(p.read_text())];"
    "nltk.Text(words).concordance('bureaucracy', lines=10**6)"
)


def make_corpus(folder: Path) -> None:
    text = CHAPTER.read_text(encoding="utf-8")
    for i in range(COPIES):
        (folder / f"chapter-{i:03d}.txt").write_text(f"{text}\nLast updated: copy {i}\n", encoding="utf-8")


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one run of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def peak_mb(cmd: list[str], env: dict[str, str]) -> float | None:
    """Peak memory of a command via /usr/bin/time -v, which measures each run on its own."""
    if not Path("/usr/bin/time").exists():
        return None
    out = subprocess.run(["/usr/bin/time", "-v", *cmd], env=env, capture_output=True, text=True, check=True)
    line = next((x for x in out.stderr.splitlines() if "Maximum resident" in x), "")
    return int(line.split(":")[-1]) / 1024 if line else None


def best(cmd: list[str], env: dict[str, str]) -> float:
    return min(timed(cmd, env)[0] for _ in range(REPEAT))


def report(label: str, seconds: float, limit: float | None = None, memory: float | None = None) -> None:
    verdict = "" if limit is None else ("  ok" if seconds < limit else f"  OVER {limit} s")
    mem = f"  peak {memory:.0f} MB" if memory is not None else ""
    print(f"  {label:<48} {seconds:7.3f} s{mem}{verdict}")


def main() -> None:
    """Print textkit's cold and warm times on the chapter and on 500 chapters, next to NLTK and grep."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus, cache = Path(tmp) / "corpus", Path(tmp) / "cache"
        corpus.mkdir()
        make_corpus(corpus)
        env = {**os.environ, "TEXTKIT_CACHE_DIR": str(cache)}
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"concordance benchmark: bundled chapter, and {COPIES} chapters ({size:.0f} MB) in {corpus}")
        chapter = [*TEXTKIT, "concord", "bureaucracy"]
        report("chapter: concord, cold (builds the index)", timed(chapter, env)[0])
        report("chapter: concord, warm", best(chapter, env), 0.2)
        big = [*TEXTKIT, "--corpus", str(corpus), "concord", "bureaucracy"]
        cold, _ = timed([*big, "--count"], env)
        report(f"{COPIES} chapters: concord --count, cold (builds the index)", cold)
        warm_count = best([*big, "--count"], env)
        report(f"{COPIES} chapters: concord --count, warm", warm_count, 0.3, peak_mb([*big, "--count"], env))
        report(
            f"{COPIES} chapters: concord, all hits as TSV, warm",
            best([*big, "--format", "tsv"], env),
            0.6,
            peak_mb([*big, "--format", "tsv"], env),
        )
        report(
            f"{COPIES} chapters: concord --regex, warm", best([*big[:-1], "--regex", r"\bbureaucrac\w*"], env)
        )
        report(
            f"{COPIES} chapters: collocates, warm",
            best([*TEXTKIT, "--corpus", str(corpus), "collocates", "bureaucracy"], env),
        )
        report(f"{COPIES} chapters: freq, warm", best([*TEXTKIT, "--corpus", str(corpus), "freq"], env))
        nltk = [sys.executable, "-c", NLTK_ONE_LINER, str(corpus)]
        wall, _ = timed(nltk, env)
        report(f"{COPIES} chapters: NLTK tokenize + Text.concordance", wall, memory=peak_mb(nltk, env))
        grep = shutil.which("grep")
        if grep:
            report(f"{COPIES} chapters: grep -rowi", best([grep, "-rowi", "bureaucracy", str(corpus)], env))


if __name__ == "__main__":
    main()
