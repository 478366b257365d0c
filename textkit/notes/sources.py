"""Which works a text stands on: notes grouped by the work they cite, with pages and whose words.

Grouping uses the resolved citation, so ``Ibid.``, ``op. cit.`` and short forms count for the work
they repeat. Works whose titles differ by a single letter are flagged as possibly the same (a
transcription slip), never merged silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from textkit.notes.citations import PageRange, author_key, format_pages
from textkit.notes.footnotes import NoteEntry, describe_labels

if TYPE_CHECKING:
    import pandas as pd

SORTS = ("notes", "author", "work")
COLUMNS = ["author", "work", "published", "notes", "labels", "volumes", "pages", "speakers", "docs", "flags"]
_MIN_SIMILAR_LENGTH = 8


def _key(entry: NoteEntry) -> tuple[str, str]:
    c = entry.citation
    assert c is not None
    if not (c.author or c.work):
        return "", f"\0{c.raw.casefold()}"
    return author_key(c.author) or "", " ".join((c.work or "").casefold().split())


def _note_rows(entries: Sequence[NoteEntry]) -> list[dict[str, Any]]:
    rows = []
    for e in entries:
        if e.citation is None:
            continue
        author, work = _key(e)
        c = e.citation
        rows.append(
            {
                "author_key": author,
                "work_key": work,
                "author": c.author,
                "work": c.work if (c.author or c.work) else c.raw,
                "published": " ".join(str(x) for x in (c.place, c.year) if x) or None,
                "doc": e.doc,
                "label": e.label,
                "volume": c.volume,
                "pages": list(c.pages),
                "speakers": [p.speaker for p in e.places if p.speaker],
                "unparsed": not (c.author or c.work),
            }
        )
    return rows


def _merge_pages(pages: list[PageRange]) -> str:
    merged: list[list[int]] = []
    for a, b in sorted(set(pages)):
        if merged and a <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return format_pages((a, b) for a, b in merged)


def _pages_by_volume(group: pd.DataFrame) -> str:
    volumes = list(dict.fromkeys(v for v in group["volume"] if v))
    if len(volumes) <= 1:
        return _merge_pages([p for pages in group["pages"] for p in pages])
    parts = []
    for volume, sub in group.groupby(group["volume"].fillna(""), sort=False):
        pages = _merge_pages([p for pages in sub["pages"] for p in pages])
        parts.append(f"vol. {volume}: {pages}" if volume else f"no vol.: {pages}")
    return "; ".join(parts)


def _labels(group: pd.DataFrame, multi_doc: bool) -> str:
    if not multi_doc:
        return describe_labels(group["label"])
    by_doc = group.groupby("doc", sort=False)["label"]
    return "; ".join(f"{doc}: {describe_labels(labels)}" for doc, labels in by_doc)


def _speakers(group: pd.DataFrame) -> str:
    counts = Counter(s for speakers in group["speakers"] for s in speakers)
    return ", ".join(f"{s} ({n})" for s, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _longest(values: pd.Series) -> str | None:
    present = [v for v in values if isinstance(v, str) and v]
    return max(present, key=len) if present else None


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter inserted, dropped or changed: ``Denadtsatii`` against ``Dvenadtsatii``."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < _MIN_SIMILAR_LENGTH:
        return False
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :] or a[i + 1 :] == b[i:]


def _similar_flags(table: pd.DataFrame) -> list[str]:
    flags: list[list[str]] = [[] for _ in range(len(table))]
    keys = list(zip(table["author_key"], table["work_key"], strict=True))
    for (i, (auth_a, work_a)), (j, (auth_b, work_b)) in combinations(enumerate(keys), 2):
        if auth_a == auth_b and _one_edit_apart(work_a, work_b):
            flags[i].append(f"possibly the same work as: {table['work'].iloc[j]}")
            flags[j].append(f"possibly the same work as: {table['work'].iloc[i]}")
    return ["; ".join(f) for f in flags]


def sources_table(entries: Sequence[NoteEntry], sort: str = "notes") -> pd.DataFrame:
    """One row per cited work: how many notes cite it, which, the pages, whose quotations they source."""
    import pandas as pd

    rows = _note_rows(entries)
    if not rows:
        return pd.DataFrame(columns=COLUMNS)
    frame = pd.DataFrame(rows)
    multi_doc = frame["doc"].nunique() > 1
    groups = frame.groupby(["author_key", "work_key"], sort=False)
    table = pd.DataFrame(
        {
            "author": groups["author"].agg(_longest),
            "work": groups["work"].agg(_longest),
            "published": groups["published"].agg(_longest),
            "notes": groups.size(),
            "labels": groups[["doc", "label"]].apply(lambda g: _labels(g, multi_doc)),
            "volumes": groups["volume"].agg(lambda v: ", ".join(dict.fromkeys(x for x in v if x))),
            "pages": groups[["volume", "pages"]].apply(_pages_by_volume),
            "speakers": groups[["speakers"]].apply(_speakers),
            "docs": groups["doc"].nunique(),
            "unparsed": groups["unparsed"].any(),
        }
    ).reset_index()
    table["flags"] = _similar_flags(table)
    table.loc[table["unparsed"], "flags"] = "not parsed: raw note text shown as the work"
    return sort_sources(table[COLUMNS], sort)


def sort_sources(table: pd.DataFrame, by: str = "notes", top: int | None = None) -> pd.DataFrame:
    """Most-cited first (ties by author's surname, then work), or alphabetical by surname or by work."""
    if by not in SORTS:
        raise ValueError(f"unknown sort: {by}")
    keys = {
        "notes": ["notes", "_surname", "_work"],
        "author": ["_surname", "_work"],
        "work": ["_work", "_surname"],
    }
    ascending = [by != "notes"] + [True] * (len(keys[by]) - 1)
    table = table.assign(
        _surname=[author_key(a) if isinstance(a, str) else "\uffff" for a in table["author"]],
        _work=[w.casefold() if isinstance(w, str) else "\uffff" for w in table["work"]],
    )
    table = table.sort_values(keys[by], ascending=ascending, kind="stable").drop(
        columns=["_surname", "_work"]
    )
    return (table.head(top) if top else table).reset_index(drop=True)
