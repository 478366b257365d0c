"""Back-references resolved: ``Ibid.``, ``Idem``, ``op. cit.``, short forms and short titles.

They only mean something next to the notes before them, so a document's notes are walked in order.
``Ibid.`` repeats the citation just before (its pages too, unless it gives its own); ``Idem`` its
author; ``Soboul, page 439`` and ``Trotsky, op. cit.`` the latest work of that author; ``Green,
Memoirs`` or a declared ``hereafter`` title the earlier full citation of that work, whose title,
place and year it takes. ``refers_to`` names the note of the full citation. What cannot be resolved,
or is resolved by a guess (one of several works of an author, a volume taken from an earlier note),
is flagged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textkit.notes.citations import COMMENT, FULL, IBID, IDEM, OP_CIT, SEE_NOTE, SHORT, Citation, is_names
from textkit.notes.works import author_key, same_title, short_title_of, title_key

_NO_PAGES = "no pages"


@dataclass
class _Work:
    """A work named in full in this document: the note that named it, and its latest citation."""

    label: str
    origin: Citation
    latest: Citation
    latest_label: str
    last_seen: int  # when it was last cited, in citations walked so far


def _who(c: Citation) -> str | None:
    return author_key(c.author or c.editor)


class _Context:
    def __init__(self) -> None:
        self.previous: tuple[str, Citation] | None = None
        self.works: list[_Work] = []
        self.notes: dict[str, Citation] = {}  # each note's first citation naming a source
        self.seen = 0

    def of_author(self, key: str | None) -> list[_Work]:
        """The author's works here, the one cited last at the end."""
        return sorted((w for w in self.works if key and _who(w.origin) == key), key=lambda w: w.last_seen)

    def by_title(self, c: Citation, title: str | None) -> tuple[_Work, str] | tuple[None, str] | None:
        """The latest earlier work ``title`` names (by the same author when ``c`` has one): the same
        title, else the one work it is the short title of. Several such works: (None, a flag)."""
        who = _who(c)
        candidates = [  # an article's author is not the periodical's: ``Nashe Slovo`` alone is not Trotsky's
            w for w in reversed(self.works) if (_who(w.origin) == who if who else not w.origin.article)
        ]
        for work in candidates:
            why = same_title(title or "", work.origin.work or "", work.origin.short_title)
            if why:
                return work, why
        longer = [w for w in candidates if short_title_of(title or "", w.origin.work or "")]
        titles = list(dict.fromkeys(w.origin.work for w in longer))
        if len(titles) == 1:
            return longer[0], f"‘{title}’ is the short title of ‘{titles[0]}’"
        if titles:
            return None, f"‘{title}’ could be the short title of {len(titles)} earlier works: not linked"
        return None

    def register(self, label: str, c: Citation) -> None:
        self.seen += 1
        if c.refers_to is None and c.work and c.form in (FULL, IDEM):
            self.works.append(_Work(label, c, c, label, self.seen))
            return
        for work in self.works:
            if c.refers_to == work.label:
                work.latest, work.latest_label, work.last_seen = c, label, self.seen


def _repeat(c: Citation, label: str, earlier: Citation, flags: Sequence[str] = ()) -> Citation:
    """Take the work from ``earlier``; own locators win, else an Ibid. repeats them too."""
    ibid = c.form == IBID or (c.form == IDEM and not c.work)
    own = bool(c.pages or c.volume or c.issue)
    return replace(
        c,
        author=c.author or earlier.author,
        editor=c.editor or earlier.editor,
        work=earlier.work,
        article=c.article or (earlier.article if ibid else None),
        periodical=earlier.periodical,
        place=earlier.place,
        publisher=earlier.publisher,
        year=c.year or earlier.year,
        date=c.date or (earlier.date if ibid else None),
        volume=c.volume or (earlier.volume if ibid else None),
        issue=c.issue or (earlier.issue if ibid and not own else None),
        part=c.part or (earlier.part if ibid and not own else None),
        pages=c.pages or (earlier.pages if ibid and not own else ()),
        short_title=earlier.short_title,
        refers_to=earlier.refers_to or label,
        flags=tuple(f for f in c.flags if f != _NO_PAGES) + tuple(flags),
    )


def _link(c: Citation, work: _Work, why: str) -> Citation:
    """A citation naming an earlier work again: its full title and publication, own locators."""
    full = work.origin
    periodical = full.periodical
    shorter = len(title_key(c.work)) < len(title_key(full.work))  # ``Works`` keeps ``Collected Works``
    return replace(
        c,
        form=SHORT if shorter else FULL,
        author=c.author or full.author,
        editor=c.editor or full.editor,
        work=full.work if shorter or why == "the same title" else c.work,
        periodical=periodical or c.periodical,
        place=c.place or full.place,
        publisher=c.publisher or full.publisher,
        year=c.year or (None if periodical else full.year),
        short_title=full.short_title,
        refers_to=work.label,
    )


def _short(context: _Context, c: Citation) -> Citation:
    """An author alone: their latest work here; failing that, a short title spelled like a name."""
    works = context.of_author(_who(c))
    if not works:
        titled = context.by_title(replace(c, author=None, editor=None), c.author or c.editor)
        if titled and titled[0] is not None:
            return _link(replace(c, author=None), titled[0], titled[1])
        return replace(c, flags=(*c.flags, "short form with no earlier full citation in this document"))
    work = works[-1]
    flags = []
    distinct = list(dict.fromkeys(w.origin.work for w in works))
    if len(distinct) > 1:
        flags.append(
            f"{len(distinct)} works by this author cited before: took the latest (note {work.label})"
        )
    resolved = _repeat(c, work.label, work.latest, flags)
    if c.volume is None and work.latest.volume:
        note = f"volume {work.latest.volume} taken from note {work.latest_label}"
        resolved = replace(resolved, volume=work.latest.volume, flags=(*resolved.flags, note))
    return resolved


def _named(context: _Context, c: Citation) -> Citation:
    """A work named again (``Green, Memoirs``; a ``hereafter`` title) links to its full citation."""
    titled = context.by_title(c, c.work)
    if titled and titled[0] is not None:
        return _link(c, titled[0], titled[1])
    if titled:
        return replace(c, flags=(*c.flags, titled[1]))
    if not (c.author or c.editor) and is_names(c.work or "") and context.of_author(author_key(c.work)):
        return _short(context, replace(c, author=c.work, work=None, form=SHORT))  # ``Leon Trotsky``
    return c


def _resolve(context: _Context, label: str, c: Citation) -> Citation:
    previous = context.previous
    if c.form == IBID:
        if previous is None:
            return replace(c, flags=(*c.flags, "ibid. with no earlier citation"))
        return _repeat(c, previous[0], previous[1])
    if c.form == IDEM:
        if previous is None:
            return replace(c, flags=(*c.flags, "idem with no earlier citation"))
        if not c.work:
            return _repeat(c, previous[0], previous[1])
        own = replace(c, author=previous[1].author, editor=previous[1].editor)
        linked = _named(context, own)
        return linked if linked.refers_to else replace(own, refers_to=previous[1].refers_to or previous[0])
    if c.form == SEE_NOTE:
        target = context.notes.get(c.refers_to or "")
        if target is None:
            return replace(c, flags=(*c.flags, f"note {c.refers_to} is not an earlier note with a citation"))
        return replace(_repeat(replace(c, form=IBID), c.refers_to or "", target), form=SEE_NOTE, pages=())
    if c.form == SHORT:
        return _short(context, c)
    if c.form == OP_CIT:
        if c.work and (named := _named(context, c)).refers_to:  # ``Deutscher, Prophet Armed, op. cit.``
            return replace(named, form=OP_CIT)
        works = context.of_author(_who(c))
        if works:
            return _repeat(c, works[-1].label, works[-1].latest)
        if c.author is None and previous:
            return _repeat(c, previous[0], previous[1], ("op. cit. without an author: read as ibid.",))
        return replace(c, flags=(*c.flags, "op. cit. with no earlier work by this author"))
    if c.form == FULL:
        return _named(context, c)
    return c


def _walk(context: _Context, label: str, c: Citation) -> Citation:
    if c.form == COMMENT:
        return c
    if c.quoted_in is not None:
        inner = _walk(context, label, c.quoted_in)
        outer = replace(c, quoted_in=inner)
        if outer.work:
            outer = _named(context, outer)
            context.register(label, outer)
        return outer
    resolved = _resolve(context, label, c)
    context.register(label, resolved)
    if resolved.names_source:
        context.previous = (label, resolved)
        context.notes.setdefault(label, resolved)
    return resolved


def resolve_notes(notes: Sequence[tuple[str, Sequence[Citation]]]) -> list[tuple[Citation, ...]]:
    """Each note's citations resolved against the notes (and citations) before them, in order."""
    context = _Context()
    return [tuple(_walk(context, label, c) for c in citations) for label, citations in notes]


def resolve_citations(notes: Sequence[tuple[str, Citation]]) -> list[Citation]:
    """One citation per note, resolved in order (``resolve_notes`` for notes with several)."""
    return [resolved[0] for resolved in resolve_notes([(label, (c,)) for label, c in notes])]
