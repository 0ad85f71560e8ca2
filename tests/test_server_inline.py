"""kg.server.inline and the worker pool: a query proven fast is answered in the server process.

The pool runs real worker processes on a real store on disk; a worker's answer and the
in-process answer must be the same bytes, and a write must never leave an old answer behind.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from kg.server.inline import job_key
from kg.server.jobs import QueryJob, RowsJob
from kg.server.workers import WorkerFailed, WorkerPool
from kg.store import bump_generation, load_files, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
NAMES = 'SELECT ?n WHERE { <https://example.org/kg/id/person/ana-lopez> <http://schema.org/name> ?n } ORDER BY ?n'
JSON = "application/sparql-results+json"
LIMIT_S = 10.0


@pytest.fixture
def store_path(tmp_path):
    store = open_store(tmp_path / "store")
    load_files(store, [FIXTURE])
    return tmp_path / "store"


def run_pool(store_path: Path, inline_ms: float, steps):
    """Start a two-worker pool on ``store_path``, await ``steps(pool)``, close the pool."""
    async def main():
        pool = WorkerPool(store_path, 2, inline_ms)
        await pool.start()
        try:
            return await steps(pool)
        finally:
            pool.close()

    return asyncio.run(main())


async def wait_open(pool: WorkerPool) -> None:
    """Wait until the lane has opened its store (it opens in a thread after the first proof)."""
    for _ in range(500):
        if pool.lane.store is not None:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the in-process store was never opened")


def test_a_proven_query_is_answered_without_any_worker(store_path):
    job = QueryJob(NAMES, accept=JSON)

    async def steps(pool):
        first = await pool.run(job, LIMIT_S)
        await wait_open(pool)
        for worker in list(pool.workers):  # no worker can answer now
            worker.process.kill()
            worker.process.join()
        again = await pool.run(job, LIMIT_S)
        with pytest.raises(WorkerFailed):
            await pool.run(QueryJob(NAMES + " LIMIT 1", accept=JSON), 0.5)  # never proven: it needs a worker
        return first, again

    first, again = run_pool(store_path, 1000, steps)
    assert again == first
    assert first.body == (b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"Ana Lopez","xml:lang":"en"}},'
                          b'{"n":{"type":"literal","value":"Ana L\xc3\xb3pez","xml:lang":"es"}}]}}')


def test_a_query_slower_than_inline_ms_is_never_proven(store_path):
    async def steps(pool):
        await pool.run(QueryJob(NAMES, accept=JSON), LIMIT_S)
        return dict(pool.lane.proven)

    assert run_pool(store_path, 0.000001, steps) == {}


def test_without_inline_ms_there_is_no_lane(store_path):
    async def steps(pool):
        return pool.lane

    assert run_pool(store_path, 0, steps) is None


def test_a_write_makes_the_same_query_see_the_new_data(store_path):
    job = RowsJob(NAMES)
    added = 'INSERT DATA { GRAPH <https://example.org/kg/graph/entities> { ' \
            '<https://example.org/kg/id/person/ana-lopez> <http://schema.org/name> "Ana María López" } }'

    async def steps(pool):
        before = await pool.run(job, LIMIT_S)
        await wait_open(pool)
        proven_before = job_key(job) in pool.lane.proven
        writer = open_store(store_path)
        writer.update(added)
        del writer
        bump_generation(store_path)
        after = await pool.run(job, LIMIT_S)
        return before, proven_before, after

    before, proven_before, after = run_pool(store_path, 1000, steps)
    assert proven_before
    assert [row["n"]["value"] for row in before[1]] == ["Ana Lopez", "Ana López"]
    assert [row["n"]["value"] for row in after[1]] == ["Ana Lopez", "Ana López", "Ana María López"]


@pytest.mark.parametrize("other", [
    QueryJob(NAMES, accept="text/csv"),
    QueryJob(NAMES, accept=JSON, max_rows=1),
    QueryJob(NAMES, accept=JSON, bindings={"x": ("iri", "https://example.org/x", None)}),
    QueryJob(NAMES, accept=JSON, default_graphs=("https://example.org/kg/graph/entities",)),
], ids=["format", "row-cap", "parameters", "dataset"])
def test_a_job_differing_in_anything_needs_its_own_proof(other):
    assert job_key(other) != job_key(QueryJob(NAMES, accept=JSON))
