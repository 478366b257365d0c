"""Names, pronouns and bodies in narration: the candidates a quotation can be attributed to.

No list of people: a capitalised word is a name when it is not a function word and, if it opens a
sentence, the same word also occurs capitalised inside a sentence somewhere in the document.
Titles (``Comrade``) and initials (``A. Solts``) are stripped; a person is known by the last word of
the name (``Adolf Ioffe`` = ``Ioffe``) unless the corpus's aliases file says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from textkit.cues import is_cue_verb

TITLES = frozenset(
    "Comrade Comrades Mr Mrs Ms Dr Mr. Mrs. Dr. General Professor President Citizen Tsar Tsarina "
    "Sir Lord Lady Saint St St. Father Madame Monsieur Herr Frau Prince Count Colonel Captain".split()
)
FUNCTION_WORDS = frozenset(
    """a an the and or but nor yet so for if then than as at by in on of off to up with without within
    into onto from over under after before since until while when whenever where wherever why how what
    which who whom whose that this these those there here it its it’s is was were be been being are am
    do does did done had has have having not no yes all any both each every either neither few many
    more most much some such other another own same only also even just still again already always
    never often once twice thus hence however therefore moreover nevertheless nonetheless indeed
    instead meanwhile otherwise finally firstly secondly lastly above below among between against
    around through throughout during despite although though because unless whether let us we you
    he she they i me my mine our ours your yours his her hers their theirs him them one ones
    mr mrs dr chapter part book volume page section note notes introduction conclusion
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)
THIRD_PERSON = frozenset({"he", "his", "him", "she", "her"})
FIRST_PERSON = frozenset({"i", "me", "my"})
BODY_NOUNS = frozenset(
    """congress conference committee politburo orgburo secretariat government party soviet commission
    plenum presidium council bureau executive assembly convention parliament court resolution
    declaration decree manifesto programme program newspaper paper journal editorial report
    delegation opposition""".split()
)
INSTITUTIONS = frozenset(
    """congress conference committee party revolution opposition union council army commission bureau
    republic government international federation policy plenum soviet assembly""".split()
)
_MEMBERS = re.compile(r"(?:iks|ists|ites|ans|ers)$")
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]\.(?=\s?[A-Z])|[^\W\d_][\w]*(?:[-‐][^\W\d_][\w]*)*(?:[’']s\b)?")
_POSSESSIVE = re.compile(r"[’']s$")


class Token(NamedTuple):
    """A word of narration with its offsets and the forms the rules compare (computed once)."""

    text: str
    start: int
    end: int
    bare: str  # without a trailing ’s
    lower: str
    possessive: bool
    capitalised: bool
    initial: bool


def _token(m: re.Match[str]) -> Token:
    text = m.group()
    possessive = text.endswith(("’s", "'s"))
    bare = text[:-2] if possessive else text
    return Token(
        text, m.start(), m.end(), bare, bare.lower(), possessive, text[:1].isupper(), text.endswith(".")
    )


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """Words with offsets; cached because attribution reads the same sentence several times."""
    return tuple(_token(m) for m in _WORD.finditer(text))


_SENTENCE_GAP = re.compile(r"[.!?:;…–—][\s‘’“”'\"()\]\[\d*]*$|^\s*[‘“\"'(]|\n")


def capitalised_inside_sentences(paragraphs: Iterable[str]) -> frozenset[str]:
    """Words that occur capitalised after another word: evidence that they are proper names."""
    known = set()
    for text in paragraphs:
        toks = tokens(text)
        for prev, tok in pairwise(toks):
            if tok.capitalised and not tok.initial and not _SENTENCE_GAP.search(text[prev.end : tok.start]):
                known.add(tok.bare)
    return frozenset(known)


@dataclass(frozen=True)
class Name:
    """A name chunk: ``surface`` as written (title stripped), ``key`` the word that identifies it."""

    surface: str
    start: int
    end: int
    possessive: bool

    @property
    def key(self) -> str:
        return self.surface.split()[-1].rstrip(".")


def _is_name_word(
    tok: Token, sentence_initial: bool, known: frozenset[str], text: str, nxt: Token | None
) -> bool:
    if tok.initial:
        return True
    if not tok.capitalised or tok.lower in FUNCTION_WORDS or tok.bare in TITLES:
        return False
    if tok.bare.isupper() and len(tok.bare) > 1:
        return False
    return not sentence_initial or tok.bare in known or _acts_as_name(tok, text, nxt)


def _acts_as_name(tok: Token, text: str, nxt: Token | None) -> bool:
    """A sentence-initial word never seen inside a sentence is a name when it speaks (``Gramsci
    refers``) or takes an appositive (``Mikoyan, a young delegate,``)."""
    if nxt is None or tok.lower.endswith(("ing", "ly", "ed")):
        return False
    gap = text[tok.end : nxt.start]
    if gap.strip() == "":
        return is_cue_verb(nxt.text)
    return gap.strip() == "," and nxt.lower in ("a", "an", "the")


def _ends_a_name(tok: Token) -> bool:
    """A possessive, an institution (``the Twelfth Congress Stalin’s``) or a plural of members
    (``many Old Bolsheviks Trotsky``) cannot run on into a person's name."""
    return tok.possessive or tok.lower in INSTITUTIONS or bool(_MEMBERS.search(tok.lower))


@lru_cache(maxsize=8192)
def name_chunks(text: str, known: frozenset[str]) -> tuple[Name, ...]:
    """Runs of name words (initials and titles included, titles then stripped) in a stretch of text."""
    toks = tokens(text)
    chunks: list[Name] = []
    run: list[Token] = []

    def flush() -> None:
        while run and run[0].initial and len(run) == 1:
            run.pop()
        if run and not run[-1].initial:
            end = run[-1].start + len(run[-1].bare)
            chunks.append(Name(text[run[0].start : end], run[0].start, end, run[-1].possessive))
        run.clear()

    for i, tok in enumerate(toks):
        gap = text[toks[i - 1].end : tok.start] if i else text[: tok.start]
        initial_pos = i == 0 or bool(_SENTENCE_GAP.search(gap))
        joined = bool(run) and re.fullmatch(r"\s?", gap) is not None and not _ends_a_name(run[-1])
        if tok.bare in TITLES and tok.capitalised:
            flush()
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _is_name_word(tok, initial_pos, known, text, nxt):
            if not joined:
                flush()
            run.append(tok)
        else:
            flush()
    flush()
    return tuple(chunks)


def canonical(surface: str, aliases: Mapping[str, str]) -> str:
    """The person a name refers to: an alias for the full name or its last word, else that last word."""
    if surface in aliases:
        return aliases[surface]
    last = surface.split()[-1]
    return aliases.get(last, last.rstrip("."))
