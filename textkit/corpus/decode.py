"""Turn the bytes of a file into text, tolerating the encodings history-book transcriptions come in.

UTF-8 is the rule. A UTF-8 file with a few bad bytes keeps its valid text: only the bad bytes are
replaced (U+FFFD) and the warning says how many and where. A file with no valid multi-byte UTF-8 at
all but bytes above 127 is an old single-byte file, read as cp1252. UTF-16 and UTF-32 are read when
a byte-order mark says so. The BOM is dropped so that offsets count the characters a reader sees.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from textkit.errors import DataError

_SNIFF = 8192
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)
_VALID_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_ESCAPED = re.compile("[\udc80-\udcff]")
_SHOWN_PLACES = 3


@dataclass(frozen=True)
class Decoded:
    """Decoded text plus what the user should be told about the decoding."""

    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    """A NUL byte or mostly control bytes near the start means this is not a text file."""
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control / len(head) > 0.1


def _with_bom(data: bytes, name: str) -> Decoded | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), label)
            except UnicodeDecodeError as exc:
                raise DataError(f"{name}: starts with a {label} byte-order mark but is not {label}") from exc
    return None


def _lines(text: str, offsets: list[int]) -> list[int]:
    """The distinct line numbers of sorted offsets, counted in one pass."""
    lines: list[int] = []
    line, previous = 1, 0
    for offset in offsets:
        line += text.count("\n", previous, offset)
        previous = offset
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _repaired(text: str, bad: list[int], name: str) -> Decoded:
    """UTF-8 with some bad bytes: keep the text, replace the bad bytes, say where they are."""
    lines = _lines(text, bad)
    where = ", ".join(str(n) for n in lines[:_SHOWN_PLACES]) + (" …" if len(lines) > _SHOWN_PLACES else "")
    noun = "byte" if len(bad) == 1 else "bytes"
    warning = f"{name}: {len(bad)} {noun} not valid UTF-8, replaced with U+FFFD (line {where})"
    return Decoded(_ESCAPED.sub("\ufffd", text), "utf-8", warning)


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with a BOM, or legacy cp1252; refuse binary."""
    marked = _with_bom(data, name)
    if marked is not None:
        return marked
    if looks_binary(data):
        raise DataError(f"{name}: looks like a binary file, not text")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:  # some bad bytes: find them (rarer, slower)
        text = data.decode("utf-8", errors="surrogateescape")
    bad = [m.start() for m in _ESCAPED.finditer(text)]
    if len(_VALID_MULTIBYTE.findall(data)) >= len(bad):
        return _repaired(text, bad, name)
    warning = f"{name}: not valid UTF-8, read as cp1252"
    return Decoded(data.decode("cp1252", errors="replace"), "cp1252", warning)


# HTML: the charset a page declares -------------------------------------------------------------------

_HTML_PRESCAN = 4096
_HTML_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_CHARSET_IN_CONTENT = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)
_XML_ENCODING = re.compile(r"""encoding\s*=\s*["']([^"']+)["']""")
# Browsers read these labels as windows-1252 (the WHATWG Encoding standard), and a page cannot be
# UTF-16 if its <meta> could be read as ASCII.
_AS_CP1252 = {"ascii", "latin-1", "iso8859-1", "cp1252"}
_UTF16 = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


def _codec(label: str) -> str | None:
    """The Python codec for a charset label, or None for a label nobody knows."""
    import codecs

    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    if name in _AS_CP1252:
        return "cp1252"
    return "utf-8" if name in _UTF16 else name


def declared_charset(head: bytes) -> str | None:
    """The charset label an HTML page declares in an XML declaration or a ``<meta>`` element.

    ``head`` is read as latin-1 (every byte one character, ASCII intact) and parsed as HTML, as a
    browser's pre-scan does; the first declaration wins."""
    from selectolax.lexbor import LexborHTMLParser

    text = head.decode("latin-1")
    if text.startswith("<?xml"):
        declaration = text[: text.find("?>") + 1 or len(text)]
        m = _XML_ENCODING.search(declaration)
        if m:
            return m.group(1)
    for meta in LexborHTMLParser(text).css("meta"):
        attrs = meta.attributes
        if attrs.get("charset"):
            return attrs["charset"]
        if (attrs.get("http-equiv") or "").lower() == "content-type":
            m = _CHARSET_IN_CONTENT.search(attrs.get("content") or "")
            if m:
                return m.group(1)
    return None


def decode_html(data: bytes, name: str = "<input>") -> Decoded:
    """Decode an HTML page by its BOM, else its declared charset, else UTF-8 with a cp1252 fallback.

    The warning (without the file's name, so it can be cached by content) says what went wrong."""
    for bom, codec in _HTML_BOMS:
        if data.startswith(bom):
            return _decode_as(data[len(bom) :], codec, f"{codec}-sig" if codec == "utf-8" else codec)
    if looks_binary(data):
        raise DataError(f"{name}: looks like a binary file, not HTML")
    label = declared_charset(data[:_HTML_PRESCAN])
    codec = _codec(label) if label else None
    if codec:
        return _decode_as(data, codec, codec)
    try:
        decoded = Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        decoded = Decoded(
            data.decode("cp1252", errors="replace"), "cp1252", "not valid UTF-8, read as cp1252"
        )
    if label:
        warning = f"unknown charset {label!r}, read as {decoded.encoding}"
        return Decoded(decoded.text, decoded.encoding, warning)
    return decoded


def _decode_as(data: bytes, codec: str, encoding: str) -> Decoded:
    try:
        return Decoded(data.decode(codec), encoding)
    except UnicodeDecodeError:
        return Decoded(
            data.decode(codec, errors="replace"), encoding, f"not valid {codec}: bad bytes replaced"
        )
