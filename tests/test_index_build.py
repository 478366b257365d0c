"""The index of a many-document corpus, built on the workers, is what each document gives alone: the
same tokens and spans, paragraphs, forms numbered in order of first appearance in the corpus, and
postings; built in one process or on several, the arrays are identical."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from textkit.concordance.index import ARRAYS, RUNNING_CODES, open_index
from textkit.concordance.rows import GAP_OTHER, gap_code
from textkit.corpus.load import load_corpus
from textkit.corpus.model import KINDS
from textkit.store import parallel
from textkit.text.tokens import fast_span_tokenize, normalize

WORDS = "alpha Beta gamma’s delta-epsilon [2] café Zeta eta's theta iota kappa lambda".split()


def _corpus(folder: Path, chapter_text: str) -> Path:
    """Twelve documents (more than the pool's threshold), each with words of its own, some shared."""
    for i in range(12):
        words = " ".join(WORDS[(i + k) % len(WORDS)] for k in range(i + 3))
        body = f"Title {i}\n\nA heading\n\n{words} and {words.upper()} word{i}.\n\n1. A note {i}.\n"
        (folder / f"doc-{i:02d}.txt").write_text(chapter_text if i == 5 else body, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _reference(folder: Path) -> list[dict[str, list[int | str]]]:
    """Per document, one token at a time, paragraph by paragraph: the rows the index must hold."""
    docs = []
    for doc in load_corpus(folder, use_cache=False).documents:
        rows: dict[str, list[int | str]] = {k: [] for k in ("start", "end", "para", "gap", "form")}
        prev_end = None
        for para, p in enumerate(doc.paragraphs):
            for s, e in fast_span_tokenize(p.text):
                start, end = p.start + s, p.start + e
                gap = GAP_OTHER if prev_end is None else gap_code(doc.text[prev_end:start])
                for key, value in zip(
                    rows, (start, end, para, gap, normalize(doc.text[start:end])), strict=True
                ):
                    rows[key].append(value)
                prev_end = end
        rows["paragraphs"] = [(p.index, KINDS.index(p.kind), p.start, p.end) for p in doc.paragraphs]
        docs.append(rows)
    return docs


def _arrays(folder: Path) -> dict[str, list[int]]:
    index = open_index(folder, use_cache=False)
    return {name: getattr(index, name).tolist() for name in ARRAYS} | {"forms": index.forms}


def test_index_rows_are_each_documents_own(tmp_path: Path, chapter_text: str) -> None:
    folder = _corpus(tmp_path, chapter_text)
    index = open_index(folder, use_cache=False)
    expected = _reference(folder)
    assert [d.name for d in index.docs][:2] == ["doc-00.txt", "doc-01.txt"] and len(index.docs) == 13
    seen: dict[str, None] = {}
    for entry, ref in zip(index.docs, expected, strict=True):
        lo, hi = entry.first_token, entry.first_token + entry.n_tokens
        paras = range(entry.first_para, entry.first_para + entry.n_paras)
        assert index.start[lo:hi].tolist() == ref["start"]
        assert index.end[lo:hi].tolist() == ref["end"]
        assert [index.para[i] - entry.first_para for i in range(lo, hi)] == ref["para"]
        assert index.gap[lo:hi].tolist() == ref["gap"]
        assert [index.forms[index.form[i]] for i in range(lo, hi)] == ref["form"]
        got = [
            (index.para_index[p], index.para_kind[p], index.para_start[p], index.para_end[p]) for p in paras
        ]
        assert got == ref["paragraphs"]
        assert all(index.para_doc[p] == index.docs.index(entry) for p in paras)
        running = [index.para_kind[index.para[i]] in RUNNING_CODES for i in range(lo, hi)]
        assert entry.running_tokens == sum(running)
        assert [index.running_ordinal(i) for i in range(lo, hi) if running[i - lo]] == list(
            range(sum(running))
        )
        seen.update(dict.fromkeys(ref["form"]))
    assert index.forms == list(seen)  # numbered in order of first appearance in the corpus
    form = np.asarray(index.form)
    assert np.asarray(index.form_order).tolist() == np.argsort(form, kind="stable").tolist()
    assert np.asarray(index.form_count_all).tolist() == np.bincount(form, minlength=len(index.forms)).tolist()


def test_one_process_and_many_build_the_same_index(
    tmp_path: Path, chapter_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path, chapter_text)
    on_workers = _arrays(folder)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10**6)
    assert _arrays(folder) == on_workers
