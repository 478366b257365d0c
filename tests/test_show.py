"""``textkit show``: one paragraph with its quotations, speakers, notes and section (issue 15, point 5)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import CHAPTER, RunCli

from textkit.corpus.load import load_corpus
from textkit.errors import UsageError
from textkit.notes.paragraph import paragraph_view, parse_paragraph

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_paragraph_numbers_are_read_as_tables_print_them() -> None:
    assert parse_paragraph("12") == parse_paragraph("¶12") == parse_paragraph(" ¶ 12 ") == 12
    with pytest.raises(UsageError):
        parse_paragraph("twelve")


def test_the_view_holds_the_quotations_markers_and_section_of_the_paragraph() -> None:
    corpus = load_corpus(CHAPTER)
    view = paragraph_view(corpus, None, 12)
    doc = corpus.documents[0]
    para = doc.paragraphs[12]
    assert view.text == doc.text[para.start : para.end] and view.section == para.section
    assert view.quotes and all(0 <= q.start < q.end <= len(view.text) for q in view.quotes)
    assert [m.label for m in view.markers] == [m.label for m in doc.markers if m.paragraph == 12]
    assert all(view.text[m.start : m.end].strip("[]") == m.label for m in view.markers)
    assert all(m.note for m in view.markers)


def test_show_prints_the_paragraph_highlighted_with_speakers_and_notes(run_cli: RunCli) -> None:
    result = run_cli(["show", "¶12"], tty=True, width=200)
    assert result.exit_code == 0, result.stderr
    plain = ANSI.sub("", result.stdout)
    assert "section: Trotsky procrastinates" in plain and "¶12" in plain
    assert "— Fotieva" in plain and "[3] Trotsky, My Life, p. 482" in plain
    assert "\x1b[" in result.stdout, "quotations and markers are highlighted"


def test_show_on_a_folder_needs_the_document(run_cli: RunCli, tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(CHAPTER, tmp_path / name)
    missing = run_cli(["--corpus", str(tmp_path), "show", "12"])
    assert missing.exit_code == 2 and "say which" in missing.stderr
    [row] = json.loads(run_cli(["--corpus", str(tmp_path), "show", "d2", "¶12", "--format", "json"]).stdout)
    assert (row["doc"], row["doc_id"], row["paragraph"]) == ("b.txt", "d2", 12)
    by_option = run_cli(["--corpus", str(tmp_path), "show", "12", "--doc", "b.txt", "--format", "json"])
    assert json.loads(by_option.stdout)[0]["doc"] == "b.txt"
    out_of_range = run_cli(["--corpus", str(tmp_path), "show", "d1", "99999"])
    assert out_of_range.exit_code == 2 and "paragraphs 0 to" in out_of_range.stderr


def test_notebooks_get_the_same_view() -> None:
    import textkit

    view = textkit.open_corpus().paragraph(None, 12)
    assert view.paragraph == 12 and view.doc_id == "d1" and view.markers
