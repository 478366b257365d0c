"""``textkit quotes``: every quotation, who said it, and its source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column
from textkit.output.views import quotes_table
from textkit.quotes.record import KINDS, Quote

if TYPE_CHECKING:
    from textkit.corpus.model import Corpus

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
]
_RANGE = re.compile(r"([0-9]+)\s*(?:-\s*([0-9]+))?")
EXPLAIN = [
    Column("rule"),
    Column("cue"),
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
    "--min-words", type=click.IntRange(min=0), default=0, help="Only quotations of at least N words."
)
@click.option("--paragraphs", type=ParagraphRange(), help="Only paragraphs A to B (e.g. 0-50), or just one.")
@click.option(
    "--explain", is_flag=True, help="Show the cue, the rule that chose the speaker and its confidence."
)
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
    fmt: str,
) -> None:
    """List quotations with their speaker, kind, text, footnote and place.

    JSON and JSONL carry every field: id, doc, paragraph, kind, type, speaker, text, start, end,
    cue, rule, confidence, note, source, parent, warning, words; with --explain also kind_from
    (markup, inference or form: how the quotation's paragraph was given its kind).
    """
    from textkit.quotes.find import find_quotes
    from textkit.quotes.select import QuoteFilter, select_quotes

    corpus = state.corpus()
    query = QuoteFilter(speaker, search, kinds, include_terms, unattributed, min_words, paragraphs)
    with state.progress("finding and attributing quotations") as bar:
        found = find_quotes(corpus, bar)
    selected = select_quotes(corpus, found, query)
    if not selected:
        warn(f"no quotations by {speaker}" if speaker else "no quotations match")
        return
    extra = EXPLAIN if explain else []
    rows = _with_kind_from(corpus, selected) if explain else selected
    state.emit(rows, COLUMNS + extra, fmt, renderer=quotes_table(extra))


def _with_kind_from(corpus: Corpus, quotes: list[Quote]) -> list[dict[str, Any]]:
    """Each quotation with where its paragraph's kind came from: ``markup`` (an HTML page),
    ``inference`` (a text block after its lead-in) or ``form`` (the line itself)."""
    docs = {doc.name: doc for doc in corpus.documents}
    return [{**vars(q), "kind_from": docs[q.doc].paragraphs[q.paragraph].kind_from} for q in quotes]
