"""Where a corpus's bytes come from: the bundled chapter, a file, a folder of files, or standard input.

The bundled chapter is package data, so an installed wheel finds it from any folder.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from textkit.errors import DataError, UsageError

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt",)


def bundled_corpus() -> Path:
    """The folder of the bundled chapter, inside the installed package."""
    from importlib.resources import files  # slow to import; only the default corpus needs it

    return Path(str(files("textkit").joinpath("data", "corpus")))


@dataclass(frozen=True)
class Source:
    """One input file's name (as documents are known) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Sources:
    """The inputs of a corpus, in order, and the folder whose ``aliases.tsv`` applies (if any)."""

    items: list[Source]
    folder: Path | None
    label: str


def resolve_paths(source: str | Path | None) -> list[Path] | None:
    """The files to read, in name order; None means standard input."""
    if source is None:
        source = bundled_corpus()
    if str(source) == STDIN:
        return None
    path = Path(source)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
        if not found:
            raise UsageError(f"no .txt files in folder: {path}")
        return found
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UsageError(f"not a .txt file: {path}")
    return [path]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc


def read_sources(source: str | Path | None) -> Sources:
    """The bytes of every input of ``source`` (see ``resolve_paths``)."""
    paths = resolve_paths(source)
    if paths is None:
        return Sources([Source(STDIN_NAME, sys.stdin.buffer.read())], None, STDIN)
    label = str(source if source is not None else bundled_corpus())
    return Sources([Source(p.name, _read(p)) for p in paths], paths[0].parent, label)
