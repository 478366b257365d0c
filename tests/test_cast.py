"""The entity stage: names typed person, body or other from general evidence, shared by `people`,
`speakers` and attribution, and stable per document."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import CHAPTER, RunCli

from textkit.corpus.load import load_corpus
from textkit.people.cast import BODY, OTHER, PERSON, document_cast

TEXT = """Jane Historian
A History of Nowhere
3. The winter

Comrade Varenko said that the strike would spread. Varenko, who had come from Ostrava, was right.
In Ostrava the workers met at the Kessel works. The Ostrava region was quiet, and Ostrava slept.
The Revolution came slowly; the revolution of the spirit came later. The Cadet leaders and the
Cadets in the Duma hesitated. The Duma was silent, and Pelko, a young delegate, wrote: ‘We strike.’
The Kessel Committee declared: ‘The factory is ours.’ Pelko’s wife agreed with him, and Russian workers
joined them while Bolshevism grew. A. Tarn thought otherwise; Tarn wrote: ‘Wait for spring.’
"""


@pytest.fixture
def cast(tmp_path: Path) -> dict:
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    corpus = load_corpus(path, use_cache=False)
    return document_cast(corpus.documents[0], corpus.aliases)


@pytest.mark.parametrize("name", ["Varenko", "Pelko", "Tarn"])
def test_persons_by_title_speech_who_possessive_and_initials(cast: dict, name: str) -> None:
    assert cast[name].type == PERSON, cast[name].evidence


@pytest.mark.parametrize("name", ["Ostrava", "Duma", "Revolution", "Cadet", "Russian", "Bolshevism"])
def test_places_groups_and_common_words_are_other(cast: dict, name: str) -> None:
    assert cast[name].type == OTHER, cast[name].evidence


def test_an_institution_that_speaks_is_a_body(cast: dict) -> None:
    assert cast["Kessel Committee"].type == BODY


def test_each_verdict_keeps_its_evidence(cast: dict) -> None:
    assert any("a title" in e for e in cast["Varenko"].evidence)
    assert any("after 'in'" in e for e in cast["Ostrava"].evidence)
    assert any("lowercase" in e for e in cast["Revolution"].evidence)


LISTS = """Jane Historian
A History of Nowhere
3. The spring

The war party wanted Velmark, Zorava, Latvia and Quellin. Nobody else wanted war.
Not Zorava but bread, said the soldiers, and not Zorava either. Then came Brask, Tamir and Velo:
Brask said that the war was lost, Tamir agreed, and Velo wrote to Brask about Zorava.
"""


def test_a_list_of_places_makes_its_unsure_names_places(tmp_path: Path) -> None:
    """Zorava is named twice with nothing to go on, which alone would make it a person; listed with
    a place (known only to the gazetteer, weak evidence) and no person, it is a place. A list of
    people keeps its persons."""
    path = tmp_path / "lists.txt"
    path.write_text(LISTS, encoding="utf-8")
    corpus = load_corpus(path, use_cache=False)
    cast = document_cast(corpus.documents[0], corpus.aliases)
    assert cast["Zorava"].type == OTHER and any("listed with Latvia" in e for e in cast["Zorava"].evidence)
    assert (cast["Velmark"].type, cast["Quellin"].type) == (OTHER, OTHER)
    assert [cast[n].type for n in ("Brask", "Tamir", "Velo")] == [PERSON] * 3


def test_people_command_types_filters_and_explains(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    rows = json.loads(run_cli(["--corpus", str(path), "people", "--format", "json", "--explain"]).stdout)
    types = {r["name"]: r["type"] for r in rows}
    assert types["Varenko"] == PERSON and types["Ostrava"] == OTHER
    assert all(r["evidence"] for r in rows)
    others = json.loads(
        run_cli(["--corpus", str(path), "people", "--type", "other", "--format", "json"]).stdout
    )
    assert {r["type"] for r in others} == {OTHER}


def test_speakers_list_persons_and_bodies_only(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text(TEXT, encoding="utf-8")
    rows = json.loads(run_cli(["--corpus", str(path), "speakers", "--format", "json"]).stdout)
    listed = {r["person"] for r in rows}
    assert {"Varenko", "Pelko", "Tarn"} <= listed
    assert not listed & {"Ostrava", "Duma", "Revolution", "Cadet", "Cadets", "Russian", "Bolshevism"}


def test_attribution_never_credits_a_place(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "chapter.txt"
    path.write_text(
        TEXT + "\nIn Ostrava, Ostrava declared: ‘We are a city of the plain and of the hills.’\n",
        encoding="utf-8",
    )
    quotes = json.loads(run_cli(["--corpus", str(path), "quotes", "--format", "json"]).stdout)
    assert "Ostrava" not in {q["speaker"] for q in quotes}


def test_the_aliases_file_may_fix_a_type(run_cli: RunCli, tmp_path: Path) -> None:
    (tmp_path / "chapter.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "aliases.tsv").write_text("alias\tname\ttype\nOstrava\tOstrava\tperson\n", encoding="utf-8")
    rows = json.loads(run_cli(["--corpus", str(tmp_path), "people", "--format", "json"]).stdout)
    assert {r["name"]: r["type"] for r in rows}["Ostrava"] == PERSON


def test_a_chapter_alone_and_in_a_folder_has_the_same_people(run_cli: RunCli, tmp_path: Path) -> None:
    """Except persons other chapters add evidence for (a name this chapter gives no evidence on)."""
    alone = tmp_path / "alone"
    folder = tmp_path / "folder"
    alone.mkdir()
    folder.mkdir()
    shutil.copy(CHAPTER, alone / "a.txt")
    shutil.copy(CHAPTER, folder / "a.txt")
    (folder / "b.txt").write_text(TEXT, encoding="utf-8")

    def people_of(corpus: Path) -> dict[str, str]:
        rows = json.loads(run_cli(["--corpus", str(corpus), "people", "--format", "json"]).stdout)
        return {r["name"]: r["type"] for r in rows if r["first_doc"] == "a.txt"}

    assert people_of(alone) == people_of(folder)


def test_the_bundled_chapter_lists_no_place_as_a_person(run_cli: RunCli) -> None:
    rows = json.loads(run_cli(["speakers", "--format", "json"]).stdout)
    listed = {r["person"] for r in rows}
    assert {"Trotsky", "Stalin", "Lenin", "Zinoviev", "Kamenev", "Rakovsky"} <= listed
    assert not listed & {"Georgia", "Russia", "Petrograd", "Moscow", "Twelfth Congress", "Comintern"}
