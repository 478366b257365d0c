"""Collocates: the words found near a query's hits, with association scores.

The window of each hit is L tokens to the left and R to the right within its document, counted over
running text; overlapping windows count each token once and the hit's own tokens are not collocates.
For a collocate ``c`` the contingency table is: ``n_ii`` = occurrences of ``c`` in the windows,
``n_ix`` = tokens in the windows, ``n_xi`` = occurrences of ``c`` in the corpus, ``n_xx`` = tokens in the
corpus. Scores use the formulas of nltk's ``BigramAssocMeasures`` (pmi, likelihood_ratio, student_t),
restated here so that a query does not pay 0.4 s to import nltk; a test checks they agree.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from textkit.concordance.index import RUNNING_CODES, WordIndex
from textkit.concordance.search import Hit, Query, find
from textkit.concordance.wordlist import fold_counts
from textkit.text.lexicon import stopwords

SORT_KEYS = ("ll", "pmi", "t", "freq")
_SMALL = 1e-20  # nltk's guard against log(0) and division by zero


@dataclass(frozen=True)
class Collocate:
    collocate: str
    freq: int
    freq_left: int
    freq_right: int
    corpus_freq: int
    pmi: float
    log_likelihood: float
    t_score: float


def pmi(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """Pointwise mutual information: log2(n_ii·N / (n_ix·n_xi))."""
    return math.log2(n_ii * n_xx) - math.log2(n_ix * n_xi)


def _contingency(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> tuple[int, int, int, int]:
    n_oi, n_io = n_xi - n_ii, n_ix - n_ii
    return n_ii, n_oi, n_io, n_xx - n_ii - n_oi - n_io


def log_likelihood(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """Dunning's G²: 2·Σ O·ln(O/E) over the four cells of the contingency table."""
    cont = _contingency(n_ii, n_ix, n_xi, n_xx)
    total = sum(cont)
    expected = [(cont[i] + cont[i ^ 1]) * (cont[i] + cont[i ^ 2]) / total for i in range(4)]
    return 2 * sum(o * math.log(o / (e + _SMALL) + _SMALL) for o, e in zip(cont, expected, strict=True))


def t_score(n_ii: int, n_ix: int, n_xi: int, n_xx: int) -> float:
    """(O − E) / √O with E = n_ix·n_xi / N."""
    return (n_ii - n_ix * n_xi / n_xx) / math.sqrt(n_ii + _SMALL)


def _windows(index: WordIndex, hits: Sequence[Hit], left: int, right: int) -> tuple[dict[int, str], int]:
    """Each running-text window position once (marked L or R), and how many there are."""
    own = {h.token + k for h in hits for k in range(h.ntokens)}
    positions: dict[int, str] = {}
    for h in hits:
        first, last = index.doc_bounds(h.doc)
        span = range(max(first, h.token - left), h.token)
        after = range(h.token + h.ntokens, min(last, h.token + h.ntokens + right))
        for side, rng in (("L", span), ("R", after)):
            for p in rng:
                if p not in own and p not in positions and index.para_kind[index.para[p]] in RUNNING_CODES:
                    positions[p] = side
    return positions, len(positions)


def collocates(
    index: WordIndex,
    query: Query,
    *,
    window: tuple[int, int] = (5, 5),
    keep_stopwords: bool = False,
    min_freq: int = 1,
    sort: str = "ll",
) -> list[Collocate]:
    """Words co-occurring with the query within the window, best first by ``sort``."""
    hits = find(index, query)
    positions, n_ix = _windows(index, hits, *window)
    sides: dict[int, Counter[str]] = {}
    for p, side in positions.items():
        sides.setdefault(index.form_fold[index.form[p]], Counter())[side] += 1
    corpus = fold_counts(index)
    n_xx = sum(corpus)
    stop = frozenset() if keep_stopwords else stopwords()
    rows = []
    for fid, by_side in sides.items():
        n_ii, word = by_side.total(), index.folds[fid]
        if n_ii < min_freq or word in stop:
            continue
        n_xi = corpus[fid]
        rows.append(
            Collocate(
                word,
                n_ii,
                by_side["L"],
                by_side["R"],
                n_xi,
                pmi(n_ii, n_ix, n_xi, n_xx),
                log_likelihood(n_ii, n_ix, n_xi, n_xx),
                t_score(n_ii, n_ix, n_xi, n_xx),
            )
        )
    key = {"ll": "log_likelihood", "pmi": "pmi", "t": "t_score", "freq": "freq"}[sort]
    return sorted(rows, key=lambda c: (-getattr(c, key), -c.freq, c.collocate))
