"""Word tokens: nltk spans, the warm-path twin that avoids importing nltk, and the word rules."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from textkit.corpus.parse import iter_lines
from textkit.text.tokens import (
    TOKEN_PATTERN,
    count_words,
    count_words_in_spans,
    counted_by_bisection,
    counted_with_numpy,
    fast_span_tokenize,
    fold,
    query_tokens,
    span_tokenize,
)


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in span_tokenize(text)]


def test_possessive_splits_but_contraction_stays_one_word() -> None:
    assert words("Trotsky’s view, don’t go") == ["Trotsky", "’s", "view", "don’t", "go"]
    assert words("it's Lenin's") == ["it", "'s", "Lenin", "'s"]


def test_markers_and_punctuation_are_not_words() -> None:
    assert words("the congress. [12] Trotsky. [1*]") == ["the", "congress", "Trotsky"]


def test_hyphenated_compounds_and_numbers() -> None:
    assert words("co-ordinate the 1922-3 right-wing – left") == [
        "co-ordinate",
        "the",
        "1922-3",
        "right-wing",
        "left",
    ]


def test_query_tokens_keep_wildcards() -> None:
    text = "bureaucra* c?t"
    assert [text[s:e] for s, e in query_tokens(text)] == ["bureaucra*", "c?t"]


def test_fold_normalises_case_and_apostrophes() -> None:
    assert fold("Don’t") == fold("don't") == "don't"


def test_the_pattern_is_the_one_nltk_uses(chapter_text: str) -> None:
    assert span_tokenize(chapter_text) == fast_span_tokenize(chapter_text)
    assert "[" in TOKEN_PATTERN


@given(st.text())
def test_spans_slice_to_tokens_in_order(text: str) -> None:
    spans = span_tokenize(text)
    assert spans == fast_span_tokenize(text)
    previous_end = 0
    for start, end in spans:
        token = text[start:end]
        assert start >= previous_end and end > start
        assert token.strip() == token and not token.startswith("[")
        assert regex.fullmatch(TOKEN_PATTERN, token)
        previous_end = end


@given(
    st.lists(
        st.sampled_from(["Trotsky", "’s", " ", "don’t", "[3]", ".", "-", "co-op", "\n", "'"]), max_size=30
    )
)
def test_tokens_of_joined_pieces_never_cross_white_space(pieces: list[str]) -> None:
    text = "".join(pieces)
    for start, end in span_tokenize(text):
        assert not any(c.isspace() for c in text[start:end])


MARKS_AND_FRACTIONS = "e\u0301te ² ½ x\u200dy naïve word’s [12] ﬁ"


def test_characters_the_engines_read_apart_are_split_by_regex() -> None:
    """``re`` and ``regex`` disagree on combining marks and superscripts: nltk's spans win."""
    assert fast_span_tokenize(MARKS_AND_FRACTIONS) == span_tokenize(MARKS_AND_FRACTIONS)
    assert words("e\u0301te") == ["e\u0301te"]


_SAMPLES = [
    "Trotsky",
    "’s",
    " ",
    "e\u0301",
    "²",
    "[3]",
    "-",
    "\n",
    "'",
    "\u00a0",
    "x",
    "1922",
    "'S",
    "[1*]",
    "[",
]


@given(st.lists(st.sampled_from(_SAMPLES), max_size=40) | st.text())
def test_the_fast_split_matches_nltk_on_any_characters(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    assert fast_span_tokenize(text) == span_tokenize(text)


@given(st.lists(st.sampled_from(_SAMPLES), max_size=40), st.lists(st.integers(0, 200), max_size=12))
def test_counts_of_many_spans_are_counts_of_each(pieces: list[str], cuts: list[int]) -> None:
    """One split of the whole text counts each span as splitting the span alone would, whether the
    spans sit between line breaks (the fast path) or cut through words (span by span)."""
    text = "".join(pieces)
    lines = list(iter_lines(text))
    bounds = sorted({min(c, len(text)) for c in cuts})
    arbitrary = list(zip(bounds[0::2], bounds[1::2], strict=False))
    for spans in (lines, arbitrary):
        assert count_words_in_spans(text, spans) == [count_words(text[s:e]) for s, e in spans]


@given(
    st.lists(st.integers(0, 300), max_size=60),
    st.lists(st.integers(0, 300), max_size=10),
    st.lists(st.tuples(st.integers(0, 300), st.integers(0, 300)), max_size=12),
)
def test_numpy_counts_are_the_bisections(starts: list[int], others: list[int], spans: list) -> None:
    """The index build counts with numpy and a cold parse by bisection: the two must agree."""
    import numpy as np

    starts, others = sorted(set(starts)), sorted(set(others) & set(starts))
    spans = [(min(a, b), max(a, b)) for a, b in spans]
    by_numpy = counted_with_numpy(np.array(starts, dtype=np.int64), others, spans)
    assert by_numpy == counted_by_bisection(starts, others, spans)
