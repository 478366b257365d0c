"""Footnote markers in running text: ``[12]`` for a numbered note, ``[1*]`` for an author's note.

One pattern, used by the parser (to find markers and count words), the quotation engine (a marker
closes quoted matter) and the token pattern (a marker is never a word).
"""

from __future__ import annotations

import re

PATTERN = r"\[\d+\*?\]"
MARKER_RE = re.compile(r"\[(\d+\*?)\]")
_MARKER_AT_END = re.compile(rf"{PATTERN}$")
_MARKER_CHARS = 8  # the longest marker, ``[1234*]``, and some
_AFTER_QUOTE = re.compile(r"[’”'\"]?[.,;:!?]?\s*\[(\d+\*?)\]")


def strip_markers(text: str) -> str:
    """The text with each marker replaced by a space (markers are apparatus, not words)."""
    return MARKER_RE.sub(" ", text)


def content_end(text: str) -> int:
    """Where a paragraph's own words end: before trailing footnote markers and white space."""
    end = _rstripped(text, len(text))
    while m := _MARKER_AT_END.search(text, max(0, end - _MARKER_CHARS), end):
        end = _rstripped(text, m.start())
    return end


def _rstripped(text: str, end: int) -> int:
    """``end`` moved back over white space (no copies: a paragraph may be a megabyte long)."""
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def ends_with_marker(text: str) -> bool:
    """A footnote marker at the very end: how quoted matter is usually closed in this genre."""
    end = _rstripped(text, len(text))
    if not end or text[end - 1] != "]":
        return False  # the common case, decided by one character
    return _MARKER_AT_END.search(text, max(0, end - _MARKER_CHARS), end) is not None


def marker_after(text: str, end: int) -> str | None:
    """The label of a marker right after ``end`` (past a closing mark and punctuation), if any."""
    m = _AFTER_QUOTE.match(text, end)
    return m.group(1) if m else None
