"""Short document ids and ``--doc``: how a reader names one document of a folder corpus.

Documents are numbered in corpus order (file-name order for a folder), so ``d3`` names the same file
every time the same folder is read; tables show the id so long file names never take the width.
"""

from __future__ import annotations

from collections.abc import Sequence

from textkit.corpus.model import Corpus
from textkit.errors import UsageError

_SHOWN = 8


def short_id(position: int) -> str:
    """The id of the document at ``position`` (from 0) in corpus order: ``d1``, ``d2``…"""
    return f"d{position + 1}"


def short_ids(names: Sequence[str]) -> dict[str, str]:
    """Each document name's short id, in corpus order."""
    return {name: short_id(i) for i, name in enumerate(names)}


def match_documents(names: Sequence[str], query: str) -> list[str]:
    """``--doc``: a short id (``d3``), an exact file name, the name without ``.txt``, or a part of
    exactly one name (any case). An ambiguous or unknown name is a usage error that lists the
    documents that match (or, when none does, the ids to choose from)."""
    ids = short_ids(names)
    by_id = [n for n in names if ids[n] == query.strip().lower()]
    exact = [n for n in names if query in (n, n.removesuffix(".txt"))]
    partial = [n for n in names if query.casefold() in n.casefold()]
    if by_id or exact or len(partial) == 1:
        return (by_id or exact or partial)[:1]
    if partial:
        raise UsageError(f"--doc {query!r} matches {len(partial)} documents: {_listing(partial, ids)}")
    raise UsageError(f"--doc {query!r} matches no document; choose one of: {_listing(names, ids)}")


def _listing(names: Sequence[str], ids: dict[str, str]) -> str:
    shown = ", ".join(f"{ids[n]} {n}" for n in names[:_SHOWN])
    return shown + (f" … ({len(names)} in all; `textkit info` lists them)" if len(names) > _SHOWN else "")


def only_document(corpus: Corpus, query: str | None) -> Corpus:
    """The corpus narrowed to the one document ``query`` names (the whole corpus for None)."""
    if query is None:
        return corpus
    (name,) = match_documents([d.name for d in corpus.documents], query)
    return Corpus(
        [d for d in corpus.documents if d.name == name], corpus.aliases, corpus.source, corpus.cache
    )
