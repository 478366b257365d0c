"""``textkit speakers``: who gets to speak, and ``textkit speakers NAME`` for one person."""

from __future__ import annotations

from typing import Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.cli.options import doc_option, limit_options
from textkit.output.formats import Column, number
from textkit.output.views import person_profile, place, speaker_bars

TABLE = [
    Column("person", fixed=True),
    number("quotes"),
    number("words"),
    number("share"),
    number("mentions"),
    Column("first", fixed=True),
    Column("last", fixed=True),
]
DATA = [
    *TABLE[:5],
    Column("first_doc"),
    number("first_paragraph"),
    Column("last_doc"),
    number("last_paragraph"),
]
PROFILE = [*TABLE, Column("places", "named most in"), Column("quotations")]


def _places(state: AppState, row: dict[str, Any], many_docs: bool) -> dict[str, Any]:
    """The table's "first" and "last" cells: ``d2 ¶27`` (short ids, so long file names never take
    the width); the data formats keep the document and the paragraph number apart."""
    out = dict(row)
    for end in ("first", "last"):
        doc_id = state.with_doc_ids({"doc": row[f"{end}_doc"]})["doc_id"]
        out[end] = place(doc_id, row[f"{end}_paragraph"], many_docs)
    return out


def _with_ids(state: AppState, record: dict[str, Any]) -> dict[str, Any]:
    """A profile's nested quotation and place rows, each with the short id of its document."""
    many = len(state.document_names()) > 1
    for key in ("quotation_rows", "place_rows"):
        record[key] = [
            {**r, "where": place(state.with_doc_ids(r)["doc_id"], r["paragraph"], many)} for r in record[key]
        ]
    return _places(state, record, many) if "first_doc" in record else record


@cli.command()
@click.argument("name", required=False)
@click.option(
    "--sort",
    type=click.Choice(["quotes", "words", "mentions", "name"]),
    default="quotes",
    show_default=True,
    help="Order of the rows (ties: quotes, then mentions).",
)
@limit_options("people (per document with --by-doc)", "--top")
@click.option(
    "--min", "minimum", type=click.IntRange(min=0), default=0, metavar="N",
    help="Only people with at least N of the sorted-by count (quotes when sorting by name).",
)  # fmt: skip
@click.option("--by-doc", is_flag=True, help="Counts per document of a folder corpus.")
@doc_option
@output_options
@pass_state
def speakers(
    state: AppState, name: str | None, sort: str, limit: int | None, minimum: int, by_doc: bool, fmt: str
) -> None:
    """Who speaks: quotations, words quoted, share, mentions, first and last place; NAME for one person."""
    from textkit.people.mentions import find_names
    from textkit.quotes import speakers as lib
    from textkit.quotes.find import find_quotes

    corpus = state.documents()
    with state.progress("finding and attributing quotations") as bar:
        find_quotes(corpus, progress=bar)  # kept for the run, like the names: the lookups read them back
    with state.progress("finding names") as bar:
        find_names(corpus, progress=bar)
    if name:
        record = _with_ids(state, lib.person_record(corpus, name))
        state.emit([record], PROFILE, fmt, renderer=person_profile(TABLE[1:]))
        return
    quotes, mentions = lib.corpus_records(corpus)
    order = [d.name for d in corpus.documents]
    table = lib.sort_rows(
        lib.speaker_rows(quotes, mentions, doc_order=order, by_doc=by_doc), sort, limit, minimum
    )
    missing = lib.unattributed(quotes)
    if not table:
        warn("no speakers: no attributed quotation or named person was found")
    elif missing:
        warn(f"{missing} quotations have no speaker and count only towards the total of quoted words")
    doc = [Column("doc_id", "doc", fixed=True)] if by_doc else []
    many = len(order) > 1 and not by_doc
    rows = [_places(state, r, many) for r in table]
    if state.terminal_table(fmt):
        state.emit(rows, doc + TABLE, fmt, renderer=speaker_bars)
    else:
        state.emit(
            ({k: v for k, v in r.items() if k not in ("first", "last")} for r in rows),
            ([Column("doc")] if by_doc else []) + DATA,
            fmt,
        )
