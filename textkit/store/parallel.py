"""Run a per-document function over many documents on every core, when there are enough to pay for
starting worker processes; a chapter or two is done in-process.

Workers watch their parent: if it dies (even by ``kill -9``) they exit within a second instead of
finishing a corpus nobody will read.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

PARALLEL_FROM = 8  # items to process before it pays to start worker processes
CHUNK = 4
IN_FLIGHT = 8  # chunks queued per worker: enough that none waits, few enough to bound memory
_WATCH_SECONDS = 0.5
T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]


def workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _watch_parent(parent: int) -> None:
    def watch() -> None:
        while True:
            if os.getppid() != parent:
                os._exit(1)
            time.sleep(_WATCH_SECONDS)

    threading.Thread(target=watch, daemon=True).start()


def parallel_map(func: Callable[[T], R], items: Sequence[T], progress: Progress | None = None) -> list[R]:
    """``[func(item) for item in items]`` in order, spread over the cores for many items.

    ``func`` and the items must pickle (a module-level function, or a ``functools.partial`` of one).
    ``progress(done, total)`` is called as results arrive.
    """
    return list(parallel_stream(func, items, progress))


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(item) for item in chunk]


def parallel_stream(
    func: Callable[[T], R], items: Sequence[T], progress: Progress | None = None
) -> Iterator[R]:
    """``func(item)`` for each item, yielded in order as the workers finish them. Only a few chunks
    are in flight at a time, so the caller's work on one result overlaps the workers' on the next,
    and results wait for it in bounded numbers (memory stays flat on any corpus)."""
    total = len(items)
    count = min(workers(), total)
    if total < PARALLEL_FROM or count < 2:
        for done, item in enumerate(items, 1):
            yield func(item)
            if progress:
                progress(done, total)
        return
    from concurrent.futures import ProcessPoolExecutor

    chunks = (items[i : i + CHUNK] for i in range(0, total, CHUNK))
    pool = ProcessPoolExecutor(max_workers=count, initializer=_watch_parent, initargs=(os.getpid(),))
    try:
        pending = deque(pool.submit(_run_chunk, func, c) for c in islice(chunks, IN_FLIGHT * count))
        done = 0
        while pending:
            results = pending.popleft().result()
            for chunk in islice(chunks, 1):
                pending.append(pool.submit(_run_chunk, func, chunk))
            for result in results:
                yield result
                done += 1
                if progress:
                    progress(done, total)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
