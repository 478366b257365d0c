"""Parse one text into the document model, deciding every part by its form, not by its words.

A chapter transcription reads: a title block (author, book, chapter), body paragraphs with section
headings, block quotations and footnote markers, author notes (``1*. …``), the numbered notes list
(``1. …``) and a ``Last updated …`` line. Any part may be missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from textkit.corpus.blocks import find_blocks, is_lead_in, is_salutation
from textkit.corpus.model import (
    AUTHOR_NOTE,
    BLOCK,
    BODY,
    FROM_FORM,
    FROM_INFERENCE,
    HEADING,
    NOTE,
    TITLE,
    UPDATED,
    Document,
    Marker,
    Note,
    Paragraph,
)
from textkit.text.markers import MARKER_RE
from textkit.text.words import count_words_of

_STRIP = " \t\f\v\u00a0\ufeff"
_NOTE = re.compile(r"(\d+)(\*?)\.\s+")
_UPDATED = re.compile(r"last updated\b", re.IGNORECASE)
_CHAPTER = re.compile(r"(?:\d+\.\s|(?:chapter|part|book)\b)", re.IGNORECASE)
_HEADING_BAD_END = tuple(".,;:!)]'’\"”")
_TITLE_MAX_LINES = 3
_TRAILER_LINES = 3
_SHORT_CHARS = 100
_HEADING_MAX_WORDS = 12
_TITLE_WORD_CHARS = 4  # a title capitalises its words of this length or more


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-empty lines, trimmed of surrounding white space (a CR ends a line too).
    Split by ``str.split``: a pattern would test every character of a megabyte chapter."""
    lines = text.replace("\r", "\n").split("\n") if "\r" in text else text.split("\n")
    at = 0
    for line in lines:
        kept = line.strip(_STRIP)
        if kept:
            start = at + len(line) - len(line.lstrip(_STRIP))
            yield start, start + len(kept)
        at += len(line) + 1


def is_chapter_line(text: str) -> bool:
    """``16. Trotsky and the triumvirate``, ``Chapter 6 …``: the line that ends a title block."""
    return bool(_CHAPTER.match(text))


def is_updated_line(text: str) -> bool:
    """``Last updated on …``: the page's closing line."""
    return bool(_UPDATED.match(text))


def _is_short_line(text: str) -> bool:
    return len(text) <= _SHORT_CHARS and not MARKER_RE.search(text)


def _title_block_size(lines: list[str]) -> int:
    """Leading short lines without closing punctuation; a chapter line (``16. …``) ends the block."""
    size = 0
    for line in lines[:_TITLE_MAX_LINES]:
        if not _is_short_line(line) or line.endswith((".", ",", ";", ":")):
            break
        size += 1
        if _CHAPTER.match(line):
            return size
    if size == len(lines):
        return 0
    return size


def _notes_region(lines: list[str], first_body: int) -> tuple[int, int]:
    """The trailing run of note lines, before an optional ``Last updated`` line (which may have a
    line or two of its own after it).

    A numbered line in the body (a quoted proclamation's ``1. …``) is not a note, because the notes
    list proper comes last and starts again from 1.
    """
    end = len(lines)
    trailer = [i for i in range(max(first_body, end - _TRAILER_LINES), end) if _UPDATED.match(lines[i])]
    if trailer:
        end = trailer[0]
    start = end
    while start > first_body and _NOTE.match(lines[start - 1]):
        start -= 1
    ones = [i for i in range(start, end) if _NOTE.match(lines[i]).groups() == ("1", "")]
    list_start = ones[-1] if ones else start
    while list_start > start and _NOTE.match(lines[list_start - 1]).group(2):
        list_start -= 1
    start = list_start
    return start, end


def _is_narrated_question(text: str) -> bool:
    """``What was the government's reaction?``: a question in sentence case is the narrator asking,
    where a heading that asks is in title case (``Why Did the Leaders Yield?``) or labelled
    (``The enigma: Why …?``)."""
    if not text.endswith("?") or ":" in text:
        return False
    long_words = [word for word in text.split()[1:] if len(word) >= _TITLE_WORD_CHARS]
    capitalised = sum(word[:1].isupper() for word in long_words)
    return capitalised * 2 < len(long_words)


def _is_heading(text: str, previous: str | None) -> bool:
    if not _is_short_line(text) or len(text.split()) > _HEADING_MAX_WORDS:
        return False
    if text.endswith(_HEADING_BAD_END) or not text[:1].isupper() or _is_narrated_question(text):
        return False
    return previous is None or not is_lead_in(previous)


def _kinds(lines: list[str]) -> list[str]:
    title = _title_block_size(lines)
    notes_start, notes_end = _notes_region(lines, title)
    kinds = [BODY] * len(lines)
    for i in range(title):
        kinds[i] = TITLE
    for i in range(notes_start, notes_end):
        kinds[i] = AUTHOR_NOTE if _NOTE.match(lines[i]).group(2) else NOTE
    for i in range(notes_end, len(lines)):
        kinds[i] = UPDATED
    for i in range(title, notes_start):
        previous = lines[i - 1] if i > title else None
        if _is_heading(lines[i], previous) and not (i + 1 < notes_start and is_salutation(lines[i + 1])):
            kinds[i] = HEADING  # a line before ``Dear Comrades:`` addresses a letter
    flags = find_blocks(lines, [k == BODY for k in kinds])
    return [BLOCK if flag else kind for kind, flag in zip(kinds, flags, strict=True)]


def title_fields(lines: list[str]) -> tuple[str | None, str | None, str | None]:
    """Author, book and chapter from the title block: the chapter line is the one shaped like one."""
    chapter = next((line for line in lines if _CHAPTER.match(line)), None)
    rest = [line for line in lines if line is not chapter]
    if chapter is None and len(rest) == _TITLE_MAX_LINES:
        chapter = rest.pop()
    author = rest[0] if len(rest) >= 2 else None
    book = rest[-1] if rest and (len(rest) >= 2 or ":" in rest[0] or chapter) else None
    if rest and author is None and book is None:
        author = rest[0]
    return author, book, chapter


def _markers(text: str, paragraphs: list[Paragraph], notes_by_para: dict[int, Note]) -> list[Marker]:
    markers = []
    for p in paragraphs:
        note = notes_by_para.get(p.index)
        for m in MARKER_RE.finditer(p.text):
            markers.append(
                Marker(
                    m.group(1), p.start + m.start(), p.start + m.end(), p.index, note.label if note else None
                )
            )
    return markers


def parse_document(text: str, name: str = "<text>", digest: str = "", encoding: str = "utf-8") -> Document:
    """Parse a decoded text into a Document whose every span slices back out of ``text``."""
    spans = list(iter_lines(text))
    lines = [text[s:e] for s, e in spans]
    kinds = _kinds(lines)
    paragraphs: list[Paragraph] = []
    notes: list[Note] = []
    notes_by_para: dict[int, Note] = {}
    section: str | None = None
    counts = count_words_of(text, spans)
    for index, ((start, end), line, kind, words) in enumerate(zip(spans, lines, kinds, counts, strict=True)):
        if kind == HEADING:
            section = line
        kind_from = FROM_INFERENCE if kind == BLOCK else FROM_FORM
        paragraphs.append(Paragraph(index, start, end, kind, section, words, line, name, kind_from))
        if kind in (NOTE, AUTHOR_NOTE):
            m = _NOTE.match(line)
            label = m.group(1) + m.group(2)
            note = Note(label, "author" if m.group(2) else "numbered", start, end, start + m.end(), index)
            notes.append(note)
            notes_by_para[index] = note
    author, book, chapter = title_fields([line for line, k in zip(lines, kinds, strict=True) if k == TITLE])
    return Document(
        name=name,
        text=text,
        digest=digest,
        author=author,
        book=book,
        chapter=chapter,
        paragraphs=paragraphs,
        markers=_markers(text, paragraphs, notes_by_para),
        notes=notes,
        encoding=encoding,
    )
