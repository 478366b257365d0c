"""An on-disk JSON cache of parsed documents and analyses, keyed by a hash of the input bytes.

JSON cannot run code when read. A missing, corrupt or stale entry is simply rebuilt; a cache that
cannot be written is skipped. Nothing outside the cache directory is ever written.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any


def cache_dir() -> Path:
    """``TEXTKIT_CACHE_DIR``, else the user's cache directory (XDG on Unix)."""
    override = os.environ.get("TEXTKIT_CACHE_DIR")
    if override:
        return Path(override)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "textkit"


@cache
def code_version(*modules: str) -> str:
    """A version that changes whenever the source of these modules does, so no cached result of
    older code is ever served (and nobody has to remember to bump a number)."""
    h = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        h.update(Path(origin).read_bytes() if origin and Path(origin).is_file() else name.encode())
    return h.hexdigest()[:16]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Cache:
    """Entries are ``<kind>/<key>.json`` holding ``{"version": …, "payload": …}``."""

    def __init__(self, root: Path | None = None, enabled: bool = True) -> None:
        self.root = root or cache_dir()
        self.enabled = enabled

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / f"{key}.json"

    def get(self, kind: str, key: str, version: int | str) -> Any | None:
        """The cached payload, or None when absent, unreadable or built by another version."""
        if not self.enabled:
            return None
        try:
            with open(self._path(kind, key), encoding="utf-8") as fh:
                entry = json.load(fh)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("version") != version:
            return None
        return entry.get("payload")

    def put(self, kind: str, key: str, version: int | str, payload: Any) -> None:
        """Write atomically (temp file + rename) so a crash never leaves a half-written entry."""
        if not self.enabled:
            return
        path = self._path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"version": version, "payload": payload}, fh, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError:
            return
