"""The marxists.org pages of the four dev chapters read exactly as their text versions: the same
paragraphs, kinds, markers and notes, every kind from the markup, and every command runs on a page
and on the folder of pages. CI has ``../shared`` beside the clone; only a checkout without it skips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli
from test_parse_hypothesis import assert_spans_round_trip

from textkit.corpus.load import load_corpus
from textkit.corpus.model import BLOCK, HEADING, NOTE, Document

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
MANIFEST = EVAL / "chapters.tsv"
pytestmark = pytest.mark.skipif(not MANIFEST.is_file(), reason=f"no shared evaluation folder at {EVAL}")


def chapters() -> list[tuple[str, Path, Path]]:
    if not MANIFEST.is_file():
        return []
    rows = [line.split("\t") for line in MANIFEST.read_text(encoding="utf-8").splitlines()]
    return [(r[0], EVAL / r[1], EVAL / r[2]) for r in rows if r and not r[0].startswith("#")]


CHAPTERS = chapters()
IDS = [name for name, _, _ in CHAPTERS]


def both(text: Path, page: Path) -> tuple[Document, Document]:
    return load_corpus(text).documents[0], load_corpus(page).documents[0]


def without_notes_headings(doc: Document) -> list[tuple[str, str]]:
    """The paragraphs but the headings of the notes lists, which the text versions leave out."""
    paras = doc.paragraphs
    return [
        (p.kind, p.text)
        for p in paras
        if not (p.kind == HEADING and p.index + 1 < len(paras) and paras[p.index + 1].kind.endswith("note"))
    ]


@pytest.mark.parametrize(("name", "text", "page"), CHAPTERS, ids=IDS)
def test_page_reads_as_its_text_version(name: str, text: Path, page: Path) -> None:
    plain, html = both(text, page)
    assert_spans_round_trip(html)
    assert (html.author, html.book, html.chapter) == (plain.author, plain.book, plain.chapter)
    assert [t for _, t in without_notes_headings(html)] == [p.text for p in plain.paragraphs]
    assert [(m.label, m.in_note) for m in html.markers] == [(m.label, m.in_note) for m in plain.markers]
    assert {p.kind_from for p in html.paragraphs} == {"markup"}
    assert html.encoding == "cp1252"  # the pages declare iso-8859-1, read as browsers read it


@pytest.mark.parametrize(("name", "text", "page"), CHAPTERS, ids=IDS)
def test_same_numbered_notes_from_page_and_text(run_cli: RunCli, name: str, text: Path, page: Path) -> None:
    def notes(corpus: Path) -> list[tuple[str, str]]:
        result = run_cli(["--corpus", str(corpus), "footnotes", "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return [(r["label"], r["text"]) for r in json.loads(result.stdout) if r["kind"] == "numbered"]

    from_text, from_page = notes(text), notes(page)
    assert from_page == from_text and len(from_page) > 40


@pytest.mark.parametrize(("name", "text", "page"), CHAPTERS, ids=IDS)
def test_blocks_are_exactly_the_quote_paragraphs(name: str, text: Path, page: Path) -> None:
    """Every ``p.quote*`` is a block and nothing else is: no block inferred from the words."""
    from selectolax.lexbor import LexborHTMLParser

    raw = page.read_bytes().decode("cp1252")
    marked = [" ".join(p.text().split()) for p in LexborHTMLParser(raw).css("p") if
              any(c.startswith("quote") for c in (p.attributes.get("class") or "").split())]  # fmt: skip
    html = load_corpus(page).documents[0]
    assert [p.text for p in html.paragraphs if p.kind == BLOCK] == marked
    assert sum(p.kind == NOTE for p in html.paragraphs) == sum(n.kind == "numbered" for n in html.notes)


COMMANDS = [
    ["info"],
    ["quotes"],
    ["quotes", "--explain"],
    ["speakers"],
    ["concord", "party"],
    ["collocates", "party"],
    ["dispersion", "Lenin"],
    ["freq"],
    ["footnote", "1"],
    ["footnotes"],
    ["sources"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_every_command_on_a_page_and_on_the_folder_of_pages(run_cli: RunCli, args: list[str]) -> None:
    page = CHAPTERS[0][2]
    for corpus in (page, page.parent):
        result = run_cli(["--corpus", str(corpus), *args])
        assert result.exit_code == 0, (corpus, result.stderr)
        assert len(result.stdout.splitlines()) > 1
