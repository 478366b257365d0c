"""The subject of a clause by word order, with the cast's types."""

from __future__ import annotations

from textkit.people.cast import OTHER, PERSON
from textkit.people.narration import find_subject

KNOWN = frozenset({"Ivanov", "Orlov", "Moscow"})


def test_a_name_coordinated_with_a_governed_place_is_governed_too() -> None:
    """``when it came to Moscow and Orlov, Ivanov’s view …``: Orlov hangs on ``to`` like the place
    before it, even though a place is no candidate for the subject."""
    sentence = "However, when it came to Moscow and Orlov, Ivanov’s view was not so clear."
    types = {"Moscow": OTHER, "Orlov": PERSON, "Ivanov": PERSON}
    subject = find_subject(sentence, KNOWN, {}, types=types)
    assert subject is not None and subject.value == "Ivanov"


def test_a_place_is_never_the_subject() -> None:
    types = {"Moscow": OTHER, "Ivanov": PERSON}
    subject = find_subject("Moscow was quiet, and Ivanov wrote to the council.", KNOWN, {}, types=types)
    assert subject is not None and subject.value == "Ivanov"
