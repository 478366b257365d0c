"""The one place where records become output: a rich table, TSV, CSV, JSON or JSONL.

``auto`` means a rich table on a terminal and plain TSV with a header when piped: no truncation, no
colour, no box drawing, no wrapping. The terminal check is injected (``Terminal``) so tests can fake
a terminal. rich is imported only when a table is drawn.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TextIO

FORMATS = ("auto", "table", "tsv", "csv", "json", "jsonl")
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Column:
    """How one field of a record shows up: its header and, in a table, its layout."""

    key: str
    header: str | None = None
    justify: str = "left"
    ratio: int | None = None
    max_width: int | None = None
    min_width: int | None = None
    no_wrap: bool = False
    style: str | None = None

    @property
    def title(self) -> str:
        return self.header or self.key


@dataclass
class Terminal:
    """Where output goes and what it is: injectable so tests can pretend to be a terminal."""

    stream: TextIO = field(default_factory=lambda: sys.stdout)
    is_tty: bool | None = None
    no_color: bool | None = None
    width: int | None = None

    def __post_init__(self) -> None:
        if self.is_tty is None:
            isatty = getattr(self.stream, "isatty", None)
            self.is_tty = bool(isatty and isatty())
        if self.no_color is None:
            self.no_color = "NO_COLOR" in os.environ and os.environ["NO_COLOR"] != ""

    def console(self, stderr: bool = False) -> Any:
        """A fresh rich Console per invocation, honouring NO_COLOR and the fake-terminal flag."""
        from rich.console import Console

        return Console(
            file=sys.stderr if stderr else self.stream,
            force_terminal=self.is_tty,
            no_color=self.no_color,
            color_system=None if self.no_color else "auto",
            highlight=False,
            width=self.width,
        )


def resolve_format(fmt: str, terminal: Terminal) -> str:
    """``auto`` becomes ``table`` on a terminal and ``tsv`` otherwise."""
    if fmt == "auto":
        return "table" if terminal.is_tty else "tsv"
    return fmt


def cell(value: Any) -> str:
    """A flat, single-line string for TSV, CSV and table cells."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else "nan"
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    return str(value)


def _tsv_cell(value: Any) -> str:
    return cell(value).replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, tuple):
        return list(value)
    return value


def _plain_row(row: Row) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in row.items()}


def write_tsv(rows: Sequence[Row], columns: Sequence[Column], out: TextIO) -> None:
    out.write("\t".join(c.key for c in columns) + "\n")
    for row in rows:
        out.write("\t".join(_tsv_cell(row.get(c.key)) for c in columns) + "\n")


def write_csv(rows: Sequence[Row], columns: Sequence[Column], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.key for c in columns])
    for row in rows:
        writer.writerow([cell(row.get(c.key)) for c in columns])


def write_json(rows: Sequence[Row], out: TextIO) -> None:
    json.dump([_plain_row(r) for r in rows], out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(rows: Sequence[Row], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(_plain_row(row), ensure_ascii=False) + "\n")


def rich_table(rows: Sequence[Row], columns: Sequence[Column], title: str | None = None) -> Any:
    """The default terminal rendering: one rich Table, columns laid out as declared."""
    from rich.table import Table

    table = Table(title=title, header_style="bold", expand=False)
    for c in columns:
        table.add_column(
            c.title,
            justify=c.justify,  # type: ignore[arg-type]
            ratio=c.ratio,
            max_width=c.max_width,
            min_width=c.min_width,
            no_wrap=c.no_wrap,
            style=c.style,
            overflow="fold",
        )
    for row in rows:
        table.add_row(*(cell(row.get(c.key)) for c in columns))
    return table


TableRenderer = Callable[[Sequence[Row], Sequence[Column]], Any]


def emit(
    rows: Sequence[Row],
    columns: Sequence[Column],
    fmt: str,
    terminal: Terminal,
    *,
    title: str | None = None,
    renderer: TableRenderer | None = None,
) -> None:
    """Write records in the chosen format; ``renderer`` replaces the default table on a terminal."""
    fmt = resolve_format(fmt, terminal)
    out = terminal.stream
    if fmt == "tsv":
        write_tsv(rows, columns, out)
    elif fmt == "csv":
        write_csv(rows, columns, out)
    elif fmt == "json":
        write_json(rows, out)
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    else:
        renderable = renderer(rows, columns) if renderer else rich_table(rows, columns, title)
        terminal.console().print(renderable)
