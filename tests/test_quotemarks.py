"""Quotation marks in one paragraph: the apostrophe must never pass for a closing mark, curly or straight."""

from __future__ import annotations

import pytest

from textkit.text.quotemarks import find_spans


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_spans(text)]


def straight(text: str) -> str:
    """The same words as a transcription with typewriter quotes has them."""
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def curly_and_straight(*cases: tuple[str, list[str]]) -> list[tuple[str, list[str]]]:
    return [*cases, *((straight(text), [straight(q) for q in want]) for text, want in cases)]


@pytest.mark.parametrize(
    ("text", "want"),
    curly_and_straight(
        ("Lenin’s view: he said ‘don’t do it’ and left.", ["don’t do it"]),
        ("It was not worth a ha’porth of tar, he said.", []),
        ("He defended the workers’ state against all comers.", []),
        ("The Workers’ and Peasants’ Inspection was weak.", []),
        (
            "He praised ‘the Workers’ and Peasants’ Inspection’ at length.",
            ["the Workers’ and Peasants’ Inspection"],
        ),
        ("He spoke of ‘the workers’ state’ and left.", ["the workers’ state"]),
    ),
)
def test_apostrophes_and_plural_possessives_never_close(text: str, want: list[str]) -> None:
    assert quoted(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    curly_and_straight(
        (
            "He wrote of ‘the power of the principal workers’. [16] Then he left.",
            ["the power of the principal workers"],
        ),
        ("He described the ‘scissors’ as a danger to the alliance.", ["scissors"]),
    ),
)
def test_plural_possessive_shape_closes_where_the_quote_ends(text: str, want: list[str]) -> None:
    assert quoted(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    curly_and_straight(
        (
            "Ivanov wrote: ‘the slogan “all power” was his’ and stopped.",
            ["the slogan “all power” was his", "all power"],
        )
    ),
)
def test_double_quote_nested_in_single(text: str, want: list[str]) -> None:
    assert quoted(text) == want
    outer, inner = find_spans(text)
    assert (outer.depth, inner.depth, inner.parent) == (0, 1, 0)


@pytest.mark.parametrize(
    "text", ["Ivanov said: ‘this never ends. [7] [8]", straight("Ivanov said: ‘this never ends. [7] [8]")]
)
def test_unclosed_quote_ends_at_its_paragraph_before_the_markers(text: str) -> None:
    (span,) = find_spans(text)
    assert text[span.start : span.end] == "this never ends."
    assert (span.opened, span.closed) == (True, False)


@pytest.mark.parametrize(
    "text", ["Petrov said: this was the end’. [2]", straight("Petrov said: this was the end’. [2]")]
)
def test_missing_opening_mark_starts_after_the_colon_cue(text: str) -> None:
    (span,) = find_spans(text)
    assert text[span.start : span.end] == "this was the end"
    assert (span.opened, span.closed) == (False, True)


def test_no_marks_no_spans() -> None:
    assert find_spans("Nothing is quoted here; Ivanov’s workers’ state is plain narration.") == []
