"""Turn the bytes of a file into text, tolerating the encodings history-book transcriptions come in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textkit.errors import DataError

_BOM = "\ufeff"
_SNIFF = 8192
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


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


def decode_bytes(data: bytes, name: str = "<input>") -> Decoded:
    """Decode UTF-8 (with or without BOM); fall back to cp1252 with a warning; refuse binary data.

    The BOM is dropped so that offsets count characters of the text a reader sees.
    """
    if looks_binary(data):
        raise DataError(f"{name}: looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
        warning = None
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        warning = f"{name}: not valid UTF-8, read as cp1252"
    if text.startswith(_BOM):
        text = text[1:]
        encoding += "-sig"
    return Decoded(text, encoding, warning)


# HTML: the charset a page declares -------------------------------------------------------------------

_HTML_PRESCAN = 4096
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
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
    for bom, codec in _BOMS:
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
