"""Quoted matter that shows itself without a lead-in: an editor's bracketed cue, or elisions in a
paragraph closed by a footnote marker."""

from __future__ import annotations

import pytest

from textkit.corpus.blocks import find_blocks
from textkit.text.interpolation import interpolated_cues


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("As a matter of fact, [writes Belov] the merchants", "Belov"),
        ("a sorry turn of events [wrote Belov], nevertheless", "Belov"),
        ("[Belov says] nothing will come of it", "Belov"),
        ("so much [he continues] for the merchants", None),
        ("the view [writes de Witt] was common", "de Witt"),
    ],
)
def test_a_bracket_with_a_verb_of_speech_and_a_name_is_a_cue(text: str, name: str | None) -> None:
    (cue,) = interpolated_cues(text)
    assert cue.name == name and text[cue.start : cue.end] == cue.cue


@pytest.mark.parametrize(
    "text",
    ["[The revolution] drew crowds", "[O]ur merchants", "them [the capitalists]", "[said to be]", "[1]"],
)
def test_an_insertion_that_completes_the_quotation_names_no_one(text: str) -> None:
    assert interpolated_cues(text) == []


NARRATION = "The merchants had not supported the strike at all."


@pytest.mark.parametrize(
    ("text", "is_block"),
    [
        ("As a matter of fact [writes Belov] the merchants were lost.", True),
        ("The popularity of the council grew ... and grew, in every town. [4]", True),
        ("Its leaders begged, cajoled, threatened ... and nothing came of it.", False),  # no marker
        ("He wrote to them: ‘... we consider ourselves equal’, and left. [5]", False),  # quoted inline
        ("Should ... workers ... stand aside from the ‘peace’ demand? By no means. [6]", True),  # own marks
        ("He said that ‘the state’s plan ... must fail’ in the end. [8]", False),  # elided inside a quote
    ],
)
def test_quoted_matter_without_a_lead_in(text: str, is_block: bool) -> None:
    assert find_blocks([NARRATION, text], [True, True]) == [False, is_block]


@pytest.mark.parametrize("opening", ["[The revolution] drew crowds", "[W]hen the hour came, all fled"])
def test_an_editors_bracket_opening_a_paragraph_marks_quoted_matter(opening: str) -> None:
    assert find_blocks([NARRATION, f"{opening} and nothing was left."], [True, True]) == [False, True]


def test_elisions_mark_a_run_that_a_footnote_marker_closes_ahead() -> None:
    run = [NARRATION, "The council grew ... in every town and village.", "Its power was everywhere. [7]"]
    assert find_blocks(run, [True] * 3) == [False, True, True]
    assert find_blocks([*run[:2], "Its power was everywhere."], [True] * 3) == [False, False, False]


def test_a_run_may_open_with_a_quoted_phrase_of_its_own() -> None:
    """Only a later paragraph that opens with a quotation mark starts new matter and ends the run."""
    run = [NARRATION, "‘Bread now’ is the cry under which the towns unite ...", "No tithes. [3]"]
    assert find_blocks(run, [True] * 3) == [False, True, True]
    run[2] = "‘No tithes’, they said. [3]"
    assert find_blocks(run, [True] * 3) == [False, False, False]


def test_a_block_that_breaks_off_with_an_elision_goes_on_in_the_next_paragraph() -> None:
    texts = [
        "He dictated the following:",
        "We have been remiss, as I see it ...",
        "Where did that come from?",
    ]
    assert find_blocks(texts, [True] * 3) == [False, True, True]
    texts[1] = "We have been remiss, as I see it."
    assert find_blocks(texts, [True] * 3) == [False, True, False]


def test_a_run_that_shows_itself_late_starts_where_a_short_paragraph_announces_it() -> None:
    texts = [
        "The next day the police report expressed alarm, pointing out that the guards were wavering.",
        "On the 25th a crowd of workmen was met by a detail of guards near the bridge.",
        "The crowd is still on the spot. Details are being ascertained ...",
        "Barricades might be erected on Monday. [3]",
    ]
    assert find_blocks(texts, [True] * 4) == [False, True, True, True]


@pytest.mark.parametrize(
    "announcing",
    [
        "The report went on. Clerks copied it. Nobody read it. In the end the police reported the crowd.",
        "The police had not yet noticed the crowd gathering near the bridge that morning.",
        "In my view the police reported the crowd.",  # first person: quoted matter, not narration
    ],
)
def test_no_announcing_paragraph_no_earlier_start(announcing: str) -> None:
    texts = [
        announcing,
        "On the 25th a crowd of workmen was met by a detail of guards near the bridge.",
        "The crowd is still on the spot. Details are being ascertained ...",
        "Barricades might be erected on Monday. [3]",
    ]
    assert find_blocks(texts, [True] * 4) == [False, False, True, True]


def test_a_block_told_in_the_present_goes_on_while_the_present_lasts() -> None:
    texts = [
        "In the summer he wrote an assessment of the currents in the party:",
        "The work of the bloc takes place almost entirely in the committees.",
        "Within this milieu disagreements are breaking out regularly.",
        "The fraction is in a state of chronic breakdown.",
        "After this attack it might have been assumed that he would make peace. But he was not ready.",
    ]
    assert find_blocks(texts, [True] * 5) == [False, True, True, True, False]
    assert find_blocks([*texts[:2], "The debate ended at dawn."], [True] * 3) == [False, True, False]
    texts[1] = "The work of the bloc took place almost entirely in the committees, which were weak."
    assert find_blocks(texts, [True] * 5) == [False, True, False, False, False]


@pytest.mark.parametrize(
    ("text", "is_block"),
    [
        ("The dual power is a passing phase, when the revolution has gone further than before. [4]", True),
        ("The dual power is a passing phase. [4]", True),
        ("The dual power was a passing phase, as the ‘dual power’ is in every revolution. [4]", False),
        ("The dual power is a passing phase.", False),  # no marker
    ],
)
def test_a_paragraph_in_the_present_closed_by_a_marker_is_quoted_matter(text: str, is_block: bool) -> None:
    assert find_blocks([NARRATION, text], [True, True]) == [False, is_block]
    closed = "He wrote to them about the war:"
    assert find_blocks([closed, "War is a crime. [3]", text], [True] * 3) == [False, True, is_block]


@pytest.mark.parametrize(
    ("text", "goes_on"),
    [
        ("Other members of the fraction he claimed, kept to ‘passive internationalism’. [4]", False),
        ("To turn the workers into cannon fodder, wrote Belov, would mean ‘treason’. [4]", False),
        ("We observe, more than once in history, new phenomena within the old forms. [4]", True),
        ("The members of the fraction kept to ‘passive internationalism’. [4]", True),
    ],
)
def test_a_cue_set_into_its_sentence_is_the_narrator_speaking(text: str, goes_on: bool) -> None:
    texts = ["He then wrote to the council:", "Some of them accept the war and the ministry.", text]
    assert find_blocks(texts, [True] * 3) == [False, True, goes_on]
