"""Arbitrary text rich in quote marks, apostrophes, cues and markers: no crash, exact spans, nesting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from textkit.corpus.parse import parse_document
from textkit.quotes.engine import document_quotes

PIECES = st.sampled_from(
    ["‘", "’", "“", "”", "'", '"', ":", ": ", " [1]", "[2]", "\n", " ", ". ", ", ", "s’ ", "workers’ ",
     "don’t", "Ivanov", "Petrov said", "He said", "I", "the", "The congress", "...", "1. A note."]
)  # fmt: skip
TEXTS = st.lists(PIECES | st.text(max_size=3), max_size=60).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_quotes_round_trip_and_nest(text: str) -> None:
    doc = parse_document(text)
    found = document_quotes(doc)
    for q in found:
        assert doc.text[q.start : q.end] == q.text
    for i, a in enumerate(found):
        for b in found[i + 1 :]:
            overlap = a.start < b.end and b.start < a.end
            nested = (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)
            assert not overlap or nested, (a, b)
