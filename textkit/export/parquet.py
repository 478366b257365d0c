"""Tables to Parquet with pyarrow, typed by the schema (so an all-empty column keeps its type).

A plain export writes ``<table>.parquet``; a partitioned one writes ``<table>/part-NNNNN.parquet``,
one file per group of documents, which pandas, DuckDB and Dask read as one table.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from textkit.errors import UsageError
from textkit.export.schema import FLOAT, INT, LIST, TABLES, Table

Rows = list[dict[str, Any]]


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # a base install without it
        raise UsageError("export needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def arrow_schema(table: Table) -> Any:
    pa = _pyarrow()
    types = {INT: pa.int64(), FLOAT: pa.float64(), LIST: pa.list_(pa.string())}
    return pa.schema([(name, types.get(kind, pa.string())) for name, kind in table.columns])


def _write(rows: Rows, table: Table, path: Path) -> None:
    pa = _pyarrow()
    pa.parquet.write_table(pa.Table.from_pylist(rows, schema=arrow_schema(table)), path)


def write_tables(tables: Mapping[str, Rows], folder: Path) -> list[str]:
    """One ``<table>.parquet`` per table in ``folder``; returns the names written."""
    written = []
    for table in TABLES:
        name = f"{table.name}.parquet"
        _write(tables[table.name], table, folder / name)
        written.append(name)
    return written


def write_partitioned(tables: Mapping[str, Rows], folder: Path, groups: Sequence[Sequence[str]]) -> list[str]:
    """``<table>/part-NNNNN.parquet``, one part per group of document names (tables without a
    document, the cast, in one part); returns the folder names written."""
    part_of = {doc: i for i, group in enumerate(groups) for doc in group}
    written = []
    for table in TABLES:
        column = "id" if table.name == "documents" else "doc" if "doc" in table.names else None
        parts: dict[int, Rows] = {i: [] for i in range(len(groups) if column else 1)}
        for row in tables[table.name]:
            parts[part_of[row[column]] if column else 0].append(row)
        (folder / table.name).mkdir()
        for i, rows in parts.items():
            _write(rows, table, folder / table.name / f"part-{i:05d}.parquet")
        written.append(table.name)
    return written
