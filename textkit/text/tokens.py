r"""Word tokens with exact character spans, as nltk's ``RegexpTokenizer`` gives them (no downloaded data).

A word is a run of letters or digits, joined across inner hyphens and apostrophes (``don’t``,
``co-ordinate``, ``1922-3``); a possessive or contracted ``’s`` is a token of its own (``Trotsky’s``
is ``Trotsky`` + ``’s``), as in the Penn Treebank. Footnote markers (``[12]``) and punctuation are not
tokens.

``span_tokenize`` is nltk's tokenizer with this pattern. nltk 3.10 runs every match through the
``regex`` engine with a wall-clock timeout (a ReDoS guard), which makes it five times slower: on a
500-chapter corpus, 40 s instead of 8. So the index uses ``fast_span_tokenize``: the same pattern
and flags without the timeout; tests check both give the same spans. It cuts the text in one
``split`` call that stays in C (no match object per token), which ``token_pieces`` also gives the
index builder and the word counts of the parser.

The split runs on ``re`` (a third faster, and no 50 ms ``regex`` import) whenever that gives what
``regex`` gives. The pattern asks of a character only whether it is a letter or digit (``[^\W_]``)
or a decimal digit (``\d``), so the two engines cut a text alike exactly when they classify each of
its distinct characters alike: true of ASCII, checked once per character otherwise. They differ on
combining marks and on superscript digits and fractions, where ``regex`` (like nltk) is followed.
Queries are split with ``re``.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import accumulate, repeat
from typing import Any, ClassVar

from textkit.text.markers import PATTERN as _MARKER

_CLITIC = r"['’][sS](?![^\W_])"


def _word(char: str, possessive: str = "") -> str:
    """A word built from ``char``: runs joined by a hyphen or an apostrophe not starting a clitic
    (``possessive="+"`` makes the runs possessive: the same matches, found without backtracking)."""
    plus = f"+{possessive}"
    return rf"{char}{plus}(?:(?:-|['’](?![sS](?![^\W_])))(?:{char}){plus})*{possessive}"


_LETTER = r"[^\W_]"
_QUERY_LETTER = r"(?:[^\W_]|[*?])"
TOKEN_PATTERN = f"{_MARKER}|{_word(_LETTER)}|{_CLITIC}"
# Queries may hold the wildcards * and ?, which count as word characters there.
# Footnote markers and clitics: ``\[\d+\*?\]|['’][sS](?![^\W_])`` written to start with one character
# class, which the search skips ahead by (twice as fast); the look-behinds tell which it opened.
_NOT_WORDS_RE = re.compile(r"[\['’](?:(?<=\[)\d+\*?\]|(?<!\[)[sS](?![^\W_]))")
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


# The same tokens, found faster: the alternatives start with different characters (a letter or
# digit, a bracket, an apostrophe), so the commonest goes first; and a word's runs never need giving
# back (what follows a run is never a letter), so they are possessive and nothing backtracks.
SPLIT_PATTERN = f"{_word(_LETTER, possessive='+')}|{_MARKER}|{_CLITIC}"
_SPLIT_RE = re.compile(f"({SPLIT_PATTERN})", re.UNICODE | re.MULTILINE | re.DOTALL)
_CLASSES = ("[^\\W_]", "\\d")  # all the pattern asks of a character
_SAME_IN_BOTH: dict[str, bool] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@cache
def _regex_engine() -> tuple[Any, list[Any]]:
    """The ``regex`` splitter and its character classes, imported only for non-ASCII texts."""
    import regex

    splitter = regex.compile(f"({SPLIT_PATTERN})", regex.UNICODE | regex.MULTILINE | regex.DOTALL)
    return splitter, [regex.compile(c) for c in _CLASSES]


def _re_agrees(text: str) -> bool:
    """Do ``re`` and ``regex`` classify every distinct character of ``text`` alike?"""
    if text.isascii():
        return True
    chars = set(_NON_ASCII.findall(text))
    unseen = chars.difference(_SAME_IN_BOTH)
    if unseen:
        classes = _regex_engine()[1]
        for char in unseen:
            ours = [re.fullmatch(c, char) is None for c in _CLASSES]
            _SAME_IN_BOTH[char] = ours == [c.fullmatch(char) is None for c in classes]
    return all(map(_SAME_IN_BOTH.__getitem__, chars))


class _LastSplit:
    """The pieces of the text split last: the parser counts a document's words and the index builder
    then cuts the same text, in the same worker, so it is split once."""

    text: ClassVar[str | None] = None
    pieces: ClassVar[list[str]] = []
    on_re: ClassVar[bool] = True  # split by ``re`` (its reading of the text is ``regex``'s)
    ends: ClassVar[Any] = None  # where each piece ends (numpy), once asked for
    end_list: ClassVar[list[int] | None] = None  # the same as a list, when the word counts made it


def token_pieces(text: str) -> list[str]:
    """``text`` cut into gap, token, gap, …, token, gap (2n + 1 pieces, footnote markers among the
    tokens): the matches ``finditer`` would find, the text between them kept, in one C call. The list
    is shared with the next caller that splits the same text: do not change it."""
    if _LastSplit.text is text:
        return _LastSplit.pieces
    on_re = _re_agrees(text)
    pieces = _SPLIT_RE.split(text) if on_re else _regex_engine()[0].split(text)
    _LastSplit.text, _LastSplit.pieces, _LastSplit.on_re = text, pieces, on_re
    _LastSplit.ends = _LastSplit.end_list = None
    return pieces


def piece_ends(text: str) -> Any:
    """Where each of ``token_pieces(text)`` ends, as a numpy array (a token starts where the gap
    before it ends), for the index rows; kept with the split it belongs to."""
    import numpy as np

    pieces = token_pieces(text)
    if _LastSplit.ends is None or _LastSplit.pieces is not pieces:
        made = _LastSplit.end_list
        _LastSplit.ends = (
            np.array(made, dtype=np.int64)
            if made is not None
            else np.cumsum(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
        )
    return _LastSplit.ends


def _piece_end_list(pieces: list[str]) -> list[int]:
    """Where each piece ends, in pure Python (a cold parse loads no numpy), kept for ``piece_ends``."""
    ends = list(accumulate(map(len, pieces)))
    if _LastSplit.pieces is pieces:
        _LastSplit.end_list = ends
    return ends


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


_OUTSIDE_ANY_TOKEN = frozenset(" \t\f\v\u00a0\ufeff\r\n")  # no token holds or joins across these


def count_words_in_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """``[count_words(text[s:e]) for s, e in spans]`` from one split of the whole text, when every
    span is bounded by white space or a line break (as a document's lines are), so that no token of
    the whole crosses a span's edge; else span by span.

    The tokens that are not words are found by their own pattern: a clitic's apostrophe can start
    no other token, nor can a marker's bracket, so every match of either is one of the split's
    tokens (on the ``re`` engine; a text it reads otherwise is counted span by span)."""
    pieces = token_pieces(text) if bounded_by_gaps(text, spans) else None
    if pieces is None or not _LastSplit.on_re:
        return [count_words(text[s:e]) for s, e in spans]
    others = [m.start() for m in _NOT_WORDS_RE.finditer(text)]
    if "numpy" in sys.modules:  # an index build, whose rows need the ends as an array anyway
        return counted_with_numpy(piece_ends(text)[0:-1:2], others, spans)
    starts = _piece_end_list(pieces)[0:-1:2]  # a token starts where the gap before it ends
    return counted_by_bisection(starts, others, spans)


def counted_by_bisection(
    starts: Sequence[int], others: Sequence[int], spans: Sequence[tuple[int, int]]
) -> list[int]:
    """How many of the sorted token ``starts`` lie in each span, less the ``others`` (clitics and
    markers) that do: in pure Python, so that a cold parse of one chapter loads no numpy."""
    return [
        bisect_left(starts, e) - bisect_left(starts, s) - bisect_left(others, e) + bisect_left(others, s)
        for s, e in spans
    ]


def counted_with_numpy(starts: Any, others: Sequence[int], spans: Sequence[tuple[int, int]]) -> list[int]:
    """``counted_by_bisection`` in four searches, when numpy is loaded already (a tenth of a worker's
    time per document in an index build)."""
    import numpy as np

    bounds = np.array(spans, dtype=np.int64).reshape(len(spans), 2)
    tokens = np.searchsorted(starts, bounds[:, 1]) - np.searchsorted(starts, bounds[:, 0])
    if others:
        marks = np.array(others, dtype=np.int64)
        tokens -= np.searchsorted(marks, bounds[:, 1]) - np.searchsorted(marks, bounds[:, 0])
    return tokens.tolist()


def bounded_by_gaps(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Is every span bounded by white space, a line break or an end of ``text``? Then no token of the
    whole text crosses a span's edge, and a span's tokens are those of the whole that lie in it."""
    size, outside = len(text), _OUTSIDE_ANY_TOKEN
    return all((s == 0 or text[s - 1] in outside) and (e == size or text[e] in outside) for s, e in spans)


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
