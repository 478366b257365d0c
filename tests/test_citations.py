"""Citation parsing: every form the book uses, the back-references, and robustness on any text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textkit.corpus.load import load_corpus
from textkit.notes.citations import FULL, IBID, OP_CIT, PARSED, SHORT, UNPARSED, parse_citation
from textkit.notes.footnotes import document_citations
from textkit.notes.pages import parse_pages
from textkit.notes.resolve import resolve_citations
from textkit.notes.works import author_key

FORMS = [
    # raw, author, work, volume, pages, place, year, form
    ("Trotsky, My Life, page 482.", "Trotsky", "My Life", None, ((482, 482),), None, None, FULL),
    ("Stalin, Works, volume 5, pages 261-2.", "Stalin", "Works", "5", ((261, 262),), None, None, FULL),
    (
        "A. Soboul, The French Revolution, 1787-1799 (London 1974), volume 2, page 422.",
        "A. Soboul",
        "The French Revolution, 1787-1799",
        "2",
        ((422, 422),),
        "London",
        1974,
        FULL,
    ),
    (
        "Dvenadtsatii sezd RKP(b), pages 89, 48, 496 and 502-3.",
        None,
        "Dvenadtsatii sezd RKP(b)",
        None,
        ((89, 89), (48, 48), (496, 496), (502, 503)),
        None,
        None,
        FULL,
    ),
    ("Deutscher, page 93.", "Deutscher", None, None, ((93, 93),), None, None, SHORT),
    ("Soboul, page 439.", "Soboul", None, None, ((439, 439),), None, None, SHORT),
    (
        "E.H. Carr, The Bolshevik Revolution, Vol.1, pp.190-1.",
        "E.H. Carr",
        "The Bolshevik Revolution",
        "1",
        ((190, 191),),
        None,
        None,
        FULL,
    ),
    (
        "L. Trotsky, The Stalin School of Falsification, New York 1962, p.25.",
        "L. Trotsky",
        "The Stalin School of Falsification",
        None,
        ((25, 25),),
        "New York",
        1962,
        FULL,
    ),
    (
        "The Anti-Stalin Campaign and International Communism (New York 1956), page 76.",
        None,
        "The Anti-Stalin Campaign and International Communism",
        None,
        ((76, 76),),
        "New York",
        1956,
        FULL,
    ),
    ("Trotsky Papers, volume 2, pages 813-5.", None, "Trotsky Papers", "2", ((813, 815),), None, None, FULL),
    (
        "KPSS v rezoliutsiiakh, volume 1, page 685.",
        None,
        "KPSS v rezoliutsiiakh",
        "1",
        ((685, 685),),
        None,
        None,
        FULL,
    ),
    ("Ibid.", None, None, None, (), None, None, IBID),
    ("Ibid., p.4", None, None, None, ((4, 4),), None, None, IBID),
    ("Ibid., Vol.1, p.5.", None, None, "1", ((5, 5),), None, None, IBID),
    ("Trotsky, op. cit., p.25.", "Trotsky", None, None, ((25, 25),), None, None, OP_CIT),
    ("op. cit.", None, None, None, (), None, None, OP_CIT),
]


@pytest.mark.parametrize(("raw", "author", "work", "volume", "pages", "place", "year", "form"), FORMS)
def test_citation_forms(
    raw: str, author: str | None, work: str | None, volume: str | None, pages: tuple, place: str | None,
    year: int | None, form: str,
) -> None:  # fmt: skip
    c = parse_citation(raw)
    assert (c.author, c.work, c.volume, c.pages, c.place, c.year, c.form) == (
        author, work, volume, pages, place, year, form,
    )  # fmt: skip
    assert c.raw == raw


def test_see_prefix_is_kept_apart_from_the_author() -> None:
    c = parse_citation("See Stalin, Works, volume 5, page 231.")
    assert (c.prefix, c.author, c.work, c.volume, c.pages_text) == ("See", "Stalin", "Works", "5", "231")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("261-2", ((261, 262),)),
        ("813-5", ((813, 815),)),
        ("209-10", ((209, 210),)),
        ("1020–25", ((1020, 1025),)),
        ("190-1", ((190, 191),)),
        ("25", ((25, 25),)),
        ("89, 48, 496 and 502-3", ((89, 89), (48, 48), (496, 496), (502, 503))),
        ("12ff", ((12, 12),)),
    ],
)
def test_page_ranges_expand_abbreviated_ends(text: str, expected: tuple) -> None:
    assert parse_pages(text) == (expected, ())


def test_pages_that_are_not_numbers_are_flagged_not_dropped() -> None:
    pages, flags = parse_pages("12, preface")
    assert pages == ((12, 12),)
    assert flags == ("pages not understood: preface",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("vii-viii", (("vii", "viii"),)), ("x", (("x", "x"),)), ("xii-xiii, 4", (("xii", "xiii"), (4, 4))),
     ("XIV", (("XIV", "XIV"),))],
)  # fmt: skip
def test_roman_page_numbers_are_kept_as_written(text: str, expected: tuple) -> None:
    assert parse_pages(text) == (expected, ())


def test_roman_numerals_that_are_not_well_formed_are_flagged() -> None:
    assert parse_pages("vx, iiii") == ((), ("pages not understood: vx, iiii",))
    assert parse_pages("viii-vii")[1] == ("pages not understood: viii-vii",)


def test_locators_alone_are_partial_and_flagged() -> None:
    for raw in ("pp.190-1", "p.25", "Vol.1"):
        c = parse_citation(raw)
        assert c.status == "partial"
        assert c.flags
    assert parse_citation("pp.190-1").pages == ((190, 191),)
    assert parse_citation("Vol.1").volume == "1"


def test_text_that_is_no_citation_is_kept_and_flagged() -> None:
    raw = "This remark is the author's own comment on the debate"
    c = parse_citation(raw)
    assert c.form == UNPARSED
    assert c.status == UNPARSED
    assert c.raw == raw
    assert c.flags == ("reads as prose, not a citation this parser understands",)


def test_periodical_with_an_issue_date() -> None:
    c = parse_citation("Pravda, 12 March 1923, p.2.")
    assert (c.author, c.work, c.date, c.year, c.pages) == (None, "Pravda", "12 March 1923", 1923, ((2, 2),))


def test_parse_citation_reads_the_first_of_several_and_says_so() -> None:
    c = parse_citation("Trotsky, My Life, page 482; Deutscher, page 93.")
    assert (c.author, c.work, c.pages_text) == ("Trotsky", "My Life", "482")
    assert c.flags == ("several citations: parse_citations reads them all",)


def _resolve(*raws: str) -> list:
    return resolve_citations([(str(i), parse_citation(r)) for i, r in enumerate(raws, 1)])


def test_ibid_repeats_the_previous_work_and_its_pages_unless_given() -> None:
    first, same, other_page, other_volume = _resolve(
        "E.H. Carr, The Bolshevik Revolution, Vol.1, pp.190-1.", "Ibid.", "Ibid., p.4", "Ibid., Vol.3, p.7."
    )
    assert (same.author, same.work, same.volume, same.pages, same.refers_to) == (
        "E.H. Carr", "The Bolshevik Revolution", "1", ((190, 191),), "1",
    )  # fmt: skip
    assert (other_page.work, other_page.volume, other_page.pages, other_page.refers_to) == (
        "The Bolshevik Revolution", "1", ((4, 4),), "1",
    )  # fmt: skip
    assert (other_volume.volume, other_volume.pages) == ("3", ((7, 7),))
    assert first.refers_to is None


def test_ibid_of_an_ibid_refers_to_the_original_note() -> None:
    *_, last = _resolve("Trotsky, My Life, page 482.", "Ibid., p.5", "Ibid., p.6")
    assert (last.work, last.refers_to, last.pages) == ("My Life", "1", ((6, 6),))


def test_op_cit_resolves_to_the_authors_last_full_citation() -> None:
    *_, c = _resolve(
        "L. Trotsky, The Stalin School of Falsification, New York 1962, p.25.",
        "E.H. Carr, The Bolshevik Revolution, Vol.1, pp.190-1.",
        "Trotsky, op. cit., p.40.",
    )
    assert (c.work, c.year, c.pages, c.refers_to, c.form) == (
        "The Stalin School of Falsification", 1962, ((40, 40),), "1", OP_CIT,
    )  # fmt: skip
    assert c.status == PARSED


def test_short_form_links_to_the_earlier_full_citation_of_the_same_author() -> None:
    *_, short = _resolve(
        "A. Soboul, The French Revolution, 1787-1799 (London 1974), volume 2, page 422.",
        "Trotsky, My Life, page 482.",
        "Soboul, page 439.",
    )
    assert (short.author, short.work, short.place, short.year, short.pages, short.refers_to) == (
        "Soboul", "The French Revolution, 1787-1799", "London", 1974, ((439, 439),), "1",
    )  # fmt: skip
    assert short.volume == "2"  # the volume of the full citation, and said so
    assert short.flags == ("volume 2 taken from note 1",)
    assert short.form == SHORT


def test_unresolvable_back_references_are_flagged() -> None:
    ibid, short, op = _resolve("Ibid., p.4", "Deutscher, page 93.", "Carr, op. cit., p.9")
    assert ibid.flags == ("ibid. with no earlier citation",)
    assert short.flags == ("short form with no earlier full citation in this document",)
    assert op.flags == ("op. cit. with no earlier work by this author",)
    assert short.status == PARSED and ibid.status == "partial"


def test_author_key_matches_initials_and_surname() -> None:
    assert author_key("A. Soboul") == author_key("Soboul") == "soboul"
    assert author_key("E.H. Carr") == "carr"


def test_all_42_notes_of_the_chapter_parse_into_source_and_pages() -> None:
    doc = load_corpus().documents[0]
    citations = {label: cs[0] for label, cs in document_citations(doc).items()}
    assert len(citations) == 42
    assert all(len(cs) == 1 for cs in document_citations(doc).values())
    for label, c in citations.items():
        assert (c.author or c.work) and c.pages, label
        assert c.status == PARSED, label
    assert citations["34"].display() == "Trotsky, My Life, p. 537"
    assert citations["31"].pages_text == "89, 48, 496, 502–503"
    assert citations["39"].refers_to == "38"
    assert citations["1"].prefix == "See"


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parser_never_crashes_and_keeps_the_raw_text(raw: str) -> None:
    c = parse_citation(raw)
    assert c.raw == raw
    assert c.status in ("parsed", "partial", "unparsed")
    assert all(a <= b for a, b in c.pages)
    c.display()


citation_like = st.lists(
    st.sampled_from(
        ["Ibid.", "op. cit.", "Trotsky", "A. Soboul", "My Life", "volume 2", "Vol.1", "page 4", "pp.190-1",
         "pages 89, 48 and 502-3", "(London 1974)", "New York 1962", "See", "12 March 1923", "p.", "(", ")"]
    ),
    max_size=6,
).map(", ".join)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(citation_like, max_size=8))
def test_resolution_never_crashes_and_refers_only_backwards(raws: list[str]) -> None:
    resolved = _resolve(*raws)
    assert [c.raw for c in resolved] == raws
    for i, c in enumerate(resolved, 1):
        assert c.refers_to is None or int(c.refers_to) < i
