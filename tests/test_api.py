"""The notebook entry point: ``textkit.open_corpus`` and a method per question, each returning
records that turn into DataFrames."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CHAPTER

import textkit


def test_bundled_corpus_answers_every_question() -> None:
    c = textkit.open_corpus()
    stalin = c.quotes(speaker="Stalin")
    assert len(stalin) == 10 and {q.speaker for q in stalin} == {"Stalin"}
    frame = stalin.to_pandas()
    assert list(frame.columns)[:4] == ["id", "doc", "paragraph", "kind"] and len(frame) == 10
    assert c.speakers().iloc[0]["person"] == "Trotsky"
    hits = c.concordance("bureaucracy")
    assert len(hits) == 9 and all(h.match.lower() == "bureaucracy" for h in hits)
    assert c.concordance("bureaucracy").to_pandas()["paragraph"].tolist()[0] == 12
    notes = c.notes()
    assert {n.label for n in notes} >= {"21", "34", "1*"}
    assert "work" in notes.to_pandas().columns
    assert c.info()[0].notes == 42
    assert c.sources()["notes"].sum() >= 40


def test_a_folder_and_a_short_repr(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt"):
        shutil.copy(CHAPTER, tmp_path / name)
    c = textkit.open_corpus(tmp_path)
    assert [d.name for d in c.documents] == ["a.txt", "b.txt"]
    assert len(repr(c)) < 120 and "2 documents" in repr(c)
    assert len(repr(c.documents[0])) < 120
    assert c.speakers(by_doc=True)["doc"].nunique() == 2


def test_importing_textkit_loads_nothing_heavy() -> None:
    import subprocess
    import sys

    code = (
        "import textkit, sys; print(any(m in sys.modules for m in ('pandas', 'nltk', 'rich', 'textkit.api')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
