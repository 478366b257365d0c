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


def _events(quotes: Sequence[Quote], mentions: Sequence[Mention], doc_rank: dict[str, int]) -> pd.DataFrame:
    """One row per attributed quotation or mention: who, where, and what it adds."""
    import pandas as pd

    rows = [(q.speaker, q.doc, q.paragraph, q.start, 1, q.words, 0) for q in spoken(quotes)]
    rows += [(m.person, m.doc, m.paragraph, m.start, 0, 0, 1) for m in mentions]
    frame = pd.DataFrame(rows, columns=["person", "doc", "paragraph", "start", "quotes", "words", "mentions"])
    frame["rank"] = frame["doc"].map(doc_rank).fillna(len(doc_rank)).astype(int)
    frame["at_doc"], frame["at_paragraph"] = frame["doc"], frame["paragraph"]
    return frame.sort_values(["rank", "start"], kind="stable")


def _place(doc: str, paragraph: int, multi_doc: bool) -> str:
    return f"{doc} ¶{paragraph}" if multi_doc else f"¶{paragraph}"


def speaker_table(
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    *,
    doc_order: Sequence[str] | None = None,
    by_doc: bool = False,
) -> pd.DataFrame:
    """Per person (per document with ``by_doc``): quotes, words, share of quoted words, mentions, first/last.

    ``share`` is the person's quoted words over the words of every quotation (attributed or not) in
    the same scope, so the unattributed remainder stays visible. Places are ``¶paragraph``, with the
    document name when the corpus has several.
    """
    import pandas as pd

    seen = [q.doc for q in quotes] + [m.doc for m in mentions]
    order = list(dict.fromkeys([*(doc_order or []), *seen]))
    events = _events(quotes, mentions, {d: i for i, d in enumerate(order)})
    keys = ["doc", "person"] if by_doc else ["person"]
    if events.empty:
        return pd.DataFrame(columns=keys + COLUMNS[1:] + _PLACE_COLUMNS)
    grouped = events.groupby(keys, sort=False)
    table = grouped[["quotes", "words", "mentions"]].sum()
    first, last = grouped[["at_doc", "at_paragraph"]].first(), grouped[["at_doc", "at_paragraph"]].last()
    table[["first_doc", "first_paragraph"]] = first.to_numpy()
    table[["last_doc", "last_paragraph"]] = last.to_numpy()
    table = table.reset_index()
    totals = _quoted_words(quotes, by_doc)
    scope = table["doc"] if by_doc else pd.Series([None] * len(table))
    table["share"] = [
        w / totals.get(s, 0) if totals.get(s, 0) else 0.0 for w, s in zip(table["words"], scope, strict=True)
    ]
    multi = len(order) > 1 and not by_doc
    for end in ("first", "last"):
        pairs = zip(table[f"{end}_doc"], table[f"{end}_paragraph"], strict=True)
        table[end] = [_place(d, p, multi) for d, p in pairs]
    return sort_speakers(table[keys + COLUMNS[1:] + _PLACE_COLUMNS], "quotes")


def _quoted_words(quotes: Sequence[Quote], by_doc: bool) -> Counter[str | None]:
    totals: Counter[str | None] = Counter()
    for q in quotes:
        if q.type == QUOTE:
            totals[q.doc if by_doc else None] += q.words
    return totals


def sort_speakers(
    table: pd.DataFrame, by: str = "quotes", top: int | None = None, minimum: int = 0
) -> pd.DataFrame:
    """Sort by ``by`` (ties: quotes, then mentions, then name); ``minimum`` applies to that count
    (to quotes when sorting by name); ``top`` keeps the first N (per document when there are docs)."""
    if by not in SORTS:
        raise ValueError(f"unknown sort: {by}")
    counted = "quotes" if by == "name" else by
    table = table[table[counted] >= minimum]
    columns = ["person"] if by == "name" else [*_TIEBREAK[by], "person"]
    ascending = [True] if by == "name" else [False] * (len(columns) - 1) + [True]
    if "doc" in table.columns:
        rank = {d: i for i, d in enumerate(dict.fromkeys(table["doc"]))}
        table = table.assign(_rank=table["doc"].map(rank))
        table = table.sort_values(["_rank", *columns], ascending=[True, *ascending], kind="stable")
        table = table.drop(columns="_rank")
        return (table.groupby("doc", sort=False).head(top) if top else table).reset_index(drop=True)
    table = table.sort_values(columns, ascending=ascending, kind="stable")
    return (table.head(top) if top else table).reset_index(drop=True)


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
    table = speaker_table(quotes, mentions, doc_order=doc_order)
    rows = table_records(table[table["person"] == person])
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
