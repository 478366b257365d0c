"""Every quotation of a corpus, attributed: the cached entry point.

Attribution runs once per distinct document (on every core for many) and is cached by the
document's bytes, the aliases and the code; the engine is imported only on a cache miss, so a warm
``textkit quotes`` stays instant.
"""

from __future__ import annotations

from dataclasses import asdict
from functools import partial
from typing import Any

from textkit.corpus.model import Corpus, Document
from textkit.quotes.record import Quote, check_fields, records
from textkit.store.cache import Kind, cached_map, options_key
from textkit.store.parallel import Progress


def _encode(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return rows


def _decode(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise TypeError("not a list of quotations")
    return [check_fields(r) for r in raw]


QUOTES = Kind("quotes", _encode, _decode)


def _attribute(doc: Document, aliases: dict[str, str], types: dict[str, str]) -> list[dict[str, Any]]:
    from textkit.quotes.engine import document_quotes

    return [asdict(q) for q in document_quotes(doc, aliases, types)]


def find_quotes(corpus: Corpus, progress: Progress | None = None) -> list[Quote]:
    """Every quotation and quoted term in the corpus, in document order, attributed and numbered."""
    options = options_key({"aliases": corpus.aliases, "types": corpus.alias_types})
    keys = [corpus.cache.key(QUOTES.name, doc.digest, options) for doc in corpus.documents]
    memo = corpus.cache.remembered("quote records", options + "".join(keys))
    if memo is not None:
        return memo
    compute = partial(_attribute, aliases=dict(corpus.aliases), types=dict(corpus.alias_types))
    per_doc = cached_map(corpus.cache, QUOTES, list(corpus.documents), keys, compute, progress)
    quotes: list[Quote] = []
    for doc, rows in zip(corpus.documents, per_doc, strict=True):
        quotes.extend(records(rows, len(quotes), doc.name))
    return corpus.cache.remember("quote records", options + "".join(keys), quotes)
