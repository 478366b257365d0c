"""The HTML reader on hand-made pages: kinds from markup, markers and notes from anchors, charsets,
navigation dropped, and the command line on pages, folders and standard input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CHAPTER, FIXTURES, RunCli
from test_parse_hypothesis import assert_spans_round_trip

from textkit.corpus.html import read_html
from textkit.corpus.load import load_corpus
from textkit.corpus.model import FROM_FORM, FROM_INFERENCE, FROM_MARKUP
from textkit.corpus.sources import looks_like_html
from textkit.errors import DataError

PAGES = FIXTURES / "html"


def page(name: str):
    doc = read_html((PAGES / name).read_bytes(), name)
    assert_spans_round_trip(doc)
    return doc


def kinds(doc) -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in doc.paragraphs]


def test_malformed_page_reads_by_its_markup() -> None:
    doc = page("malformed.html")
    assert (doc.author, doc.book, doc.chapter) == (
        "Jane Writer",
        "The Book of Things",
        "3. A chapter with broken tags",
    )
    assert kinds(doc) == [
        ("title", "Jane Writer"),
        ("title", "The Book of Things"),
        ("title", "3. A chapter with broken tags"),
        ("body", "The first paragraph never closes its tag and has a note. [1]"),
        ("body", "A second paragraph with nested emphasis that overlaps."),
        ("body", "Someone wrote:"),
        ("block", "The quoted matter, set off by the markup. [2]"),
        ("block", "And its second paragraph, one run with the first."),
        ("heading", "Part two"),
        ("body", "A paragraph with an author note [1*] and a stray & entity — and &bogus; text."),
        ("body", "A cell of a table"),
        ("body", "Another cell"),
        ("heading", "Notes"),
        ("author_note", "1*. The author explains."),
        ("note", "1. Writer, First Work, page 4."),
        ("note", "2. Ibid., page 5."),
        ("updated", "Last updated on 1 May 2001"),
    ]
    assert {p.kind_from for p in doc.paragraphs} == {FROM_MARKUP}
    assert [(m.label, m.paragraph) for m in doc.markers] == [("1", 3), ("2", 6), ("1*", 9)]
    assert [(n.label, n.kind, doc.note_text(n)) for n in doc.notes] == [
        ("1*", "author", "The author explains."),
        ("1", "numbered", "Writer, First Work, page 4."),
        ("2", "numbered", "Ibid., page 5."),
    ]
    assert "Archive" not in doc.text and "Part one" not in doc.text and "Top of the page" not in doc.text


def test_generic_page_without_notes() -> None:
    doc = page("no_notes.html")
    assert doc.title == "A Generic Essay" and doc.notes == [] and doc.markers == []
    got = kinds(doc)
    assert ("block", "I am writing from the front, where nothing is as we were told.") in got
    assert ("block", "The second paragraph of the same letter.") in got
    assert ("heading", "Lists") in got and ("body", "A second item, with a link inside.") in got
    assert ("body", "one line of verse") in got and ("body", "another line") in got
    for absent in ("not text", "Home", "Contact", "Hidden", "color"):
        assert absent not in doc.text


def test_unmarked_paragraph_after_a_lead_in_is_never_a_block() -> None:
    """The text parser would infer a block here; the markup does not mark one, so it is body text."""
    doc = page("no_notes.html")
    lead_in = next(p for p in doc.paragraphs if p.text == "The reply came later:")
    after = doc.paragraphs[lead_in.index + 1]
    assert (after.kind, after.kind_from) == ("body", FROM_MARKUP)
    assert sum(p.kind == "block" for p in doc.paragraphs) == 2


def test_declared_windows_1252_charset() -> None:
    raw = (PAGES / "windows1252.html").read_bytes()
    assert b"\x91everyone\x92" in raw  # the bytes really are cp1252, not UTF-8
    doc = page("windows1252.html")
    assert doc.encoding == "cp1252" and doc.warning is None
    assert doc.paragraphs[1].text == "The café was full; ‘everyone’ talked – even the naïve. [1]"
    assert doc.note_text(doc.notes[0]) == "Cité in a résumé, page 2."


def test_xml_declaration_charset_is_read_as_browsers_do() -> None:
    """``iso-8859-1`` is read as windows-1252, so its curly quotes survive."""
    doc = page("latin1.xhtml")
    assert doc.paragraphs[0].text == "Señor Müller’s été — £ and “entities”."


def test_undeclared_non_utf8_bytes_fall_back_with_a_warning() -> None:
    doc = read_html("<p>caf\u00e9 \u2018x\u2019</p>".encode("cp1252"), "x.html")
    assert doc.paragraphs[0].text == "café ‘x’"
    assert doc.encoding == "cp1252" and "not valid UTF-8" in (doc.warning or "")


def test_utf8_bom_and_unknown_charset() -> None:
    assert read_html(b"\xef\xbb\xbf<p>\xc3\xa9t\xc3\xa9</p>").paragraphs[0].text == "été"
    doc = read_html(b'<meta charset="no-such-charset"><p>plain</p>')
    assert doc.paragraphs[0].text == "plain" and "unknown charset" in (doc.warning or "")


def test_generic_footnotes_link_both_ways() -> None:
    html = (
        "<h1>Title</h1><p>A claim.<sup><a href='#fn1' id='r1'>1</a></sup> Another.<a href='#fn2'>[2]</a></p>"
        "<section role='doc-endnotes'><ol><li id='fn1'><p>First source. <a href='#r1'>↩</a></p></li>"
        "<li id='fn2'>(2) Second source.</li></ol></section>"
    )
    doc = read_html(html.encode())
    assert_spans_round_trip(doc)
    assert doc.paragraphs[1].text == "A claim. [1] Another. [2]"
    assert [(n.label, doc.note_text(n)) for n in doc.notes] == [
        ("1", "First source."),
        ("2", "Second source."),
    ]


def test_note_references_to_another_file_are_markers() -> None:
    """An EPUB's chapter points to its endnotes file: the markup says it is a note reference."""
    html = (
        "<p>A claim.<a href='endnotes.xhtml#note-1' epub:type='noteref'>1</a>"
        " A page <a href='ch2.html#s'>2</a> and <a role='doc-noteref' href='notes.html#n3'>[3]</a>.</p>"
    )
    doc = read_html(html.encode())
    assert doc.paragraphs[0].text == "A claim. [1] A page 2 and [3]."
    assert [m.label for m in doc.markers] == ["1", "3"]


def test_endnotes_file_numbers_its_notes_by_list_item() -> None:
    html = (
        "<h1>Endnotes</h1><section epub:type='endnotes'><ol>"
        "<li id='note-1' epub:type='endnote'><p>First, page 2. <a href='ch1.xhtml#noteref-1'>↩</a></p></li>"
        "<li id='note-2'><p>Second.</p><p>More of the second.</p></li></ol></section>"
        "<ol start='5' class='notes'><li>Fifth.</li></ol><p>Body text after the notes.</p>"
    )
    doc = read_html(html.encode())
    assert_spans_round_trip(doc)
    assert [(n.label, doc.note_text(n)) for n in doc.notes] == [
        ("1", "First, page 2."),
        ("2", "Second. More of the second."),
        ("5", "Fifth."),
    ]
    assert doc.paragraphs[-1].kind == "body"


def test_a_note_keeps_its_own_number_when_the_link_disagrees() -> None:
    """As the text format reads it: marker [24] wrongly linked to note 42 leaves note 42 labelled 42."""
    html = "<p>Text. <a href='#n42'>[24]</a></p><p class='note'><a name='n42'>42.</a> Source.</p>"
    doc = read_html(html.encode())
    assert [m.label for m in doc.markers] == ["24"] and [n.label for n in doc.notes] == ["42"]


def test_links_to_headings_and_backwards_make_no_notes() -> None:
    html = "<h2 id='s1'>One</h2><p>See <a href='#s1'>1</a> and <a href='#s2'>[3]</a>.</p><h2 id='s2'>X</h2>"
    doc = read_html(html.encode())
    assert doc.paragraphs[1].text == "See 1 and [3]."  # the link's own text, not a made-up marker
    assert doc.notes == []


def test_last_updated_line_known_by_its_form() -> None:
    doc = read_html(b"<h1>T</h1><p>Body text here.</p><p>Last updated on 2 June 2010</p>")
    assert (doc.paragraphs[-1].kind, doc.paragraphs[-1].kind_from) == ("updated", FROM_FORM)


def test_text_parse_records_form_and_inference() -> None:
    doc = load_corpus(CHAPTER, use_cache=False).documents[0]
    blocks = {p.kind_from for p in doc.paragraphs if p.kind == "block"}
    others = {p.kind_from for p in doc.paragraphs if p.kind != "block"}
    assert (blocks, others) == ({FROM_INFERENCE}, {FROM_FORM})


def test_no_body_text_is_reported_by_the_loader(run_cli: RunCli) -> None:
    result = run_cli(["--corpus", str(PAGES / "headings_only.html"), "info"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "headings_only.html: no body text" in result.stderr
    assert read_html((PAGES / "headings_only.html").read_bytes()).paragraphs[0].kind == "title"


def test_binary_bytes_named_html_are_refused() -> None:
    with pytest.raises(DataError, match=r"blob\.html: looks like a binary file"):
        read_html(bytes(range(256)) * 4, "blob.html")


def test_sniffing() -> None:
    assert looks_like_html(b"\n  <!DOCTYPE html><html>")
    assert looks_like_html(b"\xef\xbb\xbf<html lang='en'>")
    assert looks_like_html(b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
    assert looks_like_html(b"<p class=x>text")
    assert not looks_like_html(b"Tony Cliff\n\n<p> is how a paragraph starts")
    assert not looks_like_html(b"<pre-formatted> is not a tag we know")


# --- the command line -------------------------------------------------------------------------------


def test_html_on_standard_input_is_sniffed(run_cli: RunCli) -> None:
    data = (PAGES / "malformed.html").read_bytes()
    rows = json.loads(run_cli(["--corpus", "-", "info", "--format", "json"], input=data).stdout)
    assert rows[0]["title"] == "3. A chapter with broken tags" and rows[0]["notes"] == 2
    words = run_cli(["--corpus", "-", "freq", "--top", "30"], input=data).stdout
    assert not {"p", "class", "href", "8217"} & {line.split("\t")[1] for line in words.splitlines()[1:]}


def test_folder_mixing_text_and_html(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(CHAPTER.read_bytes())
    (tmp_path / "b.html").write_bytes((PAGES / "malformed.html").read_bytes())
    (tmp_path / "c.htm").write_bytes((PAGES / "no_notes.html").read_bytes())
    (tmp_path / "notes.md").write_text("ignored")
    rows = json.loads(run_cli(["--corpus", str(tmp_path), "info", "--format", "json"]).stdout)
    assert [r["doc"] for r in rows] == ["a.txt", "b.html", "c.htm"]
    assert [r["encoding"] for r in rows] == ["utf-8", "utf-8", "utf-8"]


def test_same_bytes_as_text_and_as_html_are_two_documents(run_cli: RunCli, tmp_path: Path) -> None:
    """Every cache entry of a page is named for the bytes read as HTML, so its text twin is not served
    the page's parse, quotations or index."""
    data = (PAGES / "malformed.html").read_bytes()
    (tmp_path / "page.html").write_bytes(data)
    (tmp_path / "page.txt").write_bytes(data)

    def run(name: str, *args: str) -> str:
        result = run_cli([*args, "--corpus", str(tmp_path / name), "quotes", "--format", "json"])
        assert result.exit_code == 0, result.stderr
        return json.loads(result.stdout)

    page = run("page.html")
    assert run("page.txt") == run("page.txt", "--no-cache") != page
    count = ["concord", "class", "--count", "--format", "json"]
    assert json.loads(run_cli(["--corpus", str(tmp_path / "page.txt"), *count]).stdout) > 0
    assert (
        run_cli(["--corpus", str(tmp_path / "page.html"), *count]).stderr
        == "textkit: no matches for 'class'\n"
    )


def test_concordance_reads_the_derived_text(run_cli: RunCli) -> None:
    path = str(PAGES / "malformed.html")
    for _ in range(2):  # cold, then from the stored index
        result = run_cli(["--corpus", path, "concord", "paragraph", "--format", "json"])
        assert result.exit_code == 0, result.stderr
        rows = json.loads(result.stdout)
        assert len(rows) == 4 and not any("<" in r["left"] + r["right"] for r in rows)
        assert rows[0]["right"].startswith(" never closes")


def test_explain_shows_where_each_kind_came_from(run_cli: RunCli) -> None:
    args = ["quotes", "--kind", "block", "--explain", "--format", "json"]
    page_rows = json.loads(run_cli(["--corpus", str(PAGES / "malformed.html"), *args]).stdout)
    text_rows = json.loads(run_cli(args).stdout)
    assert {r["kind_from"] for r in page_rows} == {"markup"}
    assert {r["kind_from"] for r in text_rows} == {"inference"}
    assert "kind from" in run_cli(["quotes", "--explain"], tty=True, width=200).stdout


def test_warm_run_never_parses_html(tmp_path: Path) -> None:
    """A fresh process on a primed cache does not even import the HTML parser."""
    code = (
        "import sys; from textkit.corpus.load import load_corpus; "
        f"c = load_corpus({str(PAGES / 'malformed.html')!r}); "
        "print(len(c.documents[0].notes), 'selectolax' in sys.modules)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True) for _ in "ab"
    ]
    assert [r.stdout.split() for r in runs] == [["3", "True"], ["3", "False"]]


def test_cached_page_matches_a_fresh_parse(cache_root: Path) -> None:
    path = PAGES / "windows1252.html"
    fresh = load_corpus(path).documents[0]
    cached = load_corpus(path).documents[0]
    assert cached == fresh and (cached.encoding, cached.text) == ("cp1252", fresh.text)
    assert [p.kind_from for p in cached.paragraphs] == [p.kind_from for p in fresh.paragraphs]


def test_damaged_cached_page_is_rebuilt(cache_root: Path) -> None:
    path = PAGES / "malformed.html"
    fresh = load_corpus(path).documents[0]
    (entry,) = (cache_root / "documents").iterdir()
    layout = json.loads(entry.read_text(encoding="utf-8"))
    layout["text"] = "short"
    entry.write_text(json.dumps(layout), encoding="utf-8")
    assert load_corpus(path).documents[0].text == fresh.text
