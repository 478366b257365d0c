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

# Word runs are possessive (``*+``): what follows a run is never a word character, so giving one
# back never finds another match, and nothing backtracks.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s?[A-Z])|[^\W\d_]\w*+(?:[-‐][^\W\d_]\w*+)*+(?:[’']s\b)?")


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


_POSSESSIVE_ENDS = frozenset(("’s", "'s"))
_new_word = tuple.__new__  # a Word without the keyword handling of its constructor: words are many


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[Word, ...]:
    """Words with offsets; cached because attribution reads the same sentence several times."""
    found = []
    for m in _WORD.finditer(text):
        word = m.group()
        start, end = m.span()
        possessive = word[-2:] in _POSSESSIVE_ENDS
        bare = word[:-2] if possessive else word
        found.append(
            _new_word(
                Word, (word, start, end, bare, bare.lower(), possessive, word[0].isupper(), word[-1] == ".")
            )
        )
    return tuple(found)


def count_words(text: str) -> int:
    """Words of running text: the index's tokens without clitics; footnote markers are not words."""
    return count_words_in(text)


def count_words_of(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """``count_words`` of each span of ``text`` (a document's paragraphs), splitting the text once."""
    return count_words_in_spans(text, spans)
