"""Run a per-document analysis over many documents on every core, when there are enough to pay for
starting worker processes; a chapter or two is done in-process."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TypeVar

from textkit.model import Document

PARALLEL_FROM = 8  # documents to analyse before it pays to start worker processes
T = TypeVar("T")


def map_documents(
    func: Callable[[Document, Mapping[str, str]], T], docs: list[Document], aliases: Mapping[str, str]
) -> list[T]:
    """``[func(doc, aliases) for doc in docs]``, spread over the machine's cores for large corpora."""
    workers = min(os.cpu_count() or 1, len(docs))
    if len(docs) < PARALLEL_FROM or workers < 2:
        return [func(doc, aliases) for doc in docs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, docs, [dict(aliases)] * len(docs), chunksize=4))
