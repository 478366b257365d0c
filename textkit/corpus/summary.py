"""A summary of a corpus: the first thing a newcomer asks of it."""

from __future__ import annotations

from dataclasses import dataclass

from textkit.corpus.model import AUTHOR_NOTE, BLOCK, BODY, Corpus, Document


@dataclass(frozen=True)
class DocumentSummary:
    doc: str
    title: str | None
    author: str | None
    book: str | None
    sections: int
    paragraphs: int
    words: int
    block_quotations: int
    markers: int
    notes: int
    author_notes: int
    encoding: str


def summarise(doc: Document) -> DocumentSummary:
    """Counts of each part of one parsed document; paragraphs are body text and block quotations."""
    kinds = [p.kind for p in doc.paragraphs]
    return DocumentSummary(
        doc=doc.name,
        title=doc.title,
        author=doc.author,
        book=doc.book,
        sections=len(doc.sections),
        paragraphs=sum(k in (BODY, BLOCK) for k in kinds),
        words=doc.words,
        block_quotations=kinds.count(BLOCK),
        markers=len(doc.markers),
        notes=sum(n.kind == "numbered" for n in doc.notes),
        author_notes=kinds.count(AUTHOR_NOTE),
        encoding=doc.encoding,
    )


def corpus_summary(corpus: Corpus) -> list[DocumentSummary]:
    return [summarise(doc) for doc in corpus.documents]
