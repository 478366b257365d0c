"""The token rows of one document, made by one regex pass and numpy instead of a loop per token.

The paragraphs are joined by a line break and cut into gaps and tokens by one ``split`` (see
``text.tokens.token_pieces``). A line break is never part of a token, and the token pattern only
looks ahead for letters, so each paragraph yields exactly the tokens it yields alone. Offsets come
from the running sum of the piece lengths, the kind of each gap from ``str.isspace`` mapped over the
gaps, form ids from a dict over the distinct forms only. The function is module-level so that
``store.parallel.parallel_map`` can run it on every core.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

from textkit.text.tokens import token_pieces

# What separates a token from the one before it: nothing, white space only, or anything else.
GAP_NONE, GAP_SPACE, GAP_OTHER = 0, 1, 2
SEPARATOR = "\n"


@dataclass(frozen=True)
class DocRows:
    """One document's word tokens: offsets into its text, paragraph (within the document), gap code
    and form id (into ``forms``, normalised apostrophes, in order of first appearance). The forms
    travel as one string, a line per form: one object instead of thousands from every worker."""

    start: Any
    end: Any
    para: Any
    gap: Any
    form: Any
    form_lines: str

    @property
    def forms(self) -> list[str]:
        return self.form_lines.split(SEPARATOR) if self.form_lines else []


def gap_code(gap: str) -> int:
    if not gap:
        return GAP_NONE
    return GAP_SPACE if gap.isspace() else GAP_OTHER


def doc_rows(task: tuple[str, Sequence[tuple[int, int]]]) -> DocRows:
    """The rows of a document given as its text and its paragraphs' (start, end) spans."""
    import numpy as np

    text, spans = task
    starts = np.array([s for s, _ in spans], dtype=np.int64)
    lengths = np.array([e - s for s, e in spans], dtype=np.int64)
    joined_at = np.cumsum(lengths + len(SEPARATOR)) - lengths - len(SEPARATOR)
    # ’ and ' are one letter for matching; the pattern treats them alike, so the spans do not change.
    joined = SEPARATOR.join(text[s:e] for s, e in spans).replace("’", "'")
    pieces = token_pieces(joined)
    sizes = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    ends = np.cumsum(sizes)
    tokens, gaps = pieces[1::2], pieces[0:-1:2]
    j_start, j_end = ends[0:-1:2], ends[1::2]
    spaces = np.fromiter(map(str.isspace, gaps), dtype=bool, count=len(gaps))
    gap = np.where(spaces, GAP_SPACE, GAP_OTHER).astype(np.int8)
    gap[sizes[0:-1:2] == 0] = GAP_NONE
    if "[" in joined:
        markers = np.fromiter(map(str.startswith, tokens, repeat("[")), dtype=bool, count=len(tokens))
        gap[1:][markers[:-1]] = GAP_OTHER  # the gap after a marker holds the marker
        words = ~markers
        tokens = list(compress(tokens, words))
        j_start, j_end, gap = j_start[words], j_end[words], gap[words]
    para = np.searchsorted(joined_at, j_start, side="right") - 1
    shift = starts[para] - joined_at[para]
    start, end = (j_start + shift).astype(np.int32), (j_end + shift).astype(np.int32)
    firsts = np.flatnonzero(np.diff(para, prepend=-1)).tolist()
    for i in firsts:  # a paragraph's first word: the gap runs from the document's previous word
        gap[i] = GAP_OTHER if i == 0 else gap_code(text[end[i - 1] : start[i]])
    forms = list(dict.fromkeys(tokens))
    ids = {f: i for i, f in enumerate(forms)}
    form = np.fromiter(map(ids.__getitem__, tokens), dtype=np.int32, count=len(tokens))
    return DocRows(start, end, para.astype(np.int32), gap, form, SEPARATOR.join(forms))
