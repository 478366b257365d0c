"""Options that several commands share, declared once so that one idea has one name everywhere."""

from __future__ import annotations

import functools
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
    click.option(
        "--regex", is_flag=True, help="The argument is a Python regular expression over the raw text."
    ),
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


def _remember_doc(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    from textkit.cli.app import AppState

    if value is not None:
        ctx.ensure_object(AppState).doc_query = value


doc_option = click.option(
    "--doc",
    metavar="DOC",
    expose_value=False,
    callback=_remember_doc,
    help="Only one document of a folder corpus: its id (d3, as tables and `info` show), "
    "its file name, or a part of exactly one name.",
)


def hidden_alias(param: str, *names: str, type: Any = None) -> Decorator:
    """Old spellings of an option: still accepted, not shown in help, and mapped onto ``param``
    (the value given with an old spelling wins over the new option's default)."""
    old = f"old_{param}"

    def apply(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def merged(*args: Any, **kwargs: Any) -> Any:
            value = kwargs.pop(old, None)
            if value is not None:
                kwargs[param] = value
            return func(*args, **kwargs)

        return click.option(*names, old, type=type, hidden=True)(merged)

    return apply


def limit_options(what: str, *aliases: str) -> Decorator:
    """``--limit N`` everywhere; older spellings (``--top``) still work but are not shown in help."""
    options = [limit_option(what)]
    if aliases:
        options.append(hidden_alias("limit", *aliases, type=click.IntRange(min=1)))
    return stack(*options)


def make_query(text: str, regex: bool, stem: bool, case_sensitive: bool, include_notes: bool) -> Any:
    from textkit.concordance.search import Query, validate

    query = Query(text, regex=regex, stem=stem, case_sensitive=case_sensitive, include_notes=include_notes)
    validate(query)
    return query
