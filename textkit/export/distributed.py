"""The per-document stages on a Dask cluster: parse, quotations, names and note analyses.

Each task takes a few documents' bytes, runs the library's own cached functions on a worker (so the
worker's cache applies per document, as on one machine) and sends back the cache entries it made or
found. The client puts them in its own cache and then builds the tables exactly as a local export
does: the aggregated steps (numbering quotations across the corpus, deciding who counts as a person,
joining notes to quotations) only read those entries. ``dask.distributed`` is an optional extra
(``textkit[dask]``), imported only here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from textkit.corpus.load import DOCUMENTS, load_documents, read_aliases
from textkit.corpus.model import Corpus
from textkit.corpus.sources import Source, Sources
from textkit.errors import DataError, UsageError
from textkit.notes.footnotes import NOTES, note_entries
from textkit.people.mentions import NAMES, people
from textkit.quotes.find import QUOTES, find_quotes
from textkit.store.cache import Cache, Kind

# Documents per task: below store.parallel.PARALLEL_FROM, so a worker never starts a pool of its own.
BATCH = 4
DOCS_PER_PART = 256  # documents per Parquet part file
CONNECT_SECONDS = 10
_KINDS: dict[str, Kind[Any]] = {k.name: k for k in (DOCUMENTS, QUOTES, NAMES, NOTES)}
Entry = tuple[str, str, Any]


class _Recording(Cache):
    """A cache that also keeps every per-document entry it is handed, to send back to the client."""

    def __init__(self, enabled: bool) -> None:
        super().__init__(enabled=enabled)
        self.seen: dict[tuple[str, str], Any] = {}

    def remember(self, kind: str, key: str, value: Any) -> Any:
        if kind in _KINDS:
            self.seen[(kind, key)] = value
        return super().remember(kind, key, value)

    def entries(self) -> list[Entry]:
        return [(kind, key, _KINDS[kind].encode(value)) for (kind, key), value in self.seen.items()]


def analyse_batch(
    items: list[Source], aliases: dict[str, str], types: dict[str, str], use_cache: bool
) -> list[Entry]:
    """On a worker: every per-document stage of a few documents, as (kind, key, encoded entry)."""
    cache = _Recording(use_cache)
    corpus = Corpus(load_documents(items, cache), dict(aliases), "", cache, dict(types))
    quotes = find_quotes(corpus)
    people(corpus, {q.speaker for q in quotes})
    note_entries(corpus)
    return cache.entries()


def _distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise UsageError("--dask needs Dask: pip install 'textkit[dask]'") from exc
    return distributed


@contextmanager
def dask_client(address: str, workers: int | None = None) -> Iterator[Any]:
    """A client of the scheduler at ``address``, or of a cluster on this machine for ``local``."""
    distributed = _distributed()
    cluster = None
    try:
        if address == "local":
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, dashboard_address=None, silence_logs=logging.ERROR
            )
            client = distributed.Client(cluster, set_as_default=False)
        else:
            client = distributed.Client(address, timeout=CONNECT_SECONDS, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        if cluster is not None:
            cluster.close()
        raise DataError(f"cannot reach the Dask scheduler at {address}: {_reason(exc)}") from exc
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def dask_corpus(
    sources: Sources,
    client: Any,
    *,
    use_cache: bool = True,
    warn: Callable[[str], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Corpus:
    """The corpus with every per-document stage done on the cluster behind ``client``."""
    distributed = _distributed()
    aliases, types = read_aliases(sources.folder)
    batches = [sources.items[i : i + BATCH] for i in range(0, len(sources.items), BATCH)]
    futures = client.map(
        analyse_batch, batches, aliases=aliases, types=types, use_cache=use_cache, pure=False
    )
    cache = Cache(enabled=use_cache)
    finished = distributed.as_completed(futures, loop=client.loop, with_results=True)
    try:
        for done, (_, entries) in enumerate(finished, 1):
            for kind, key, raw in entries:
                cache.put(kind, key, _KINDS[kind].decode(raw), _KINDS[kind].encode)
            if progress:
                progress(done, len(batches))
    except (OSError, distributed.KilledWorker) as exc:  # the scheduler gone, a worker lost for good
        raise DataError(f"the Dask cluster failed: {_reason(exc)}") from exc
    documents = load_documents(sources.items, cache, warn or _ignore)
    return Corpus(documents, aliases, sources.label, cache, types)


def _ignore(message: str) -> None:
    return None


def part_groups(corpus: Corpus, size: int = DOCS_PER_PART) -> list[list[str]]:
    """Document names in groups of ``size``: one Parquet part file each."""
    names = [d.name for d in corpus.documents]
    return [names[i : i + size] for i in range(0, len(names), size)] or [[]]
