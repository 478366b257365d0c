"""Property tests: the parser and loader accept anything and every span they report slices back exactly."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from textkit.corpus.load import load_document
from textkit.corpus.model import Document
from textkit.corpus.parse import iter_lines, parse_document
from textkit.errors import DataError
from textkit.store.cache import Cache

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces shaped like the parts of a chapter, so random texts hit the interesting branches.
PIECES = st.sampled_from(
    [
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        " ",
        "\t",
        "\ufeff",
        "\u00a0",
        "[12]",
        "[1*]",
        "[3]",
        "1. ",
        "2. ",
        "1*. ",
        "12. See page 4.",
        "Last updated on 1 May 2001",
        "Chapter 1",
        "16. The triumvirate",
        "He said:",
        "‘I will not’",
        "“Quoted”",
        '"straight"',
        "'single'",
        "...",
        "…",
        "I",
        "Trotsky",
        "the bureaucracy",
        ".",
        ":",
        "?",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def assert_spans_round_trip(doc: Document) -> None:
    """The promise of the model: every span is an exact slice of the text, in reading order."""
    text = doc.text
    previous_end = 0
    for i, p in enumerate(doc.paragraphs):
        assert p.index == i
        assert previous_end <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == p.text
        assert p.text == p.text.strip(" \t\r\n\ufeff\u00a0")
        assert "\n" not in p.text and "\r" not in p.text
        previous_end = p.end
    for m in doc.markers:
        assert text[m.start : m.end] == f"[{m.label}]"
        para = doc.paragraphs[m.paragraph]
        assert para.start <= m.start and m.end <= para.end
    for n in doc.notes:
        para = doc.paragraphs[n.paragraph]
        assert (n.start, n.end) == (para.start, para.end)
        assert text[n.start : n.end] == para.text
        assert n.start < n.text_start <= n.end
        assert text[n.start : n.text_start].startswith(n.label + ".")
        assert para.kind == ("author_note" if n.kind == "author" else "note")


@SETTINGS
@given(TEXTS)
def test_parse_never_crashes_and_spans_round_trip(text: str) -> None:
    assert_spans_round_trip(parse_document(text))


@SETTINGS
@given(st.text())
def test_parse_arbitrary_unicode(text: str) -> None:
    assert_spans_round_trip(parse_document(text))


@SETTINGS
@given(st.binary(max_size=400))
def test_loader_returns_document_or_data_error(data: bytes) -> None:
    try:
        doc = load_document(data, "fuzz.txt", Cache(enabled=False))
    except DataError as exc:
        assert "fuzz.txt" in str(exc)
        return
    assert isinstance(doc, Document)
    assert_spans_round_trip(doc)


@SETTINGS
@given(TEXTS)
def test_cache_payload_round_trips(text: str) -> None:
    """A document read back from its JSON cache entry is the document the parser built."""
    data = text.encode("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        try:
            fresh = load_document(data, "a.txt", Cache(Path(folder)))
        except DataError:
            return
        cached = load_document(data, "a.txt", Cache(Path(folder)))
    assert cached == fresh
    assert [p.text for p in cached.paragraphs] == [p.text for p in fresh.paragraphs]


@given(st.text(alphabet=st.sampled_from(list("ab \t\r\n\f\v\u00a0\ufeff\u2003.")), max_size=60) | st.text())
def test_lines_are_the_trimmed_non_empty_lines(text: str) -> None:
    """One regex pass gives what splitting at line breaks and trimming each line gives."""
    expected, start = [], 0
    for line in re.split(r"[\r\n]", text):
        lead = len(line) - len(line.lstrip(" \t\f\v\u00a0\ufeff"))
        trail = len(line) - len(line.rstrip(" \t\f\v\u00a0\ufeff"))
        if lead + trail < len(line):
            expected.append((start + lead, start + len(line) - trail))
        start += len(line) + 1
    assert list(iter_lines(text)) == expected


_LINE_ORACLE = re.compile("[ \t\f\v\u00a0\ufeff]*([^\r\n]*[^\r\n \t\f\v\u00a0\ufeff])")


@given(st.text(alphabet=st.sampled_from(list(" \t\r\n\f\v\u00a0\ufeffab\u2028\x1c.")), max_size=60))
def test_lines_are_the_trimmed_runs_between_line_breaks(text: str) -> None:
    """``iter_lines`` splits by ``str.split``; the oracle says what a line is, as a pattern."""
    assert list(iter_lines(text)) == [m.span(1) for m in _LINE_ORACLE.finditer(text)]
