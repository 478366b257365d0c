"""``textkit collocates``: the words found near a query, with association scores."""

from __future__ import annotations

import click

from textkit.cli.app import AppState, as_row, cli, output_options, pass_state, warn
from textkit.cli.concord import on_index
from textkit.cli.options import doc_option, hidden_alias, limit_options, make_query, query_options
from textkit.output.formats import Column, number, rounded

COLUMNS = [
    Column("collocate", fixed=True),
    number("freq"),
    number("freq_left", "left"),
    number("freq_right", "right"),
    number("corpus_freq", "corpus"),
    number("pmi", "PMI"),
    number("log_likelihood", "LL"),
    number("t_score", "t"),
]


def _window(value: str) -> tuple[int, int]:
    parts = value.split(",")
    try:
        left, right = (int(parts[0]), int(parts[-1])) if len(parts) <= 2 else (-1, -1)
    except ValueError:
        left = right = -1
    if left < 0 or right < 0 or left + right == 0:
        raise click.BadParameter(f"expected L,R or N with non-negative whole numbers, got {value!r}")
    return left, right


@cli.command()
@click.argument("word")
@query_options
@click.option(
    "--window", default="5,5", show_default=True, metavar="L,R", help="Tokens left and right of the hit."
)
@click.option(
    "--min", "minimum", type=click.IntRange(min=1), default=2, show_default=True, metavar="N",
    help="Only collocates seen at least N times near WORD.",
)  # fmt: skip
@hidden_alias("minimum", "--min-freq", type=click.IntRange(min=1))
@click.option(
    "--sort",
    type=click.Choice(["ll", "pmi", "t", "freq"]),
    default="ll",
    show_default=True,
    help="ll = log-likelihood, t = t-score.",
)
@limit_options("collocates", "--top")
@doc_option
@click.option("--keep-stopwords", is_flag=True, help="List function words too.")
@output_options
@pass_state
def collocates(
    state: AppState,
    word: str,
    regex: bool,
    stem: bool,
    case_sensitive: bool,
    include_notes: bool,
    window: str,
    minimum: int,
    sort: str,
    limit: int | None,
    keep_stopwords: bool,
    fmt: str,
) -> None:
    """Words that occur near WORD, with PMI, log-likelihood and t-score (see docs/concordance.md)."""
    from textkit.concordance.collocates import collocates as find_collocates

    q = make_query(word, regex, stem, case_sensitive, include_notes)
    span = _window(window)
    rows = on_index(
        state,
        lambda index: find_collocates(
            index, q, window=span, keep_stopwords=keep_stopwords, min_freq=minimum, sort=sort
        ),
    )
    if not rows:
        warn(f"no collocates for {word!r}")
        return
    shown = [{k: rounded(v) for k, v in as_row(r).items()} for r in state.limit(rows, limit)]
    state.emit(shown, COLUMNS, fmt)
