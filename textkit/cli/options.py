"""Options that several commands share, declared once so that one idea has one name everywhere."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def stack(*options: Decorator) -> Decorator:
    """Apply several option decorators in the order written."""

    def apply(func: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            func = option(func)
        return func

    return apply


query_options = stack(
    click.option("--regex", is_flag=True, help="The query is a Python regular expression over the raw text."),
    click.option("--stem", is_flag=True, help="Match every word with the same Snowball stem."),
    click.option("--case-sensitive", "-c", is_flag=True, help="Match case exactly."),
    click.option(
        "--all", "include_notes", is_flag=True, help="Search the notes list and title too, not just the text."
    ),
)


def limit_option(what: str) -> Decorator:
    return click.option(
        "--limit",
        type=click.IntRange(min=1),
        metavar="N",
        help=f"At most N {what} [terminal: 50; piped: all].",
    )


def make_query(text: str, regex: bool, stem: bool, case_sensitive: bool, include_notes: bool) -> Any:
    from textkit.concordance.search import Query, validate

    query = Query(text, regex=regex, stem=stem, case_sensitive=case_sensitive, include_notes=include_notes)
    validate(query)
    return query
