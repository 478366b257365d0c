"""Word tokens with exact character spans, from nltk's ``RegexpTokenizer`` (no downloaded data needed).

A word is a run of letters or digits, joined across inner hyphens and apostrophes (``don’t``,
``co-ordinate``, ``1922-3``); a possessive or contracted ``’s`` is a token of its own (``Trotsky’s``
is ``Trotsky`` + ``’s``), as in the Penn Treebank. Footnote markers (``[12]``) and punctuation are not
tokens. The same pattern tokenizes queries, through ``re`` directly so that a warm query never pays
for importing nltk; a test checks both give the same spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

APOSTROPHES = "'’"
_MARKER = r"\[\d+\*?\]"
_CLITIC = r"['’][sS](?![^\W_])"


def _word(char: str) -> str:
    """A word built from ``char``: runs joined by a hyphen or an apostrophe not starting a clitic."""
    return rf"{char}+(?:(?:-|['’](?![sS](?![^\W_])))(?:{char})+)*"


_LETTER = r"[^\W_]"
_QUERY_LETTER = r"(?:[^\W_]|[*?])"
TOKEN_PATTERN = f"{_MARKER}|{_word(_LETTER)}|{_CLITIC}"
_TOKEN_RE = re.compile(TOKEN_PATTERN)
# Queries may hold the wildcards * and ?, which count as word characters there.
_QUERY_TOKEN_RE = re.compile(f"{_MARKER}|{_word(_QUERY_LETTER)}|{_CLITIC}")


def nltk_tokenizer():  # type: ignore[no-untyped-def]
    """The nltk tokenizer the index is built with (importing nltk costs ~0.4 s: only when indexing)."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


def _words_only(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    return ((s, e) for s, e in spans if text[s] != "[")


def span_tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every word token in ``text``, via nltk."""
    return list(_words_only(text, nltk_tokenizer().span_tokenize(text)))


def fast_span_tokenize(text: str) -> list[tuple[int, int]]:
    """The same spans as ``span_tokenize`` without importing nltk."""
    return list(_words_only(text, (m.span() for m in _TOKEN_RE.finditer(text))))


def query_tokens(text: str) -> list[tuple[int, int]]:
    """Token spans of a query, where ``*`` and ``?`` are part of words."""
    return [m.span() for m in _QUERY_TOKEN_RE.finditer(text) if text[m.start()] != "["]


def normalize(token: str) -> str:
    """Straight and curly apostrophes are the same letter for matching."""
    return token.replace("’", "'")


def fold(token: str) -> str:
    """The case-insensitive matching key of a token."""
    return normalize(token).casefold()
