"""Bibliographic citations in notes: parse one note's text, then resolve the forms that point back.

A historian's notes use a small grammar: ``Author, Work (Place Year), volume V, pages P.`` with any
part missing, plus the back-references ``Ibid.``, ``op. cit.`` and short forms (``Soboul, page 439.``)
that only mean something next to an earlier note. Parsing is per note; resolution walks a document's
notes in order. Nothing is ever dropped: the raw text is kept and what is not understood is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

# How a citation refers to its work.
FULL = "full"  # names the work itself
SHORT = "short"  # an author (or short title) whose work is named in an earlier note
IBID = "ibid"
OP_CIT = "op_cit"
UNPARSED = "unparsed"

# How complete the parse is.
PARSED = "parsed"  # author or work, and pages
PARTIAL = "partial"

PageRange = tuple[int, int]

_PREFIX = re.compile(
    r"^((?:[^,;:()]*?\s)?(?:see also|see|cf\.?|compare|quoted (?:in|by)|cited (?:in|by)))\s+", re.IGNORECASE
)
_IBID = re.compile(r"^ib(?:id|idem)\b\.?\s*,?\s*", re.IGNORECASE)
_OP_CIT = re.compile(r"^op\.?\s*cit\.?$", re.IGNORECASE)
_VOLUME = re.compile(
    r"^vol(?:ume)?s?\.?\s*([0-9IVXLCivxlc]+(?:\s*[-–—]\s*[0-9IVXLCivxlc]+)?)$", re.IGNORECASE
)
_PAGES = re.compile(r"^(?:pages?\b|pp?\.|pp?(?=\s*\d))\s*(.+)$", re.IGNORECASE)
_PAGE_ITEM = re.compile(r"^(\d+)(?:\s*[-–—]\s*(\d+))?\s*(?:ff?\.?|et seq\.?)?$")
_PAGE_LIST_ITEM = re.compile(r"^(?:and\s+)?\d+(?:\s*[-–—]\s*\d+)?(?:\s+and\s+\d+(?:\s*[-–—]\s*\d+)?)*$")
_PAGE_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
_PUBLICATION = re.compile(
    r"^(?P<place>[^\d():,;]+?)?\s*(?::\s*(?P<publisher>[^\d(),;]+?))?\s*,?\s*(?P<year>1[5-9]\d\d|20\d\d)$"
)
_DATE = re.compile(
    r"^(?:\d{1,2}\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?(\d{4})$",
    re.IGNORECASE,
)
_TRAILING_PARENS = re.compile(r"\s*\(([^()]*)\)\s*$")
_EDITOR = re.compile(r"\s*\(?\beds?\.?\)?\s*$", re.IGNORECASE)
_INITIAL = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_NAME_WORD = re.compile(r"^[A-Z][\w'’\-]*$")
_PARTICLES = frozenset({"de", "von", "van", "der", "la", "le", "du", "di", "da", "del"})
_NAME_MAX_WORDS = 4
_PROSE_MIN_WORDS = 7


@dataclass(frozen=True)
class Citation:
    """One note's citation; ``refers_to`` is the label of the note whose work it repeats."""

    raw: str
    form: str = UNPARSED
    prefix: str | None = None
    author: str | None = None
    work: str | None = None
    volume: str | None = None
    pages: tuple[PageRange, ...] = ()
    place: str | None = None
    year: int | None = None
    date: str | None = None  # an issue date, for periodicals: ``12 March 1923``
    refers_to: str | None = None
    flags: tuple[str, ...] = field(default=())

    @property
    def status(self) -> str:
        """``parsed`` when the note names its source (author or work) and the pages cited."""
        if (self.author or self.work) and self.pages:
            return PARSED
        return PARTIAL if self.author or self.work or self.pages or self.volume else UNPARSED

    @property
    def pages_text(self) -> str:
        return format_pages(self.pages)

    def display(self) -> str:
        """A compact, normalised rendering: ``Trotsky, My Life, vol. 2, p. 537``."""
        parts = [p for p in (self.author, self.work, self.date) if p]
        if self.place or (self.year and not self.date):
            parts.append(" ".join(str(p) for p in (self.place, self.year) if p))
        if self.volume:
            parts.append(f"vol. {self.volume}")
        if self.pages:
            single = len(self.pages) == 1 and self.pages[0][0] == self.pages[0][1]
            parts.append(("p. " if single else "pp. ") + self.pages_text)
        return ", ".join(parts) if parts else self.raw


def format_pages(pages: Iterable[PageRange]) -> str:
    """``261–262, 280`` from ranges, in the order given."""
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in pages)


def _expand_range(first: str, last: str | None) -> PageRange | None:
    """``261-2`` means 261–262: an abbreviated end borrows the leading digits of the start."""
    start = int(first)
    if last is None:
        return start, start
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    end = int(last)
    return (start, end) if end >= start else None


def parse_pages(text: str) -> tuple[tuple[PageRange, ...], tuple[str, ...]]:
    """Page ranges from ``89, 48, 496 and 502-3``; items that are not page numbers are flagged."""
    pages: list[PageRange] = []
    bad: list[str] = []
    for item in _PAGE_SPLIT.split(text.strip().rstrip(".")):
        if not item:
            continue
        m = _PAGE_ITEM.match(item)
        expanded = _expand_range(m.group(1), m.group(2)) if m else None
        if expanded:
            pages.append(expanded)
        else:
            bad.append(item)
    flags = (f"pages not understood: {', '.join(bad)}",) if bad else ()
    return tuple(pages), flags


def _segments(text: str) -> list[str]:
    """Split at commas outside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _is_name(text: str, strict: bool) -> bool:
    """A personal name: initials and capitalised words. Strict (a lone head): a surname or ``A. Soboul``."""
    words = text.replace(".", ". ").split()
    if not words or len(words) > _NAME_MAX_WORDS or any(ch.isdigit() for ch in text):
        return False
    initials = [w for w in words if _INITIAL.match(w)]
    others = [w for w in words if not _INITIAL.match(w)]
    if not all(_NAME_WORD.match(w) or w in _PARTICLES for w in others):
        return False
    if strict:
        surnames = [w for w in others if w not in _PARTICLES]
        return len(surnames) == 1 and (len(words) == 1 or bool(initials))
    return bool(others)


def _is_prose(text: str) -> bool:
    """A sentence rather than a title: long, and mostly lower-case words."""
    words = text.split()
    lower = sum(w[:1].islower() for w in words)
    return len(words) >= _PROSE_MIN_WORDS and lower * 2 > len(words)


def _publication(text: str, need_place: bool = False) -> tuple[str | None, int | None] | None:
    """``London 1974`` or ``New York: Pathfinder, 1970``; a bare year only where ``need_place`` is off."""
    m = _PUBLICATION.match(text.strip())
    if not m:
        return None
    place = (m.group("place") or "").strip() or None
    if (place and not place[0].isupper()) or (need_place and not place):
        return None
    return place, int(m.group("year"))


@dataclass
class _Parts:
    head: list[str] = field(default_factory=list)
    volume: str | None = None
    pages: tuple[PageRange, ...] = ()
    op_cit: bool = False
    flags: list[str] = field(default_factory=list)


def _split_locators(segments: list[str]) -> _Parts:
    """Everything before the first locator (volume, pages, op. cit.) is the head: author and work."""
    parts = _Parts()
    in_locators = False
    page_text: list[str] = []
    for seg in segments:
        volume, pages = _VOLUME.match(seg), _PAGES.match(seg)
        if _OP_CIT.match(seg):
            parts.op_cit = in_locators = True
        elif volume:
            parts.volume, in_locators = volume.group(1), True
        elif pages:
            page_text.append(pages.group(1))
            in_locators = True
        elif page_text and _PAGE_LIST_ITEM.match(seg):
            page_text.append(seg)
        elif in_locators:
            parts.flags.append(f"not understood: {seg}")
        else:
            parts.head.append(seg)
    if page_text:
        parts.pages, flags = parse_pages(", ".join(page_text))
        parts.flags.extend(flags)
    return parts


def _publication_from_head(head: list[str]) -> tuple[list[str], str | None, int | None]:
    """``(London 1974)`` after a title, or a ``New York 1962`` segment closing the head."""
    head = list(head)
    if head:
        m = _TRAILING_PARENS.search(head[-1])
        found = _publication(m.group(1)) if m else None
        if m and found:
            head[-1] = head[-1][: m.start()].strip()
            return [h for h in head if h], *found
    if len(head) >= 2:
        found = _publication(head[-1], need_place=True)
        if found:
            return head[:-1], *found
    return head, None, None


def _date_from_head(head: list[str]) -> tuple[list[str], str | None, int | None]:
    """A periodical's issue date closing the head: ``Pravda, 12 March 1923``."""
    if len(head) >= 2 and (m := _DATE.match(head[-1])):
        return head[:-1], head[-1], int(m.group(1))
    return head, None, None


def _author_and_work(head: list[str], op_cit: bool, periodical: bool) -> tuple[str | None, str | None]:
    if not head:
        return None, None
    if periodical:
        return None, ", ".join(head)
    first = _EDITOR.sub("", head[0]) if len(head) > 1 else head[0]
    if len(head) == 1:
        return (head[0], None) if op_cit or _is_name(head[0], strict=True) else (None, head[0])
    if _is_name(first, strict=False):
        return first, ", ".join(head[1:])
    return None, ", ".join(head)


def _top_level_split(text: str, sep: str) -> list[str]:
    depth, start, out = 0, 0, []
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch == sep and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return out


def parse_citation(raw: str) -> Citation:
    """Parse one note's text on its own; back-references are resolved by ``resolve_citations``."""
    text = " ".join(raw.split())
    flags: list[str] = []
    pieces = _top_level_split(text, ";")
    if len(pieces) > 1 and all(p.strip() for p in pieces):
        flags.append(f"several citations, only the first parsed: {';'.join(pieces[1:]).strip()}")
        text = pieces[0]
    text = text.strip().rstrip(".").strip()
    prefix_match = _PREFIX.match(text)
    prefix = prefix_match.group(1) if prefix_match else None
    text = text[prefix_match.end() :] if prefix_match else text
    ibid = _IBID.match(text)
    body = text[ibid.end() :] if ibid else text
    parts = _split_locators(_segments(body))
    flags.extend(parts.flags)
    if ibid:
        extra = [f"not understood: {h}" for h in parts.head]
        return Citation(raw, IBID, prefix, volume=parts.volume, pages=parts.pages, flags=(*flags, *extra))
    if parts.head and _is_prose(parts.head[0]):
        flags.append("reads as prose, not a citation this parser understands")
        return Citation(raw, UNPARSED, prefix, volume=parts.volume, pages=parts.pages, flags=tuple(flags))
    head, date, year = _date_from_head(parts.head)
    head, place, pub_year = _publication_from_head(head)
    author, work = _author_and_work(head, parts.op_cit, periodical=date is not None)
    if parts.op_cit:
        form = OP_CIT
    elif author or work:
        form = FULL if work else SHORT
    else:
        form = UNPARSED
    if form == UNPARSED:
        located = parts.pages or parts.volume
        flags.append("no author or work" if located else "not a citation this parser understands")
    elif not parts.pages and form != OP_CIT:
        flags.append("no pages")
    return Citation(
        raw,
        form,
        prefix,
        author,
        work,
        parts.volume,
        parts.pages,
        place,
        year or pub_year,
        date,
        None,
        tuple(flags),
    )


def author_key(author: str | None) -> str | None:
    """Authors match on surname: ``A. Soboul`` and ``Soboul`` are one author."""
    if not author:
        return None
    words = [w for w in author.replace(".", ". ").split() if not _INITIAL.match(w)]
    return words[-1].casefold() if words else author.casefold()


def _repeat(citation: Citation, earlier: Citation, label: str, flags: Sequence[str] = ()) -> Citation:
    """Take the work from ``earlier``; own volume and pages win, else ``Ibid.`` repeats them too."""
    own_locator = bool(citation.pages or citation.volume)
    repeats_pages = citation.form == IBID and not own_locator
    return replace(
        citation,
        author=citation.author or earlier.author,
        work=earlier.work,
        place=earlier.place,
        year=earlier.year,
        date=citation.date or earlier.date,
        volume=citation.volume or (earlier.volume if citation.form == IBID else None),
        pages=citation.pages or (earlier.pages if repeats_pages else ()),
        refers_to=earlier.refers_to or label,
        flags=tuple(f for f in citation.flags if f != "no pages") + tuple(flags),
    )


def resolve_citations(notes: Sequence[tuple[str, Citation]]) -> list[Citation]:
    """Resolve ``Ibid.``, ``op. cit.`` and short forms against the notes before them, in order."""
    resolved: list[Citation] = []
    previous: tuple[str, Citation] | None = None
    by_author: dict[str, tuple[str, Citation]] = {}
    for label, citation in notes:
        citation = _resolve_one(citation, previous, by_author)
        resolved.append(citation)
        if citation.author or citation.work:
            previous = (label, citation)
        key = author_key(citation.author)
        if key and citation.work and citation.form == FULL:
            by_author[key] = (label, citation)
    return resolved


def _resolve_one(
    citation: Citation, previous: tuple[str, Citation] | None, by_author: dict[str, tuple[str, Citation]]
) -> Citation:
    if citation.form == IBID:
        if previous is None:
            return replace(citation, flags=(*citation.flags, "ibid. with no earlier citation"))
        return _repeat(citation, previous[1], previous[0])
    if citation.form == SHORT:
        earlier = by_author.get(author_key(citation.author) or "")
        if earlier:
            return _repeat(citation, earlier[1], earlier[0])
        note = "short form with no earlier full citation in this document"
        return replace(citation, flags=(*citation.flags, note))
    if citation.form == FULL and not citation.author and _is_name(citation.work or "", strict=False):
        earlier = by_author.get(author_key(citation.work) or "")
        if earlier:  # a lone ``Leon Trotsky`` first read as a title is an author named before
            return _repeat(replace(citation, author=citation.work, form=SHORT), earlier[1], earlier[0])
        return citation
    if citation.form == OP_CIT:
        earlier = by_author.get(author_key(citation.author) or "")
        if earlier:
            return _repeat(citation, earlier[1], earlier[0])
        if citation.author is None and previous:
            return _repeat(citation, previous[1], previous[0], ("op. cit. without an author: read as ibid.",))
        return replace(citation, flags=(*citation.flags, "op. cit. with no earlier work by this author"))
    return citation
