"""An editor's cue set in square brackets inside quoted matter: ``[writes Sukhanov]``, ``[wrote
Sukhanov]``, ``[Sukhanov says]``, ``[he continues]``.

A writer who quotes a long passage without a lead-in often names its author this way, inside the
passage itself. The bracket holds only a verb of speech and a name or a pronoun, so the quoted
matter is told from an editorial insertion that merely completes it (``[the capitalists]``,
``[O]ur``), which names no speaker.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from textkit.text.lexicon import is_cue_verb

_BRACKET = re.compile(r"\[([^\[\]\n]{2,60})\]")
_NAME_WORD = re.compile(r"[A-Z][\w’'.-]*")
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_LINKS = frozenset({"de", "von", "van", "der", "la", "le"})  # inside a name: ``de Gaulle``


class Interpolation(NamedTuple):
    """The cue (the bracket and its contents), where it is, and the name it gives (None for a
    pronoun: the voice of the passage so far)."""

    cue: str
    start: int
    end: int
    name: str | None


def _name(words: list[str]) -> str | None:
    """The words as a name (each capitalised or a linking particle), or None."""
    if not words or not _NAME_WORD.fullmatch(words[-1]):
        return None
    if all(_NAME_WORD.fullmatch(w) or w in _LINKS for w in words):
        return " ".join(words)
    return None


def _reading(inside: str) -> str | None:
    """The name a bracket's contents give as a cue, ``""`` for a pronoun, None when not a cue."""
    words = inside.replace(",", " ").split()
    if len(words) < 2:
        return None
    if is_cue_verb(words[0]) and words[0].islower():
        return _name(words[1:])
    if is_cue_verb(words[-1]) and words[-1].islower():
        if len(words) == 2 and words[0].lower() in _PRONOUNS:
            return ""
        return _name(words[:-1])
    return None


def interpolated_cues(text: str) -> list[Interpolation]:
    """Every bracketed cue of a paragraph, in order."""
    found = []
    for m in _BRACKET.finditer(text):
        name = _reading(m.group(1))
        if name is not None:
            found.append(Interpolation(m.group(), m.start(), m.end(), name or None))
    return found
