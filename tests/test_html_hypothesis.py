"""Property tests: the HTML reader takes any bytes, never crashes, and every span it reports slices
back out of the text it derived."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from test_parse_hypothesis import SETTINGS, assert_spans_round_trip

from textkit.corpus.html import read_html
from textkit.corpus.load import load_documents
from textkit.corpus.model import BLOCK, BODY, Document
from textkit.corpus.sources import HTML, Source
from textkit.errors import DataError
from textkit.store.cache import Cache

# Pieces of markup as chapters use them (and misuse them), so random pages hit every branch.
TAGS = st.sampled_from(
    [
        "<p>", "</p>", '<p class="quoteb">', '<p class="quote">', '<p class="note">', '<p class="toplink">',
        '<p class="link">', '<p class="updat">', "<blockquote>", "</blockquote>", "<h1>", "</h1>", "<h3>",
        "</h3>", "<h4>", "</h4>", "<br>", "<br/>", "<hr>", "<div>", "</div>", "<li>", "<ol>", "</ol>",
        "<pre>", "</pre>", "<table><tr><td>", "</td><td>", "<em>", "</em>", "<sup>", "</sup>",
        '<a href="#n1" name="f1">[1]</a>', '<a name="n1" href="#f1">1.</a>', '<a href="#na">[1*]</a>',
        '<a name="na">1*.</a>', '<a href="#n2">2</a>', '<span id="n2">', '<li id="n2">',
        '<a href="#f1">↩</a>',
        '<a href="#top">Top of the page</a>', '<a href="index.htm">Index</a>', "<nav>", "</nav>",
        "<script>", "</script>", "<!--", "-->", "&#160;", "&nbsp;", "&#8217;", "&amp;", "&bogus;", "<",
        ">", "\n", "\r\n", " ", "\ufeff", "[3]", "12. ", "Last updated on 1 May 2001", "16. A chapter",
        "He said:", "‘I will not’", "Trotsky", "the bureaucracy", ".", '<meta charset="cp1252">',
        '<?xml version="1.0" encoding="latin-1"?>', "<html>", "<body>", "</body>", "</html>",
    ]
)  # fmt: skip
PAGES = st.lists(st.one_of(TAGS, st.text(max_size=8)), max_size=60).map("".join)


def check(doc: Document) -> None:
    assert_spans_round_trip(doc)
    for p in doc.paragraphs:
        assert p.kind_from in ("markup", "form")
    labels = {n.label for n in doc.notes}
    assert all(m.label.rstrip("*").isdigit() for m in doc.markers)
    assert all(label.rstrip("*").isdigit() for label in labels)


def read_or_refuse(data: bytes) -> None:
    """A document whose spans round-trip, or the one refusal the reader has: binary bytes."""
    try:
        doc = read_html(data, "fuzz.html")
    except DataError as exc:
        assert str(exc) == "fuzz.html: looks like a binary file, not HTML"
        return
    check(doc)


@SETTINGS
@given(PAGES)
def test_reader_never_crashes_and_spans_round_trip(page: str) -> None:
    read_or_refuse(page.encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=400))
def test_reader_takes_any_bytes(data: bytes) -> None:
    read_or_refuse(data)


@SETTINGS
@given(PAGES)
def test_loader_gives_a_document_or_a_one_line_error(page: str) -> None:
    source = Source("fuzz.html", page.encode("utf-8"), HTML)
    try:
        [doc] = load_documents([source], Cache(enabled=False))
    except DataError as exc:
        assert "\n" not in str(exc) and str(exc).startswith("fuzz.html: ")
        return
    assert any(p.kind in (BODY, BLOCK) for p in doc.paragraphs)
    check(doc)
