"""Concordance speed at corpus scale: textkit cold and warm beside the NLTK one-liner and grep, which
are timed in the same run so that the ratios mean something on a busy machine.

The large corpus is 500 copies of the bundled chapter in a temporary folder, each with its own last
line so that every document has its own digest (identical files would share one cache entry and
flatter the cold time). Budgets (issue 14): cold ``concord --count`` at most 0.6 × NLTK, warm at most
0.03 × NLTK, peak memory below 300 MB. Run alone with ``python bench/bench_concord.py``.
"""

from __future__ import annotations

import os
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
REPEAT = 3
COLD_RATIO, WARM_RATIO, PEAK_MB = 0.6, 0.03, 300
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


def bench_env(cache: Path) -> dict[str, str]:
    """A private cache; bytecode written as an installed package has it (a user never runs from source
    with ``PYTHONDONTWRITEBYTECODE``, which would add the compile time to every warm run)."""
    env = {k: v for k, v in os.environ.items() if k not in ("TEXTKIT_CORPUS", "TEXTKIT_DEBUG")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return {**env, "TEXTKIT_CACHE_DIR": str(cache)}


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float | None]:
    """Wall seconds and peak resident memory (MB, via /usr/bin/time when there) of one run."""
    timer = ["/usr/bin/time", "-f", "%M"] if Path("/usr/bin/time").exists() else []
    start = time.perf_counter()
    out = subprocess.run(
        [*timer, *cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    wall = time.perf_counter() - start
    if out.returncode:
        raise RuntimeError(f"{' '.join(cmd[:6])} failed: {out.stderr.strip()[-300:]}")
    last = out.stderr.strip().splitlines()[-1:] if timer else []
    return wall, (int(last[0]) / 1024 if last and last[0].isdigit() else None)


def best(cmd: list[str], env: dict[str, str]) -> float:
    return min(run(cmd, env)[0] for _ in range(REPEAT))


def report(
    label: str, seconds: float, budget: str = "", ok: bool | None = None, mb: float | None = None
) -> None:
    mem = f"{mb:6.0f} MB" if mb is not None else " " * 9
    verdict = "" if ok is None else ("ok" if ok else "OVER")
    print(f"  {label:<46} {seconds:8.3f} s {mem}  {budget:<26} {verdict}", flush=True)


def main() -> None:
    """Cold and warm textkit against the budgets, with NLTK's and grep's times from the same run."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus)
        env = bench_env(Path(tmp) / "cache")
        size = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        print(f"concordance benchmark: {COPIES} chapters ({size:.1f} MB); wall time, peak memory")
        run([*TEXTKIT, "--help"], env)  # bytecode compiled before anything is timed
        nltk, nltk_mb = run([sys.executable, "-c", NLTK_ONE_LINER, str(corpus)], env)
        report("NLTK tokenize + Text.concordance (anchor)", nltk, mb=nltk_mb)
        grep = shutil.which("grep")
        if grep:
            report("grep -rowi (anchor)", best([grep, "-rowi", "bureaucracy", str(corpus)], env))
        big = [*TEXTKIT, "--corpus", str(corpus)]
        cold, cold_mb = run([*big, "concord", "bureaucracy", "--count"], env)
        ok = cold <= COLD_RATIO * nltk and (cold_mb is None or cold_mb < PEAK_MB)
        budget = f"≤ {COLD_RATIO} × NLTK, < {PEAK_MB} MB"
        report(f"concord --count, cold  ({cold / nltk:.2f} × NLTK)", cold, budget, ok, cold_mb)
        warm, warm_mb = min(run([*big, "concord", "bureaucracy", "--count"], env) for _ in range(REPEAT))
        budget = f"≤ {WARM_RATIO} × NLTK, < {PEAK_MB} MB"
        ok = warm <= WARM_RATIO * nltk and (warm_mb is None or warm_mb < PEAK_MB)
        report(f"concord --count, warm  ({warm / nltk:.3f} × NLTK)", warm, budget, ok, warm_mb)
        tsv, tsv_mb = min(
            run([*big, "concord", "bureaucracy", "--format", "tsv"], env) for _ in range(REPEAT)
        )
        report("concord, all hits as TSV, warm", tsv, "≤ 0.6 s", tsv <= 0.6, tsv_mb)
        report("collocates, warm", best([*big, "collocates", "bureaucracy"], env))
        report("freq, warm", best([*big, "freq"], env))


if __name__ == "__main__":
    main()
