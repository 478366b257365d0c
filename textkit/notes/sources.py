"""Which works a text stands on: notes grouped by the work they cite, with pages and whose words.

Grouping uses the resolved citations, so ``Ibid.``, ``op. cit.`` and short forms count for the work
they repeat; a note citing several works counts for each, and words quoted from another book count
for that book (and for their own source, when it is named). Spellings of one work are joined by
the rules of ``works.py`` within a document and across a folder; a citation that names an author
but no work is kept to its own document, since nothing says which of the author's works it means.
``why`` says how each note came to its work and why spellings were joined. Titles one letter
apart are flagged as possibly the same, never merged silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from typing import TYPE_CHECKING, Any

from textkit.notes.citations import FULL, IBID, IDEM, OP_CIT, SHORT, Citation
from textkit.notes.footnotes import NoteEntry, describe_labels
from textkit.notes.pages import PageRange, format_pages, is_roman, merge_pages, roman_value
from textkit.notes.works import (
    author_key,
    fold,
    possibly_same,
    same_work,
    similar_author_keys,
    split_names,
    title_key,
)

if TYPE_CHECKING:
    import pandas as pd

SORTS = ("notes", "author", "work")
COLUMNS = [
    "author", "work", "articles", "published", "notes", "labels", "volumes", "pages", "dates", "speakers",
    "docs", "flags", "why", "kind", "authors", "editors", "et_al", "title", "place", "publisher", "year",
    "volume", "issue", "periodical",
]  # fmt: skip
UNPARSED_FLAG = "not parsed: raw note text shown as the work"


@dataclass(frozen=True)
class _Mention:
    """One note citing one work, and how the note came to it."""

    doc: str
    label: str
    citation: Citation
    how: str
    speakers: tuple[str, ...]

    @property
    def who(self) -> str | None:
        return self.citation.author or self.citation.editor


def _how(c: Citation) -> str:
    ref = c.refers_to
    if c.form == IBID:
        return f"Ibid. of note {ref}" if ref else "Ibid. with nothing before it"
    if c.form == IDEM:
        return f"Idem, after note {ref}"
    if c.form == OP_CIT:
        return f"op. cit. of note {ref}" if ref else "op. cit. unresolved"
    if c.form == SHORT:
        return f"short form of note {ref}" if ref else "author named without a work"
    if c.form == FULL:
        return f"names again the work of note {ref}" if ref else "named in full"
    return "not parsed"


def _mentions(entries: Iterable[NoteEntry]) -> list[_Mention]:
    found = []
    for e in entries:
        speakers = tuple(p.speaker for p in e.places if p.speaker)
        for c in e.cited:
            inner = c.quoted_in
            if inner is None:
                found.append(_Mention(e.doc, e.label, c, _how(c), speakers))
                continue
            found.append(_Mention(e.doc, e.label, inner, f"{_how(inner)}, quoting another source", speakers))
            if c.work:
                own = replace(c, quoted_in=None)
                found.append(_Mention(e.doc, e.label, own, f"quoted in {inner.display()}", speakers))
    return found


def _variant(m: _Mention) -> tuple[str, ...]:
    """Mentions that are one spelling of one work."""
    c = m.citation
    if not c.names_source:
        return ("raw", fold(c.raw))
    who = author_key(m.who) or ""
    if not c.work:
        return ("author", who, m.doc)
    return ("work", who, title_key(c.work))


class _Groups:
    """Union-find over spellings, remembering why each pair was joined."""

    def __init__(self, keys: Iterable[tuple[str, ...]]) -> None:
        self.parent = {k: k for k in keys}
        self.reasons: dict[tuple[str, ...], list[str]] = {}

    def find(self, key: tuple[str, ...]) -> tuple[str, ...]:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: tuple[str, ...], b: tuple[str, ...], why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.reasons.setdefault(ra, []).extend([*self.reasons.pop(rb, []), why])


def _similar_authors(keys: list[str]) -> list[tuple[str, str]]:
    """Pairs of author keys spelled alike, compared only within (surname count, initial) buckets."""
    buckets: dict[tuple[int, str], list[str]] = {}
    for key in keys:
        if key:
            buckets.setdefault((len(key.split()), key[0]), []).append(key)
    return [
        (a, b) for bucket in buckets.values() for a, b in combinations(bucket, 2) if similar_author_keys(a, b)
    ]


def _join_spellings(spellings: dict[tuple[str, ...], list[_Mention]]) -> _Groups:
    groups = _Groups(spellings)
    named = [k for k in spellings if k[0] == "work"]
    by_author: dict[str, list[tuple[str, ...]]] = {}
    for key in named:
        by_author.setdefault(key[1], []).append(key)
    shown = {k: (spellings[k][0].who, spellings[k][0].citation.work or "") for k in named}
    author_pairs = [(a, a) for a in by_author] + _similar_authors(list(by_author))
    for a, b in author_pairs:
        pairs = (
            combinations(by_author[a], 2) if a == b else ((x, y) for x in by_author[a] for y in by_author[b])
        )
        for x, y in pairs:
            (who_x, title_x), (who_y, title_y) = shown[x], shown[y]
            why = same_work(who_x, title_x, who_y, title_y)
            if why:
                groups.join(x, y, f"‘{title_x}’ and ‘{title_y}’ joined: {why}")
    return groups


def _labels(mentions: Sequence[_Mention], multi_doc: bool) -> str:
    if not multi_doc:
        return describe_labels(m.label for m in mentions)
    by_doc: dict[str, list[str]] = {}
    for m in mentions:
        by_doc.setdefault(m.doc, []).append(m.label)
    return "; ".join(f"{doc}: {describe_labels(labels)}" for doc, labels in by_doc.items())


def _volume_order(volume: str) -> tuple[int, int, str]:
    """Volumes in numeric order (``2`` before ``10``, ``II`` before ``X``), issues after them."""
    number = volume.removeprefix("no. ")
    if number.isdigit():
        return int(volume != number), int(number), volume
    if is_roman(number):
        return int(volume != number), roman_value(number), volume
    return 2, 0, volume


def _volumes(cites: Iterable[Citation]) -> list[str]:
    return sorted(dict.fromkeys(c.volume_text for c in cites if c.volume_text), key=_volume_order)


def _pages_by_volume(mentions: Sequence[_Mention]) -> str:
    volumes = _volumes(m.citation for m in mentions)
    if len(volumes) <= 1:
        return format_pages(merge_pages(p for m in mentions for p in m.citation.pages))
    parts = []
    for volume in [*volumes, None]:
        pages: list[PageRange] = [
            p for m in mentions if m.citation.volume_text == volume for p in m.citation.pages
        ]
        if pages or volume:
            shown = format_pages(merge_pages(pages))
            parts.append(f"vol. {volume}: {shown}" if volume else f"no vol.: {shown}")
    return "; ".join(parts)


def _longest(values: Iterable[str | None]) -> str | None:
    present = [v for v in values if v]
    return max(present, key=len) if present else None


def _most_cited(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return max(counts, key=lambda v: (counts[v], len(v))) if counts else None


def _published(c: Citation) -> str | None:
    place = ": ".join(p for p in (c.place, c.publisher) if p)
    year = None if c.periodical else c.year
    return " ".join(str(p) for p in (place, year) if p) or None


def _why(mentions: Sequence[_Mention], merges: Sequence[str], multi_doc: bool) -> list[str]:
    by_how: dict[str, list[_Mention]] = {}
    for m in mentions:
        by_how.setdefault(m.how, []).append(m)
    lines = [f"{how}: {_labels(ms, multi_doc)}" for how, ms in by_how.items()]
    docs = list(dict.fromkeys(m.doc for m in mentions))
    if len(docs) > 1:
        lines.append(f"cited in {len(docs)} documents: {', '.join(docs)}")
    return lines + list(merges)


def _kind(c: Citation, articles: Sequence[str], unparsed: bool) -> str:
    """What a bibliography calls the work: book, chapter, article, periodical, document."""
    if unparsed or not c.work:
        return "document"
    if c.periodical:
        return "article" if len(articles) == 1 else "periodical"
    return "chapter" if len(articles) == 1 else "book"


def _single(values: Iterable[Any]) -> Any:
    found = list(dict.fromkeys(v for v in values if v))
    return found[0] if len(found) == 1 else None


def _row(mentions: Sequence[_Mention], merges: Sequence[str], multi_doc: bool) -> dict[str, Any]:
    cites = [m.citation for m in mentions]
    unparsed = not cites[0].names_source
    author = _longest(m.who for m in mentions)
    editor = _longest(c.editor for c in cites)
    work = cites[0].raw.strip() if unparsed else _most_cited(c.work for c in cites)
    first = next((c for c in cites if c.work == work), cites[0])
    articles = list(dict.fromkeys(c.article for c in cites if c.article))
    authors, et_al = split_names(_longest(c.author for c in cites))
    editors, editors_et_al = split_names(editor)
    notes = list(dict.fromkeys((m.doc, m.label) for m in mentions))
    return {
        "author": author,
        "work": work,
        "articles": "; ".join(articles),
        "published": _longest(_published(c) for c in cites),
        "notes": len(notes),
        "labels": _labels(mentions, multi_doc),
        "volumes": ", ".join(_volumes(cites)),
        "pages": _pages_by_volume(mentions),
        "dates": "; ".join(dict.fromkeys(c.date for c in cites if c.date)),
        "speakers": _speakers(mentions),
        "docs": len({m.doc for m in mentions}),
        "flags": UNPARSED_FLAG if unparsed else "",
        "why": _why(mentions, merges, multi_doc),
        "kind": _kind(first, articles, unparsed),
        "authors": [{"family": n.family, "given": n.given} for n in authors],
        "editors": [{"family": n.family, "given": n.given} for n in editors],
        "et_al": et_al or editors_et_al,
        "title": work,
        "place": _most_cited(c.place for c in cites),
        "publisher": _most_cited(c.publisher for c in cites),
        "year": None if first.periodical else _single(c.year for c in cites),
        "volume": _single(c.volume for c in cites),
        "issue": _single(c.issue for c in cites),
        "periodical": first.periodical,
    }


def _speakers(mentions: Sequence[_Mention]) -> str:
    seen = {(m.doc, m.label): m.speakers for m in mentions}
    counts = Counter(s for speakers in seen.values() for s in speakers)
    return ", ".join(f"{s} ({n})" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _flag_similar(rows: list[dict[str, Any]]) -> None:
    """Titles of one author (or none) one letter apart, or one the start of the other: flagged."""
    by_author: dict[str | None, list[dict[str, Any]]] = {}
    for row in rows:
        if row["kind"] != "document":
            by_author.setdefault(author_key(row["author"]), []).append(row)
    for works in by_author.values():
        for a, b in combinations(works, 2):
            if possibly_same(a["work"], b["work"]):
                for row, other in ((a, b), (b, a)):
                    flag = f"possibly the same work as: {other['work']}"
                    row["flags"] = "; ".join(f for f in (row["flags"], flag) if f)


def work_rows(entries: Sequence[NoteEntry]) -> list[dict[str, Any]]:
    """One record per cited work, unsorted: the notes citing it, pages, dates, speakers and why."""
    spellings: dict[tuple[str, ...], list[_Mention]] = {}
    for m in _mentions(entries):
        spellings.setdefault(_variant(m), []).append(m)
    groups = _join_spellings(spellings)
    clusters: dict[tuple[str, ...], list[_Mention]] = {}
    for key, mentions in spellings.items():
        clusters.setdefault(groups.find(key), []).extend(mentions)
    multi_doc = len({e.doc for e in entries}) > 1
    rows = [_row(ms, groups.reasons.get(root, []), multi_doc) for root, ms in clusters.items()]
    _flag_similar(rows)
    return rows


def sort_work_rows(
    rows: Sequence[dict[str, Any]], by: str = "notes", top: int | None = None
) -> list[dict[str, Any]]:
    """Most-cited first (ties by author's surname, then work), or alphabetical by surname or by work
    (plain rows: the command line never loads pandas)."""
    if by not in SORTS:
        raise ValueError(f"unknown sort: {by}")

    def surname(row: dict[str, Any]) -> str:
        return author_key(row["author"]) if isinstance(row["author"], str) else "\uffff"

    def work(row: dict[str, Any]) -> str:
        return row["work"].casefold() if isinstance(row["work"], str) else "\uffff"

    keys = {
        "notes": lambda r: (-r["notes"], surname(r), work(r)),
        "author": lambda r: (surname(r), work(r)),
        "work": lambda r: (work(r), surname(r)),
    }
    ordered = sorted(rows, key=keys[by])
    return ordered[:top] if top else ordered


def sources_table(entries: Sequence[NoteEntry], sort: str = "notes") -> pd.DataFrame:
    """``work_rows``, sorted, as a DataFrame for notebooks."""
    import pandas as pd

    rows = sort_work_rows(work_rows(entries), sort)
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    return pd.DataFrame(rows, columns=COLUMNS, dtype=object).astype({"notes": int, "docs": int})


def sort_sources(table: pd.DataFrame, by: str = "notes", top: int | None = None) -> pd.DataFrame:
    """``sort_work_rows`` over a DataFrame from ``sources_table``."""
    import pandas as pd

    from textkit.quotes.speakers import table_records

    rows = sort_work_rows(table_records(table), by, top)
    return pd.DataFrame(rows, columns=list(table.columns), dtype=object).astype({"notes": int, "docs": int})
