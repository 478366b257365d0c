"""``textkit cache info`` and ``textkit cache clear``: see and empty the cache of derived data."""

from __future__ import annotations

from textkit.cli.app import AppState, cli, output_options, pass_state, warn
from textkit.output.formats import Column, number

COLUMNS = [
    Column("kind", fixed=True),
    number("entries"),
    number("current"),
    number("mb", "MB"),
    Column("last_used", "last used", fixed=True),
    Column("folder"),
]


@cli.group()
def cache() -> None:
    """The cache of parsed documents, indexes, quotations, names and notes (safe to clear)."""


@cache.command("info")
@output_options
@pass_state
def cache_info(state: AppState, fmt: str) -> None:
    """Entries per kind, how many this version of textkit made, their size and last use."""
    from textkit.store.cache import Cache

    store = Cache()
    rows = store.info_rows()
    if not rows:
        warn(f"the cache is empty ({store.root})")
    state.emit(rows, COLUMNS, fmt)


@cache.command("clear")
@pass_state
def cache_clear(state: AppState) -> None:
    """Remove every cache entry (textkit rebuilds what it needs)."""
    from textkit.store.cache import Cache

    store = Cache()
    removed = store.clear()
    warn(f"removed {removed} entries from {store.root}")
