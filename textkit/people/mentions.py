"""People named in a corpus, merged by surname and by the corpus's aliases file.

A capitalised name counts as a person when the text treats it as one somewhere in the corpus: it is
the subject of a sentence, the speaker of a quotation, carries a title (``Comrade Lenin``) or an
initial (``A. Solts``), or is an alias's target. Every occurrence of such a name is a mention,
possessives included (``Stalin’s``), pronouns not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from textkit.corpus.model import RUNNING_TEXT, Corpus, Document
from textkit.people.aliases import AliasMatcher
from textkit.people.names import TITLES, Name, canonical, capitalised_inside_sentences, name_chunks
from textkit.people.narration import find_subject
from textkit.store.cache import Kind, cached_map, options_key
from textkit.store.parallel import Progress
from textkit.text.quotemarks import find_spans, mask
from textkit.text.sentences import sentence_spans

_NOT_A_SURNAME = re.compile(r"(?:ism|ist|ists|ian|ians|men)$")
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)$")


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


def _titled(text: str, name: Name) -> bool:
    before = text[max(0, name.start - 12) : name.start].split()
    return name.surface[:2].rstrip().endswith(".") or bool(before and before[-1].rstrip(".") in TITLES)


def _lists(text: str, names: Iterable[Name], aliases: Mapping[str, str]) -> list[list[str]]:
    """Names listed together (``Bukharin, Rudzutak, Molotov and Kuibyshev``) are of one kind."""
    groups: list[list[str]] = []
    for prev, name in zip([None, *names], names, strict=False):
        joined = prev is not None and _LIST_GAP.match(text[prev.end : name.start])
        if joined:
            groups[-1].append(canonical(name.surface, aliases))
        else:
            groups.append([canonical(name.surface, aliases)])
    return [g for g in groups if len(g) > 1]


def _doc_names(doc: Document, aliases: Mapping[str, str]) -> dict[str, list]:
    """Every name chunk of the running text, the names the text treats as people, and name lists."""
    known = capitalised_inside_sentences(p.text for p in doc.paragraphs)
    matcher = AliasMatcher(aliases)
    lowercase = set(re.findall(r"\b[a-z]+\b", doc.text))
    chunks: list[list] = []
    evidence: set[str] = set()
    groups: list[list[str]] = []
    for p in doc.paragraphs:
        if p.kind not in RUNNING_TEXT:
            continue
        taken: list[tuple[int, int]] = []
        names = name_chunks(p.text, known)
        groups.extend(_lists(p.text, names, aliases))
        for name in names:
            if _titled(p.text, name):
                evidence.add(canonical(name.surface, aliases))
            for part, start, end in _parts(name):
                chunks.append([canonical(part, aliases), part, p.index, p.start + start, p.start + end])
                taken.append((start, end))
        for start, end, alias in matcher.find(p.text):
            if not any(s <= start < e for s, e in taken):
                chunks.append([aliases[alias], alias, p.index, p.start + start, p.start + end])
                taken.append((start, end))
        masked = mask(p.text, [(s.start, s.end) for s in find_spans(p.text)])
        for start, end in sentence_spans(masked):
            subject = find_subject(masked[start:end], known, aliases)
            if subject is not None and subject.kind == "name":
                evidence.add(subject.value)
    chunks.sort(key=lambda c: c[3])
    plausible = {e for e in evidence if e.lower() not in lowercase and not _NOT_A_SURNAME.search(e)}
    return {"chunks": chunks, "evidence": sorted(plausible), "lists": groups}


def _decode(raw: Any) -> dict[str, list]:
    if not isinstance(raw, dict) or raw.keys() != {"chunks", "evidence", "lists"}:
        raise TypeError("not a names entry")
    for person, surface, paragraph, start, end in raw["chunks"]:
        if not (isinstance(person, str) and isinstance(surface, str)):
            raise TypeError("bad name chunk")
        if not all(isinstance(n, int) for n in (paragraph, start, end)):
            raise TypeError("bad name chunk")
    if not all(isinstance(e, str) for e in raw["evidence"]):
        raise TypeError("bad evidence")
    if not all(isinstance(n, str) for group in raw["lists"] for n in group):
        raise TypeError("bad name list")
    return raw


NAMES = Kind("names", lambda value: value, _decode)


def _names(corpus: Corpus, progress: Progress | None = None) -> list[dict[str, list]]:
    """Every document's names: from the cache, else computed (on every core for a large corpus)."""
    options = options_key({"aliases": corpus.aliases})
    keys = [corpus.cache.key(NAMES.name, doc.digest, options) for doc in corpus.documents]
    compute = partial(_doc_names, aliases=dict(corpus.aliases))
    return cached_map(corpus.cache, NAMES, list(corpus.documents), keys, compute, progress)


def find_names(corpus: Corpus, progress: Progress | None = None) -> None:
    """Find every document's names now (kept for the run and in the cache), reporting
    ``progress(done, total)``: the long part of a cold ``speakers``, done before the lookups need it."""
    _names(corpus, progress=progress)


def people(corpus: Corpus, speakers: Iterable[str | None] = ()) -> frozenset[str]:
    """The canonical names of everyone the corpus treats as a person (quotation speakers included);
    remembered for the run, since name lookups ask for it again and again."""
    chosen = frozenset(speakers)
    key = options_key(
        {"speakers": sorted(s for s in chosen if s), "corpus": [d.digest for d in corpus.documents]}
    )
    found = corpus.cache.remembered("people", key)
    if found is None:
        found = corpus.cache.remember("people", key, _people(corpus, chosen))
    return found


def _people(corpus: Corpus, speakers: frozenset[str | None]) -> frozenset[str]:
    found = {s for s in speakers if s and not s.islower()} | set(corpus.aliases.values())
    lists: list[list[str]] = []
    for names in _names(corpus):
        found.update(names["evidence"])
        lists.extend(names["lists"])
    for group in lists:
        if found.intersection(group):
            found.update(n for n in group if not _NOT_A_SURNAME.search(n))
    return frozenset(found)


def find_mentions(corpus: Corpus, speakers: Iterable[str | None] = ()) -> list[Mention]:
    """Every mention of every person, in document order; ``speakers`` (of quotations) count as people."""
    persons = people(corpus, speakers)
    mentions = []
    for doc, names in zip(corpus.documents, _names(corpus), strict=True):
        for person, surface, paragraph, start, end in names["chunks"]:
            if person in persons:
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
