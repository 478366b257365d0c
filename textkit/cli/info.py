"""``textkit info``: what is in the corpus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textkit.cli.app import AppState, cli, output_options, pass_state
from textkit.output import Column, Row, cell

COLUMNS = [
    Column("doc"),
    Column("title"),
    Column("author"),
    Column("book"),
    Column("sections", justify="right"),
    Column("paragraphs", justify="right"),
    Column("words", justify="right"),
    Column("block_quotations", "block quotations", justify="right"),
    Column("markers", "footnote markers", justify="right"),
    Column("notes", justify="right"),
    Column("author_notes", "author notes", justify="right"),
    Column("encoding"),
]


def _cards(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """On a terminal a document reads better as a card of fields than as one very wide row."""
    from rich.console import Group
    from rich.table import Table

    cards = []
    for row in rows:
        card = Table(show_header=False, box=None, pad_edge=False, title=str(row["doc"]), title_justify="left")
        card.add_column(style="bold")
        card.add_column()
        for c in columns[1:]:
            card.add_row(c.title, cell(row.get(c.key)))
        cards.append(card)
    return Group(*cards)


@cli.command()
@output_options
@pass_state
def info(state: AppState, fmt: str) -> None:
    """Summarise the corpus: documents, sections, paragraphs, words, quotations, notes."""
    from textkit.info import corpus_summary

    state.emit(corpus_summary(state.corpus()), COLUMNS, fmt, renderer=_cards)
