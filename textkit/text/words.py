"""Words of narration, as the rules about names and speech read them, and word counts.

A word here keeps a possessive ``’s`` attached (``Stalin’s``) and treats initials (``A.``, ``V.I.``)
as words, because those are what decide who a name is. Counting uses the index's tokens, so
``info``, ``speakers`` and ``concord`` agree on how many words a text has.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from textkit.text.tokens import count_words as count_words_in
from textkit.text.tokens import count_words_in_spans

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s?[A-Z])|[^\W\d_][\w]*(?:[-‐][^\W\d_][\w]*)*(?:[’']s\b)?")


class Word(NamedTuple):
    """A word of narration with its offsets and the forms the rules compare (computed once)."""

    text: str
    start: int
    end: int
    bare: str  # without a trailing ’s
    lower: str
    possessive: bool
    capitalised: bool
    initial: bool


def _word(m: re.Match[str]) -> Word:
    text = m.group()
    possessive = text.endswith(("’s", "'s"))
    bare = text[:-2] if possessive else text
    return Word(
        text, m.start(), m.end(), bare, bare.lower(), possessive, text[:1].isupper(), text.endswith(".")
    )


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[Word, ...]:
    """Words with offsets; cached because attribution reads the same sentence several times."""
    return tuple(_word(m) for m in _WORD.finditer(text))


def count_words(text: str) -> int:
    """Words of running text: the index's tokens without clitics; footnote markers are not words."""
    return count_words_in(text)


def count_words_of(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """``count_words`` of each span of ``text`` (a document's paragraphs), splitting the text once."""
    return count_words_in_spans(text, spans)
