"""Load a corpus: decode and parse each input once, keeping the parse in the cache by content.

A cached parse holds everything but the text (which is decoded again from the bytes and sliced), and
is validated as it is read back: a damaged entry is parsed afresh.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textkit.corpus.decode import Decoded, decode_bytes
from textkit.corpus.model import KINDS, Corpus, Document, Marker, Note, Paragraph
from textkit.corpus.sources import Source, Sources, read_sources
from textkit.store.cache import Cache, Kind, cached_map, digest
from textkit.store.parallel import Progress

ALIASES_FILE = "aliases.tsv"
Warn = Callable[[str], None]


def _ignore(message: str) -> None:
    return None


def _layout(doc: Document) -> dict[str, Any]:
    """Everything of a parse but the text, as plain JSON values."""
    return {
        "author": doc.author,
        "book": doc.book,
        "chapter": doc.chapter,
        "paragraphs": [[p.index, p.start, p.end, p.kind, p.section, p.words] for p in doc.paragraphs],
        "markers": [[m.label, m.start, m.end, m.paragraph, m.in_note] for m in doc.markers],
        "notes": [[n.label, n.kind, n.start, n.end, n.text_start, n.paragraph] for n in doc.notes],
    }


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
        (_int(i), _int(s), _int(e), k if k in KINDS else _str(None), _str(sec, True), _int(w))
        for i, s, e, k, sec, w in raw["paragraphs"]
    ]
    markers = [(_str(lab), _int(s), _int(e), _int(p), _str(n, True)) for lab, s, e, p, n in raw["markers"]]
    notes = [(_str(lab), _str(k), _int(s), _int(e), _int(t), _int(p)) for lab, k, s, e, t, p in raw["notes"]]
    return {
        "author": _str(raw["author"], True),
        "book": _str(raw["book"], True),
        "chapter": _str(raw["chapter"], True),
        "paragraphs": paragraphs,
        "markers": markers,
        "notes": notes,
    }


def _same(layout: dict[str, Any]) -> dict[str, Any]:
    return layout


DOCUMENTS = Kind("documents", _same, _decode)


def _document(layout: dict[str, Any], name: str, decoded: Decoded, key: str) -> Document:
    """A Document from a validated layout and its text; offsets outside the text are an error."""
    text = decoded.text
    size = len(text)
    spans = [(s, e) for _, s, e, *_ in layout["paragraphs"]] + [(s, e) for _, s, e, *_ in layout["markers"]]
    if any(not s <= e <= size for s, e in spans):
        raise ValueError("cached offsets fall outside the text")
    paragraphs = [
        Paragraph(i, s, e, k, sec, w, text[s:e], name) for i, s, e, k, sec, w in layout["paragraphs"]
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
        notes=[Note(*n) for n in layout["notes"]],
        encoding=decoded.encoding,
        warning=decoded.warning,
    )


def _parse(text: str) -> dict[str, Any]:
    from textkit.corpus.parse import parse_document  # only on a cache miss: a warm run never parses

    return _layout(parse_document(text))


def load_documents(
    items: list[Source], cache: Cache, warn: Warn = _ignore, progress: Progress | None = None
) -> list[Document]:
    """Decode every input, parse each distinct text once (on every core for many), reuse cached parses."""
    decoded = [decode_bytes(item.data, item.name) for item in items]
    for d in decoded:
        if d.warning:
            warn(d.warning)
    digests = [digest(item.data) for item in items]
    keys = [cache.key(DOCUMENTS.name, dig) for dig in digests]

    def build() -> list[Document]:
        layouts = cached_map(cache, DOCUMENTS, [d.text for d in decoded], keys, _parse, progress)
        return [
            _document(layout, item.name, d, dig)
            for layout, item, d, dig in zip(layouts, items, decoded, digests, strict=True)
        ]

    try:
        return build()
    except (ValueError, TypeError, KeyError):  # a cached layout that does not fit its text
        for key in keys:
            cache.discard(DOCUMENTS.name, key)
        return build()


def load_document(data: bytes, name: str, cache: Cache, warn: Warn = _ignore) -> Document:
    """Decode and parse one input's bytes, reusing the cached parse of identical bytes."""
    return load_documents([Source(name, data)], cache, warn)[0]


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
    """Load the bundled corpus (default), a file, a folder of .txt files, or ``-`` for stdin."""
    return corpus_from_sources(read_sources(source), use_cache=use_cache, warn=warn, progress=progress)
