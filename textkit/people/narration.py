"""Who narration is about: candidates (names, pronouns, bodies), clause subjects and salience.

The subject of a clause is found from word order alone: the first name or pronoun that opens a
clause and is not the object of a preposition. Rules read the narrator's words with quotations
masked (``text.quotemarks.mask``), so names inside quotations never pose as subjects.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from textkit.people.cast import BODY, OTHER, names_a_place_or_institution
from textkit.people.names import canonical, name_chunks
from textkit.text.lexicon import (
    BODY_NOUNS,
    CLAUSE_OPENERS,
    DETERMINERS,
    FIRST_PERSON,
    PREPOSITIONS,
    THIRD_PERSON,
)
from textkit.text.words import words

NO_TYPES: Mapping[str, str] = {}
_LAST_WORD = re.compile(r"([^\W_]+)([^\w]*)$")
_CLAUSE_BREAK = re.compile(r"[,;:(–—]")
_POSSESSIVE_BEFORE = re.compile(r"[’']s\s*$")
_NO_WORDS = re.compile(r"\W*")
_NOUN_THEN_COMMA = re.compile(r"\s+[a-z]+(?:\s[a-z]+)?,\s*")
_COMMA_AFTER = re.compile(r"\s*,")
_LOOK_BACK = 64  # characters read back for the word before a candidate


@dataclass(frozen=True)
class Candidate:
    """Someone a clause may be about: a name, a pronoun or a body (``the congress``)."""

    kind: str  # name | pronoun | body
    value: str  # canonical name, lower-case pronoun, or body noun
    start: int
    end: int
    possessive: bool = False


def candidates(
    text: str, known: frozenset[str], aliases: Mapping[str, str], types: Mapping[str, str] = NO_TYPES
) -> list[Candidate]:
    """Names, personal pronouns and ``the <body>`` noun phrases, in order. A name the entity stage
    typed ``other`` (a place, a nation, a party that never speaks) is no candidate at all."""
    found = [
        Candidate("name", name, n.start, n.end + 2 * n.possessive, n.possessive)
        for n in name_chunks(text, known)
        if n.key.lower() not in BODY_NOUNS  # the Central Committee is a body, found below
        and not names_a_place_or_institution(n)  # ``Nevskii Prospect`` never speaks
        and types.get(name := canonical(n.surface, aliases)) != OTHER
    ]
    toks = words(text)
    for i, tok in enumerate(toks):
        low = tok.lower
        if low in THIRD_PERSON or low in FIRST_PERSON:
            found.append(Candidate("pronoun", low, tok.start, tok.end, low in {"his", "her", "my"}))
        elif low in BODY_NOUNS:
            det = next((j for j in range(i - 1, max(-1, i - 4), -1) if toks[j].lower == "the"), None)
            if det is not None and all(t.lower not in PREPOSITIONS for t in toks[det + 1 : i]):
                found.append(Candidate("body", low, toks[det].start, tok.end, tok.possessive))
    return sorted(found, key=lambda c: c.start)


def _previous_word(text: str, pos: int) -> tuple[str, str]:
    """The word before ``pos`` (lower-case) and the punctuation between them."""
    before = text[max(0, pos - _LOOK_BACK) : pos]
    m = _LAST_WORD.search(before)
    if not m:
        return "", before
    return m.group(1).lower(), m.group(2)


def _opens_clause(text: str, cand: Candidate) -> bool:
    word, gap = _previous_word(text, cand.start)
    return not word or bool(_CLAUSE_BREAK.search(gap)) or word in CLAUSE_OPENERS or word.isdigit()


def _governed(text: str, cand: Candidate) -> bool:
    word, gap = _previous_word(text, cand.start)
    if _CLAUSE_BREAK.search(gap):
        return False
    if _POSSESSIVE_BEFORE.search(text, max(0, cand.start - _LOOK_BACK), cand.start):
        return True
    return word in PREPOSITIONS or word in DETERMINERS or word.endswith("ing")


def _in_apposition(text: str, cand: Candidate, cands: list[Candidate]) -> Candidate | None:
    """``His secretary, Fotieva, wrote``: the name set beside a possessive's noun is the subject."""
    if not cand.possessive:
        return None
    m = _NOUN_THEN_COMMA.match(text, cand.end)
    name = next((c for c in cands if m and c.start == m.end() and c.kind == "name"), None)
    if name is None or not _COMMA_AFTER.match(text, name.end):
        return None
    return name


def find_subject(
    text: str,
    known: frozenset[str],
    aliases: Mapping[str, str],
    before: int | None = None,
    types: Mapping[str, str] = NO_TYPES,
) -> Candidate | None:
    """The clause's subject by word order: the first name or pronoun not governed by a preposition,
    a determiner or a participle (a possessive or a body only where a clause opens), else a name after
    a final copula (``Similar … was Rakovsky’s.``).

    ``before`` limits the search to the words before that offset (a cue verb's position)."""
    limit = len(text) if before is None else before
    every = [c for c in candidates(text, known, aliases) if c.value not in {"him", "me", "her"}]
    every = [c for c in every if c.start < limit]
    cands = [c for c in every if c.kind != "name" or types.get(c.value) != OTHER]
    governed_before = False
    for cand in every:
        word, gap = _previous_word(text, cand.start)
        coordinated = word in ("and", "or") and not _CLAUSE_BREAK.search(gap)
        governed = _governed(text, cand) or (coordinated and governed_before)
        governed_before = governed  # a place governed by ``to`` governs the name coordinated with it
        if governed or (cand.kind == "name" and types.get(cand.value) == OTHER):
            continue
        if (cand.possessive or cand.kind == "body") and not _opens_clause(text, cand):
            continue
        return _in_apposition(text, cand, cands) or cand
    for cand in cands:
        word, _ = _previous_word(text, cand.start)
        if cand.kind == "name" and word in ("was", "were", "is") and _NO_WORDS.fullmatch(text, cand.end):
            return cand
    return None


class Salience:
    """Who the narration is about: the latest third-person subject, else the latest name."""

    def __init__(self, first_person: str | None = None, types: Mapping[str, str] = NO_TYPES) -> None:
        self.subject: str | None = None
        self.last_named: str | None = None
        self.first_person = first_person
        self.types = types

    def resolve(self, cand: Candidate | None) -> str | None:
        if cand is None:
            return None
        if cand.kind != "pronoun":
            return cand.value
        if cand.value in FIRST_PERSON:
            return self.first_person
        return self.subject or self.last_named

    def observe(self, sentence: str, known: frozenset[str], aliases: Mapping[str, str]) -> str | None:
        """Read one narration sentence; return the person it makes salient, if any."""
        subject = find_subject(sentence, known, aliases, types=self.types)
        person = None
        first_person = subject is not None and subject.kind == "pronoun" and subject.value in FIRST_PERSON
        if subject is not None and subject.kind != "body" and not first_person:
            person = self.resolve(subject)
        if person and self.types.get(person) == BODY:  # pronouns resolve to persons only
            person = None
        names = [
            c
            for c in candidates(sentence, known, aliases, self.types)
            if c.kind == "name" and self.types.get(c.value) != BODY
        ]
        if names:
            self.last_named = names[-1].value
        plain = [c.value for c in names if not c.possessive]
        if person is None and subject is None and plain:
            # ``… was the position of Pavel Axelrod. In 1914 he wrote``; ``… than Plekhanov’s was
            # taken by Potresov. He …``: with no subject, the last name not a possessive.
            self.subject = plain[-1]
        if person:
            self.subject = person
        return person
