"""The entity stage: every capitalised name of a document typed ``person``, ``body`` or ``other``.

Typing weighs the evidence of the whole document, from general rules of English and of the genre,
never from a list of people. For a person: a title (``Comrade``), initials or a first name, being the
subject of a verb of speech or thought, ``, who``, a possessive with a human noun (``Lenin’s
wife``), pronoun agreement, an alias's target. Against: coming after ``in``/``at``/``near``, taking
``the``, a place or institution noun (``the Vyborg district``, ``Nevskii Prospect``), a plural of the
same word (``Cadet``/``Cadets``), a lowercase use of the same word (``Revolution``/``revolution``), a
nationality or ideology suffix (``Russian``, ``Bolshevism``, ``Menshevik``), a heading's capitals. A
name of an institution (committee, congress, soviet, newspaper) that speaks is a ``body``; one that
never speaks is ``other``. Each verdict keeps the evidence that decided it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from textkit.corpus.model import HEADING, RUNNING_TEXT, Document
from textkit.people.names import Name, canonical, capitalised_inside_sentences, name_chunks
from textkit.text.lexicon import BEFORE_VERB, INSTITUTIONS, SPEECH_NOUNS, TITLES, is_cue_verb, place_names
from textkit.text.quotemarks import narration

PERSON, BODY, OTHER = "person", "body", "other"
TYPES = (PERSON, BODY, OTHER)
THOUGHT_VERBS = frozenset(
    """thought thinks believed believes felt feels hoped hopes feared fears knew knows wanted wants
    decided decides understood realised realized considered regarded insisted agreed disagreed refused
    proposed suggested demanded opposed supported admitted remembered recalled wondered doubted
    expected intended tried sought""".split()
)
AUXILIARIES = frozenset(
    "had has have would will could should must did does also then later once again been".split()
)
HUMAN_NOUNS = frozenset(
    """wife husband son daughter brother sister father mother friend friends comrade comrades colleague
    colleagues secretary biographer biography autobiography memoirs memoir diary life death arrest
    exile supporters followers opponents enemies admirers disciple disciples mind thoughts feelings
    personality character health illness temper will testament advice pen own hands""".split()
) | (SPEECH_NOUNS - {"report", "resolution", "declaration", "decree", "order", "programme"})
PLACE_NOUNS = frozenset(
    """street prospect square palace cathedral bridge river island district region province front
    guard guards regiment factory works plant station canal embankment avenue road quarter gate
    fortress hotel hall theatre church monastery prison barracks mountains sea ocean bay lake valley
    county city town village port capital bloc faction league""".split()
)
BODY_HEADS = frozenset(
    """committee committees congress conference soviet board embassy bureau council commission
    presidium ministry department okhrana police government assembly executive""".split()
)
LOCATIVES = frozenset(
    "in at near across throughout inside outside toward towards around via into onto within beyond".split()
)
_GROUP_SUFFIX = re.compile(r"(?:ism|isms|ist|ists|vik|viks|iks|ite|ites|ese|ans)$")
_NATIONAL = re.compile(r"(?:an|ish|ch|ese)$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z][\w’'-]*)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[^\w]*$")
_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")
_POSSESSIVE = re.compile(r"^[’']s")
_WHO = re.compile(r",?\s*who\b")
_CAPITAL = re.compile(r"[A-Z]")
_LIST_GAP = re.compile(r",\s*|\s+and\s+|,\s*and\s+|\s+or\s+")
_PRONOUN_AFTER = re.compile(r"[^.;:!?]{0,40}?\b(he|she|his|her|himself|herself)\b")
_SPACES = re.compile(r"\s+")
_PLACE_OF = re.compile(r"\bthe\s+([a-z]+)\s+of\s+$")
_LOOK = 48
STRONG, WEAK = 3, 1
UNSURE_MENTIONS = 2  # a name with no evidence either way counts as a person from this many mentions


@dataclass(frozen=True)
class Entity:
    """One name of a document, its type, the evidence for it, and how often it is named."""

    name: str
    type: str
    evidence: tuple[str, ...]
    mentions: int
    score: int = 0


@dataclass
class _Tally:
    """Evidence collected for one name across a document."""

    points: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    speaks: bool = False
    institution: bool = False

    def add(self, label: str, weight: int) -> None:
        self.points[label] += weight


def _before(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, start - _LOOK) : start])
    return m.group(1) if m else ""


def _after(text: str, end: int, skip_possessive: bool = False) -> tuple[str, str]:
    """The gap and the word right after ``end``."""
    rest = text[end : end + _LOOK]
    if skip_possessive:
        rest = _POSSESSIVE.sub("", rest)
    m = _WORD_AFTER.match(rest)
    return (rest[: m.start(1)], m.group(1)) if m else (rest, "")


def _verb_after(text: str, end: int) -> str:
    """The verb a name is the subject of, past an adverb or auxiliaries (``Engels had written``)."""
    gap, word = _after(text, end)
    for _ in range(3):
        if not (word.lower().endswith("ly") or word.lower() in BEFORE_VERB) or gap.strip():
            break
        gap2, word = _after(text, end + len(gap) + len(word))
        gap += gap2
    return word if not gap.strip() else ""


def _mention_evidence(tally: _Tally, text: str, masked: str, name: Name, kind: str) -> None:
    """What one occurrence of a name says about what it names."""
    words = name.surface.split()
    head = words[-1].lower()
    before = _before(text, name.start)
    if before in TITLES or f"{before}." in TITLES:
        tally.add("a title", STRONG)
    if any(w.endswith(".") and len(w) <= 4 for w in words[:-1]):
        tally.add("initials", STRONG)
    if kind == HEADING:
        tally.add("capitalised in a heading", -WEAK)
    low = before.lower()
    place_of = _PLACE_OF.search(text, max(0, name.start - _LOOK), name.start)
    if place_of and place_of.group(1).lower() in PLACE_NOUNS:
        tally.add(f"after 'the {place_of.group(1).lower()} of'", -STRONG)
    if low in LOCATIVES and not name.possessive:
        tally.add(f"after '{low}'", -STRONG)
    if low in ("the", "a", "an"):
        tally.add(f"after '{low}'", -STRONG)
    if head in PLACE_NOUNS or head in INSTITUTIONS or head in BODY_HEADS:
        tally.institution = True
        tally.add("an institution or place noun", -STRONG)
    gap, nxt = _after(text, name.end, name.possessive)
    if nxt and nxt[:1].islower() and not gap.strip() and not name.possessive:
        if nxt.lower() in PLACE_NOUNS or nxt.lower() in INSTITUTIONS or nxt.lower() in BODY_HEADS:
            tally.add(f"before '{nxt.lower()}'", -STRONG)
        elif _NATIONAL.search(head) and len(words) == 1:
            tally.add("an adjective before a noun", -STRONG)
    if name.possessive and nxt.lower() in HUMAN_NOUNS:
        tally.add(f"possessive with '{nxt.lower()}'", STRONG)
    if _WHO.match(text, name.end, name.end + 8):
        tally.add("', who'", STRONG)
    if masked[name.start : name.end] == text[name.start : name.end]:  # in narration, not in a quote
        verb = _verb_after(masked, name.end)
        if verb and (is_cue_verb(verb) or verb.lower() in THOUGHT_VERBS):
            tally.speaks = True
            tally.add("subject of a verb of speech or thought", STRONG)
        elif is_cue_verb(_before(masked, name.start)) and re.fullmatch(
            r"\s+", masked[name.start - 1 : name.start]
        ):
            tally.speaks = True
            tally.add("named after a verb of speech", STRONG)
    pronoun = re.match(
        r"[^.;:!?]{0,40}?\b(he|she|his|her|himself|herself)\b", masked[name.end : name.end + 60]
    )
    if pronoun and not name.possessive and not _CAPITAL.search(masked, name.end, name.end + pronoun.start(1)):
        tally.add("pronoun agreement", WEAK)


def _document_evidence(tallies: Mapping[str, _Tally], doc: Document, aliases: Mapping[str, str]) -> None:
    """Evidence that needs the whole document: plurals, lowercase uses, suffixes, aliases."""
    lowercase = set(_LOWER_WORD.findall(doc.text))
    places = place_names()
    for name, tally in tallies.items():
        head = name.split()[-1]
        if f"{head}s" in tallies or (head.endswith("s") and head[:-1] in tallies):
            tally.add("a plural of the same word", -STRONG)
        if head.lower() in lowercase:
            tally.add(f"used in lowercase ('{head.lower()}')", -STRONG)
        if _GROUP_SUFFIX.search(head.lower()):
            tally.add("a group or ideology suffix", -STRONG)
        if name in places:
            tally.add("a place name (gazetteer)", -2)
        if name in aliases.values():
            tally.add("an alias names it", STRONG)


def _type_of(tally: _Tally) -> tuple[str, int]:
    score = sum(tally.points.values())
    positive = sum(v for v in tally.points.values() if v > 0)
    if tally.institution:
        return (BODY if tally.speaks else OTHER), score
    strong = max(tally.points.values(), default=0) >= STRONG
    if score > 0 and (strong or tally.mentions >= UNSURE_MENTIONS):
        return PERSON, score
    if positive == 0 and score == 0 and tally.mentions >= UNSURE_MENTIONS:
        return PERSON, score  # named again and again with no sign of a place, group or common word
    return OTHER, score


def _listed_together(text: str, names: list[tuple[str, Name]]) -> Iterable[tuple[str, str]]:
    for (a, prev), (b, name) in pairwise(names):
        if _LIST_GAP.fullmatch(text, prev.end, name.start):
            yield a, b


def document_cast(
    doc: Document,
    aliases: Mapping[str, str],
    types: Mapping[str, str] | None = None,
    known: frozenset[str] | None = None,
) -> dict[str, Entity]:
    """Every capitalised name of the running text, typed; ``types`` (from the aliases file) wins.
    ``known`` (the words seen capitalised inside sentences) may be passed when already at hand."""
    if known is None:
        known = capitalised_inside_sentences(p.text for p in doc.paragraphs)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    pairs: list[tuple[str, str]] = []
    for p in doc.paragraphs:
        if p.kind not in RUNNING_TEXT:
            continue
        masked = narration(p.text)
        found = []
        for name in name_chunks(p.text, known):
            key = entity_name(name, aliases)
            tally = tallies[key]
            tally.mentions += 1
            _mention_evidence(tally, p.text, masked, name, p.kind)
            found.append((key, name))
        pairs.extend(_listed_together(p.text, found))
    _document_evidence(tallies, doc, aliases)
    cast = {}
    for name, tally in tallies.items():
        kind, score = _type_of(tally)
        evidence = tuple(f"{label} ({weight:+d})" for label, weight in tally.points.most_common())
        cast[name] = Entity(name, kind, evidence or ("no evidence either way",), tally.mentions, score)
    _spread_over_lists(cast, pairs)
    for name, kind in (types or {}).items():
        if name in cast and kind in TYPES:
            cast[name] = Entity(
                name, kind, ("the aliases file says so", *cast[name].evidence), cast[name].mentions
            )
    return cast


def _lists(pairs: list[tuple[str, str]]) -> list[set[str]]:
    """The lists the pairs of neighbours chain into (``Poland, Galicia, Armenia and Persia``)."""
    lists: list[set[str]] = []
    for a, b in pairs:
        joined = [group for group in lists if a in group or b in group]
        merged = set().union(*joined, {a, b})
        lists = [group for group in lists if group not in joined] + [merged]
    return lists


def _spread_over_lists(cast: dict[str, Entity], pairs: list[tuple[str, str]]) -> None:
    """Names listed together are of one kind: an unsure name takes the kind of a sure neighbour; and
    in a list of three or more where some names are places or other things (each with evidence) and
    none has any evidence of a person, the names with no evidence either way are of their kind."""
    for group in _lists(pairs):
        against = sorted(n for n in group if cast[n].type == OTHER and cast[n].score < 0)
        if len(group) < 3 or not against or any(cast[n].score > 0 for n in group):
            continue
        because = f"listed with {', '.join(against)}"
        for name in group:
            e = cast[name]
            if e.score == 0 and e.type != OTHER:
                cast[name] = Entity(name, OTHER, (because, *e.evidence), e.mentions)
    for a, b in pairs:
        for sure, unsure in ((a, b), (b, a)):
            if (
                abs(cast[sure].score) >= STRONG
                and cast[unsure].score == 0
                and cast[sure].type != cast[unsure].type
            ):
                e = cast[unsure]
                cast[unsure] = Entity(
                    e.name, cast[sure].type, (f"listed with {sure}", *e.evidence), e.mentions
                )


def speaking_types(cast: Mapping[str, Entity]) -> dict[str, str]:
    """What attribution needs: bodies, and the names with evidence against them (an unsure name,
    mentioned once with nothing to go on, may still be a speaker)."""
    return {n: e.type for n, e in cast.items() if e.type == BODY or (e.type == OTHER and e.score < 0)}


def names_a_place_or_institution(name: Name) -> bool:
    """``Nevskii Prospect``, ``Provisional Government``: a name ending in a place or institution noun."""
    words = name.surface.split()
    return len(words) > 1 and words[-1].lower() in PLACE_NOUNS | INSTITUTIONS | BODY_HEADS


def entity_name(name: Name, aliases: Mapping[str, str]) -> str:
    """A person is known by the surname (or alias); a place or institution by its whole name."""
    return name.surface if names_a_place_or_institution(name) else canonical(name.surface, aliases)
