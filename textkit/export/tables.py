"""The corpus as rows of the exported tables, each table built from the library's own records.

Nothing here analyses text: documents and paragraphs come from the parse, quotes from
``find_quotes``, the cast and its mentions from the people stage (through ``people_rows``, the one
place to change when that stage's records change), notes and citations from ``note_entries``.
Every per-document stage behind them is cached per document, which is what makes a re-export of a
corpus with one changed file redo only that file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from textkit.corpus.model import Corpus
from textkit.export.schema import TABLES
from textkit.notes.footnotes import NoteEntry, entry_row, note_entries
from textkit.people.mentions import Mention, cast, find_mentions
from textkit.quotes.find import find_quotes
from textkit.quotes.record import Quote

Rows = list[dict[str, Any]]
_NOTE_COLUMNS = next(t for t in TABLES if t.name == "notes").names


def _file(corpus: Corpus, name: str) -> str:
    """The path a document was read from (its name alone for standard input)."""
    source = Path(corpus.source) if corpus.source else None
    if source is not None and source.is_dir():
        return str(source / name)
    return str(source) if source is not None and source.is_file() else name


def document_rows(corpus: Corpus) -> tuple[Rows, Rows]:
    """``documents`` and ``paragraphs``, in document and reading order."""
    documents, paragraphs = [], []
    for doc in corpus.documents:
        file = _file(corpus, doc.name)
        documents.append(
            {"id": doc.name, "file": file, "title": doc.title, "author": doc.author, "book": doc.book,
             "chapter": doc.chapter, "digest": doc.digest}
        )  # fmt: skip
        paragraphs.extend(
            {"doc": doc.name, "index": p.index, "section": p.section, "kind": p.kind, "start": p.start,
             "end": p.end, "text": p.text}
            for p in doc.paragraphs
        )  # fmt: skip
    return documents, paragraphs


def quote_rows(corpus: Corpus, quotes: Iterable[Quote]) -> Rows:
    """Every field of ``quotes --format json``, quoted terms included: the resolved source, the
    note as written, where the paragraph's kind came from, and the document's short id."""
    from textkit.corpus.docs import short_ids
    from textkit.notes.quote_sources import quote_rows as with_sources

    ids = short_ids([d.name for d in corpus.documents])
    return [{**row, "doc_id": ids.get(row["doc"], row["doc"])} for row in with_sources(corpus, quotes)]


def people_rows(corpus: Corpus, quotes: Sequence[Quote]) -> tuple[Rows, Rows]:
    """The typed cast (``people``: every name, person, body or other, with its evidence) and where
    each person is named (``mentions``). Speakers of quotations the cast does not hold (a body such
    as ``congress``) and the aliases' targets are added, so every mention has its row."""
    speakers = {q.speaker for q in quotes if q.speaker}
    mentions: list[Mention] = find_mentions(corpus, speakers)
    rows = {r["name"]: {**r, "evidence": "; ".join(r["evidence"])} for r in cast(corpus)}
    for name in speakers & set(rows):  # whoever is credited with a quotation speaks
        if rows[name]["type"] == "other":
            rows[name].update(type="body" if name.islower() else "person")
            rows[name]["evidence"] = "speaks in quotations; " + rows[name]["evidence"]
    seen: dict[str, list[Mention]] = {}
    for m in mentions:
        seen.setdefault(m.person, []).append(m)
    for name, named in seen.items():  # a person's row counts the mentions table holds for them
        if name in rows:
            rows[name].update(mentions=len(named), first_doc=named[0].doc, first_paragraph=named[0].paragraph,
                              last_doc=named[-1].doc, last_paragraph=named[-1].paragraph)  # fmt: skip
    for name in sorted((speakers | set(corpus.aliases.values()) | set(seen)) - set(rows)):
        named = seen.get(name, [])
        first, last = (named[0], named[-1]) if named else (None, None)
        evidence = "speaks in quotations" if name in speakers else "an alias names it"
        rows[name] = {"name": name, "type": "body" if name.islower() else "person", "evidence": evidence,
                      "mentions": len(named), "first_doc": first and first.doc,
                      "first_paragraph": first and first.paragraph, "last_doc": last and last.doc,
                      "last_paragraph": last and last.paragraph}  # fmt: skip
    mention_rows = [{"id": i, **asdict(m)} for i, m in enumerate(mentions, 1)]
    return sorted(rows.values(), key=lambda r: r["name"]), mention_rows


def note_rows(entries: Iterable[NoteEntry]) -> tuple[Rows, Rows]:
    """``notes`` (the parsed citation of each, with ``refers_to``) and ``citations`` (each marker
    calling a note, and the quotation that note sources)."""
    notes, citations = [], []
    for entry in entries:
        row = entry_row(entry)
        notes.append({"paragraph": entry.paragraph, **{k: row[k] for k in _NOTE_COLUMNS if k in row}})
        citations.extend({"doc": entry.doc, "label": entry.label, **place} for place in row["places"])
    return notes, citations


def corpus_tables(corpus: Corpus) -> dict[str, Rows]:
    """Every table of the export, by name, rows in document order."""
    quotes = find_quotes(corpus)
    documents, paragraphs = document_rows(corpus)
    cast, mentions = people_rows(corpus, quotes)
    notes, citations = note_rows(note_entries(corpus))
    tables = {
        "documents": documents,
        "paragraphs": paragraphs,
        "quotes": quote_rows(corpus, quotes),
        "people": cast,
        "mentions": mentions,
        "notes": notes,
        "citations": citations,
    }
    return {t.name: [{c: row[c] for c in t.names} for row in tables[t.name]] for t in TABLES}
