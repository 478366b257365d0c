"""The JSON parse cache: keyed by content, rebuilt when corrupt or stale, bypassed by --no-cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import CHAPTER, CORPUS_DIR, RunCli

from textkit import cache as cache_mod
from textkit.corpus import load_corpus
from textkit.parse import PARSER_VERSION


def entry_path(cache_root: Path) -> Path:
    return cache_root / "documents" / f"{cache_mod.digest(CHAPTER.read_bytes())}.json"


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and mtime, to prove nothing was written there."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_cache_dir_honours_the_environment(cache_root: Path) -> None:
    assert cache_mod.cache_dir() == cache_root


def test_first_load_writes_an_entry_keyed_by_content(cache_root: Path) -> None:
    fresh = load_corpus(CHAPTER)
    entry = json.loads(entry_path(cache_root).read_text(encoding="utf-8"))
    assert entry["version"] == PARSER_VERSION
    assert len(entry["payload"]["paragraphs"]) == len(fresh.documents[0].paragraphs)
    assert "text" not in entry["payload"]
    cached = load_corpus(CHAPTER)
    assert cached.documents[0] == fresh.documents[0]
    assert [p.doc for p in cached.documents[0].paragraphs][:1] == [CHAPTER.name]


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "",
        "[]",
        '"a string"',
        json.dumps({"version": PARSER_VERSION}),
        json.dumps({"version": PARSER_VERSION, "payload": []}),
        json.dumps({"version": PARSER_VERSION, "payload": {"paragraphs": "x"}}),
        json.dumps(
            {"version": PARSER_VERSION, "payload": {"paragraphs": [[1, 2]], "markers": [], "notes": []}}
        ),
        json.dumps(
            {
                "version": PARSER_VERSION,
                "payload": {
                    "author": 1,
                    "book": 2,
                    "chapter": 3,
                    "paragraphs": [],
                    "markers": [{"x": 1}],
                    "notes": [],
                },
            }
        ),
    ],
)
def test_corrupt_entry_is_rebuilt(cache_root: Path, content: str) -> None:
    expected = load_corpus(CHAPTER, use_cache=False).documents[0]
    path = entry_path(cache_root)
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    doc = load_corpus(CHAPTER).documents[0]
    assert doc == expected
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == PARSER_VERSION


def test_undecodable_entry_is_rebuilt(cache_root: Path) -> None:
    path = entry_path(cache_root)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\xff\xfe\x00garbage")
    assert len(load_corpus(CHAPTER).documents[0].notes) == 44


def test_stale_version_is_rebuilt(cache_root: Path) -> None:
    load_corpus(CHAPTER)
    path = entry_path(cache_root)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["version"] = PARSER_VERSION - 1
    entry["payload"]["chapter"] = "stale"
    path.write_text(json.dumps(entry), encoding="utf-8")
    doc = load_corpus(CHAPTER).documents[0]
    assert doc.chapter == "16. Trotsky and the triumvirate"
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == PARSER_VERSION


def test_current_entry_is_trusted(cache_root: Path) -> None:
    """Proof that a valid entry is really read: a doctored chapter field comes back."""
    load_corpus(CHAPTER)
    path = entry_path(cache_root)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["payload"]["chapter"] = "from the cache"
    path.write_text(json.dumps(entry), encoding="utf-8")
    assert load_corpus(CHAPTER).documents[0].chapter == "from the cache"
    assert load_corpus(CHAPTER, use_cache=False).documents[0].chapter == "16. Trotsky and the triumvirate"


def test_unwritable_cache_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("TEXTKIT_CACHE_DIR", str(blocker / "cache"))
    assert len(load_corpus(CHAPTER).documents[0].notes) == 44


def test_no_cache_writes_nothing(run_cli: RunCli, cache_root: Path) -> None:
    result = run_cli(["--no-cache", "info"])
    assert result.exit_code == 0, result.stderr
    assert list(cache_root.iterdir()) == []


def test_no_cache_ignores_a_doctored_entry(run_cli: RunCli, cache_root: Path) -> None:
    load_corpus(CHAPTER)
    path = entry_path(cache_root)
    entry = json.loads(path.read_text(encoding="utf-8"))
    entry["payload"]["author"] = "Somebody Else"
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
    assert not [p for p in cache_root.rglob("*.tmp")]
    assert os.listdir(work) == ["doc.txt"]
