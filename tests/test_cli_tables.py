"""Tables on a folder corpus with long file names, at 80 and 200 columns (issue 15, point 1).

Each command's table must fit the width, name documents by their short ids, and never cut a
number or a name: every such value of the first rows of the TSV shows up whole in the table."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
from conftest import CHAPTER, RunCli

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LONG = "cliff-trotsky-1917-1923-a-very-long-chapter-file-name-{}.txt"
# command → the TSV fields whose values must appear whole in the table
COMMANDS: list[tuple[list[str], list[str]]] = [
    (["quotes"], ["id", "speaker", "paragraph"]),
    (["speakers"], ["person", "quotes", "words", "mentions"]),
    (["speakers", "--by-doc"], ["doc_id", "person", "quotes", "words", "mentions"]),
    (["dispersion", "bureaucracy", "Trotsky", "--summary"], ["term", "doc_id", "hits", "tokens"]),
    (["sources"], ["notes"]),
    (["collocates", "trotsky"], ["collocate", "freq", "log_likelihood"]),
    (["footnotes"], ["doc_id", "label"]),
    (["info"], ["doc_id", "paragraphs", "words", "notes"]),
]


def test_info_on_a_folder_is_one_row_per_document_and_a_totals_row(run_cli: RunCli, folder: Path) -> None:
    table = ANSI.sub("", run_cli(["--corpus", str(folder), "info"], tty=True, width=120).stdout)
    rows = [line for line in table.splitlines() if line.startswith("│ d") or line.startswith("│ all")]
    assert [r.split("│")[1].strip() for r in rows] == ["d1", "d2", "all"]
    words = [int(r.split("│")[5]) for r in rows]
    assert words[2] == words[0] + words[1] > 0


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("long-names")
    for n in ("one", "two"):
        shutil.copy(CHAPTER, root / LONG.format(n))
    return root


def _rows(run_cli: RunCli, folder: Path, args: list[str]) -> list[dict[str, str]]:
    result = run_cli(["--corpus", str(folder), *args, "--format", "tsv"])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout), delimiter="\t"))[:8]


def _check(table: str, width: int, rows: list[dict[str, str]], fields: list[str]) -> None:
    lines = table.splitlines()
    assert lines and all(len(line) <= width for line in lines), "the table fits the terminal"
    assert "a-very-long-chapter" not in table or "file" in lines[1], "documents go by their short ids"
    for row in rows:
        for key in fields:
            assert row[key] in table, f"{key}={row[key]!r} is cut or missing"


def _table(run_cli: RunCli, folder: Path, args: list[str], width: int) -> str:
    shown = [a for a in args if a != "--summary"]
    limit = ["--limit", "8"] if shown[0] not in ("info", "dispersion", "footnote") else []
    result = run_cli(["--corpus", str(folder), *shown, *limit], tty=True, width=width)
    assert result.exit_code == 0, result.stderr
    return ANSI.sub("", result.stdout)


@pytest.mark.parametrize("width", [80, 200])
@pytest.mark.parametrize(("args", "fields"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_every_table_fits_and_cuts_no_number_or_name(
    run_cli: RunCli, folder: Path, width: int, args: list[str], fields: list[str]
) -> None:
    _check(_table(run_cli, folder, args, width), width, _rows(run_cli, folder, args), fields)


@pytest.mark.parametrize("width", [80, 200])
def test_a_persons_quotations_show_ids_and_places_whole(run_cli: RunCli, folder: Path, width: int) -> None:
    table = _table(run_cli, folder, ["speakers", "Stalin"], width)
    assert all(len(line) <= width for line in table.splitlines())
    [record] = json_rows(run_cli, folder, ["speakers", "Stalin"])
    for q in record["quotation_rows"]:
        assert q["id"] in table and f"¶{q['paragraph']}" in table
    assert "d1 ¶" in table and "d2 ¶" in table


@pytest.mark.parametrize("width", [80, 200])
def test_concordance_lines_fit_and_name_documents_by_id(run_cli: RunCli, folder: Path, width: int) -> None:
    table = _table(run_cli, folder, ["concord", "bureaucracy"], width)
    lines = table.splitlines()
    assert lines and all(len(line) <= width and "bureaucracy" in line for line in lines)
    assert lines[0].lstrip().startswith("d1 ¶") and "a-very-long" not in table


def json_rows(run_cli: RunCli, folder: Path, args: list[str]) -> list[dict]:
    import json

    result = run_cli(["--corpus", str(folder), *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("width", [80, 200])
def test_note_cards_name_the_document_by_id_and_fit(run_cli: RunCli, folder: Path, width: int) -> None:
    table = _table(run_cli, folder, ["footnote", "21"], width)
    assert all(len(line) <= width for line in table.splitlines())
    assert "Note 21 · d1 " in table and "Note 21 · d2 " in table
