"""``textkit quotes`` on the bundled corpus: filters, output formats and the empty case."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

from conftest import CORPUS_DIR, RunCli

from textkit.corpus.load import load_corpus

FIELDS = {"id", "doc", "paragraph", "kind", "type", "speaker", "text", "start", "end"}
FIELDS |= {"cue", "rule", "confidence", "note", "source"}
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def jsonl(run_cli: RunCli, *args: str) -> list[dict]:
    result = run_cli(["quotes", *args, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def tsv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def test_speaker_is_case_insensitive(run_cli: RunCli) -> None:
    rows = jsonl(run_cli, "--speaker", "stalin")
    assert rows and {r["speaker"] for r in rows} == {"Stalin"}


def test_speaker_is_alias_aware(run_cli: RunCli) -> None:
    rows = jsonl(run_cli, "--speaker", "vladimir ilyich")
    assert rows and {r["speaker"] for r in rows} == {"Lenin"}


def test_unknown_speaker_says_so(run_cli: RunCli) -> None:
    result = run_cli(["quotes", "--speaker", "Nobodyov"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no quotations by Nobodyov" in result.stderr


def test_kind_search_and_min_words(run_cli: RunCli) -> None:
    everything = jsonl(run_cli)
    blocks = jsonl(run_cli, "--kind", "block")
    assert blocks and {r["kind"] for r in blocks} == {"block"}
    assert len(blocks) < len(everything)
    found = jsonl(run_cli, "--search", "RUDE AND CAPRICIOUS")
    assert found and all("rude and capricious" in r["text"].lower() for r in found)
    long = jsonl(run_cli, "--min-words", "50")
    assert long and len(long) < len(everything)
    assert all(len(WORD.findall(r["text"])) >= 50 for r in long)


def test_unattributed_lists_only_quotes_without_speaker(run_cli: RunCli) -> None:
    rows = jsonl(run_cli, "--unattributed")
    assert rows and all(r["speaker"] is None for r in rows)


def test_terms_only_with_include_terms(run_cli: RunCli) -> None:
    assert {r["type"] for r in jsonl(run_cli)} == {"quote"}
    assert {r["type"] for r in jsonl(run_cli, "--include-terms")} == {"quote", "term"}


def test_jsonl_has_every_field_and_spans_slice_the_document(run_cli: RunCli) -> None:
    rows = jsonl(run_cli, "--include-terms")
    docs = {d.name: d.text for d in load_corpus(CORPUS_DIR).documents}
    for row in rows:
        assert row.keys() >= FIELDS
        assert docs[row["doc"]][row["start"] : row["end"]] == row["text"]


def test_piped_output_is_tsv_with_header_and_explain_adds_columns(run_cli: RunCli) -> None:
    plain = run_cli(["quotes"])
    assert plain.exit_code == 0
    header = plain.stdout.splitlines()[0].split("\t")
    assert header[:4] == ["id", "doc", "paragraph", "speaker"]
    assert set(FIELDS) <= set(header), "TSV carries every field JSON has"
    explained = tsv(run_cli(["quotes", "--explain"]).stdout)
    assert {"rule", "cue", "confidence"} <= explained[0].keys()
    assert explained[0]["rule"] and float(explained[0]["confidence"]) > 0


def test_terminal_gets_a_table(run_cli: RunCli) -> None:
    result = run_cli(["quotes", "--speaker", "Kamenev"], tty=True)
    assert result.exit_code == 0
    assert "\t" not in result.stdout
    assert "speaker" in result.stdout and "Kamenev" in result.stdout


def test_no_quotations_at_all(run_cli: RunCli, tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Nothing here is quoted.\nIvanov’s workers’ state was strong.\n", encoding="utf-8")
    result = run_cli(["--corpus", str(plain), "quotes"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert "no quotations match" in result.stderr


def test_paragraph_range_keeps_only_those_paragraphs(run_cli: RunCli) -> None:
    rows = jsonl(run_cli, "--include-terms", "--paragraphs", "0-50")
    assert rows and max(r["paragraph"] for r in rows) <= 50
    assert len(rows) < len(jsonl(run_cli, "--include-terms"))
    assert [r["speaker"] for r in jsonl(run_cli, "--paragraphs", "49")] == [
        "Stalin",
        "Kamenev",
        "Tomsky",
        "Solts",
    ]


def test_bad_paragraph_range_is_a_usage_error(run_cli: RunCli) -> None:
    for bad in ("x", "9-3", "1-b"):
        result = run_cli(["quotes", "--paragraphs", bad])
        assert result.exit_code == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
