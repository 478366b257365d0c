"""The document model: documents → paragraphs → footnote markers and notes, all with exact offsets.

Every span is a pair of character offsets into ``Document.text`` (the decoded file without its BOM),
so ``document.text[start:end]`` gives back exactly what was parsed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from textkit.cache import Cache

# Paragraph kinds, in reading order of a chapter.
TITLE = "title"
HEADING = "heading"
BODY = "body"
BLOCK = "block"
AUTHOR_NOTE = "author_note"
NOTE = "note"
UPDATED = "updated"
RUNNING_TEXT = (BODY, BLOCK, HEADING, AUTHOR_NOTE)


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
    """One non-empty line of the document; ``index`` counts non-empty lines from 0, ``doc`` names it."""

    index: int
    start: int
    end: int
    kind: str
    section: str | None
    words: int
    text: str = field(default="", compare=False, repr=False)
    doc: str = ""


@dataclass
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

    @property
    def sections(self) -> list[str]:
        return [p.text for p in self.paragraphs if p.kind == HEADING]

    @property
    def title(self) -> str | None:
        return self.chapter or self.book

    @property
    def words(self) -> int:
        return sum(p.words for p in self.paragraphs if p.kind in RUNNING_TEXT)

    def note(self, label: str) -> Note | None:
        return next((n for n in self.notes if n.label == label), None)

    def note_text(self, note: Note) -> str:
        return self.text[note.text_start : note.end]

    def to_cache(self) -> dict[str, Any]:
        """Everything but the text itself, which is re-read from the file and sliced on load."""
        return {
            "author": self.author,
            "book": self.book,
            "chapter": self.chapter,
            "paragraphs": [[p.index, p.start, p.end, p.kind, p.section, p.words] for p in self.paragraphs],
            "markers": [asdict(m) for m in self.markers],
            "notes": [asdict(n) for n in self.notes],
        }

    @classmethod
    def from_cache(
        cls, payload: dict[str, Any], *, name: str, text: str, digest: str, encoding: str
    ) -> Document:
        paragraphs = [
            Paragraph(i, s, e, k, sec, w, text[s:e], name) for i, s, e, k, sec, w in payload["paragraphs"]
        ]
        return cls(
            name=name,
            text=text,
            digest=digest,
            author=payload["author"],
            book=payload["book"],
            chapter=payload["chapter"],
            paragraphs=paragraphs,
            markers=[Marker(**m) for m in payload["markers"]],
            notes=[Note(**n) for n in payload["notes"]],
            encoding=encoding,
        )


@dataclass
class Corpus:
    """The documents a command works on, in order, per-corpus knowledge (aliases) and the cache that
    analyses of it may use."""

    documents: list[Document]
    aliases: dict[str, str] = field(default_factory=dict)
    source: str = ""
    cache: Cache = field(default_factory=lambda: Cache(enabled=False), repr=False, compare=False)
    memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)  # per-run results

    def document(self, name: str) -> Document | None:
        return next((d for d in self.documents if d.name == name), None)
