"""Load a corpus: decode and parse each input once, keeping the parse in the cache by content.

A cached parse of a text holds everything but the text (which is decoded again from the bytes and
sliced); that of an HTML page holds its derived text too, so a warm run never parses HTML. Entries are
validated as they are read back: a damaged entry is parsed afresh.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, TypeVar, cast

from textkit.corpus.decode import Decoded, decode_bytes
from textkit.corpus.digests import source_digests
from textkit.corpus.model import BLOCK, BODY, KIND_SOURCES, KINDS, Corpus, Document, Marker, Note, Paragraph
from textkit.corpus.sources import HTML, Source, Sources, read_sources
from textkit.errors import DataError
from textkit.store.cache import Cache, Kind, cached_map
from textkit.store.parallel import Progress, parallel_stream

ALIASES_FILE = "aliases.tsv"
NO_BODY = "no body text in this HTML page (only headings, notes or navigation)"
Warn = Callable[[str], None]
R = TypeVar("R")


def _ignore(message: str) -> None:
    return None


def _layout(doc: Document) -> dict[str, Any]:
    """Everything of a parse but the text, as plain JSON values."""
    return {
        "author": doc.author,
        "book": doc.book,
        "chapter": doc.chapter,
        "paragraphs": [
            [p.index, p.start, p.end, p.kind, p.section, p.words, p.kind_from] for p in doc.paragraphs
        ],
        "markers": [[m.label, m.start, m.end, m.paragraph, m.in_note] for m in doc.markers],
        "notes": [[n.label, n.kind, n.start, n.end, n.text_start, n.paragraph] for n in doc.notes],
    }


def _html_layout(doc: Document) -> dict[str, Any]:
    """An HTML page's parse keeps its derived text and how its bytes were decoded."""
    return {**_layout(doc), "text": doc.text, "encoding": doc.encoding, "warning": doc.warning}


def _str(value: Any, optional: bool = False) -> Any:
    if (value is None and optional) or isinstance(value, str):
        return value
    raise TypeError(f"expected a string, got {type(value).__name__}")


def _int(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise TypeError(f"expected a count, got {value!r}")


def _decode(raw: Any) -> dict[str, Any]:
    """Check every field's type; the offsets are checked against the text in ``_document``."""
    paragraphs = [
        (_int(i), _int(s), _int(e), k if k in KINDS else _str(None), _str(sec, True), _int(w),
         f if f in KIND_SOURCES else _str(None))
        for i, s, e, k, sec, w, f in raw["paragraphs"]
    ]  # fmt: skip
    markers = [(_str(lab), _int(s), _int(e), _int(p), _str(n, True)) for lab, s, e, p, n in raw["markers"]]
    notes = [(_str(lab), _str(k), _int(s), _int(e), _int(t), _int(p)) for lab, k, s, e, t, p in raw["notes"]]
    layout = {
        "author": _str(raw["author"], True),
        "book": _str(raw["book"], True),
        "chapter": _str(raw["chapter"], True),
        "paragraphs": paragraphs,
        "markers": markers,
        "notes": notes,
    }
    if "text" in raw:
        layout.update(
            text=_str(raw["text"]), encoding=_str(raw["encoding"]), warning=_str(raw["warning"], True)
        )
    return layout


def _same(layout: dict[str, Any]) -> dict[str, Any]:
    return layout


DOCUMENTS = Kind("documents", _same, _decode)


def _document(layout: dict[str, Any], name: str, decoded: Decoded | None, key: str) -> Document:
    """A Document from a validated layout and its text (the layout's own for HTML); offsets outside
    the text are an error."""
    if decoded is None:
        if "text" not in layout:
            raise KeyError("an HTML layout without its text")
        warning = layout["warning"]
        decoded = Decoded(layout["text"], layout["encoding"], f"{name}: {warning}" if warning else None)
    text = decoded.text
    size = len(text)
    notes = layout["notes"]
    spans = [(p[1], p[2]) for p in layout["paragraphs"]] + [(m[1], m[2]) for m in layout["markers"]]
    spans += [(n[2], n[3]) for n in notes] + [(n[4], n[3]) for n in notes]
    if any(not s <= e <= size for s, e in spans):
        raise ValueError("cached offsets fall outside the text")
    paragraphs = [
        Paragraph(i, s, e, k, sec, w, text[s:e], name, f) for i, s, e, k, sec, w, f in layout["paragraphs"]
    ]
    count = len(paragraphs)
    if any(p.index != n for n, p in enumerate(paragraphs)) or any(m[3] >= count for m in layout["markers"]):
        raise ValueError("cached paragraphs do not match")
    return Document(
        name=name,
        text=text,
        digest=key,
        author=layout["author"],
        book=layout["book"],
        chapter=layout["chapter"],
        paragraphs=paragraphs,
        markers=[Marker(*m) for m in layout["markers"]],
        notes=[Note(*n) for n in notes],
        encoding=decoded.encoding,
        warning=decoded.warning,
    )


def _parse(item: tuple[str | bytes, str]) -> dict[str, Any]:
    """The layout of one input, ``(payload, name)``: an HTML page comes as its bytes (the reader
    decodes them by the charset it declares), a text as its decoded text."""
    payload, name = item
    if isinstance(payload, bytes):  # only on a cache miss: a warm run never parses
        from textkit.corpus.html import read_html

        return _html_layout(read_html(payload, name))
    from textkit.corpus.parse import parse_document

    return _layout(parse_document(payload))


def _has_body_text(doc: Document) -> bool:
    return any(p.kind in (BODY, BLOCK) for p in doc.paragraphs)


def _keep(documents: list[Document], items: list[Source]) -> list[Document]:
    """Drop the EPUB chapters with no body text (covers, title pages); an HTML page, or a whole
    EPUB, with no body text is an error."""
    keep = [item.format != HTML or _has_body_text(doc) for doc, item in zip(documents, items, strict=True)]
    for item, kept in zip(items, keep, strict=True):
        if not kept and item.container is None:
            raise DataError(f"{item.name}: {NO_BODY}")
    books = {item.container for item in items if item.container}
    empty = sorted(books - {item.container for item, kept in zip(items, keep, strict=True) if kept})
    if empty:
        raise DataError(f"{empty[0]}: no chapter of this EPUB has body text")
    return [doc for doc, kept in zip(documents, keep, strict=True) if kept]


def _identify(items: list[Source], cache: Cache) -> tuple[list[Decoded | None], list[str], list[str]]:
    """Each input's decoded text (None for HTML, which its reader decodes), digest and parse key."""
    digests = source_digests(items, cache)
    decoded = [None if item.format == HTML else decode_bytes(item.data, item.name) for item in items]
    return decoded, digests, [cache.key(DOCUMENTS.name, dig) for dig in digests]


def load_documents(
    items: list[Source], cache: Cache, warn: Warn = _ignore, progress: Progress | None = None
) -> list[Document]:
    """Decode every input, parse each distinct one once (on every core for many), reuse cached parses.

    An EPUB chapter with no body text is left out; an HTML page with none is an error."""
    decoded, digests, keys = _identify(items, cache)
    work = [(item.data if d is None else d.text, item.name) for item, d in zip(items, decoded, strict=True)]

    def build() -> list[Document]:
        layouts = cached_map(cache, DOCUMENTS, work, keys, _parse, progress)
        return [
            _document(layout, item.name, d, dig)
            for layout, item, d, dig in zip(layouts, items, decoded, digests, strict=True)
        ]

    try:
        documents = build()
    except (ValueError, TypeError, KeyError):  # a cached layout that does not fit its text
        for key in keys:
            cache.discard(DOCUMENTS.name, key)
        documents = build()
    for doc in documents:
        if doc.warning:
            warn(doc.warning)
    return _keep(documents, items)


class _Job(NamedTuple):
    """What a worker needs to give one input's document: its bytes, name and format, and the key
    its parse is cached under. The worker decodes the bytes and reads the cached parse itself, so
    that the main process holds no decoded text and both happen on every core."""

    data: bytes
    name: str
    format: str
    digest: str
    key: str


def _on_document(func: Callable[[Document], R], cache: Cache, job: _Job) -> tuple[bool, str | None, R | None]:
    """On a worker: the document (parsed and cached unless its cached layout fits), then ``func`` of
    it unless it is left out (an HTML page with no body text: ``func`` sees only what the caller
    gets). Only whether it has body text, its warning and ``func``'s result cross back, never the
    document; the worker writes the parse to the cache itself, so that the writes go on every core."""
    decoded = None if job.format == HTML else decode_bytes(job.data, job.name)
    layout = cache.get(DOCUMENTS.name, job.key, _decode)
    try:
        doc = None if layout is None else _document(layout, job.name, decoded, job.digest)
    except (ValueError, TypeError, KeyError):  # a cached layout that does not fit its text
        doc = None
    if doc is None:
        doc, fresh = _fresh_document(job, decoded)
        cache.put(DOCUMENTS.name, job.key, fresh, DOCUMENTS.encode)
    has_body = _has_body_text(doc)
    return has_body, doc.warning, func(doc) if _kept(job.format, has_body) else None


def _kept(format: str, has_body: bool) -> bool:
    """An HTML page (an EPUB chapter, say) with no body text is left out."""
    return has_body or format != HTML


def _fresh_document(job: _Job, decoded: Decoded | None) -> tuple[Document, dict[str, Any]]:
    """A job's document parsed afresh, and its layout to cache. A text's document is the parse
    itself, as ``_document`` would rebuild it from the layout; an HTML page's is rebuilt that way."""
    if decoded is None:
        layout = _parse((job.data, job.name))
        return _document(layout, job.name, None, job.digest), layout
    from textkit.corpus.parse import parse_document

    doc = parse_document(decoded.text, job.name, job.digest, decoded.encoding)
    doc.warning = decoded.warning
    return doc, _layout(doc)


def map_documents(
    items: list[Source],
    cache: Cache,
    func: Callable[[Document], R],
    warn: Warn = _ignore,
    progress: Progress | None = None,
) -> Iterator[tuple[Source, str | None, R]]:
    """``(item, warning, func(document))`` for each kept input, in order, with the parsing and ``func``
    both on the workers, so that a document is never pickled. Parses are read from and written to the
    cache as ``load_documents`` does, and the same inputs are left out (or refused)."""
    digests = source_digests(items, cache)
    jobs = [
        _Job(item.data, item.name, item.format, dig, cache.key(DOCUMENTS.name, dig))
        for item, dig in zip(items, digests, strict=True)
    ]
    books: dict[str, bool] = {}
    results = parallel_stream(partial(_on_document, func, cache.detached()), jobs, progress)
    for item, (has_body, warning, result) in zip(items, results, strict=True):
        if warning:
            warn(warning)
        if item.container is not None:
            books[item.container] = books.get(item.container, False) or has_body
        if not _kept(item.format, has_body):
            if item.container is None:
                raise DataError(f"{item.name}: {NO_BODY}")
            continue
        yield item, warning, cast(R, result)
    cache.prune_now_and_then()
    empty = sorted(book for book, any_body in books.items() if not any_body)
    if empty:
        raise DataError(f"{empty[0]}: no chapter of this EPUB has body text")


def load_document(data: bytes, name: str, cache: Cache, warn: Warn = _ignore) -> Document:
    """Decode and parse one input's bytes, reusing the cached parse of identical bytes."""
    return load_documents([Source(name, data)], cache, warn)[0]


def document_text(item: Source, cache: Cache) -> str:
    """The text a source's document offsets index: the decoded bytes, or an HTML page's derived text
    (from the cached parse)."""
    if item.format == HTML:
        return load_documents([item], cache)[0].text
    return decode_bytes(item.data, item.name).text


NAME_TYPES = ("person", "body", "other")


def read_aliases(folder: Path | None) -> tuple[dict[str, str], dict[str, str]]:
    """Optional ``aliases.tsv`` beside a corpus: ``alias<TAB>name[<TAB>type]`` per line (a header
    allowed): the names the text spells differently, and the types (person, body, other) it fixes."""
    path = folder / ALIASES_FILE if folder else None
    if path is None or not path.is_file():
        return {}, {}
    aliases: dict[str, str] = {}
    types: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = [p.strip() for p in line.split("\t")]
        if len(parts) < 2 or not parts[0] or not parts[1] or line.startswith("#") or parts[0] == "alias":
            continue
        if parts[0] != parts[1]:
            aliases[parts[0]] = parts[1]
        if len(parts) >= 3 and parts[2].lower() in NAME_TYPES:
            types[parts[1]] = parts[2].lower()
    return aliases, types


def corpus_from_sources(
    sources: Sources, *, use_cache: bool = True, warn: Warn = _ignore, progress: Progress | None = None
) -> Corpus:
    cache = Cache(enabled=use_cache)
    documents = load_documents(sources.items, cache, warn, progress)
    aliases, types = read_aliases(sources.folder)
    return Corpus(documents, aliases, sources.label, cache, types)


def load_corpus(
    source: str | Path | None = None,
    *,
    use_cache: bool = True,
    warn: Warn = _ignore,
    progress: Progress | None = None,
) -> Corpus:
    """Load the bundled corpus (default), a file (text, HTML or EPUB), a folder of them, or ``-`` for
    stdin."""
    return corpus_from_sources(read_sources(source), use_cache=use_cache, warn=warn, progress=progress)
