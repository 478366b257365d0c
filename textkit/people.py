"""People named in a corpus, merged by surname and by the corpus's aliases file.

(Engine under construction: the record and entry point are final.)
"""

from __future__ import annotations

from dataclasses import dataclass

from textkit.model import Corpus


@dataclass(frozen=True)
class Mention:
    """One place a person is named (possessives included, pronouns not)."""

    person: str  # canonical name, e.g. the surname
    surface: str  # the text as written: "Adolf Ioffe", "Stalin’s", "Vladimir Ilyich"
    doc: str
    paragraph: int
    start: int
    end: int


def find_mentions(corpus: Corpus) -> list[Mention]:
    """Every mention of every person, in document order."""
    return []


def canonical_name(corpus: Corpus, name: str) -> str | None:
    """The canonical person for a user-typed name (case-insensitive, alias-aware), or None."""
    return None
