"""``textkit quotes``: every quotation, who said it, and its source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.cli.options import doc_option, hidden_alias, limit_options
from textkit.output.formats import Column
from textkit.output.views import quotes_table
from textkit.quotes.record import KINDS

if TYPE_CHECKING:
    pass

COLUMNS = [
    Column("id"),
    Column("doc"),
    Column("paragraph"),
    Column("speaker"),
    Column("kind"),
    Column("type"),
    Column("text"),
    Column("note"),
    Column("source"),
    Column("source_text"),
]
_RANGE = re.compile(r"([0-9]+)\s*(?:-\s*([0-9]+))?")
EXPLAIN = [
    Column("rule", fixed=True),
    Column("cue", ratio=1),
    Column("confidence", justify="right", fixed=True),
    Column("guess", "best guess", fixed=True),
    Column("kind_from", "kind from", fixed=True),
]


class ParagraphRange(click.ParamType):
    """``12`` or ``0-50``: paragraphs counted as the parser counts them (non-empty lines from 0)."""

    name = "A-B"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value
        m = _RANGE.fullmatch(str(value).strip())
        if not m:
            self.fail(f"{value!r} is not a paragraph or a range such as 0-50", param, ctx)
        bounds = (int(m.group(1)), int(m.group(2) or m.group(1)))
        if bounds[0] > bounds[1]:
            self.fail(f"{value!r} ends before it starts", param, ctx)
        return bounds


@cli.command()
@click.option("--speaker", metavar="NAME", help="Only this speaker's words (case-insensitive, alias-aware).")
@click.option("--search", metavar="TEXT", help="Only quotations containing TEXT (case-insensitive).")
@click.option(
    "--kind", "kinds", type=click.Choice(KINDS), multiple=True, help="inline, block or nested (repeatable)."
)
@click.option("--include-terms", is_flag=True, help="Also list quoted terms and scare quotes.")
@click.option("--unattributed", is_flag=True, help="Only quotations with no known speaker.")
@click.option(
    "--min", "min_words", type=click.IntRange(min=0), default=0, metavar="N",
    help="Only quotations of at least N words.",
)  # fmt: skip
@hidden_alias("min_words", "--min-words", type=click.IntRange(min=0))
@click.option("--paragraphs", type=ParagraphRange(), help="Only paragraphs A to B (e.g. 0-50), or just one.")
@click.option(
    "--explain", is_flag=True, help="Show the cue, the rule that chose the speaker and its confidence."
)
@limit_options("quotations")
@doc_option
@output_options
@pass_state
def quotes(
    state: AppState,
    speaker: str | None,
    search: str | None,
    kinds: tuple[str, ...],
    include_terms: bool,
    unattributed: bool,
    min_words: int,
    paragraphs: tuple[int, int] | None,
    explain: bool,
    limit: int | None,
    fmt: str,
) -> None:
    """List quotations with their speaker, kind, text, footnote and place.

    JSON and JSONL carry every field: id, doc, paragraph, kind, type, speaker, text, start, end,
    cue, rule, confidence, note, source, parent, warning, words, guess, source_text, kind_from; so do
    TSV and CSV (choose with --columns). ``source`` is the note's resolved citation (Ibid. read as the
    work it repeats), ``source_text`` the note as written; ``guess`` the speaker the engine would not
    name for want of confidence; ``kind_from`` how the paragraph got its kind (markup, inference or
    form). --min N: at least N words.
    """
    from textkit.notes.quote_sources import quote_rows
    from textkit.quotes.find import find_quotes
    from textkit.quotes.select import QuoteFilter, select_quotes

    corpus = state.corpus()
    query = QuoteFilter(speaker, search, kinds, include_terms, unattributed, min_words, paragraphs)
    with state.progress("finding and attributing quotations") as bar:
        found = find_quotes(corpus, bar)
    selected = select_quotes(corpus, found, query)
    doc = state.chosen_document()
    selected = [q for q in selected if doc is None or q.doc == doc]
    if not selected:
        warn(f"no quotations by {speaker}" if speaker else "no quotations match")
        return
    extra = EXPLAIN if explain else []
    state.emit(
        quote_rows(corpus, state.limit(selected, limit)), COLUMNS + extra, fmt, renderer=quotes_table(extra)
    )
