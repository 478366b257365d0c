"""The token rows of one document, made by one regex pass and numpy instead of a loop per token.

The document is cut into gaps and tokens by one ``split`` (see ``text.tokens.token_pieces``): the
whole text when every paragraph ends at white space (no token can cross its edge), else its
paragraphs joined by a line break. A line break is never part of a token, and the token pattern only
looks ahead for letters, so each paragraph yields exactly the tokens it yields alone. Offsets come
from the running sum of the piece lengths, the kind of each gap from ``str.isspace`` mapped over the
gaps, form ids from a dict over the distinct forms only. The function is module-level so that
``store.parallel.parallel_map`` can run it on every core.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from typing import Any

from textkit.text.markers import MARKER_RE
from textkit.text.tokens import bounded_by_gaps, piece_ends, token_pieces

# What separates a token from the one before it: nothing, white space only, or anything else.
GAP_NONE, GAP_SPACE, GAP_OTHER = 0, 1, 2
SEPARATOR = "\n"


@dataclass(frozen=True)
class DocRows:
    """One document's word tokens: offsets into its text, paragraph (within the document), gap code
    and form id (normalised apostrophes, numbered in order of first appearance), and the forms that
    were new to the vocabulary numbered (all of them for a vocabulary of one document). The forms
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


def _cut(text: str, spans: Sequence[tuple[int, int]]) -> tuple[str, Any, Any]:
    """The string the tokens are cut from, where each paragraph starts in it, and how far
    that is from where the paragraph starts in ``text``. A document whose paragraphs all end at white
    space (every text's lines) is cut whole, reusing the parser's split of it; else its paragraphs
    are joined by line breaks and that is cut."""
    import numpy as np

    starts = np.array([s for s, _ in spans], dtype=np.int64)
    if bounded_by_gaps(text, spans) and bool(np.all(np.diff(starts) > 0)):
        return text, starts, np.zeros(len(spans), dtype=np.int64)
    lengths = np.array([e - s for s, e in spans], dtype=np.int64)
    joined_at = np.cumsum(lengths + len(SEPARATOR)) - lengths - len(SEPARATOR)
    return SEPARATOR.join(text[s:e] for s, e in spans), joined_at, starts - joined_at


def _form_ids(tokens: list[str], vocabulary: dict[str, int]) -> tuple[Any, list[str]]:
    """Each token's form id in ``vocabulary`` (apostrophes normalised: ’ and ' are one letter for
    matching), which gains the forms new to it in order of first appearance; and those new forms.
    Only the distinct tokens are mapped in Python."""
    import numpy as np

    raw_ids = dict.fromkeys(tokens)
    new: list[str] = []
    for raw in raw_ids:
        form = raw.replace("’", "'")
        known = vocabulary.get(form)
        if known is None:
            known = vocabulary[form] = len(vocabulary)
            new.append(form)
        raw_ids[raw] = known
    ids = np.fromiter(map(raw_ids.__getitem__, tokens), dtype=np.int32, count=len(tokens))
    return ids, new


def doc_rows(
    task: tuple[str, Sequence[tuple[int, int]]], vocabulary: dict[str, int] | None = None
) -> DocRows:
    """The rows of a document given as its text and its paragraphs' (start, end) spans. Form ids
    number the forms in ``vocabulary`` (a new one by default), and ``forms`` are those new to it."""
    import numpy as np

    text, spans = task
    cut, origin, shift = _cut(text, spans)
    pieces = token_pieces(cut)
    ends = piece_ends(cut)
    sizes = np.diff(ends, prepend=0)
    tokens, gaps = pieces[1::2], pieces[0:-1:2]
    j_start, j_end = ends[0:-1:2], ends[1::2]
    spaces = np.fromiter(map(str.isspace, gaps), dtype=bool, count=len(gaps))
    gap = np.where(spaces, GAP_SPACE, GAP_OTHER).astype(np.int8)
    gap[sizes[0:-1:2] == 0] = GAP_NONE
    para = np.searchsorted(origin, j_start, side="right") - 1
    inside = para >= 0
    if len(spans):
        bounds = np.array([e for _, e in spans], dtype=np.int64) - shift
        inside &= j_end <= bounds[np.maximum(para, 0)]
    if "[" in cut:  # every match of the marker pattern is a token: its bracket starts no other
        markers = np.isin(j_start, [m.start() for m in MARKER_RE.finditer(cut)])
        gap[1:][markers[:-1]] = GAP_OTHER  # the gap after a marker holds the marker
        inside &= ~markers
    if not inside.all():
        tokens = list(compress(tokens, inside))
        j_start, j_end, gap, para = j_start[inside], j_end[inside], gap[inside], para[inside]
    start, end = (j_start + shift[para]).astype(np.int32), (j_end + shift[para]).astype(np.int32)
    firsts = np.flatnonzero(np.diff(para, prepend=-1)).tolist()
    for i in firsts:  # a paragraph's first word: the gap runs from the document's previous word
        gap[i] = GAP_OTHER if i == 0 else gap_code(text[end[i - 1] : start[i]])
    form, forms = _form_ids(tokens, {} if vocabulary is None else vocabulary)
    return DocRows(start, end, para.astype(np.int32), gap, form, SEPARATOR.join(forms))
