"""Keyword in context: find a query's hits in the word index and cut their contexts from the raw text.

A query is one or more words separated by white space (a phrase, matched across any white space or
line break), each of which may hold the wildcards ``*`` (any letters) and ``?`` (one letter); or, with
``regex``, a Python regular expression searched in the raw running text like ``grep -o``. Words match
whole tokens, case-insensitively unless asked; with ``stem`` a word matches every token that shares
its Snowball stem. Running text (body, block quotations, headings, author notes) is searched unless
``include_notes`` asks for the notes list and title block too.
"""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from textkit.concordance.index import GAP_NONE, GAP_SPACE, RUNNING_CODES, WordIndex
from textkit.errors import UsageError
from textkit.text.tokens import fold, normalize, query_tokens

REGEX_SECONDS = 10.0  # a user's regular expression gets this long over the whole corpus
SORT_KEYS = ("position", "match", "L1", "L2", "L3", "R1", "R2", "R3")
_SPACE_RUN = re.compile(r"\s+")
_SLACK = 64  # extra raw characters read so that collapsing white space still leaves enough context


@dataclass(frozen=True)
class Query:
    """What to look for and how to match it."""

    text: str
    regex: bool = False
    stem: bool = False
    case_sensitive: bool = False
    include_notes: bool = False


@dataclass(frozen=True)
class Hit:
    """One match: its document, first token, number of tokens, paragraph row and character span."""

    doc: int
    token: int
    ntokens: int
    para: int
    start: int
    end: int


@dataclass(frozen=True)
class KwicLine:
    """A concordance line as the user sees it, with the match's offsets in its document."""

    doc: str
    paragraph: int
    section: str | None
    left: str
    match: str
    right: str
    start: int
    end: int


@dataclass(frozen=True)
class _Term:
    """One token of a word query: the ids it may have and what must separate it from the previous."""

    ids: frozenset[int]
    gap: int


def validate(query: Query) -> None:
    """Refuse queries that cannot mean anything, before any work is done."""
    if not query.text.strip():
        raise UsageError("empty query")
    if query.regex and query.stem:
        raise UsageError("--regex and --stem cannot be combined")
    if query.stem and query.case_sensitive:
        raise UsageError("--stem and --case-sensitive cannot be combined: stems ignore case")
    if query.regex:
        _compile_regex(query)
    elif not query_tokens(query.text):
        raise UsageError(f"query has no words: {query.text!r}")


def _compile_regex(query: Query) -> Any:
    """The ``regex`` engine (re's syntax) because it can stop a pattern that backtracks forever."""
    import regex

    try:
        return regex.compile(query.text, regex.V0 | (0 if query.case_sensitive else regex.IGNORECASE))
    except regex.error as exc:
        raise UsageError(f"invalid regular expression {query.text!r}: {exc}") from None


def _wildcard(pattern: str) -> re.Pattern[str]:
    """``*`` and ``?`` as fnmatch compiles them: atomic groups, so ``*a*a*a*c`` cannot backtrack
    exponentially on a long word."""
    import fnmatch

    return re.compile(fnmatch.translate(pattern.replace("[", "[[]")))


def _stem_of(index: WordIndex, word: str) -> int | None:
    """A word's stem id, from the index's vocabulary, else from nltk's Snowball stemmer."""
    fid = index.fold_ids.get(word)
    if fid is not None:
        return index.fold_stem[fid]
    from nltk.stem.snowball import SnowballStemmer

    stem = normalize(SnowballStemmer("english").stem(word))
    return next((i for i, s in enumerate(index.stems) if s == stem), None)


def _term_ids(index: WordIndex, word: str, query: Query) -> frozenset[int]:
    """Ids of the forms (case-sensitive) or folded forms a query word matches."""
    key = normalize(word) if query.case_sensitive else fold(word)
    vocab, lookup = (index.forms, index.form_ids) if query.case_sensitive else (index.folds, index.fold_ids)
    if "*" in key or "?" in key:
        pattern = _wildcard(key)
        ids = {i for i, v in enumerate(vocab) if pattern.fullmatch(v)}
    else:
        ids = {lookup[key]} if key in lookup else set()
    if not query.stem:
        return frozenset(ids)
    stems = {index.fold_stem[i] for i in ids} if ("*" in key or "?" in key) else {_stem_of(index, key)}
    return frozenset(i for i, s in enumerate(index.fold_stem) if s in stems)


def _terms(index: WordIndex, query: Query) -> list[_Term]:
    text = query.text.strip()
    terms, prev_end = [], None
    for s, e in query_tokens(text):
        gap = GAP_NONE if prev_end == s else GAP_SPACE
        terms.append(_Term(_term_ids(index, text[s:e], query), gap))
        prev_end = e
    return terms


def _postings(index: WordIndex, ids: frozenset[int], case_sensitive: bool) -> list[int]:
    order, ptr = (index.form_order, index.form_ptr) if case_sensitive else (index.fold_order, index.fold_ptr)
    if len(ids) == 1:
        (i,) = ids
        return list(order[ptr[i] : ptr[i + 1]])
    return sorted(p for i in ids for p in order[ptr[i] : ptr[i + 1]])


def _token_id(index: WordIndex, position: int, case_sensitive: bool) -> int:
    form = index.form[position]
    return form if case_sensitive else index.form_fold[form]


def _phrase_at(index: WordIndex, position: int, terms: Sequence[_Term], query: Query, limit: int) -> bool:
    """Do the tokens after ``position`` match the rest of the phrase, in the same document?"""
    if position + len(terms) > limit:
        return False
    for k in range(1, len(terms)):
        p = position + k
        if index.gap[p] != terms[k].gap or _token_id(index, p, query.case_sensitive) not in terms[k].ids:
            return False
        if not query.include_notes and index.para_kind[index.para[p]] not in RUNNING_CODES:
            return False
    return True


def _word_hits(index: WordIndex, query: Query) -> list[Hit]:
    terms = _terms(index, query)
    if any(not t.ids for t in terms):
        return []
    hits = []
    n, para, kinds = len(terms), index.para, index.para_kind
    for p in _postings(index, terms[0].ids, query.case_sensitive):
        row = para[p]
        if not query.include_notes and kinds[row] not in RUNNING_CODES:
            continue
        doc = index.para_doc[row]
        if n > 1 and not _phrase_at(index, p, terms, query, index.doc_bounds(doc)[1]):
            continue
        hits.append(Hit(doc, p, n, row, index.start[p], index.end[p + n - 1]))
    return hits


def _paragraph_at(index: WordIndex, doc: int, offset: int) -> int | None:
    """The paragraph row holding a character offset of a document, if any."""
    entry = index.docs[doc]
    lo, hi = entry.first_para, entry.first_para + entry.n_paras
    row = bisect.bisect_right(index.para_start, offset, lo, hi) - 1
    if row < lo or offset >= index.para_end[row]:
        return None
    return row


def _regex_matches(pattern: Any, text: str, deadline: float, query: Query) -> Iterator[Any]:
    try:
        yield from pattern.finditer(text, timeout=max(deadline - time.monotonic(), 0.001))
    except TimeoutError:
        raise UsageError(
            f"--regex {query.text!r} ran for over {REGEX_SECONDS:g} s: it backtracks too much; "
            "simplify it (avoid nested repeats such as (a+)+)"
        ) from None


def _regex_hits(index: WordIndex, query: Query) -> list[Hit]:
    pattern = _compile_regex(query)
    deadline = time.monotonic() + REGEX_SECONDS
    hits = []
    for doc in range(len(index.docs)):
        first, last = index.doc_bounds(doc)
        for m in _regex_matches(pattern, index.text(doc), deadline, query):
            start, end = m.span()
            row = _paragraph_at(index, doc, start) if end > start else None
            if row is None or (not query.include_notes and index.para_kind[row] not in RUNNING_CODES):
                continue
            token = bisect.bisect_right(index.end, start, first, last)
            after = bisect.bisect_left(index.start, end, first, last)
            hits.append(Hit(doc, token, max(after - token, 0), row, start, end))
    return hits


def find(index: WordIndex, query: Query) -> list[Hit]:
    """Every hit of the query, in text order."""
    validate(query)
    return _regex_hits(index, query) if query.regex else _word_hits(index, query)


def parse_sort_keys(keys: Sequence[str]) -> list[str]:
    """``--sort`` values, comma-separated or repeated, checked against the known keys."""
    parsed = [k.strip() for value in keys for k in value.split(",") if k.strip()]
    by_lower = {k.lower(): k for k in SORT_KEYS}
    unknown = [k for k in parsed if k.lower() not in by_lower]
    if unknown:
        raise UsageError(f"unknown sort key {unknown[0]!r} (choose from {', '.join(SORT_KEYS)})")
    return [by_lower[k.lower()] for k in parsed]


def _neighbour(index: WordIndex, hit: Hit, key: str) -> str:
    """The folded word at L<n> or R<n> of a hit, or '' beyond the document's edge."""
    first, last = index.doc_bounds(hit.doc)
    distance = int(key[1])
    position = hit.token - distance if key[0] == "L" else hit.token + max(hit.ntokens, 1) - 1 + distance
    return index.token_fold(position) if first <= position < last else ""


def sort_hits(index: WordIndex, hits: Sequence[Hit], keys: Sequence[str]) -> list[Hit]:
    """AntConc's sort: by match text or neighbouring words, each compared case-insensitively."""

    def sort_key(hit: Hit) -> tuple[object, ...]:
        parts: list[object] = []
        for key in keys:
            if key == "match":
                parts.append(fold(index.text(hit.doc)[hit.start : hit.end]))
            elif key != "position":
                parts.append(_neighbour(index, hit, key))
        return (*parts, hit.doc, hit.start)

    return sorted(hits, key=sort_key)


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text)


def _char_context(text: str, hit: Hit, width: int) -> tuple[str, str]:
    left = _collapse(text[max(0, hit.start - width - _SLACK) : hit.start])[-width:]
    right = _collapse(text[hit.end : hit.end + width + _SLACK])[:width]
    return left, right


def _word_context(index: WordIndex, text: str, hit: Hit, words: int) -> tuple[str, str]:
    first, last = index.doc_bounds(hit.doc)
    left_token = max(first, hit.token - words)
    left_from = index.start[left_token] if left_token < hit.token else hit.start
    right_token = min(last - 1, hit.token + max(hit.ntokens, 1) - 1 + words)
    right_to = index.end[right_token] if right_token >= hit.token + hit.ntokens else hit.end
    return _collapse(text[min(left_from, hit.start) : hit.start]), _collapse(
        text[hit.end : max(right_to, hit.end)]
    )


def kwic(
    index: WordIndex, hits: Sequence[Hit], *, width: int | None = None, words: int | None = None
) -> list[KwicLine]:
    """Concordance lines: ``width`` characters of context each side, or ``words`` tokens each side."""
    return list(iter_kwic(index, hits, width=width, words=words))


def iter_kwic(
    index: WordIndex, hits: Sequence[Hit], *, width: int | None = None, words: int | None = None
) -> Iterator[KwicLine]:
    """``kwic`` one line at a time, for output that streams."""
    for hit in hits:
        text = index.text(hit.doc)
        if words is not None:
            left, right = _word_context(index, text, hit, words)
        else:
            left, right = _char_context(text, hit, width if width is not None else 60)
        section = index.para_section[hit.para]
        yield KwicLine(
            doc=index.docs[hit.doc].name,
            paragraph=index.para_index[hit.para],
            section=index.sections[section] if section >= 0 else None,
            left=left,
            match=_collapse(text[hit.start : hit.end]),
            right=right,
            start=hit.start,
            end=hit.end,
        )
