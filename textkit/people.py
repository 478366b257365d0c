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
from typing import TYPE_CHECKING

from textkit.cache import code_version
from textkit.model import RUNNING_TEXT, Corpus, Document
from textkit.parallel import map_documents

if TYPE_CHECKING:
    from textkit.names import Name

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
    from textkit.names import TITLES

    before = text[max(0, name.start - 12) : name.start].split()
    return name.surface[:2].rstrip().endswith(".") or bool(before and before[-1].rstrip(".") in TITLES)


def _lists(text: str, names: Iterable[Name], aliases: Mapping[str, str]) -> list[list[str]]:
    """Names listed together (``Bukharin, Rudzutak, Molotov and Kuibyshev``) are of one kind."""
    from textkit.names import canonical

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
    from textkit.names import canonical, capitalised_inside_sentences, name_chunks
    from textkit.narration import find_subject, mask, sentences
    from textkit.quotemarks import find_spans

    known = capitalised_inside_sentences(p.text for p in doc.paragraphs)
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
        for alias in aliases:
            for m in re.finditer(rf"(?<!\w){re.escape(alias)}(?!\w)", p.text):
                if not any(s <= m.start() < e for s, e in taken):
                    chunks.append([aliases[alias], alias, p.index, p.start + m.start(), p.start + m.end()])
                    taken.append(m.span())
        masked = mask(p.text, [(s.start, s.end) for s in find_spans(p.text)])
        for start, end in sentences(masked):
            subject = find_subject(masked[start:end], known, aliases)
            if subject is not None and subject.kind == "name":
                evidence.add(subject.value)
    chunks.sort(key=lambda c: c[3])
    plausible = {e for e in evidence if e.lower() not in lowercase and not _NOT_A_SURNAME.search(e)}
    return {"chunks": chunks, "evidence": sorted(plausible), "lists": groups}


def _names_of(corpus: Corpus, doc: Document) -> dict[str, list]:
    """A document's names, from this run's memory (``_load_names`` fills it for the whole corpus)."""
    _load_names(corpus)
    return corpus.memo[("names", id(doc))]


def _load_names(corpus: Corpus) -> None:
    """Every document's names: from the cache, else computed (on every core for a large corpus)."""
    if ("names", "loaded") in corpus.memo:
        return
    from textkit.quotes import ENGINE_MODULES, aliases_key

    version = code_version(*ENGINE_MODULES, "textkit.people")
    keys = {id(doc): f"{doc.digest}-{aliases_key(corpus.aliases)}" for doc in corpus.documents}
    missing = []
    for doc in corpus.documents:
        cached = corpus.cache.get("people", keys[id(doc)], version) if doc.digest else None
        if isinstance(cached, dict) and {"chunks", "evidence", "lists"} <= cached.keys():
            corpus.memo[("names", id(doc))] = cached
        else:
            missing.append(doc)
    for doc, found in zip(missing, map_documents(_doc_names, missing, corpus.aliases), strict=True):
        corpus.memo[("names", id(doc))] = found
        if doc.digest:
            corpus.cache.put("people", keys[id(doc)], version, found)
    corpus.memo[("names", "loaded")] = True


def people(corpus: Corpus, speakers: Iterable[str | None] = ()) -> frozenset[str]:
    """The canonical names of everyone the corpus treats as a person (quotation speakers included);
    remembered on the corpus, since name lookups ask for it again and again."""
    key = ("people", frozenset(speakers))
    if key not in corpus.memo:
        corpus.memo[key] = _people(corpus, key[1])
    return corpus.memo[key]


def _people(corpus: Corpus, speakers: frozenset[str | None]) -> frozenset[str]:
    found = {s for s in speakers if s and not s.islower()} | set(corpus.aliases.values())
    lists: list[list[str]] = []
    for doc in corpus.documents:
        names = _names_of(corpus, doc)
        found.update(names["evidence"])
        lists.extend(names["lists"])
    for group in lists:
        if found.intersection(group):
            found.update(n for n in group if not _NOT_A_SURNAME.search(n))
    return frozenset(found)


def find_mentions(corpus: Corpus, speakers: Iterable[str | None] | None = None) -> list[Mention]:
    """Every mention of every person, in document order; ``speakers`` defaults to the quotations'."""
    if speakers is None:
        from textkit.quotes import find_quotes

        speakers = [q.speaker for q in find_quotes(corpus)]
    persons = people(corpus, speakers)
    mentions = []
    for doc in corpus.documents:
        chunks = _names_of(corpus, doc)["chunks"]
        for person, surface, paragraph, start, end in chunks:
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
