"""``sources --format csl-json`` and ``--format bibtex``: one entry per work, with the notes and pages
that cite it; JSON with CSL's fields, BibTeX that parses, whatever characters the notes hold."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import RunCli
from pybtex.database import parse_string

from textkit.output.bibliography import bibtex_escape, entry_keys, write_bibtex, write_csl_json

CSL_TYPES = {"book", "chapter", "article-journal", "article-newspaper", "periodical", "document"}
NOTES = """A sentence.[1] Another.[2] A third.[3] More.[4] Still more.[5] And the end.[6]

1. A. Kern, The Steppe (Leeds: Dent, 1974), volume 2, page 422.

2. Kern, page 439.

3. Golos Truda, number 12, 4 June 1912.

4. R.T. Gould, Notes on the grain trade, Voprosy ekonomiki, no.4, 1962.

5. A. Brown, ‘The Strike of 1905’, in J. Smith (ed.), Essays on Labour History, London 1960, p.45.

6. B. {Odd} Name & Co, 100% #1 $work_in ~progress^ \\ back, page 3.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_text(NOTES, encoding="utf-8")
    return path


def _csl(run_cli: RunCli, corpus: Path) -> list[dict]:
    result = run_cli(["--corpus", str(corpus), "sources", "--format", "csl-json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_csl_json_has_one_item_per_work_with_csl_fields(run_cli: RunCli, corpus: Path) -> None:
    items = _csl(run_cli, corpus)
    assert len(items) == 5
    assert len({i["id"] for i in items}) == len(items)
    assert all(i["type"] in CSL_TYPES for i in items)
    steppe = next(i for i in items if i.get("title") == "The Steppe")
    assert steppe["type"] == "book"
    assert steppe["author"] == [{"family": "Kern", "given": "A."}]
    assert (steppe["publisher-place"], steppe["publisher"], steppe["volume"]) == ("Leeds", "Dent", "2")
    assert steppe["issued"] == {"date-parts": [[1974]]}
    assert steppe["note"] == "cited in notes 1–2; pages 422, 439"


def test_csl_json_articles_chapters_and_issues(run_cli: RunCli, corpus: Path) -> None:
    items = {i.get("title"): i for i in _csl(run_cli, corpus)}
    article = items["Notes on the grain trade"]
    assert (article["type"], article["container-title"], article["issue"]) == (
        "article-journal",
        "Voprosy ekonomiki",
        "4",
    )
    chapter = items["The Strike of 1905"]
    assert (chapter["type"], chapter["container-title"]) == ("chapter", "Essays on Labour History")
    assert chapter["editor"] == [{"family": "Smith", "given": "J."}]
    paper = items["Golos Truda"]
    assert paper["type"] == "periodical" and paper["issued"] == {"date-parts": [[1912, 6, 4]]}
    assert paper["note"] == "cited in notes 3; issues 4 June 1912"


def test_bibtex_parses_with_unique_keys_and_balanced_braces(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli(["--corpus", str(corpus), "sources", "--format", "bibtex"])
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    database = parse_string(text, "bibtex")
    keys = re.findall(r"^@\w+\{([^,]+),", text, flags=re.MULTILINE)
    assert len(keys) == len(set(keys)) == len(database.entries) == 5
    assert text.count("{") == text.count("}")
    steppe = next(e for e in database.entries.values() if e.fields.get("title") == "The Steppe")
    assert steppe.type == "book"
    assert [str(p) for p in steppe.persons["author"]] == ["Kern, A."]
    assert (steppe.fields["address"], steppe.fields["year"], steppe.fields["volume"]) == (
        "Leeds",
        "1974",
        "2",
    )
    assert steppe.fields["note"] == "cited in notes 1–2; pages 422, 439"
    types = sorted(e.type for e in database.entries.values())
    assert types == ["article", "book", "book", "incollection", "misc"]


def test_bibtex_escapes_what_tex_would_read() -> None:
    assert bibtex_escape("{a} & 100% #1 $x_y ~^ \\") == (
        r"\textbraceleft{}a\textbraceright{} \& 100\% \#1 \$x\_y \textasciitilde{}\textasciicircum{} "
        r"\textbackslash{}"
    )
    assert bibtex_escape("bell\x07 and\ttab") == "bell andtab"


def test_keys_are_unique_even_for_one_author_year_and_title() -> None:
    rows = [{"authors": [{"family": "Kern"}], "year": 1974, "title": "The Steppe"}] * 3 + [{"title": None}]
    assert entry_keys(rows) == ["kern1974steppe", "kern1974steppea", "kern1974steppeb", "work"]


def test_writers_accept_data_frame_gaps() -> None:
    row = {"kind": "book", "title": "T", "year": float("nan"), "authors": [], "labels": "1", "pages": ""}
    out = io.StringIO()
    write_csl_json([row], out)
    assert json.loads(out.getvalue()) == [
        {"id": "t", "type": "book", "title": "T", "note": "cited in notes 1"}
    ]
    out = io.StringIO()
    write_bibtex([row], out)
    assert parse_string(out.getvalue(), "bibtex").entries["t"].fields["title"] == "T"


def test_the_bundled_chapter_as_a_bibliography(run_cli: RunCli) -> None:
    table = json.loads(run_cli(["sources", "--format", "json"]).stdout)
    items = json.loads(run_cli(["sources", "--format", "csl-json"]).stdout)
    assert len(items) == len(table)
    life = next(i for i in items if i.get("title") == "My Life")
    assert life["note"] == "cited in notes 3–4, 32–34; pages 481–482, 486, 537"
    bib = run_cli(["sources", "--format", "bibtex", "--top", "3"]).stdout
    assert len(parse_string(bib, "bibtex").entries) == 3


def test_only_sources_writes_bibliographies(run_cli: RunCli) -> None:
    for command in (["footnotes"], ["quotes"], ["speakers"]):
        result = run_cli([*command, "--format", "bibtex"])
        assert result.exit_code == 2
        assert "bibtex" in result.stderr
