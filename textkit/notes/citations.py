"""Bibliographic citations in notes: the grammar that reads one note's text into its citations.

A historian's note is one or more citations separated by ``;``, each of the shape ``Author, Work
(Place Year), volume V, pages P`` with any part missing, and with the variants notes really use:
an editor (``K. Jones (editor)``, ``ed.``), an article in a book or periodical (``Title, in
Work``), a periodical issue (``Pravda, 12 March 1923``, ``no.1, 1967``), a series volumed by year
(``CWS, 1931``), a declared short title (``(hereafter PP)``), roman pages, and words quoted from
another book (``quoted in X``, ``T. Dan in Martov, …``), which keeps both works. The back-references
(``Ibid.``, ``Idem``, ``op. cit.``, short forms) are read here and resolved in ``resolve.py``.

Parsing never loses text: every citation keeps its raw text, and what is not understood is flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from textkit.notes.pages import PageRange, format_pages, is_page_list, page_item, page_items, parse_pages

# How a citation refers to its work.
FULL = "full"  # names the work itself
SHORT = "short"  # an author (or a short title) whose work is named in full in an earlier note
IBID = "ibid"
IDEM = "idem"  # the author of the citation before, with a work of its own (or the same one)
OP_CIT = "op_cit"
QUOTED = "quoted"  # someone's words (or an unnamed source) as quoted in the work ``quoted_in``
SEE_NOTE = "see_note"  # ``See note 12 above``: the work of another note
COMMENT = "comment"  # a remark after a citation, not a citation itself
UNPARSED = "unparsed"

# How complete the parse is.
PARSED = "parsed"  # a source (author or work) and where in it (pages, or a periodical's issue)
PARTIAL = "partial"

_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?(?:\s*\(\d{1,2}\))?"  # ``17 (4) July``: new and old style
_DAYS = rf"{_DAY}(?:\s*(?:[-–—/,&]|and)\s*{_DAY})*"
_DATE = re.compile(
    rf"^(?:{_DAYS}\s+{_MONTH}(?:\s*[-–—]\s*{_DAYS}\s+{_MONTH})?|{_MONTH}(?:\s+{_DAYS})?,?"
    rf"|(?:early|mid|late|spring|summer|autumn|winter)\s+)\s*({_YEAR})(?:\s*\([^()]*\))?$",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(rf"^({_YEAR})$")
_NUMBER = r"(?:\d+[a-z]?|[IVXLCivxlc]+)"
_NUMBERS = rf"{_NUMBER}(?:\s*(?:[-–—/&]|and)\s*{_NUMBER})?"
_VOLUME = re.compile(rf"^(?:vols?|volumes?|tomes?|t|bd)\.?\s*({_NUMBERS})$", re.IGNORECASE)
_ISSUE = re.compile(rf"^(?:nos?|numbers?|nr|issues?)\.?\s*({_NUMBERS})$", re.IGNORECASE)
_PART = re.compile(
    rf"^(?:parts?|pts?|books?|bk|sections?|chapters?|ch|heft)\.?\s*({_NUMBERS})$", re.IGNORECASE
)
_PAGE_WORD = re.compile(r"^pages?\b\s*(.*)$", re.IGNORECASE)
_PAGE_ABBREV = re.compile(r"^(?:pp?|pgs?)(?:\.\s*|\s+|(?=\d))(.+)$", re.IGNORECASE)
_OP_CIT = re.compile(r"^op\.?\s*cit\.?$", re.IGNORECASE)
_OP_CIT_RUN_ON = re.compile(r"\b(op\.?\s*cit\.?)\s+(?=[^\s,])", re.IGNORECASE)
_IBID = re.compile(r"^ib(?:id|idem)\b\.?\s*,?\s*", re.IGNORECASE)
_IDEM = re.compile(r"^(?:idem\b|id\.|eadem\b)\s*,?\s*", re.IGNORECASE)
_PREFIX = re.compile(
    r"^((?:[^,;:()]*?\s)?(?:see also|see|cf\.?|compare|for (?:this|these|the text)[^,;]*? see))\s+",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"(?:^|,\s*|\s+)(?:as\s+)?(?:quoted|cited)\s+(?:in|by)\s+", re.IGNORECASE)
_NAME_IN = re.compile(r"^([^,;()]+?)\s+in\s+(?=[A-Z‘“\"'])(.+)$")
_LETTER = re.compile(r"^([^,;()]+?)\s+to\s+(?=[A-Z]|the\s|his\s|her\s)")
_NOTE_REF = re.compile(
    r"^(?:above,?\s+|below,?\s+)?(?:note|n\.)\s*(\d+)(?:\s*(?:above|below|supra|infra))?$", re.I
)
_CONTAINER = re.compile(r"^in\s+(?=[A-Z‘“\"'0-9])(.+)$")
_EDITOR_WORD = re.compile(r"^(?:eds?|editors?|edited|comp|compiler|compilers)\.?$", re.IGNORECASE)
_EDITED_BY = re.compile(r"^(?:ed\.|edited|compiled)\s+by\s+(.+)$", re.IGNORECASE)
_HEREAFTER = re.compile(
    r"^(?:hereafter|hereinafter)\s*:?\s*(?:(?:referred\s+to|cited|quoted)\s+as\s*:?\s*)?[‘'\"“]?(.+?)[’'\"”]?$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"(?:^|\s+)\(([^()]*)\)$")
_TITLE_DOT = re.compile(r"^(.*[^\s.])\.\s+([^.]+)$")
_PUBLICATION = re.compile(
    rf"^(?P<place>[^\d():;,]+?)?\s*(?::\s*(?P<publisher>[^\d():;]+?))?\s*,?\s*(?P<year>{_YEAR})(?P<range>\s*[-–]\s*\d{{1,4}})?$"
)
_PLACE_WORD = re.compile(r"^[A-Z][\w'’.\-]*$")
_PLACE_JOINERS = frozenset({"and", "&", "on", "upon", "am", "an", "der", "de"})
_PLACE_MAX_WORDS = 4
_ABBREVIATION = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_SENTENCE_BREAK = re.compile(r"(?<=[\divxlc])\.\s+(?=[A-Z‘“\"'])")
_INITIAL = re.compile(r"^(?:[A-Z][a-z]?\.)+$|^[A-Z]$")
_ET_AL = re.compile(r",?\s*(?:et\.?\s+al\.?|and\s+others)$")
_AND = re.compile(r"\s+(?:and|&)\s+")
_PARTICLES = frozenset({"de", "von", "van", "der", "den", "la", "le", "du", "di", "da", "del", "ter", "ten"})
_HONORIFICS = frozenset(
    {"general", "colonel", "captain", "admiral", "count", "countess", "prince", "princess", "sir", "lord",
     "lady", "dr", "dr.", "professor", "prof.", "mr", "mr.", "mrs", "mrs.", "st", "st."}
)  # fmt: skip
_NOT_NAMES = frozenset(
    {"the", "a", "an", "on", "of", "in", "for", "to", "from", "with", "at", "by", "and", "or", "my", "our",
     "its", "his", "her", "their", "this", "that", "what", "why", "how", "new", "notes", "papers",
     "works", "letters", "documents", "history", "report", "speech", "collected", "selected", "memoirs",
     "diary", "writings", "speeches", "correspondence", "autobiography", "reminiscences", "recollections"}
)  # fmt: skip
_NAME_MAX_WORDS = 5
_PROSE_MIN_WORDS = 7


@dataclass(frozen=True)
class Citation:
    """One citation of a note. ``refers_to`` is the label of the note whose work it repeats;
    ``quoted_in`` is the work the cited words are quoted from (with its own locators)."""

    raw: str
    form: str = UNPARSED
    prefix: str | None = None
    author: str | None = None
    editor: str | None = None
    work: str | None = None  # the book, or the periodical
    article: str | None = None  # an article or chapter inside ``work``
    periodical: bool = False
    date: str | None = None  # a periodical's issue date as written: ``12 March 1923``
    volume: str | None = None
    issue: str | None = None
    part: str | None = None  # below the volume: ``book 1``, ``part 2``, a whole number ``(13)``
    pages: tuple[PageRange, ...] = ()
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    short_title: str | None = None  # declared by ``(hereafter …)``
    quoted_in: Citation | None = None
    refers_to: str | None = None
    flags: tuple[str, ...] = field(default=())

    @property
    def names_source(self) -> bool:
        return bool(self.author or self.editor or self.work)

    @property
    def has_locator(self) -> bool:
        """Where in the source: pages, or the issue of a periodical."""
        return bool(self.pages) or (self.periodical and bool(self.date or self.issue))

    @property
    def status(self) -> str:
        """``parsed`` when the citation names its source and where in it; quoted words count the
        work they are quoted in."""
        inner = self.quoted_in
        named = self.names_source or (inner is not None and inner.names_source)
        located = self.has_locator or (inner is not None and inner.has_locator)
        if named and located:
            return PARSED
        return PARTIAL if named or located or self.volume else UNPARSED

    @property
    def pages_text(self) -> str:
        return format_pages(self.pages)

    @property
    def locator(self) -> Citation:
        """The citation whose volume and pages say where to look: its own, else the quoting work's."""
        own = self.pages or self.volume or self.issue or self.part
        return self if own or self.quoted_in is None else self.quoted_in

    @property
    def volume_text(self) -> str | None:
        """The volume, or the issue (``no. 51``) of a periodical that gives no volume."""
        return self.volume or (f"no. {self.issue}" if self.issue else None)

    def display(self) -> str:
        """A compact, normalised rendering: ``Trotsky, My Life, vol. 2, p. 537``."""
        name = self.author or (f"{self.editor} (ed.)" if self.editor else None)
        parts = [name, f"‘{self.article}’" if self.article else None]
        parts.append(f"in {self.work}" if self.article and self.work else self.work)
        parts.append(self.date)
        if self.place or self.publisher or (self.year and not self.date):
            place = ": ".join(p for p in (self.place, self.publisher) if p)
            parts.append(" ".join(str(p) for p in (place, self.year) if p))
        if self.volume:
            parts.append(f"vol. {self.volume}")
        if self.issue:
            parts.append(f"no. {self.issue}")
        parts.append(self.part)
        if self.pages:
            single = len(self.pages) == 1 and self.pages[0][0] == self.pages[0][1]
            parts.append(("p. " if single else "pp. ") + self.pages_text)
        text = ", ".join(p for p in parts if p)
        if self.quoted_in is not None:
            text = ", ".join(p for p in (text, "quoted in " + self.quoted_in.display()) if p)
        return text or self.raw.strip()


# segments ------------------------------------------------------------------------------------------


def _top_level(text: str, sep: str) -> list[int]:
    """Offsets of ``sep`` outside parentheses."""
    depth, found = 0, []
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif ch == sep and depth == 0:
            found.append(i)
    return found


def _segments(text: str) -> list[str]:
    """Split at commas outside parentheses."""
    cuts = [-1, *_top_level(text, ","), len(text)]
    parts = (text[a + 1 : b].strip() for a, b in pairwise(cuts))
    return [p for p in parts if p]


def _clean(text: str) -> str:
    return " ".join(text.split()).strip().rstrip(";").strip().rstrip(".").strip()


# names ---------------------------------------------------------------------------------------------


def _name_word(word: str) -> bool:
    """A capitalised name word: ``Trotsky``, ``O’Brien``, ``Shliapnikov``; not ``CWS`` or ``1917``."""
    return (
        word[:1].isupper()
        and any(ch.islower() for ch in word)
        and all(ch.isalpha() or ch in "'’-" for ch in word)
        and word.casefold() not in _NOT_NAMES
    )


def _one_name(text: str, strict: bool) -> bool:
    words = _ET_AL.sub("", text).replace(".", ". ").split()
    while words and words[0].casefold() in _HONORIFICS:
        words = words[1:]
    if not words or len(words) > _NAME_MAX_WORDS:
        return False
    others = [w for w in words if not _INITIAL.match(w)]
    if not others or not all(_name_word(w) or w.casefold() in _PARTICLES for w in others):
        return False
    surnames = [w for w in others if w.casefold() not in _PARTICLES]
    if strict:  # a lone head: a surname, or initials and a surname, never a two-word title
        return len(surnames) == 1
    return bool(surnames) and len(surnames) <= 3


def is_names(text: str, strict: bool = False) -> bool:
    """Personal names joined by ``and``: ``A. Soboul``, ``Gankin and Fisher``, ``A.L. Sidorov et al.``.

    Strict (a citation's lone head): each a surname, with initials, particles or a title of address."""
    text = _ET_AL.sub("", text.strip())
    if any(ch.isdigit() for ch in text) or not text:
        return False
    return all(_one_name(part, strict) for part in _AND.split(text))


def _is_prose(text: str) -> bool:
    """A sentence rather than a title: long, and mostly lower-case words."""
    words = text.split()
    lower = sum(w[:1].islower() for w in words)
    return len(words) >= _PROSE_MIN_WORDS and lower * 2 > len(words)


# small forms ---------------------------------------------------------------------------------------


def _is_place(text: str) -> bool:
    words = text.replace("-", " ").split()
    return (
        0 < len(words) <= _PLACE_MAX_WORDS
        and bool(_PLACE_WORD.match(words[0]))
        and all(_PLACE_WORD.match(w) or w in _PLACE_JOINERS for w in words)
    )


def _publication(text: str) -> tuple[str | None, str | None, int] | None:
    """``London 1974``, ``New York: Pathfinder, 1970`` or ``1923``: place, publisher, year."""
    m = _PUBLICATION.match(text.strip())
    if not m:
        return None
    place = (m.group("place") or "").strip().rstrip(",").strip() or None
    publisher = (m.group("publisher") or "").strip() or None
    if (place and not _is_place(place)) or (m.group("range") and not place):
        return None  # a bare ``1787-1799`` is part of a title
    return place, publisher, int(m.group("year"))


def _date(text: str) -> tuple[str, int] | None:
    m = _DATE.match(text.strip())
    return (text.strip(), int(m.group(1))) if m else None


# one citation's segments, classified ----------------------------------------------------------------


@dataclass
class _Head:
    text: str
    editor: bool = False
    place: str | None = None  # a parenthesised place, kept only if the work proves a periodical
    dated: bool = False  # a date in its parentheses (an article's date, not an issue's)


@dataclass
class _Parts:
    head: list[_Head] = field(default_factory=list)
    volume: str | None = None
    issue: str | None = None
    part: list[str] = field(default_factory=list)
    page_text: list[str] = field(default_factory=list)
    pages: tuple[PageRange, ...] = ()
    op_cit: bool = False
    date: str | None = None
    issue_date: bool = False  # the date stands on its own: a periodical's issue
    year: int | None = None
    year_after_head: bool = False
    place: str | None = None
    publisher: str | None = None
    editor: str | None = None
    short_title: str | None = None
    located: bool = False
    piece_title: str | None = None  # the title of a piece inside a volume, after its pages
    flags: list[str] = field(default_factory=list)

    def publish(self, found: tuple[str | None, str | None, int]) -> None:
        place, publisher, year = found
        self.place = self.place or place
        self.publisher = self.publisher or publisher
        self.year = self.year or year

    def set_date(self, found: tuple[str, int], standalone: bool) -> None:
        self.date, self.year = found[0], self.year or found[1]
        self.issue_date = self.issue_date or standalone


def _peel(segment: str, parts: _Parts, head: _Head) -> str:
    """Take the parenthesised groups closing a segment that say something (``(London 1974)``,
    ``(editor)``, ``(hereafter PP)``, ``(April 1916)``); others stay part of the text."""
    while m := _PARENS.search(segment):
        content = m.group(1).strip()
        if _EDITOR_WORD.match(content):
            head.editor = True
        elif hereafter := _HEREAFTER.match(content):
            parts.short_title = hereafter.group(1).strip()
        elif found := _date(content):
            parts.set_date(found, standalone=False)
            head.dated = True
        elif publication := _publication(content):
            parts.publish(publication)
        elif content.isdigit() and _ISSUE.match(segment[: m.start()].strip()):
            parts.part.append(f"({content})")
        elif _is_place(content) and head.place is None:
            head.place = content
        else:
            break
        segment = segment[: m.start()].strip()
    return segment


def _classify(segments: list[str]) -> _Parts:
    """Sort the segments into the head (names and titles) and what follows it (locators, dates,
    publication); a segment after the locators that fits nothing is flagged, never guessed."""
    parts = _Parts()
    for i, segment in enumerate(segments):
        head = _Head("")
        core = _peel(segment, parts, head)
        piece = _PARENS.search(core)  # ``pp.347-529 (What is to be Done?)``: the piece's title
        if piece and not is_page_list(piece.group(1)) and _locates(core[: piece.start()]):
            parts.piece_title = parts.piece_title or piece.group(1).strip()
            core = core[: piece.start()].strip()
        following = segments[i + 1] if i + 1 < len(segments) else None
        if core or head.editor or head.place:
            _classify_core(core, head, parts, following)
    if parts.page_text:
        parts.pages, flags = parse_pages(", ".join(parts.page_text))
        parts.flags.extend(flags)
    return parts


def _classify_core(core: str, head: _Head, parts: _Parts, following: str | None) -> None:
    """One segment (its closing parentheses taken) into ``parts``; ``following`` is the next one."""
    if not core:
        if parts.head and (head.editor or head.place):
            last = parts.head[-1]
            last.editor = last.editor or head.editor
            last.place = last.place or head.place
        return
    if _classify_locator(core, parts):
        parts.located = True
    elif _EDITOR_WORD.match(core):
        if parts.head:
            parts.head[-1].editor = True
    elif edited := _EDITED_BY.match(core):
        parts.editor = edited.group(1).strip()
    elif hereafter := _HEREAFTER.match(core):
        parts.short_title = hereafter.group(1).strip()
    elif found := _date(core):
        parts.set_date(found, standalone=True)
    elif (year := _BARE_YEAR.match(core)) and _title_wanted(parts, following):
        parts.head.append(replace(head, text=core))
    elif year := _BARE_YEAR.match(core):
        parts.year_after_head = not parts.located and parts.year is None
        parts.year = parts.year or int(year.group(1))
    elif parts.head and _has_title(parts.head) and (publication := _publication(core)):
        parts.publish(publication)
    elif parts.head and (dotted := _TITLE_DOT.match(core)) and (publication := _publication(dotted.group(2))):
        parts.head.append(replace(head, text=dotted.group(1)))
        parts.publish(publication)
    elif parts.issue_date and not parts.located and core[:1].islower() and not parts.piece_title:
        parts.piece_title = core  # ``Pravda, 7 March 1917, editorial``
    elif parts.located:
        parts.flags.append(f"not understood: {core}")
    else:
        parts.head.append(replace(head, text=core))


def _title_wanted(parts: _Parts, following: str | None) -> bool:
    """An author, then a year, then where it was published: the year is the title (``Trotsky, 1905,
    London 1972``), not a date."""
    if len(parts.head) != 1 or parts.located or not is_names(parts.head[0].text):
        return False
    published = _publication(following) if following else None
    return bool(parts.place or (published and published[0]))


def _has_title(head: list[_Head]) -> bool:
    """A publication segment closes a title, never stands for one (``Trotsky, Writings 1932``)."""
    return len(head) >= 2 or not is_names(head[0].text)


def _page_numbers(core: str) -> str | None:
    """The numbers of ``pages 45-6 and 49``, ``pp.8-9``, ``p. vii``. ``P. Brown`` is an initial, not
    a page: a label counts only before a page number."""
    for pattern in (_PAGE_WORD, _PAGE_ABBREV):
        m = pattern.match(core)
        if m and (items := page_items(m.group(1))) and (page_item(items[0]) or items[0][:1].isdigit()):
            return m.group(1)
    return None


def _classify_locator(core: str, parts: _Parts) -> bool:
    if _OP_CIT.match(core):
        parts.op_cit = True
    elif m := _VOLUME.match(core):
        parts.volume = m.group(1)
    elif m := _ISSUE.match(core):
        parts.issue = m.group(1)
    elif _PART.match(core):
        parts.part.append(core)
    elif (numbers := _page_numbers(core)) is not None:
        parts.page_text.append(numbers)
    elif parts.page_text and is_page_list(core):
        parts.page_text.append(core)
    else:
        return False
    return True


# interpretation ------------------------------------------------------------------------------------


@dataclass
class _Source:
    author: str | None = None
    editor: str | None = None
    work: str | None = None
    article: str | None = None


def _names(heads: list[_Head], alone: bool) -> tuple[str | None, str | None, list[_Head]]:
    """The author (or editor) heading a citation, and the titles after it."""
    if not heads:
        return None, None, []
    first = heads[0]
    if is_names(first.text, strict=alone and not first.editor):
        return (None, first.text, heads[1:]) if first.editor else (first.text, None, heads[1:])
    return None, None, heads


def _unquote(text: str) -> str:
    """``‘The Strike of 1905’`` is the title The Strike of 1905."""
    if (
        len(text) > 2
        and text[0] in "‘“\"'"
        and text[-1] in "’”\"'"
        and not any(q in text[1:-1] for q in "‘“")
    ):
        return text[1:-1].strip()
    return text


def _title(heads: list[_Head], periodical: bool) -> str | None:
    texts = [_unquote(h.text) + (f" ({h.place})" if h.place and not periodical else "") for h in heads]
    return ", ".join(t for t in texts if t) or None


def _interpret(parts: _Parts) -> tuple[_Source, bool]:
    """Author, editor, work and article from the head, and whether the work is a periodical."""
    heads = parts.head
    if not (parts.issue_date or parts.issue):  # a place in parentheses only follows a periodical's name
        heads = [replace(h, text=f"{h.text} ({h.place})", place=None) if h.place else h for h in heads]
    container = next((i for i, h in enumerate(heads) if _CONTAINER.match(h.text)), None)
    periodical = parts.issue_date or bool(parts.issue)
    if container is not None:
        before = heads[:container]
        inside = [replace(heads[container], text=_CONTAINER.sub(r"\1", heads[container].text)),
                  *heads[container + 1 :]]  # fmt: skip
        author, editor, rest = _names(before, alone=False)
        in_author, in_editor, in_rest = (
            _names(inside, alone=False) if len(inside) > 1 else (None, None, inside)
        )
        periodical = periodical or bool(parts.year_after_head and parts.volume and not parts.place)
        if author is None and editor is None and in_author:  # ``Letter of 5 March 1923, in Lenin, Works``
            author, in_author = in_author, None
        source = _Source(
            author, editor or in_editor or in_author, _title(in_rest, periodical), _title(rest, False)
        )
        return source, periodical
    letter = _LETTER.match(heads[0].text if heads else "")
    if letter and is_names(letter.group(1), strict=True):  # ``Trotsky to the Bureau of Party History``
        works = heads[1:]
        return _Source(letter.group(1), None, _title(works, False), heads[0].text), bool(parts.issue)
    if periodical and len(heads) == 1:
        return _Source(work=_title(heads, True)), True
    author, editor, rest = _names(heads, alone=len(heads) == 1)
    if periodical and len(rest) >= 2 and not rest[-1].dated:
        return _Source(author, editor, _title(rest[-1:], True), _title(rest[:-1], False)), True
    return _Source(author, editor, _title(rest, periodical)), periodical


def _body(text: str) -> Citation:
    """One citation without its prefix and without ``quoted in``."""
    raw = text
    if note := _NOTE_REF.match(text):
        return Citation(raw, SEE_NOTE, refers_to=note.group(1))
    if ibid := _IBID.match(text):
        parts = _classify(_segments(text[ibid.end() :]))
        extra = [f"not understood: {h.text}" for h in parts.head]
        return Citation(raw, IBID, volume=parts.volume, issue=parts.issue, part=", ".join(parts.part) or None,
                        pages=parts.pages, flags=(*parts.flags, *extra))  # fmt: skip
    if idem := _IDEM.match(text):
        rest = _body(text[idem.end() :])
        if rest.form == SEE_NOTE:
            return replace(rest, raw=raw)
        flags = tuple(f for f in rest.flags if f not in _NO_SOURCE)
        return replace(rest, raw=raw, form=IDEM, author=None, flags=flags)
    if (name_in := _NAME_IN.match(text)) and is_names(name_in.group(1), strict=True):
        inner = _body(name_in.group(2))
        if inner.author or inner.editor:  # one person's words in another's book
            return Citation(raw, QUOTED, author=name_in.group(1).strip(), quoted_in=inner)
        if inner.work:  # an article by the person in a periodical or collection
            return replace(inner, raw=raw, author=name_in.group(1).strip())
    parts = _classify(_segments(_OP_CIT_RUN_ON.sub(r"\1, ", text)))
    flags = list(parts.flags)
    cited = parts.located or parts.place or parts.date  # a sentence-case title, not a sentence
    if parts.head and _is_prose(parts.head[0].text) and not cited:
        flags.append("reads as prose, not a citation this parser understands")
        return Citation(raw, UNPARSED, volume=parts.volume, pages=parts.pages, flags=tuple(flags))
    source, periodical = _interpret(parts)
    volume, year = parts.volume, parts.year
    if (volume is None and parts.year_after_head and source.work and _ABBREVIATION.match(source.work)
            and not source.author):  # fmt: skip
        volume, year = str(parts.year), None  # a series volumed by year: ``CWS, 1931``
    editor = source.editor or parts.editor
    form = _form(parts, source, editor)
    citation = Citation(
        raw,
        form,
        author=source.author,
        editor=editor,
        work=source.work,
        article=source.article or parts.piece_title,
        periodical=periodical,
        date=parts.date,
        volume=volume,
        issue=parts.issue,
        part=", ".join(parts.part) or None,
        pages=parts.pages,
        place=parts.place or (next((h.place for h in parts.head if h.place), None) if periodical else None),
        publisher=parts.publisher,
        year=year,
        short_title=parts.short_title,
    )
    return replace(citation, flags=(*flags, *_form_flags(citation)))


def _form(parts: _Parts, source: _Source, editor: str | None) -> str:
    if parts.op_cit:
        return OP_CIT
    if source.work or source.article:
        return FULL
    return SHORT if source.author or editor else UNPARSED


_NO_SOURCE = ("no author or work", "not a citation this parser understands", "no pages")


def _form_flags(c: Citation) -> tuple[str, ...]:
    if c.form == UNPARSED:
        located = c.pages or c.volume or c.issue or c.date
        return (_NO_SOURCE[0] if located else _NO_SOURCE[1],)
    if c.form in (FULL, SHORT) and not c.has_locator:
        return (_NO_SOURCE[2],)
    return ()


def _quoted(text: str) -> tuple[str, str] | None:
    """``X, quoted in Y``: the cited words' source (may be empty) and the work that quotes them."""
    for m in _QUOTED.finditer(text):
        depth = text[: m.start()].count("(") - text[: m.start()].count(")")
        if depth == 0 and text[m.end() :].strip():
            return text[: m.start()].strip(" ,"), text[m.end() :]
    return None


def parse_citation(raw: str) -> Citation:
    """Parse one citation on its own; back-references are resolved by ``resolve.resolve_notes``.

    A note may hold several (``parse_citations`` reads them all): this reads the first, flagged."""
    text = _clean(raw)
    cuts = _top_level(text, ";")
    if cuts and _clean(text[cuts[0] + 1 :]):
        first = parse_citation(text[: cuts[0]])
        return replace(
            first, raw=raw, flags=(*first.flags, "several citations: parse_citations reads them all")
        )
    prefix_match = _PREFIX.match(text)
    prefix = prefix_match.group(1) if prefix_match else None
    text = text[prefix_match.end() :] if prefix_match else text
    quoted = _quoted(text)
    if quoted is None:
        return replace(_body(text), raw=raw, prefix=prefix)
    source, quoting = quoted
    inner = _body(quoting)
    outer = _body(source) if source else Citation(raw)
    form = outer.form if outer.work or outer.form == SEE_NOTE else QUOTED
    flags = tuple(f for f in outer.flags if f not in _NO_SOURCE)
    return replace(outer, raw=raw, form=form, prefix=prefix, quoted_in=inner, flags=flags)


# a note's citations --------------------------------------------------------------------------------


def _pieces(raw: str) -> list[tuple[str, bool]]:
    """Slices of ``raw`` that are one citation each, covering all of it: cut after each ``;``
    outside parentheses, and after a full stop that closes a locator before a capitalised word
    (``…, page 5. Lenin, Works, …``). Each slice says whether it begins after such a full stop."""
    cuts = {i + 1: False for i in _top_level(raw, ";")}
    for m in _SENTENCE_BREAK.finditer(raw):
        last = _segments(raw[: m.start()].split(";")[-1])[-1:]
        if last and (_locates(last[0]) or _date(last[0]) or _BARE_YEAR.match(last[0])):
            cuts.setdefault(m.start() + 1, True)
    bounds = sorted(c for c in cuts if 0 < c < len(raw))
    starts, ends = [0, *bounds], [*bounds, len(raw)]
    return [(raw[a:b], cuts.get(a, False)) for a, b in zip(starts, ends, strict=True)]


def _locates(segment: str) -> bool:
    return _classify_locator(segment, _Parts(page_text=["0"]))


def _a_citation(c: Citation) -> bool:
    """After a full stop, a new citation only if it reads as one; otherwise it is a remark."""
    if c.form in (IBID, IDEM, OP_CIT, SEE_NOTE) or c.quoted_in is not None:
        return True
    return c.names_source and (c.has_locator or bool(c.year or c.volume or c.place))


def parse_citations(raw: str) -> tuple[Citation, ...]:
    """Every citation of one note, in order; their raw texts joined give the note's text back.

    A piece with locators only (``…; volume 22, page 140``) continues the work before it; a piece
    that is no citation after one that is (``… page 5. Emphasis added.``) is a comment."""
    found: list[Citation] = []
    for piece, after_stop in _pieces(raw):
        c = parse_citation(piece)
        if found and not c.names_source and c.form == UNPARSED and (c.pages or c.volume or c.issue):
            flags = tuple(f for f in c.flags if f not in _NO_SOURCE)
            c = replace(found[-1], raw=piece, volume=c.volume, issue=c.issue, part=c.part, pages=c.pages,
                        prefix=c.prefix, refers_to=None, quoted_in=None, flags=flags)  # fmt: skip
        elif found and (not _clean(piece) or c.form == UNPARSED or (after_stop and not _a_citation(c))):
            c = Citation(piece, COMMENT)
        found.append(c)
    return tuple(found)
