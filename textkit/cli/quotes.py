"""``textkit quotes``: every quotation, who said it, and its source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output import Column, Row, rich_table

KINDS = ("inline", "block", "nested")
TRIM = 240
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
EXPLAIN = [Column("rule"), Column("cue"), Column("confidence", justify="right", no_wrap=True)]
SCREEN = [
    Column("paragraph", "para", justify="right", no_wrap=True),
    Column("speaker", style="bold", no_wrap=True),
    Column("kind", no_wrap=True),
    Column("text", ratio=1, min_width=30),
    Column("note", justify="right", no_wrap=True),
]


def _screen_table(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """On a terminal: the columns a reader scans and long quotations cut to their first words;
    piped output keeps every column and the whole text."""
    short = [
        {**r, "text": r["text"] if len(r["text"]) <= TRIM else r["text"][:TRIM].rstrip() + " …"} for r in rows
    ]
    several_docs = len({r["doc"] for r in rows}) > 1
    shown = ([Column("doc", no_wrap=True)] if several_docs else []) + SCREEN
    shown += [c for c in columns if c in EXPLAIN]
    return rich_table(short, shown)


class ParagraphRange(click.ParamType):
    """``12`` or ``0-50``: paragraphs counted as the parser counts them (non-empty lines from 0)."""

    name = "A-B"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[int, int]:
        if isinstance(value, tuple):
            return value
        first, _, last = str(value).partition("-")
        if not first.strip().isdigit() or (last and not last.strip().isdigit()):
            self.fail(f"{value!r} is not a paragraph or a range such as 0-50", param, ctx)
        bounds = (int(first), int(last or first))
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
    cue, rule, confidence, note, source, parent, warning, words.
    """
    from textkit.quotes import QuoteFilter, find_quotes, select_quotes

    corpus = state.corpus()
    query = QuoteFilter(speaker, search, kinds, include_terms, unattributed, min_words, paragraphs)
    selected = select_quotes(corpus, find_quotes(corpus), query)
    if not selected:
        warn(f"no quotations by {speaker}" if speaker else "no quotations match")
        return
    state.emit(selected, COLUMNS + (EXPLAIN if explain else []), fmt, renderer=_screen_table)
