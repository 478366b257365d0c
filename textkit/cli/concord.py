"""``textkit concord``: keyword in context."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from textkit.cli.app import AppState, as_row, cli, output_options, pass_state, warn
from textkit.cli.options import doc_option, limit_options, make_query, query_options
from textkit.output.formats import Column
from textkit.output.views import kwic_lines, kwic_side

T = TypeVar("T")
PIPED_WIDTH = 60
KWIC_COLUMNS = [Column("doc"), Column("paragraph"), Column("left"), Column("match"), Column("right")]


def on_index(state: AppState, run: Callable[[Any], T]) -> T:
    """``run(index)`` on the corpus's word index, built with a progress bar if that takes a while."""
    from textkit.concordance.index import query_index

    with state.progress("indexing the corpus (once)") as bar:
        return query_index(state.index_source(), run, use_cache=state.use_cache, warn=warn, progress=bar)


def terminal_width(state: AppState) -> int:
    import shutil  # imports fnmatch: only when a table is drawn

    return state.terminal.width or shutil.get_terminal_size((100, 24)).columns


@cli.command()
@click.argument("query")
@query_options
@click.option(
    "--width", type=click.IntRange(min=1), help="Characters of context each side [terminal: fit; piped: 60]."
)
@click.option("--words", type=click.IntRange(min=1), help="Context in words each side instead of characters.")
@click.option(
    "--sort",
    "sort_keys",
    multiple=True,
    metavar="KEY",
    help="position (default), match, L1-L3, R1-R3; repeat or comma-separate for more keys.",
)
@limit_options("lines")
@doc_option
@click.option("--count", is_flag=True, help="Print only the number of hits.")
@output_options
@pass_state
def concord(
    state: AppState,
    query: str,
    regex: bool,
    stem: bool,
    case_sensitive: bool,
    include_notes: bool,
    width: int | None,
    words: int | None,
    sort_keys: tuple[str, ...],
    limit: int | None,
    count: bool,
    fmt: str,
) -> None:
    """Keyword in context: every occurrence of QUERY with the text around it.

    QUERY is a whole word, case-insensitive (bureaucracy), a phrase ("central committee"), or a
    pattern with * and ? (bureaucra*). Piped output is TSV: doc, paragraph, left, match, right.
    """
    from textkit.concordance import search

    if width is not None and words is not None:
        raise click.UsageError("use --width or --words, not both")
    q = make_query(query, regex, stem, case_sensitive, include_notes)
    keys = search.parse_sort_keys(sort_keys)

    def found(index: Any) -> tuple[Any, list[Any]]:
        hits = search.find(index, q)
        return index, search.sort_hits(index, hits, keys) if keys else hits

    index, hits = on_index(state, found)
    if not hits:
        warn(f"no matches for {query!r}")
    if count:
        click.echo(len(hits))
        return
    if not hits:
        return
    hits = state.limit(hits, limit)
    many_docs = len(index.docs) > 1
    if fmt == "table" or (fmt == "auto" and state.terminal.is_tty):
        narrow = [state.with_doc_ids(as_row(line)) for line in search.kwic(index, hits, width=1)]
        side = kwic_side(narrow, many_docs, terminal_width(state), width)
        lines = search.kwic(index, hits, width=side, words=words)
        state.emit(lines, KWIC_COLUMNS, fmt, renderer=kwic_lines(side, many_docs))
        return
    state.emit(search.iter_kwic(index, hits, width=width or PIPED_WIDTH, words=words), KWIC_COLUMNS, fmt)
