"""Points of issue 15 done before it was taken up, each pinned by a test: global options after the
command, Juilland's D never "-0", the cp1252 warning on every run (cached or not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CHAPTER, FIXTURES, RunCli

from textkit.cli.app import hoist_globals
from textkit.output.formats import cell


def test_global_options_move_before_the_command_wherever_they_are() -> None:
    assert hoist_globals(["footnote", "12", "--corpus", "all8", "--no-cache"]) == [
        "--corpus", "all8", "--no-cache", "footnote", "12",
    ]  # fmt: skip
    moved = hoist_globals(["quotes", "--max-mb=3", "--", "--corpus"])
    assert moved == ["--max-mb=3", "quotes", "--", "--corpus"]


@pytest.mark.parametrize("where", ["before", "after"])
def test_corpus_works_before_or_after_the_command(run_cli: RunCli, tmp_path: Path, where: str) -> None:
    (tmp_path / "one.txt").write_text(CHAPTER.read_text(encoding="utf-8"), encoding="utf-8")
    corpus = ["--corpus", str(tmp_path), "--no-cache"]
    args = [*corpus, "footnote", "21", "--format", "json"] if where == "before" else [
        "footnote", "21", "--format", "json", *corpus]  # fmt: skip
    result = run_cli(args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["doc"] == "one.txt"


def test_negative_zero_prints_as_zero() -> None:
    assert cell(-0.0) == cell(-0.00001) == "0" and cell(-0.5) == "-0.5"


def test_the_cp1252_warning_shows_on_every_run(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes((FIXTURES / "straight_quotes.txt").read_text(encoding="utf-8").encode("cp1252"))
    path.write_bytes(path.read_bytes().replace(b"'", b"\x92"))
    for _ in range(2):  # the second run reads the parse from the cache
        result = run_cli(["--corpus", str(path), "info", "--format", "jsonl"])
        assert result.exit_code == 0
        assert result.stderr == "textkit: old.txt: not valid UTF-8, read as cp1252\n"
