"""One entry point for notebooks and scripts: ``textkit.open_corpus(path)`` and a method per question.

    import textkit
    c = textkit.open_corpus("chapters/")        # a .txt/.html/.epub file, a folder, or nothing
    c.quotes(speaker="Stalin").to_pandas()
    c.speakers()                                  # a pandas DataFrame, one row per person
    c.concordance("bureaucracy").to_pandas()
    c.notes()[0].citation

Each method returns records (dataclasses) in a list that also offers ``.to_pandas()`` and
``.to_dicts()``; results are cached exactly as on the command line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from textkit.corpus.load import load_corpus
from textkit.corpus.model import Corpus

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


def _fields(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return dict(record)
    if is_dataclass(record) and not isinstance(record, type):
        return asdict(record)
    return dict(vars(record))


class Records(list[T], Generic[T]):
    """A list of records that also turns into plain dicts or a DataFrame."""

    def __init__(self, items: Iterable[T] = (), row: Callable[[T], dict[str, Any]] | None = None) -> None:
        super().__init__(items)
        self._row = row or _fields

    def to_dicts(self) -> list[dict[str, Any]]:
        return [self._row(r) for r in self]

    def to_pandas(self) -> pd.DataFrame:
        import pandas as pd

        return pd.DataFrame(self.to_dicts())


class CorpusView:
    """A loaded corpus and the analyses of it; the documents are parsed once, on opening."""

    def __init__(self, source: str | Path | None = None, *, use_cache: bool = True) -> None:
        self.source = source
        self.use_cache = use_cache
        self.corpus: Corpus = load_corpus(source, use_cache=use_cache)

    def __repr__(self) -> str:
        return f"<textkit {self.corpus!r}>"

    @property
    def documents(self) -> list[Any]:
        return self.corpus.documents

    def info(self) -> Records[Any]:
        """One summary per document: sections, paragraphs, words, block quotations, notes."""
        from textkit.corpus.summary import corpus_summary

        return Records(corpus_summary(self.corpus))

    def quotes(self, **conditions: Any) -> Records[Any]:
        """Quotations with their speakers; ``conditions`` are ``QuoteFilter`` fields (``speaker``,
        ``search``, ``kinds``, ``include_terms``, ``unattributed``, ``min_words``, ``paragraphs``)."""
        from textkit.quotes.find import find_quotes
        from textkit.quotes.select import QuoteFilter, select_quotes

        query = QuoteFilter(**conditions)
        return Records(select_quotes(self.corpus, find_quotes(self.corpus), query))

    def speakers(self, *, by_doc: bool = False, sort: str = "quotes") -> pd.DataFrame:
        """Per person: quotations, words quoted, share, mentions, first and last place."""
        from textkit.quotes import speakers

        quotes, mentions = speakers.corpus_records(self.corpus)
        order = [d.name for d in self.corpus.documents]
        table = speakers.speaker_table(quotes, mentions, doc_order=order, by_doc=by_doc)
        return speakers.sort_speakers(table, sort)

    def mentions(self) -> Records[Any]:
        """Every place a person is named."""
        from textkit.quotes.speakers import corpus_records

        return Records(corpus_records(self.corpus)[1])

    def concordance(self, query: str, *, width: int = 60, **match: Any) -> Records[Any]:
        """Keyword in context; ``match`` takes ``regex``, ``stem``, ``case_sensitive``, ``include_notes``."""
        from textkit.concordance.index import open_index
        from textkit.concordance.search import Query, find, kwic

        index = open_index(self.source, use_cache=self.use_cache)
        return Records(kwic(index, find(index, Query(query, **match)), width=width))

    def notes(self) -> Records[Any]:
        """Every note with its parsed citation, where it is cited and the quotation it sources."""
        from textkit.notes.footnotes import entry_row, note_entries

        return Records(note_entries(self.corpus), row=entry_row)

    def sources(self) -> pd.DataFrame:
        """The works cited, one row per work."""
        from textkit.notes.footnotes import note_entries
        from textkit.notes.sources import sources_table

        return sources_table(note_entries(self.corpus))

    def paragraph(self, doc: str | None, paragraph: int) -> Any:
        """One paragraph in full (``textkit show``): section, quotations with speakers, markers with
        notes; ``doc`` is an id (``d2``), a file name or part of one, None on a one-document corpus."""
        from textkit.notes.paragraph import paragraph_view

        return paragraph_view(self.corpus, doc, paragraph)


def open_corpus(source: str | Path | None = None, *, use_cache: bool = True) -> CorpusView:
    """Open a corpus (a text, HTML or EPUB file, a folder of them, or the bundled chapter) for analysis."""
    return CorpusView(source, use_cache=use_cache)
