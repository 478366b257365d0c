"""The chapters of an EPUB, in spine order: each an XHTML page that the HTML reader reads.

An EPUB is a zip archive: ``META-INF/container.xml`` names the package document (OPF), whose manifest
lists the files and whose spine orders the chapters. Everything is read in memory, nothing is
unpacked to disk. A damaged or truncated archive, a missing part, or a book protected by DRM
(``META-INF/rights.xml``, or content listed in ``META-INF/encryption.xml``) is refused with one line.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote
from xml.etree import ElementTree

from textkit.errors import DataError

CONTAINER = "META-INF/container.xml"
ENCRYPTION = "META-INF/encryption.xml"
RIGHTS = "META-INF/rights.xml"
CHAPTER_TYPES = frozenset({"application/xhtml+xml", "text/html"})
# Font obfuscation (IDPF, Adobe) is listed in encryption.xml too, and hides no text.
FONT_OBFUSCATION = frozenset({"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"})
MAX_MEMBER_BYTES = 64 * 1024 * 1024


def _archive(data: bytes, name: str) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise DataError(f"{name}: not a readable EPUB (damaged or truncated archive)") from exc


def _member(archive: zipfile.ZipFile, path: str, name: str) -> bytes:
    try:
        info = archive.getinfo(path)
    except KeyError as exc:
        raise DataError(f"{name}: not a readable EPUB ({path} is missing)") from exc
    if info.file_size > MAX_MEMBER_BYTES:
        raise DataError(f"{name}: not a readable EPUB ({path} is too large)")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise DataError(f"{name}: not a readable EPUB ({path} is damaged or truncated)") from exc


def _xml(archive: zipfile.ZipFile, path: str, name: str) -> ElementTree.Element:
    try:
        return ElementTree.fromstring(_member(archive, path, name))
    except ElementTree.ParseError as exc:
        raise DataError(f"{name}: not a readable EPUB ({path} is not well-formed XML)") from exc


def _refuse_drm(archive: zipfile.ZipFile, name: str) -> None:
    names = set(archive.namelist())
    if RIGHTS in names:
        raise DataError(f"{name}: the EPUB is protected by DRM ({RIGHTS}); textkit cannot read it")
    if ENCRYPTION not in names:
        return
    for encrypted in _xml(archive, ENCRYPTION, name).findall(".//{*}EncryptedData"):
        method = encrypted.find("{*}EncryptionMethod")
        if method is None or method.get("Algorithm") not in FONT_OBFUSCATION:
            raise DataError(f"{name}: the EPUB is protected by DRM ({ENCRYPTION}); textkit cannot read it")


def _package_path(archive: zipfile.ZipFile, name: str) -> str:
    for rootfile in _xml(archive, CONTAINER, name).findall(".//{*}rootfile"):
        path = rootfile.get("full-path")
        if path:
            return path
    raise DataError(f"{name}: not a readable EPUB ({CONTAINER} names no package document)")


def _spine(package: ElementTree.Element) -> list[str]:
    """The hrefs of the chapters (XHTML items of the spine), in spine order."""
    manifest = {}
    for item in package.findall(".//{*}item"):
        if item.get("id") and item.get("href") and item.get("media-type") in CHAPTER_TYPES:
            manifest[item.get("id")] = posixpath.normpath(unquote(item.get("href", "")))
    spine = package.find("{*}spine")
    refs = [ref.get("idref") for ref in spine.findall(".//{*}itemref")] if spine is not None else []
    return [manifest[ref] for ref in refs if ref in manifest]


def epub_chapters(data: bytes, name: str) -> list[tuple[str, bytes]]:
    """``(href, bytes)`` of every chapter, in reading order; the href is as the package lists it."""
    with _archive(data, name) as archive:
        _refuse_drm(archive, name)
        package_path = _package_path(archive, name)
        hrefs = _spine(_xml(archive, package_path, name))
        if not hrefs:
            raise DataError(f"{name}: not a readable EPUB (its spine lists no chapters)")
        base = posixpath.dirname(package_path)
        return [
            (href, _member(archive, posixpath.normpath(posixpath.join(base, href)), name)) for href in hrefs
        ]
