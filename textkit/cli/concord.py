"""``textkit concord``, ``collocates``, ``dispersion`` and ``freq``: the corpus-linguistics commands.

All four read the positional word index (built once per corpus, then memory-mapped from the cache).
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Sequence
from typing import Any

import click

from textkit.cli.app import AppState, as_row, cli, output_options, pass_state, warn
from textkit.output import Column, Row, cell

TERMINAL_LIMIT = 50
PIPED_WIDTH = 60
_PROGRESS_AFTER = 1.0
_LOCATION_MAX = 24


class _IndexProgress:
    """A progress bar on stderr, shown only once indexing has taken longer than a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.bar: Any = None
        self.task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < _PROGRESS_AFTER or done >= total:
                return
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("indexing the corpus (once)", total=total)
        self.bar.update(self.task, completed=done)
        if done >= total:
            self.bar.stop()


def open_index(state: AppState) -> Any:
    """The corpus's word index, built with a progress bar if that takes a while."""
    from textkit.wordindex import open_index as open_word_index

    return open_word_index(
        state.corpus_source, use_cache=state.use_cache, warn=warn, progress=_IndexProgress()
    )


def query_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """How a query matches: shared by concord, collocates and dispersion."""
    options = [
        click.option("--regex", is_flag=True, help="QUERY is a Python regular expression over the raw text."),
        click.option("--stem", is_flag=True, help="Match every word with the same Snowball stem."),
        click.option("--case-sensitive", "-c", is_flag=True, help="Match case exactly."),
        click.option(
            "--all",
            "include_notes",
            is_flag=True,
            help="Search the notes list and title too, not just the text.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def make_query(text: str, regex: bool, stem: bool, case_sensitive: bool, include_notes: bool) -> Any:
    from textkit.concordance import Query, validate

    query = Query(text, regex=regex, stem=stem, case_sensitive=case_sensitive, include_notes=include_notes)
    validate(query)
    return query


def terminal_width(state: AppState) -> int:
    return state.terminal.width or shutil.get_terminal_size((100, 24)).columns


def apply_limit(state: AppState, rows: Sequence[Any], limit: int | None, option: str) -> Sequence[Any]:
    """No silent caps: a terminal shows the first 50 unless told otherwise, and says so on stderr."""
    if limit is None and state.terminal.is_tty and len(rows) > TERMINAL_LIMIT:
        warn(f"showing {TERMINAL_LIMIT} of {len(rows)} ({option} N for more)")
        return rows[:TERMINAL_LIMIT]
    return rows if limit is None else rows[:limit]


# concord --------------------------------------------------------------------------------------------

KWIC_COLUMNS = [Column("doc"), Column("paragraph"), Column("left"), Column("match"), Column("right")]


def _location(row: Row, many_docs: bool) -> str:
    doc = str(row["doc"])
    if len(doc) > _LOCATION_MAX:
        doc = doc[: _LOCATION_MAX - 1] + "…"
    return f"{doc} ¶{row['paragraph']}" if many_docs else f"¶{row['paragraph']}"


def _kwic_renderer(side: int, many_docs: bool) -> Callable[[Sequence[Row], Sequence[Column]], Any]:
    """Aligned lines: location, left context right-aligned, the match highlighted, right context."""

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        from rich.console import Group
        from rich.text import Text

        locations = [_location(r, many_docs) for r in rows]
        loc_width = max(map(len, locations), default=0)
        left_width = min(side, max((len(str(r["left"])) for r in rows), default=0))
        lines = []
        for row, loc in zip(rows, locations, strict=True):
            line = Text(no_wrap=True, overflow="crop")
            line.append(loc.rjust(loc_width) + "  ", style="dim")
            line.append(str(row["left"])[-left_width:].rjust(left_width) if left_width else "")
            line.append(str(row["match"]), style="bold cyan")
            line.append(str(row["right"])[:side])
            lines.append(line)
        return Group(*lines)

    return render


def _fit_side(state: AppState, lines: Sequence[Any], many_docs: bool, width: int | None) -> int:
    """Context width each side that keeps every match on screen."""
    loc_width = max(len(_location({"doc": ln.doc, "paragraph": ln.paragraph}, many_docs)) for ln in lines)
    match_width = max(len(ln.match) for ln in lines)
    fit = max(1, (terminal_width(state) - loc_width - 2 - match_width) // 2)
    return min(width, fit) if width is not None else fit


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
@click.option("--limit", type=click.IntRange(min=1), help="At most N lines [terminal: 50; piped: all].")
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
    from textkit import concordance as conc

    if width is not None and words is not None:
        raise click.UsageError("use --width or --words, not both")
    q = make_query(query, regex, stem, case_sensitive, include_notes)
    keys = conc.parse_sort_keys(sort_keys)
    index = open_index(state)
    hits = conc.find(index, q)
    if not hits:
        warn(f"no matches for {query!r}")
    if count:
        click.echo(len(hits))
        return
    if not hits:
        return
    hits = apply_limit(state, conc.sort_hits(index, hits, keys) if keys else hits, limit, "--limit")
    many_docs = len(index.docs) > 1
    if fmt == "table" or (fmt == "auto" and state.terminal.is_tty):
        side = _fit_side(state, conc.kwic(index, hits, width=1), many_docs, width)
        lines = conc.kwic(index, hits, width=side, words=words)
        state.emit(lines, KWIC_COLUMNS, fmt, renderer=_kwic_renderer(side, many_docs))
        return
    lines = conc.kwic(index, hits, width=width or PIPED_WIDTH, words=words)
    state.emit(lines, KWIC_COLUMNS, fmt)


# collocates -----------------------------------------------------------------------------------------

COLLOCATE_COLUMNS = [
    Column("collocate"),
    Column("freq", justify="right"),
    Column("freq_left", "left", justify="right"),
    Column("freq_right", "right", justify="right"),
    Column("corpus_freq", "corpus freq", justify="right"),
    Column("pmi", "PMI", justify="right"),
    Column("log_likelihood", "log-likelihood", justify="right"),
    Column("t_score", "t-score", justify="right"),
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


def _rounded(records: Sequence[Any], fields: Sequence[str]) -> list[dict[str, Any]]:
    """Scores to three decimals: more digits than that is noise to a reader."""
    rows = []
    for record in records:
        row = dict(as_row(record))
        for key in fields:
            if isinstance(row.get(key), float):
                row[key] = round(row[key], 3)
        rows.append(row)
    return rows


@cli.command()
@click.argument("word")
@query_options
@click.option(
    "--window", default="5,5", show_default=True, metavar="L,R", help="Tokens left and right of the hit."
)
@click.option(
    "--min-freq", type=click.IntRange(min=1), default=2, show_default=True, help="Co-occurrences needed."
)
@click.option(
    "--sort",
    type=click.Choice(["ll", "pmi", "t", "freq"]),
    default="ll",
    show_default=True,
    help="ll = log-likelihood, t = t-score.",
)
@click.option("--top", type=click.IntRange(min=1), help="At most N collocates [terminal: 50; piped: all].")
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
    min_freq: int,
    sort: str,
    top: int | None,
    keep_stopwords: bool,
    fmt: str,
) -> None:
    """Words that occur near WORD, with PMI, log-likelihood and t-score (see docs/concordance.md)."""
    from textkit.collocates import collocates as find_collocates

    q = make_query(word, regex, stem, case_sensitive, include_notes)
    rows = find_collocates(
        open_index(state),
        q,
        window=_window(window),
        keep_stopwords=keep_stopwords,
        min_freq=min_freq,
        sort=sort,
    )
    if not rows:
        warn(f"no collocates for {word!r}")
        return
    rows = apply_limit(state, rows, top, "--top")
    state.emit(_rounded(rows, ("pmi", "log_likelihood", "t_score")), COLLOCATE_COLUMNS, fmt)


# dispersion -----------------------------------------------------------------------------------------

SUMMARY_COLUMNS = [
    Column("term"),
    Column("doc"),
    Column("hits", justify="right"),
    Column("tokens", justify="right"),
    Column("per_10k", "per 10k", justify="right"),
    Column("juilland_d", "Juilland's D", justify="right"),
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


def _strip(positions: Sequence[float], width: int) -> Any:
    """AntConc's plot as text: one cell per 1/width of the document, a bar where a hit falls."""
    from rich.text import Text

    marks = [0] * width
    for p in positions:
        marks[min(int(p * width), width - 1)] += 1
    strip = Text(no_wrap=True)
    for n in marks:
        strip.append("┃" if n > 1 else "│" if n else "·", style="bold" if n else "dim")
    return strip


def _strips(many_docs: bool, total_width: int) -> Callable[[Sequence[Row], Sequence[Column]], Any]:
    """A table of the statistics with a plot strip filling the rest of the terminal's width."""

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        from rich.table import Table

        table = Table(header_style="bold", box=None, pad_edge=False)
        shown = [c for c in columns if many_docs or c.key != "doc"]
        cells = [[_stat(row[c.key]) for c in shown] for row in rows]
        used = sum(max(len(c.title), *(len(r[i]) for r in cells)) + 2 for i, c in enumerate(shown))
        width = max(10, total_width - used - 1)
        for c in shown:
            table.add_column(c.title, justify=c.justify, no_wrap=True)  # type: ignore[arg-type]
        table.add_column("plot (start → end)", no_wrap=True)
        for row, texts in zip(rows, cells, strict=True):
            table.add_row(*texts, _strip(row["positions"], width))
        return table

    return render


def _stat(value: Any) -> str:
    return cell(round(value, 2)) if isinstance(value, float) else cell(value)


@cli.command()
@click.argument("terms", nargs=-1, required=True)
@query_options
@click.option(
    "--parts", type=click.IntRange(min=2), default=10, show_default=True, help="Parts for Juilland's D."
)
@click.option(
    "--summary", is_flag=True, help="Piped: one row per term and document instead of hit positions."
)
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
    from textkit.dispersion import dispersion as find_dispersion

    queries = [make_query(t, regex, stem, case_sensitive, include_notes) for t in terms]
    summaries, positions = find_dispersion(open_index(state), queries, parts=parts)
    for s in summaries:
        if s.hits == 0 and len({x.doc for x in summaries}) == 1:
            warn(f"no matches for {s.term!r}")
    if fmt == "table" or (fmt == "auto" and state.terminal.is_tty):
        many_docs = len({s.doc for s in summaries}) > 1
        state.emit(summaries, SUMMARY_COLUMNS, fmt, renderer=_strips(many_docs, terminal_width(state)))
    elif summary:
        state.emit(_rounded(summaries, ("per_10k", "juilland_d")), SUMMARY_COLUMNS, fmt)
    elif positions:
        state.emit(_rounded(positions, ("position",)), POSITION_COLUMNS, fmt)


# freq -----------------------------------------------------------------------------------------------

FREQ_COLUMNS = [
    Column("rank", justify="right"),
    Column("word"),
    Column("count", justify="right"),
    Column("per_10k", "per 10k", justify="right"),
]


@cli.command()
@click.option("--stem", is_flag=True, help="Count Snowball stems; the forms column lists the words.")
@click.option("--case-sensitive", "-c", is_flag=True, help="Keep Party and party apart.")
@click.option("--min-count", type=click.IntRange(min=1), default=1, show_default=True)
@click.option("--top", type=click.IntRange(min=1), help="At most N words [terminal: 50; piped: all].")
@click.option("--keep-stopwords", is_flag=True, help="List function words too.")
@click.option("--all", "include_notes", is_flag=True, help="Count the notes list and title too.")
@output_options
@pass_state
def freq(
    state: AppState,
    stem: bool,
    case_sensitive: bool,
    min_count: int,
    top: int | None,
    keep_stopwords: bool,
    include_notes: bool,
    fmt: str,
) -> None:
    """A word list: each word with its count and frequency per 10,000 tokens, most frequent first."""
    from textkit.wordlist import word_list

    if stem and case_sensitive:
        raise click.UsageError("--stem and --case-sensitive cannot be combined: stems ignore case")
    rows = word_list(
        open_index(state),
        stem=stem,
        case_sensitive=case_sensitive,
        keep_stopwords=keep_stopwords,
        include_notes=include_notes,
        min_count=min_count,
    )
    if not rows:
        warn("no words")
        return
    columns = [*FREQ_COLUMNS, Column("stem"), Column("forms")] if stem else FREQ_COLUMNS
    state.emit(_rounded(apply_limit(state, rows, top, "--top"), ("per_10k",)), columns, fmt)
