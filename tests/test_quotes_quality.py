"""Quality against the hand-made gold: the shared scorer on the first 51 paragraphs of the chapter.

The gold covers paragraphs 0–50 only, so later predictions are left out (they would count as false
positives). CI has ``../shared`` beside the clone; only a checkout without it skips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import RunCli

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
GOLD_LAST_PARAGRAPH = 50


@pytest.mark.skipif(not (EVAL / "score_quotes.py").is_file(), reason=f"no shared evaluation folder at {EVAL}")
def test_scores_on_the_dev_gold(run_cli: RunCli) -> None:
    result = run_cli(["quotes", "--include-terms", "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    lines = [
        line for line in result.stdout.splitlines() if json.loads(line)["paragraph"] <= GOLD_LAST_PARAGRAPH
    ]
    scored = subprocess.run(
        [sys.executable, str(EVAL / "score_quotes.py"), str(EVAL / "ch16_dev.json"), "-", "--verbose"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        check=True,
    )
    score = json.loads(scored.stdout)
    wanted = {"precision": 0.95, "recall": 0.95, "core_acc": 0.95, "hard_acc": 0.85}
    below = {k: score[k] for k, floor in wanted.items() if score[k] is None or score[k] < floor}
    assert not below, f"{below} below {wanted}; misses:\n{scored.stderr}"
