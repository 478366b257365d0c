"""The one place where records become output: a rich table, TSV, CSV, JSON or JSONL.

``auto`` means a rich table on a terminal and plain TSV with a header when piped: no truncation, no
colour, no box drawing, no wrapping. Text from a corpus is data, never markup or terminal control:
tables are built from ``rich.text.Text`` (no markup is parsed) and control characters are shown as
visible escapes in every line format. rich is imported only when a table is drawn.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from textkit.output.terminal import Terminal

FORMATS = ("auto", "table", "tsv", "csv", "json", "jsonl")
BIBLIOGRAPHY_FORMATS = ("csl-json", "bibtex")  # for records of works (``sources``) only
Row = Mapping[str, Any]
TERMINAL_LIMIT = 50
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


@dataclass(frozen=True)
class Column:
    """How one field of a record shows up: its header and, in a table, its layout.

    ``fixed`` columns (numbers, names, labels) are never cut or wrapped: the table gives them the
    width of their longest value and lets the flexible (``ratio``) columns wrap in what is left."""

    key: str
    header: str | None = None
    justify: str = "left"
    ratio: int | None = None
    max_width: int | None = None
    min_width: int | None = None
    fixed: bool = False
    style: str | None = None

    @property
    def title(self) -> str:
        return self.header or self.key


def number(key: str, header: str | None = None) -> Column:
    """A right-aligned column that is never cut."""
    return Column(key, header, justify="right", fixed=True)


def resolve_format(fmt: str, terminal: Terminal) -> str:
    """``auto`` becomes ``table`` on a terminal and ``tsv`` otherwise."""
    if fmt == "auto":
        return "table" if terminal.is_tty else "tsv"
    return fmt


def printable(text: str) -> str:
    """Control characters (escape sequences, bells, bidi breaks) as harmless visible escapes."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text) if _CONTROL.search(text) else text


def cell(value: Any) -> str:
    """A flat, single-line, printable string for TSV, CSV and table cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value != value:
            return "nan"
        shown = f"{value:.4f}".rstrip("0").rstrip(".")
        return "0" if shown == "-0" else shown
    if isinstance(value, Mapping):
        return printable(json.dumps(value, ensure_ascii=False, default=str))
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    return printable(str(value))


def rounded(value: Any, digits: int = 3) -> Any:
    """Scores to a few decimals: more digits than that is noise to a reader."""
    if isinstance(value, float):
        value = round(value, digits)
        return 0.0 if value == 0 else value
    return value


def _line_cell(value: Any) -> str:
    """A cell on one line with no tabs. After ``printable`` only ``\n`` and ``\t`` can break a
    line or a field, so most cells (plain strings and numbers) take the fast path."""
    if value is None:
        return ""
    kind = type(value)
    if kind is int:
        return str(value)
    text = printable(value) if kind is str else cell(value)
    if "\n" in text:
        text = " ".join(text.splitlines())
    return text.replace("\t", " ") if "\t" in text else text


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def json_row(row: Row) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in row.items()}


def write_tsv(rows: Iterable[Row], columns: Sequence[Column], out: TextIO) -> None:
    out.write("\t".join(c.key for c in columns) + "\n")
    for row in rows:
        out.write("\t".join(_line_cell(row.get(c.key)) for c in columns) + "\n")


def write_csv(rows: Iterable[Row], columns: Sequence[Column], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([cell(row.get(c.key)) for c in columns])


def write_json(rows: Iterable[Row], out: TextIO) -> None:
    """A JSON array written a row at a time, so a million rows never sit in memory at once."""
    out.write("[")
    written = False
    for row in rows:
        out.write(",\n  " if written else "\n  ")
        out.write(json.dumps(json_row(row), ensure_ascii=False, indent=2).replace("\n", "\n  "))
        written = True
    out.write("\n]\n" if written else "]\n")


def write_jsonl(rows: Iterable[Row], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(json_row(row), ensure_ascii=False) + "\n")


def text(value: Any, style: str | None = None) -> Any:
    """A table cell as a rich ``Text``: shown as written, never parsed as markup."""
    from rich.text import Text

    return Text(cell(value), style=style or "")


def fixed_width(column: Column, rows: Sequence[Row]) -> int:
    longest = max((len(cell(r.get(column.key))) for r in rows), default=0)
    header = max((len(w) for w in column.title.split()), default=0)
    return max(longest, header, column.min_width or 0)


def rich_table(
    rows: Sequence[Row], columns: Sequence[Column], title: str | None = None, **options: Any
) -> Any:
    """The default terminal rendering: fixed columns at full width, flexible ones wrapping."""
    from rich.table import Table

    flexible = any(not c.fixed for c in columns)
    table = Table(title=text(title) if title else None, header_style="bold", expand=flexible, **options)
    for c in columns:
        if c.fixed:
            width = fixed_width(c, rows)
            table.add_column(c.title, justify=c.justify, min_width=width, no_wrap=True, style=c.style)  # type: ignore[arg-type]
        else:
            table.add_column(
                c.title,
                justify=c.justify,  # type: ignore[arg-type]
                ratio=c.ratio,
                max_width=c.max_width,
                min_width=max(c.min_width or 0, *(len(w) for w in c.title.split())),
                style=c.style,
                overflow="fold",
            )
    for row in rows:
        table.add_row(*(text(row.get(c.key)) for c in columns))
    return table


TableRenderer = Callable[[Sequence[Row], Sequence[Column]], Any]


def limit_rows(
    rows: Sequence[Any], limit: int | None, is_tty: bool, option: str = "--limit"
) -> tuple[Sequence[Any], str | None]:
    """No silent caps: a terminal shows the first 50 unless told otherwise (and says so); a pipe
    gets every row unless ``limit`` is given."""
    if limit is None and is_tty and len(rows) > TERMINAL_LIMIT:
        return rows[:TERMINAL_LIMIT], f"showing {TERMINAL_LIMIT} of {len(rows)} ({option} N for more)"
    return (rows if limit is None else rows[:limit]), None


def _nested(value: Any) -> bool:
    return isinstance(value, list | tuple) and any(isinstance(v, Mapping) for v in value)


def every_column(first: Row | None, columns: Sequence[Column]) -> list[Column]:
    """The declared columns, then every other flat field of the records (from the first one), so a
    data format carries what JSON carries; nested rows (a profile's quotations) stay JSON-only."""
    known = {c.key for c in columns}
    extra = [Column(k) for k, v in (first or {}).items() if k not in known and not _nested(v)]
    return [*columns, *extra]


def choose_columns(wanted: Sequence[str], available: Sequence[Column]) -> list[Column]:
    """``--columns a,b,c``: those columns in that order; an unknown name lists the known ones."""
    by_key = {c.key: c for c in available}
    unknown = [w for w in wanted if w not in by_key]
    if unknown:
        from textkit.errors import UsageError

        names = ", ".join(by_key)
        raise UsageError(f"--columns: no column {', '.join(map(repr, unknown))}; choose from: {names}")
    return [by_key[w] for w in wanted]


def emit(
    rows: Iterable[Row],
    columns: Sequence[Column],
    fmt: str,
    terminal: Terminal,
    *,
    title: str | None = None,
    renderer: TableRenderer | None = None,
    chosen: Sequence[str] = (),
) -> None:
    """Write records in the chosen format, streaming them in the line formats; ``renderer``
    replaces the default table on a terminal. Data formats carry every field unless ``chosen``
    (``--columns``) names some; a table shows its short default, or the chosen columns."""
    fmt = resolve_format(fmt, terminal)
    out = terminal.stream
    if fmt in BIBLIOGRAPHY_FORMATS:
        from textkit.output.bibliography import write_bibliography

        write_bibliography(rows, fmt, out)
        return
    stream = iter(rows)
    first = next(stream, None)
    rows = itertools.chain([first], stream) if first is not None else iter(())
    available = every_column(first, columns)
    picked = choose_columns(chosen, available) if chosen else None
    if fmt in ("json", "jsonl") and picked:
        keys = [c.key for c in picked]
        rows = ({k: r.get(k) for k in keys} for r in rows)
    if fmt == "tsv":
        write_tsv(rows, picked or available, out)
    elif fmt == "csv":
        write_csv(rows, picked or available, out)
    elif fmt == "json":
        write_json(rows, out)
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    else:
        shown = list(rows)
        if picked:
            renderable = rich_table(shown, picked, title)
        else:
            renderable = renderer(shown, columns) if renderer else rich_table(shown, columns, title)
        terminal.console().print(renderable)
