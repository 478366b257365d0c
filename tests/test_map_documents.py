"""Documents made on the workers (parse and analysis together) are the documents ``load_documents``
gives, whether parsed afresh or read from the cache, and the same inputs are left out or refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from textkit.corpus.load import DOCUMENTS, load_documents, map_documents
from textkit.corpus.model import Document
from textkit.corpus.sources import HTML, Source
from textkit.errors import DataError
from textkit.store.cache import Cache

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _same(doc: Document) -> Document:
    return doc


def _sources(chapter_text: str) -> list[Source]:
    html = FIXTURES / "html" / "no_notes.html"
    latin = "Caf\xe9 [1] and more\n\n1. A note.\n".encode("latin-1")
    return [
        Source("chapter.txt", chapter_text.encode()),
        Source("page.html", html.read_bytes(), HTML),
        Source("latin.txt", latin),
        Source("chapter-copy.txt", (chapter_text + "\nLast updated: again\n").encode()),
    ]


@pytest.mark.parametrize("cached_first", [False, True])
def test_worker_documents_are_the_loaded_documents(
    chapter_text: str, cache_root: Path, cached_first: bool
) -> None:
    items = _sources(chapter_text)
    expected = load_documents(items, Cache(cache_root))
    if not cached_first:
        for path in (cache_root / DOCUMENTS.name).glob("*"):
            path.unlink()
    warnings: list[str] = []
    made = list(map_documents(items, Cache(cache_root), _same, warnings.append))
    assert [doc for _, _, doc in made] == expected
    assert [w for _, w, _ in made if w] == warnings and any("latin.txt" in w for w in warnings)
    assert load_documents(items, Cache(cache_root)) == expected  # what the workers cached reads back


def test_a_damaged_cached_parse_is_parsed_again(chapter_text: str, cache_root: Path) -> None:
    items = _sources(chapter_text)[:1]
    expected = load_documents(items, Cache(cache_root))
    for path in (cache_root / DOCUMENTS.name).glob("*.json"):
        path.write_text(path.read_text().replace('"paragraphs":[[0,', '"paragraphs":[[0,99999999'))
    assert [doc for _, _, doc in map_documents(items, Cache(cache_root), _same)] == expected


def test_an_html_page_without_body_text_is_refused(cache_root: Path) -> None:
    page = Source("empty.html", b"<html><body><h1>Contents</h1></body></html>", HTML)
    with pytest.raises(DataError, match=r"empty\.html: no body text"):
        list(map_documents([page], Cache(cache_root), _same))
