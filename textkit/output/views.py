"""Terminal views that a plain table does not serve: concordance lines, dispersion plots, speaker
bars, a person's profile, note cards, the corpus summary and the quotations table.

Each view takes the same rows the data formats get and returns a rich renderable; every piece of
corpus text goes in as ``Text``, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textkit.output.formats import Column, Row, TableRenderer, cell, fixed_width, rich_table, text

QUOTE_TRIM = 240
BAR_WIDTH = 12


def _percent(value: Any) -> str:
    return f"{value:.1%}" if isinstance(value, float) else cell(value)


def _stat(value: Any) -> str:
    return cell(round(value, 2)) if isinstance(value, float) else cell(value)


# quotes ---------------------------------------------------------------------------------------------


def quotes_table(extra: Sequence[Column] = ()) -> TableRenderer:
    """The columns a reader scans, long quotations cut to their first words; ``extra`` adds columns
    (the --explain ones). Piped output keeps every column and the whole text."""
    screen = [
        Column("id", fixed=True),
        Column("paragraph", "¶", justify="right", fixed=True),
        Column("speaker", style="bold", fixed=True),
        Column("kind", fixed=True),
        Column("text", ratio=3, min_width=20),
        Column("note", justify="right", fixed=True),
    ]

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        short = [{**r, "text": _trim(str(r["text"]))} for r in rows]
        several_docs = len({r["doc"] for r in rows}) > 1
        shown = ([Column("doc_id", "doc", fixed=True)] if several_docs else []) + screen + list(extra)
        return rich_table(short, shown)

    return render


def _trim(value: str, size: int = QUOTE_TRIM) -> str:
    return value if len(value) <= size else value[:size].rstrip() + " …"


# concordance ----------------------------------------------------------------------------------------


def place(doc_id: str, paragraph: Any, many_docs: bool) -> str:
    """Where a row is: ``d2 ¶27`` in a folder corpus, ``¶27`` in one document."""
    return f"{doc_id} ¶{paragraph}" if many_docs else f"¶{paragraph}"


def location(row: Row, many_docs: bool) -> str:
    doc = str(row.get("doc_id") or row["doc"])
    return f"{doc} ¶{row['paragraph']}" if many_docs else f"¶{row['paragraph']}"


def kwic_side(rows: Sequence[Row], many_docs: bool, total_width: int, width: int | None) -> int:
    """Context width each side that keeps every match on screen."""
    loc_width = max((len(location(r, many_docs)) for r in rows), default=0)
    match_width = max((len(str(r["match"])) for r in rows), default=0)
    fit = max(1, (total_width - loc_width - 2 - match_width) // 2)
    return min(width, fit) if width is not None else fit


def kwic_lines(side: int, many_docs: bool) -> TableRenderer:
    """Aligned lines: location, left context right-aligned, the match highlighted, right context."""

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        from rich.console import Group
        from rich.text import Text

        locations = [location(r, many_docs) for r in rows]
        loc_width = max(map(len, locations), default=0)
        left_width = min(side, max((len(str(r["left"])) for r in rows), default=0))
        lines = []
        for row, loc in zip(rows, locations, strict=True):
            line = Text(no_wrap=True, overflow="crop")
            line.append(cell(loc).rjust(loc_width) + "  ", style="dim")
            line.append(cell(row["left"])[-left_width:].rjust(left_width) if left_width else "")
            line.append(cell(row["match"]), style="bold cyan")
            line.append(cell(row["right"])[:side])
            lines.append(line)
        return Group(*lines)

    return render


def _strip(positions: Sequence[float], width: int) -> Any:
    """AntConc's plot as text: one cell per 1/width of the document, a bar where a hit falls."""
    from rich.text import Text

    marks = [0] * width
    for p in positions:
        marks[min(int(p * width), width - 1)] += 1
    strip = Text(no_wrap=True)
    for n in marks:
        strip.append("┃" if n > 1 else "│" if n else "·", style="bold" if n else "dim")
    return strip


def dispersion_strips(many_docs: bool, total_width: int) -> TableRenderer:
    """A table of the statistics with a plot strip filling the rest of the terminal's width."""

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        from rich.table import Table

        table = Table(header_style="bold", box=None, pad_edge=False)
        shown = [c for c in columns if many_docs or c.key != "doc_id"]
        cells = [[_stat(row[c.key]) for c in shown] for row in rows]
        used = sum(max(len(c.title), *(len(r[i]) for r in cells)) + 2 for i, c in enumerate(shown))
        width = max(10, total_width - used - 1)
        for c in shown:
            table.add_column(c.title, justify=c.justify, no_wrap=True)  # type: ignore[arg-type]
        table.add_column("plot (start → end)", no_wrap=True)
        for row, texts in zip(rows, cells, strict=True):
            table.add_row(*(text(t) for t in texts), _strip(row["positions"], width))
        return table

    return render


# speakers -------------------------------------------------------------------------------------------


def speaker_bars(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """The table with a bar per row scaled to the most quotations, so the imbalance shows at a glance."""
    from rich.table import Table

    table = Table(header_style="bold")
    shown = [{**r, "share": _percent(r.get("share"))} for r in rows]
    for c in columns:
        width = fixed_width(c, shown)
        table.add_column(c.title, justify=c.justify, no_wrap=True, min_width=width)  # type: ignore[arg-type]
    table.add_column("", style="cyan", overflow="crop", max_width=BAR_WIDTH)
    top = max((int(r["quotes"]) for r in rows), default=0)
    for r in shown:
        bar = "█" * round(BAR_WIDTH * r["quotes"] / top) if top else ""
        table.add_row(*(text(r.get(c.key)) for c in columns), bar)
    return table


PROFILE_QUOTATIONS = [
    Column("id", fixed=True),
    Column("where", fixed=True),
    Column("kind", fixed=True),
    Column("text", ratio=5, min_width=20),
    Column("note", justify="right", fixed=True),
]


def person_profile(counts: Sequence[Column]) -> TableRenderer:
    """Counts, then the person's quotations, then the paragraphs naming them most."""

    def render(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
        from rich.console import Group
        from rich.table import Table

        row = rows[0]
        card = Table(show_header=False, box=None, pad_edge=False, title=text(row["person"], "bold"),
                     title_justify="left")  # fmt: skip
        card.add_column(style="bold")
        card.add_column()
        for c in counts:
            card.add_row(
                text(c.title), text(_percent(row.get(c.key)) if c.key == "share" else row.get(c.key))
            )
        parts: list[Any] = [card]
        if row["quotation_rows"]:
            quoted = [{**q, "text": _trim(str(q["text"]))} for q in row["quotation_rows"]]
            parts.append(rich_table(quoted, PROFILE_QUOTATIONS, title="Quotations"))
        if row["place_rows"]:
            place_columns = [
                Column("where", fixed=True),
                Column("section"),
                Column("mentions", justify="right"),
            ]
            parts.append(rich_table(row["place_rows"], place_columns, title="Named most in"))
        return Group(*parts)

    return render


# notes ----------------------------------------------------------------------------------------------

NOTE_CARD_FIELDS = (
    "author",
    "editor",
    "work",
    "article",
    "date",
    "volume",
    "issue",
    "part",
    "pages",
    "place",
    "publisher",
    "year",
    "short_title",
    "form",
    "refers_to",
    "flags",
)


def _citation_rows(citation: Row, title: str) -> list[tuple[str, Any]]:
    """A citation's lines on a card: its rendering, each field given, and the work it quotes from."""
    lines: list[tuple[str, Any]] = [(title, citation["citation"])]
    lines += [
        (f"  {k.replace('_', ' ')}", citation[k])
        for k in NOTE_CARD_FIELDS
        if citation.get(k) not in (None, "", [])
    ]
    if citation.get("quoted_in"):
        inner = citation["quoted_in"]
        lines.append(("  quoted in", inner["citation"]))
        lines += [(f"    {k.replace('_', ' ')}", inner[k]) for k in ("refers_to", "flags") if inner.get(k)]
    return lines


def _place_lines(places: Sequence[Row]) -> Any:
    """Each citing place: where, the sentence, the quotation it sources."""
    from rich.text import Text

    lines = Text()
    for p in places:
        where = f"¶{p['paragraph']}" + (f" in note {p['in_note']}" if p["in_note"] else "")
        where += f" · {p['section']}" if p["section"] else ""
        if lines:
            lines.append("\n")
        lines.append(cell(where), style="bold")
        lines.append("\n" + cell(p["sentence"]))
        if p["quote"]:
            lines.append("\n")
            lines.append("sources the quotation", style="dim")
            lines.append(f" ‘{cell(p['quote'])}’ — ")
            lines.append(cell(p["speaker"] or "speaker unknown"), style="bold")
    return lines if lines else Text("never cited in the text", style="italic")


def note_cards(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """A note reads best as a card: its text, the parsed citation, then each place that cites it."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    cards = []
    for row in rows:
        doc = f"{cell(row['doc_id'])} {cell(row['doc'])}" if row.get("doc_id") else cell(row["doc"])
        title = Text.assemble((f"Note {cell(row['label'])}", "bold"), f" · {doc}")
        card = Table(show_header=False, box=None, pad_edge=False, title_justify="left", title=title)
        card.add_column(style="bold", no_wrap=True)
        card.add_column()
        card.add_row(text("text"), text(row["text"]))
        citations = [c for c in row.get("citations") or [] if c["form"] != "comment"]
        for i, citation in enumerate(citations, 1):
            for key, value in _citation_rows(citation, f"citation {i}" if len(citations) > 1 else "citation"):
                card.add_row(text(key), text(value))
        if not citations:
            card.add_row(text("form"), text(row.get("form")))
        card.add_row(text("cited"), _place_lines(row["places"]))
        cards.append(card)
    return Group(*cards)


def table_of(columns: Sequence[Column], hide_empty: bool = False) -> TableRenderer:
    """A plain table of chosen columns, whatever columns the data formats carry; ``hide_empty``
    leaves out the columns no row fills, so a narrow terminal keeps room for the others."""

    def render(rows: Sequence[Row], _all: Sequence[Column]) -> Any:
        shown = [
            c for c in columns if not hide_empty or any(r.get(c.key) not in (None, "", []) for r in rows)
        ]
        return rich_table(rows, shown)

    return render


# info -----------------------------------------------------------------------------------------------


def cards(rows: Sequence[Row], columns: Sequence[Column]) -> Any:
    """One card of fields per record: a document reads better so than as one very wide row."""
    from rich.console import Group
    from rich.table import Table

    out = []
    for row in rows:
        card = Table(show_header=False, box=None, pad_edge=False, title=text(row[columns[0].key]),
                     title_justify="left")  # fmt: skip
        card.add_column(style="bold")
        card.add_column()
        for c in columns[1:]:
            card.add_row(text(c.title), text(row.get(c.key)))
        out.append(card)
    return Group(*out)


def document_table(columns: Sequence[Column]) -> TableRenderer:
    """One row per document and a totals row: a folder corpus at a glance."""

    def render(rows: Sequence[Row], _all: Sequence[Column]) -> Any:
        table = rich_table(rows, columns)
        if table.rows:
            table.rows[-1].end_section = True
        totals = {c.key: sum(r.get(c.key) or 0 for r in rows) for c in columns if c.justify == "right"}
        totals |= {columns[0].key: "all", columns[1].key: f"{len(rows)} documents"}
        table.add_row(*(text(totals.get(c.key), "bold") for c in columns))
        return table

    return render


# show -----------------------------------------------------------------------------------------------


def paragraph_view(rows: Sequence[Row], _columns: Sequence[Column]) -> Any:
    """The paragraph with quotations and footnote markers highlighted, then who speaks and what
    each note says."""
    from rich.console import Group
    from rich.text import Text

    row = rows[0]
    head = Text(style="dim")
    head.append(f"{cell(row['doc_id'])} {cell(row['doc'])} · ¶{row['paragraph']} of {row['paragraphs']}")
    head.append(f" · {cell(row['kind'])}" + (f" · section: {cell(row['section'])}" if row["section"] else ""))
    body = Text(cell(row["text"]))
    for q in row["quotes"]:
        body.stylize("bold cyan" if q["type"] == "quote" else "italic", q["start"], q["end"])
    for m in row["markers"]:
        body.stylize("bold magenta", m["start"], m["end"])
    parts: list[Any] = [head, body]
    if row["quotes"]:
        said = Text()
        for q in row["quotes"]:
            words = cell(row["text"][q["start"] : q["end"]])
            said.append("\n" if said else "")
            said.append(f"{cell(q['id'])} ", style="dim")
            said.append(f"‘{_trim(words, 80)}’ — ")
            who = q["speaker"] or ("speaker unknown" if q["type"] == "quote" else "a quoted term")
            said.append(cell(who), style="bold")
        parts += [Text("quotations", style="bold underline"), said]
    if row["markers"]:
        notes = Text()
        for m in row["markers"]:
            notes.append("\n" if notes else "")
            notes.append(f"[{cell(m['label'])}] ", style="bold magenta")
            notes.append(cell(m["citation"] or m["note"] or "no such note in the notes list"))
            if m["citation"] and m["note"] and m["citation"] != m["note"]:
                notes.append(f"  ({cell(m['note'])})", style="dim")
        parts += [Text("notes", style="bold underline"), notes]
    return Group(*parts)
