"""Works cited as a bibliography: CSL-JSON (what Zotero and pandoc read) and BibTeX.

Each record is one work of ``textkit sources`` (its structured fields: ``kind``, ``authors``,
``editors``, ``title``, ``articles``, ``place``, ``publisher``, ``year``, ``volume``, ``issue``,
``dates``), and each entry says which notes cite it and at which pages, in ``note``. Keys are made
from the first surname, the year and the title's first word, unique within the file. BibTeX values
are escaped so braces always balance, whatever the corpus holds.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

FORMATS = ("csl-json", "bibtex")
Row = Mapping[str, Any]
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_STOP = frozenset({"the", "a", "an", "on", "of", "in", "le", "la", "der", "die", "das"})
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}", "&": r"\&",
                   "%": r"\%", "$": r"\$",
                   "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}  # fmt: skip
_CSL_TYPES = {"book": "book", "chapter": "chapter", "article": "article-journal", "periodical": "periodical",
              "document": "document"}  # fmt: skip
_BIBTEX_TYPES = {"book": "book", "chapter": "incollection", "article": "article", "periodical": "misc",
                 "document": "misc"}  # fmt: skip


def _get(row: Row, key: str) -> Any:
    """A field, or None when it is missing, empty or a NaN from a data frame."""
    value = row.get(key)
    if value is None or value == "" or (isinstance(value, float) and value != value):
        return None
    return value


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _slug(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", _ascii(text or "").casefold())


def _first_word(title: str | None) -> str:
    words = [w for w in re.split(r"\W+", _ascii(title or "").casefold()) if w]
    return next((w for w in words if w not in _STOP), words[0] if words else "")


def entry_keys(rows: Sequence[Row]) -> list[str]:
    """``trotsky1930mylife``-style keys, a letter added where two would clash."""
    keys, seen = [], set()
    for row in rows:
        people = _get(row, "authors") or _get(row, "editors") or []
        base = _slug(people[0]["family"]) if people else ""
        base = base + str(_get(row, "year") or "") + _first_word(_get(row, "title"))
        base = base or "work"
        key, n = base, 0
        while key in seen:
            n += 1
            key = base + _suffix(n)
        seen.add(key)
        keys.append(key)
    return keys


def _suffix(n: int) -> str:
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def _cited(row: Row) -> str:
    """Which notes cite the work and where: ``notes 3–4, 32–34; pages 481–482, 486``."""
    parts = [f"cited in notes {_get(row, 'labels')}" if _get(row, "labels") else None]
    if _get(row, "pages"):
        parts.append(f"pages {_get(row, 'pages')}")
    if _get(row, "dates"):
        parts.append(f"issues {_get(row, 'dates')}")
    if _get(row, "volumes") and not (_get(row, "volume") or _get(row, "issue")):
        parts.append(f"volumes {row['volumes']}")
    if _get(row, "kind") == "periodical" and _get(row, "articles"):
        parts.append(f"articles {row['articles']}")
    return "; ".join(p for p in parts if p)


def _date_parts(row: Row) -> list[int] | None:
    dates = [d for d in str(_get(row, "dates") or "").split("; ") if d]
    if len(dates) == 1:
        text = re.sub(r"\s*\([^()]*\)$", "", dates[0])
        if m := _DAY_MONTH_YEAR.match(text):
            month = _MONTHS.get(m.group(2).casefold())
            if month:
                return [int(m.group(3)), month, int(m.group(1))]
        if (m := _MONTH_YEAR.match(text)) and (month := _MONTHS.get(m.group(1).casefold())):
            return [int(m.group(2)), month]
    return [int(_get(row, "year"))] if _get(row, "year") else None


def _csl_names(names: Sequence[Mapping[str, Any]], et_al: bool) -> list[dict[str, str]]:
    out = [{k: v for k, v in (("family", n["family"]), ("given", n.get("given"))) if v} for n in names]
    return out + ([{"literal": "et al."}] if et_al and out else [])


def csl_item(row: Row, key: str) -> dict[str, Any]:
    """One work as a CSL-JSON item."""
    kind = str(_get(row, "kind") or "book")
    item: dict[str, Any] = {"id": key, "type": _CSL_TYPES.get(kind, "book")}
    articles = [a for a in str(_get(row, "articles") or "").split("; ") if a]
    if kind in ("chapter", "article"):
        item["title"], item["container-title"] = articles[0], _get(row, "title")
    elif _get(row, "title"):
        item["title"] = _get(row, "title")
    if _get(row, "authors"):
        item["author"] = _csl_names(
            _get(row, "authors"), bool(_get(row, "et_al")) and not _get(row, "editors")
        )
    if _get(row, "editors"):
        item["editor"] = _csl_names(_get(row, "editors"), bool(_get(row, "et_al")))
    for field, csl in (("place", "publisher-place"), ("publisher", "publisher"), ("volume", "volume"),
                       ("issue", "issue")):  # fmt: skip
        if _get(row, field):
            item[csl] = str(_get(row, field))
    if parts := _date_parts(row):
        item["issued"] = {"date-parts": [parts]}
    if note := _cited(row):
        item["note"] = note
    return item


def write_csl_json(rows: Sequence[Row], out: TextIO) -> None:
    items = [csl_item(row, key) for row, key in zip(rows, entry_keys(rows), strict=True)]
    json.dump(items, out, ensure_ascii=False, indent=2)
    out.write("\n")


def bibtex_escape(text: str) -> str:
    """A value safe inside ``{…}``: BibTeX counts every brace, even ``\\{``, so literal braces become
    ``\\textbraceleft{}``; TeX specials are escaped and control characters dropped."""
    text = "".join(ch for ch in text if ch.isprintable() or ch == " ")
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def _bibtex_names(names: Sequence[Mapping[str, Any]], et_al: bool) -> str:
    shown = [f"{n['family']}, {n['given']}" if n.get("given") else n["family"] for n in names]
    return " and ".join(shown + (["others"] if et_al and shown else []))


def bibtex_entry(row: Row, key: str) -> str:
    """One work as a BibTeX entry."""
    kind = str(_get(row, "kind") or "book")
    articles = [a for a in str(_get(row, "articles") or "").split("; ") if a]
    fields: list[tuple[str, Any]] = []
    if _get(row, "authors"):
        fields.append(
            (
                "author",
                _bibtex_names(_get(row, "authors"), bool(_get(row, "et_al")) and not _get(row, "editors")),
            )
        )
    if _get(row, "editors"):
        fields.append(("editor", _bibtex_names(_get(row, "editors"), bool(_get(row, "et_al")))))
    if kind == "chapter":
        fields += [("title", articles[0]), ("booktitle", _get(row, "title"))]
    elif kind == "article":
        fields += [("title", articles[0]), ("journal", _get(row, "title"))]
    else:
        fields.append(("title", _get(row, "title")))
    places = (("address", "place"), ("publisher", "publisher"), ("year", "year"), ("volume", "volume"))
    fields += [(name, _get(row, key)) for name, key in (*places, ("number", "issue"))]
    fields.append(("note", _cited(row)))
    body = ",\n".join(f"  {name} = {{{bibtex_escape(str(value))}}}" for name, value in fields if value)
    return f"@{_BIBTEX_TYPES.get(kind, 'misc')}{{{key},\n{body}\n}}\n"


def write_bibtex(rows: Sequence[Row], out: TextIO) -> None:
    out.write("\n".join(bibtex_entry(row, key) for row, key in zip(rows, entry_keys(rows), strict=True)))


def write_bibliography(rows: Iterable[Row], fmt: str, out: TextIO) -> None:
    """``csl-json`` or ``bibtex``: one entry per record."""
    rows = list(rows)  # keys are made over all entries at once
    if fmt == "csl-json":
        write_csl_json(rows, out)
    elif fmt == "bibtex":
        write_bibtex(rows, out)
    else:
        raise ValueError(f"not a bibliography format: {fmt}")
