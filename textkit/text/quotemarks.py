"""Find quoted spans in one paragraph from its quotation marks, curly or straight.

The closing single mark is also the apostrophe, so each ’ is classified by its neighbours: inside a
word (``Lenin’s``, ``don’t``) it is an apostrophe; after an ``s`` and before another word
(``workers’ state``, ``‘scissors’ as``) it is ambiguous and closes a quotation only when one is open
and no later mark could close it. A closing mark with no opening one (a transcription slip) starts
after a ``:`` cue or a sentence boundary; an opening mark never closed ends at the paragraph's end.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from textkit.text.markers import content_end
from textkit.text.sentences import sentence_starts

MASK = "_"
OPEN, CLOSE, AMBIGUOUS = "open", "close", "ambiguous"
SINGLE, DOUBLE = "single", "double"
_OPENING_CONTEXT = " \t\n([{—–-/“‘\"'"
MAX_DEPTH = 3


@dataclass(frozen=True)
class MarkSpan:
    """The content of one quotation (marks excluded), as offsets into the paragraph string."""

    start: int
    end: int
    style: str
    depth: int
    parent: int | None = None
    opened: bool = True  # False: the opening mark is missing in the text
    closed: bool = True  # False: never closed, runs to the paragraph's end


@dataclass(frozen=True)
class _Mark:
    pos: int
    role: str
    style: str


def _classify(text: str, i: int) -> _Mark | None:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    after = text[i + 2] if i + 2 < len(text) else " "
    if ch == "“":
        return _Mark(i, OPEN, DOUBLE)
    if ch == "”":
        return _Mark(i, CLOSE, DOUBLE)
    if ch == "‘":
        return _Mark(i, OPEN, SINGLE)
    if ch == '"':
        if prev in _OPENING_CONTEXT and not nxt.isspace():
            return _Mark(i, OPEN, DOUBLE)
        return None if prev.isspace() else _Mark(i, CLOSE, DOUBLE)
    if ch in "’'":
        if prev.isalnum() and nxt.isalpha():
            return None
        if prev in "sS" and nxt == " " and after.isalpha():
            return _Mark(i, AMBIGUOUS, SINGLE)
        if prev in _OPENING_CONTEXT and (nxt.isalnum() or nxt in '.…[“"'):
            return _Mark(i, OPEN, SINGLE)
        return None if prev.isspace() else _Mark(i, CLOSE, SINGLE)
    return None


def _marks(text: str) -> list[_Mark]:
    marks = []
    for i, ch in enumerate(text):
        if ch in "“”‘’\"'":
            mark = _classify(text, i)
            if mark:
                marks.append(mark)
    return marks


def _closes_later(marks: list[_Mark], k: int, style: str) -> bool:
    """Is there a definite closing mark of ``style`` after mark k, before the next opening one?"""
    for mark in marks[k + 1 :]:
        if mark.style != style:
            continue
        if mark.role == OPEN:
            return False
        if mark.role == CLOSE:
            return True
    return False


def _orphan_start(text: str, close: int, floor: int, has_previous: bool) -> int | None:
    """Where a quotation whose opening mark is missing begins, if a cue makes it clear."""
    region = text[floor:close]
    colon = region.rfind(": ")
    if colon >= 0:
        return floor + colon + 2
    if not has_previous:
        return None
    starts = sentence_starts(region)[1:]
    return floor + starts[0] if starts else None


def find_spans(text: str) -> list[MarkSpan]:
    """All quoted spans of a paragraph, outer before inner, in order of their opening (remembered
    by text: the entity stage and the quotation engine both read every paragraph's)."""
    return list(_spans(text))


@lru_cache(maxsize=4096)
def _spans(text: str) -> tuple[MarkSpan, ...]:
    marks = _marks(text)
    spans: list[MarkSpan] = []
    stack: list[tuple[_Mark, int]] = []  # open mark, index of its span slot
    slots: list[MarkSpan | None] = []
    floor = 0
    for k, mark in enumerate(marks):
        role = mark.role
        if role == AMBIGUOUS:
            top_single = bool(stack) and stack[-1][0].style == SINGLE
            role = CLOSE if top_single and not _closes_later(marks, k, SINGLE) else ""
        if role == OPEN:
            if stack and (stack[-1][0].style == mark.style or len(stack) >= MAX_DEPTH):
                _, slot = stack.pop()  # ‘ inside ‘: the first was never closed
                old = slots[slot]
                end = old.start + len(text[old.start : mark.pos].rstrip())
                slots[slot] = MarkSpan(old.start, end, old.style, old.depth, old.parent, closed=False)
            parent = stack[-1][1] if stack else None
            stack.append((mark, len(slots)))
            slots.append(MarkSpan(mark.pos + 1, -1, mark.style, len(stack) - 1, parent))
        elif role == CLOSE:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][0].style == mark.style), None)
            if depth is None:
                if not stack:
                    start = _orphan_start(text, mark.pos, floor, floor > 0)
                    if start is not None and start < mark.pos:
                        slots.append(MarkSpan(start, mark.pos, mark.style, 0, None, opened=False))
                        floor = mark.pos + 1
                continue
            while len(stack) > depth + 1:
                _, slot = stack.pop()
                old = slots[slot]
                slots[slot] = MarkSpan(old.start, mark.pos, old.style, old.depth, old.parent, closed=False)
            _, slot = stack.pop()
            old = slots[slot]
            slots[slot] = MarkSpan(old.start, mark.pos, old.style, old.depth, old.parent)
            if not stack:
                floor = mark.pos + 1
    end = content_end(text)
    for _, slot in stack:
        old = slots[slot]
        slots[slot] = MarkSpan(old.start, max(old.start, end), old.style, old.depth, old.parent, closed=False)
    spans = [s for s in slots if s is not None and s.end > s.start]
    return tuple(sorted(spans, key=lambda s: (s.start, -s.end)))


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """Blank out quoted contents (same length, offsets kept), keeping a final . ! or ? so sentence
    ends still show: rules about narration read the narrator's words only."""
    chars = list(text)
    for start, end in spans:
        keep = end - 1 if end > start and text[end - 1] in ".!?" else end
        chars[start:keep] = MASK * max(0, keep - start)
    return "".join(chars)


def narration(text: str) -> str:
    """The text with its quotations masked, paired as ``find_spans`` pairs them (an apostrophe
    inside a quotation does not close it): the narrator's own words, at their offsets."""
    return mask(text, [(span.start, span.end) for span in find_spans(text)])
