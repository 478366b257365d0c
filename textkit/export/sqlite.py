"""Tables to one SQLite file for datasette and sqlite-utils: primary and foreign keys, and indexes
on the columns people filter by (doc, speaker, person). Lists are stored as JSON arrays."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from textkit.export.schema import FLOAT, INT, LIST, TABLES, Table

Rows = list[dict[str, Any]]
_TYPES = {INT: "INTEGER", FLOAT: "REAL"}


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _names(columns: tuple[str, ...]) -> str:
    return ", ".join(_q(c) for c in columns)


def create_statement(table: Table) -> str:
    """``CREATE TABLE`` with the columns' types, the primary key and every foreign key."""
    parts = [f"{_q(name)} {_TYPES.get(kind, 'TEXT')}" for name, kind in table.columns]
    parts.append(f"PRIMARY KEY ({_names(table.key)})")
    parts.extend(
        f"FOREIGN KEY ({_names(r.columns)}) REFERENCES {_q(r.target)} ({_names(r.target_columns)})"
        for r in table.references
    )
    return f"CREATE TABLE {_q(table.name)} ({', '.join(parts)})"


def _cell(value: Any, kind: str) -> Any:
    return json.dumps(value, ensure_ascii=False) if kind == LIST and value is not None else value


def write_sqlite(tables: Mapping[str, Rows], path: Path) -> None:
    """Every table into a new database at ``path`` (which must not exist yet)."""
    db = sqlite3.connect(path)
    try:
        for table in TABLES:
            db.execute(create_statement(table))
            for column in table.indexes:
                db.execute(f"CREATE INDEX {_q(f'{table.name}_{column}')} ON {_q(table.name)} ({_q(column)})")
            marks = ", ".join("?" for _ in table.columns)
            db.executemany(
                f"INSERT INTO {_q(table.name)} VALUES ({marks})",
                ([_cell(row[c], kind) for c, kind in table.columns] for row in tables[table.name]),
            )
        db.commit()
    finally:
        db.close()
