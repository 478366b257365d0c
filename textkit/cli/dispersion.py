"""``textkit dispersion``: where each term occurs in each document, and how evenly."""

from __future__ import annotations

import click

from textkit.cli.app import AppState, as_row, cli, output_options, pass_state, warn
from textkit.cli.concord import on_index, terminal_width
from textkit.cli.options import doc_option, make_query, query_options
from textkit.output.formats import Column, number, rounded
from textkit.output.views import dispersion_strips

SUMMARY_COLUMNS = [
    Column("term", fixed=True),
    Column("doc_id", "doc", fixed=True),
    number("hits"),
    number("tokens"),
    number("per_10k", "per 10k"),
    number("juilland_d", "Juilland's D"),
]
POSITION_COLUMNS = [
    Column("term"),
    Column("doc"),
    Column("paragraph"),
    Column("token"),
    Column("position"),
    Column("start"),
    Column("end"),
]


@cli.command()
@click.argument("terms", nargs=-1, required=True)
@query_options
@click.option(
    "--parts",
    type=click.IntRange(min=2, max=10_000),
    default=10,
    show_default=True,
    help="Parts for Juilland's D.",
)
@click.option(
    "--summary", is_flag=True, help="Piped: one row per term and document instead of hit positions."
)
@doc_option
@output_options
@pass_state
def dispersion(
    state: AppState,
    terms: tuple[str, ...],
    regex: bool,
    stem: bool,
    case_sensitive: bool,
    include_notes: bool,
    parts: int,
    summary: bool,
    fmt: str,
) -> None:
    """Where each TERM occurs in each document: a plot, hits, frequency per 10,000 tokens, Juilland's D.

    Piped, every hit is a row (term, doc, paragraph, token, position 0-1, start, end).
    """
    from textkit.concordance.dispersion import dispersion as find_dispersion

    queries = [make_query(t, regex, stem, case_sensitive, include_notes) for t in terms]
    summaries, positions = on_index(state, lambda index: find_dispersion(index, queries, parts=parts))
    for s in summaries:
        if s.hits == 0 and len({x.doc for x in summaries}) == 1:
            warn(f"no matches for {s.term!r}")
    if fmt == "table" or (fmt == "auto" and state.terminal.is_tty):
        many_docs = len({s.doc for s in summaries}) > 1
        state.emit(
            summaries, SUMMARY_COLUMNS, fmt, renderer=dispersion_strips(many_docs, terminal_width(state))
        )
    elif summary:
        rows = [{k: rounded(v) if k != "positions" else v for k, v in as_row(s).items()} for s in summaries]
        term, _doc_id, *counts = SUMMARY_COLUMNS
        state.emit(rows, [term, Column("doc"), *counts], fmt)
    elif positions:
        state.emit([{k: rounded(v) for k, v in as_row(p).items()} for p in positions], POSITION_COLUMNS, fmt)
