"""People in the bundled chapter: possessives are mentions, names merge by surname, aliases optional."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import CHAPTER, CORPUS_DIR

from textkit.corpus.load import load_corpus
from textkit.corpus.model import RUNNING_TEXT, Corpus
from textkit.people.mentions import Mention, canonical_name, find_mentions


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="module")
def mentions(corpus: Corpus) -> list[Mention]:
    return find_mentions(corpus)


def running_offsets(corpus: Corpus, pattern: str) -> list[int]:
    doc = corpus.documents[0]
    return [
        p.start + m.start()
        for p in doc.paragraphs
        if p.kind in RUNNING_TEXT
        for m in re.finditer(pattern, p.text)
    ]


def test_possessives_are_mentions(corpus: Corpus, mentions: list[Mention]) -> None:
    stalin = [m for m in mentions if m.person == "Stalin"]
    possessive = running_offsets(corpus, r"\bStalin’s")
    assert possessive and len(stalin) == len(running_offsets(corpus, r"\bStalin\b"))
    assert set(possessive) <= {m.end - len("Stalin") for m in stalin}


def test_mention_spans_are_the_name_alone(corpus: Corpus, mentions: list[Mention]) -> None:
    text = corpus.documents[0].text
    assert {text[m.start : m.end] for m in mentions if m.person == "Stalin"} == {"Stalin"}


def test_full_name_merges_with_surname(mentions: list[Mention]) -> None:
    surfaces = {m.surface for m in mentions if m.person == "Ioffe"}
    assert surfaces == {"Adolf Ioffe", "Ioffe"}


def test_aliases_file_maps_vladimir_ilyich_to_lenin(mentions: list[Mention]) -> None:
    assert {m.person for m in mentions if m.surface == "Vladimir Ilyich"} == {"Lenin"}


def test_without_aliases_file_vladimir_ilyich_is_not_lenin(tmp_path: Path) -> None:
    shutil.copy(CHAPTER, tmp_path / CHAPTER.name)
    bare = load_corpus(tmp_path)
    assert bare.aliases == {}
    assert not any(m.person == "Lenin" and "Ilyich" in m.surface for m in find_mentions(bare))


def test_canonical_name_is_case_insensitive_and_alias_aware(corpus: Corpus) -> None:
    assert canonical_name(corpus, "stalin") == "Stalin"
    assert canonical_name(corpus, "vladimir ilyich") == "Lenin"
    assert canonical_name(corpus, "Nobodyov") is None
