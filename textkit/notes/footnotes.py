"""Where each note is cited: the sentence around its marker and the quotation it is the source of.

A note is only evidence for something: this module joins each note (and its parsed citation) to
every marker that calls it, the sentence that marker closes and the quotation that ends at it, so a
reader can check a claim against its source in one step.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from textkit.corpus.model import Corpus, Document, Marker, Note
from textkit.errors import DataError
from textkit.notes.citations import COMMENT, PARSED, PARTIAL, UNPARSED, Citation, parse_citations
from textkit.notes.pages import decode_page
from textkit.notes.resolve import resolve_notes
from textkit.quotes.find import find_quotes
from textkit.quotes.record import Quote
from textkit.store.cache import Kind, cached_map
from textkit.store.parallel import Progress
from textkit.text.sentences import sentence_starts
from textkit.text.words import count_words

_BETWEEN_QUOTE_AND_MARKER = re.compile(r"^[\s’”'\".,;:!?…]*$")
_MIN_SENTENCE_WORDS = 4
SENTENCE_MAX = 600  # characters of context around a marker when its sentence never ends
_QUOTE_TO_MARKER = 8  # the most characters (closing marks, punctuation) between a quote and its marker
_SUMMARY_CHARS = 80
_LABEL = re.compile(r"^\[?(\d+\*?)\]?$")


@dataclass(frozen=True)
class CitedPlace:
    """One marker calling a note: where it is and what it sources."""

    doc: str
    paragraph: int
    section: str | None
    in_note: str | None  # the note the marker sits in, for markers inside author notes
    start: int
    end: int
    sentence: str
    quote_id: str | None = None
    quote: str | None = None
    speaker: str | None = None

    @property
    def where(self) -> str:
        return f"¶{self.paragraph}" + (f" (note {self.in_note})" if self.in_note else "")


@dataclass(frozen=True)
class NoteEntry:
    """A note, its resolved citations (none for an author's comment note) and the places citing it."""

    doc: str
    label: str
    kind: str
    paragraph: int
    text: str
    citations: tuple[Citation, ...]
    places: tuple[CitedPlace, ...]

    @property
    def citation(self) -> Citation | None:
        """The note's first citation, the one a reader looks up first."""
        return self.citations[0] if self.citations else None

    @property
    def cited(self) -> tuple[Citation, ...]:
        """The citations proper, without the remarks that follow some of them."""
        return tuple(c for c in self.citations if c.form != COMMENT)


def sentence_bounds(text: str, pos: int, starts: Sequence[int] | None = None) -> tuple[int, int]:
    """The sentence of ``text`` holding ``pos``; a marker right after a full stop belongs before it.

    A stub such as ``(Prolonged applause) [18]`` takes in the sentence before it, which is what the
    note documents. ``starts`` (the text's sentence starts) may be given when many are asked.
    """
    starts = sentence_starts(text) if starts is None else starts
    i = bisect.bisect_right(starts, pos) - 1
    end = starts[i + 1] if i + 1 < len(starts) else len(text)
    while i > 0 and count_words(text[starts[i] : end]) < _MIN_SENTENCE_WORDS:
        i -= 1
    start = starts[i]
    if pos - start > SENTENCE_MAX:  # a "sentence" with no end in sight: the words before the marker
        start = text.find(" ", pos - SENTENCE_MAX) + 1 or pos - SENTENCE_MAX
    return start, min(end, max(pos, start) + SENTENCE_MAX)


def sentence_around(text: str, pos: int) -> str:
    start, end = sentence_bounds(text, pos)
    return text[start:end].strip()


def document_citations(doc: Document) -> dict[str, tuple[Citation, ...]]:
    """Parsed and resolved citations of the numbered notes; author notes are comments, not citations."""
    numbered = [(n.label, parse_citations(doc.note_text(n))) for n in doc.notes if n.kind == "numbered"]
    resolved = resolve_notes(numbered)
    return {label: c for (label, _), c in zip(numbered, resolved, strict=True)}


class _QuoteIndex:
    """A document's quotations, found by the note that closes them or by the marker they end at."""

    def __init__(self, quotes: Iterable[Quote]) -> None:
        self.by_note: dict[str, Quote] = {}
        self.by_end: dict[int, list[Quote]] = {}
        for q in quotes:
            if q.note and (q.note not in self.by_note or self.by_note[q.note].parent is not None):
                self.by_note[q.note] = q
            self.by_end.setdefault(q.end, []).append(q)

    def for_marker(self, doc: Document, marker: Marker) -> Quote | None:
        quote = self.by_note.get(marker.label)
        if quote is not None:
            return quote
        ending = [
            q
            for end in range(max(0, marker.start - _QUOTE_TO_MARKER), marker.start + 1)
            for q in self.by_end.get(end, ())
            if q.paragraph == marker.paragraph
            and _BETWEEN_QUOTE_AND_MARKER.match(doc.text[q.end : marker.start])
        ]
        return min(ending, key=lambda q: (q.parent is not None, q.start), default=None)


def _place(doc: Document, marker: Marker, sentence: tuple[int, int], quote: Quote | None) -> CitedPlace:
    para = doc.paragraphs[marker.paragraph]
    return CitedPlace(
        doc=doc.name,
        paragraph=marker.paragraph,
        section=para.section if marker.in_note is None else None,
        in_note=marker.in_note,
        start=marker.start,
        end=marker.end,
        sentence=doc.text[sentence[0] : sentence[1]].strip(),
        quote_id=quote.id if quote else None,
        quote=quote.text if quote else None,
        speaker=quote.speaker if quote else None,
    )


def _sentences(doc: Document) -> list[tuple[int, int]]:
    """Document offsets of the sentence around each marker, in marker order (each paragraph's
    sentences found once, however many markers it has)."""
    spans = []
    starts: dict[int, list[int]] = {}
    for marker in doc.markers:
        para = doc.paragraphs[marker.paragraph]
        if marker.paragraph not in starts:
            starts[marker.paragraph] = sentence_starts(para.text)
        start, end = sentence_bounds(para.text, marker.start - para.start, starts[marker.paragraph])
        spans.append((para.start + start, para.start + end))
    return spans


@dataclass(frozen=True)
class _Analysis:
    """What depends on a document's text alone: its parsed citations and each marker's sentence."""

    citations: dict[str, tuple[Citation, ...]]
    sentences: list[tuple[int, int]]


def _encode(a: _Analysis) -> dict[str, Any]:
    citations = {k: [asdict(c) for c in cs] for k, cs in a.citations.items()}
    return {"citations": citations, "sentences": a.sentences}


_TEXT_FIELDS = ("prefix", "author", "editor", "work", "article", "date", "volume", "issue", "part", "place",
                "publisher", "short_title", "refers_to")  # fmt: skip


def _citation(raw: dict[str, Any]) -> Citation:
    """A cached citation, every field checked: a damaged entry raises and is rebuilt."""
    flags = tuple(raw["flags"])
    if not all(isinstance(f, str) for f in flags):
        raise TypeError("bad flags")
    quoted_in = raw["quoted_in"]
    citation = Citation(
        **{
            **raw,
            "pages": tuple(decode_page(p) for p in raw["pages"]),
            "flags": flags,
            "quoted_in": None if quoted_in is None else _citation(quoted_in),
        }
    )
    if not isinstance(citation.raw, str) or not isinstance(citation.form, str):
        raise TypeError("bad citation text")
    if not all(
        getattr(citation, name) is None or isinstance(getattr(citation, name), str) for name in _TEXT_FIELDS
    ):
        raise TypeError("bad citation field")
    if not isinstance(citation.periodical, bool) or not (
        citation.year is None or isinstance(citation.year, int)
    ):
        raise TypeError("bad citation field")
    return citation


def _decode(raw: Any) -> _Analysis:
    citations = {str(label): tuple(_citation(c) for c in cs) for label, cs in raw["citations"].items()}
    sentences = [(int(a), int(b)) for a, b in raw["sentences"]]
    return _Analysis(citations, sentences)


NOTES = Kind("notes", _encode, _decode)


def _analyse(doc: Document) -> _Analysis:
    return _Analysis(document_citations(doc), _sentences(doc))


def _analyses(corpus: Corpus, docs: Sequence[Document], progress: Progress | None = None) -> list[_Analysis]:
    keys = [corpus.cache.key(NOTES.name, doc.digest) for doc in docs]
    found = cached_map(corpus.cache, NOTES, list(docs), keys, _analyse, progress)
    for i, (doc, analysis, key) in enumerate(zip(docs, found, keys, strict=True)):
        if len(analysis.sentences) != len(doc.markers):  # a damaged entry: analyse afresh
            corpus.cache.discard(NOTES.name, key)
            found[i] = corpus.cache.put(NOTES.name, key, _analyse(doc), NOTES.encode)
    return found


def document_entries(
    doc: Document, quotes: Iterable[Quote], analysis: _Analysis | None = None
) -> list[NoteEntry]:
    """Every note of one document with its citation and citing places, in the notes' order."""
    index = _QuoteIndex(quotes)
    analysis = analysis or _analyse(doc)
    citations, sentences = analysis.citations, analysis.sentences
    places: dict[str, list[CitedPlace]] = {}
    for marker, sentence in zip(doc.markers, sentences, strict=True):
        places.setdefault(marker.label, []).append(
            _place(doc, marker, sentence, index.for_marker(doc, marker))
        )
    return [_entry(doc, note, citations.get(note.label), places.get(note.label, [])) for note in doc.notes]


def _entry(
    doc: Document, note: Note, citations: tuple[Citation, ...] | None, places: list[CitedPlace]
) -> NoteEntry:
    return NoteEntry(
        doc.name, note.label, note.kind, note.paragraph, doc.note_text(note), citations or (), tuple(places)
    )


def note_entries(
    corpus: Corpus, docs: Sequence[Document] | None = None, progress: Progress | None = None
) -> list[NoteEntry]:
    """Every note of the chosen documents (default: all), joined to its markers and the quotations
    they source; ``progress(done, total)`` reports the analysis of the notes when it is not cached."""
    docs = list(corpus.documents) if docs is None else list(docs)
    by_doc: dict[str, list[Quote]] = {}
    for q in find_quotes(corpus):
        by_doc.setdefault(q.doc, []).append(q)
    entries: list[NoteEntry] = []
    for doc, analysis in zip(docs, _analyses(corpus, docs, progress), strict=True):
        entries.extend(document_entries(doc, by_doc.get(doc.name, []), analysis))
    return entries


def normalise_label(label: str) -> str:
    """``21``, ``[21]``, ``1*`` as typed; anything else is kept and reported as unknown."""
    m = _LABEL.match(label.strip())
    return m.group(1) if m else label.strip()


def _label_key(label: str) -> tuple[bool, int, str]:
    digits = label.rstrip("*")
    return label.endswith("*"), int(digits) if digits.isdigit() else 0, label


def describe_labels(labels: Iterable[str]) -> str:
    """Compress labels into runs: ``1–42, 1*–2*``."""
    runs: list[list[str]] = []
    previous: tuple[bool, int, str] | None = None
    for label in sorted(set(labels), key=_label_key):
        key = _label_key(label)
        if runs and previous and key[0] == previous[0] and key[1] == previous[1] + 1:
            runs[-1][1] = label
        else:
            runs.append([label, label])
        previous = key
    return ", ".join(a if a == b else f"{a}–{b}" for a, b in runs)


def select_notes(entries: Sequence[NoteEntry], labels: Sequence[str]) -> list[NoteEntry]:
    """The entries for the asked labels, in the order asked; unknown labels are an error naming the known."""
    wanted = [normalise_label(label) for label in labels]
    known = {e.label for e in entries}
    unknown = [label for label in wanted if label not in known]
    if unknown:
        which = ", ".join(unknown)
        noun = "note" if len(unknown) == 1 else "notes"
        if not known:
            raise DataError(f"no {noun} {which}: the corpus has no notes")
        raise DataError(f"no {noun} {which}; the notes are {describe_labels(known)}")
    order = {label: i for i, label in enumerate(dict.fromkeys(wanted))}
    chosen = [e for e in entries if e.label in order]
    return sorted(chosen, key=lambda e: order[e.label])


def _citation_text(c: Citation) -> list[str]:
    inner = _citation_text(c.quoted_in) if c.quoted_in else []
    return [x for x in (c.raw, c.author, c.editor, c.work, c.article, c.display()) if x] + inner


def filter_by_source(entries: Sequence[NoteEntry], text: str) -> list[NoteEntry]:
    """Notes whose text or resolved citations mention ``text`` (case-insensitive), so short forms match."""
    needle = text.casefold()
    return [
        e
        for e in entries
        if needle in e.text.casefold()
        or any(needle in x.casefold() for c in e.citations for x in _citation_text(c))
    ]


def citation_dict(c: Citation) -> dict[str, Any]:
    """One citation as plain fields, the work it is quoted from nested the same way."""
    return {
        "citation": c.display(),
        "form": c.form,
        "prefix": c.prefix,
        "author": c.author,
        "editor": c.editor,
        "work": c.work,
        "article": c.article,
        "periodical": c.periodical,
        "date": c.date,
        "volume": c.volume,
        "issue": c.issue,
        "part": c.part,
        "pages": c.pages_text or None,
        "place": c.place,
        "publisher": c.publisher,
        "year": c.year,
        "short_title": c.short_title,
        "quoted_in": citation_dict(c.quoted_in) if c.quoted_in else None,
        "refers_to": c.refers_to,
        "status": c.status,
        "flags": list(c.flags),
        "raw": c.raw,
    }


_COMMENT_ROW = dict.fromkeys(
    ("citation", "author", "editor", "work", "article", "volume", "issue", "part", "pages", "place",
     "publisher", "year", "date", "short_title", "quoted_in", "refers_to", "status")
)  # fmt: skip


def _status(citations: Sequence[Citation]) -> str:
    """The note's status is its weakest citation's."""
    order = (UNPARSED, PARTIAL, PARSED)
    return min((c.status for c in citations), key=order.index)


def _flags(citations: Sequence[Citation]) -> list[str]:
    several = len(citations) > 1
    found = []
    for i, c in enumerate(citations, 1):
        for flag in (*c.flags, *(c.quoted_in.flags if c.quoted_in else ())):
            found.append(f"citation {i}: {flag}" if several else flag)
    return found


def _citation_fields(citations: Sequence[Citation]) -> dict[str, Any]:
    """The first citation's fields, flat, as they always were, plus every citation in ``citations``.

    Where the cited words are quoted from another work, ``volume`` and ``pages`` are where to look
    in it; ``volume`` is a periodical's issue (``no. 51``) when it gives no volume."""
    cited = [c for c in citations if c.form != COMMENT]
    if not cited:
        return {**_COMMENT_ROW, "periodical": False, "form": "comment", "flags": [], "citations": []}
    c = cited[0]
    where = c.locator
    inner = c.quoted_in
    return {
        "citation": "; ".join(x.display() for x in cited),
        "author": c.author or c.editor,
        "editor": c.editor,
        "work": c.work,
        "article": c.article,
        "periodical": c.periodical,
        "volume": where.volume_text,
        "issue": where.issue,
        "part": where.part,
        "pages": where.pages_text or None,
        "place": c.place or (inner.place if inner and not c.names_source else None),
        "publisher": c.publisher or (inner.publisher if inner and not c.names_source else None),
        "year": c.year or (inner.year if inner and not c.names_source else None),
        "date": c.date,
        "short_title": c.short_title,
        "quoted_in": citation_dict(inner) if inner else None,
        "form": c.form,
        "refers_to": c.refers_to or (inner.refers_to if inner else None),
        "status": _status(cited),
        "flags": _flags(cited),
        "citations": [citation_dict(x) for x in citations],
    }


def _unique(values: Iterable[str | None]) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]


def _shorten(text: str) -> str:
    return text if len(text) <= _SUMMARY_CHARS else text[: _SUMMARY_CHARS - 1].rstrip() + "…"


def entry_row(entry: NoteEntry) -> dict[str, Any]:
    """One flat row per note (lists joined in TSV) plus the nested ``places`` that JSON keeps whole."""
    places = entry.places
    return {
        "doc": entry.doc,
        "label": entry.label,
        "kind": entry.kind,
        "text": entry.text,
        **(fields := _citation_fields(entry.citations)),
        "summary": fields["citation"] or _shorten(entry.text),
        "cited": len(places),
        "where": [p.where for p in places],
        "sentences": [p.sentence for p in places],
        "quotes": _unique(p.quote for p in places),
        "speakers": _unique(p.speaker for p in places),
        "places": [
            {
                "paragraph": p.paragraph,
                "section": p.section,
                "in_note": p.in_note,
                "start": p.start,
                "end": p.end,
                "sentence": p.sentence,
                "quote_id": p.quote_id,
                "quote": p.quote,
                "speaker": p.speaker,
            }
            for p in places
        ],
    }
