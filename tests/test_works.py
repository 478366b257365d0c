"""Works merged by what they are: normalised author and title, edition words, main titles, near
letter-for-letter variants; within a document and across a folder; never two works of one author."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import RunCli

from textkit.notes.citations import parse_citations
from textkit.notes.footnotes import CitedPlace, NoteEntry
from textkit.notes.resolve import resolve_notes
from textkit.notes.sources import work_rows
from textkit.notes.works import author_key, main_title, possibly_same, same_work, split_names, title_key


def entries(notes: list[tuple[str, str]], doc: str = "d.txt") -> list[NoteEntry]:
    resolved = resolve_notes([(label, parse_citations(text)) for label, text in notes])
    place = CitedPlace(doc, 1, None, None, 0, 3, "A sentence.")
    return [
        NoteEntry(doc, label, "numbered", 10, text, citations, (place,))
        for (label, text), citations in zip(notes, resolved, strict=True)
    ]


def rows(*docs: list[NoteEntry]) -> list[dict]:
    return work_rows([e for doc in docs for e in doc])


def test_author_keys_are_surnames() -> None:
    assert author_key("J.V. Orlov") == author_key("Orlov") == "orlov"
    assert author_key("O.P. Kern and W.W. Lyle") == author_key("Lyle and Kern") == "kern lyle"
    assert author_key("L.J. Van Dam") == "dam"
    assert author_key("General P.K. Orlov") == "orlov"
    assert author_key(None) is None


def test_names_split_for_a_bibliography() -> None:
    names, others = split_names("E.H. Kern and L.J. Van Dam et al.")
    assert [(n.family, n.given) for n in names] == [("Kern", "E.H."), ("Van Dam", "L.J.")]
    assert others
    assert [(n.family, n.given) for n in split_names("Pavel Orlov")[0]] == [("Orlov", "Pavel")]


def test_title_keys_ignore_case_accents_punctuation_and_a_leading_article() -> None:
    assert (
        title_key("The History of the Strike")
        == title_key("History of the strike.")
        == "history of the strike"
    )
    assert title_key("Mémoires d’un révolté") == title_key("Memoires d'un revolte")
    assert main_title("Left Turns: An Infantile Disorder") == "left turns"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Lenin", "Works"), ("Lenin", "Collected Works")),
        (("J.V. Orlov", "Works"), ("Orlov", "Works")),
        (("Orlov", "The Steppe"), ("P. Orlov", "Steppe")),
        (("Orlov", "Left Turns"), ("Orlov", "Left Turns: An Infantile Disorder")),
        (("Orlov", "Voina i revoliutsiia"), ("Orlov", "Voina i revoliutsija")),
        (("Shliapnikov", "Kanun semnadtsatogo goda"), ("Shlyapnikov", "Kanun semnadtsatogo goda")),
    ],
)
def test_one_work_spelled_two_ways_merges(a: tuple[str, str], b: tuple[str, str]) -> None:
    assert same_work(a[0], a[1], b[0], b[1])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Orlov", "Stalin"), ("Orlov", "The Stalin School of Falsification")),  # two works of one author
        (("Orlov", "History of the Revolution"), ("Orlov", "History of the Revolution to Brest")),
        (("Orlov", "Selected Works"), ("Orlov", "Collected Works")),
        (("Orlov", "Writings 1932"), ("Orlov", "Writings 1933")),
        (("Orlov", "My Life"), ("Kessel", "My Life")),  # one title, two authors
        ((None, "Desiatyi sezd"), (None, "Deviatyi sezd")),  # the tenth congress is not the ninth
    ],
)
def test_different_works_never_merge(a: tuple, b: tuple) -> None:
    assert same_work(a[0], a[1], b[0], b[1]) is None


def test_lenin_works_and_collected_works_are_one_row_with_the_reason() -> None:
    found = rows(
        entries([("1", "Lenin, Works, volume 21, page 18."), ("2", "Lenin, Collected Works, vol.24, p.61.")])
    )
    [row] = found
    assert (row["notes"], row["labels"], row["volumes"]) == (2, "1–2", "21, 24")
    assert row["work"] in ("Works", "Collected Works")
    assert any(
        w.endswith("joined: the same title once ‘collected’ or ‘complete’ is set aside") for w in row["why"]
    )


def test_two_works_by_one_author_stay_apart() -> None:
    found = rows(
        entries(
            [
                ("1", "L. Orlov, The Stalin School of Falsification (New York 1962), p.25."),
                ("2", "Orlov, Stalin, page 168."),
                ("3", "Orlov, page 170."),
            ]
        )
    )
    by_work = {r["work"]: r for r in found}
    assert set(by_work) == {"The Stalin School of Falsification", "Stalin"}
    assert by_work["Stalin"]["labels"] == "2–3"  # the author alone repeats the latest work
    assert by_work["The Stalin School of Falsification"]["labels"] == "1"


def test_one_letter_apart_without_an_author_is_flagged_not_merged() -> None:
    found = rows(entries([("1", "Desiatyi sezd, page 5."), ("2", "Deviatyi sezd, page 6.")]))
    assert sorted(r["flags"] for r in found) == [
        "possibly the same work as: Desiatyi sezd",
        "possibly the same work as: Deviatyi sezd",
    ]
    assert possibly_same("Orlov Papers", "Orlov Papers 1917")


def test_across_a_folder_one_work_is_one_row_and_says_so() -> None:
    a = entries([("1", "J.V. Orlov, Works, Vol.5, p.3."), ("2", "Kessel, Briefe, p.4.")], doc="a.txt")
    b = entries(
        [("7", "Orlov, Collected Works, volume 5, page 9."), ("8", "Kessel, Briefe (Bonn 1950), p.8.")],
        doc="b.txt",
    )
    by_work = {r["work"]: r for r in rows(a, b)}
    works = by_work.get("Collected Works") or by_work["Works"]
    assert (works["notes"], works["docs"], works["labels"], works["pages"]) == (
        2,
        2,
        "a.txt: 1; b.txt: 7",
        "3, 9",
    )
    assert "cited in 2 documents: a.txt, b.txt" in works["why"]
    assert (by_work["Briefe"]["notes"], by_work["Briefe"]["published"]) == (2, "Bonn 1950")


def test_initials_and_a_publication_do_not_split_a_work_across_a_folder() -> None:
    a = entries([("1", "J.V. Orlov, Works (Moscow 1953), Vol.5, p.3.")], doc="a.txt")
    b = entries([("4", "Orlov, Works, volume 5, page 4.")], doc="b.txt")
    [row] = rows(a, b)
    assert (row["author"], row["work"], row["notes"], row["pages"]) == ("J.V. Orlov", "Works", 2, "3–4")


def test_across_a_folder_an_author_alone_is_kept_to_its_document() -> None:
    a = entries([("1", "Orlov, page 3.")], doc="a.txt")
    b = entries([("1", "Orlov, page 9."), ("2", "Orlov, The Steppe, page 4.")], doc="b.txt")
    found = rows(a, b)
    alone = [r for r in found if r["work"] is None]
    assert sorted(r["labels"] for r in alone) == ["a.txt: 1", "b.txt: 1"]
    assert all(r["notes"] == 1 for r in alone)
    steppe = next(r for r in found if r["work"] == "The Steppe")
    assert steppe["notes"] == 1


def test_different_works_across_a_folder_stay_apart() -> None:
    docs = [
        entries([(str(i), f"Orlov, {title}, page {i}.")], doc=f"{i}.txt")
        for i, title in enumerate(["The Steppe", "The Forest", "The Sea", "The River"], 1)
    ]
    found = rows(*docs)
    assert len(found) == 4 and all(r["notes"] == 1 for r in found)


def test_quoted_in_counts_for_both_works() -> None:
    found = rows(
        entries([("1", "Izvestia, 12 March 1921, quoted in Smith, The Years of Crisis, Vol.2, p.40.")])
    )
    by_work = {r["work"]: r for r in found}
    assert by_work["The Years of Crisis"]["pages"] == "40"
    assert by_work["Izvestia"]["dates"] == "12 March 1921"
    assert by_work["Izvestia"]["why"] == ["quoted in Smith, The Years of Crisis, vol. 2, p. 40: 1"]


def test_explain_says_how_each_note_came_to_its_work() -> None:
    found = rows(
        entries(
            [
                ("1", "A. Kern, The Steppe (Leeds 1974), volume 2, page 422."),
                ("2", "Ibid., page 423."),
                ("3", "Kern, page 439."),
                ("4", "Kern, The Steppe, page 440."),
                ("5", "Kern, op. cit., page 441."),
            ]
        )
    )
    [row] = found
    assert row["why"] == [
        "named in full: 1",
        "Ibid. of note 1: 2",
        "short form of note 1: 3",
        "names again the work of note 1: 4",
        "op. cit. of note 1: 5",
    ]


def test_sources_explain_on_the_command_line(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Text.[1] More.[2]\n\n1. Lenin, Works, volume 21, page 18.\n\n2. Ibid., p.19.\n"
    )
    (tmp_path / "b.txt").write_text("Text.[1]\n\n1. Lenin, Collected Works, vol.24, p.61.\n")
    result = run_cli(["--corpus", str(tmp_path), "sources", "--explain", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    [row] = json.loads(result.stdout)
    assert row["notes"] == 3
    assert "Ibid. of note 1: a.txt: 2" in row["why"]
    assert any("joined: the same title once ‘collected’" in why for why in row["why"])
    tsv = run_cli(["--corpus", str(tmp_path), "sources", "--explain"]).stdout.splitlines()
    header = tsv[0].split("\t")
    assert "why" in header
    assert "op. cit." not in tsv[1] and "Ibid. of note 1" in tsv[1].split("\t")[header.index("why")]
    table = run_cli(["--corpus", str(tmp_path), "sources", "--format", "table"], tty=True, width=200).stdout
    assert "why these notes are one work" not in table  # the table shows why only with --explain
