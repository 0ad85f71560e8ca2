"""Queries already proven fast, answered in the server process without a worker's round trip.

A worker answers every new query (see :mod:`kg.server.workers`): it can be killed at the time
limit. For a point lookup that isolation costs far more than the query: two process wake-ups
and a pickled job and answer each way, about 1 ms of CPU against 0.1-0.2 ms of evaluation.

A query that cannot be stopped may only run here if its cost is already known. So the lane
answers a job only when the same job (query text, dataset options, parameters, format, row
cap) was answered by a worker within ``proven_s`` (a few milliseconds) on the store as it is
now (the same write generation, so the same data and the same work). pyoxigraph releases the
GIL while it evaluates, but a proven job is so short that it runs on the event loop directly:
handing it to a thread would cost more than the query. A job that takes much longer here than
it was proven to take (the machine is overloaded) is forgotten, and goes back to the workers.
"""

from __future__ import annotations

import time
from collections import OrderedDict

from kg.server.jobs import run_job

#: An in-process run this many times slower than the proof sends the job back to the workers.
SLOWER = 4
#: How many proven jobs are remembered (the least recently used go first).
CAPACITY = 4096


def job_key(job) -> tuple:
    """What identifies a job's work: its type and every field, the parameter bindings as sorted pairs.

    Computed once per request (see :meth:`kg.server.workers.WorkerPool.run`): it is on the path
    of every query, so it reads the instance's fields directly rather than through ``dataclasses``.

    >>> from kg.server.jobs import RowsJob
    >>> job_key(RowsJob("SELECT * {}", {"b": ("iri", "http://x", None), "a": ("lang", "y", "en")}, 5))
    ('RowsJob', 'SELECT * {}', (('a', ('lang', 'y', 'en')), ('b', ('iri', 'http://x', None))), 5)
    """
    return (type(job).__name__, *(tuple(sorted(f.items())) if type(f) is dict else f for f in job.__dict__.values()))


class InlineLane:
    """The proven jobs of one store generation, and the store opened read-only to run them."""

    def __init__(self, store_path: str, proven_s: float) -> None:
        self.store_path = store_path
        self.proven_s = proven_s
        self.generation: str | None = None
        self.store = None  # opened (off the event loop) once a job is proven
        self.opening = False
        self.proven: OrderedDict[tuple, float] = OrderedDict()

    def follow(self, generation: str) -> None:
        """Forget every proof and the open store when the store has been written to."""
        if generation != self.generation:
            self.generation, self.store = generation, None
            self.proven.clear()

    def prove(self, key: tuple, seconds: float) -> bool:
        """Record a worker's run time for the job with ``key`` (:func:`job_key`); True when it now counts as proven."""
        if seconds > self.proven_s:
            return False
        self.proven[key] = seconds
        self.proven.move_to_end(key)
        while len(self.proven) > CAPACITY:
            self.proven.popitem(last=False)
        return True

    def open(self, generation: str) -> None:
        """Open the store read-only for ``generation`` (slow: called in a thread, before the first run here)."""
        from kg.store import open_read_only

        try:
            store = open_read_only(self.store_path)
        finally:
            self.opening = False
        if generation == self.generation:  # else a write came meanwhile: this store may be stale
            self.store = store

    def takes(self, key: tuple, time_limit_s: float) -> bool:
        """Whether the job with ``key`` may run here: proven, well within the request's time limit, store open."""
        if self.store is None:
            return False
        seconds = self.proven.get(key)
        return seconds is not None and seconds * SLOWER * 10 <= time_limit_s

    def run(self, job, key: tuple):
        """Run a proven ``job`` (whose :func:`job_key` is ``key``) here; errors are raised as a worker's would be (see :func:`kg.server.workers.unwrap`)."""
        from kg.server.workers import WorkerFailed

        started = time.perf_counter()
        try:
            result = run_job(self.store, job)
        except (SyntaxError, ValueError):
            raise
        except Exception as error:
            raise WorkerFailed(f"{type(error).__name__}: {error}") from None
        elapsed = time.perf_counter() - started
        if elapsed > max(self.proven_s, self.proven.get(key, 0.0)) * SLOWER:
            self.proven.pop(key, None)
        return result
