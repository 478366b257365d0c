"""Where a corpus's bytes come from: the bundled chapter, a file, a folder of files, or standard input.

The bundled chapter is package data, so an installed wheel finds it from any folder.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from textkit.errors import DataError, UsageError

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIXES = (".txt",)
MAX_MB_DEFAULT = 256
MAX_MB_ENV = "TEXTKIT_MAX_MB"


def max_bytes() -> int:
    """The largest input read: ``TEXTKIT_MAX_MB`` (or ``--max-mb``) megabytes, 256 by default."""
    raw = os.environ.get(MAX_MB_ENV) or MAX_MB_DEFAULT
    try:
        megabytes = float(raw)
    except ValueError:
        raise UsageError(f"{MAX_MB_ENV} must be a number of megabytes, not {raw!r}") from None
    if megabytes <= 0:
        raise UsageError(f"{MAX_MB_ENV} must be more than 0")
    return int(megabytes * 1024 * 1024)


def display_name(path: Path) -> str:
    """A file name as it can be shown and stored: undecodable bytes become U+FFFD."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


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


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
    except OSError as exc:
        raise DataError(f"cannot read folder {folder}: {exc.strerror or exc}") from exc


def resolve_paths(source: str | Path | None) -> list[Path] | None:
    """The files to read, in name order; None means standard input."""
    if source is None:
        source = bundled_corpus()
    if str(source) == "":
        raise UsageError("--corpus is empty: give a file, a folder or - for standard input")
    if str(source) == STDIN:
        return None
    path = Path(source)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    if path.is_dir():
        found = _listing(path)
        if not found:
            raise UsageError(f"no .txt files in folder: {path}")
        return found
    if path.suffix.lower() not in TEXT_SUFFIXES:
        raise UsageError(f"not a .txt file: {path}")
    return [path]


def _capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes: a longer input is an error, never a reason to run out of memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        size = f"{limit / (1024 * 1024):.3g} MB"
        raise DataError(f"{name}: larger than {size}; raise the limit with --max-mb N or {MAX_MB_ENV}")
    return data


def _read(path: Path, limit: int) -> bytes:
    """A regular file's bytes, up to the size cap; devices, FIFOs and sockets are refused."""
    shown = path.parent / display_name(path)
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise DataError(f"{shown}: not a regular file (a device, FIFO or socket is never read)")
        with open(path, "rb") as fh:
            return _capped(fh, str(shown), limit)
    except OSError as exc:
        raise DataError(f"cannot read {shown}: {exc.strerror or exc}") from exc


def _is_device(stream: BinaryIO) -> bool:
    """``< /dev/zero`` and the like (a terminal is fine: the user types the text)."""
    try:
        return stat.S_ISCHR(os.fstat(stream.fileno()).st_mode) and not stream.isatty()
    except (OSError, ValueError):  # no file descriptor: an in-memory stream
        return False


def _stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise DataError("standard input is closed: nothing to read for --corpus -")
    if _is_device(stream):
        raise DataError("standard input is a device, not text (a device is never read)")
    try:
        return _capped(stream, STDIN_NAME, limit)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from exc


def read_sources(source: str | Path | None) -> Sources:
    """The bytes of every input of ``source`` (see ``resolve_paths``)."""
    paths = resolve_paths(source)
    limit = max_bytes()
    if paths is None:
        return Sources([Source(STDIN_NAME, _stdin(limit))], None, STDIN)
    label = str(source if source is not None else bundled_corpus())
    return Sources([Source(display_name(p), _read(p, limit)) for p in paths], paths[0].parent, label)
