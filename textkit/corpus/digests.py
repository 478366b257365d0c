"""The digests of a corpus's files, remembered by their stamps, so that a warm run on a large corpus
neither reads nor hashes the files that did not change.

A file's stamp is its size, modification and change times (nanoseconds) and inode. Any write to a
file changes its change time (which no tool can set back), so a file whose stamp is the one recorded
has the bytes that were hashed, with one exception: a write in the same clock tick as the hashing,
on a file system whose times are coarse. So, as git does with its index, a file changed less than
``RACY_NS`` before it was hashed is hashed again on every run until it is older than that.

The memo is an entry of the one cache, named by the files' paths in order (and the code), that
holds a stamp and a digest per file: a file added, removed or renamed names another entry.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textkit.corpus.sources import FileStamp, Source
from textkit.store.cache import Cache, Kind

RACY_NS = 2_000_000_000
_HEX = frozenset("0123456789abcdef")


def _check(raw: Any) -> list[list[Any]]:
    """Every row is five counts, the time it was hashed, and a hex digest."""
    if not isinstance(raw, list):
        raise TypeError("expected a list of file stamps")
    for row in raw:
        if not (isinstance(row, list) and len(row) == 7):
            raise TypeError("expected a stamp row")
        if not all(isinstance(v, int) and not isinstance(v, bool) and v >= 0 for v in row[:6]):
            raise TypeError("expected counts")
        if not (isinstance(row[6], str) and len(row[6]) == 64 and set(row[6]) <= _HEX):
            raise TypeError("expected a digest")
    return raw


def _same(rows: list[list[Any]]) -> list[list[Any]]:
    return rows


DIGESTS = Kind("digests", _same, _check)


def source_digests(items: Sequence[Source], cache: Cache) -> list[str]:
    """Each source's digest: a file whose stamp is recorded is not read; the others are hashed and
    recorded (the memo is written only when something changed)."""
    files = [(item, item.stamp) for item in items if item.stamp is not None]
    if files:
        key = cache.key(DIGESTS.name, *(stamp.path for _, stamp in files))
        memo = cache.get(DIGESTS.name, key, DIGESTS.decode)
        rows = _known(files, memo if memo is not None and len(memo) == len(files) else None)
        if rows is not memo:
            cache.put(DIGESTS.name, key, rows, DIGESTS.encode)
    return [item.digest for item in items]


def _known(files: list[tuple[Source, FileStamp]], memo: list[list[Any]] | None) -> list[list[Any]]:
    """The memo's rows with every file either known (its digest given to it) or hashed anew; the
    memo itself when every file was known."""
    rows, changed = [], memo is None
    for n, (item, stamp) in enumerate(files):
        now = [stamp.size, stamp.mtime_ns, stamp.ctime_ns, stamp.inode, stamp.device]
        old = memo[n] if memo is not None else None
        if old is not None and old[:5] == now and max(stamp.mtime_ns, stamp.ctime_ns) < old[5] - RACY_NS:
            item.known_digest(old[6])
            rows.append(old)
        else:
            digest = item.digest
            rows.append([*now, item.read_ns, digest])
            changed = True
    return memo if memo is not None and not changed else rows
