"""``textkit info``: what is in the corpus."""

from __future__ import annotations

from textkit.cli.app import AppState, cli, output_options, pass_state
from textkit.output.formats import Column, number
from textkit.output.views import cards

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


@cli.command()
@output_options
@pass_state
def info(state: AppState, fmt: str) -> None:
    """Summarise the corpus: documents, sections, paragraphs, words, quotations, notes."""
    from textkit.corpus.summary import corpus_summary

    state.emit(corpus_summary(state.corpus()), COLUMNS, fmt, renderer=cards)
