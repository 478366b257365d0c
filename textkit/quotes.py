"""Quotations and who said them. (Engine under construction: the record and entry point are final.)"""

from __future__ import annotations

from dataclasses import dataclass

from textkit.model import Corpus

INLINE = "inline"
BLOCK = "block"
NESTED = "nested"
QUOTE = "quote"
TERM = "term"


@dataclass(frozen=True)
class Quote:
    """One quotation: ``text == document.text[start:end]`` (without the outer quote marks)."""

    id: str
    doc: str
    paragraph: int
    kind: str  # inline | block | nested
    type: str  # quote | term
    speaker: str | None
    text: str
    start: int
    end: int
    cue: str | None = None
    rule: str | None = None
    confidence: float = 0.0
    note: str | None = None  # label of the footnote marker that closes the quotation
    source: str | None = None  # that note's text
    parent: str | None = None  # id of the enclosing quotation, for nested ones
    warning: str | None = None


def find_quotes(corpus: Corpus) -> list[Quote]:
    """Every quotation and quoted term in the corpus, in document order, attributed."""
    return []
