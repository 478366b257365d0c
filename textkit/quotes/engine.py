"""The quotation engine: walks a document in reading order and builds attributed Quote records.

Inline quotations come from quotation marks (``quotemarks``), block quotations from the parser's
block paragraphs; a run of block paragraphs is one speaker's words and takes the marker that closes
the run. Attribution (``attribution``) reads the narration with quoted words masked, so names inside
quotations never pose as speakers; a quotation inside a block hears first person as the block's voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from textkit.corpus.blocks import is_salutation
from textkit.corpus.model import AUTHOR_NOTE, BLOCK, BODY, Document, Paragraph
from textkit.people.cast import PERSON, document_cast, speaking_types
from textkit.people.names import canonical, capitalised_inside_sentences
from textkit.people.narration import Salience, candidates
from textkit.quotes.attribution import (
    NONE,
    SHORT_QUOTE_WORDS,
    UNNAMED,
    Attribution,
    Context,
    attribute,
    cue_in,
    fallback,
    is_term_cue,
)
from textkit.quotes.record import INLINE, NESTED, QUOTE, TERM, Quote, renumber
from textkit.text.interpolation import interpolated_cues
from textkit.text.lexicon import TITLES, is_cue_verb
from textkit.text.markers import content_end, ends_with_marker, marker_after
from textkit.text.quotemarks import MASK, MarkSpan, find_spans, mask
from textkit.text.sentences import sentence_spans
from textkit.text.words import words

_SIGNATURE = re.compile(r"(?:[A-Z]\.\s?)*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+){0,2}\s*")
_NOTE_TITLE = re.compile(rf"^(?:{'|'.join(re.escape(t) for t in sorted(TITLES))})\s+")
_NOTE_AUTHOR = re.compile(r"((?:[A-Z]\.\s?)*[A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?),\s")
ABSTAIN_BELOW = 0.5  # a speaker less sure than this is shown as unknown (its guess kept for --explain)
WINDOW = 600  # characters of narration read on each side of a quotation
_SPLIT_GAP = re.compile(r"^\s*,\s*([^,.;:!?‘“\"]{2,40}?)\s*,\s*$")


@dataclass(frozen=True)
class _Span:
    """A quotation in paragraph coordinates; a split quotation (``‘…’, X said, ‘…’``) has a gap."""

    start: int
    end: int
    depth: int
    opened: bool
    closed: bool
    gap: tuple[int, int] | None = None


def _merge_split(text: str, spans: list[MarkSpan]) -> list[_Span]:
    """Join ``‘A’, I answered, ‘B’`` into one quotation whose cue is the interruption."""
    out: list[_Span] = []
    for s in spans:
        span = _Span(s.start, s.end, s.depth, s.opened, s.closed)
        prev = out[-1] if out else None
        if prev and prev.depth == span.depth and prev.closed and span.opened and prev.gap is None:
            split = _SPLIT_GAP.match(text[prev.end + 1 : span.start - 1])
            cued = split and any(is_cue_verb(t.text) for t in words(split.group(1)))
            if cued and text[prev.end - 1] not in ".!?" and prev.end < span.start:
                out[-1] = _Span(
                    prev.start, span.end, span.depth, prev.opened, span.closed, (prev.end, span.start)
                )
                continue
        out.append(span)
    return out


def _is_sentence(quoted: str) -> bool:
    """``‘He’s rude and capricious.’`` is someone's sentence; ``‘If ... If ...’`` is not."""
    stripped = quoted.rstrip()
    return stripped[-1:] in ".!?" and not stripped.endswith(("...", "…"))


def _groups(spans: list[_Span]) -> list[tuple[_Span, list[_Span]]]:
    """Top-level spans with the spans inside each, in one pass over spans sorted by (start, -end)."""
    groups: list[tuple[_Span, list[_Span]]] = []
    for span in spans:
        if groups and groups[-1][0].start <= span.start and span.end <= groups[-1][0].end:
            groups[-1][1].append(span)
        else:
            groups.append((span, []))
    return groups


class _Builder:
    """Walks one document in reading order, keeping narration salience and numbering quotes."""

    def __init__(self, doc: Document, aliases: Mapping[str, str], types: Mapping[str, str]) -> None:
        self.doc = doc
        self.aliases = aliases
        self.next_id = 0
        self.known = capitalised_inside_sentences(p.text for p in doc.paragraphs)
        self.notes = {n.label: doc.note_text(n) for n in doc.notes}
        cast = document_cast(doc, aliases, types, self.known)
        self.types = speaking_types(cast)
        self.persons = frozenset(n for n, e in cast.items() if e.type == PERSON)
        self.ctx = Context(self.known, aliases, Salience(types=self.types), types=self.types)
        self.quotes: list[Quote] = []
        self.last_sentence = ""
        self.last_plain = ""  # the same sentence unmasked, to show cues as written
        self.sentence_before = ""  # the sentence before it in the same paragraph, if any

    def _new_id(self) -> str:
        self.next_id += 1
        return f"q{self.next_id:04d}"

    def _emit(
        self, p: Paragraph, kind: str, qtype: str, att: Attribution, start: int, end: int, **extra: str | None
    ) -> Quote:
        note = extra.pop("note", None)
        quote = Quote(
            id=self._new_id(),
            doc=self.doc.name,
            paragraph=p.index,
            kind=kind,
            type=qtype,
            speaker=att.speaker if att.confidence >= ABSTAIN_BELOW else None,
            guess=att.speaker if att.confidence < ABSTAIN_BELOW else None,
            text=self.doc.text[p.start + start : p.start + end],
            start=p.start + start,
            end=p.start + end,
            cue=att.cue,
            rule=att.rule,
            confidence=att.confidence,
            note=note,
            source=self.notes.get(note) if note else None,
            **extra,
        )
        self.quotes.append(quote)
        return quote

    def _classify(
        self, span: _Span, text: str, pre: str, post: str, sentence: str, ctx: Context
    ) -> tuple[str, Attribution]:
        """Type (quote or term) and attribution; a short quotation nobody is cued for is a term."""
        size = len(words(text[span.start : span.end]))
        if span.gap:
            att = attribute("", text[span.gap[0] + 1 : span.gap[1] - 1], "", size, ctx)
        else:
            att = attribute(pre, post, sentence, size, ctx)
        term = is_term_cue(pre)
        if not att.cued:
            if term or (size <= SHORT_QUOTE_WORDS and not _is_sentence(text[span.start : span.end])):
                return TERM, NONE
            att = fallback(ctx, pre)
        return (TERM if term else QUOTE), att

    def _walk(
        self,
        p: Paragraph,
        text: str,
        spans: list[_Span],
        ctx: Context,
        kind: str,
        parent: str | None,
        offset: int = 0,
    ) -> None:
        """Attribute the top-level spans of ``text`` sentence by sentence, then recurse into each."""
        groups = _groups(spans)
        masked = mask(text, [(top.start, top.end) for top, _ in groups])
        k = 0
        for s_start, s_end in sentence_spans(masked):
            sentence = masked[max(s_start, s_end - 4 * WINDOW) : s_end]
            attributed = False
            while k < len(groups) and groups[k][0].start < s_end:
                span, inner = groups[k]
                k += 1
                open_pos = span.start - 1 if span.opened else span.start
                # A cue sits near its quotation: reading a bounded window keeps the work linear.
                pre = masked[max(s_start, open_pos - WINDOW) : open_pos]
                post = masked[span.end + 1 : min(s_end, span.end + 1 + WINDOW)] if span.closed else ""
                if post and text[span.end - 1] in ",!?":
                    post = text[span.end - 1] + post  # ‘…,’ wrote X: the comma sits inside the marks
                around = masked[max(s_start, open_pos - WINDOW) : min(s_end, span.end + WINDOW)]
                qtype, att = self._classify(span, text, pre, post, around, ctx)
                window = (max(s_start, open_pos - WINDOW), min(s_end, span.end + 1 + WINDOW))
                att = replace(att, cue=unmasked(att.cue, masked, text, *window))
                warning = None if span.opened else "opening quotation mark missing"
                if not span.closed:
                    ends = (
                        "with its paragraph"
                        if span.end >= content_end(text)
                        else "before the next opening mark"
                    )
                    warning = f"quotation mark never closed: ends {ends}"
                note = marker_after(text, span.end)
                att = self._unnamed_author(att, note)
                quote = self._emit(
                    p,
                    kind,
                    qtype,
                    att,
                    span.start + offset,
                    span.end + offset,
                    note=note,
                    parent=parent,
                    warning=warning,
                )
                if qtype == QUOTE and att.speaker:
                    ctx.previous_speaker, ctx.subject_since_previous = att.speaker, None
                    attributed = True
                self._nested(p, text, span, inner, quote, offset)
            person = ctx.salience.observe(sentence, self.known, self.aliases)
            if person and not attributed:
                ctx.subject_since_previous = person
            if ctx is self.ctx:
                self.sentence_before = self.last_sentence if s_start else ""
                self.last_sentence = sentence
                self.last_plain = text[max(s_start, s_end - 4 * WINDOW) : s_end]

    def _nested(
        self, p: Paragraph, text: str, outer: _Span, inner: list[_Span], quote: Quote, offset: int
    ) -> None:
        """Quotations inside a quotation hear its speaker in the first person."""
        if not inner:
            return
        shifted = [replace(s, start=s.start - outer.start, end=s.end - outer.start, gap=None) for s in inner]
        local = Context(self.known, self.aliases, Salience(quote.speaker, self.types), types=self.types)
        self._walk(p, text[outer.start : outer.end], shifted, local, NESTED, quote.id, offset + outer.start)

    def narration(self, p: Paragraph) -> None:
        spans = _merge_split(p.text, find_spans(p.text))
        self._walk(p, p.text, spans, self.ctx, INLINE, None)

    def _note_author(self, note: str | None) -> str | None:
        """The author a note cites first (``General E.K. Klimovich, Padenie …``), if it is a person."""
        text = _NOTE_TITLE.sub("", self.notes.get(note or "", ""), count=1)
        m = _NOTE_AUTHOR.match(text)
        if not m:
            return None
        author = canonical(m.group(1), self.aliases)
        return None if self.types.get(author) in ("other", "body") else author

    def _cited_author(self, note: str | None) -> Attribution | None:
        """An uncued block's note that cites a person of the cast as the author of the work: that
        person is the likely voice (``Sukhanov, The Russian Revolution, p. 40``)."""
        author = self._note_author(note)
        if author is None or author not in self.persons:
            return None
        return Attribution(author, "author of the cited work", f"note {note}", 0.7, False)

    def _unnamed_author(self, att: Attribution, note: str | None) -> Attribution:
        """A cue whose subject the narration leaves unnamed (``a former director of the police
        stated``) speaks for the author its note cites; with no note, for no one."""
        author = self._note_author(note) if att.rule == UNNAMED else None
        return replace(att, speaker=author, rule="author of the cited work") if author else att

    def _interpolated(self, run: list[Paragraph]) -> Attribution | None:
        """A block run that names its author in an editor's bracket (``[writes Sukhanov]``), when
        the name is a person or body of the cast (a pronoun's bracket names no one new)."""
        for p in run:
            for cue in interpolated_cues(p.text):
                name = canonical(cue.name, self.aliases) if cue.name else None
                if name and self.types.get(name) != "other":
                    return Attribution(name, "interpolated cue", cue.cue, 0.9, True)
        return None

    def _written_about(self, lead_in: str, voice: str | None) -> str | None:
        """The person a block's lead-in names besides its voice (``Ascher, the biographer of
        Axelrod, described his position``): the ``he`` of the block, when the voice speaks as ``I``."""
        if voice is None:
            return None
        named = [
            c.value
            for c in candidates(lead_in, self.known, self.aliases, self.types)
            if c.kind == "name" and c.value != voice and c.value in self.persons
        ]
        return named[-1] if named else None

    def block_run(self, run: list[Paragraph], lead_in: str) -> None:
        last = run[-1]
        note = marker_after(last.text, content_end(last.text))
        att = attribute(lead_in, "", lead_in, 1000, self.ctx) if lead_in else NONE
        if lead_in == self.last_sentence:
            att = replace(att, cue=unmasked(att.cue, lead_in, self.last_plain))
        if not att.cued or att.confidence < ABSTAIN_BELOW:
            # ``Next day X wrote about the war. The government would go on with the war:``
            before = cue_in(self.sentence_before, self.ctx) if lead_in == self.last_sentence else None
            found = self._interpolated(run) or before or self._cited_author(note)
            att = found or (fallback(self.ctx, lead_in) if not att.cued else att)
        voice = att.speaker if att.confidence >= ABSTAIN_BELOW else None  # a guess is no one's voice
        local = Context(self.known, self.aliases, Salience(voice, self.types), types=self.types)
        local.salience.subject = self._written_about(lead_in, voice)
        for i, p in enumerate(run):
            end = content_end(p.text)
            if i == len(run) - 1 and _is_signature(run, end):
                break  # ``Lenin [45]``: the letter's signature gives its note but is no quotation
            rule_att = att if i == 0 else replace(att, rule="block continuation", cue=None)
            quote = self._emit(p, BLOCK, QUOTE, rule_att, 0, end, note=note)
            if local.salience.subject is None and local.previous_speaker is None:
                local.previous_speaker = voice
            self._walk(p, p.text, _merge_split(p.text, find_spans(p.text)), local, NESTED, quote.id)
        if voice:
            self.ctx.previous_speaker, self.ctx.subject_since_previous = voice, None


def _is_signature(run: list[Paragraph], end: int) -> bool:
    """Is the run's last paragraph (its words ending at ``end``) a name and a marker that sign a
    letter, one the run opens with a salutation (not a slogan in capitals, ``Down With War [3]``)?"""
    last = run[-1].text
    return (
        len(run) > 1
        and end < len(last)
        and bool(_SIGNATURE.fullmatch(last, 0, end))
        and any(is_salutation(p.text) for p in run[:-1])
    )


def _paragraph_runs(doc: Document) -> Iterator[tuple[str, list[Paragraph]]]:
    """Narration paragraphs one by one, and runs of block paragraphs; a footnote marker closes a run
    (its note is the source of the run), so a block right after it starts a run of its own."""
    run: list[Paragraph] = []
    for p in doc.paragraphs:
        if p.kind == BLOCK:
            run.append(p)
            if ends_with_marker(p.text):
                yield BLOCK, run
                run = []
            continue
        if run:
            yield BLOCK, run
            run = []
        if p.kind in (BODY, AUTHOR_NOTE):
            yield BODY, [p]
    if run:
        yield BLOCK, run


def document_quotes(
    doc: Document, aliases: Mapping[str, str] | None = None, types: Mapping[str, str] | None = None
) -> list[Quote]:
    """All quotations of one document in reading order, attributed, numbered ``q0001``…"""
    builder = _Builder(doc, aliases or {}, types or {})
    for kind, run in _paragraph_runs(doc):
        if kind == BLOCK:
            builder.block_run(run, builder.last_sentence)
        else:
            builder.narration(run[0])
    return renumber(sorted(builder.quotes, key=lambda q: (q.start, -q.end)))


def unmasked(cue: str | None, masked: str, text: str, lo: int = 0, hi: int | None = None) -> str | None:
    """A cue as the reader sees it: rules read the masked narration, so a cue that spans quoted
    words (``accusing them of ‘…’``) is cut again from the text at the same offsets. ``lo:hi`` is
    the window the rules read, which keeps the search linear in the paragraph."""
    if cue is None or MASK not in cue:
        return cue
    at = masked.find(cue, lo, len(masked) if hi is None else hi)
    return text[at : at + len(cue)] if at >= 0 else cue
