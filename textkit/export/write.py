"""Writing an export whole or not at all: every table is written under a temporary name beside its
target and renamed into place only when complete, so a failed export (a full disk, a crash) never
leaves a half-written table that looks complete.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textkit.errors import DataError, UsageError
from textkit.export.schema import TABLES
from textkit.store.files import TMP_PREFIX

Rows = list[dict[str, Any]]


@dataclass(frozen=True)
class Written:
    """One table of an export: its rows and where it went."""

    table: str
    rows: int
    path: str


def check_targets(folder: Path | None, database: Path | None, force: bool) -> None:
    """Refuse, before any work, to write over something without ``--force``."""
    if folder is None and database is None:
        raise UsageError("nothing to write: give a folder for Parquet, --sqlite FILE, or both")
    if folder is not None and folder.exists():
        if not folder.is_dir():
            raise UsageError(f"{folder} exists and is not a folder")
        if not force and any(folder.iterdir()):
            raise UsageError(f"{folder} is not empty (use --force to replace its tables)")
    if database is not None and database.exists():
        if database.is_dir():
            raise UsageError(f"{database} is a folder, not a database file")
        if not force:
            raise UsageError(f"{database} exists (use --force to replace it)")


def _failed(target: Path, exc: BaseException) -> DataError:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return DataError(f"cannot write {target}: {reason}")


def _old_tables(folder: Path) -> list[Path]:
    """An earlier export's tables in ``folder``, in either layout. A folder holding anything but
    Parquet parts is not one of them, and ``--force`` never deletes a user's own files."""
    found = []
    for table in TABLES:
        single, parts = folder / f"{table.name}.parquet", folder / table.name
        if single.is_file():
            found.append(single)
        if parts.is_dir() and not parts.is_symlink():
            if any(not p.name.endswith(".parquet") for p in parts.iterdir()):
                raise DataError(f"{parts} is not a table of an earlier export: not replacing it")
            found.append(parts)
        elif parts.exists() or parts.is_symlink():
            raise DataError(f"{parts} is not a table of an earlier export: not replacing it")
    return found


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()


def write_parquet(
    tables: Mapping[str, Rows], folder: Path, groups: Sequence[Sequence[str]] | None = None
) -> list[Written]:
    """Every table into ``folder`` (partitioned by ``groups`` of documents when given)."""
    from textkit.export.parquet import write_partitioned, write_tables

    staging: Path | None = None
    try:
        old = _old_tables(folder) if folder.is_dir() else []
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=folder, prefix=f"{TMP_PREFIX}export-"))
        names = (
            write_tables(tables, staging) if groups is None else write_partitioned(tables, staging, groups)
        )
        for path in old:  # an earlier export's tables, in either layout, give way to the new ones
            _remove(path)
        for name in names:
            os.replace(staging / name, folder / name)
    except OSError as exc:
        raise _failed(folder, exc) from exc
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    return [Written(t.name, len(tables[t.name]), str(folder / n)) for t, n in zip(TABLES, names, strict=True)]


def write_database(tables: Mapping[str, Rows], path: Path) -> list[Written]:
    """Every table into one SQLite file at ``path``, replacing it only once complete."""
    from textkit.export.sqlite import write_sqlite

    tmp = path.parent / f"{TMP_PREFIX}{os.getpid()}-{path.name}"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        write_sqlite(tables, tmp)
        os.replace(tmp, path)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise _failed(path, exc) from exc
    return [Written(t.name, len(tables[t.name]), str(path)) for t in TABLES]
