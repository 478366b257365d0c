"""Which body paragraphs are block quotations: quoted matter set off as a paragraph of its own.

The transcriptions drop the indentation that marks a block in print, so the evidence is textual:
a lead-in ending with ':', quoted matter that continues (an opening ellipsis, first person, a
paragraph closed by a footnote marker), speech announced at the end of the previous paragraph,
quoted matter that shows itself (an editor's bracket, elisions), a letter's salutation, and tense:
the narration of a history is told in the past, the analyses it quotes often in the present.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from textkit.text.interpolation import interpolated_cues
from textkit.text.lexicon import FUNCTION_WORDS, PAST_AUXILIARY, PRESENT_AUXILIARY, THIRD_PERSON, is_cue_verb
from textkit.text.markers import ends_with_marker
from textkit.text.quotemarks import narration
from textkit.text.sentences import last_sentence, sentence_starts
from textkit.text.words import words

_ELLIPSIS = r"\.\s?\.\s?\.|…"  # three dots, spaced or not, or the one character
_OPENING_ELLIPSIS = re.compile(rf"^\s*(?:{_ELLIPSIS})")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_ANNOUNCING_SENTENCES = 2  # a paragraph that announces a document is short
MAX_RUN = 6  # paragraphs a block run may go on before its closing marker
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
# A quotation mark opening quoted words (``\s'`` rather than a look-behind, so that the search
# skips ahead by its first character; ``match`` at a paragraph's start sees only the first branch).
_INLINE_QUOTE = re.compile(r"[‘“\"](?=\w|\.\.\.|…)|\s'(?=\w)")
_OPENING_BRACKET = re.compile(
    r"\[(?:[A-Z]|[A-Z][a-z]+(?: [a-z]+){0,3})\]\s?[a-z]"
)  # [W]hen, [The revolution] drew
_ENDS_ELIDED = re.compile(rf"(?:{_ELLIPSIS})\s*$")
_DOTS = re.compile(_ELLIPSIS)  # searched by its first character: fast
_SALUTATION = re.compile(r"(?:My\s+)?[Dd]ear\s[^.!?:;]{1,60}[:,!]$")
_CUE_REACH = 40  # characters before a comma that may hold ``he claimed``
_CUE_BEFORE_COMMA = re.compile(r"(\b(?:he|she)|[A-Z][\w’'-]+)\s+([a-z]+)$")
_OPEN_AFTER_COMMA = re.compile(r"\s+(?![‘“\"'])")  # the sentence goes on, not a quotation
_CUE_AFTER_COMMA = re.compile(r"\s+([a-z]+)\s+(he|she|[A-Z][\w’'-]+),")
_QUOTED_SPAN = re.compile(r"‘[^’]*’|“[^”]*”|\"[^\"]*\"")


def is_salutation(text: str) -> bool:
    """``Dear Comrades:``, ``My dear friend,``: a letter's opening line on its own."""
    return bool(_SALUTATION.match(text))


def is_lead_in(text: str) -> bool:
    """A paragraph ending with a colon announces the quotation that follows."""
    return text.rstrip().endswith(":")


def _outside_quotes(text: str) -> str:
    return _QUOTED_SPAN.sub(" ", text)


def _voice_of_quoted_matter(text: str) -> bool:
    """First or second person, a question or an opening ellipsis: a speaker's voice, not narration."""
    plain = _outside_quotes(text)
    return bool(
        _OPENING_ELLIPSIS.match(text)
        or _FIRST_PERSON.search(plain)
        or _SECOND_PERSON.search(plain)
        or "?" in plain
    )


def _continues_block(text: str, previous: str, closed: bool) -> bool:
    """Does a paragraph right after an unclosed block carry on the same quoted matter? A block that
    breaks off with an elision (``…``) was cut by the quoter, who goes on quoting."""
    if is_lead_in(text):
        return False
    if _ENDS_ELIDED.search(previous) and not _INLINE_QUOTE.match(text):
        return True
    if _OPENING_ELLIPSIS.match(text) or text[:1].islower():
        return True
    if closed and not _INLINE_QUOTE.search(text):
        return True
    return bool(_FIRST_PERSON.search(_outside_quotes(text))) or _goes_on_in_the_present(text, previous)


def _told_in_present(text: str) -> bool:
    """A present auxiliary outside the paragraph's own quotations and no past one (the narration of
    a history is told in the past, the analyses it quotes often in the present). A simple past
    (``The debate ended``) shows no auxiliary, so the present must show itself."""
    rough = _outside_quotes(text)  # all the narration and maybe some quoted words: a cheap first test
    if PAST_AUXILIARY.search(rough) or not PRESENT_AUXILIARY.search(rough):
        return False
    plain = narration(text)
    return bool(PRESENT_AUXILIARY.search(plain)) and not PAST_AUXILIARY.search(plain)


def _goes_on_in_the_present(text: str, previous: str) -> bool:
    """A block told in the present, with no marker to close it, goes on while the present lasts
    (``The fraction is in a state of breakdown`` after ``the work of the bloc takes place almost
    entirely …``)."""
    if _INLINE_QUOTE.match(text) or not _told_in_present(text):
        return False
    return not PAST_AUXILIARY.search(narration(previous))


def _present_closed_by_marker(text: str, closed: bool) -> bool:
    """A paragraph told in the present and closed by a footnote marker: the narration cites a note
    at a paragraph's end for what it quotes."""
    return closed and _told_in_present(text)


def _letter_goes_on(paras: _Paragraphs, flags: list[bool], i: int) -> bool:
    """A letter quoted as a block: its address lines (``Copy to …``) run to its salutation, and the
    salutation belongs to it."""
    if not flags[i - 1] or paras.closed[i - 1]:
        return False
    if is_salutation(paras.texts[i]):
        return True
    return i + 1 < len(paras.texts) and paras.eligible[i + 1] and is_salutation(paras.texts[i + 1])


def _narrator_interrupts(text: str) -> bool:
    """A cue set into the sentence it reports (``Others, he claimed, held back``, ``… cannon fodder,
    wrote Trotsky, would mean …``): the narrator speaking about a quotation, not quoted matter. Read
    at each comma of the narration, so the patterns never scan the whole paragraph."""
    if "," not in text:
        return False
    told = narration(text)
    at = told.find(",")
    while at >= 0:
        before = _CUE_BEFORE_COMMA.search(told, max(0, at - _CUE_REACH), at)
        if before and _OPEN_AFTER_COMMA.match(told, at + 1) and _set_in(*before.groups()):
            return True
        after = _CUE_AFTER_COMMA.match(told, at + 1)
        if after and _set_in(after.group(2), after.group(1)):
            return True
        at = told.find(",", at + 1)
    return False


def _set_in(who: str, verb: str) -> bool:
    """A verb of speech with a pronoun or a name (not ``We observe``: a quoted writer's own voice)."""
    return who.lower() not in FUNCTION_WORDS - THIRD_PERSON and is_cue_verb(verb)


def _speech_cue(text: str) -> bool:
    return any(is_cue_verb(w.text) for w in words(text))


def _announced_without_colon(paras: _Paragraphs, i: int) -> bool:
    """Speech announced in the last sentence of narration (``Why, he asked, …?``) then a closed quote."""
    previous, text = paras.texts[i - 1], paras.texts[i]
    if paras.closed[i - 1] or not paras.closed[i] or _INLINE_QUOTE.search(text):
        return False  # the cheap tests first: most paragraphs fail one
    return _voice_of_quoted_matter(text) and _speech_cue(_outside_quotes(last_sentence(previous)))


def _closed_ahead(paras: _Paragraphs, i: int) -> bool:
    """Does the run go on to a paragraph closed by a footnote marker, within a few paragraphs and
    before any new lead-in? In this genre a quotation of several paragraphs carries its marker at
    the end of the last one, and the paragraphs inside a run rarely carry one."""
    texts = paras.texts
    for j in range(i, min(len(texts), i + MAX_RUN)):
        if not paras.eligible[j] or is_lead_in(texts[j]) or (j > i and _INLINE_QUOTE.match(texts[j])):
            return False
        if paras.closed[j]:
            return True
    return False


def _breaks_off(previous: str, text: str) -> bool:
    """A lead-in that breaks off mid-sentence (``By February 28, Sukhanov writes,``) and quoted
    matter that picks the sentence up in lower case or after an ellipsis."""
    end = previous.rstrip()[-1:]
    return (
        bool(end)
        and end not in ".!?:;’”'\")]"
        and (text[:1].islower() or bool(_OPENING_ELLIPSIS.match(text)))
    )


def _elides(text: str) -> bool:
    """Words left out after a word (``grew ... and grew``): not an opening ellipsis, nor one that
    opens a quotation (``‘... the switch``)."""
    for m in _DOTS.finditer(text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in "‘“\"'":
            return True
    return False


def _quoted_matter_on_its_own(paras: _Paragraphs, i: int) -> bool:
    """A paragraph that shows it is quoted matter with no lead-in: an editor's bracketed cue inside
    it (``[writes Sukhanov]``), an editor's bracket opening it (``[The revolution] drew``,
    ``[W]hen``), or elisions (``...``) outside any quotation marks of its own, in a run that a
    footnote marker closes (a writer elides words only from what they quote)."""
    text = paras.texts[i]
    if interpolated_cues(text) or _OPENING_BRACKET.match(text):
        return True
    if not _closed_ahead(paras, i) or not _DOTS.search(text):
        return False  # the cheap tests first
    return _elides(narration(text))


def _announces(text: str) -> bool:
    """A short paragraph of narration (a sentence or two) whose last sentence has a verb of speech:
    it introduces the document that follows (``The police report expressed alarm, pointing out
    that …``). A long paragraph that ends on speech is narration with a report of its own."""
    if text.count(". ") > 2 * _ANNOUNCING_SENTENCES:
        return False  # surely longer, initials and all: the cheap test first
    return (
        len(sentence_starts(text)) <= _ANNOUNCING_SENTENCES
        and not _voice_of_quoted_matter(text)
        and _speech_cue(_outside_quotes(last_sentence(text)))
    )


def _announced_start(paras: _Paragraphs, flags: list[bool], i: int) -> int:
    """Where a run that shows itself only at ``i`` begins: back over paragraphs with no marker and no
    quotation of their own, to the one after a paragraph that announces it; ``i`` when none does."""
    for start in range(i, max(0, i - MAX_RUN), -1):
        before = start - 1
        if not paras.eligible[before] or flags[before] or paras.closed[before]:
            return i
        if _announces(paras.texts[before]):
            return start
        if _INLINE_QUOTE.search(paras.texts[before]):
            return i
    return i


@dataclass(frozen=True)
class _Paragraphs:
    """A document's paragraphs as the rules read them; ``closed`` (a footnote marker at the end) is
    found once, since most rules ask it of several paragraphs."""

    texts: Sequence[str]
    eligible: Sequence[bool]
    closed: Sequence[bool]


def find_blocks(texts: Sequence[str], eligible: Sequence[bool]) -> list[bool]:
    """Flag the eligible paragraphs (body text) that are block quotations.

    ``texts`` and ``eligible`` run in parallel over a document's paragraphs; a heading or note
    between two paragraphs breaks any block.
    """
    closed = [ok and ends_with_marker(text) for text, ok in zip(texts, eligible, strict=True)]
    paras = _Paragraphs(texts, eligible, closed)
    flags = [False] * len(texts)
    for i, text in enumerate(texts):
        if not eligible[i] or i == 0 or not eligible[i - 1]:
            continue
        previous = texts[i - 1]
        if is_lead_in(previous) or _breaks_off(previous, text) or _letter_goes_on(paras, flags, i):
            flags[i] = True
        elif flags[i - 1]:
            flags[i] = (
                not closed[i - 1] and (_continues_block(text, previous, closed[i]) or _closed_ahead(paras, i))
            ) or (bool(_OPENING_ELLIPSIS.match(text)) and _closed_ahead(paras, i))
            flags[i] = flags[i] or _present_closed_by_marker(text, closed[i])
            flags[i] = flags[i] and not _narrator_interrupts(text)
        elif _announced_without_colon(paras, i) or _present_closed_by_marker(text, closed[i]):
            flags[i] = True
        elif _quoted_matter_on_its_own(paras, i):
            for j in range(_announced_start(paras, flags, i), i + 1):
                flags[j] = True
    return flags
