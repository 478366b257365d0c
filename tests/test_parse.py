"""The parser on the bundled chapter (known counts) and on small hand-made texts (each a corner case)."""

from __future__ import annotations

from collections import Counter

import pytest
from conftest import CHAPTER, FIXTURES

from textkit.corpus.model import Document
from textkit.corpus.parse import iter_lines, parse_document
from textkit.text.words import count_words

# ¶93 joins the run that ¶92 opens: it is closed by the run's footnote marker (the gold counts it as
# the author's words; the plain text gives no sign either way).
BLOCK_INDEXES = [14, 15, 20, 21, 23, 25, 27, 30, 34, 39, 43, 45, 46, 56, 58, 70, 78, 81, 84, 92, 93]
SECTIONS = [
    "Trotsky procrastinates",
    "Trotsky’s report on industry",
    "The enigma: Why did Trotsky keep quiet?",
]


@pytest.fixture(scope="module")
def chapter(chapter_text: str) -> Document:
    return parse_document(chapter_text, name=CHAPTER.name)


def fixture_doc(name: str) -> Document:
    return parse_document((FIXTURES / name).read_text(encoding="utf-8"), name=name)


def kinds(doc: Document) -> list[str]:
    return [p.kind for p in doc.paragraphs]


# --- the bundled chapter ---------------------------------------------------------------------------


def test_chapter_title_block(chapter: Document) -> None:
    assert chapter.author == "Tony Cliff"
    assert chapter.book == "Trotsky: The Sword of the Revolution 1917-1923"
    assert chapter.chapter == "16. Trotsky and the triumvirate"
    assert chapter.title == chapter.chapter
    assert kinds(chapter)[:4] == ["title", "title", "title", "body"]


def test_chapter_sections(chapter: Document) -> None:
    assert chapter.sections == SECTIONS
    headings = [p for p in chapter.paragraphs if p.kind == "heading"]
    assert [p.section for p in headings] == SECTIONS
    # Paragraphs before the first heading have no section; each later one belongs to the last heading.
    first = headings[0].index
    assert all(p.section is None for p in chapter.paragraphs[:first])
    assert all(p.section == SECTIONS[-1] for p in chapter.paragraphs[headings[-1].index :])


def test_chapter_notes(chapter: Document) -> None:
    numbered = [n for n in chapter.notes if n.kind == "numbered"]
    authors = [n for n in chapter.notes if n.kind == "author"]
    assert [n.label for n in numbered] == [str(i) for i in range(1, 43)]
    assert [n.label for n in authors] == ["1*", "2*"]
    assert chapter.note_text(chapter.note("3")) == "Trotsky, My Life, page 482."
    assert chapter.note_text(chapter.note("1*")).startswith("That Trotsky was later very embarrassed")
    # The notes list closes the chapter: author notes, then 1..42, then the Last updated line.
    tail = kinds(chapter)[-45:]
    assert tail == ["author_note"] * 2 + ["note"] * 42 + ["updated"]


def test_chapter_last_updated(chapter: Document) -> None:
    last = chapter.paragraphs[-1]
    assert (last.kind, last.text) == ("updated", "Last updated on 28 July 2009")


def test_chapter_markers_resolve_to_notes(chapter: Document) -> None:
    assert len(chapter.markers) == 44
    labels = {n.label for n in chapter.notes}
    assert all(m.label in labels for m in chapter.markers)
    in_body = [m.label for m in chapter.markers if m.in_note is None]
    assert set(in_body) == labels - {"27", "28", "29"}
    assert [(m.label, m.in_note) for m in chapter.markers if m.in_note] == [
        ("27", "2*"),
        ("28", "2*"),
        ("29", "2*"),
    ]


def test_chapter_block_quotations(chapter: Document) -> None:
    assert [p.index for p in chapter.paragraphs if p.kind == "block"] == BLOCK_INDEXES


def test_chapter_paragraph_counts(chapter: Document) -> None:
    assert Counter(kinds(chapter)) == {
        "title": 3,
        "heading": 3,
        "body": 77,
        "block": 21,
        "author_note": 2,
        "note": 42,
        "updated": 1,
    }
    assert chapter.words == sum(
        p.words for p in chapter.paragraphs if p.kind in ("body", "block", "heading", "author_note")
    )


def test_chapter_offsets_round_trip(chapter: Document) -> None:
    text = chapter.text
    non_empty = [line.strip() for line in text.splitlines() if line.strip()]
    assert [p.text for p in chapter.paragraphs] == non_empty
    assert all(text[p.start : p.end] == p.text for p in chapter.paragraphs)
    assert all(text[m.start : m.end] == f"[{m.label}]" for m in chapter.markers)
    assert all(text[n.start : n.end].startswith(f"{n.label}. ") for n in chapter.notes)


def test_paragraphs_know_their_document(chapter: Document) -> None:
    assert {p.doc for p in chapter.paragraphs} == {CHAPTER.name}
    assert [p.index for p in chapter.paragraphs] == list(range(len(chapter.paragraphs)))


# --- hand-made fixtures ----------------------------------------------------------------------------


def test_straight_quotes_parse_like_curly_ones() -> None:
    doc = fixture_doc("straight_quotes.txt")
    assert (doc.author, doc.book, doc.chapter) == (
        "Jane Historian",
        "A Short History: 1900-1910",
        "3. The quarrel",
    )
    assert doc.sections == ["Aftermath"]
    assert [m.label for m in doc.markers] == ["1", "2", "3"]
    assert [n.label for n in doc.notes] == ["1", "2", "3"]
    assert doc.paragraphs[5].kind == "block"
    assert doc.paragraphs[5].text.startswith('"I have lost all patience')
    assert doc.paragraphs[-1].kind == "updated"
    # The apostrophe in "colleague's" keeps the word whole.
    assert count_words("The colleague's answer") == 3


def test_no_notes() -> None:
    doc = fixture_doc("no_notes.txt")
    assert doc.notes == [] and doc.markers == []
    assert kinds(doc) == ["title"] * 3 + ["body", "body"]
    assert doc.chapter == "4. Quiet years"


def test_no_title_block() -> None:
    doc = fixture_doc("no_title.txt")
    assert (doc.author, doc.book, doc.chapter, doc.title) == (None, None, None, None)
    assert kinds(doc) == ["body", "body", "note"]
    assert [n.label for n in doc.notes] == ["1"]


def test_numbered_proclamation_in_body_is_not_a_note() -> None:
    doc = fixture_doc("proclamation.txt")
    proclamation = doc.paragraphs[4:7]
    assert [p.text[:2] for p in proclamation] == ["1.", "2.", "3."]
    assert all(p.kind in ("body", "block") for p in proclamation)
    assert [(n.label, n.paragraph) for n in doc.notes] == [("1", 8), ("2", 9)]
    assert doc.note_text(doc.note("1")) == "Archive of the committee, file 7."


def test_numbered_proclamation_right_before_the_notes() -> None:
    """Only the last run starting from 1 (with the author notes just before it) is the notes list."""
    doc = fixture_doc("proclamation_last.txt")
    assert [p.kind in ("body", "block") for p in doc.paragraphs[3:6]] == [True] * 3
    assert kinds(doc)[6:] == ["author_note", "note", "note"]
    assert [(n.label, n.kind) for n in doc.notes] == [("1*", "author"), ("1", "numbered"), ("2", "numbered")]
    assert [(m.label, m.in_note) for m in doc.markers] == [("1", None), ("2", "1*")]


def test_headings_are_decided_by_form() -> None:
    text = (
        "A long opening paragraph of narrative that certainly is not a heading of any sort at all.\n\n"
        "The Kronstadt Rising\n\n"
        "Another paragraph of narrative, with a full stop at the end of it.\n\n"
        "A sentence that ends with a full stop.\n\n"
        "lower case start\n\n"
        "He then said:\n\n"
        "Short Quoted Line\n"
    )
    doc = parse_document(text)
    assert doc.sections == ["The Kronstadt Rising"]


@pytest.mark.parametrize(
    ("question", "is_heading"),
    [
        ("What was the council’s answer to the strikers?", False),
        ("Why Did the Council Yield to the Strikers?", True),
        ("The riddle: why did the council keep quiet?", True),
        ("Whither Russia?", True),
    ],
)
def test_a_question_in_sentence_case_is_the_narrator_asking(question: str, is_heading: bool) -> None:
    text = f"A long opening paragraph of narrative that is not a heading of any sort.\n\n{question}\n\nMore."
    assert (parse_document(text).sections == [question]) is is_heading


def test_crlf_parses_like_lf(chapter: Document, chapter_text: str) -> None:
    crlf_text = chapter_text.replace("\n", "\r\n")
    doc = parse_document(crlf_text)
    assert [(p.kind, p.text) for p in doc.paragraphs] == [(p.kind, p.text) for p in chapter.paragraphs]
    assert all(crlf_text[p.start : p.end] == p.text for p in doc.paragraphs)
    assert all(crlf_text[m.start : m.end] == f"[{m.label}]" for m in doc.markers)
    assert len(doc.notes) == 44


def test_empty_and_blank_texts() -> None:
    for text in ("", "\n\n", " \r\n\t\n"):
        doc = parse_document(text)
        assert doc.paragraphs == [] and doc.notes == [] and doc.markers == []
        assert doc.words == 0


def test_iter_lines_trims_white_space_and_cr() -> None:
    text = "  one \r\n\r\n\ttwo\u00a0\n   \nthree"
    assert [text[s:e] for s, e in iter_lines(text)] == ["one", "two", "three"]


def test_markers_are_not_words() -> None:
    assert count_words("Stalin’s reply[12] was short[1*].") == 4


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_offsets_round_trip(name: str) -> None:
    doc = fixture_doc(name)
    assert all(doc.text[p.start : p.end] == p.text for p in doc.paragraphs)
    assert all(doc.text[m.start : m.end] == f"[{m.label}]" for m in doc.markers)
