"""Word lists: how often each word occurs, from the counts the word index keeps per form."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from textkit.concordance.index import WordIndex
from textkit.text.lexicon import stopwords

PER = 10_000


@dataclass(frozen=True)
class WordCount:
    """One row of a word list; with stems, ``word`` is the commonest form and ``forms`` lists them all."""

    rank: int
    word: str
    count: int
    per_10k: float
    stem: str | None = None
    forms: list[str] = field(default_factory=list)


def form_counts(index: WordIndex, include_notes: bool = False) -> list[int]:
    """Occurrences of each exact form, in running text or (``include_notes``) anywhere."""
    return index.form_count_all if include_notes else index.form_count_running


def fold_counts(index: WordIndex, include_notes: bool = False) -> list[int]:
    """Occurrences of each case-folded form."""
    counts = [0] * len(index.folds)
    for form, n in enumerate(form_counts(index, include_notes)):
        counts[index.form_fold[form]] += n
    return counts


def word_list(
    index: WordIndex,
    *,
    stem: bool = False,
    case_sensitive: bool = False,
    keep_stopwords: bool = False,
    include_notes: bool = False,
    min_count: int = 1,
) -> list[WordCount]:
    """Words by descending count (ties alphabetical), with frequency per 10,000 tokens.

    Stopwords are left out of the list but not out of the total that frequencies are relative to.
    """
    counts = form_counts(index, include_notes)
    total = sum(counts)
    stop = frozenset() if keep_stopwords else stopwords()
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    for form, n in enumerate(counts):
        folded = index.folds[index.form_fold[form]]
        if n == 0 or folded in stop:
            continue
        if stem:
            groups[index.stems[index.fold_stem[index.form_fold[form]]]][folded] += n
        else:
            groups[index.forms[form] if case_sensitive else folded][folded] += n
    rows = sorted(((sum(c.values()), word, c) for word, c in groups.items()), key=lambda r: (-r[0], r[1]))
    result, rank = [], 0
    for i, (n, word, forms) in enumerate(rows):
        if n < min_count:
            break
        rank = rank if result and result[-1].count == n else i + 1
        per_10k = PER * n / total if total else 0.0
        if stem:
            listed = [f for f, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
            result.append(WordCount(rank, listed[0], n, per_10k, word, listed))
        else:
            result.append(WordCount(rank, word, n, per_10k))
    return result
