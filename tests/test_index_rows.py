"""The vectorised token rows of a document are exactly what tokenising each paragraph alone gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from textkit.concordance.index import _Column, stable_order
from textkit.concordance.rows import GAP_OTHER, doc_rows, gap_code
from textkit.corpus.parse import iter_lines
from textkit.text.tokens import count_words, fast_span_tokenize, is_clitic, normalize

PIECES = ["Trotsky", "’s", "'S", " ", "\n", "don’t", "[3]", "[1*]", ".", "-", "co-op", "é", "\u0301", "_"]


def reference(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, int, str]]:
    """The builder's old loop: one paragraph at a time, one token at a time."""
    rows, prev_end = [], None
    for para, (p_start, p_end) in enumerate(spans):
        for s, e in fast_span_tokenize(text[p_start:p_end]):
            start, end = p_start + s, p_start + e
            gap = GAP_OTHER if prev_end is None else gap_code(text[prev_end:start])
            rows.append((start, end, para, gap, normalize(text[start:end])))
            prev_end = end
    return rows


def vectorised(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int, int, int, str]]:
    r = doc_rows((text, spans))
    columns = (r.start.tolist(), r.end.tolist(), r.para.tolist(), r.gap.tolist(), r.form.tolist())
    return [(s, e, p, g, r.forms[f]) for s, e, p, g, f in zip(*columns, strict=True)]


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=40)))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    bounds = list(zip(cuts[0::2], cuts[1::2], strict=False))  # paragraphs, maybe with text between
    return text, bounds


@settings(max_examples=300, deadline=None)
@given(documents())
def test_rows_match_tokenising_each_paragraph(document: tuple[str, list[tuple[int, int]]]) -> None:
    text, spans = document
    assert vectorised(text, spans) == reference(text, spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "\n", "\n\n", " \u00a0"]), max_size=60).map("".join))
def test_rows_of_a_text_cut_whole_match_each_line(text: str) -> None:
    """A text's lines end at white space, so the rows come from one split of the whole text."""
    spans = list(iter_lines(text))
    assert vectorised(text, spans) == reference(text, spans)


@settings(deadline=None)
@given(st.text(), st.text())
def test_rows_of_any_two_paragraphs(first: str, second: str) -> None:
    text = f"{first}{second}"
    spans = [(0, len(first)), (len(first), len(text))]
    assert vectorised(text, spans) == reference(text, spans)


def test_forms_are_numbered_in_order_of_first_appearance() -> None:
    r = doc_rows(("b a b’s a", [(0, 9)]))
    assert r.forms == ["b", "a", "'s"]
    assert r.form.tolist() == [0, 1, 0, 2, 1]


@settings(deadline=None)
@given(st.lists(st.integers(0, 200_000), max_size=300), st.booleans())
def test_postings_order_is_a_stable_argsort(values: list[int], small: bool) -> None:
    ids = np.array([v % 1000 if small else v for v in values], dtype=np.int32)
    size = 1000 if small else 200_001
    assert stable_order(ids, size).tolist() == np.argsort(ids, kind="stable").tolist()


@given(st.lists(st.sampled_from([*PIECES, "'s", "’S", "[12]", "[", "x's"]), max_size=40).map("".join))
def test_word_count_is_the_tokens_without_clitics_or_markers(text: str) -> None:
    spans = fast_span_tokenize(text)
    assert count_words(text) == sum(not is_clitic(text, s, e) for s, e in spans)


@given(st.text())
def test_word_count_of_any_text(text: str) -> None:
    spans = fast_span_tokenize(text)
    assert count_words(text) == sum(not is_clitic(text, s, e) for s, e in spans)


def test_columns_grow_past_their_first_capacity() -> None:
    column = _Column(1)
    for chunk in (range(10), range(10, 50), range(50, 51)):
        column.extend(np.arange(chunk.start, chunk.stop))
    assert column.data[: column.size].tolist() == list(range(51))
