"""Turn the bytes of a file into text, tolerating the encodings history-book transcriptions come in."""

from __future__ import annotations

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
