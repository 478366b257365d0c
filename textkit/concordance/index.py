"""A positional word index of a corpus, built once and kept in the cache as one memory-mapped file.

Every word token of every paragraph is a row of parallel int32 arrays (start and end offsets into its
document, form id, paragraph, kind of gap before it), plus postings: token positions grouped by
case-folded form and by exact form. A warm query opens the file with ``mmap`` and reads only the
postings it needs, with the standard library alone: no nltk, numpy or pandas, no re-parsing.

The index is a folder entry of the one cache, keyed by the names and digests of the documents (and
the code), so any edit rebuilds it; a missing, corrupt or stale index is rebuilt;
``use_cache=False`` builds it in memory only.
"""

from __future__ import annotations

import json
import mmap
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Any, ClassVar, NamedTuple, TypeVar

from textkit.concordance.rows import GAP_NONE as GAP_NONE
from textkit.concordance.rows import GAP_SPACE as GAP_SPACE
from textkit.concordance.rows import SEPARATOR, doc_rows
from textkit.corpus.digests import source_digests
from textkit.corpus.load import document_text, map_documents
from textkit.corpus.model import KINDS, RUNNING_TEXT, Document
from textkit.corpus.sources import Source, read_sources
from textkit.store.cache import Cache
from textkit.text.tokens import normalize, token_pieces

INDEX = "wordindex"
RUNNING_CODES = frozenset(KINDS.index(k) for k in RUNNING_TEXT)
TOKEN_ARRAYS = ("start", "end", "form", "para", "gap")
PARA_ARRAYS = ("para_doc", "para_index", "para_kind", "para_section", "para_start", "para_end")
PARA_ARRAYS += ("para_first_token", "para_run_before")
POSTING_ARRAYS = ("fold_order", "fold_ptr", "form_order", "form_ptr")
ARRAYS = TOKEN_ARRAYS + PARA_ARRAYS + POSTING_ARRAYS
_ITEM = 4  # bytes per int32

Progress = Callable[[int, int], None]
T = TypeVar("T")
Warn = Callable[[str], None]


def _ignore(*_: Any) -> None:
    return None


@dataclass(frozen=True)
class DocEntry:
    """Where one document's tokens and paragraphs sit in the index arrays."""

    name: str
    digest: str
    first_token: int
    n_tokens: int
    first_para: int
    n_paras: int
    running_tokens: int
    warning: str | None = None


class WordIndex:
    """Token arrays, postings and vocabularies of a corpus; texts are decoded only when asked for.

    ``texts`` gives a document's text by its number (decoding its source only then)."""

    def __init__(
        self, meta: dict[str, Any], buffer: Any, texts: Callable[[int], str], from_cache: bool = False
    ) -> None:
        self.meta = meta
        self.from_cache = from_cache
        self.docs = [DocEntry(**d) for d in meta["docs"]]
        self.forms: list[str] = meta["forms"]
        self.form_fold: list[int] = meta["form_fold"]
        self.folds: list[str] = meta["folds"]
        self.fold_stem: list[int] = meta["fold_stem"]
        self.stems: list[str] = meta["stems"]
        self.sections: list[str] = meta["sections"]
        self.form_count_running: list[int] = meta["form_count_running"]
        self.form_count_all: list[int] = meta["form_count_all"]
        self._buffer = buffer
        view = memoryview(buffer).cast("i") if len(buffer) else memoryview(b"").cast("i")
        for name in ARRAYS:
            offset, length = meta["layout"][name]
            if not 0 <= offset <= offset + length <= len(view):
                raise ValueError(f"index array {name} lies outside the file")
            setattr(self, name, view[offset : offset + length])
        self._check()
        self._text_of = texts
        self._texts: dict[int, str] = {}
        self._fold_ids: dict[str, int] | None = None
        self._form_ids: dict[str, int] | None = None

    # Arrays (set from the layout): start, end, form, para, gap, para_*, fold_order, fold_ptr, …
    start: memoryview
    end: memoryview
    form: memoryview
    para: memoryview
    gap: memoryview
    para_doc: memoryview
    para_index: memoryview
    para_kind: memoryview
    para_section: memoryview
    para_start: memoryview
    para_end: memoryview
    para_first_token: memoryview
    para_run_before: memoryview
    fold_order: memoryview
    fold_ptr: memoryview
    form_order: memoryview
    form_ptr: memoryview

    def _check(self) -> None:
        """Cheap consistency checks (sizes, vocabularies, the ends of the postings); a damaged
        array that passes them is caught when a query trips over it (see ``query_index``)."""
        n_tokens, n_paras = len(self.start), len(self.para_doc)
        if any(len(getattr(self, a)) != n_tokens for a in TOKEN_ARRAYS):
            raise ValueError("index token arrays differ in length")
        if any(len(getattr(self, a)) != n_paras for a in PARA_ARRAYS):
            raise ValueError("index paragraph arrays differ in length")
        sizes = {"fold": len(self.folds), "form": len(self.forms)}
        for prefix, size in sizes.items():
            ptr = getattr(self, f"{prefix}_ptr")
            if len(ptr) != size + 1 or ptr[0] != 0 or ptr[-1] != n_tokens:
                raise ValueError("index postings do not add up")
        vocab = (self.forms, self.folds, self.stems, self.sections)
        if not all(isinstance(w, str) for words in vocab for w in words):
            raise ValueError("index vocabulary is not text")
        if len(self.form_fold) != len(self.forms) or len(self.fold_stem) != len(self.folds):
            raise ValueError("index vocabularies do not match")
        if any(not 0 <= f < len(self.folds) for f in self.form_fold):
            raise ValueError("index fold ids out of range")
        if any(not 0 <= f < len(self.stems) for f in self.fold_stem):
            raise ValueError("index stem ids out of range")

    @property
    def n_tokens(self) -> int:
        return len(self.start)

    @property
    def fold_ids(self) -> dict[str, int]:
        if self._fold_ids is None:
            self._fold_ids = {f: i for i, f in enumerate(self.folds)}
        return self._fold_ids

    @property
    def form_ids(self) -> dict[str, int]:
        if self._form_ids is None:
            self._form_ids = {f: i for i, f in enumerate(self.forms)}
        return self._form_ids

    def text(self, doc: int) -> str:
        """The text of a document, which the token offsets index."""
        if doc not in self._texts:
            self._texts[doc] = self._text_of(doc)
        return self._texts[doc]

    def token_fold(self, position: int) -> str:
        return self.folds[self.form_fold[self.form[position]]]

    def doc_bounds(self, doc: int) -> tuple[int, int]:
        entry = self.docs[doc]
        return entry.first_token, entry.first_token + entry.n_tokens

    def running_ordinal(self, position: int) -> int:
        """The token's place among the running-text tokens of its document."""
        para = self.para[position]
        return self.para_run_before[para] + position - self.para_first_token[para]

    def close(self) -> None:
        """Release the memory map (views must not be used afterwards)."""
        if isinstance(self._buffer, mmap.mmap):
            for name in ARRAYS:
                getattr(self, name).release()
            self._buffer.close()


# Building ------------------------------------------------------------------------------------------


class _Column:
    """An int32 array that grows by doubling: rows go in as they come, and pages never written to
    (the slack) cost no memory."""

    def __init__(self, capacity: int) -> None:
        import numpy as np

        self.data = np.empty(max(capacity, 16), dtype=np.int32)
        self.size = 0

    def extend(self, values: Any) -> None:
        import numpy as np

        n = len(values)
        if self.size + n > len(self.data):
            grown = np.empty(max(2 * len(self.data), self.size + n), dtype=np.int32)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : self.size + n] = values
        self.size += n


class _Part(NamedTuple):
    """What a worker sends back for one document, in a few flat arrays: its token rows (form ids
    in the worker's own vocabulary, of which only the forms new to it travel, as one string), the
    number of tokens in each paragraph (from which the builder derives each token's paragraph), and
    its paragraphs' index, kind code, start and end as the rows of one array."""

    name: str
    digest: str
    warning: str | None
    start: Any
    end: Any
    gap: Any
    form: Any
    para_tokens: Any
    paras: Any
    sections: list[str | None]
    vocabulary: str
    vocabulary_size: int
    new_forms: str


class _WorkerForms:
    """The forms one process has met in one build, numbered as met: a document's forms are sent
    as these numbers, and only the forms the process had not met before go with them, so that
    the main process maps a few new forms per document instead of all of them."""

    build: ClassVar[str | None] = None
    ids: ClassVar[dict[str, int]] = {}

    @classmethod
    def of(cls, build: str) -> dict[str, int]:
        if cls.build != build:
            cls.build, cls.ids = build, {}
        return cls.ids


def _index_part(build: str, doc: Document) -> _Part:
    """On a worker: what the index keeps of a document."""
    import numpy as np

    paragraphs = doc.paragraphs
    vocabulary = _WorkerForms.of(build)
    before = len(vocabulary)
    rows = doc_rows((doc.text, [(p.start, p.end) for p in paragraphs]), vocabulary)
    paras = np.array(
        [[p.index for p in paragraphs], [KINDS.index(p.kind) for p in paragraphs],
         [p.start for p in paragraphs], [p.end for p in paragraphs]],
        dtype=np.int32,
    ).reshape(4, len(paragraphs))  # fmt: skip
    return _Part(
        doc.name,
        doc.digest,
        doc.warning,
        rows.start,
        rows.end,
        rows.gap,
        rows.form,
        np.bincount(rows.para, minlength=len(paragraphs)).astype(np.int32),
        paras,
        [p.section for p in paragraphs],
        f"{os.getpid()}-{build}",
        before,
        rows.form_lines,
    )


class _Builder:
    """Copies each document's token rows into growing columns as they come from the workers (form
    ids mapped to the corpus's vocabulary), keeps its few paragraph values, and at the end lays out
    the index arrays in one buffer, written as it is: each column is freed once copied in, and the
    paragraph columns are derived there for the whole corpus at once, so the main process does little
    per document while the workers go on."""

    def __init__(self, capacity: int) -> None:
        self.tokens = {name: _Column(capacity) for name in ("start", "end", "gap", "form")}
        self.para_tokens: list[Any] = []
        self.paras: list[Any] = []
        self.sections: list[int] = []
        self.form_ids: dict[str, int] = {}
        self.section_ids: dict[str, int] = {}
        self.to_corpus: dict[str, _Column] = {}  # a worker's form ids → the corpus's
        self.docs: list[tuple[str, str, int, int, str | None]] = []

    def add(self, part: _Part) -> None:
        import numpy as np

        mapping = self.to_corpus.setdefault(part.vocabulary, _Column(1024))
        if mapping.size != part.vocabulary_size:
            raise RuntimeError("a worker's documents arrived out of order")
        ids = self.form_ids
        new = part.new_forms.split(SEPARATOR) if part.new_forms else []
        mapping.extend(np.fromiter((ids.setdefault(f, len(ids)) for f in new), np.int32, len(new)))
        self.tokens["start"].extend(part.start)
        self.tokens["end"].extend(part.end)
        self.tokens["gap"].extend(part.gap)
        self.tokens["form"].extend(mapping.data[part.form])
        self.para_tokens.append(part.para_tokens)
        self.paras.append(part.paras)
        self.sections.extend(
            -1 if s is None else self.section_ids.setdefault(s, len(self.section_ids)) for s in part.sections
        )
        self.docs.append((part.name, part.digest, len(part.start), len(part.sections), part.warning))

    def _paragraphs(self, arrays: dict[str, Any]) -> list[DocEntry]:
        """The paragraph columns of the whole corpus, and where each document's rows sit."""
        import numpy as np

        n_tokens = np.array([d[2] for d in self.docs], dtype=np.int64)
        n_paras = np.array([d[3] for d in self.docs], dtype=np.int64)
        counts = np.concatenate([np.zeros(0, np.int32), *self.para_tokens])
        paras = np.concatenate([np.zeros((4, 0), np.int32), *self.paras], axis=1)
        self.para_tokens = self.paras = []
        for name, row in zip(("para_index", "para_kind", "para_start", "para_end"), paras, strict=True):
            arrays[name][:] = row
        arrays["para_section"][:] = self.sections
        arrays["para_doc"][:] = np.repeat(np.arange(len(self.docs)), n_paras)
        arrays["para"][:] = np.repeat(np.arange(len(counts)), counts)
        arrays["para_first_token"][:] = np.cumsum(counts) - counts
        running = np.where(np.isin(paras[1], list(RUNNING_CODES)), counts, 0)
        running_before = np.concatenate([np.zeros(1, np.int64), np.cumsum(running)])  # in the corpus
        first_para = np.cumsum(n_paras) - n_paras
        arrays["para_run_before"][:] = running_before[:-1] - np.repeat(running_before[first_para], n_paras)
        doc_running = running_before[first_para + n_paras] - running_before[first_para]
        first_token = np.cumsum(n_tokens) - n_tokens
        return [
            DocEntry(name, digest, int(first), tokens, int(para), paragraphs, int(run), warning)
            for (name, digest, tokens, paragraphs, warning), first, para, run in zip(
                self.docs, first_token, first_para, doc_running, strict=True
            )
        ]

    def finish(self) -> tuple[dict[str, Any], Any]:
        """Vocabularies, stems, postings and counts; returns the metadata and the arrays' buffer."""
        import numpy as np
        from nltk.stem.snowball import SnowballStemmer

        forms = list(self.form_ids)
        fold_ids: dict[str, int] = {}
        form_fold = [fold_ids.setdefault(f.casefold(), len(fold_ids)) for f in forms]
        folds = list(fold_ids)
        stemmer = SnowballStemmer("english")
        stem_ids: dict[str, int] = {}
        fold_stem = [stem_ids.setdefault(normalize(stemmer.stem(f)), len(stem_ids)) for f in folds]
        n_tokens, n_paras = sum(d[2] for d in self.docs), len(self.sections)
        sizes = {name: n_tokens for name in TOKEN_ARRAYS} | {name: n_paras for name in PARA_ARRAYS}
        sizes |= {"fold_order": n_tokens, "form_order": n_tokens}
        sizes |= {"fold_ptr": len(folds) + 1, "form_ptr": len(forms) + 1}
        blob = np.empty(sum(sizes.values()), dtype=np.int32)
        layout: dict[str, tuple[int, int]] = {}
        arrays: dict[str, Any] = {}
        offset = 0
        for name in ARRAYS:
            layout[name] = (offset, sizes[name])
            arrays[name] = blob[offset : offset + sizes[name]]
            offset += sizes[name]
        for name in list(self.tokens):
            column = self.tokens.pop(name)
            arrays[name][:] = column.data[: column.size]
            del column
        docs = self._paragraphs(arrays)
        form = arrays["form"]
        for prefix, size in (("fold", len(folds)), ("form", len(forms))):
            narrow = np.uint16 if size <= 1 << 16 else np.int32  # half the memory, and a radix sort
            ids = form.astype(narrow) if prefix == "form" else np.asarray(form_fold, dtype=narrow)[form]
            arrays[f"{prefix}_order"][:] = stable_order(ids, size)
            arrays[f"{prefix}_ptr"][0] = 0
            np.cumsum(np.bincount(ids, minlength=size), out=arrays[f"{prefix}_ptr"][1:])
            del ids
        count_all = np.bincount(form, minlength=len(forms))
        # Few tokens lie outside running text (headings, notes): count those and subtract.
        elsewhere = ~np.isin(arrays["para_kind"], list(RUNNING_CODES))[arrays["para"]]
        count_running = count_all - np.bincount(form[elsewhere], minlength=len(forms))
        meta = {
            "docs": [asdict(d) for d in docs],
            "forms": forms,
            "form_fold": form_fold,
            "folds": folds,
            "fold_stem": fold_stem,
            "stems": list(stem_ids),
            "sections": list(self.section_ids),
            "form_count_running": count_running.tolist(),
            "form_count_all": count_all.tolist(),
            "layout": layout,
        }
        return meta, blob.view(np.uint8)


def stable_order(ids: Any, size: int) -> Any:
    """``argsort(ids, kind="stable")`` for ids below ``size``, as one or two radix passes over 16-bit
    keys (numpy sorts 16-bit keys in linear time, wider ones by merging): the postings' order."""
    import numpy as np

    if size <= 1 << 16:
        return np.argsort(ids.astype(np.uint16, copy=False), kind="stable")
    order = np.argsort((ids & 0xFFFF).astype(np.uint16), kind="stable")
    return order[np.argsort((ids[order] >> 16).astype(np.uint16), kind="stable")]


STEMMER_MODULE = "nltk.stem.snowball"


class _StemmerOnTheSide:
    """Once the first results are back the workers have been forked (a fork must not happen in the
    middle of an import), so nltk's stemmer is imported on a thread: a second or two the main process
    would otherwise spend after the last document."""

    def __init__(self, progress: Progress) -> None:
        self.progress, self.thread = progress, None

    def report(self, done: int, total: int) -> None:
        if self.thread is None:
            import importlib
            import threading

            self.thread = threading.Thread(target=importlib.import_module, args=(STEMMER_MODULE,))
            self.thread.start()
        self.progress(done, total)

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join()


def _build(
    items: Sequence[Source], cache: Cache, warn: Warn, progress: Progress
) -> tuple[dict[str, Any], Any]:
    """Parse (or read the cached parse of) and tokenise each document on a worker, taking back only
    its arrays, which are kept as they arrive (the workers go on meanwhile); then lay out the arrays
    of the whole corpus. Memory stays bounded by the index."""
    import numpy  # noqa: F401  (imported before any worker forks, so that every one inherits it)

    token_pieces("")  # the same for the token engine
    stemmer = _StemmerOnTheSide(progress)
    builder = _Builder(capacity=sum(len(item.data) for item in items))  # a token has a byte at least
    index_part = partial(_index_part, os.urandom(8).hex())
    for _, _, part in map_documents(list(items), cache, index_part, warn, stemmer.report):
        builder.add(part)
    stemmer.join()
    return builder.finish()


# Storing and opening --------------------------------------------------------------------------------


def index_key(cache: Cache, names: Sequence[str], digests: Sequence[str]) -> str:
    """The index of a corpus is named by its documents' names and contents, in order."""
    return cache.key(INDEX, *(f"{name}\0{dig}" for name, dig in zip(names, digests, strict=True)))


def _read(folder: Path, key: str) -> tuple[dict[str, Any], Any] | None:
    """The stored metadata and a memory map of the arrays, or None when missing or corrupt."""
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        if meta.get("key") != key:
            return None
        expected = sum(length for _, length in meta["layout"].values()) * _ITEM
        with open(folder / "arrays.bin", "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size != expected:
                return None
            buffer = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) if size else b""
    except Exception:  # unreadable, not JSON, nested too deep, wrong shape: rebuild
        return None
    return meta, buffer


DAMAGE = (IndexError, ValueError, KeyError, TypeError, OverflowError)


def query_index(
    source: str | Path | None,
    run: Callable[[WordIndex], T],
    *,
    use_cache: bool = True,
    warn: Warn = _ignore,
    progress: Progress = _ignore,
) -> T:
    """``run(index)`` on the corpus's index; a stored index that turns out to be damaged (a value
    out of range deep in its arrays) is rebuilt and ``run`` tried once more."""
    index = open_index(source, use_cache=use_cache, warn=warn, progress=progress)
    try:
        return run(index)
    except DAMAGE:
        if not index.from_cache:
            raise
    index = open_index(source, use_cache=use_cache, warn=_ignore, progress=progress, rebuild=True)
    return run(index)


def _texts(meta: dict[str, Any], items: Sequence[Source], cache: Cache) -> Callable[[int], str]:
    """A document's text by its number in the index (an EPUB's empty chapters have none)."""
    by_name = {item.name: item for item in items}
    names = [d["name"] for d in meta["docs"]]
    return lambda doc: document_text(by_name[names[doc]], cache)


def open_index(
    source: str | Path | None = None,
    *,
    use_cache: bool = True,
    warn: Warn = _ignore,
    progress: Progress = _ignore,
    rebuild: bool = False,
) -> WordIndex:
    """The word index of a corpus source (as for ``load_corpus``), from the cache when it is current
    (``rebuild`` discards the stored one first)."""
    sources = read_sources(source)
    names = [item.name for item in sources.items]
    cache = Cache(enabled=use_cache)
    key = index_key(cache, names, source_digests(sources.items, cache))
    if rebuild:
        cache.discard(INDEX, key)
    folder = cache.folder(INDEX, key)
    stored = _read(folder, key) if folder else None
    if stored is not None:
        meta, buffer = stored
        try:
            index = WordIndex(meta, buffer, _texts(meta, sources.items, cache), from_cache=True)
        except Exception:  # damaged beyond use: rebuild
            cache.discard(INDEX, key)
        else:
            for doc in index.docs:
                if doc.warning:
                    warn(doc.warning)
            return index
    meta, blob = _build(sources.items, cache, warn, progress)
    meta["key"] = key
    cache.put_folder(
        INDEX, key, {"arrays.bin": blob, "meta.json": json.dumps(meta, ensure_ascii=False).encode()}
    )
    return WordIndex(meta, blob, _texts(meta, sources.items, cache))
