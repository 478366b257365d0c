"""The one cache of derived data: parsed documents, the word index, quotations, names and notes.

Every entry is named by a key made of what the result depends on: the bytes of the input, the
options that change the result (the aliases, say) and a digest of textkit's own source, so no entry
outlives the code that made it and nobody bumps a version by hand. Entries are JSON files, or
folders of plain arrays for the word index: nothing read back can run code. A missing, corrupt or
mistyped entry is rebuilt, never fatal; a cache that cannot be written is skipped. The cache prunes
itself (entries of other code versions, entries unused for long, then the least recently used past a
size cap), and ``textkit cache info`` / ``textkit cache clear`` show and empty it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textkit.store.files import TMP_PREFIX

if TYPE_CHECKING:
    from textkit.store.parallel import Progress

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent.parent
DEFAULT_MAX_MB = 1024
UNUSED_DAYS = 60
OLD_CODE_HOURS = 24
TMP_HOURS = 1
PRUNE_EVERY_HOURS = 24
_STAMP = ".pruned"
_KEY_CHARS = 40
# Entry names: <code>-<key>[.json], the 64-hex names of older versions, and temporaries.
_ENTRY = re.compile(r"^(?:[0-9a-f]{12}-[0-9a-f]{40}|[0-9a-f]{64})(?:\.json)?$")


def max_bytes() -> int:
    """The size cap: ``TEXTKIT_CACHE_MAX_MB`` megabytes, 1024 by default."""
    try:
        return int(float(os.environ.get("TEXTKIT_CACHE_MAX_MB") or DEFAULT_MAX_MB) * 1024 * 1024)
    except ValueError:
        return DEFAULT_MAX_MB * 1024 * 1024


def cache_dir() -> Path:
    """``TEXTKIT_CACHE_DIR``, else the user's cache directory (XDG on Unix)."""
    override = os.environ.get("TEXTKIT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "textkit"


def source_files(package: Path = PACKAGE) -> list[Path]:
    """Every file of the package that can change a result: its modules and its data."""
    found = []
    stack = [package]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        stack.append(Path(entry.path))
                elif not entry.name.endswith((".pyc", ".pyo")):
                    found.append(Path(entry.path))
    return sorted(found)


def tree_digest(package: Path) -> str:
    """A digest of the package's files, names and bytes, in a stable order."""
    h = hashlib.sha256()
    for path in source_files(package):
        h.update(str(path.relative_to(package)).encode() + b"\0")
        h.update(path.read_bytes())
    return h.hexdigest()


@cache
def code_digest() -> str:
    """The digest of this textkit's source, computed once per process (a few milliseconds)."""
    return tree_digest(PACKAGE)[:12]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def options_key(options: Mapping[str, Any]) -> str:
    """A stable digest of the options that change a result (``{"aliases": {...}}``)."""
    return digest(json.dumps(options, sort_keys=True, ensure_ascii=False).encode())[:16]


@dataclass(frozen=True)
class KindInfo:
    """What ``textkit cache info`` shows for one kind of entry."""

    kind: str
    entries: int
    current: int
    bytes: int
    newest: float | None


class Cache:
    """Entries are ``<root>/<kind>/<code>-<key>.json`` (or a folder of that name); every result read
    in this run is also remembered in memory under the same content key."""

    def __init__(self, root: Path | None = None, enabled: bool = True) -> None:
        self.root = root or cache_dir()
        self.enabled = enabled
        self._memory: dict[tuple[str, str], Any] = {}
        self._pruned = False

    def detached(self) -> Cache:
        """The same cache for a worker process: nothing remembered yet (so it pickles small), and
        pruning left to the parent."""
        other = Cache(self.root, self.enabled)
        other._pruned = True
        return other

    # Keys ------------------------------------------------------------------------------------------

    def key(self, kind: str, *parts: str) -> str:
        """The entry name for a result of ``kind`` that depends on ``parts`` and on the code."""
        h = hashlib.sha256(kind.encode())
        for part in parts:
            h.update(b"\0" + part.encode("utf-8", "surrogateescape"))
        return f"{code_digest()}-{h.hexdigest()[:_KEY_CHARS]}"

    def _path(self, kind: str, key: str, suffix: str = ".json") -> Path:
        return self.root / kind / f"{key}{suffix}"

    # Memory ----------------------------------------------------------------------------------------

    def remembered(self, kind: str, key: str) -> Any | None:
        return self._memory.get((kind, key))

    def remember(self, kind: str, key: str, value: T) -> T:
        self._memory[(kind, key)] = value
        return value

    # JSON entries ----------------------------------------------------------------------------------

    def get(self, kind: str, key: str, decode: Callable[[Any], T]) -> T | None:
        """The decoded entry, or None when absent, unreadable or rejected by ``decode`` (which
        validates as it converts and raises on anything unexpected). A rejected entry is removed."""
        if (kind, key) in self._memory:
            return self._memory[(kind, key)]
        if not self.enabled:
            return None
        path = self._path(kind, key)
        try:
            with open(path, encoding="utf-8") as fh:
                raw = json.load(fh)
        except FileNotFoundError:
            return None
        except Exception:  # unreadable, not JSON, nested too deep: rebuild
            _remove(path)
            return None
        try:
            value = decode(raw)
        except Exception:  # the right JSON with the wrong shape or types: rebuild
            _remove(path)
            return None
        _touch(path)
        return self.remember(kind, key, value)

    def put(self, kind: str, key: str, value: T, encode: Callable[[T], Any]) -> T:
        """Remember ``value`` and write its encoding atomically; a failed write leaves nothing behind."""
        self.remember(kind, key, value)
        if self.enabled:
            data = json.dumps(encode(value), ensure_ascii=False, separators=(",", ":")).encode()
            from textkit.store.files import atomic_write  # tempfile is slow to import: only on writes

            if atomic_write(self._path(kind, key), data):
                self.prune_now_and_then()
        return value

    # Folder entries (the word index's arrays) ------------------------------------------------------

    def folder(self, kind: str, key: str) -> Path | None:
        """An existing folder entry, marked as used; None when absent or the cache is off."""
        if not self.enabled:
            return None
        path = self._path(kind, key, "")
        if not path.is_dir():
            return None
        _touch(path)
        return path

    def put_folder(self, kind: str, key: str, files: Mapping[str, bytes]) -> None:
        """Write a folder entry whole or not at all."""
        from textkit.store.files import atomic_folder

        if self.enabled and atomic_folder(self._path(kind, key, ""), files):
            self.prune_now_and_then()

    def discard(self, kind: str, key: str) -> None:
        """Drop an entry found corrupt after it was opened."""
        self._memory.pop((kind, key), None)
        _remove(self._path(kind, key))
        _remove(self._path(kind, key, ""))

    # Upkeep ----------------------------------------------------------------------------------------

    def _entries(self) -> Iterable[tuple[str, Path]]:
        if not self.root.is_dir():
            return
        for kind_dir in sorted(self.root.iterdir()):
            if kind_dir.is_dir():
                for entry in sorted(kind_dir.iterdir()):
                    yield kind_dir.name, entry

    def info(self) -> list[KindInfo]:
        """Entries, current entries (made by this code), bytes and the newest use, per kind."""
        rows: dict[str, list[Any]] = {}
        for kind, entry in self._entries():
            if entry.name.startswith(TMP_PREFIX) or not _is_entry(entry):
                continue
            row = rows.setdefault(kind, [0, 0, 0, None])
            row[0] += 1
            row[1] += entry.name.startswith(code_digest() + "-")
            row[2] += _size(entry)
            used = _mtime(entry)
            row[3] = used if row[3] is None or (used or 0) > row[3] else row[3]
        return [KindInfo(kind, *row) for kind, row in rows.items()]

    def info_rows(self) -> list[dict[str, Any]]:
        """``info`` as plain rows for output: sizes in MB, times as ISO dates."""
        rows = []
        for k in self.info():
            used = time.strftime("%Y-%m-%d %H:%M", time.localtime(k.newest)) if k.newest else None
            rows.append(
                {"kind": k.kind, "entries": k.entries, "current": k.current, "mb": round(k.bytes / 1e6, 2),
                 "last_used": used, "folder": str(self.root / k.kind)}
            )  # fmt: skip
        return rows

    def clear(self) -> int:
        """Remove every entry (and nothing else: only the cache's own kinds of file); returns how many."""
        removed = 0
        for _, entry in list(self._entries()):
            if _is_entry(entry):
                _remove(entry)
                removed += 1
        self._memory.clear()
        return removed

    def prune(self, cap: int | None = None, now: float | None = None) -> int:
        """Remove stale temporaries, other code's entries after a day, entries unused for 60 days, then
        the least recently used until the cache fits ``cap`` bytes; returns how many were removed."""
        now = time.time() if now is None else now
        cap = max_bytes() if cap is None else cap
        kept: list[tuple[float, int, Path]] = []
        removed = 0
        for _, entry in list(self._entries()):
            if not _is_entry(entry):
                continue
            age_hours = (now - (_mtime(entry) or now)) / 3600
            is_tmp = entry.name.startswith(TMP_PREFIX)
            old_code = not is_tmp and not entry.name.startswith(code_digest() + "-")
            if (
                (is_tmp and age_hours > TMP_HOURS)
                or (old_code and age_hours > OLD_CODE_HOURS)
                or (not is_tmp and age_hours > UNUSED_DAYS * 24)
            ):
                _remove(entry)
                removed += 1
            elif not is_tmp:
                kept.append((_mtime(entry) or now, _size(entry), entry))
        total = sum(size for _, size, _ in kept)
        for _, size, entry in sorted(kept, key=lambda k: k[0]):
            if total <= cap:
                break
            _remove(entry)
            total -= size
            removed += 1
        return removed

    def prune_now_and_then(self) -> None:
        """Prune at most once a day (a stamp file remembers when), and once per process at most."""
        if self._pruned or not self.enabled:
            return
        self._pruned = True
        stamp = self.root / _STAMP
        last = _mtime(stamp)
        if last is not None and time.time() - last < PRUNE_EVERY_HOURS * 3600:
            return
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        except OSError:
            return
        self.prune()


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A kind of cached result: its folder in the cache and how it becomes JSON and back.

    ``decode`` validates while it converts and raises on anything unexpected, so a damaged or
    mistyped entry is rebuilt rather than served."""

    name: str
    encode: Callable[[T], Any]
    decode: Callable[[Any], T]


def cached_map(
    cache: Cache,
    kind: Kind[T],
    items: list[Any],
    keys: list[str],
    compute: Callable[[Any], T],
    progress: Progress | None = None,
) -> list[T]:
    """``[compute(item) for item in items]``, each result read from the cache under its key when
    there, else computed (on every core for many items; items with one key computed once) and stored.

    This is the one way analyses are cached: the key names what the result depends on."""
    results: list[T | None] = [cache.get(kind.name, key, kind.decode) for key in keys]
    todo: dict[str, Any] = {}
    for item, key, result in zip(items, keys, results, strict=True):
        if result is None:
            todo.setdefault(key, item)
    if todo:
        from textkit.store.parallel import parallel_map

        fresh = parallel_map(compute, list(todo.values()), progress)
        for key, value in zip(todo, fresh, strict=True):
            cache.put(kind.name, key, value, kind.encode)
    return [
        r if r is not None else cache.remembered(kind.name, k) for r, k in zip(results, keys, strict=True)
    ]


def _is_entry(path: Path) -> bool:
    """Only files the cache made are ever counted or removed, whatever else the folder holds."""
    return path.name.startswith(TMP_PREFIX) or bool(_ENTRY.match(path.name))


def _mtime(path: Path) -> float | None:
    try:
        return path.stat().st_mtime
    except OSError:
        return None


def _size(path: Path) -> int:
    try:
        if path.is_dir():
            return sum(p.stat().st_size for p in path.iterdir() if p.is_file())
        return path.stat().st_size
    except OSError:
        return 0


def _touch(path: Path) -> None:
    """Mark an entry as used, for least-recently-used pruning."""
    with contextlib.suppress(OSError):
        os.utime(path)


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            import shutil

            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    except OSError:
        pass
