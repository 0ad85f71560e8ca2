"""Progress on long work: a bar on a terminal, nothing in pipes and logs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


def progress_bar(items: Iterable[T], label: str, show: bool, total: int | None = None) -> Iterator[T]:
    """Iterate over ``items``, drawing a tqdm bar on stderr when ``show``."""
    if not show:
        yield from items
        return
    tqdm = _tqdm()
    yield from tqdm(items, desc=label, total=total, unit="article", file=sys.stderr, leave=False)


def say(message: str, show: bool = True) -> None:
    """One line of news on stderr (skipped files, stages), kept apart from the results on stdout."""
    if show:
        print(message, file=sys.stderr)


@contextmanager
def progress_counter(label: str, show: bool, total: int) -> Iterator[Callable[[int], None]]:
    """A bar for work that finishes in batches, out of order: call the yielded function with each
    batch's size."""
    if not show:
        yield lambda n: None
        return
    tqdm = _tqdm()
    with tqdm(desc=label, total=total, unit="article", file=sys.stderr, leave=False) as bar:
        yield bar.update


def _tqdm():
    """tqdm without its monitor thread: ``kg build`` forks workers, and a fork copies only the
    forking thread, so a monitor caught holding a lock would leave the child's copy locked."""
    from tqdm import tqdm

    tqdm.monitor_interval = 0
    return tqdm
