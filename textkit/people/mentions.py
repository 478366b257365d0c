"""People named in a corpus, merged by surname and by the corpus's aliases file.

Each document's names are typed by the entity stage (``cast``); a person's every occurrence is a
mention, possessives included (``Stalin’s``), pronouns not. Names and cast are cached per document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from textkit.corpus.model import RUNNING_TEXT, Corpus, Document
from textkit.people.aliases import AliasMatcher
from textkit.people.cast import OTHER, PERSON, TYPES, document_cast, entity_name, names_a_place_or_institution
from textkit.people.names import Name, canonical, capitalised_inside_sentences, name_chunks
from textkit.store.cache import Kind, cached_map, options_key
from textkit.store.parallel import Progress


@dataclass(frozen=True)
class Mention:
    """One place a person is named (possessives included, pronouns not)."""

    person: str  # canonical name, e.g. the surname
    surface: str  # the text as written: "Adolf Ioffe", "Stalin’s", "Vladimir Ilyich"
    doc: str
    paragraph: int
    start: int
    end: int


def _parts(name: Name) -> Iterable[tuple[str, int, int]]:
    """A hyphenated pair (``Stalin-Bukharin bloc``) names two people."""
    offset = name.start
    for part in re.split(r"(?<=[a-z])[-‐](?=[A-Z])", name.surface):
        yield part, offset, offset + len(part)
        offset += len(part) + 1


def _doc_names(doc: Document, aliases: Mapping[str, str], types: Mapping[str, str]) -> dict[str, Any]:
    """Every name of the running text with its place, and the document's typed cast."""
    known = capitalised_inside_sentences(p.text for p in doc.paragraphs)
    matcher = AliasMatcher(aliases)
    chunks: list[list] = []
    for p in doc.paragraphs:
        if p.kind not in RUNNING_TEXT:
            continue
        taken: list[tuple[int, int]] = []
        for name in name_chunks(p.text, known):
            whole = names_a_place_or_institution(name)
            for part, start, end in [(name.surface, name.start, name.end)] if whole else _parts(name):
                key = entity_name(name, aliases) if whole else canonical(part, aliases)
                chunks.append([key, part, p.index, p.start + start, p.start + end])
                taken.append((start, end))
        for start, end, alias in matcher.find(p.text):
            if not any(s <= start < e for s, e in taken):
                chunks.append([aliases[alias], alias, p.index, p.start + start, p.start + end])
                taken.append((start, end))
    chunks.sort(key=lambda c: c[3])
    cast = document_cast(doc, aliases, types, known)
    entities = [[e.name, e.type, e.score, list(e.evidence), e.mentions] for e in cast.values()]
    return {"chunks": chunks, "cast": entities}


def _decode(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict) or raw.keys() != {"chunks", "cast"}:
        raise TypeError("not a names entry")
    for person, surface, paragraph, start, end in raw["chunks"]:
        if not (isinstance(person, str) and isinstance(surface, str)):
            raise TypeError("bad name chunk")
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in (paragraph, start, end)):
            raise TypeError("bad name chunk")
    for name, kind, score, evidence, mentions in raw["cast"]:
        if not (
            isinstance(name, str) and kind in TYPES and isinstance(score, int) and isinstance(mentions, int)
        ):
            raise TypeError("bad cast entry")
        if not all(isinstance(e, str) for e in evidence):
            raise TypeError("bad evidence")
    return raw


NAMES = Kind("names", lambda value: value, _decode)


def _names(corpus: Corpus, progress: Progress | None = None) -> list[dict[str, Any]]:
    """Every document's names and cast: from the cache, else computed (on every core for many)."""
    options = options_key({"aliases": corpus.aliases, "types": corpus.alias_types})
    keys = [corpus.cache.key(NAMES.name, doc.digest, options) for doc in corpus.documents]
    compute = partial(_doc_names, aliases=dict(corpus.aliases), types=dict(corpus.alias_types))
    return cached_map(corpus.cache, NAMES, list(corpus.documents), keys, compute, progress)


def document_types(corpus: Corpus) -> list[dict[str, str]]:
    """Per document, the type of each of its names. A name the document gives no evidence for
    either way takes the type other documents give it (so a chapter's people change in a folder
    only where the other chapters add evidence)."""
    per_doc = [
        {name: (kind, score, evidence) for name, kind, score, evidence, _ in n["cast"]}
        for n in _names(corpus)
    ]
    elsewhere = {
        name for cast in per_doc for name, (kind, score, _) in cast.items() if kind == PERSON and score > 0
    }
    out = []
    for cast in per_doc:
        types = {}
        for name, (kind, score, evidence) in cast.items():
            unsure = score == 0 and all(e.startswith("no evidence") for e in evidence)
            types[name] = PERSON if unsure and name in elsewhere else kind
        out.append(types)
    return out


def cast(corpus: Corpus) -> list[dict[str, Any]]:
    """Every name of the corpus with its type, evidence, mentions and first and last place."""
    rows: dict[str, dict[str, Any]] = {}
    for doc, names, types in zip(corpus.documents, _names(corpus), document_types(corpus), strict=True):
        evidence = {name: ev for name, _, _, ev, _ in names["cast"]}
        for key, _surface, paragraph, _start, _end in names["chunks"]:
            first = {"first_doc": doc.name, "first_paragraph": paragraph}
            row = rows.setdefault(key, {"name": key, "type": types.get(key, OTHER), "mentions": 0, **first})
            if types.get(key) == PERSON:
                row["type"] = PERSON
            row["mentions"] += 1
            row["last_doc"], row["last_paragraph"] = doc.name, paragraph
            row["evidence"] = list(dict.fromkeys([*row.get("evidence", []), *evidence.get(key, [])]))
    return sorted(rows.values(), key=lambda r: (-r["mentions"], r["name"]))


def find_names(corpus: Corpus, progress: Progress | None = None) -> None:
    """Find every document's names now (kept for the run and in the cache), reporting
    ``progress(done, total)``: the long part of a cold ``speakers``, done before the lookups need it."""
    _names(corpus, progress=progress)


def people(corpus: Corpus, speakers: Iterable[str | None] = ()) -> frozenset[str]:
    """The canonical names of the corpus's persons (alias targets and quotation speakers included);
    remembered for the run, since name lookups ask for it again and again."""
    chosen = frozenset(s for s in speakers if s)
    key = options_key({"speakers": sorted(chosen), "corpus": [d.digest for d in corpus.documents]})
    found = corpus.cache.remembered("people", key)
    if found is None:
        persons = {n for types in document_types(corpus) for n, t in types.items() if t == PERSON}
        found = frozenset(persons | {s for s in chosen if not s.islower()} | set(corpus.aliases.values()))
        corpus.cache.remember("people", key, found)
    return found


def find_mentions(corpus: Corpus, speakers: Iterable[str | None] = ()) -> list[Mention]:
    """Every mention of a person, in document order: names typed person in their document (and
    the speakers of quotations)."""
    spoken = {s for s in speakers if s}
    mentions = []
    for doc, names, types in zip(corpus.documents, _names(corpus), document_types(corpus), strict=True):
        for person, surface, paragraph, start, end in names["chunks"]:
            if types.get(person) == PERSON or person in spoken or person in corpus.aliases.values():
                mentions.append(Mention(person, surface, doc.name, paragraph, start, end))
    return mentions


def canonical_name(corpus: Corpus, name: str, known: Iterable[str] = ()) -> str | None:
    """The canonical person for a user-typed name (case-insensitive, alias-aware), or None.

    ``known`` narrows the choice (e.g. to the speakers of quotations); by default, all people."""
    wanted = name.strip().lower()
    if not wanted:
        return None
    aliases = {k.lower(): v for k, v in corpus.aliases.items()}
    if wanted in aliases:
        return aliases[wanted]
    last = wanted.split()[-1]
    pool = (set(known) or people(corpus)) | set(corpus.aliases.values())
    return next((p for p in sorted(pool) if p.lower() in (wanted, last)), aliases.get(last))
