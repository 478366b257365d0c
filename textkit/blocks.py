"""Which body paragraphs are block quotations: quoted matter set off as a paragraph of its own.

The transcriptions drop the indentation that marks a block in print, so the evidence is textual:
a lead-in ending with ':', quoted matter that continues (an opening ellipsis, first person, a
paragraph closed by a footnote marker), or speech announced at the end of the previous paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MARKER_RE = re.compile(r"\[(\d+\*?)\]")
_CLOSING_MARKER = re.compile(r"\[\d+\*?\]\s*(?:\[\d+\*?\]\s*)*$")
_OPENING_ELLIPSIS = re.compile(r"^\s*(?:\.\s?\.\s?\.|…)")
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_INLINE_QUOTE = re.compile(r"[‘“\"](?=\w)|(?<=\s)'(?=\w)")
_QUOTED_SPAN = re.compile(r"‘[^’]*’|“[^”]*”|\"[^\"]*\"")
_SPEECH_CUE = re.compile(
    r"\b(?:asked|said|says|wrote|writes|declared|replied|answered|added|argued|exclaimed|continued|"
    r"stated|told|remarked|retorted|insisted|went on)\b"
)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z‘“\"(])")


def ends_with_marker(text: str) -> bool:
    """A footnote marker at the very end is how quoted matter is usually closed in this genre."""
    return bool(_CLOSING_MARKER.search(text.rstrip()))


def is_lead_in(text: str) -> bool:
    """A paragraph ending with a colon announces the quotation that follows."""
    return text.rstrip().endswith(":")


def _outside_quotes(text: str) -> str:
    return _QUOTED_SPAN.sub(" ", text)


def _last_sentence(text: str) -> str:
    parts = _SENTENCE_END.split(text.strip())
    return parts[-1] if parts else text


def _voice_of_quoted_matter(text: str) -> bool:
    """First or second person, a question or an opening ellipsis: a speaker's voice, not narration."""
    plain = _outside_quotes(text)
    return bool(
        _OPENING_ELLIPSIS.match(text)
        or _FIRST_PERSON.search(plain)
        or _SECOND_PERSON.search(plain)
        or "?" in plain
    )


def _continues_block(text: str) -> bool:
    """Does a paragraph right after an unclosed block carry on the same quoted matter?"""
    if is_lead_in(text):
        return False
    if _OPENING_ELLIPSIS.match(text) or text[:1].islower():
        return True
    if _FIRST_PERSON.search(_outside_quotes(text)):
        return True
    return ends_with_marker(text) and not _INLINE_QUOTE.search(text)


def _announced_without_colon(previous: str, text: str) -> bool:
    """Speech announced in the last sentence of narration (``Why, he asked, …?``) then a closed quote."""
    if ends_with_marker(previous) or not _SPEECH_CUE.search(_outside_quotes(_last_sentence(previous))):
        return False
    return ends_with_marker(text) and not _INLINE_QUOTE.search(text) and _voice_of_quoted_matter(text)


def find_blocks(texts: Sequence[str], eligible: Sequence[bool]) -> list[bool]:
    """Flag the eligible paragraphs (body text) that are block quotations.

    ``texts`` and ``eligible`` run in parallel over a document's paragraphs; a heading or note
    between two paragraphs breaks any block.
    """
    flags = [False] * len(texts)
    for i, text in enumerate(texts):
        if not eligible[i] or i == 0 or not eligible[i - 1]:
            continue
        previous = texts[i - 1]
        if is_lead_in(previous):
            flags[i] = True
        elif flags[i - 1]:
            flags[i] = not ends_with_marker(previous) and _continues_block(text)
        else:
            flags[i] = _announced_without_colon(previous, text)
    return flags
