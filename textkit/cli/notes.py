"""``textkit footnote``, ``footnotes`` and ``sources``: the evidence behind the notes."""

from __future__ import annotations

from typing import Any

import click

from textkit.cli.app import AppState, bibliography_output_options, cli, output_options, pass_state, warn
from textkit.cli.options import doc_option, limit_options
from textkit.output.formats import Column, number
from textkit.output.views import note_cards, table_of

NOTE_FIELDS = [
    Column("doc"),
    Column("label", justify="right"),
    Column("kind"),
    Column("text"),
    Column("citation"),
    Column("author"),
    Column("editor"),
    Column("work"),
    Column("article"),
    Column("volume"),
    Column("issue"),
    Column("part"),
    Column("pages"),
    Column("place"),
    Column("publisher"),
    Column("year"),
    Column("date"),
    Column("short_title"),
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
    Column("summary", "citation or note", ratio=4),
    Column("where", "cited at", ratio=1, min_width=6),
    Column("speakers", "sources quote by", ratio=1, min_width=8),
    Column("status", "parse", fixed=True),
]
SOURCE_FIELDS = [
    Column("author"),
    Column("work"),
    Column("articles"),
    Column("published"),
    Column("notes"),
    Column("labels"),
    Column("volumes"),
    Column("pages"),
    Column("dates"),
    Column("speakers"),
    Column("docs"),
    Column("flags"),
]
SOURCES_TABLE = [
    Column("author", ratio=1, min_width=8),
    Column("work", ratio=3, min_width=12),
    number("notes"),
    Column("pages", ratio=2),
    Column("speakers", "sources quotes by", ratio=2, min_width=10),
    number("docs"),
    Column("flags", ratio=2, min_width=12),
]
WHY = Column("why", "why these notes are one work", ratio=4)


def _entries(state: AppState) -> list[Any]:
    from textkit.notes.footnotes import note_entries
    from textkit.quotes.find import find_quotes

    corpus = state.corpus()
    with state.progress("finding and attributing quotations") as bar:
        find_quotes(corpus, progress=bar)  # kept for the run: note_entries reads them back
    with state.progress("reading the notes") as bar:
        return note_entries(corpus, state.documents().documents, progress=bar)


@cli.command()
@click.argument("labels", nargs=-1, required=True)
@doc_option
@output_options
@pass_state
def footnote(state: AppState, labels: tuple[str, ...], fmt: str) -> None:
    """Show notes LABEL… (21, 1*): text, parsed citation, every place cited and the quotation it sources."""
    from textkit.notes.footnotes import entry_row, select_notes

    chosen = select_notes(_entries(state), labels)
    state.emit([entry_row(e) for e in chosen], NOTE_FIELDS, fmt, renderer=note_cards)


@cli.command()
@click.option("--source", "source", metavar="TEXT", help="Only notes citing TEXT (author or work, any case).")
@click.option("--flagged", is_flag=True, help="Only notes whose citation is not fully parsed or is flagged.")
@limit_options("notes")
@doc_option
@output_options
@pass_state
def footnotes(state: AppState, source: str | None, flagged: bool, limit: int | None, fmt: str) -> None:
    """All notes in one table: citation, where each is cited, whose quotation it sources."""
    from textkit.notes.footnotes import entry_row, filter_by_source

    entries = _entries(state)
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
    table = ([Column("doc_id", "doc", fixed=True)] if multi else []) + NOTES_TABLE
    state.emit(state.limit(rows, limit), NOTE_FIELDS, fmt, renderer=table_of(table))


@cli.command()
@click.option(
    "--sort",
    type=click.Choice(["notes", "author", "work"]),
    default="notes",
    show_default=True,
    help="notes: most-cited works first; author or work: alphabetical.",
)
@limit_options("works", "--top")
@click.option("--explain", is_flag=True, help="Add a column saying why the notes of each row are one work.")
@doc_option
@bibliography_output_options
@pass_state
def sources(state: AppState, sort: str, limit: int | None, explain: bool, fmt: str) -> None:
    """Works cited, grouped: how many notes cite each, the pages, and whose quotations they source.

    --format csl-json or bibtex writes a bibliography, one entry per work with the notes citing it."""
    from textkit.notes.sources import sort_work_rows, work_rows

    entries = _entries(state)
    if not entries:
        warn("the corpus has no notes")
    table = sort_work_rows(work_rows(entries), sort, limit)
    multi = len({e.doc for e in entries}) > 1
    fields = SOURCE_FIELDS + ([WHY] if explain else [])
    columns = [c for c in SOURCES_TABLE + ([WHY] if explain else []) if multi or c.key != "docs"]
    state.emit(table, fields, fmt, renderer=table_of(columns, hide_empty=True))
