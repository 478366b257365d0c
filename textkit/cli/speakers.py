"""``textkit speakers``: who gets to speak, and ``textkit speakers NAME`` for one person."""

from __future__ import annotations

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column, number
from textkit.output.views import person_profile, speaker_bars

TABLE = [
    Column("person", fixed=True),
    number("quotes"),
    number("words"),
    number("share"),
    number("mentions"),
    Column("first", fixed=True),
    Column("last", fixed=True),
]
PROFILE = [*TABLE, Column("places", "named most in"), Column("quotations")]


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--sort",
    type=click.Choice(["quotes", "words", "mentions", "name"]),
    default="quotes",
    show_default=True,
    help="Order of the rows (ties: quotes, then mentions).",
)
@click.option(
    "--top", type=click.IntRange(min=1), metavar="N", help="Only the first N people (per document)."
)
@click.option(
    "--min", "minimum", type=click.IntRange(min=0), default=0, metavar="N",
    help="Only people with at least N of the sorted-by count (quotes when sorting by name).",
)  # fmt: skip
@click.option("--by-doc", is_flag=True, help="Counts per document of a folder corpus.")
@output_options
@pass_state
def speakers(
    state: AppState, name: str | None, sort: str, top: int | None, minimum: int, by_doc: bool, fmt: str
) -> None:
    """Who speaks: quotations, words quoted, share, mentions, first and last place; NAME for one person."""
    from textkit.people.mentions import find_names
    from textkit.quotes import speakers as lib
    from textkit.quotes.find import find_quotes

    corpus = state.corpus()
    with state.progress("finding and attributing quotations") as bar:
        find_quotes(corpus, progress=bar)  # kept for the run, like the names: the lookups read them back
    with state.progress("finding names") as bar:
        find_names(corpus, progress=bar)
    if name:
        state.emit([lib.person_record(corpus, name)], PROFILE, fmt, renderer=person_profile(TABLE[1:]))
        return
    quotes, mentions = lib.corpus_records(corpus)
    order = [d.name for d in corpus.documents]
    table = lib.sort_speakers(
        lib.speaker_table(quotes, mentions, doc_order=order, by_doc=by_doc), sort, top, minimum
    )
    missing = lib.unattributed(quotes)
    if table.empty:
        warn("no speakers: no attributed quotation or named person was found")
    elif missing:
        warn(f"{missing} quotations have no speaker and count only towards the total of quoted words")
    columns = ([Column("doc", fixed=True)] if by_doc else []) + TABLE
    state.emit(lib.table_records(table), columns, fmt, renderer=speaker_bars)
