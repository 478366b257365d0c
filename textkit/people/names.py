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

from textkit.text.lexicon import FUNCTION_WORDS, INSTITUTIONS, TITLES, is_cue_verb
from textkit.text.words import Word, words

_MEMBERS = re.compile(r"(?:iks|ists|ites|ans|ers)$")
_POSSESSIVE = re.compile(r"[’']s$")
_ASIDE_THEN_VERB = re.compile(r",\s*[^,;:.!?]{1,30},\s*(\w+)")  # ``, for example, declared``
_SENTENCE_GAP = re.compile(r"[.!?:;…–—][\s‘’“”'\"()\]\[\d*]*$|^\s*[‘“\"'(]|\n")


def capitalised_inside_sentences(paragraphs: Iterable[str]) -> frozenset[str]:
    """Words that occur capitalised after another word: evidence that they are proper names."""
    known = set()
    for text in paragraphs:
        toks = words(text)
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
    tok: Word, sentence_initial: bool, known: frozenset[str], text: str, nxt: Word | None
) -> bool:
    if tok.initial:
        return True
    if not tok.capitalised or tok.lower in FUNCTION_WORDS or tok.bare in TITLES:
        return False
    if tok.bare.isupper() and len(tok.bare) > 1:
        return False
    return not sentence_initial or tok.bare in known or _acts_as_name(tok, text, nxt)


def _acts_as_name(tok: Word, text: str, nxt: Word | None) -> bool:
    """A sentence-initial word never seen inside a sentence is a name when it speaks (``Gramsci
    refers``, ``Merrheim, for example, declared``) or takes an appositive (``Mikoyan, a young
    delegate,``)."""
    if nxt is None or tok.lower.endswith(("ing", "ly", "ed")):
        return False
    gap = text[tok.end : nxt.start]
    if gap.strip() == "":
        return is_cue_verb(nxt.text)
    if gap.strip() != ",":
        return False
    aside = _ASIDE_THEN_VERB.match(text, tok.end)
    return nxt.lower in ("a", "an", "the") or (aside is not None and is_cue_verb(aside.group(1)))


def _ends_a_name(tok: Word) -> bool:
    """A possessive, an institution (``the Twelfth Congress Stalin’s``) or a plural of members
    (``many Old Bolsheviks Trotsky``) cannot run on into a person's name."""
    return tok.possessive or tok.lower in INSTITUTIONS or bool(_MEMBERS.search(tok.lower))


@lru_cache(maxsize=8192)
def name_chunks(text: str, known: frozenset[str]) -> tuple[Name, ...]:
    """Runs of name words (initials and titles included, titles then stripped) in a stretch of text."""
    toks = words(text)
    chunks: list[Name] = []
    run: list[Word] = []

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
        joined = bool(run) and (gap == "" or (len(gap) == 1 and gap.isspace())) and not _ends_a_name(run[-1])
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
