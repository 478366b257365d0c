"""Quotations and who said them: the Quote record, the cached entry point and reader's filters.

The engine that finds and attributes quotations (``quote_engine``) is imported only when the cache
has no answer, so a warm ``textkit quotes`` stays instant.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from textkit.cache import Cache, code_version
from textkit.model import Corpus, Document
from textkit.parallel import map_documents
from textkit.parse import count_words

ENGINE_MODULES = (
    "textkit.parse",
    "textkit.blocks",
    "textkit.quotemarks",
    "textkit.names",
    "textkit.cues",
    "textkit.narration",
    "textkit.attribution",
    "textkit.quote_engine",
    "textkit.quotes",
)
INLINE = "inline"
NESTED = "nested"
QUOTE = "quote"
TERM = "term"


@dataclass
class Quote:
    """One quotation: ``text == document.text[start:end]`` (without the outer quote marks).

    Not frozen: building tens of thousands of frozen records costs seconds on a large corpus."""

    id: str
    doc: str
    paragraph: int
    kind: str  # inline | block | nested
    type: str  # quote | term
    speaker: str | None
    text: str
    start: int
    end: int
    cue: str | None = None
    rule: str | None = None
    confidence: float = 0.0
    note: str | None = None  # label of the footnote marker that closes the quotation
    source: str | None = None  # that note's text
    parent: str | None = None  # id of the enclosing quotation, for nested ones
    warning: str | None = None
    words: int = -1  # words quoted (footnote markers are not words); counted when not given

    def __post_init__(self) -> None:
        if self.words < 0:
            self.words = count_words(self.text)


_FIELDS = frozenset(f.name for f in fields(Quote))


def aliases_key(aliases: Mapping[str, str]) -> str:
    return hashlib.sha256(json.dumps(sorted(aliases.items())).encode()).hexdigest()[:16]


def renumber(quotes: list[Quote], offset: int = 0) -> list[Quote]:
    """Ids in reading order from ``offset + 1``, with nested quotations' parents following along."""
    return _records([vars(q) for q in quotes], offset)


def _records(fields: list[dict], offset: int, doc: str | None = None) -> list[Quote]:
    """Quote records from field dicts, numbered from ``offset + 1``: one construction per quote,
    because on a 500-chapter corpus there are tens of thousands."""
    ids = {f["id"]: f"q{offset + i + 1:04d}" for i, f in enumerate(fields)}
    records = []
    for f in fields:
        record = Quote(**f)
        record.id = ids[f["id"]]
        record.parent = ids.get(f["parent"]) if f["parent"] else None
        if doc is not None:
            record.doc = doc
        records.append(record)
    return records


def _cache_key(doc: Document, aliases: Mapping[str, str]) -> str:
    return f"{doc.digest}-{aliases_key(aliases)}"


def _cached(doc: Document, aliases: Mapping[str, str], cache: Cache) -> list[dict] | None:
    if not doc.digest:
        return None
    cached = cache.get("quotes", _cache_key(doc, aliases), code_version(*ENGINE_MODULES))
    if isinstance(cached, list) and all(isinstance(q, dict) and q.keys() == _FIELDS for q in cached):
        return cached
    return None


def _attribute(doc: Document, aliases: Mapping[str, str]) -> list[Quote]:
    from textkit.quote_engine import document_quotes

    return document_quotes(doc, aliases)


def find_quotes(corpus: Corpus) -> list[Quote]:
    """Every quotation and quoted term in the corpus, in document order, attributed (cached on disk
    and, for this run, on the corpus)."""
    if "quotes" not in corpus.memo:
        corpus.memo["quotes"] = _find_quotes(corpus)
    return corpus.memo["quotes"]


def _find_quotes(corpus: Corpus) -> list[Quote]:
    per_doc = {id(doc): _cached(doc, corpus.aliases, corpus.cache) for doc in corpus.documents}
    unique: dict[str, Document] = {}
    for doc in corpus.documents:
        if per_doc[id(doc)] is None:
            unique.setdefault(doc.digest or str(id(doc)), doc)
    fresh = dict(zip(unique, map_documents(_attribute, list(unique.values()), corpus.aliases), strict=True))
    computed = {key: [asdict(q) for q in found] for key, found in fresh.items()}
    for key, doc in unique.items():
        if doc.digest:
            version = code_version(*ENGINE_MODULES)
            corpus.cache.put("quotes", _cache_key(doc, corpus.aliases), version, computed[key])
    quotes: list[Quote] = []
    for doc in corpus.documents:
        found = per_doc[id(doc)]
        if found is None:
            found = computed[doc.digest or str(id(doc))]
        quotes.extend(_records(found, len(quotes), doc.name))
    return quotes


@dataclass(frozen=True)
class QuoteFilter:
    """What a reader asks of the quotations; the defaults list every quotation and no terms."""

    speaker: str | None = None
    search: str | None = None
    kinds: tuple[str, ...] = ()
    include_terms: bool = False
    unattributed: bool = False
    min_words: int = 0
    paragraphs: tuple[int, int] | None = None  # first and last paragraph index, inclusive


def speaker_matches(corpus: Corpus, quotes: list[Quote], name: str) -> str | None:
    """The canonical speaker a typed name means (``stalin``, ``Vladimir Ilyich``), if any quote has it."""
    from textkit.people import canonical_name

    speakers = {q.speaker for q in quotes if q.speaker}
    wanted = canonical_name(corpus, name, known=speakers)
    if wanted in speakers:
        return wanted
    return next((s for s in speakers if s.lower() == name.strip().lower()), None)


def select_quotes(corpus: Corpus, quotes: list[Quote], query: QuoteFilter) -> list[Quote]:
    """Quotations matching every condition of ``query``, in document order."""
    wanted = speaker_matches(corpus, quotes, query.speaker) if query.speaker else None
    if query.speaker and wanted is None:
        return []
    needle = query.search.casefold() if query.search else None
    selected = []
    for q in quotes:
        if q.type == TERM and not query.include_terms:
            continue
        if (wanted and q.speaker != wanted) or (query.unattributed and q.speaker):
            continue
        if query.kinds and q.kind not in query.kinds:
            continue
        if needle and needle not in q.text.casefold():
            continue
        if query.paragraphs and not query.paragraphs[0] <= q.paragraph <= query.paragraphs[1]:
            continue
        if query.min_words and q.words < query.min_words:
            continue
        selected.append(q)
    return selected
