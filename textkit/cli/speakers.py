"""``textkit speakers``: who gets to speak, and ``textkit speakers NAME`` for one person."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.errors import DataError
from textkit.output import Column, Row, cell, rich_table

TABLE = [
    Column("person", no_wrap=True),
    Column("quotes", justify="right"),
    Column("words", justify="right"),
    Column("share", justify="right"),
    Column("mentions", justify="right"),
    Column("first"),
    Column("last"),
]
PROFILE = [*TABLE, Column("places", "named most in"), Column("quotations")]
QUOTATIONS = [
    Column("id", no_wrap=True),
    Column("where", no_wrap=True),
    Column("kind"),
    Column("text", ratio=5),
    Column("note", justify="right"),
]
_BAR_WIDTH = 12


def _percent(value: Any) -> str:
    return f"{value:.1%}" if isinstance(value, float) else cell(value)


def _bars(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """The table with a bar per row scaled to the most quotations, so the imbalance shows at a glance."""
    from rich.table import Table

    table = Table(header_style="bold")
    for c in columns:
        table.add_column(c.title, justify=c.justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("", no_wrap=True, style="cyan")
    top = max((int(r["quotes"]) for r in rows), default=0)
    for r in rows:
        bar = "█" * round(_BAR_WIDTH * r["quotes"] / top) if top else ""
        table.add_row(
            *(_percent(r.get(c.key)) if c.key == "share" else cell(r.get(c.key)) for c in columns), bar
        )
    return table


def _place(doc: str, paragraph: int, multi: bool) -> str:
    return f"{doc} ¶{paragraph}" if multi else f"¶{paragraph}"


def _profile_view(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """Counts, then the person's quotations, then the paragraphs naming them most."""
    from rich.console import Group
    from rich.table import Table

    row = rows[0]
    counts = Table(show_header=False, box=None, pad_edge=False, title=f"[bold]{row['person']}[/bold]",
                   title_justify="left")  # fmt: skip
    counts.add_column(style="bold")
    counts.add_column()
    for c in TABLE[1:]:
        counts.add_row(c.title, _percent(row.get(c.key)) if c.key == "share" else cell(row.get(c.key)))
    parts: list[Any] = [counts]
    if row["quotation_rows"]:
        parts.append(rich_table(row["quotation_rows"], QUOTATIONS, title="Quotations"))
    if row["place_rows"]:
        place_columns = [Column("where"), Column("section"), Column("mentions", justify="right")]
        parts.append(rich_table(row["place_rows"], place_columns, title="Named most in"))
    return Group(*parts)


def _profile_row(state: AppState, profile: Any) -> dict[str, Any]:
    corpus = state.corpus()
    multi = len(corpus.documents) > 1
    docs = {d.name: d for d in corpus.documents}
    quotations = [
        {"id": q.id, "doc": q.doc, "paragraph": q.paragraph, "where": _place(q.doc, q.paragraph, multi),
         "kind": q.kind, "text": q.text, "note": q.note, "cue": q.cue, "confidence": q.confidence}
        for q in profile.quotations
    ]  # fmt: skip
    places = [
        {**p, "where": _place(p["doc"], p["paragraph"], multi),
         "section": docs[p["doc"]].paragraphs[p["paragraph"]].section if p["doc"] in docs else None}
        for p in profile.places
    ]  # fmt: skip
    return {
        **profile.counts,
        "places": [f"{p['where']} ({p['mentions']})" for p in places],
        "quotations": [q["id"] for q in quotations],
        "quotation_rows": quotations,
        "place_rows": places,
    }


def _show_person(state: AppState, name: str, quotes: list[Any], mentions: list[Any], fmt: str) -> None:
    from textkit.speakers import find_person, known_people, speaker_profile

    people = known_people(quotes, mentions)
    person = find_person(state.corpus(), name, people)
    if person is None or person not in people:
        import difflib

        close = difflib.get_close_matches(name, people, n=5, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else f" ({len(people)} people are known)"
        raise DataError(f"no person {name!r} is quoted or named in the corpus{hint}")
    order = [d.name for d in state.corpus().documents]
    profile = speaker_profile(quotes, mentions, person, doc_order=order)
    state.emit([_profile_row(state, profile)], PROFILE, fmt, renderer=_profile_view)


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
    from textkit.speakers import corpus_records, sort_speakers, speaker_table, spoken, table_records

    corpus = state.corpus()
    quotes, mentions = corpus_records(corpus)
    if name:
        _show_person(state, name, quotes, mentions, fmt)
        return
    order = [d.name for d in corpus.documents]
    table = speaker_table(quotes, mentions, doc_order=order, by_doc=by_doc)
    table = sort_speakers(table, sort, top, minimum)
    unattributed = sum(q.type == "quote" for q in quotes) - len(spoken(quotes))
    if table.empty:
        warn("no speakers: no attributed quotation or named person was found")
    elif unattributed:
        warn(f"{unattributed} quotations have no speaker and count only towards the total of quoted words")
    columns = ([Column("doc")] if by_doc else []) + TABLE
    state.emit(table_records(table), columns, fmt, renderer=_bars)
