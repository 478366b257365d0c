"""One paragraph in full, as AntConc's file view shows it: its section, the quotations in it (with
their speakers), its footnote markers and their notes. Offsets are relative to the paragraph's text,
so a renderer can highlight spans without knowing the document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textkit.corpus.docs import match_documents, short_ids
from textkit.corpus.model import Corpus
from textkit.errors import UsageError
from textkit.notes.footnotes import document_citations
from textkit.quotes.find import find_quotes

_PARAGRAPH = re.compile(r"¶?\s*([0-9]+)")


@dataclass(frozen=True)
class QuoteSpan:
    id: str
    start: int
    end: int
    speaker: str | None
    kind: str
    type: str


@dataclass(frozen=True)
class MarkerNote:
    label: str
    start: int
    end: int
    note: str | None  # the note's text as written (None when the notes list has no such note)
    citation: str | None  # the resolved citation, for a numbered note


@dataclass(frozen=True)
class ParagraphView:
    doc: str
    doc_id: str
    paragraph: int
    kind: str
    section: str | None
    text: str
    quotes: tuple[QuoteSpan, ...]
    markers: tuple[MarkerNote, ...]
    paragraphs: int  # how many the document has, for "¶12 of 180"


def parse_paragraph(value: str) -> int:
    """``12`` or ``¶12`` (as tables print it)."""
    m = _PARAGRAPH.fullmatch(value.strip())
    if not m:
        raise UsageError(f"{value!r} is not a paragraph number such as 12 or ¶12")
    return int(m.group(1))


def paragraph_view(corpus: Corpus, doc: str | None, paragraph: int) -> ParagraphView:
    """Paragraph ``paragraph`` of document ``doc`` (an id, a name or a unique part; may be None on a
    one-document corpus)."""
    names = [d.name for d in corpus.documents]
    if doc is None and len(names) > 1:
        raise UsageError(f"the corpus has {len(names)} documents: say which, as in `show d1 ¶{paragraph}`")
    (name,) = match_documents(names, doc) if doc is not None else names[:1]
    document = next(d for d in corpus.documents if d.name == name)
    if not 0 <= paragraph < len(document.paragraphs):
        raise UsageError(f"{name} has paragraphs 0 to {len(document.paragraphs) - 1}, not {paragraph}")
    para = document.paragraphs[paragraph]
    quotes = tuple(
        QuoteSpan(q.id, q.start - para.start, q.end - para.start, q.speaker, q.kind, q.type)
        for q in find_quotes(corpus)
        if q.doc == name and para.start <= q.start < para.end
    )
    citations = document_citations(document)
    markers = []
    for m in document.markers:
        if m.paragraph != paragraph:
            continue
        note = document.note(m.label)
        cited = citations.get(m.label)
        markers.append(
            MarkerNote(
                m.label,
                m.start - para.start,
                m.end - para.start,
                document.note_text(note) if note else None,
                "; ".join(c.display() for c in cited) if cited else None,
            )
        )
    return ParagraphView(
        name,
        short_ids(names)[name],
        paragraph,
        para.kind,
        para.section,
        document.text[para.start : para.end],
        quotes,
        tuple(markers),
        len(document.paragraphs),
    )
