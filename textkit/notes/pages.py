"""Page references in notes: arabic and roman numbers, abbreviated ranges written out in full.

A page is an ``int``; a front-matter page keeps its roman numeral as written (``"vii"``), since
``vii`` and ``7`` are different pages. A range is a pair of either kind, never mixed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

PageRange = tuple[int, int] | tuple[str, str]

_ROMAN = re.compile(r"^(?=[mdclxvi])m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_DASH = r"\s*[-–—]\s*"
_SUFFIX = r"(?:\s*(?:ff?\.?|et\s+seq\.?|n\.?(?:\s*\d+)?|note\s*\d+))?"  # 12ff, 103 n., 7 note 2
_ARABIC_ITEM = re.compile(rf"^(\d+){_SUFFIX}(?:{_DASH}(\d+){_SUFFIX})?$")
_ROMAN_ITEM = re.compile(rf"^([ivxlcdm]+|[IVXLCDM]+)(?:{_DASH}([ivxlcdm]+|[IVXLCDM]+))?{_SUFFIX}$")
_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")


def is_roman(text: str) -> bool:
    """A well-formed roman numeral in one case: ``vii``, ``XII``; not ``P`` or ``vx``."""
    return bool(text) and (text.islower() or text.isupper()) and bool(_ROMAN.match(text.lower()))


def roman_value(text: str) -> int:
    total, previous = 0, 0
    for ch in reversed(text.lower()):
        value = _ROMAN_VALUES[ch]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def _expand(first: str, last: str | None) -> tuple[int, int] | None:
    """``261-2`` means 261–262: an abbreviated end borrows the leading digits of the start."""
    start = int(first)
    if last is None:
        return start, start
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    end = int(last)
    return (start, end) if end >= start else None


def page_item(item: str) -> PageRange | None:
    """One page or range (``502-3``, ``vii-viii``, ``12ff``), or None when it is no page reference."""
    item = item.strip().rstrip(".").strip()
    m = _ARABIC_ITEM.match(item)
    if m:
        return _expand(m.group(1), m.group(2))
    m = _ROMAN_ITEM.match(item)
    if m and is_roman(m.group(1)) and (m.group(2) is None or is_roman(m.group(2))):
        first, last = m.group(1), m.group(2) or m.group(1)
        return (first, last) if roman_value(last) >= roman_value(first) else None
    return None


def page_items(text: str) -> list[str]:
    return [item for item in _SPLIT.split(text.strip().rstrip(".")) if item]


def is_page_list(text: str) -> bool:
    """Every item of ``text`` is a page or range: ``8-9, 12`` or ``270``."""
    items = page_items(text)
    return bool(items) and all(page_item(i) for i in items)


def parse_pages(text: str) -> tuple[tuple[PageRange, ...], tuple[str, ...]]:
    """Page ranges from ``89, 48, 496 and 502-3``; items that are not page numbers are flagged."""
    pages: list[PageRange] = []
    bad: list[str] = []
    for item in page_items(text):
        found = page_item(item)
        if found:
            pages.append(found)
        else:
            bad.append(item)
    flags = (f"pages not understood: {', '.join(bad)}",) if bad else ()
    return tuple(pages), flags


def format_pages(pages: Iterable[PageRange]) -> str:
    """``vii–viii, 261–262, 280`` from ranges, in the order given."""
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in pages)


def page_order(page: PageRange) -> tuple[int, int, int]:
    """Front matter (roman) before the text (arabic), each in numeric order."""
    a, b = page
    if isinstance(a, str) and isinstance(b, str):
        return 0, roman_value(a), roman_value(b)
    return 1, int(a), int(b)


def merge_pages(pages: Iterable[PageRange]) -> tuple[PageRange, ...]:
    """Sorted, with overlapping or adjacent arabic ranges joined: 481, 481–482, 483 → 481–483."""
    merged: list[PageRange] = []
    for page in sorted(set(pages), key=page_order):
        last = merged[-1] if merged else None
        if (
            last is not None
            and isinstance(page[0], int)
            and isinstance(last[1], int)
            and page[0] <= last[1] + 1
        ):
            merged[-1] = (last[0], max(last[1], page[1]))  # type: ignore[assignment,type-var]
        else:
            merged.append(page)
    return tuple(merged)


def decode_page(raw: object) -> PageRange:
    """A page range read back from JSON: two ints, or two roman numerals; anything else is refused."""
    if not isinstance(raw, list | tuple) or len(raw) != 2:
        raise TypeError("a page range is a pair")
    a, b = raw
    if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) and not isinstance(b, bool):
        return a, b
    if isinstance(a, str) and isinstance(b, str) and is_roman(a) and is_roman(b):
        return a, b
    raise TypeError("bad page range")
