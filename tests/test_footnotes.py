"""``textkit footnote`` and ``footnotes``: where each note is cited and what it is the source of."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHAPTER, RunCli

from textkit.cli.notes import NOTE_FIELDS
from textkit.corpus.load import load_corpus
from textkit.corpus.parse import parse_document
from textkit.errors import DataError
from textkit.notes.footnotes import (
    describe_labels,
    document_entries,
    filter_by_source,
    note_entries,
    select_notes,
    sentence_around,
)
from textkit.quotes.record import Quote


def _json(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_note_34_is_my_life_537_cited_once_in_ioffes_letter(run_cli: RunCli) -> None:
    [note] = _json(run_cli(["footnote", "34", "--format", "json"]))
    assert note["text"] == "Trotsky, My Life, page 537."
    assert (note["author"], note["work"], note["pages"], note["status"]) == (
        "Trotsky",
        "My Life",
        "537",
        "parsed",
    )
    assert note["cited"] == 1
    [place] = note["places"]
    doc = load_corpus().documents[0]
    letter = doc.paragraphs[place["paragraph"]]
    assert letter.kind == "block"
    assert "letter" in doc.paragraphs[place["paragraph"] - 1].text
    assert "Ioffe" in doc.paragraphs[place["paragraph"] - 1].text
    assert place["sentence"].endswith("in this very thing lay the secret of Lenin’s victories. [34]")


def test_note_34_sources_a_quotation_by_ioffe(run_cli: RunCli) -> None:
    [note] = _json(run_cli(["footnote", "34", "--format", "json"]))
    assert note["places"][0]["quote"]
    assert note["places"][0]["speaker"] == "Ioffe"


def test_notes_27_to_29_are_cited_from_inside_author_note_2(run_cli: RunCli) -> None:
    notes = _json(run_cli(["footnote", "27", "28", "29", "--format", "json"]))
    assert [n["label"] for n in notes] == ["27", "28", "29"]
    for note in notes:
        assert [p["in_note"] for p in note["places"]] == ["2*"]
        assert note["where"] == ["¶105 (note 2*)"]
    assert notes[2]["places"][0]["sentence"].startswith("Kamenev repeated this same idea")


def test_author_note_labels_and_bracketed_labels_are_accepted(run_cli: RunCli) -> None:
    notes = _json(run_cli(["footnote", "1*", "[21]", "--format", "json"]))
    assert [(n["label"], n["kind"], n["form"]) for n in notes] == [
        ("1*", "author", "comment"),
        ("21", "numbered", "full"),
    ]
    assert notes[0]["citation"] is None and notes[0]["where"] == ["¶47"]


def test_unknown_label_names_the_labels_that_exist(run_cli: RunCli) -> None:
    result = run_cli(["footnote", "34", "99"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "textkit: error: no note 99; the notes are 1–42, 1*–2*\n"


def test_footnote_tsv_is_one_flat_line_per_note(run_cli: RunCli) -> None:
    result = run_cli(["footnote", "5", "38"])
    assert result.exit_code == 0
    header, *rows = result.stdout.splitlines()
    assert header.split("\t")[:5] == ["doc", "label", "kind", "text", "citation"]
    assert len(rows) == 2
    fields = dict(zip(header.split("\t"), rows[1].split("\t"), strict=True))
    assert (fields["author"], fields["volume"], fields["place"], fields["year"]) == (
        "A. Soboul",
        "2",
        "London",
        "1974",
    )
    assert fields["pages"] == "422"


def test_footnote_card_on_a_terminal(run_cli: RunCli) -> None:
    result = run_cli(["footnote", "39"], tty=True)
    assert result.exit_code == 0
    out = result.stdout
    assert "Note 39" in out and "refers to" in out and "The French Revolution" in out
    assert "¶87" in out and "Robespierre system" in out


def test_footnotes_table_has_every_note(run_cli: RunCli) -> None:
    rows = _json(run_cli(["footnotes", "--format", "json"]))
    assert len(rows) == 44
    assert sum(r["kind"] == "numbered" for r in rows) == 42
    assert all(r["status"] == "parsed" for r in rows if r["kind"] == "numbered")
    assert all(r["cited"] >= 1 for r in rows)


def test_footnotes_source_filter_follows_short_forms(run_cli: RunCli) -> None:
    rows = _json(run_cli(["footnotes", "--source", "My Life", "--format", "json"]))
    assert [r["label"] for r in rows] == ["3", "4", "32", "33", "34"]
    rows = _json(run_cli(["footnotes", "--source", "french revolution", "--format", "json"]))
    assert [r["label"] for r in rows] == ["38", "39"]  # 39 is "Soboul, page 439."


def test_footnotes_source_without_match_warns(run_cli: RunCli) -> None:
    result = run_cli(["footnotes", "--source", "Nonexistent Work"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [result.stdout.splitlines()[0]]
    assert "no note cites 'Nonexistent Work'" in result.stderr


def test_footnotes_flagged_lists_only_imperfect_citations(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("A body paragraph.[1] More text.[2]\n\n1. Ibid., p.4.\n\n2. Trotsky, My Life, page 5.\n")
    rows = _json(run_cli(["--corpus", str(path), "footnotes", "--flagged", "--format", "json"]))
    assert [(r["label"], r["flags"]) for r in rows] == [("1", ["ibid. with no earlier citation"])]


def test_corpus_without_notes_gives_an_empty_table_and_a_message(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("A paragraph without any notes at all.\n\nAnother one.\n")
    result = run_cli(["--corpus", str(path), "footnotes"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["\t".join(c.key for c in NOTE_FIELDS)]
    assert result.stderr == "textkit: the corpus has no notes\n"
    result = run_cli(["--corpus", str(path), "footnote", "1"])
    assert result.exit_code == 1
    assert result.stderr == "textkit: error: no note 1: the corpus has no notes\n"


def test_doc_picks_a_document_of_a_folder(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a-chapter.txt").write_text("Text.[1]\n\n1. Deutscher, page 93.\n")
    (tmp_path / "b-chapter.txt").write_text("Other text.[1]\n\n1. Trotsky, My Life, page 5.\n")
    both = _json(run_cli(["--corpus", str(tmp_path), "footnote", "1", "--format", "json"]))
    assert [n["doc"] for n in both] == ["a-chapter.txt", "b-chapter.txt"]
    [one] = _json(
        run_cli(["--corpus", str(tmp_path), "footnote", "1", "--doc", "b-chapter", "--format", "json"])
    )
    assert one["work"] == "My Life"
    result = run_cli(["--corpus", str(tmp_path), "footnote", "1", "--doc", "chapter"])
    assert result.exit_code == 2
    assert "matches 2 documents: d1 a-chapter.txt, d2 b-chapter.txt" in result.stderr


def test_sentence_around_a_marker() -> None:
    text = "First sentence here. Then the quoted claim ‘so it was’. [3] And after it, another one."
    assert sentence_around(text, text.index("[3]")) == "Then the quoted claim ‘so it was’. [3]"
    text = "He called it ‘a bombshell’ [14], which Mr. Smith and A. Jones ignored. Next sentence here."
    assert sentence_around(text, text.index("[14]")).endswith("A. Jones ignored.")
    text = "A long opening sentence of the speech goes here. (Prolonged applause) [18]"
    assert sentence_around(text, text.index("[18]")) == text


def _quote(qid: str, doc: str, text: str, whole: str, **kw) -> Quote:
    start = whole.index(text)
    return Quote(qid, doc, kw.pop("paragraph", 0), "inline", "quote", kw.pop("speaker", None), text, start,
                 start + len(text), **kw)  # fmt: skip


def test_quotes_link_by_their_note_or_by_ending_at_the_marker() -> None:
    text = (
        "Smith said: ‘We shall win.’ [1] Jones said ‘never’, and then ‘we lose’ [2]\n\n"
        "1. A, B, page 1.\n\n2. C, D, page 2.\n"
    )
    doc = parse_document(text, name="d.txt")
    by_note = _quote("q1", "d.txt", "We shall win.", text, speaker="Smith", note="1")
    before_marker = _quote("q2", "d.txt", "we lose", text, speaker="Jones")
    elsewhere = _quote("q3", "d.txt", "never", text, speaker="Jones")
    entries = {e.label: e for e in document_entries(doc, [by_note, elsewhere, before_marker])}
    assert entries["1"].places[0].speaker == "Smith" and entries["1"].places[0].quote_id == "q1"
    assert entries["2"].places[0].quote_id == "q2"
    assert document_entries(doc, [elsewhere])[1].places[0].quote is None


def test_select_and_filter_are_pure_over_entries() -> None:
    corpus = load_corpus(CHAPTER)
    entries = note_entries(corpus)
    assert [e.label for e in select_notes(entries, ["2*", "1"])] == ["2*", "1"]
    with pytest.raises(DataError, match="no notes 0, 43; the notes are 1–42, 1\\*–2\\*"):
        select_notes(entries, ["0", "43"])
    assert [e.label for e in filter_by_source(entries, "deutscher")] == ["35"]
    assert describe_labels(["3", "1", "2", "5", "2*", "1*", "7"]) == "1–3, 5, 7, 1*–2*"


def test_footnote_commands_do_not_import_pandas() -> None:
    code = (
        "import sys\nfrom textkit.cli import cli\n"
        "for args in (['footnote', '34'], ['footnotes']):\n"
        "    try:\n        cli.main(args)\n    except SystemExit:\n        pass\n"
        "print('RESULT', 'pandas' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.splitlines()[-1] == "RESULT False", proc.stderr


SEVERAL = (
    "A claim.[1] Another.[2] A third.[3]\n\n"
    "1. Golos Truda, 13 May 1912 (30 April by the old calendar); "
    "Orlov, Sobranie, volume 3, book 1, page 3.\n\n"
    "2. Quoted in B. Harper, A Life in Letters (Leeds 1966), volume 2, pages vii-viii.\n\n"
    "3. Ibid., page 9.\n"
)


def _several(run_cli: RunCli, tmp_path: Path, *args: str) -> list[dict]:
    path = tmp_path / "several.txt"
    path.write_text(SEVERAL, encoding="utf-8")
    return _json(run_cli(["--corpus", str(path), *args, "--format", "json"]))


def test_a_note_with_several_citations_keeps_them_all(run_cli: RunCli, tmp_path: Path) -> None:
    first, _, _ = _several(run_cli, tmp_path, "footnotes")
    assert (first["work"], first["volume"], first["pages"], first["date"]) == (
        "Golos Truda", None, None, "13 May 1912 (30 April by the old calendar)",
    )  # fmt: skip
    assert [c["work"] for c in first["citations"]] == ["Golos Truda", "Sobranie"]
    assert first["citations"][1]["part"] == "book 1"
    assert first["citation"] == (
        "Golos Truda, 13 May 1912 (30 April by the old calendar); Orlov, Sobranie, vol. 3, book 1, p. 3"
    )
    assert first["status"] == "parsed" and first["flags"] == []


def test_quoted_words_keep_the_quoting_work_nested(run_cli: RunCli, tmp_path: Path) -> None:
    _, quoted, ibid = _several(run_cli, tmp_path, "footnotes")
    assert (quoted["author"], quoted["work"], quoted["form"]) == (None, None, "quoted")
    assert (quoted["volume"], quoted["pages"]) == ("2", "vii–viii")  # where to look, in the quoting book
    assert (quoted["quoted_in"]["author"], quoted["quoted_in"]["work"]) == ("B. Harper", "A Life in Letters")
    assert (ibid["author"], ibid["work"], ibid["volume"], ibid["pages"], ibid["refers_to"]) == (
        "B. Harper", "A Life in Letters", "2", "9", "2",
    )  # fmt: skip


def test_the_card_shows_every_citation(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "several.txt"
    path.write_text(SEVERAL, encoding="utf-8")
    out = run_cli(["--corpus", str(path), "footnote", "1", "2"], tty=True, width=160).stdout
    assert "citation 1" in out and "citation 2" in out and "Sobranie" in out and "book 1" in out
    assert "quoted in" in out and "A Life in Letters" in out


def test_the_footnotes_table_summarises_every_citation(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "several.txt"
    path.write_text(SEVERAL, encoding="utf-8")
    out = run_cli(["--corpus", str(path), "footnotes"], tty=True, width=200).stdout
    assert "Golos Truda" in out and "Sobranie" in out


def test_cached_citations_come_back_the_same(run_cli: RunCli, tmp_path: Path) -> None:
    from textkit.notes.footnotes import NOTES, _analyse

    path = tmp_path / "several.txt"
    path.write_text(SEVERAL, encoding="utf-8")
    doc = load_corpus(path).documents[0]
    analysis = _analyse(doc)
    assert NOTES.decode(json.loads(json.dumps(NOTES.encode(analysis)))) == analysis
    damaged = json.loads(json.dumps(NOTES.encode(analysis)))
    damaged["citations"]["2"][0]["quoted_in"]["pages"] = [["vii", 3]]
    with pytest.raises(TypeError):
        NOTES.decode(damaged)
    warm = _several(run_cli, tmp_path, "footnotes")
    assert warm == _several(run_cli, tmp_path, "footnotes")  # the second run reads the cache
