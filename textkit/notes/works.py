"""When two citations name one work: normalised authors and titles, and the rules that join them.

A work is an author (or editor) and a title. Two spellings are one work when the authors' surnames
agree and the titles are the same once case, accents, punctuation and a leading article are set
aside; when one title is the other without an edition word (``Works`` and ``Collected Works``);
when one is the other's main title before its subtitle; or, for one named author, when the titles
are nearly letter for letter alike (rapidfuzz) and carry the same numbers. Every rule says why it
joined, so ``sources --explain`` can show it. Titles that merely share words never join: two works
of one author (``Stalin``, ``The Stalin School of Falsification``) stay apart; one-letter
differences in titles without an author are flagged, not merged (``Deviatyi`` is not ``Desiatyi``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_INITIAL = re.compile(r"^(?:[A-Za-z][a-z]?\.)+$|^[A-Z]$")
_ET_AL = re.compile(r",?\s*(?:et\.?\s+al\.?|and\s+others)$")
_AND = re.compile(r"\s+(?:and|&)\s+")
_HONORIFICS = frozenset(
    {"general", "colonel", "captain", "admiral", "count", "countess", "prince", "princess", "sir", "lord",
     "lady", "dr", "professor", "prof", "mr", "mrs", "st"}
)  # fmt: skip
_PARTICLES = frozenset({"de", "von", "van", "der", "den", "la", "le", "du", "di", "da", "del", "ter", "ten"})
_ARTICLES = frozenset({"the", "a", "an", "le", "la", "les", "l", "der", "die", "das", "el", "il"})
_EDITION_WORDS = frozenset({"collected", "complete"})
# One word that can stand for a longer title as its short title: never a name or a subject.
GENRE_WORDS = frozenset(
    {"memoirs", "diary", "diaries", "writings", "speeches", "letters", "correspondence", "autobiography",
     "reminiscences", "recollections", "history", "works", "papers", "documents", "notes", "report",
     "reports", "journal", "journals"}
)  # fmt: skip
_SUBTITLE = re.compile(r"\s*(?::|\s[–—-]\s|\.\s)\s*")
_DIGITS = re.compile(r"\d+")
_APOSTROPHES = re.compile(r"['’‘`]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_CACHE = 65536  # spellings seen in a large folder: each is normalised once
FUZZY_TITLE = 90  # rapidfuzz ratio over normalised titles
FUZZY_AUTHOR = 88
_FUZZY_MIN_CHARS = 10


@lru_cache(maxsize=_CACHE)
def fold(text: str) -> str:
    """Lower case, accents dropped, anything but letters and digits a single space."""
    text = _APOSTROPHES.sub("", text)  # d’un, d'un and dun agree
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(_NOT_ALNUM.sub(" ", ascii_text.casefold()).split())


@dataclass(frozen=True)
class Name:
    """A personal name split for a bibliography: ``E.H. Carr`` is given ``E.H.``, family ``Carr``."""

    family: str
    given: str | None = None


@lru_cache(maxsize=_CACHE)
def split_names(names: str | None) -> tuple[tuple[Name, ...], bool]:
    """Each person of ``K. Marx and F. Engels``; the flag says an ``et al.`` stood for more."""
    if not names:
        return (), False
    others = bool(_ET_AL.search(names))
    found = []
    for part in _AND.split(_ET_AL.sub("", names).strip()):
        words = part.replace(".", ". ").split()
        words = [w for w in words if w.strip(".").casefold() not in _HONORIFICS] or words
        start = len(words) - 1
        while start > 0 and words[start - 1].casefold() in _PARTICLES:
            start -= 1
        given = words[:start]
        joiner = "" if all(_INITIAL.match(w) for w in given) else " "
        if words:
            found.append(Name(" ".join(words[start:]), joiner.join(given) or None))
    return tuple(found), others


@lru_cache(maxsize=_CACHE)
def author_key(author: str | None) -> str | None:
    """Authors match on surnames: ``A. Soboul`` and ``Soboul`` are one author; ``Gankin and
    Fisher`` is ``fisher gankin`` in whichever order."""
    if not author:
        return None
    names, _ = split_names(author)
    surnames = sorted(fold(n.family.split()[-1]) for n in names if n.family.split())
    return " ".join(s for s in surnames if s) or fold(author) or None


@lru_cache(maxsize=_CACHE)
def title_key(title: str | None) -> str:
    """``The History of the Russian Revolution`` and ``History of the Russian revolution`` agree."""
    words = fold(title or "").split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@lru_cache(maxsize=_CACHE)
def _edition_key(title: str) -> str:
    words = [w for w in title_key(title).split() if w not in _EDITION_WORDS]
    return " ".join(words)


@lru_cache(maxsize=_CACHE)
def main_title(title: str | None) -> str:
    """The title before its subtitle: ``Left-Wing Communism`` of ``Left-Wing Communism: An
    Infantile Disorder``; the whole title when it has none."""
    parts = _SUBTITLE.split(title or "", maxsplit=1)
    return title_key(parts[0])


@lru_cache(maxsize=_CACHE)
def _numbers(key: str) -> tuple[str, ...]:
    return tuple(_DIGITS.findall(key))


def same_title(short: str, full: str, declared: str | None = None) -> str | None:
    """Why ``short`` names the work titled ``full`` (None when it does not): the same title, the
    declared ``hereafter`` title, or the main title of a subtitled one."""
    a, b = title_key(short), title_key(full)
    if not a or not b:
        return None
    if a == b:
        return "the same title"
    if declared and a == title_key(declared):
        return f"‘{short}’ is the short title declared for it (hereafter)"
    if _numbers(a) != _numbers(b):
        return None
    if _edition_key(short) == _edition_key(full) and _edition_key(short):
        return "the same title once ‘collected’ or ‘complete’ is set aside"
    if (main_title(short) == b or main_title(full) == a) and _SUBTITLE.search(short + " " + full):
        return "one is the other’s main title, without its subtitle"
    return None


def short_title_of(short: str, full: str) -> bool:
    """``Memoirs`` or ``Stalin School`` as the short title of ``Memoirs of a Long Life``, ``The Stalin
    School of Falsification``: the first words of the title, two at least unless the one word is a
    genre word (``Stalin`` alone never stands for ``The Stalin School…``)."""
    a, b = title_key(short), title_key(full)
    words = a.split()
    if not words or not b.startswith(a + " ") or _numbers(a) != _numbers(b)[: len(_numbers(a))]:
        return False
    return len(words) >= 2 or words[0] in GENRE_WORDS


@lru_cache(maxsize=1)
def _fuzz() -> Any:
    """rapidfuzz, imported the first time two spellings are compared."""
    from rapidfuzz import fuzz

    return fuzz


def _ratio(a: str, b: str) -> float:
    return float(_fuzz().ratio(a, b))


def same_author(a: str | None, b: str | None) -> str | None:
    """Why two author strings name the same people (None when they do not)."""
    ka, kb = author_key(a), author_key(b)
    if ka == kb:
        return "the same author" if ka else "no author"
    return f"the author spelled ‘{a}’ and ‘{b}’" if similar_author_keys(ka, kb) else None


def similar_author_keys(ka: str | None, kb: str | None) -> bool:
    """Surnames alike letter for letter, one by one: ``shliapnikov`` and ``shlyapnikov``."""
    if not ka or not kb or len(ka.split()) != len(kb.split()):
        return False
    pairs = zip(ka.split(), kb.split(), strict=True)
    return all(x == y or (min(len(x), len(y)) >= 5 and _ratio(x, y) >= FUZZY_AUTHOR) for x, y in pairs)


def same_work(author_a: str | None, title_a: str, author_b: str | None, title_b: str) -> str | None:
    """Why two citations name one work, or None. Authors must agree; titles by ``same_title``, or,
    for a named author, nearly letter for letter (a spelling or transcription variant)."""
    authors = same_author(author_a, author_b)
    if authors is None:
        return None
    titles = same_title(title_a, title_b) or same_title(title_b, title_a)
    if titles is None and author_key(author_a):
        a, b = title_key(title_a).replace(" ", ""), title_key(title_b).replace(" ", "")
        if min(len(a), len(b)) >= _FUZZY_MIN_CHARS and _numbers(a) == _numbers(b):
            score = _ratio(a, b)
            if score >= FUZZY_TITLE:
                titles = f"titles {score:.0f}% alike"
    if titles is None:
        return None
    return titles if authors in ("the same author", "no author") else f"{titles}; {authors}"


def possibly_same(title_a: str, title_b: str) -> bool:
    """Worth a flag, not a merge: one letter apart, or one title the start of the other."""
    from rapidfuzz.distance import Levenshtein

    a, b = title_key(title_a), title_key(title_b)
    if a == b or min(len(a), len(b)) < 8:
        return False
    return Levenshtein.distance(a, b) == 1 or (b.startswith(a + " ") or a.startswith(b + " "))
