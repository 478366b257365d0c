"""--explain shows each cue as the text has it, never the masked narration the rules read."""

from __future__ import annotations

import json

from conftest import RunCli

from textkit.quotes.engine import unmasked
from textkit.text.quotemarks import MASK, mask


def test_a_cue_over_masked_words_is_cut_from_the_text() -> None:
    text = "He accused them of ‘deviation’ and wrote:"
    masked = mask(text, [(20, 29)])
    cue = masked[3:30]
    assert MASK in cue and unmasked(cue, masked, text) == "accused them of ‘deviation’"
    assert unmasked("wrote", masked, text) == "wrote" and unmasked(None, masked, text) is None


def test_no_explained_cue_shows_the_mask(run_cli: RunCli) -> None:
    rows = [json.loads(line) for line in run_cli(["quotes", "--format", "jsonl"]).stdout.splitlines()]
    cues = [r["cue"] for r in rows if r["cue"]]
    assert cues and not [c for c in cues if MASK * 3 in c]
    assert any("‘" in c for c in cues), "a cue that spans quoted words keeps them"
