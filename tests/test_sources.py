"""``textkit sources``: works grouped from resolved citations, on hand-made notes and on the chapter."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import RunCli

from textkit.notes.citations import parse_citations
from textkit.notes.footnotes import CitedPlace, NoteEntry
from textkit.notes.resolve import resolve_notes
from textkit.notes.sources import sort_sources, sources_table
from textkit.quotes.speakers import table_records


def entries(notes: list[tuple[str, str]], speakers: dict[str, str] | None = None, doc: str = "d.txt") -> list:
    """NoteEntry records as the footnotes module builds them, with a speaker per label if given."""
    speakers = speakers or {}
    resolved = resolve_notes([(label, parse_citations(text)) for label, text in notes])
    out = []
    for (label, text), citations in zip(notes, resolved, strict=True):
        place = CitedPlace(doc, 1, None, None, 0, 3, "A sentence.", speaker=speakers.get(label))
        out.append(NoteEntry(doc, label, "numbered", 10, text, citations, (place,)))
    return out


def by_work(table) -> dict[str, dict]:
    return {r["work"]: r for r in table_records(table)}


NOTES = [
    ("1", "E.H. Carr, The Bolshevik Revolution, Vol.1, pp.190-1."),
    ("2", "Ibid., p.4"),
    ("3", "Trotsky, My Life, page 482."),
    ("4", "Carr, op. cit., Vol.3, p.9."),
    ("5", "Trotsky, My Life, pages 481-2."),
    ("6", "Ibid."),
    ("7", "Deutscher, page 93."),
    ("8", "Some prose that the author wrote about the congress and its mood."),
]


def test_back_references_count_for_the_work_they_repeat() -> None:
    table = sources_table(entries(NOTES, {"3": "Trotsky", "5": "Trotsky", "6": "Ioffe"}))
    got = by_work(table)
    carr = got["The Bolshevik Revolution"]
    assert (carr["author"], carr["notes"], carr["labels"], carr["volumes"]) == (
        "E.H. Carr",
        3,
        "1–2, 4",
        "1, 3",
    )
    assert carr["pages"] == "vol. 1: 4, 190–191; vol. 3: 9"
    life = got["My Life"]
    assert (life["notes"], life["labels"], life["pages"]) == (3, "3, 5–6", "481–482")
    assert life["speakers"] == "Trotsky (2), Ioffe (1)"
    assert list(table["work"])[:2] == ["The Bolshevik Revolution", "My Life"]  # ties: by surname


def test_unparsed_and_author_only_notes_keep_their_own_rows() -> None:
    table = sources_table(entries(NOTES))
    deutscher = next(r for r in table_records(table) if r["author"] == "Deutscher")
    assert (deutscher["work"], deutscher["pages"]) == (None, "93")
    prose = next(r for r in table_records(table) if r["flags"].startswith("not parsed"))
    assert prose["work"] == NOTES[-1][1]


def test_near_identical_titles_are_flagged_not_merged() -> None:
    notes = [("1", "Denadtsatii sezd RKP(b), page 563."), ("2", "Dvenadtsatii sezd RKP(b), page 365."),
             ("3", "Odinnadtsatii sezd RKP(b), page 453.")]  # fmt: skip
    got = by_work(sources_table(entries(notes)))
    assert got["Denadtsatii sezd RKP(b)"]["flags"] == "possibly the same work as: Dvenadtsatii sezd RKP(b)"
    assert got["Dvenadtsatii sezd RKP(b)"]["flags"] == "possibly the same work as: Denadtsatii sezd RKP(b)"
    assert got["Odinnadtsatii sezd RKP(b)"]["flags"] == ""


def test_several_documents_name_them_in_labels() -> None:
    notes = entries([("1", "Trotsky, My Life, page 1.")], doc="a.txt")
    notes += entries([("4", "Trotsky, My Life, page 2.")], doc="b.txt")
    [row] = table_records(sources_table(notes))
    assert (row["notes"], row["docs"], row["labels"], row["pages"]) == (2, 2, "a.txt: 1; b.txt: 4", "1–2")


def test_sorting_and_empty_input() -> None:
    table = sources_table(entries(NOTES))
    assert list(sort_sources(table, "author")["author"])[:3] == ["E.H. Carr", "Deutscher", "Trotsky"]
    assert len(sort_sources(table, "notes", top=2)) == 2
    assert sources_table([]).empty


def test_command_on_the_chapter(run_cli: RunCli) -> None:
    result = run_cli(["sources", "--format", "json"])
    assert result.exit_code == 0, result.stderr
    rows = {(r["author"], r["work"]): r for r in json.loads(result.stdout)}
    assert sum(r["notes"] for r in rows.values()) == 42
    life = rows[("Trotsky", "My Life")]
    assert (life["notes"], life["labels"], life["pages"]) == (5, "3–4, 32–34", "481–482, 486, 537")
    soboul = rows[("A. Soboul", "The French Revolution, 1787-1799")]
    assert (soboul["notes"], soboul["pages"], soboul["published"]) == (2, "422, 439", "London 1974")
    assert rows[("Stalin", "Works")]["pages"] == "209–210, 213, 223, 231, 240, 261–262, 271"


def test_my_life_sources_ioffes_quotation(run_cli: RunCli) -> None:
    rows = json.loads(run_cli(["sources", "--format", "json"]).stdout)
    life = next(r for r in rows if r["work"] == "My Life")
    assert "Ioffe (1)" in life["speakers"]


def test_command_top_sort_and_terminal(run_cli: RunCli) -> None:
    result = run_cli(["sources", "--sort", "work", "--top", "2"])
    assert [line.split("\t")[1] for line in result.stdout.splitlines()] == [
        "work", "Denadtsatii sezd RKP(b)", "Dvenadtsatii sezd RKP(b)",
    ]  # fmt: skip
    result = run_cli(["sources", "--top", "3"], tty=True)
    assert result.exit_code == 0
    assert "Works" in result.stdout and "possibly the" in result.stdout


def test_corpus_without_notes(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Only a paragraph, and no notes.\n")
    result = run_cli(["--corpus", str(path), "sources"])
    assert result.exit_code == 0
    assert result.stdout.split("\t") == [
        "author", "work", "articles", "published", "notes", "labels", "volumes", "pages", "dates", "speakers",
        "docs", "flags\n",
    ]  # fmt: skip
    assert result.stderr == "textkit: the corpus has no notes\n"
