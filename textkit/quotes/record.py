"""The Quote record every stage after attribution reads, and its numbering."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

INLINE = "inline"
BLOCK = "block"
NESTED = "nested"
KINDS = (INLINE, BLOCK, NESTED)
QUOTE = "quote"
TERM = "term"


@dataclass
class Quote:
    """One quotation: ``text == document.text[start:end]`` (without the outer quote marks).

    Not frozen: building tens of thousands of frozen records costs seconds on a large corpus."""

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
    words: int = -1  # words quoted (footnote markers are not words); counted when not given
    guess: str | None = None  # the best guess when the engine abstains (confidence too low to say)

    def __post_init__(self) -> None:
        if self.words < 0:
            from textkit.text.words import count_words  # the token engine: only when not cached

            self.words = count_words(self.text)


FIELDS = tuple(f.name for f in fields(Quote))
_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "doc": (str,),
    "paragraph": (int,),
    "kind": (str,),
    "type": (str,),
    "speaker": (str, type(None)),
    "text": (str,),
    "start": (int,),
    "end": (int,),
    "cue": (str, type(None)),
    "rule": (str, type(None)),
    "confidence": (float, int),
    "note": (str, type(None)),
    "source": (str, type(None)),
    "parent": (str, type(None)),
    "warning": (str, type(None)),
    "words": (int,),
    "guess": (str, type(None)),
}


def check_fields(record: Any) -> dict[str, Any]:
    """A quote's fields as read back from JSON, every one present and of its type, else an error."""
    if not isinstance(record, dict) or record.keys() != _TYPES.keys():
        raise TypeError("not a quotation record")
    for key, types in _TYPES.items():
        value = record[key]
        if not isinstance(value, types) or isinstance(value, bool):
            raise TypeError(f"quotation field {key} has the wrong type")
    return record


def renumber(quotes: list[Quote], offset: int = 0) -> list[Quote]:
    """Ids in reading order from ``offset + 1``, with nested quotations' parents following along."""
    return records([vars(q) for q in quotes], offset)


def records(rows: list[dict[str, Any]], offset: int, doc: str | None = None) -> list[Quote]:
    """Quote records from field dicts, numbered from ``offset + 1``: one construction per quote,
    because on a 500-chapter corpus there are tens of thousands."""
    ids = {f["id"]: f"q{offset + i + 1:04d}" for i, f in enumerate(rows)}
    out = []
    for f in rows:
        record = Quote(**f)
        record.id = ids[f["id"]]
        record.parent = ids.get(f["parent"]) if f["parent"] else None
        if doc is not None:
            record.doc = doc
        out.append(record)
    return out
