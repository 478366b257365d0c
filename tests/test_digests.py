"""The digest memo: an unchanged file is neither read nor hashed again; any change to a file (its
bytes at the same size and times, a touch, a removal) is seen, and so is a file changed in the tick
it was hashed."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from textkit.corpus import digests
from textkit.corpus.digests import DIGESTS, source_digests
from textkit.corpus.sources import read_sources
from textkit.errors import DataError
from textkit.store.cache import Cache, digest


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in (("a.txt", "Alpha text."), ("b.txt", "Beta text."), ("c.html", "<p>Gamma.</p>")):
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files count as older than a clock tick however new they are (a test cannot age a change time)."""
    monkeypatch.setattr(digests, "RACY_NS", 0)


def _digests(folder: Path, cache: Cache) -> tuple[list[str], list[bool]]:
    """The digests of the folder's files, and which files were read to get them."""
    items = read_sources(folder).items
    found = source_digests(items, cache)
    return found, [item._data is not None for item in items]


def _expected(folder: Path) -> list[str]:
    return [
        digest(p.read_bytes()) if p.suffix == ".txt" else digest(b"html\0" + p.read_bytes())
        for p in sorted(folder.iterdir())
    ]


def test_unchanged_files_are_not_read_again(folder: Path, cache_root: Path, settled: None) -> None:
    first, read = _digests(folder, Cache(cache_root))
    assert first == _expected(folder) and all(read)
    again, read = _digests(folder, Cache(cache_root))
    assert again == first and not any(read)


def test_new_bytes_of_the_same_size_and_times_are_hashed(
    folder: Path, cache_root: Path, settled: None
) -> None:
    _digests(folder, Cache(cache_root))
    path = folder / "b.txt"
    before = path.stat()
    path.write_text("Bota text.", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    found, read = _digests(folder, Cache(cache_root))
    assert found == _expected(folder) and read == [False, True, False]


def test_a_touched_file_is_hashed_again(folder: Path, cache_root: Path, settled: None) -> None:
    first, _ = _digests(folder, Cache(cache_root))
    os.utime(folder / "a.txt", ns=(time.time_ns(), time.time_ns() + 10**9))
    found, read = _digests(folder, Cache(cache_root))
    assert found == first and read == [True, False, False]


def test_a_removed_file_leaves_the_others_right(folder: Path, cache_root: Path, settled: None) -> None:
    _digests(folder, Cache(cache_root))
    (folder / "a.txt").unlink()
    found, _ = _digests(folder, Cache(cache_root))
    assert found == _expected(folder) and len(found) == 2
    (folder / "a.txt").write_text("Alpha again.", encoding="utf-8")
    found, _ = _digests(folder, Cache(cache_root))
    assert found == _expected(folder) and len(found) == 3


def test_a_file_changed_in_the_tick_it_was_hashed_is_hashed_again(folder: Path, cache_root: Path) -> None:
    _digests(folder, Cache(cache_root))
    found, read = _digests(folder, Cache(cache_root))  # every file was written just now
    assert found == _expected(folder) and all(read)


def test_a_file_changed_after_its_stamp_was_taken_is_an_error(
    folder: Path, cache_root: Path, settled: None
) -> None:
    _digests(folder, Cache(cache_root))
    items = read_sources(folder).items
    source_digests(items, Cache(cache_root))
    (folder / "a.txt").write_text("Other text.", encoding="utf-8")
    with pytest.raises(DataError, match=r"a\.txt: the file changed while textkit read it"):
        items[0].data  # noqa: B018


def test_a_damaged_memo_is_rebuilt(folder: Path, cache_root: Path, settled: None) -> None:
    _digests(folder, Cache(cache_root))
    (entry,) = (cache_root / DIGESTS.name).iterdir()
    entry.write_text('[[1, 2, 3, 4, 5, 6, "not a digest"]]', encoding="utf-8")
    found, read = _digests(folder, Cache(cache_root))
    assert found == _expected(folder) and all(read)
    assert _digests(folder, Cache(cache_root))[1] == [False, False, False]


def test_no_cache_reads_every_file_and_writes_nothing(folder: Path, cache_root: Path) -> None:
    for _ in range(2):
        found, read = _digests(folder, Cache(cache_root, enabled=False))
        assert found == _expected(folder) and all(read)
    assert not (cache_root / DIGESTS.name).exists()


def test_a_changed_file_changes_the_concordance(run_cli, folder: Path, settled: None) -> None:
    def count() -> str:
        return run_cli(["--corpus", str(folder), "concord", "text", "--count"]).stdout.strip()

    assert count() == "2"
    path = folder / "b.txt"
    before = path.stat()
    path.write_text("Beta tExt.", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert count() == "2"
    path.write_text("Beta word.", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert count() == "1"
