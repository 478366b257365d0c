"""Decoding: UTF-8 with or without BOM, LF or CRLF, a cp1252 fallback with a warning, binary refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from conftest import CHAPTER, RunCli

from textkit.corpus.decode import decode_bytes, looks_binary
from textkit.corpus.load import load_corpus, load_document
from textkit.errors import DataError
from textkit.store.cache import Cache

SAMPLE = (
    "Jane Historian\nA Short History\n3. The quarrel\n\n“Enough,” said Trotsky’s friend.[1]\n\n1. Letters.\n"
)


def test_plain_utf8() -> None:
    decoded = decode_bytes(SAMPLE.encode("utf-8"))
    assert (decoded.text, decoded.encoding, decoded.warning) == (SAMPLE, "utf-8", None)


def test_bom_is_dropped_so_offsets_match_the_visible_text() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    assert decoded.text == SAMPLE
    assert decoded.encoding == "utf-8-sig"
    assert decoded.warning is None


def test_cp1252_falls_back_with_a_one_line_warning() -> None:
    data = SAMPLE.encode("cp1252")
    assert b"\x93" in data  # a curly quote in cp1252 is not valid UTF-8
    decoded = decode_bytes(data, "old.txt")
    assert decoded.text == SAMPLE
    assert decoded.encoding == "cp1252"
    assert decoded.warning == "old.txt: not valid UTF-8, read as cp1252"


def test_crlf_is_kept_in_the_text() -> None:
    data = SAMPLE.replace("\n", "\r\n").encode("utf-8")
    assert decode_bytes(data).text == SAMPLE.replace("\n", "\r\n")


@pytest.mark.parametrize(
    "data",
    [
        b"\x00\x01\x02binary",
        b"PK\x03\x04" + bytes(range(256)),
        "UTF-16 without its mark".encode("utf-16-le"),
        b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
    ],
)
def test_binary_is_refused(data: bytes) -> None:
    assert looks_binary(data)
    with pytest.raises(DataError, match=r"^blob\.bin: looks like a binary file, not text$"):
        decode_bytes(data, "blob.bin")


@pytest.mark.parametrize(
    "data", [b"", b"plain text\n", b"tab\tand\x0cform feed\r\n", SAMPLE.encode("cp1252")]
)
def test_text_is_not_binary(data: bytes) -> None:
    assert not looks_binary(data)


def test_bom_crlf_cp1252_variants_parse_like_the_original(tmp_path: Path) -> None:
    """The same chapter in four encodings/line-endings yields the same paragraphs, notes and markers."""
    text = CHAPTER.read_text(encoding="utf-8")
    original = load_document(text.encode("utf-8"), "lf.txt", Cache(enabled=False))
    variants = {
        "bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "crlf.txt": text.replace("\n", "\r\n").encode("utf-8"),
        "bom-crlf.txt": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "cp1252.txt": text.encode("cp1252"),
    }
    for name, data in variants.items():
        warnings: list[str] = []
        doc = load_document(data, name, Cache(enabled=False), warnings.append)
        assert [(p.kind, p.text) for p in doc.paragraphs] == [(p.kind, p.text) for p in original.paragraphs]
        assert [n.label for n in doc.notes] == [n.label for n in original.notes]
        assert all(doc.text[m.start : m.end] == f"[{m.label}]" for m in doc.markers)
        assert warnings == (["cp1252.txt: not valid UTF-8, read as cp1252"] if name == "cp1252.txt" else [])


def test_load_corpus_reports_binary_as_data_error(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(DataError, match=r"image\.txt: looks like a binary file"):
        load_corpus(path)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-16-be", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(codec: str, chapter_text: str) -> None:
    bom = {"utf-16-be": codecs.BOM_UTF16_BE, "utf-32-be": codecs.BOM_UTF32_BE}.get(codec, b"")
    decoded = decode_bytes(bom + chapter_text.encode(codec), "wide.txt")
    assert decoded.text == chapter_text and decoded.warning is None


def test_one_bad_byte_keeps_the_rest_as_utf8(chapter_text: str) -> None:
    """The defect: one stray byte turned every curly quote of the file into cp1252 mojibake."""
    data = chapter_text.encode("utf-8")
    cut = data.index(b"\n", 5000) + 1
    broken = data[:cut] + b"\xff" + data[cut:]
    decoded = decode_bytes(broken, "one-bad.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "", 1) == chapter_text
    assert "â€" not in decoded.text
    line = data[:cut].count(b"\n") + 1
    assert decoded.warning == f"one-bad.txt: 1 byte not valid UTF-8, replaced with U+FFFD (line {line})"


def test_many_bad_bytes_are_counted_and_placed(chapter_text: str) -> None:
    lines = chapter_text.encode("utf-8").split(b"\n")
    broken = b"\n".join(line + (b"\x81" if i % 10 == 0 else b"") for i, line in enumerate(lines))
    decoded = decode_bytes(broken, "many.txt")
    bad = (len(lines) + 9) // 10
    assert (
        decoded.warning == f"many.txt: {bad} bytes not valid UTF-8, replaced with U+FFFD (line 1, 11, 21 …)"
    )
    assert decoded.text.count("\ufffd") == bad


def test_quotes_survive_a_bad_byte(run_cli: RunCli, tmp_path: Path, chapter_text: str) -> None:
    data = chapter_text.encode("utf-8")
    (tmp_path / "bad.txt").write_bytes(data[:3000] + b"\xfe" + data[3000:])
    good = run_cli(["quotes", "--format", "jsonl"]).stdout.splitlines()
    result = run_cli(["--corpus", str(tmp_path / "bad.txt"), "quotes", "--format", "jsonl"])
    assert len(result.stdout.splitlines()) == len(good)
    assert "1 byte not valid UTF-8" in result.stderr
    again = run_cli(["--corpus", str(tmp_path / "bad.txt"), "quotes", "--format", "jsonl"])
    assert "1 byte not valid UTF-8" in again.stderr  # the warning is not lost to the cache
