"""``textkit footnote``, ``footnotes`` and ``sources``: the evidence behind the notes."""

from __future__ import annotations

from typing import Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column
from textkit.output.views import note_cards, table_of

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
    Column("label", "note", justify="right", fixed=True),
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
    from textkit.notes.footnotes import note_entries, select_documents
    from textkit.quotes.find import find_quotes

    corpus = state.corpus()
    with state.progress("finding and attributing quotations") as bar:
        find_quotes(corpus, progress=bar)  # kept for the run: note_entries reads them back
    with state.progress("reading the notes") as bar:
        return note_entries(corpus, select_documents(corpus, doc), progress=bar)


@cli.command()
@click.argument("labels", nargs=-1, required=True)
@click.option("--doc", metavar="NAME", help="The document, in a folder corpus (its name or part of it).")
@output_options
@pass_state
def footnote(state: AppState, labels: tuple[str, ...], doc: str | None, fmt: str) -> None:
    """Show notes LABEL… (21, 1*): text, parsed citation, every place cited and the quotation it sources."""
    from textkit.notes.footnotes import entry_row, select_notes

    chosen = select_notes(_entries(state, doc), labels)
    state.emit([entry_row(e) for e in chosen], NOTE_FIELDS, fmt, renderer=note_cards)


@cli.command()
@click.option("--source", "source", metavar="TEXT", help="Only notes citing TEXT (author or work, any case).")
@click.option("--doc", metavar="NAME", help="Only this document of a folder corpus.")
@click.option("--flagged", is_flag=True, help="Only notes whose citation is not fully parsed or is flagged.")
@output_options
@pass_state
def footnotes(state: AppState, source: str | None, doc: str | None, flagged: bool, fmt: str) -> None:
    """All notes in one table: citation, where each is cited, whose quotation it sources."""
    from textkit.notes.footnotes import entry_row, filter_by_source

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
    state.emit(rows, NOTE_FIELDS, fmt, renderer=table_of(table))


@cli.command()
@click.option("--doc", metavar="NAME", help="Only this document of a folder corpus.")
@click.option("--sort", type=click.Choice(["notes", "author", "work"]), default="notes", show_default=True)
@click.option("--top", type=click.IntRange(min=1), metavar="N", help="Only the first N works.")
@output_options
@pass_state
def sources(state: AppState, doc: str | None, sort: str, top: int | None, fmt: str) -> None:
    """Works cited, grouped: how many notes cite each, the pages, and whose quotations they source."""
    from textkit.notes.sources import sort_sources, sources_table
    from textkit.quotes.speakers import table_records

    entries = _entries(state, doc)
    if not entries:
        warn("the corpus has no notes")
    table = sort_sources(sources_table(entries), sort, top)
    multi = len({e.doc for e in entries}) > 1
    columns = [c for c in SOURCE_FIELDS if multi or c.key != "docs"]
    state.emit(table_records(table), SOURCE_FIELDS, fmt, renderer=table_of(columns))
