"""Dispersion: where in each document a term's hits fall, and how evenly (Juilland's D).

Positions count running-text tokens from the start of the document. Juilland's D divides a document
into ``parts`` equal runs of tokens, takes the hit counts per part, and gives
``D = 1 − (σ/μ)/√(parts − 1)`` with σ the population standard deviation and μ the mean: 1 when the
hits are spread perfectly evenly, 0 when they all fall in one part.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from textkit.concordance.index import WordIndex
from textkit.concordance.search import Query, find
from textkit.concordance.wordlist import PER

DEFAULT_PARTS = 10


@dataclass(frozen=True)
class HitPosition:
    """One hit: its term, document, paragraph, running-token number and place (0–1) in the document."""

    term: str
    doc: str
    paragraph: int
    token: int
    position: float
    start: int
    end: int


@dataclass(frozen=True)
class TermDispersion:
    term: str
    doc: str
    hits: int
    tokens: int
    per_10k: float
    juilland_d: float | None
    positions: list[float] = field(default_factory=list)


def juilland_d(counts: Sequence[int]) -> float | None:
    """Juilland's D of hit counts in equal parts; None without hits or with fewer than two parts."""
    n = len(counts)
    mean = sum(counts) / n if n else 0
    if n < 2 or mean == 0:
        return None
    sd = math.sqrt(sum((c - mean) ** 2 for c in counts) / n)
    return 1 - (sd / mean) / math.sqrt(n - 1)


def dispersion(
    index: WordIndex, queries: Sequence[Query], parts: int = DEFAULT_PARTS
) -> tuple[list[TermDispersion], list[HitPosition]]:
    """Per term and document: hit count, frequency, Juilland's D; and every hit's position."""
    summaries, positions = [], []
    for query in queries:
        by_doc: dict[int, list[HitPosition]] = {d: [] for d in range(len(index.docs))}
        for hit in find(index, query):
            size = max(index.docs[hit.doc].running_tokens, 1)
            ordinal = index.running_ordinal(hit.token) if hit.ntokens else 0
            by_doc[hit.doc].append(
                HitPosition(
                    query.text,
                    index.docs[hit.doc].name,
                    index.para_index[hit.para],
                    ordinal,
                    min(ordinal / size, 1.0),
                    hit.start,
                    hit.end,
                )
            )
        for doc, hits in by_doc.items():
            size = index.docs[doc].running_tokens
            counts = [0] * parts
            for h in hits:
                counts[min(h.token * parts // max(size, 1), parts - 1)] += 1
            summaries.append(
                TermDispersion(
                    query.text,
                    index.docs[doc].name,
                    len(hits),
                    size,
                    PER * len(hits) / size if size else 0.0,
                    juilland_d(counts),
                    [h.position for h in hits],
                )
            )
            positions.extend(hits)
    return summaries, positions
