"""Load a corpus: a .txt file, a folder of .txt files, or standard input; parse once, cache by hash."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from textkit import cache as cache_mod
from textkit.errors import DataError, UsageError
from textkit.model import Corpus, Document
from textkit.parse import PARSER_VERSION, parse_document
from textkit.textio import decode_bytes

STDIN = "-"
ALIASES_FILE = "aliases.tsv"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = _PACKAGE_ROOT / "corpus"

Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    return None


def resolve_sources(source: str | Path | None) -> list[Path] | None:
    """The files to read, in name order; None means standard input."""
    if source is None:
        source = BUNDLED_CORPUS
    if str(source) == STDIN:
        return None
    path = Path(source)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
        if not files:
            raise UsageError(f"no .txt files in folder: {path}")
        return files
    if path.suffix.lower() != ".txt":
        raise UsageError(f"not a .txt file: {path}")
    return [path]


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read {path}: {exc.strerror or exc}") from exc


def load_document(data: bytes, name: str, cache: cache_mod.Cache, warn: Warn = _ignore) -> Document:
    """Decode and parse bytes, reusing the cached parse of identical bytes."""
    decoded = decode_bytes(data, name)
    if decoded.warning:
        warn(decoded.warning)
    key = cache_mod.digest(data)
    payload = cache.get("documents", key, PARSER_VERSION)
    if payload is not None:
        try:
            return Document.from_cache(
                payload, name=name, text=decoded.text, digest=key, encoding=decoded.encoding
            )
        except (KeyError, TypeError, ValueError):
            pass
    doc = parse_document(decoded.text, name=name, digest=key, encoding=decoded.encoding)
    cache.put("documents", key, PARSER_VERSION, doc.to_cache())
    return doc


def read_aliases(folder: Path) -> dict[str, str]:
    """Optional ``aliases.tsv`` beside a corpus: ``alias<TAB>name`` per line, a header allowed."""
    path = folder / ALIASES_FILE
    if not path.is_file():
        return {}
    aliases = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) >= 2 and parts[0] and parts[1] and not line.startswith("#"):
            aliases[parts[0]] = parts[1]
    aliases.pop("alias", None)
    return aliases


def load_corpus(source: str | Path | None = None, *, use_cache: bool = True, warn: Warn = _ignore) -> Corpus:
    """Load the bundled corpus (default), a file, a folder of .txt files, or ``-`` for stdin."""
    cache = cache_mod.Cache(enabled=use_cache)
    files = resolve_sources(source)
    if files is None:
        data = sys.stdin.buffer.read()
        return Corpus([load_document(data, "<stdin>", cache, warn)], {}, STDIN, cache)
    documents = [load_document(_read(f), f.name, cache, warn) for f in files]
    folder = files[0].parent
    return Corpus(documents, read_aliases(folder), str(source or BUNDLED_CORPUS), cache)
