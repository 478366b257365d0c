"""Quality on the whole dev manifest (``../shared/eval/chapters.tsv``), text and HTML: a ratchet.

Each chapter's figures may only go up: when the engine improves, raise its floor here, never lower
one. The figures come from the shared scorer, run on the installed ``textkit`` exactly as the
README's measurements are. CI has ``../shared`` beside the clone; only a checkout without it skips.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEXTKIT

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
# chapter: recall, core, hard, speaker precision (of the quotations given a speaker)
FLOORS = {
    "text": {
        "ch16": (0.98, 0.97, 0.92, 1.0),
        "t2ch15": (0.99, 0.98, 0.96, 1.0),
        "t1ch11": (0.97, 0.96, 0.86, 0.98),
        "l2ch06": (0.98, 0.96, 0.83, 0.97),
    },
    "html": {
        "ch16": (0.98, 0.97, 0.92, 1.0),
        "t2ch15": (1.0, 0.98, 0.96, 1.0),
        "t1ch11": (0.97, 0.96, 0.90, 0.98),
        "l2ch06": (1.0, 0.98, 0.87, 0.97),
    },
}
# chapter: known non-persons listed by `speakers` (at most), notes with every field right (at least)
PEOPLE_AND_NOTES = {"t1ch11": (0, 1.0), "l2ch06": (0, 1.0)}
FIELDS = ("recall", "core", "hard", "speaker_precision")


def _scores(mode: str) -> dict[str, dict]:
    args = [sys.executable, str(EVAL / "score_all.py"), "--textkit", str(TEXTKIT), "--json"]
    out = subprocess.run(
        args + (["--html"] if mode == "html" else []), capture_output=True, text=True, check=True
    )
    return {row["chapter"]: row for row in json.loads(out.stdout)}


@pytest.mark.skipif(not (EVAL / "score_all.py").is_file(), reason=f"no shared evaluation folder at {EVAL}")
@pytest.mark.parametrize("mode", sorted(FLOORS))
def test_every_chapter_holds_its_floor(mode: str) -> None:
    scores = _scores(mode)
    below = {
        (chapter, field): (scores[chapter][field], floor)
        for chapter, floors in FLOORS[mode].items()
        for field, floor in zip(FIELDS, floors, strict=True)
        if scores[chapter][field] is None or scores[chapter][field] < floor
    }
    assert not below, f"{mode}: (got, floor) {below}"
    for chapter, (non_persons, notes) in PEOPLE_AND_NOTES.items():
        assert scores[chapter]["non_persons_listed"] <= non_persons, chapter
        assert scores[chapter]["notes_all_fields"] >= notes, chapter
