"""Work spread over forked worker processes that inherit what they read.

The build's heavy passes (extracting, mapping) read large tables and many articles. A forked
worker inherits them with the process; only each task and its answer cross a pipe. The work
itself is a module global, set just before the pool starts, so it need not be picklable.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: The work of the running pool's workers (they inherit it); None between pools.
_WORK: Callable | None = None


def worker_count() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def fork_is_safe() -> bool:
    """Whether this process may fork workers: only when no other thread runs. A fork copies only
    the forking thread, so a lock another one holds (a server ingesting a batch) would stay
    locked in the workers for ever."""
    return threading.active_count() == 1


def _run(task):
    return _WORK(task)


def forked_map(work: Callable[[T], R], tasks: Sequence[T], workers: int, *, ordered: bool = True,
               meanwhile: Callable[[], object] = lambda: None) -> Iterator[R]:
    """``work(task)`` for each of ``tasks``, in ``workers`` forked processes where that is safe.

    Answers come in task order, or as they are ready when not ``ordered``. ``meanwhile()`` runs
    here while the workers work (first, when everything runs here). ``work`` must read only what
    exists before the call; tasks and answers must be picklable.

    >>> list(forked_map(lambda n: n * n, [1, 2, 3], workers=1))
    [1, 4, 9]
    """
    global _WORK
    if workers <= 1 or not fork_is_safe():
        meanwhile()
        yield from map(work, tasks)
        return
    _WORK = work
    gc.freeze()  # keeps the workers' collectors off the parent's objects (no page-by-page copies)
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            futures = [pool.submit(_run, task) for task in tasks]  # forks now
            gc.unfreeze()
            meanwhile()
            for future in futures if ordered else as_completed(futures):
                yield future.result()
    finally:
        _WORK = None
        gc.unfreeze()
