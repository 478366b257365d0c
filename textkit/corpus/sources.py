"""Where a corpus's bytes come from: the bundled chapter, a file, a folder of files, or standard input.

A source is plain text (``.txt``), an HTML page (``.html``, ``.htm``, ``.xhtml``) or an EPUB, whose
chapters become sources of their own in spine order; standard input is sniffed for HTML and EPUB.
The bundled chapter is package data, so an installed wheel finds it from any folder.
"""

from __future__ import annotations

import os
import stat
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, NamedTuple

from textkit.errors import DataError, UsageError

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT = "text"
HTML = "html"
TEXT_SUFFIXES = (".txt",)
MAX_MB_DEFAULT = 256
MAX_MB_ENV = "TEXTKIT_MAX_MB"


def max_bytes() -> int:
    """The largest input read: ``TEXTKIT_MAX_MB`` (or ``--max-mb``) megabytes, 256 by default."""
    raw = os.environ.get(MAX_MB_ENV) or MAX_MB_DEFAULT
    try:
        megabytes = float(raw)
    except ValueError:
        raise UsageError(f"{MAX_MB_ENV} must be a number of megabytes, not {raw!r}") from None
    if megabytes <= 0:
        raise UsageError(f"{MAX_MB_ENV} must be more than 0")
    return int(megabytes * 1024 * 1024)


def display_name(path: Path) -> str:
    """A file name as it can be shown and stored: undecodable bytes become U+FFFD."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


HTML_SUFFIXES = (".html", ".htm", ".xhtml")
EPUB_SUFFIXES = (".epub",)
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + EPUB_SUFFIXES
READABLE = "textkit reads .txt, .html, .htm, .xhtml and .epub"
# The tags that open an HTML document, as the WHATWG MIME sniffing standard lists them.
_HTML_OPENINGS = tuple(
    f"<{tag}".encode()
    for tag in "!doctype html html head script iframe h1 div font table a style title b body br p !--".split()
)
_TAG_ENDS = (b" ", b">", b"\t", b"\n", b"\r", b"\f", b"/")
_ZIP_MAGIC = b"PK\x03\x04"


def bundled_corpus() -> Path:
    """The folder of the bundled chapter, inside the installed package."""
    from importlib.resources import files  # slow to import; only the default corpus needs it

    return Path(str(files("textkit").joinpath("data", "corpus")))


class FileStamp(NamedTuple):
    """A file as ``stat`` shows it: any write changes its size, times or inode (see
    ``corpus.digests``)."""

    path: str
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int


class Source:
    """One input's name (as its document is known), its bytes and how to read them (``text`` or
    ``html``); ``container`` names the EPUB a chapter came from.

    A file's bytes are read when first asked for: a warm query on a large corpus may need none of
    them, its digest being known from the file's stamp (``corpus.digests``). Bytes read after their
    digest was known must still have it, or the file changed under textkit."""

    __slots__ = ("_data", "_digest", "container", "format", "name", "read_ns", "stamp")

    def __init__(
        self,
        name: str,
        data: bytes | None = None,
        format: str = TEXT,
        container: str | None = None,
        *,
        stamp: FileStamp | None = None,
    ) -> None:
        if data is None and stamp is None:
            raise ValueError("a source needs its bytes or its file")
        self.name, self.format, self.container, self.stamp = name, format, container, stamp
        self._data, self._digest = data, None
        self.read_ns = time.time_ns()  # no later than the bytes were read (see ``corpus.digests``)

    def __repr__(self) -> str:
        return f"Source({self.name!r}, format={self.format!r})"

    @property
    def data(self) -> bytes:
        if self._data is None:
            assert self.stamp is not None
            self.read_ns = time.time_ns()
            data = _read(Path(self.stamp.path), max_bytes())
            if self._digest is not None and content_digest(data, self.format) != self._digest:
                raise DataError(f"{self.name}: the file changed while textkit read it; run the command again")
            self._data = data
        return self._data

    @property
    def digest(self) -> str:
        """What the source's document and every analysis of it are named by: its bytes, and for HTML
        the fact that they were read as HTML (the same bytes read as text make another document)."""
        if self._digest is None:
            self._digest = content_digest(self.data, self.format)
        return self._digest

    def known_digest(self, digest: str) -> None:
        """The digest of the file's bytes, known from its unchanged stamp (they are not read)."""
        if self._data is None:
            self._digest = digest


def content_digest(data: bytes, format: str) -> str:
    from textkit.store.cache import digest

    return digest(data) if format == TEXT else digest(b"html\0" + data)


@dataclass(frozen=True)
class Sources:
    """The inputs of a corpus, in order, and the folder whose ``aliases.tsv`` applies (if any)."""

    items: list[Source]
    folder: Path | None
    label: str


def looks_like_html(data: bytes) -> bool:
    """Does the input open like an HTML or XHTML page (after any BOM and white space)?"""
    head = data[:1024].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    if head.startswith(b"<?xml"):
        return b"<html" in head
    return any(
        head.startswith(opening) and head[len(opening) : len(opening) + 1] in _TAG_ENDS
        for opening in _HTML_OPENINGS
    )


def looks_like_epub(data: bytes) -> bool:
    """An EPUB is a zip archive whose first member is ``mimetype``: ``application/epub+zip``."""
    return data.startswith(_ZIP_MAGIC) and b"mimetypeapplication/epub+zip" in data[:100]


def _listing(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
    except OSError as exc:
        raise DataError(f"cannot read folder {folder}: {exc.strerror or exc}") from exc


def resolve_paths(source: str | Path | None) -> list[Path] | None:
    """The files to read, in name order; None means standard input."""
    if source is None:
        source = bundled_corpus()
    if str(source) == "":
        raise UsageError("--corpus is empty: give a file, a folder or - for standard input")
    if str(source) == STDIN:
        return None
    path = Path(source)
    if not path.exists():
        raise UsageError(f"corpus not found: {path}")
    if path.is_dir():
        found = _listing(path)
        if not found:
            raise UsageError(f"no text, HTML or EPUB files in folder: {path} ({READABLE})")
        return found
    if path.suffix.lower() not in SUFFIXES:
        raise UsageError(f"not a text, HTML or EPUB file: {path} ({READABLE})")
    return [path]


def _capped(stream: BinaryIO, name: str, limit: int) -> bytes:
    """At most ``limit`` bytes: a longer input is an error, never a reason to run out of memory."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, limit)
    return data


def _too_large(name: str, limit: int) -> DataError:
    size = f"{limit / (1024 * 1024):.3g} MB"
    return DataError(f"{name}: larger than {size}; raise the limit with --max-mb N or {MAX_MB_ENV}")


def _read(path: Path, limit: int) -> bytes:
    """A regular file's bytes, up to the size cap (devices, FIFOs and sockets are refused)."""
    _stamp(path, limit)
    shown = path.parent / display_name(path)
    try:
        with open(path, "rb") as fh:
            return _capped(fh, str(shown), limit)
    except OSError as exc:
        raise DataError(f"cannot read {shown}: {exc.strerror or exc}") from exc


def _stamp(path: Path, limit: int) -> FileStamp:
    """A regular file's stamp; devices, FIFOs and sockets are refused, and files over the cap."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise DataError(f"cannot read {path.parent / display_name(path)}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        shown = path.parent / display_name(path)
        raise DataError(f"{shown}: not a regular file (a device, FIFO or socket is never read)")
    if st.st_size > limit:
        raise _too_large(str(path.parent / display_name(path)), limit)
    return FileStamp(os.path.abspath(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev)


def _is_device(stream: BinaryIO) -> bool:
    """``< /dev/zero`` and the like (a terminal is fine: the user types the text)."""
    try:
        return stat.S_ISCHR(os.fstat(stream.fileno()).st_mode) and not stream.isatty()
    except (OSError, ValueError):  # no file descriptor: an in-memory stream
        return False


def _stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise DataError("standard input is closed: nothing to read for --corpus -")
    if _is_device(stream):
        raise DataError("standard input is a device, not text (a device is never read)")
    try:
        return _capped(stream, STDIN_NAME, limit)
    except (OSError, ValueError) as exc:
        raise DataError(f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from exc


def sources_of(name: str, data: bytes, suffix: str | None) -> list[Source]:
    """The sources one input holds: itself, or the chapters of an EPUB. Without a suffix (standard
    input) the bytes are sniffed."""
    if suffix in EPUB_SUFFIXES or (suffix is None and looks_like_epub(data)):
        from textkit.corpus.epub import epub_chapters

        return [Source(f"{name}/{href}", chapter, HTML, name) for href, chapter in epub_chapters(data, name)]
    if suffix in HTML_SUFFIXES or (suffix is None and looks_like_html(data)):
        return [Source(name, data, HTML)]
    return [Source(name, data)]


def _file_sources(path: Path, limit: int) -> list[Source]:
    """A file's sources: an EPUB is read at once (its chapters are cut from it); a text or an HTML
    page is only stamped, its bytes read when needed."""
    suffix = path.suffix.lower()
    if suffix in EPUB_SUFFIXES:
        return sources_of(display_name(path), _read(path, limit), suffix)
    stamp = _stamp(path, limit)
    return [Source(display_name(path), format=HTML if suffix in HTML_SUFFIXES else TEXT, stamp=stamp)]


def read_sources(source: str | Path | None) -> Sources:
    """The inputs of ``source`` (see ``resolve_paths``)."""
    paths = resolve_paths(source)
    limit = max_bytes()
    if paths is None:
        return Sources(sources_of(STDIN_NAME, _stdin(limit), None), None, STDIN)
    label = str(source if source is not None else bundled_corpus())
    items = [item for p in paths for item in _file_sources(p, limit)]
    return Sources(items, paths[0].parent, label)
