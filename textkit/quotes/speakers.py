"""Who gets to speak: quotations, quoted words and mentions per person.

The aggregations are pure functions over ``Quote`` and ``Mention`` records, so they hold whatever
the engines that find those records produce. pandas is imported inside them only: the command line
must start without it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from textkit.errors import DataError
from textkit.people.mentions import Mention, canonical_name, find_mentions
from textkit.quotes.find import find_quotes
from textkit.quotes.record import QUOTE, Quote

if TYPE_CHECKING:
    import pandas as pd

    from textkit.corpus.model import Corpus

SORTS = ("quotes", "words", "mentions", "name")
COLUMNS = ["person", "quotes", "words", "share", "mentions", "first", "last"]
_PLACE_COLUMNS = ["first_doc", "first_paragraph", "last_doc", "last_paragraph"]
_TIEBREAK = {"quotes": ["quotes", "mentions", "words"], "words": ["words", "quotes", "mentions"]}
_TIEBREAK["mentions"] = ["mentions", "quotes", "words"]


def spoken(quotes: Sequence[Quote]) -> list[Quote]:
    """Attributed quotations: quoted terms and quotations without a speaker do not speak for anyone."""
    return [q for q in quotes if q.type == QUOTE and q.speaker]


def _place(doc: str, paragraph: int, multi_doc: bool) -> str:
    return f"{doc} ¶{paragraph}" if multi_doc else f"¶{paragraph}"


def _columns(by_doc: bool) -> list[str]:
    return (["doc"] if by_doc else []) + COLUMNS + _PLACE_COLUMNS


def speaker_rows(
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    *,
    doc_order: Sequence[str] | None = None,
    by_doc: bool = False,
) -> list[dict[str, Any]]:
    """Per person (per document with ``by_doc``): quotes, words, share of quoted words, mentions,
    first/last, as plain rows sorted by quotes (pure Python: the command line never loads pandas).

    ``share`` is the person's quoted words over the words of every quotation (attributed or not) in
    the same scope, so the unattributed remainder stays visible. Places are ``¶paragraph``, with the
    document name when the corpus has several.
    """
    seen = [q.doc for q in quotes] + [m.doc for m in mentions]
    order = list(dict.fromkeys([*(doc_order or []), *seen]))
    rank = {d: i for i, d in enumerate(order)}
    events = [(q.speaker, q.doc, q.paragraph, q.start, 1, q.words, 0) for q in spoken(quotes)]
    events += [(m.person, m.doc, m.paragraph, m.start, 0, 0, 1) for m in mentions]
    events.sort(key=lambda e: (rank[e[1]], e[3]))  # stable: a quotation before a mention at one offset
    groups: dict[Any, dict[str, Any]] = {}
    for person, doc, paragraph, _, quoted, words, named in events:
        row = groups.get((doc, person) if by_doc else person)
        if row is None:
            row = {"doc": doc, "person": person, "quotes": 0, "words": 0, "mentions": 0}
            row |= {"first_doc": doc, "first_paragraph": paragraph}
            groups[(doc, person) if by_doc else person] = row
        row["quotes"] += quoted
        row["words"] += words
        row["mentions"] += named
        row["last_doc"], row["last_paragraph"] = doc, paragraph
    totals = _quoted_words(quotes, by_doc)
    multi = len(order) > 1 and not by_doc
    rows = []
    for row in groups.values():
        total = totals.get(row["doc"] if by_doc else None, 0)
        row["share"] = row["words"] / total if total else 0.0
        for end in ("first", "last"):
            row[end] = _place(row[f"{end}_doc"], row[f"{end}_paragraph"], multi)
        rows.append({column: row[column] for column in _columns(by_doc)})
    return sort_rows(rows, "quotes")


def speaker_table(
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    *,
    doc_order: Sequence[str] | None = None,
    by_doc: bool = False,
) -> pd.DataFrame:
    """``speaker_rows`` as a DataFrame, for notebooks (the same rows, the same order)."""
    import pandas as pd

    rows = speaker_rows(quotes, mentions, doc_order=doc_order, by_doc=by_doc)
    return pd.DataFrame(rows, columns=_columns(by_doc))


def _quoted_words(quotes: Sequence[Quote], by_doc: bool) -> Counter[str | None]:
    totals: Counter[str | None] = Counter()
    for q in quotes:
        if q.type == QUOTE:
            totals[q.doc if by_doc else None] += q.words
    return totals


def sort_rows(
    rows: Sequence[dict[str, Any]], by: str = "quotes", top: int | None = None, minimum: int = 0
) -> list[dict[str, Any]]:
    """Sort by ``by`` (ties: quotes, then mentions, then name); ``minimum`` applies to that count
    (to quotes when sorting by name); ``top`` keeps the first N (per document when there are docs)."""
    if by not in SORTS:
        raise ValueError(f"unknown sort: {by}")
    counted = "quotes" if by == "name" else by
    kept = [r for r in rows if r[counted] >= minimum]
    counts = [] if by == "name" else _TIEBREAK[by]
    rank = {d: i for i, d in enumerate(dict.fromkeys(r.get("doc") for r in kept))}
    kept.sort(key=lambda r: (rank[r.get("doc")], *(-r[c] for c in counts), r["person"]))
    if not top:
        return kept
    taken: Counter[Any] = Counter()
    out = []
    for row in kept:
        taken[row.get("doc")] += 1
        if taken[row.get("doc")] <= top:
            out.append(row)
    return out


def sort_speakers(
    table: pd.DataFrame, by: str = "quotes", top: int | None = None, minimum: int = 0
) -> pd.DataFrame:
    """``sort_rows`` over a DataFrame from ``speaker_table``."""
    import pandas as pd

    return pd.DataFrame(sort_rows(table_records(table), by, top, minimum), columns=list(table.columns))


def table_records(table: pd.DataFrame) -> list[dict[str, Any]]:
    """Plain Python rows (no numpy scalars) for the output layer."""
    return [{k: _plain(v) for k, v in row.items()} for row in table.to_dict("records")]


def _plain(value: Any) -> Any:
    return value.item() if hasattr(value, "item") else value


@dataclass(frozen=True)
class Profile:
    """One person: the counts row, the quotations attributed to them and where they are named most."""

    person: str
    counts: dict[str, Any]
    quotations: list[Quote]
    places: list[dict[str, Any]]


def speaker_profile(
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    person: str,
    *,
    doc_order: Sequence[str] | None = None,
    places: int = 5,
) -> Profile:
    """The person's row of ``speaker_table``, their quotations and the paragraphs naming them most."""
    rows = [r for r in speaker_rows(quotes, mentions, doc_order=doc_order) if r["person"] == person]
    counts = rows[0] if rows else {"person": person, "quotes": 0, "words": 0, "share": 0.0, "mentions": 0}
    own = [q for q in spoken(quotes) if q.speaker == person]
    named = Counter((m.doc, m.paragraph) for m in mentions if m.person == person)
    top = sorted(named.items(), key=lambda kv: -kv[1])[:places]
    return Profile(person, counts, own, [{"doc": d, "paragraph": p, "mentions": n} for (d, p), n in top])


def known_people(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> list[str]:
    return sorted({q.speaker for q in spoken(quotes) if q.speaker} | {m.person for m in mentions})


def find_person(corpus: Corpus, name: str, people: Sequence[str]) -> str:
    """The canonical person for a typed name (the people engine, then a case-insensitive match), or
    an error that suggests the closest names."""
    folded = name.casefold()
    person = canonical_name(corpus, name) or next((p for p in people if p.casefold() == folded), None)
    if person is None or person not in people:
        import difflib

        close = difflib.get_close_matches(name, people, n=5, cutoff=0.6)
        hint = f"; did you mean {', '.join(close)}?" if close else f" ({len(people)} people are known)"
        raise DataError(f"no person {name!r} is quoted or named in the corpus{hint}")
    return person


def profile_record(corpus: Corpus, profile: Profile) -> dict[str, Any]:
    """A profile as one record: the counts, then its quotations and places as nested rows."""
    multi = len(corpus.documents) > 1
    docs = {d.name: d for d in corpus.documents}
    quotations = [
        {"id": q.id, "doc": q.doc, "paragraph": q.paragraph, "where": _place(q.doc, q.paragraph, multi),
         "kind": q.kind, "text": q.text, "note": q.note, "cue": q.cue, "confidence": q.confidence}
        for q in profile.quotations
    ]  # fmt: skip
    places = [
        {**p, "where": _place(p["doc"], p["paragraph"], multi),
         "section": docs[p["doc"]].paragraphs[p["paragraph"]].section if p["doc"] in docs else None}
        for p in profile.places
    ]  # fmt: skip
    return {
        **profile.counts,
        "places": [f"{p['where']} ({p['mentions']})" for p in places],
        "quotations": [q["id"] for q in quotations],
        "quotation_rows": quotations,
        "place_rows": places,
    }


def person_record(corpus: Corpus, name: str) -> dict[str, Any]:
    """``speakers NAME``: one person's counts, quotations and the paragraphs naming them most."""
    quotes, mentions = corpus_records(corpus)
    person = find_person(corpus, name, known_people(quotes, mentions))
    order = [d.name for d in corpus.documents]
    return profile_record(corpus, speaker_profile(quotes, mentions, person, doc_order=order))


def unattributed(quotes: Sequence[Quote]) -> int:
    """Quotations (not terms) with no speaker: they count only towards the total of quoted words."""
    return sum(q.type == QUOTE for q in quotes) - len(spoken(quotes))


def corpus_records(corpus: Corpus) -> tuple[list[Quote], list[Mention]]:
    """Quotations and mentions of a corpus, speakers put under the same canonical names as mentions.

    Each distinct speaker name is looked up once: a lookup can cost as much as a pass over the corpus.
    """
    quotes = find_quotes(corpus)
    names = {q.speaker for q in quotes if q.speaker}
    canonical = {name: canonical_name(corpus, name) or name for name in names}
    quotes = [
        replace(q, speaker=canonical[q.speaker]) if canonical.get(q.speaker, q.speaker) != q.speaker else q
        for q in quotes
    ]
    return quotes, find_mentions(corpus, {q.speaker for q in quotes})
