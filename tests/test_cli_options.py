"""One name for one idea across commands, hidden old spellings, --doc everywhere, --columns, and data
formats that carry every field (issue 15, points 2–4)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import click
import pytest
from conftest import CHAPTER, RunCli

from textkit.corpus.docs import match_documents
from textkit.errors import UsageError

READS_CORPUS = ["concord", "collocates", "freq", "dispersion", "quotes", "speakers", "info", "footnote",
                "footnotes", "sources", "show"]  # fmt: skip
LIMITED = ["concord", "collocates", "freq", "quotes", "speakers", "footnotes", "sources"]
ALIASES = [
    (["freq", "--top", "3"], ["freq", "--limit", "3"]),
    (["collocates", "trotsky", "--top", "3"], ["collocates", "trotsky", "--limit", "3"]),
    (["speakers", "--top", "3"], ["speakers", "--limit", "3"]),
    (["sources", "--top", "3"], ["sources", "--limit", "3"]),
    (["freq", "--min-count", "20"], ["freq", "--min", "20"]),
    (["collocates", "trotsky", "--min-freq", "4"], ["collocates", "trotsky", "--min", "4"]),
    (["quotes", "--min-words", "40"], ["quotes", "--min", "40"]),
]


def _commands() -> dict[str, click.Command]:
    from textkit.cli import cli

    return dict(cli.commands)  # type: ignore[attr-defined]


def _options(name: str) -> dict[str, click.Option]:
    params = _commands()[name].params
    return {o: p for p in params if isinstance(p, click.Option) for o in p.opts}


@pytest.mark.parametrize(("old", "new"), ALIASES, ids=[" ".join(o) for o, _ in ALIASES])
def test_old_spellings_still_work_and_mean_the_new_option(run_cli: RunCli, old: list, new: list) -> None:
    got, want = run_cli(old), run_cli(new)
    assert got.exit_code == want.exit_code == 0, got.stderr
    assert got.stdout == want.stdout and len(got.stdout.splitlines()) > 1


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_shown_option_has_help_and_old_names_are_hidden(run_cli: RunCli, name: str) -> None:
    for option in set(_options(name).values()):
        assert option.hidden or option.help, f"{name} {option.opts} has no help"
    page = run_cli([name, "-h"]).stdout
    for old in ("--top", "--min-count", "--min-freq", "--min-words"):
        assert old not in page


@pytest.mark.parametrize("name", READS_CORPUS)
def test_every_command_that_reads_a_corpus_takes_doc(name: str) -> None:
    assert "--doc" in _options(name)


@pytest.mark.parametrize("name", LIMITED)
def test_limit_is_the_one_name_for_at_most_n_rows(name: str) -> None:
    assert "--limit" in _options(name) and not _options(name)["--limit"].hidden


def test_regex_help_names_the_argument_rightly(run_cli: RunCli) -> None:
    for name, argument in (("concord", "QUERY"), ("collocates", "WORD")):
        page = " ".join(run_cli([name, "-h"]).stdout.split())
        assert "The argument is a Python regular expression" in page and argument in page


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    for name in ("alpha-chapter.txt", "beta-chapter.txt", "gamma.txt"):
        shutil.copy(CHAPTER, tmp_path / name)
    return tmp_path


def test_doc_takes_an_id_a_name_or_a_unique_part(run_cli: RunCli, folder: Path) -> None:
    for doc in ("d2", "beta-chapter.txt", "beta-chapter", "BETA"):
        result = run_cli(["--corpus", str(folder), "concord", "bureaucracy", "--doc", doc])
        docs = {line.split("\t")[0] for line in result.stdout.splitlines()[1:]}
        assert result.exit_code == 0 and docs == {"beta-chapter.txt"}, (doc, result.stderr)


@pytest.mark.parametrize(
    "args", [["freq"], ["quotes"], ["speakers"], ["footnotes"], ["info"], ["dispersion", "Trotsky"]]
)
def test_doc_narrows_every_command_to_one_document(run_cli: RunCli, folder: Path, args: list) -> None:
    whole = run_cli(["--corpus", str(folder), *args, "--format", "json"])
    one = run_cli(["--corpus", str(folder), *args, "--doc", "d3", "--format", "json"])
    assert whole.exit_code == one.exit_code == 0, one.stderr
    rows = json.loads(one.stdout)
    assert rows and rows != json.loads(whole.stdout)
    assert {r["doc"] for r in rows if "doc" in r} <= {"gamma.txt"}


def test_doc_errors_list_the_documents_that_match() -> None:
    names = [f"{c}-chapter.txt" for c in "abcdefgh"] + ["trotsky2-a.txt", "trotsky2-b.txt"]
    with pytest.raises(UsageError) as err:
        match_documents(names, "trotsky2")
    assert str(err.value) == "--doc 'trotsky2' matches 2 documents: d9 trotsky2-a.txt, d10 trotsky2-b.txt"
    with pytest.raises(UsageError, match=r"matches no document; choose one of: d1 a-chapter\.txt"):
        match_documents(names, "zzz")
    assert match_documents(names, "D10") == ["trotsky2-b.txt"]


def _table(text: str, delimiter: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


@pytest.mark.parametrize("args", [["quotes"], ["speakers"], ["concord", "party"], ["footnotes"], ["sources"],
                                  ["freq"], ["collocates", "trotsky"], ["info"]])  # fmt: skip
def test_csv_and_tsv_carry_every_flat_field_json_has(run_cli: RunCli, args: list) -> None:
    rows = json.loads(run_cli([*args, "--format", "json"]).stdout)
    flat = {k for k, v in rows[0].items() if not (isinstance(v, list) and v and isinstance(v[0], dict))}
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        header = _table(run_cli([*args, "--format", fmt]).stdout, delimiter)[0].keys()
        assert flat <= set(header), (fmt, flat - set(header))


def test_columns_chooses_fields_in_every_format(run_cli: RunCli) -> None:
    tsv = run_cli(["quotes", "--columns", "paragraph,id,confidence"]).stdout.splitlines()
    assert tsv[0] == "paragraph\tid\tconfidence" and len(tsv) > 10
    [row] = json.loads(run_cli(["quotes", "--columns", "id,cue", "--limit", "1", "--format", "json"]).stdout)
    assert list(row) == ["id", "cue"]
    table = run_cli(["quotes", "--columns", "id,start,end", "--limit", "3"], tty=True).stdout
    assert "start" in table and "speaker" not in table
    bad = run_cli(["quotes", "--columns", "id,nope"])
    assert bad.exit_code == 2 and "no column 'nope'" in bad.stderr and "confidence" in bad.stderr


def test_data_formats_give_numbers_not_labels(run_cli: RunCli) -> None:
    rows = json.loads(run_cli(["speakers", "--format", "json"]).stdout)
    assert isinstance(rows[0]["first_paragraph"], int) and "first" not in rows[0]
    csv_rows = _table(run_cli(["speakers", "--format", "csv"]).stdout, ",")
    assert csv_rows[0]["first_paragraph"].isdigit() and "¶" not in "".join(csv_rows[0].values())


def test_quote_source_is_the_resolved_citation(run_cli: RunCli) -> None:
    rows = json.loads(run_cli(["quotes", "--format", "json"]).stdout)
    cited = [r for r in rows if r["note"]]
    assert cited and all(r["source_text"] for r in cited)
    my_life = next(r for r in cited if r["source_text"] == "Trotsky, My Life, page 482.")
    assert my_life["source"] == "Trotsky, My Life, p. 482"


def test_shell_completion_as_the_readme_documents_it() -> None:
    import os
    import subprocess

    from conftest import TEXTKIT

    script = subprocess.run(
        [str(TEXTKIT)], env={**os.environ, "_TEXTKIT_COMPLETE": "bash_source"}, capture_output=True, text=True
    )
    assert script.returncode == 0 and "_textkit_completion" in script.stdout
    env = {**os.environ, "_TEXTKIT_COMPLETE": "bash_complete", "COMP_WORDS": "textkit sh", "COMP_CWORD": "1"}
    words = subprocess.run([str(TEXTKIT)], env=env, capture_output=True, text=True).stdout
    assert "show" in words
