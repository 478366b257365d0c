"""The command line: info in every format, every way to choose a corpus, and the one-line error policy."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest
from conftest import CHAPTER, FIXTURES, RunCli

from textkit.cli import cli

CHAPTER_ROW = {
    "doc": CHAPTER.name,
    "title": "16. Trotsky and the triumvirate",
    "author": "Tony Cliff",
    "book": "Trotsky: The Sword of the Revolution 1917-1923",
    "sections": 3,
    "paragraphs": 98,
    "block_quotations": 21,
    "markers": 44,
    "notes": 42,
    "author_notes": 2,
    "encoding": "utf-8",
}


def info_json(run_cli: RunCli, *args: str, **kwargs: object) -> list[dict[str, object]]:
    result = run_cli([*args, "info", "--format", "json"], **kwargs)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def assert_one_line_error(result: click.testing.Result, code: int, *fragments: str) -> None:
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("textkit: error: ")
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n")
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr


# --- info -------------------------------------------------------------------------------------------


def test_info_json(run_cli: RunCli) -> None:
    (row,) = info_json(run_cli)
    assert {k: row[k] for k in CHAPTER_ROW} == CHAPTER_ROW
    assert 6500 < row["words"] < 7500


def test_info_tsv_default_when_piped(run_cli: RunCli) -> None:
    result = run_cli(["info"])
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout == run_cli(["info", "--format", "tsv"]).stdout
    header, row = (line.split("\t") for line in result.stdout.splitlines())
    record = dict(zip(header, row, strict=True))
    assert record["author"] == "Tony Cliff" and record["notes"] == "42" and record["markers"] == "44"


def test_info_csv(run_cli: RunCli) -> None:
    rows = list(csv.DictReader(io.StringIO(run_cli(["info", "--format", "csv"]).stdout)))
    assert [(r["doc"], r["sections"], r["block_quotations"]) for r in rows] == [(CHAPTER.name, "3", "21")]


def test_info_jsonl(run_cli: RunCli) -> None:
    lines = run_cli(["info", "--format", "jsonl"]).stdout.splitlines()
    assert [json.loads(line)["author_notes"] for line in lines] == [2]


def test_info_table(run_cli: RunCli) -> None:
    result = run_cli(["info", "--format", "table"], tty=True)
    assert result.exit_code == 0 and result.stderr == ""
    assert "Tony Cliff" in result.stdout and "block quotations" in result.stdout


# --- choosing the corpus ----------------------------------------------------------------------------


def test_corpus_file(run_cli: RunCli) -> None:
    (row,) = info_json(run_cli, "--corpus", str(FIXTURES / "straight_quotes.txt"))
    assert (row["doc"], row["author"], row["notes"], row["sections"]) == (
        "straight_quotes.txt",
        "Jane Historian",
        3,
        1,
    )


def test_corpus_folder_in_name_order(run_cli: RunCli) -> None:
    rows = info_json(run_cli, "--corpus", str(FIXTURES))
    assert [r["doc"] for r in rows] == sorted(p.name for p in FIXTURES.glob("*.txt"))
    assert len(rows) >= 5


def test_corpus_folder_ignores_other_files(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second text body.\n", encoding="utf-8")
    (tmp_path / "a.TXT").write_text("First text body.\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("# not a document\n", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    assert [r["doc"] for r in info_json(run_cli, "--corpus", str(tmp_path))] == ["a.TXT", "b.txt"]


def test_corpus_stdin(run_cli: RunCli) -> None:
    (row,) = info_json(run_cli, "--corpus", "-", input=CHAPTER.read_bytes())
    assert row["doc"] == "<stdin>"
    assert (row["notes"], row["markers"], row["author"]) == (42, 44, "Tony Cliff")


def test_corpus_environment_variable(run_cli: RunCli) -> None:
    env = {"TEXTKIT_CORPUS": str(FIXTURES / "no_notes.txt")}
    (row,) = info_json(run_cli, env=env)
    assert (row["doc"], row["notes"]) == ("no_notes.txt", 0)
    (row,) = info_json(run_cli, "--corpus", str(CHAPTER), env=env)
    assert row["doc"] == CHAPTER.name


def test_cp1252_file_warns_once_on_stderr(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(
        (FIXTURES / "straight_quotes.txt").read_text(encoding="utf-8").replace('"', "“").encode("cp1252")
    )
    result = run_cli(["--corpus", str(path), "info", "--format", "jsonl"])
    assert result.exit_code == 0
    assert result.stderr == "textkit: old.txt: not valid UTF-8, read as cp1252\n"
    assert json.loads(result.stdout)["encoding"] == "cp1252"


def test_bom_and_crlf_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CHAPTER.read_bytes().replace(b"\n", b"\r\n"))
    (row,) = info_json(run_cli, "--corpus", str(path))
    assert {k: row[k] for k in ("author", "notes", "markers", "block_quotations")} == {
        "author": "Tony Cliff",
        "notes": 42,
        "markers": 44,
        "block_quotations": 21,
    }
    assert row["encoding"] == "utf-8-sig"


# --- errors -----------------------------------------------------------------------------------------


def test_missing_path(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli(["--corpus", str(tmp_path / "nope.txt"), "info"]), 2, "corpus not found", "nope.txt"
    )


def test_folder_without_texts(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing here", encoding="utf-8")
    assert_one_line_error(
        run_cli(["--corpus", str(tmp_path), "info"]), 2, "no text, HTML or EPUB files", ".epub"
    )


def test_not_a_txt_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "book.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert_one_line_error(
        run_cli(["--corpus", str(path), "info"]), 2, "not a text, HTML or EPUB file", ".html"
    )


def test_binary_file(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(run_cli(["--corpus", str(path), "info"]), 1, "blob.txt", "binary")


def test_binary_stdin(run_cli: RunCli) -> None:
    assert_one_line_error(run_cli(["--corpus", "-", "info"], input=b"\x00\x01\x02\x03"), 1, "binary")


def test_bad_format(run_cli: RunCli) -> None:
    assert_one_line_error(run_cli(["info", "--format", "xml"]), 2, "'xml'", "--format")


def test_unknown_command_and_option(run_cli: RunCli) -> None:
    assert_one_line_error(run_cli(["no-such-command"]), 2, "no-such-command")
    assert_one_line_error(run_cli(["info", "--no-such-option"]), 2, "--no-such-option")


def test_bad_env_corpus_is_an_error_too(run_cli: RunCli, tmp_path: Path) -> None:
    assert_one_line_error(run_cli(["info"], env={"TEXTKIT_CORPUS": str(tmp_path / "gone")}), 2, "gone")


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textkit", "--debug", "--corpus", str(tmp_path / "nope.txt"), "info"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr and "corpus not found" in proc.stderr
    assert proc.stdout == ""


def test_without_debug_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textkit", "--corpus", str(tmp_path / "nope.txt"), "info"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr == f"textkit: error: corpus not found: {tmp_path / 'nope.txt'}\n"


# --- help -------------------------------------------------------------------------------------------


def all_commands(group: click.Group = cli, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command path under the group, so commands added later are covered automatically."""
    paths = []
    for name, command in sorted(group.commands.items()):
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(all_commands(command, (*prefix, name)))
    return paths


def test_top_level_help(run_cli: RunCli) -> None:
    result = run_cli(["--help"])
    assert result.exit_code == 0 and result.stderr == ""
    assert "--corpus" in result.stdout and "--no-cache" in result.stdout
    assert all(name in result.stdout for name in cli.commands)


def test_info_is_registered() -> None:
    assert ("info",) in all_commands()


@pytest.mark.parametrize("path", all_commands(), ids="-".join)
def test_every_command_has_help(run_cli: RunCli, path: tuple[str, ...]) -> None:
    result = run_cli([*path, "--help"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert f"Usage: textkit {' '.join(path)}" in result.stdout


def test_version(run_cli: RunCli) -> None:
    result = run_cli(["--version"])
    assert result.exit_code == 0 and "textkit" in result.stdout


def test_python_dash_m(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "textkit", "--help"], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert proc.returncode == 0
    assert proc.stdout.startswith("Usage: textkit")
    assert proc.stderr == ""


def test_bare_command_shows_help_not_a_squashed_error(run_cli: RunCli) -> None:
    result = run_cli([])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Usage: textkit [OPTIONS] COMMAND")
    assert "\nCommands:\n" in result.stderr and "error" not in result.stderr.splitlines()[0]
