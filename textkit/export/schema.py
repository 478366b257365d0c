"""The exported tables' columns, types, keys and indexes: declared once, so Parquet and SQLite agree.

Types are few on purpose: ``text``, ``int``, ``float`` and ``list`` (of strings: a Parquet list, a
JSON array in SQLite). Every table names its primary key; references say which columns point where,
so SQLite gets real foreign keys and datasette links rows to their document, note or quotation.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT = "text"
INT = "int"
FLOAT = "float"
LIST = "list"


@dataclass(frozen=True)
class Reference:
    """``columns`` of this table point at ``target_columns`` of ``target``."""

    columns: tuple[str, ...]
    target: str
    target_columns: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    references: tuple[Reference, ...] = ()
    indexes: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.columns]


def _doc() -> Reference:
    return Reference(("doc",), "documents", ("id",))


DOCUMENTS = Table(
    "documents",
    (("id", TEXT), ("file", TEXT), ("title", TEXT), ("author", TEXT), ("book", TEXT), ("chapter", TEXT),
     ("digest", TEXT)),
    key=("id",),
)  # fmt: skip
PARAGRAPHS = Table(
    "paragraphs",
    (("doc", TEXT), ("index", INT), ("section", TEXT), ("kind", TEXT), ("start", INT), ("end", INT),
     ("text", TEXT)),
    key=("doc", "index"),
    references=(_doc(),),
    indexes=("doc",),
)  # fmt: skip
QUOTES = Table(
    "quotes",
    (("id", TEXT), ("doc", TEXT), ("paragraph", INT), ("kind", TEXT), ("type", TEXT), ("speaker", TEXT),
     ("text", TEXT), ("start", INT), ("end", INT), ("cue", TEXT), ("rule", TEXT), ("confidence", FLOAT),
     ("note", TEXT), ("source", TEXT), ("parent", TEXT), ("warning", TEXT), ("words", INT), ("guess", TEXT),
     ("source_text", TEXT), ("kind_from", TEXT), ("doc_id", TEXT)),
    key=("id",),
    references=(_doc(), Reference(("doc", "paragraph"), "paragraphs", ("doc", "index")),
                Reference(("parent",), "quotes", ("id",))),
    indexes=("doc", "speaker"),
)  # fmt: skip
PEOPLE = Table(
    "people",
    (("name", TEXT), ("type", TEXT), ("evidence", TEXT), ("mentions", INT), ("first_doc", TEXT),
     ("first_paragraph", INT), ("last_doc", TEXT), ("last_paragraph", INT)),
    key=("name",),
)  # fmt: skip
MENTIONS = Table(
    "mentions",
    (("id", INT), ("person", TEXT), ("surface", TEXT), ("doc", TEXT), ("paragraph", INT), ("start", INT),
     ("end", INT)),
    key=("id",),
    references=(_doc(), Reference(("person",), "people", ("name",))),
    indexes=("doc", "person"),
)  # fmt: skip
NOTES = Table(
    "notes",
    (("doc", TEXT), ("label", TEXT), ("kind", TEXT), ("paragraph", INT), ("text", TEXT), ("citation", TEXT),
     ("author", TEXT), ("work", TEXT), ("volume", TEXT), ("pages", TEXT), ("place", TEXT), ("year", INT),
     ("date", TEXT), ("form", TEXT), ("refers_to", TEXT), ("status", TEXT), ("flags", LIST),
     ("cited", INT)),
    key=("doc", "label"),
    references=(_doc(),),
    indexes=("doc",),
)  # fmt: skip
CITATIONS = Table(
    "citations",
    (("doc", TEXT), ("label", TEXT), ("paragraph", INT), ("section", TEXT), ("in_note", TEXT),
     ("start", INT), ("end", INT), ("sentence", TEXT), ("quote_id", TEXT), ("quote", TEXT),
     ("speaker", TEXT)),
    key=("doc", "start"),
    references=(_doc(), Reference(("doc", "label"), "notes", ("doc", "label")),
                Reference(("quote_id",), "quotes", ("id",))),
    indexes=("doc", "speaker"),
)  # fmt: skip
TABLES = (DOCUMENTS, PARAGRAPHS, QUOTES, PEOPLE, MENTIONS, NOTES, CITATIONS)
