"""Progress on long work: a bar on a terminal, nothing in pipes and logs."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress_bar(items: Iterable[T], label: str, show: bool, total: int | None = None) -> Iterator[T]:
    """Iterate over ``items``, drawing a tqdm bar on stderr when ``show``."""
    if not show:
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=label, total=total, unit="article", file=sys.stderr, leave=False)


def say(message: str, show: bool = True) -> None:
    """One line of news on stderr (skipped files, stages), kept apart from the results on stdout."""
    if show:
        print(message, file=sys.stderr)
