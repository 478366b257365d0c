"""Read an HTML page (a marxists.org chapter, an EPUB chapter, any HTML) into the document model.

Every kind comes from the markup, none from the words: heading elements make the title block and the
section headings; ``<blockquote>`` and quote classes (``p.quoteb``, ``p.quote``) make block quotations;
a link to an anchor further down (``<a href="#n12">[12]</a>`` → ``<a name="n12">``) makes a footnote
marker and its note; ``p.updat`` the closing line; navigation (``<nav>``, ``p.toplink``, ``p.link``,
paragraphs of nothing but links such as breadcrumbs and "Top of the page") is dropped.

The document's text is derived: the plain text of each kept block on a line of its own, a blank line
between, exactly like the text format, so ``text[start:end]`` round-trips and every later stage reads
an HTML document as it reads a text one. Markers are written ``[12]`` and notes start ``12. ``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

from textkit.corpus.decode import decode_html
from textkit.corpus.model import (
    AUTHOR_NOTE,
    BLOCK,
    BODY,
    FROM_FORM,
    FROM_MARKUP,
    HEADING,
    NOTE,
    TITLE,
    UPDATED,
    Document,
    Marker,
    Note,
    Paragraph,
)
from textkit.corpus.parse import is_chapter_line, is_updated_line, title_fields
from textkit.text.markers import MARKER_RE
from textkit.text.words import count_words_of

# Elements that start and end a block of text; everything else is inline.
BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu "
    "ol p pre section summary table tbody td tfoot th thead tr ul xmp".split()
)
HEADING_LEVELS = {f"h{n}": n for n in range(1, 7)}
# Elements whose content is never text of the page.
SKIPPED_TAGS = frozenset(
    "head title script style noscript template nav svg math button select option textarea iframe "
    "object embed audio video canvas map".split()
)
NOTE_CLASSES = frozenset({"note", "notes", "footnote", "footnotes", "endnote", "endnotes"})
NAV_CLASSES = frozenset(
    {"toplink", "link", "breadcrumb", "breadcrumbs", "nav", "navbar", "navigation", "menu"}
)
UPDATED_CLASSES = frozenset({"updat", "updated", "lastupdated"})
QUOTE_CLASSES = frozenset({"blockquote", "extract", "epigraph"})
NOTE_TYPES = frozenset({"footnote", "footnotes", "endnote", "endnotes", "rearnote", "rearnotes"})
NOTE_ROLES = frozenset({"doc-footnote", "doc-endnote", "doc-endnotes"})
NAV_TYPES = frozenset({"toc", "landmarks", "page-list"})
NAV_ROLES = frozenset({"navigation", "doc-toc"})
TITLE_MAX_HEADINGS = 3
TRAILER_BLOCKS = 3

# Context flags, inherited from an element by everything inside it.
QUOTE, NOTE_AREA, NAV, LINK, UPDATED_AREA, PRE = 1, 2, 4, 8, 16, 32

_LABEL = re.compile(r"\s*[\[(]?\s*(\d{1,4})\s*(\*?)\s*[\])]?\s*\.?\s*")
_LEADING_LABEL = re.compile(r"[\[(]?(\d{1,4}\*?)(?:[\])]\.?|\.)(?:\s+|$)")
_ALNUM = re.compile(r"[^\W_]")
_SIGN_CHARS = 3  # ``↩``, ``^``, ``[↑]``: a back link's sign


@dataclass
class _Ref:
    """A link to an anchor in the page whose text is a note label (``[12]``, ``12.``, ``1*``) or a
    sign (``↩``, ``^``): a footnote marker if it points forward to a note, a back link if not."""

    label: str | None
    target: str
    text: str
    noteref: bool = False  # marked as a note reference (``epub:type="noteref"``), maybe to another file
    marker: bool = False
    back: bool = False


@dataclass
class _Block:
    """The inline content of one block element, as the walk found it."""

    tag: str
    flags: int
    parts: list[str | _Ref] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)  # anchors whose first text is here
    plain_words: bool = False  # letters or digits outside links
    links: bool = False  # a link that is not a footnote marker
    number: str | None = None  # its item number, in a numbered list of notes

    def text(self) -> str:
        """The block's plain text on one line: markers as `` [12]``, white space collapsed."""
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                out.append(f" [{part.label}]" if part.marker else "" if part.back else part.text)
        return " ".join("".join(out).replace("\ufeff", "").split())


def _own_flags(tag: str, attrs: dict[str, str | None]) -> int:
    """What an element itself says about the text inside it."""
    flags = QUOTE if tag == "blockquote" else 0
    if tag == "pre":
        flags |= PRE
    if tag == "a" and attrs.get("href"):
        flags |= LINK
    for name in (attrs.get("class") or "").lower().split():
        if name.startswith("quote") or name in QUOTE_CLASSES:
            flags |= QUOTE
        elif name in NOTE_CLASSES:
            flags |= NOTE_AREA
        elif name in NAV_CLASSES:
            flags |= NAV
        elif name in UPDATED_CLASSES:
            flags |= UPDATED_AREA
    types = set((attrs.get("epub:type") or "").lower().split())
    role = (attrs.get("role") or "").lower()
    if types & NOTE_TYPES or role in NOTE_ROLES:
        flags |= NOTE_AREA
    if types & NAV_TYPES or role in NAV_ROLES:
        flags |= NAV
    return flags


def _is_noteref(attrs: dict[str, str | None]) -> bool:
    types = (attrs.get("epub:type") or "").lower().split()
    return "noteref" in types or (attrs.get("role") or "").lower() == "doc-noteref"


def note_label(text: str) -> str | None:
    """``12`` for a link reading ``[12]``, ``12``, ``(12)`` or ``12.``; ``1*`` for ``[1*]``."""
    m = _LABEL.fullmatch(text)
    return m.group(1) + m.group(2) if m else None


@dataclass
class _Owner:
    """An open block element; an ``<ol>`` counts its items, which number the notes of a notes list."""

    tag: str
    flags: int
    items: int = 0


class _Walk:
    """One pass over the element tree in document order, collecting blocks of inline text."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self.owners: list[_Owner] = [_Owner("body", 0)]
        self.current: _Block | None = None
        self.pending: list[str] = []
        self.pending_number: str | None = None

    def _block(self) -> _Block:
        if self.current is None:
            owner = self.owners[-1]
            self.current = _Block(owner.tag, owner.flags)
        return self.current

    def _open(self, tag: str, flags: int, attrs: dict[str, str | None]) -> None:
        parent = self.owners[-1]
        if tag == "li" and parent.tag == "ol":
            parent.items += 1
            self.pending_number = str(parent.items) if flags & NOTE_AREA else None
        start = attrs.get("start") or ""
        self.owners.append(_Owner(tag, flags, int(start) - 1 if tag == "ol" and start.isdigit() else 0))

    def flush(self) -> None:
        if self.current is not None and self.current.parts:
            self.blocks.append(self.current)
        self.current = None

    def _anchor(self, block: _Block) -> None:
        if self.pending:
            block.targets.extend(self.pending)
            self.pending.clear()
        if self.pending_number:
            block.number, self.pending_number = self.pending_number, None

    def text(self, text: str, flags: int) -> None:
        if flags & PRE and "\n" in text:
            *lines, last = text.split("\n")
            for line in lines:
                self.text(line, flags & ~PRE)
                self.flush()
            text = last
        if not text:
            return
        block = self._block()
        block.parts.append(text)
        if text.isspace():
            return
        self._anchor(block)
        if flags & LINK:
            block.links = True
        elif not block.plain_words and _ALNUM.search(text):
            block.plain_words = True

    def ref(self, ref: _Ref) -> None:
        block = self._block()
        block.parts.append(ref)
        self._anchor(block)

    def walk(self, root: Any) -> list[_Block]:
        stack: list[tuple[Any, int, bool]] = [(root, 0, False)]
        while stack:
            node, flags, closing = stack.pop()
            if closing:
                self.flush()
                self.owners.pop()
                continue
            tag = node.tag
            if tag == "-text":
                self.text(node.text_content or "", flags)
                continue
            if tag[:1] in "-_!" or tag in SKIPPED_TAGS:
                continue  # comments, doctype, scripts, navigation
            attrs = node.attributes
            if "hidden" in attrs:
                continue
            self.pending.extend(v for v in (attrs.get("id"), attrs.get("name")) if v)
            flags |= _own_flags(tag, attrs)
            if tag == "br":
                self.text(" ", flags)
                continue
            href = attrs.get("href") or ""
            if tag == "a" and ("#" in href or _is_noteref(attrs)):
                text = node.text(deep=True)
                label = note_label(text)
                if label or (len(text) <= _SIGN_CHARS and not _ALNUM.search(text)):
                    self.ref(_Ref(label, href.partition("#")[2], text, noteref=_is_noteref(attrs)))
                    continue
            if tag in BLOCK_TAGS:
                self.flush()
                self._open(tag, flags, attrs)
                stack.append((node, flags, True))
            children = list(node.iter(include_text=True))
            stack.extend((child, flags, False) for child in reversed(children))
        self.flush()
        return self.blocks


def _resolve_markers(blocks: list[_Block]) -> dict[int, str]:
    """Mark the links that point forward to another block (not a heading) as footnote markers;
    returns the label of each block such a link points to: those blocks are the notes."""
    where: dict[str, int] = {}
    for i, block in enumerate(blocks):
        for target in block.targets:
            where.setdefault(target, i)
    labels: dict[int, str] = {}
    for i, block in enumerate(blocks):
        for part in block.parts:
            if not isinstance(part, _Ref):
                continue
            if block.flags & NAV:  # a numbered table of contents links forward too
                block.links = True
                continue
            j = where.get(part.target)
            if part.label and j is not None and j > i and blocks[j].tag not in HEADING_LEVELS:
                part.marker = True
                labels.setdefault(j, part.label)
            elif part.label and part.noteref:
                part.marker = True  # its note is in another file, or missing: a marker all the same
            else:
                part.back = (j is None or j < i) and not _ALNUM.search(part.text)
                block.links = True
    return labels


@dataclass
class _Line:
    """A kept block: its text, kind, where the kind came from and, for a note, its label."""

    text: str
    kind: str
    kind_from: str = FROM_MARKUP
    label: str | None = None
    level: int = 0


def _kind(block: _Block, text: str, linked: str | None) -> tuple[str, str | None] | None:
    """The block's kind and, for a note, its label, or None for navigation.

    A note (a block a marker links to, or a labelled block of a notes area) is labelled by its own
    leading number when it has one, as in the text format, else by the marker's label, else by its
    item number in a numbered list of notes (an EPUB's endnotes file, whose markers are elsewhere)."""
    m = _LEADING_LABEL.match(text) if linked is not None or block.flags & NOTE_AREA else None
    label = m.group(1) if m else linked or block.number
    if label is not None:
        return (AUTHOR_NOTE if label.endswith("*") else NOTE), label
    if block.flags & NAV or (block.links and not block.plain_words):
        return None
    if block.tag in HEADING_LEVELS:
        return HEADING, None
    if block.flags & UPDATED_AREA:
        return UPDATED, None
    return (BLOCK if block.flags & QUOTE else BODY), None


def _lines(blocks: list[_Block]) -> list[_Line | None]:
    """Each block as a kept line, or None for a navigation block (empty blocks vanish). A later
    paragraph of a note (an unlabelled block of a notes area right after it) joins the note's line."""
    notes = _resolve_markers(blocks)
    lines: list[_Line | None] = []
    for i, block in enumerate(blocks):
        text = block.text()
        if not text:
            continue
        decided = _kind(block, text, notes.get(i))
        if decided is None:
            lines.append(None)
            continue
        kind, label = decided
        previous = lines[-1] if lines else None
        continues = label is None and kind != HEADING and block.flags & NOTE_AREA
        if continues and previous is not None and previous.label is not None:
            previous.text = f"{previous.text} {text}"
            continue
        if label is not None:
            m = _LEADING_LABEL.match(text)
            rest = text[m.end() :] if m else text
            text = f"{label}. {rest}" if rest else f"{label}."
        lines.append(_Line(text, kind, label=label, level=HEADING_LEVELS.get(block.tag, 0)))
    return lines


def _mark_title(lines: list[_Line | None]) -> None:
    """The leading headings are the title block while they rise in rank (``h4`` author, ``h3`` book,
    ``h1`` chapter) or until the chapter line; navigation after the first one ends it too."""
    taken = 0
    rank = 7
    for line in lines:
        if line is None:
            if taken:
                return
            continue
        if line.kind != HEADING:
            return
        chapter = is_chapter_line(line.text)
        if taken and line.level > rank and not chapter:
            return
        line.kind = TITLE
        taken += 1
        rank = min(rank, line.level)
        if chapter or taken == TITLE_MAX_HEADINGS:
            return


def _mark_trailer(lines: list[_Line]) -> None:
    """A closing ``Last updated …`` line the markup did not mark is known by its form."""
    for line in lines[-TRAILER_BLOCKS:]:
        if line.kind in (BODY, BLOCK) and is_updated_line(line.text):
            line.kind, line.kind_from = UPDATED, FROM_FORM


def _fallback_fields(parser: Any) -> tuple[str | None, str | None]:
    """The page's ``<title>`` and ``<meta name="author">``, for a page whose headings say nothing."""
    title = parser.css_first("title")
    author = parser.css_first('meta[name="author"]')
    title_text = " ".join(title.text().split()) if title is not None else ""
    author_text = " ".join((author.attributes.get("content") or "").split()) if author is not None else ""
    return title_text or None, author_text or None


def read_html(data: bytes, name: str = "<html>") -> Document:
    """Parse an HTML page's bytes into a Document whose text is derived from its blocks.

    The Document's ``warning`` (a decoding problem) does not name the file, so it can be cached by
    content; a page may come out with no body text (a cover page): the caller decides."""
    from selectolax.lexbor import LexborHTMLParser

    decoded = decode_html(data, name)
    parser = LexborHTMLParser(decoded.text)
    root = parser.body if parser.body is not None else parser.root
    lines = _lines(_Walk().walk(root)) if root is not None else []
    _mark_title(lines)
    kept = [line for line in lines if line is not None]
    _mark_trailer(kept)
    doc = _document(kept, name, decoded.encoding)
    doc.warning = decoded.warning
    if doc.chapter is None and doc.book is None:
        title, author = _fallback_fields(parser)
        doc.chapter = title
        doc.author = doc.author or author
    elif doc.author is None:
        doc.author = _fallback_fields(parser)[1]
    return doc


def _title(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    if len(lines) == 1:
        return None, None, lines[0]
    return title_fields(lines)


def _document(lines: list[_Line], name: str, encoding: str) -> Document:
    """Lay the kept lines out as text, one a line with a blank line between, and record every span."""
    text = "\n\n".join(line.text for line in lines) + ("\n" if lines else "")
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    markers: list[Marker] = []
    section: str | None = None
    starts = list(accumulate((len(line.text) + 2 for line in lines), initial=0))[: len(lines)]
    counts = count_words_of(text, [(s, s + len(line.text)) for s, line in zip(starts, lines, strict=True)])
    for index, (line, start, words) in enumerate(zip(lines, starts, counts, strict=True)):
        end = start + len(line.text)
        if line.kind == HEADING:
            section = line.text
        paragraphs.append(
            Paragraph(index, start, end, line.kind, section, words, line.text, name, line.kind_from)
        )
        if line.label is not None:
            kind = "author" if line.kind == AUTHOR_NOTE else "numbered"
            text_start = min(start + len(line.label) + 2, end)
            notes.append(Note(line.label, kind, start, end, text_start, index))
        in_note = line.label
        for m in MARKER_RE.finditer(line.text):
            markers.append(Marker(m.group(1), start + m.start(), start + m.end(), index, in_note))
    author, book, chapter = _title([line.text for line in lines if line.kind == TITLE])
    return Document(
        name=name,
        text=text,
        digest="",
        author=author,
        book=book,
        chapter=chapter,
        paragraphs=paragraphs,
        markers=markers,
        notes=notes,
        encoding=encoding,
    )
