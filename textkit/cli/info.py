"""``textkit info``: what is in the corpus; on a folder, one row per document (with its short id)."""

from __future__ import annotations

from textkit.cli.app import AppState, cli, output_options, pass_state
from textkit.cli.options import doc_option
from textkit.output.formats import Column, number
from textkit.output.views import cards, document_table

COLUMNS = [
    Column("doc"),
    Column("title"),
    Column("author"),
    Column("book"),
    number("sections"),
    number("paragraphs"),
    number("words"),
    number("block_quotations", "block quotations"),
    number("markers", "footnote markers"),
    number("notes"),
    number("author_notes", "author notes"),
    Column("encoding"),
]
FOLDER_TABLE = [
    Column("doc_id", "id", fixed=True),
    Column("doc", "file", ratio=2, min_width=10),
    Column("title", ratio=2, min_width=10),
    number("paragraphs"),
    number("words"),
    number("block_quotations", "blocks"),
    number("markers"),
    number("notes"),
]


@cli.command()
@doc_option
@output_options
@pass_state
def info(state: AppState, fmt: str) -> None:
    """Summarise the corpus: documents, sections, paragraphs, words, quotations, notes.

    On a folder, the table has one row per document (its id, as --doc takes it) and a totals row.
    """
    from textkit.corpus.summary import corpus_summary

    summaries = corpus_summary(state.documents())
    renderer = cards if len(summaries) == 1 else document_table(FOLDER_TABLE)
    state.emit(summaries, COLUMNS, fmt, renderer=renderer)
