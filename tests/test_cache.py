"""The one cache: keyed by input, options and code; rebuilt when corrupt; pruned; shown and cleared."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import CHAPTER, CORPUS_DIR, RunCli

import textkit.store.cache as store
from textkit.corpus.load import DOCUMENTS, load_corpus
from textkit.store.cache import Cache, digest, tree_digest

KINDS_BY_COMMAND = {
    "documents": ["info"],
    "quotes": ["quotes"],
    "names": ["speakers"],
    "notes": ["footnotes"],
    "wordindex": ["concord", "bureaucracy", "--count"],
}


def entry_path(cache_root: Path) -> Path:
    key = Cache(cache_root).key(DOCUMENTS.name, digest(CHAPTER.read_bytes()))
    return cache_root / DOCUMENTS.name / f"{key}.json"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime, to prove nothing was written there."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_cache_dir_honours_the_environment(cache_root: Path) -> None:
    assert store.cache_dir() == cache_root


def test_first_load_writes_an_entry_keyed_by_content_and_code(cache_root: Path) -> None:
    fresh = load_corpus(CHAPTER)
    path = entry_path(cache_root)
    assert path.name.startswith(store.code_digest() + "-")
    payload = json.loads(path.read_text(encoding="utf-8"))
    assert len(payload["paragraphs"]) == len(fresh.documents[0].paragraphs)
    assert "text" not in payload
    cached = load_corpus(CHAPTER)
    assert cached.documents[0] == fresh.documents[0]
    assert [p.doc for p in cached.documents[0].paragraphs][:1] == [CHAPTER.name]


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _layout(paragraphs: list, markers: list) -> str:
    return json.dumps(
        {
            "author": None,
            "book": None,
            "chapter": None,
            "paragraphs": paragraphs,
            "markers": markers,
            "notes": [],
        }
    )


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[]",
        '"a string"',
        json.dumps({"paragraphs": "x"}),
        json.dumps({"author": 1, "book": 2, "chapter": 3, "paragraphs": [], "markers": [], "notes": []}),
        _layout([[1, 2]], []),
        _layout([[0, 0, 10**9, "body", None, 1]], []),
        _layout([], [["1", 0, 3, 7, None]]),
        _deep(100_000),
    ],
)
def test_corrupt_entry_is_rebuilt(cache_root: Path, content: str) -> None:
    expected = load_corpus(CHAPTER, use_cache=False).documents[0]
    path = entry_path(cache_root)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    assert load_corpus(CHAPTER).documents[0] == expected
    assert json.loads(path.read_text(encoding="utf-8"))["chapter"] == expected.chapter


def test_undecodable_entry_is_rebuilt(cache_root: Path) -> None:
    path = entry_path(cache_root)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert len(load_corpus(CHAPTER).documents[0].notes) == 44


def test_current_entry_is_trusted(cache_root: Path) -> None:
    """Proof that a valid entry is really read: a doctored chapter field comes back."""
    load_corpus(CHAPTER)
    path = entry_path(cache_root)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["chapter"] = "from the cache"
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert load_corpus(CHAPTER).documents[0].chapter == "from the cache"
    assert load_corpus(CHAPTER, use_cache=False).documents[0].chapter == "16. Trotsky and the triumvirate"


@pytest.mark.parametrize("kind", sorted(KINDS_BY_COMMAND))
def test_a_code_change_means_a_rebuild(
    run_cli: RunCli, cache_root: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """Each cached kind is named by the code's digest: other code never reads this code's entries."""
    args = KINDS_BY_COMMAND[kind]
    assert run_cli(args).exit_code == 0
    before = {p.name for p in (cache_root / kind).iterdir()}
    assert before and all(name.startswith(store.code_digest() + "-") for name in before)
    monkeypatch.setattr(store, "code_digest", lambda: "0123456789ab")
    assert run_cli(args).exit_code == 0
    after = {p.name for p in (cache_root / kind).iterdir()} - before
    assert after and all(name.startswith("0123456789ab-") for name in after)


@pytest.mark.parametrize("changed", ["corpus/blocks.py", "text/tokens.py", "data/stopwords.txt"])
def test_the_code_digest_covers_every_file_of_the_package(tmp_path: Path, changed: str) -> None:
    """The defects of hand-bumped versions: the block rule and the tokenizer were not covered."""
    copy = tmp_path / "textkit"
    shutil.copytree(store.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = tree_digest(copy)
    with open(copy / changed, "a", encoding="utf-8") as fh:
        fh.write("\n")
    assert tree_digest(copy) != before


def test_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TEXTKIT_CACHE_DIR", str(blocker / "cache"))
    assert len(load_corpus(CHAPTER).documents[0].notes) == 44


def test_no_cache_writes_nothing(run_cli: RunCli, cache_root: Path) -> None:
    for args in (["info"], ["quotes"], ["speakers"], ["footnotes"], ["concord", "the", "--count"]):
        result = run_cli(["--no-cache", *args])
        assert result.exit_code == 0, result.stderr
    assert list(cache_root.iterdir()) == []


def test_no_cache_ignores_a_doctored_entry(run_cli: RunCli, cache_root: Path) -> None:
    load_corpus(CHAPTER)
    path = entry_path(cache_root)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["author"] = "Somebody Else"
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert "Somebody Else" in run_cli(["info", "--format", "csv"]).stdout
    assert "Tony Cliff" in run_cli(["--no-cache", "info", "--format", "csv"]).stdout


def test_nothing_written_outside_the_cache(
    run_cli: RunCli, cache_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "cwd"
    work.mkdir()
    (work / "doc.txt").write_text(CHAPTER.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(work)
    before = (snapshot(CORPUS_DIR), snapshot(work))
    for args in (
        ["info"],
        ["--corpus", "doc.txt", "info"],
        ["--corpus", str(work), "info", "--format", "json"],
    ):
        assert run_cli(args).exit_code == 0
    assert (snapshot(CORPUS_DIR), snapshot(work)) == before
    assert sorted(p.name for p in (cache_root / "documents").iterdir()) == [entry_path(cache_root).name]
    assert not [p for p in cache_root.rglob(".tmp-*")]
    assert os.listdir(work) == ["doc.txt"]


def _age(path: Path, hours: float) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then))


def test_prune_removes_temporaries_old_code_and_long_unused_entries(cache_root: Path) -> None:
    load_corpus(CHAPTER)
    kind = cache_root / "documents"
    current = entry_path(cache_root)
    tmp = kind / ".tmp-123-abc"
    tmp.write_bytes(b"half")
    other_code = kind / ("f" * 12 + "-" + "0" * 40 + ".json")
    other_code.write_text("{}")
    unused = kind / (store.code_digest() + "-" + "1" * 40 + ".json")
    unused.write_text("{}")
    foreign = kind / "notes-of-mine.txt"
    foreign.write_text("mine")
    for path, hours in ((tmp, 2), (other_code, 25), (unused, 61 * 24)):
        _age(path, hours)
    assert Cache(cache_root).prune() == 3
    assert sorted(p.name for p in kind.iterdir()) == sorted([current.name, foreign.name])


def test_prune_keeps_the_newest_entries_within_the_size_cap(cache_root: Path) -> None:
    kind = cache_root / "quotes"
    kind.mkdir(parents=True)
    names = [store.code_digest() + "-" + str(i) * 40 + ".json" for i in range(4)]
    for hours, name in enumerate(reversed(names)):
        (kind / name).write_bytes(b"x" * 1000)
        _age(kind / name, hours)
    Cache(cache_root).prune(cap=2500)
    assert sorted(p.name for p in kind.iterdir()) == sorted(names[-2:])


def test_cache_info_and_clear(run_cli: RunCli, cache_root: Path) -> None:
    run_cli(["quotes"])
    (cache_root / "quotes" / "keep-me.txt").write_text("a file of the user's")
    rows = json.loads(run_cli(["cache", "info", "--format", "json"]).stdout)
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["quotes"]["entries"] == by_kind["quotes"]["current"] == 1
    assert by_kind["documents"]["entries"] == by_kind["digests"]["entries"] == 1
    cleared = run_cli(["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 3 entries" in cleared.stderr
    assert [p.name for p in cache_root.rglob("*") if p.is_file() and p.name != ".pruned"] == ["keep-me.txt"]
    empty = run_cli(["cache", "info"])
    assert empty.exit_code == 0 and "the cache is empty" in empty.stderr


def test_an_in_memory_result_is_keyed_by_content_not_identity() -> None:
    cache = Cache(enabled=False)
    first = load_corpus(CHAPTER, use_cache=False)
    first.cache = cache
    second = load_corpus(CHAPTER, use_cache=False)
    second.cache = cache
    from textkit.quotes.find import find_quotes

    assert find_quotes(first) is find_quotes(second)
