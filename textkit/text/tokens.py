"""Word tokens with exact character spans, as nltk's ``RegexpTokenizer`` gives them (no downloaded data).

A word is a run of letters or digits, joined across inner hyphens and apostrophes (``don’t``,
``co-ordinate``, ``1922-3``); a possessive or contracted ``’s`` is a token of its own (``Trotsky’s``
is ``Trotsky`` + ``’s``), as in the Penn Treebank. Footnote markers (``[12]``) and punctuation are not
tokens.

``span_tokenize`` is nltk's tokenizer with this pattern. nltk 3.10 runs every match through the
``regex`` engine with a wall-clock timeout (a ReDoS guard), which makes it five times slower: on a
500-chapter corpus, 40 s instead of 8. So the index uses ``fast_span_tokenize``: the same pattern,
flags and engine without the timeout; tests check both give the same spans. It cuts the text in one
``split`` call that stays in C (no match object per token), which ``token_pieces`` also gives the
index builder. Queries are split with ``re`` (no 50 ms ``regex`` import on the warm path).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from itertools import accumulate, repeat
from typing import Any

from textkit.text.markers import PATTERN as _MARKER

_CLITIC = r"['’][sS](?![^\W_])"


def _word(char: str) -> str:
    """A word built from ``char``: runs joined by a hyphen or an apostrophe not starting a clitic."""
    return rf"{char}+(?:(?:-|['’](?![sS](?![^\W_])))(?:{char})+)*"


_LETTER = r"[^\W_]"
_QUERY_LETTER = r"(?:[^\W_]|[*?])"
TOKEN_PATTERN = f"{_MARKER}|{_word(_LETTER)}|{_CLITIC}"
# Queries may hold the wildcards * and ?, which count as word characters there.
_QUERY_TOKEN_RE = re.compile(f"{_MARKER}|{_word(_QUERY_LETTER)}|{_CLITIC}")


def nltk_tokenizer():  # type: ignore[no-untyped-def]
    """nltk's tokenizer for this pattern (importing nltk costs ~0.4 s)."""
    from nltk.tokenize import RegexpTokenizer

    return RegexpTokenizer(TOKEN_PATTERN)


def _words_only(text: str, spans: Iterator[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    return ((s, e) for s, e in spans if text[s] != "[")


def span_tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every word token in ``text``, via nltk."""
    return list(_words_only(text, nltk_tokenizer().span_tokenize(text)))


@cache
def _splitter() -> Any:
    import regex

    return regex.compile(f"({TOKEN_PATTERN})", regex.UNICODE | regex.MULTILINE | regex.DOTALL)


def token_pieces(text: str) -> list[str]:
    """``text`` cut into gap, token, gap, …, token, gap (2n + 1 pieces, footnote markers among the
    tokens): the matches ``finditer`` would find, the text between them kept, in one C call."""
    return _splitter().split(text)


def fast_span_tokenize(text: str) -> list[tuple[int, int]]:
    """The same spans as ``span_tokenize``, without nltk's per-match timeout."""
    ends = list(accumulate(map(len, token_pieces(text))))
    spans = list(zip(ends[0:-1:2], ends[1::2], strict=True))  # a token starts where its gap ends
    return list(_words_only(text, iter(spans))) if "[" in text else spans


CLITICS = frozenset(a + s for a in "'’" for s in "sS")  # every token ``_CLITIC`` can match


def count_words(text: str) -> int:
    """How many tokens of ``text`` are words, clitics and footnote markers left out: counted in C
    over one ``split`` (no span or match object per token)."""
    tokens = token_pieces(text)[1::2]
    clitics = sum(map(CLITICS.__contains__, tokens))
    markers = sum(map(str.startswith, tokens, repeat("["))) if "[" in text else 0
    return len(tokens) - clitics - markers


def is_clitic(text: str, start: int, end: int) -> bool:
    """Is the token at ``start:end`` a possessive or contracted ``’s``?"""
    return end - start == 2 and text[start] in "'’"


def query_tokens(text: str) -> list[tuple[int, int]]:
    """Token spans of a query, where ``*`` and ``?`` are part of words."""
    return [m.span() for m in _QUERY_TOKEN_RE.finditer(text) if text[m.start()] != "["]


def normalize(token: str) -> str:
    """Straight and curly apostrophes are the same letter for matching."""
    return token.replace("’", "'")


def fold(token: str) -> str:
    """The case-insensitive matching key of a token."""
    return normalize(token).casefold()
