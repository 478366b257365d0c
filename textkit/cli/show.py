"""``textkit show DOC ¶N``: one paragraph with its quotations, speakers, notes and section."""

from __future__ import annotations

from dataclasses import asdict

import click

from textkit.cli.app import AppState, cli, output_options, pass_state
from textkit.cli.options import doc_option
from textkit.output.formats import Column
from textkit.output.views import paragraph_view

COLUMNS = [
    Column("doc"),
    Column("doc_id"),
    Column("paragraph"),
    Column("kind"),
    Column("section"),
    Column("text"),
    Column("quotes"),
    Column("markers"),
]


@cli.command()
@click.argument("place", nargs=-1, required=True, metavar="[DOC] ¶N")
@doc_option
@output_options
@pass_state
def show(state: AppState, place: tuple[str, ...], fmt: str) -> None:
    """Show paragraph N in full: its section, its quotations highlighted with their speakers, its
    footnote markers and their notes.

    DOC is a document id (d2), a file name or part of one; leave it out on a one-document corpus.
    N is the paragraph as every table gives it: 12 or ¶12 (`textkit show d2 ¶12`).
    """
    from textkit.notes.paragraph import paragraph_view as find_paragraph
    from textkit.notes.paragraph import parse_paragraph

    if len(place) > 2:
        raise click.UsageError("expected [DOC] ¶N, as in `textkit show d2 ¶12`")
    doc = place[0] if len(place) == 2 else state.doc_query
    view = find_paragraph(state.corpus(), doc, parse_paragraph(place[-1]))
    row = asdict(view)
    state.emit([row], COLUMNS, fmt, renderer=paragraph_view)
