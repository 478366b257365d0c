"""EPUB: chapters in spine order, each a document; damaged, truncated and DRM-protected books refused."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import CHAPTER, FIXTURES, RunCli

from textkit.corpus.load import load_corpus
from textkit.corpus.sources import looks_like_epub

BOOK = FIXTURES / "epub"
CHAPTERS = ["book.epub/text/b-second.xhtml", "book.epub/text/a-first.xhtml"]
ENCRYPTION = """<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"
            xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData>
    <enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData>
  </enc:EncryptedData>
</encryption>
"""


def build_epub(path: Path, extra: dict[str, str] | None = None) -> Path:
    """The fixture book zipped as an EPUB is: ``mimetype`` first and stored, the rest deflated."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), (BOOK / "mimetype").read_bytes())
        for file in sorted(p for p in BOOK.rglob("*") if p.is_file() and p.name != "mimetype"):
            archive.write(file, file.relative_to(BOOK).as_posix(), compress_type=zipfile.ZIP_DEFLATED)
        for name, text in (extra or {}).items():
            archive.writestr(name, text)
    return path


@pytest.fixture
def book(tmp_path: Path) -> Path:
    return build_epub(tmp_path / "book.epub")


def info(run_cli: RunCli, *args: str, **kwargs: object) -> list[dict]:
    result = run_cli([*args, "info", "--format", "json"], **kwargs)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def assert_refused(result, *fragments: str) -> None:
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("textkit: error: ") and result.stderr.count("\n") == 1
    for fragment in fragments:
        assert fragment in result.stderr


def test_two_chapters_in_spine_order_and_pages_without_text_left_out(book: Path) -> None:
    corpus = load_corpus(book)
    assert [d.name for d in corpus.documents] == CHAPTERS  # not the cover, not the contents
    first, second = corpus.documents
    assert first.title == "Chapter 1. The spine comes first"
    assert [p.kind for p in first.paragraphs] == ["title", "body", "body", "block", "note"]
    assert [(n.label, first.note_text(n)) for n in first.notes] == [("1", "Bukharin, Letters, page 12.")]
    assert [(n.label, second.note_text(n)) for n in second.notes] == [("1", "Ibid., page 13.")]
    assert "^" not in second.text


def test_every_command_runs_on_an_epub(run_cli: RunCli, book: Path) -> None:
    for args in (["info"], ["quotes"], ["speakers"], ["footnotes"], ["freq"], ["concord", "chapter"]):
        result = run_cli(["--corpus", str(book), *args])
        assert result.exit_code == 0, (args, result.stderr)
        assert result.stdout
    quote = json.loads(
        run_cli(["--corpus", str(book), "quotes", "--kind", "block", "--format", "json"]).stdout
    )
    assert [(q["doc"], q["text"]) for q in quote] == [
        (CHAPTERS[0], "We cannot go on as before, and we will not.")
    ]


def test_epub_in_a_folder_and_on_standard_input(run_cli: RunCli, book: Path, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(CHAPTER.read_bytes())
    assert [r["doc"] for r in info(run_cli, "--corpus", str(tmp_path))] == ["a.txt", *CHAPTERS]
    assert looks_like_epub(book.read_bytes())
    rows = info(run_cli, "--corpus", "-", input=book.read_bytes())
    assert [r["doc"] for r in rows] == [name.replace("book.epub", "<stdin>") for name in CHAPTERS]


def test_truncated_epub(run_cli: RunCli, book: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.epub"
    cut.write_bytes(book.read_bytes()[: book.stat().st_size // 2])
    assert_refused(run_cli(["--corpus", str(cut), "info"]), "cut.epub", "damaged or truncated")


def test_damaged_member(run_cli: RunCli, book: Path, tmp_path: Path) -> None:
    data = bytearray(book.read_bytes())
    with zipfile.ZipFile(book) as archive:
        info_ = archive.getinfo("OEBPS/text/a-first.xhtml")
    at = info_.header_offset + 30 + len(info_.filename) + 5  # inside the compressed chapter
    data[at] ^= 0xFF
    bad = tmp_path / "bad.epub"
    bad.write_bytes(bytes(data))
    assert_refused(run_cli(["--corpus", str(bad), "info"]), "bad.epub", "a-first.xhtml")


def test_not_an_epub_at_all(run_cli: RunCli, tmp_path: Path) -> None:
    fake = tmp_path / "fake.epub"
    fake.write_text("just text")
    assert_refused(run_cli(["--corpus", str(fake), "info"]), "fake.epub", "not a readable EPUB")


@pytest.mark.parametrize(
    ("extra", "why"),
    [
        ({"META-INF/rights.xml": "<rights/>"}, "rights.xml"),
        (
            {"META-INF/encryption.xml": ENCRYPTION.format(
                algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc", uri="OEBPS/text/a-first.xhtml")},
            "encryption.xml",
        ),
    ],
)  # fmt: skip
def test_drm_is_refused(run_cli: RunCli, tmp_path: Path, extra: dict[str, str], why: str) -> None:
    locked = build_epub(tmp_path / "locked.epub", extra)
    assert_refused(run_cli(["--corpus", str(locked), "info"]), "locked.epub", "DRM", why)


def test_font_obfuscation_is_not_drm(tmp_path: Path) -> None:
    fonts = ENCRYPTION.format(algorithm="http://www.idpf.org/2008/embedding", uri="OEBPS/font.otf")
    book = build_epub(tmp_path / "fonts.epub", {"META-INF/encryption.xml": fonts})
    assert len(load_corpus(book).documents) == 2


def test_epub_without_any_text(run_cli: RunCli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.epub"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.write(BOOK / "META-INF" / "container.xml", "META-INF/container.xml")
        archive.writestr(
            "OEBPS/content.opf",
            '<package xmlns="http://www.idpf.org/2007/opf"><manifest>'
            '<item id="c" href="cover.xhtml" media-type="application/xhtml+xml"/></manifest>'
            '<spine><itemref idref="c"/></spine></package>',
        )
        archive.write(BOOK / "OEBPS" / "cover.xhtml", "OEBPS/cover.xhtml")
    assert_refused(run_cli(["--corpus", str(empty), "info"]), "empty.epub", "no chapter")


def test_nothing_written_beside_the_book(run_cli: RunCli, book: Path, cache_root: Path) -> None:
    before = sorted(book.parent.iterdir())
    assert run_cli(["--corpus", str(book), "quotes"]).exit_code == 0
    assert sorted(book.parent.iterdir()) == before
    assert {p.name for p in cache_root.iterdir()} <= {"documents", "quotes", "wordindex", "names", ".pruned"}
