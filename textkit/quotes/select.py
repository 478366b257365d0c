"""What a reader asks of the quotations: by speaker (alias-aware), text, kind, size and place."""

from __future__ import annotations

from dataclasses import dataclass

from textkit.corpus.model import Corpus
from textkit.people.mentions import canonical_name
from textkit.quotes.record import TERM, Quote


@dataclass(frozen=True)
class QuoteFilter:
    """The defaults list every quotation and no terms."""

    speaker: str | None = None
    search: str | None = None
    kinds: tuple[str, ...] = ()
    include_terms: bool = False
    unattributed: bool = False
    min_words: int = 0
    paragraphs: tuple[int, int] | None = None  # first and last paragraph index, inclusive


def speaker_matches(corpus: Corpus, quotes: list[Quote], name: str) -> str | None:
    """The canonical speaker a typed name means (``stalin``, ``Vladimir Ilyich``), if any quote has it."""
    speakers = {q.speaker for q in quotes if q.speaker}
    wanted = canonical_name(corpus, name, known=speakers)
    if wanted in speakers:
        return wanted
    return next((s for s in speakers if s.lower() == name.strip().lower()), None)


def select_quotes(corpus: Corpus, quotes: list[Quote], query: QuoteFilter) -> list[Quote]:
    """Quotations matching every condition of ``query``, in document order."""
    wanted = speaker_matches(corpus, quotes, query.speaker) if query.speaker else None
    if query.speaker and wanted is None:
        return []
    needle = query.search.casefold() if query.search else None
    selected = []
    for q in quotes:
        if q.type == TERM and not query.include_terms:
            continue
        if (wanted and q.speaker != wanted) or (query.unattributed and q.speaker):
            continue
        if query.kinds and q.kind not in query.kinds:
            continue
        if needle and needle not in q.text.casefold():
            continue
        if query.paragraphs and not query.paragraphs[0] <= q.paragraph <= query.paragraphs[1]:
            continue
        if query.min_words and q.words < query.min_words:
            continue
        selected.append(q)
    return selected
