"""The citation grammar on the forms issue 13 lists, with invented examples (no real note of any
chapter): periodicals, ``quoted in``, initials against ``p.``, year-volumed series, editors and
``hereafter``, several citations, roman pages, and the back-references that link them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textkit.notes.citations import (
    COMMENT,
    FULL,
    IDEM,
    OP_CIT,
    PARSED,
    QUOTED,
    SEE_NOTE,
    SHORT,
    UNPARSED,
    Citation,
    parse_citation,
    parse_citations,
)
from textkit.notes.resolve import resolve_notes


def fields(c: Citation, *names: str) -> tuple:
    return tuple(getattr(c, n) for n in names)


# periodicals ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "work", "date", "issue", "year"),
    [
        ("Izvestia, 12 March 1921.", "Izvestia", "12 March 1921", None, 1921),
        ("The Morning Herald, 3 and 5 May 1911.", "The Morning Herald", "3 and 5 May 1911", None, 1911),
        ("Rabochii Put, 30 April-2 May 1918.", "Rabochii Put", "30 April-2 May 1918", None, 1918),
        ("Vpered, No.7, 14 (1) June 1906.", "Vpered", "14 (1) June 1906", "7", 1906),
        ("Golos Truda, number 12, December 1913.", "Golos Truda", "December 1913", "12", 1913),
        (
            "Novaia Zaria, 2 July 1909 (19 June by the old calendar).",
            "Novaia Zaria",
            "2 July 1909 (19 June by the old calendar)",
            None,
            1909,
        ),
    ],
)
def test_a_periodical_is_its_title_and_its_issue(
    raw: str, work: str, date: str, issue: str, year: int
) -> None:
    c = parse_citation(raw)
    assert fields(c, "author", "work", "date", "issue", "year", "periodical") == (
        None,
        work,
        date,
        issue,
        year,
        True,
    )
    assert c.status == PARSED and c.flags == ()  # an issue is where to look: no pages needed


def test_an_article_in_a_periodical_keeps_author_article_and_issue() -> None:
    c = parse_citation("R.T. Gould, Notes on the grain trade, Voprosy ekonomiki, no.4 (27), 1962.")
    assert fields(c, "author", "article", "work", "issue", "part", "year", "periodical") == (
        "R.T. Gould",
        "Notes on the grain trade",
        "Voprosy ekonomiki",
        "4",
        "(27)",
        1962,
        True,
    )


def test_an_article_in_a_journal_volume() -> None:
    c = parse_citation(
        "M. Lane, A Lost Speech of 1907, in Journal of Labour Studies, 1971, volume 9, part 3."
    )
    assert fields(c, "author", "article", "work", "year", "volume", "part", "periodical") == (
        "M. Lane",
        "A Lost Speech of 1907",
        "Journal of Labour Studies",
        1971,
        "9",
        "part 3",
        True,
    )


def test_a_periodical_place_in_parentheses() -> None:
    c = parse_citation("Borba (Geneva), number 3, 1910.")
    assert fields(c, "work", "place", "issue", "year") == ("Borba", "Geneva", "3", 1910)
    assert (
        parse_citation("Lenin (Works), page 3.").work == "Lenin (Works)"
    )  # not a periodical: kept as written


# quoted in -----------------------------------------------------------------------------------------


def test_quoted_in_keeps_both_works() -> None:
    c = parse_citation("Izvestia, 12 March 1921, quoted in Smith, The Years of Crisis, Vol.2, p.40")
    assert fields(c, "work", "date", "periodical", "form") == ("Izvestia", "12 March 1921", True, FULL)
    inner = c.quoted_in
    assert inner is not None
    assert fields(inner, "author", "work", "volume", "pages") == (
        "Smith",
        "The Years of Crisis",
        "2",
        ((40, 40),),
    )
    assert c.locator is inner and c.status == PARSED
    assert c.display() == "Izvestia, 12 March 1921, quoted in Smith, The Years of Crisis, vol. 2, p. 40"


@pytest.mark.parametrize("lead", ["Quoted in", "Cited in", "Quoted by", "As quoted in"])
def test_words_of_an_unnamed_source_quoted_in_a_book(lead: str) -> None:
    c = parse_citation(f"{lead} B. Harper, A Life in Letters (Leeds 1966), page 120.")
    assert fields(c, "author", "work", "form") == (None, None, QUOTED)
    assert c.quoted_in is not None
    assert fields(c.quoted_in, "author", "work", "place", "year", "pages") == (
        "B. Harper",
        "A Life in Letters",
        "Leeds",
        1966,
        ((120, 120),),
    )


def test_a_persons_words_in_another_authors_book() -> None:
    c = parse_citation("F. Orlov in Kessel, Geschichte der Gewerkschaften, page 283.")
    assert fields(c, "author", "work", "form") == ("F. Orlov", None, QUOTED)
    assert c.quoted_in is not None and fields(c.quoted_in, "author", "work") == (
        "Kessel",
        "Geschichte der Gewerkschaften",
    )


def test_a_persons_article_in_a_periodical_is_not_quoted() -> None:
    c = parse_citation("Orlov in Golos Truda, 4 June 1912.")
    assert fields(c, "author", "work", "date", "quoted_in") == ("Orlov", "Golos Truda", "4 June 1912", None)


# names against locators ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "author", "work"),
    [
        ("P. Brown, The Long March of the Left, p.51", "P. Brown", "The Long March of the Left"),
        ("V. Pavlov, Notes from the Front, pp. 3-4.", "V. Pavlov", "Notes from the Front"),
        ("T. Ivanov, The Steppe, page 9.", "T. Ivanov", "The Steppe"),
        ("General P.K. Orlov, Zapiski, Leningrad 1927, vol.1, p.98.", "General P.K. Orlov", "Zapiski"),
        ("H.J. Van Dam, Het Arbeidersblad, p.4.", "H.J. Van Dam", "Het Arbeidersblad"),
        (
            "O.P. Kern and W.W. Lyle, The Ninth Congress, page 3.",
            "O.P. Kern and W.W. Lyle",
            "The Ninth Congress",
        ),
        ("B.B. Boyd et al., Essays, p.5.", "B.B. Boyd et al.", "Essays"),
        ("R.S. Grant and others, Essays, p.5.", "R.S. Grant and others", "Essays"),
    ],
)
def test_initials_are_never_pages(raw: str, author: str, work: str) -> None:
    c = parse_citation(raw)
    assert (c.author, c.work) == (author, work)
    assert not [f for f in c.flags if "pages" in f]


def test_authors_joined_by_and_are_a_short_form() -> None:
    c = parse_citation("Kern and Lyle, vol.1, pp.34-35.")
    assert fields(c, "author", "work", "volume", "pages", "form") == (
        "Kern and Lyle",
        None,
        "1",
        ((34, 35),),
        SHORT,
    )


# series, editors, hereafter ------------------------------------------------------------------------


def test_an_abbreviated_series_volumed_by_year() -> None:
    c = parse_citation("CWS, 1931, pp.12-3.")
    assert fields(c, "author", "work", "volume", "year", "pages") == (None, "CWS", "1931", None, ((12, 13),))
    book = parse_citation(
        "R. Hale, Short Stories, 1931, p.12."
    )  # a title, not a series: the year is the year
    assert fields(book, "volume", "year") == (None, 1931)


@pytest.mark.parametrize(
    "raw",
    [
        "K. Jones (editor), The Party Papers (London 1970), volume 1, page 135.",
        "K. Jones (ed.), The Party Papers (London 1970), volume 1, page 135.",
        "K. Jones, ed., The Party Papers, London 1970, vol.1, p.135.",
        "K. Jones et al., eds., The Party Papers, London 1970, vol.1, p.135.",
    ],
)
def test_an_editor_is_not_an_author(raw: str) -> None:
    c = parse_citation(raw)
    assert c.author is None and c.editor.startswith("K. Jones")
    assert fields(c, "work", "place", "year", "volume", "pages") == (
        "The Party Papers",
        "London",
        1970,
        "1",
        ((135, 135),),
    )


def test_a_hereafter_title_is_declared_and_used() -> None:
    full, same, short, ibid = (
        c[0]
        for c in resolve_notes(
            [
                (
                    "1",
                    parse_citations(
                        "K. Jones (editor), The Party Papers (London 1970) (hereafter referred to as PP), "
                        "volume 1, pages 135, 137"
                    ),
                ),
                ("2", parse_citations("Party Papers, volume 1, page 155.")),
                ("3", parse_citations("PP, volume 2, page 9.")),
                ("4", parse_citations("Ibid., page 10.")),
            ]
        )
    )
    assert fields(full, "editor", "work", "short_title", "pages") == (
        "K. Jones",
        "The Party Papers",
        "PP",
        ((135, 135), (137, 137)),
    )
    assert fields(same, "editor", "work", "place", "year", "volume", "pages", "refers_to") == (
        "K. Jones",
        "The Party Papers",
        "London",
        1970,
        "1",
        ((155, 155),),
        "1",
    )
    assert fields(short, "editor", "work", "volume", "pages", "refers_to", "form") == (
        "K. Jones",
        "The Party Papers",
        "2",
        ((9, 9),),
        "1",
        SHORT,
    )
    assert fields(ibid, "work", "volume", "pages", "refers_to") == ("The Party Papers", "2", ((10, 10),), "1")


@pytest.mark.parametrize("declared", ["(hereafter PP)", "(hereafter cited as ‘PP’)", "(hereinafter PP)"])
def test_hereafter_spellings(declared: str) -> None:
    assert parse_citation(f"The Party Papers (London 1970) {declared}, page 3.").short_title == "PP"


# articles, letters, pieces -------------------------------------------------------------------------


def test_an_article_in_a_collection_and_its_editor() -> None:
    c = parse_citation(
        "A. Brown, ‘The Strike of 1905’, in J. Smith (ed.), Essays on Labour History, London 1960, p.45."
    )
    assert fields(c, "author", "article", "editor", "work", "place", "year", "pages") == (
        "A. Brown",
        "The Strike of 1905",
        "J. Smith",
        "Essays on Labour History",
        "London",
        1960,
        ((45, 45),),
    )


def test_a_dated_piece_in_a_collection_is_no_periodical() -> None:
    c = parse_citation("Orlov, Theses on the Union (May 1919), in Sobranie, volume 2, pages 201-3.")
    assert fields(c, "article", "date", "work", "volume", "periodical") == (
        "Theses on the Union",
        "May 1919",
        "Sobranie",
        "2",
        False,
    )


def test_a_letter_names_its_writer() -> None:
    c = parse_citation("Orlov to the Central Bureau, 21 October 1927, quoted in Kessel, Briefe, page 71.")
    assert fields(c, "author", "article", "date") == (
        "Orlov",
        "Orlov to the Central Bureau",
        "21 October 1927",
    )
    assert c.quoted_in is not None and c.quoted_in.work == "Briefe"


def test_the_title_of_a_piece_after_its_pages() -> None:
    c = parse_citation("Orlov, Works, Vol.5, pp.347-529 (What Next?).")
    assert fields(c, "work", "volume", "pages", "article") == ("Works", "5", ((347, 529),), "What Next?")


def test_a_year_is_a_title_when_a_publication_follows_it() -> None:
    assert fields(parse_citation("Orlov, 1912, London 1972, p.67."), "work", "place", "year") == (
        "1912",
        "London",
        1972,
    )
    assert fields(parse_citation("Orlov, 1912, p.67."), "work", "year") == (None, 1912)


def test_publication_forms() -> None:
    for raw in (
        "B. Hale, A Record. London 1955, p.36.",
        "B. Hale, A Record (London: Dent, 1955), p.36.",
        "B. Hale, A Record, London 1955, p.36.",
        "B. Hale, A Record (London 1955-7), p.36.",
    ):
        c = parse_citation(raw)
        assert fields(c, "work", "place", "year") == ("A Record", "London", 1955), raw
    assert parse_citation("B. Hale, A Record (London: Dent, 1955), p.36.").publisher == "Dent"
    assert parse_citation("B. Hale, Letters, 1905-1917, Leeds 1960, p.3.").work == "Letters, 1905-1917"


# several citations, comments -----------------------------------------------------------------------


def test_several_citations_in_one_note_are_all_parsed() -> None:
    raw = (
        "Golos Truda, 13 May 1912 (30 April by the old calendar); Orlov, Sobranie, volume 3, book 1, page 3."
    )
    first, second = parse_citations(raw)
    assert fields(first, "work", "periodical", "date") == (
        "Golos Truda",
        True,
        "13 May 1912 (30 April by the old calendar)",
    )
    assert fields(second, "author", "work", "volume", "part", "pages") == (
        "Orlov",
        "Sobranie",
        "3",
        "book 1",
        ((3, 3),),
    )
    assert first.raw + second.raw == raw


def test_a_locator_after_a_semicolon_continues_the_work() -> None:
    _, second = parse_citations("Orlov, Works, vol.21, p.18; vol.22, p.140.")
    assert fields(second, "author", "work", "volume", "pages", "flags") == (
        "Orlov",
        "Works",
        "22",
        ((140, 140),),
        (),
    )


def test_citations_separated_by_a_full_stop_and_a_remark() -> None:
    cs = parse_citations(
        "Orlov, My Years, page 5. Kessel, Briefe, volume 2, page 18. The emphasis is Orlov’s."
    )
    assert [c.form for c in cs] == [FULL, FULL, COMMENT]
    assert (cs[1].author, cs[1].work) == ("Kessel", "Briefe")
    assert cs[2].raw == " The emphasis is Orlov’s."
    assert (
        parse_citations("V. Orlov, Zapiski, p.3.")[0].author == "V. Orlov"
    )  # an initial's full stop is no break


# pages ---------------------------------------------------------------------------------------------


def test_roman_pages_are_kept() -> None:
    c = parse_citation("Orlov, Early Essays (Leeds 1971), pages vii-viii, x and 3.")
    assert c.pages == (("vii", "viii"), ("x", "x"), (3, 3))
    assert c.pages_text == "vii–viii, x, 3"


def test_ranges_are_written_in_full() -> None:
    assert parse_citation("Orlov, Essays, pages 262- 3 and 1020-25.").pages == ((262, 263), (1020, 1025))


# back-references -----------------------------------------------------------------------------------


def _resolve(*raws: str) -> list[tuple[Citation, ...]]:
    return resolve_notes([(str(i), parse_citations(r)) for i, r in enumerate(raws, 1)])


def test_a_short_title_links_to_the_earlier_full_citation() -> None:
    notes = _resolve("J. Green, Memoirs of a Long Life (London 1950), page 12.", "Green, Memoirs, page 291.")
    c = notes[1][0]
    assert fields(c, "author", "work", "place", "year", "pages", "refers_to", "form") == (
        "Green",
        "Memoirs of a Long Life",
        "London",
        1950,
        ((291, 291),),
        "1",
        SHORT,
    )


def test_a_repeated_title_links_and_keeps_its_own_locators() -> None:
    notes = _resolve(
        "J. Green, Memoirs (London 1950), volume 1, page 12.", "Green, Memoirs, volume 2, page 291."
    )
    assert fields(notes[1][0], "work", "year", "volume", "pages", "refers_to", "form") == (
        "Memoirs",
        1950,
        "2",
        ((291, 291),),
        "1",
        FULL,
    )


def test_one_word_of_another_title_is_not_its_short_title() -> None:
    notes = _resolve(
        "Orlov, The Steppe Campaign of 1920 (Leeds 1960), p.5.",
        "Orlov, Steppe, p.6.",
        "Orlov, Steppe Campaign, p.7.",
    )
    assert (notes[1][0].work, notes[1][0].refers_to) == ("Steppe", None)
    assert (notes[2][0].work, notes[2][0].refers_to) == ("The Steppe Campaign of 1920", "1")


def test_an_ambiguous_short_title_is_flagged_not_linked() -> None:
    notes = _resolve(
        "Orlov, Steppe Campaign of 1920, p.5.",
        "Orlov, Steppe Campaign of 1921, p.5.",
        "Orlov, Steppe Campaign, p.7.",
    )
    c = notes[2][0]
    assert c.refers_to is None
    assert c.flags == ("‘Steppe Campaign’ could be the short title of 2 earlier works: not linked",)


def test_an_author_alone_takes_the_volume_of_the_work_and_says_so() -> None:
    notes = _resolve("D. Orlov, Ocherki, volume 1 (Moscow 1927), page 379.", "Orlov, page 380.")
    assert fields(notes[1][0], "work", "volume", "refers_to", "flags") == (
        "Ocherki",
        "1",
        "1",
        ("volume 1 taken from note 1",),
    )


def test_an_author_alone_repeats_the_work_cited_last() -> None:
    notes = _resolve(
        "Orlov, Zapiski, page 2.", "Orlov, Ocherki, page 3.", "Orlov, Zapiski, page 4.", "Orlov, page 5."
    )
    c = notes[3][0]
    assert (c.work, c.refers_to) == ("Zapiski", "1")
    assert c.flags == ("2 works by this author cited before: took the latest (note 1)",)


def test_an_author_with_several_works_is_flagged() -> None:
    notes = _resolve("Orlov, Zapiski, page 2.", "Orlov, Ocherki, page 3.", "Orlov, page 4.")
    c = notes[2][0]
    assert (c.work, c.refers_to) == ("Ocherki", "2")
    assert c.flags == ("2 works by this author cited before: took the latest (note 2)",)


def test_ibid_after_a_quoted_in_note_is_the_quoting_book() -> None:
    notes = _resolve(
        "Izvestia, 12 March 1921, quoted in Smith, The Years of Crisis, Vol.2, p.40.", "Ibid., p.41."
    )
    assert fields(notes[1][0], "author", "work", "volume", "pages", "refers_to") == (
        "Smith",
        "The Years of Crisis",
        "2",
        ((41, 41),),
        "1",
    )


def test_ibid_inside_a_note_and_idem() -> None:
    notes = _resolve(
        "Orlov, Works, volume 21, page 18; ibid., page 20.", "Idem, Other Years, p.5.", "Idem, p.6."
    )
    assert fields(notes[0][1], "work", "volume", "pages", "refers_to") == ("Works", "21", ((20, 20),), "1")
    assert fields(notes[1][0], "form", "author", "work", "refers_to") == (IDEM, "Orlov", "Other Years", "1")
    assert fields(notes[2][0], "author", "work", "pages") == ("Orlov", "Other Years", ((6, 6),))


def test_see_note_takes_that_notes_work() -> None:
    notes = _resolve(
        "Orlov, Zapiski (Leeds 1960), page 2.",
        "Kessel, Briefe, page 3.",
        "See note 1 above.",
        "See note 9 below.",
    )
    assert fields(notes[2][0], "form", "work", "pages", "refers_to") == (SEE_NOTE, "Zapiski", (), "1")
    assert notes[3][0].flags == ("note 9 is not an earlier note with a citation",)


def test_a_periodical_named_again_takes_no_author_from_an_article_in_it() -> None:
    notes = _resolve("Orlov, Open Letter, in Golos Truda, 4 June 1912.", "Golos Truda, 5 June 1912.")
    assert fields(notes[1][0], "author", "work", "date", "year") == (None, "Golos Truda", "5 June 1912", 1912)


# nothing lost --------------------------------------------------------------------------------------


def test_what_is_not_understood_is_flagged_never_dropped() -> None:
    c = parse_citation("Orlov, Zapiski, page 3, a marginal remark")
    assert c.flags == ("not understood: a marginal remark",)
    prose = parse_citation("This is the author's own view of what the congress meant for them all")
    assert (prose.form, prose.status) == (UNPARSED, UNPARSED)
    assert prose.flags == ("reads as prose, not a citation this parser understands",)


FRAGMENTS = [
    "Ibid.", "Idem", "op. cit.", "Orlov", "A. Kern", "Zapiski", "volume 2", "Vol.1", "page 4", "pp.190-1",
    "pages vii-viii", "(Leeds 1974)", "New York 1962", "See", "12 March 1923", "p.", "(", ")", "quoted in",
    "in", "Quoted in", "(editor)", "ed.", "(hereafter PP)", "PP", "no.1 (13)", "1931", "CWS", "F. Orlov in",
    "Kern", "note 3", "Kern and Lyle", "et al.", "‘", "’", ";", ".", "part 2", "(May 1919)", "x", "P. Brown",
    "to the", "17 (4) July 1906", " ", "—", "0", "ff.",
]  # fmt: skip
citation_like = st.lists(st.sampled_from(FRAGMENTS), max_size=8).map(lambda parts: " ".join(parts))


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), citation_like))
def test_parse_citations_never_crashes_and_gives_the_raw_text_back(raw: str) -> None:
    found = parse_citations(raw)
    assert "".join(c.raw for c in found) == raw
    for c in found:
        assert c.status in ("parsed", "partial", "unparsed")
        assert all(isinstance(a, str) or a <= b for a, b in c.pages)
        c.display()


@settings(max_examples=200, deadline=None)
@given(st.lists(citation_like, max_size=8))
def test_resolving_notes_never_crashes_and_refers_only_backwards(raws: list[str]) -> None:
    resolved = _resolve(*raws)
    for i, citations in enumerate(resolved, 1):
        for c in citations:
            if c.form != SEE_NOTE:  # ``see note 9 below`` names what it names
                assert c.refers_to is None or int(c.refers_to) <= i


def test_a_long_sentence_case_title_is_no_prose_when_it_is_cited() -> None:
    c = parse_citation(
        "Perepiska s mestnymi organizatsiiami v gody reaktsii i pod'ema, Moscow 1969, Vol.1, p.24."
    )
    assert (c.form, c.place, c.volume, c.pages) == (FULL, "Moscow", "1", ((24, 24),))
    assert c.work == "Perepiska s mestnymi organizatsiiami v gody reaktsii i pod'ema"


def test_a_description_after_an_issue_date_is_the_piece() -> None:
    c = parse_citation("Golos Truda, 7 March 1912, editorial.")
    assert fields(c, "author", "work", "article", "date") == (
        None,
        "Golos Truda",
        "editorial",
        "7 March 1912",
    )


def test_a_letter_with_its_date_in_a_collection_is_no_periodical() -> None:
    c = parse_citation("Orlov to Kern, 15 September 1912, Sobranie, Vol.4, p.284.")
    assert fields(c, "author", "article", "work", "date", "periodical") == (
        "Orlov",
        "Orlov to Kern",
        "Sobranie",
        "15 September 1912",
        False,
    )


def test_a_note_on_a_page_is_still_that_page() -> None:
    assert parse_citation("Orlov, Zapiski, p.103 n.").pages == ((103, 103),)
    assert parse_citation("Orlov, Zapiski, pages 7 note 2 and 9.").pages == ((7, 7), (9, 9))


def test_op_cit_with_its_title_takes_that_work() -> None:
    notes = _resolve(
        "I. Kern, The Steppe Armed (Leeds 1954), p.3.",
        "I. Kern, The Steppe Unarmed (Leeds 1959), p.4.",
        "Kern, Steppe Armed, op. cit., p.5.",
    )
    assert fields(notes[2][0], "form", "work", "year", "refers_to") == (OP_CIT, "The Steppe Armed", 1954, "1")
