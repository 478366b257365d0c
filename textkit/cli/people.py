"""``textkit people``: every capitalised name, typed person, body or other, with its evidence."""

from __future__ import annotations

import click

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column, number

TYPES = ("person", "body", "other")
COLUMNS = [
    Column("name", fixed=True),
    Column("type", fixed=True),
    number("mentions"),
    Column("first_doc", "first doc"),
    number("first_paragraph", "first ¶"),
    Column("last_doc", "last doc"),
    number("last_paragraph", "last ¶"),
]
EXPLAIN = [Column("evidence", ratio=1)]


@cli.command()
@click.option(
    "--type", "kinds", type=click.Choice(TYPES), multiple=True, help="Only names of this type (repeatable)."
)
@click.option("--explain", is_flag=True, help="Show the evidence that decided each type.")
@output_options
@pass_state
def people(state: AppState, kinds: tuple[str, ...], explain: bool, fmt: str) -> None:
    """Every name the text capitalises, typed person, body (a collective that speaks) or other
    (place, nation, party, work, ideology, common word), with mentions and first and last place."""
    from textkit.people.mentions import cast

    rows = [r for r in cast(state.corpus()) if not kinds or r["type"] in kinds]
    if not rows:
        warn("no names found" if not kinds else f"no names of type {', '.join(kinds)}")
    multi = len(state.corpus().documents) > 1
    columns = [c for c in COLUMNS if multi or not c.key.endswith("_doc")] + (EXPLAIN if explain else [])
    state.emit(rows, columns, fmt)
