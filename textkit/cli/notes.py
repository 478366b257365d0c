"""``textkit footnote``, ``footnotes`` and ``sources``: the evidence behind the notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output import Column, Row, cell

NOTE_FIELDS = [
    Column("doc"),
    Column("label", justify="right"),
    Column("kind"),
    Column("text"),
    Column("citation"),
    Column("author"),
    Column("work"),
    Column("volume"),
    Column("pages"),
    Column("place"),
    Column("year"),
    Column("date"),
    Column("form"),
    Column("refers_to"),
    Column("status"),
    Column("flags"),
    Column("cited", justify="right"),
    Column("where"),
    Column("sentences"),
    Column("quotes"),
    Column("speakers"),
]
NOTES_TABLE = [
    Column("label", "note", justify="right", no_wrap=True),
    Column("summary", "citation (or the note, for an author's note)", ratio=4),
    Column("where", "cited at", ratio=2),
    Column("speakers", "sources quote by", ratio=2),
    Column("status", "parse"),
]
SOURCE_FIELDS = [
    Column("author"),
    Column("work", ratio=3),
    Column("published"),
    Column("notes", justify="right"),
    Column("labels", ratio=2),
    Column("volumes"),
    Column("pages", ratio=2),
    Column("speakers", "sources quotes by", ratio=2),
    Column("docs", justify="right"),
    Column("flags", ratio=2),
]


def _entries(state: AppState, doc: str | None) -> list[Any]:
    from textkit.cache import Cache
    from textkit.footnotes import note_entries, select_documents
    from textkit.quotes import find_quotes

    corpus = state.corpus()
    chosen = select_documents(corpus, doc)
    return note_entries(corpus, find_quotes(corpus), chosen, Cache(enabled=state.use_cache))


def _place_lines(places: Sequence[Row]) -> list[str]:
    """Rich markup for each citing place: where, the sentence, the quotation it sources."""
    from rich.markup import escape

    lines = []
    for p in places:
        where = f"¶{p['paragraph']}" + (f" in note {p['in_note']}" if p["in_note"] else "")
        where += f" · {p['section']}" if p["section"] else ""
        lines.append(f"[bold]{escape(where)}[/bold]\n{escape(p['sentence'])}")
        if p["quote"]:
            speaker = escape(p["speaker"] or "speaker unknown")
            lines.append(f"[dim]sources the quotation[/dim] ‘{escape(p['quote'])}’ — [bold]{speaker}[/bold]")
    return lines or ["[italic]never cited in the text[/italic]"]


def _note_cards(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """A note reads best as a card: its text, the parsed citation, then each place that cites it."""
    from rich.console import Group
    from rich.markup import escape
    from rich.table import Table

    cards = []
    for row in rows:
        card = Table(show_header=False, box=None, pad_edge=False, title_justify="left",
                     title=f"[bold]Note {row['label']}[/bold] · {row['doc']}")  # fmt: skip
        card.add_column(style="bold", no_wrap=True)
        card.add_column()
        card.add_row("text", escape(row["text"]))
        for key in (
            "author",
            "work",
            "volume",
            "pages",
            "place",
            "year",
            "date",
            "form",
            "refers_to",
            "flags",
        ):
            if row.get(key) not in (None, "", []):
                card.add_row(key.replace("_", " "), escape(cell(row[key])))
        card.add_row("cited", "\n".join(_place_lines(row["places"])))
        cards.append(card)
    return Group(*cards)


@cli.command()
@click.argument("labels", nargs=-1, required=True)
@click.option("--doc", metavar="NAME", help="The document, in a folder corpus (its name or part of it).")
@output_options
@pass_state
def footnote(state: AppState, labels: tuple[str, ...], doc: str | None, fmt: str) -> None:
    """Show notes LABEL… (21, 1*): text, parsed citation, every place cited and the quotation it sources."""
    from textkit.footnotes import entry_row, select_notes

    chosen = select_notes(_entries(state, doc), labels)
    state.emit([entry_row(e) for e in chosen], NOTE_FIELDS, fmt, renderer=_note_cards)


@cli.command()
@click.option("--source", "source", metavar="TEXT", help="Only notes citing TEXT (author or work, any case).")
@click.option("--doc", metavar="NAME", help="Only this document of a folder corpus.")
@click.option("--flagged", is_flag=True, help="Only notes whose citation is not fully parsed or is flagged.")
@output_options
@pass_state
def footnotes(state: AppState, source: str | None, doc: str | None, flagged: bool, fmt: str) -> None:
    """All notes in one table: citation, where each is cited, whose quotation it sources."""
    from textkit.footnotes import entry_row, filter_by_source

    entries = _entries(state, doc)
    if not entries:
        warn("the corpus has no notes")
    elif source:
        entries = filter_by_source(entries, source)
        if not entries:
            warn(f"no note cites {source!r}")
    rows = [entry_row(e) for e in entries]
    if flagged:
        rows = [r for r in rows if r["kind"] == "numbered" and (r["status"] != "parsed" or r["flags"])]
    multi = len({r["doc"] for r in rows}) > 1
    table = ([Column("doc")] if multi else []) + NOTES_TABLE
    state.emit(rows, NOTE_FIELDS, fmt, renderer=lambda rs, _cols: _table(rs, table))


def _table(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    from textkit.output import rich_table

    return rich_table(rows, columns)


@cli.command()
@click.option("--doc", metavar="NAME", help="Only this document of a folder corpus.")
@click.option("--sort", type=click.Choice(["notes", "author", "work"]), default="notes", show_default=True)
@click.option("--top", type=click.IntRange(min=1), metavar="N", help="Only the first N works.")
@output_options
@pass_state
def sources(state: AppState, doc: str | None, sort: str, top: int | None, fmt: str) -> None:
    """Works cited, grouped: how many notes cite each, the pages, and whose quotations they source."""
    from textkit.sources import sort_sources, sources_table
    from textkit.speakers import table_records

    entries = _entries(state, doc)
    if not entries:
        warn("the corpus has no notes")
    table = sort_sources(sources_table(entries), sort, top)
    multi = len({e.doc for e in entries}) > 1
    columns = [c for c in SOURCE_FIELDS if multi or c.key != "docs"]
    state.emit(table_records(table), SOURCE_FIELDS, fmt, renderer=lambda rs, _cols: _table(rs, columns))
