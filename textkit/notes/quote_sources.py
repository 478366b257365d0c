"""A quotation's source as its footnote's resolved citation: ``Ibid., pp.254-5.`` read as the work it
repeats, so a data row names the book, not the back-reference."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import asdict
from typing import Any

from textkit.corpus.model import Corpus
from textkit.notes.footnotes import document_citations
from textkit.quotes.record import Quote


def quote_rows(corpus: Corpus, quotes: Iterable[Quote]) -> Iterator[dict[str, Any]]:
    """Each quotation as a row whose ``source`` is the resolved citation of its note (the note's own
    text when it is not a parsed citation), ``source_text`` the note as written, and ``kind_from``
    where its paragraph's kind came from (markup, inference or form)."""
    citations: dict[str, dict[str, Any]] = {}
    docs = {d.name: d for d in corpus.documents}
    for q in quotes:
        row = dict(vars(q)) if hasattr(q, "__dict__") else asdict(q)
        row["source_text"] = q.source
        row["kind_from"] = docs[q.doc].paragraphs[q.paragraph].kind_from if q.doc in docs else None
        if q.note and q.doc in docs:
            if q.doc not in citations:
                citations[q.doc] = document_citations(docs[q.doc])
            cited = citations[q.doc].get(q.note)
            if cited:
                row["source"] = "; ".join(c.display() for c in cited)
        yield row
