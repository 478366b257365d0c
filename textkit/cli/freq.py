"""``textkit freq``: the word list."""

from __future__ import annotations

import click

from textkit.cli.app import AppState, as_row, cli, output_options, pass_state, warn
from textkit.cli.concord import on_index
from textkit.cli.options import doc_option, hidden_alias, limit_options
from textkit.output.formats import Column, number, rounded

COLUMNS = [number("rank"), Column("word", fixed=True), number("count"), number("per_10k", "per 10k")]


@cli.command()
@click.option("--stem", is_flag=True, help="Count Snowball stems; the forms column lists the words.")
@click.option("--case-sensitive", "-c", is_flag=True, help="Keep Party and party apart.")
@click.option(
    "--min",
    "minimum",
    metavar="N",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only words seen at least N times.",
)
@hidden_alias("minimum", "--min-count", type=click.IntRange(min=1))
@limit_options("words", "--top")
@doc_option
@click.option("--keep-stopwords", is_flag=True, help="List function words too.")
@click.option("--all", "include_notes", is_flag=True, help="Count the notes list and title too.")
@output_options
@pass_state
def freq(
    state: AppState,
    stem: bool,
    case_sensitive: bool,
    minimum: int,
    limit: int | None,
    keep_stopwords: bool,
    include_notes: bool,
    fmt: str,
) -> None:
    """A word list: each word with its count and frequency per 10,000 tokens, most frequent first."""
    from textkit.concordance.wordlist import word_list

    if stem and case_sensitive:
        raise click.UsageError("--stem and --case-sensitive cannot be combined: stems ignore case")
    rows = on_index(
        state,
        lambda index: word_list(
            index,
            stem=stem,
            case_sensitive=case_sensitive,
            keep_stopwords=keep_stopwords,
            include_notes=include_notes,
            min_count=minimum,
        ),
    )
    if not rows:
        warn("no words")
        return
    columns = [*COLUMNS, Column("stem"), Column("forms")] if stem else COLUMNS
    state.emit(
        [{k: rounded(v) for k, v in as_row(r).items()} for r in state.limit(rows, limit)], columns, fmt
    )
