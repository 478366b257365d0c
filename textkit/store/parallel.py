"""Run a per-document function over many documents on every core, when there are enough to pay for
starting worker processes; a chapter or two is done in-process.

Workers watch their parent: if it dies (even by ``kill -9``) they exit within a second instead of
finishing a corpus nobody will read.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

PARALLEL_FROM = 8  # items to process before it pays to start worker processes
CHUNK = 4
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
    total = len(items)
    count = min(workers(), total)
    if total < PARALLEL_FROM or count < 2:
        results = []
        for item in items:
            results.append(func(item))
            if progress:
                progress(len(results), total)
        return results
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=count, initializer=_watch_parent, initargs=(os.getpid(),)) as pool:
        results = []
        for result in pool.map(func, items, chunksize=CHUNK):
            results.append(result)
            if progress:
                progress(len(results), total)
        return results
