"""The document model: documents → paragraphs → footnote markers and notes, all with exact offsets.

Every span is a pair of character offsets into ``Document.text`` (the decoded file without its BOM, or
for an HTML page the plain text derived from its blocks), so ``document.text[start:end]`` gives back
exactly what was parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from textkit.store.cache import Cache

# Paragraph kinds, in reading order of a chapter.
TITLE = "title"
HEADING = "heading"
BODY = "body"
BLOCK = "block"
AUTHOR_NOTE = "author_note"
NOTE = "note"
UPDATED = "updated"
KINDS = (TITLE, HEADING, BODY, BLOCK, AUTHOR_NOTE, NOTE, UPDATED)
RUNNING_TEXT = (BODY, BLOCK, HEADING, AUTHOR_NOTE)

# Where a paragraph's kind came from: the line's own form (text), an inference from its neighbours
# (a text block quotation after a lead-in), or the markup of an HTML page.
FROM_FORM = "form"
FROM_INFERENCE = "inference"
FROM_MARKUP = "markup"
KIND_SOURCES = (FROM_FORM, FROM_INFERENCE, FROM_MARKUP)


@dataclass(frozen=True)
class Marker:
    """A footnote marker such as ``[12]`` or ``[1*]``; ``in_note`` names the note it sits in, if any."""

    label: str
    start: int
    end: int
    paragraph: int
    in_note: str | None = None


@dataclass(frozen=True)
class Note:
    """A note from the notes list (``12. …``) or an author note (``1*. …``)."""

    label: str
    kind: str  # "numbered" or "author"
    start: int  # the whole line, label included
    end: int
    text_start: int  # the note's text, after "12. "
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the document; ``index`` counts non-empty lines from 0, ``doc`` names it,
    ``kind_from`` says how its kind was decided (``form``, ``inference`` or ``markup``)."""

    index: int
    start: int
    end: int
    kind: str
    section: str | None
    words: int
    text: str = field(default="", compare=False, repr=False)
    doc: str = ""
    kind_from: str = FROM_FORM


@dataclass(repr=False)
class Document:
    """A parsed text: its title block, paragraphs, markers and notes."""

    name: str
    text: str
    digest: str
    author: str | None
    book: str | None
    chapter: str | None
    paragraphs: list[Paragraph]
    markers: list[Marker]
    notes: list[Note]
    encoding: str = "utf-8"
    warning: str | None = None  # what the reader should be told about the input (bad bytes…)

    @property
    def sections(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == HEADING]

    @property
    def title(self) -> str | None:
        return self.chapter or self.book

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs if p.kind in RUNNING_TEXT)

    def __repr__(self) -> str:
        return (
            f"<Document {self.name!r}: {len(self.paragraphs)} paragraphs, {self.words} words, "
            f"{len(self.notes)} notes>"
        )

    def note(self, label: str) -> Note | None:
        return next((n for n in self.notes if n.label == label), None)

    def note_text(self, note: Note) -> str:
        return self.text[note.text_start : note.end]


@dataclass(repr=False)
class Corpus:
    """The documents a command works on, in order, per-corpus knowledge (aliases) and the cache that
    analyses of it may use."""

    documents: list[Document]
    aliases: dict[str, str] = field(default_factory=dict)
    source: str = ""
    cache: Cache = field(default_factory=lambda: Cache(enabled=False), repr=False, compare=False)
    alias_types: dict[str, str] = field(default_factory=dict)  # name → person | body | other

    def __repr__(self) -> str:
        words = sum(d.words for d in self.documents)
        return f"<Corpus {self.source!r}: {len(self.documents)} documents, {words} words>"

    def document(self, name: str) -> Document | None:
        return next((d for d in self.documents if d.name == name), None)
