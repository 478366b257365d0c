"""Sentences: one splitter for every stage that reads sentence by sentence.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis, after any closing marks, brackets and footnote
markers, where white space is followed by what can open a sentence (a capital, a digit, an opening
mark or bracket). An initial (``A. Solts``) or an abbreviation (``p. 4``, ``op. cit.``) does not end one.
"""

from __future__ import annotations

import re

from textkit.text.markers import PATTERN

ABBREVIATIONS = frozenset(
    """mr mrs ms dr st mt vol vols p pp no nos cf ed eds jr sr vs op cit ibid col gen lt prof rev fig
    ch viz etc""".split()
)
_BOUNDARY = re.compile(rf"(?<!\s)(?:[.!?]+|…)[’”'\")\]]*(?:\s*{PATTERN})*\s+(?=[‘“\"'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.$")
_LOOK_BACK = 12


def _abbreviated(text: str, dot: int) -> bool:
    """Does the full stop at ``dot`` close an initial or an abbreviation rather than a sentence?"""
    if text[dot] != ".":
        return False
    m = _WORD_BEFORE.search(text, max(0, dot - _LOOK_BACK), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True
    before = text[max(0, m.start() - 2) : m.start()]
    return word.lower() in ABBREVIATIONS or before in ("e.", "i.")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; together they cover the text (white space after a sentence
    belongs to it)."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _abbreviated(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_starts(text: str) -> list[int]:
    return [start for start, _ in sentence_spans(text)] or [0]


def last_sentence(text: str) -> str:
    spans = sentence_spans(text.strip())
    return text.strip()[spans[-1][0] :] if spans else text
