"""A pool of worker processes that run queries under a deadline that holds.

Neither pyoxigraph nor rdflib can cancel a running query, so each query runs in a worker
process with the store opened read-only; when the deadline passes the worker is killed and a
fresh one takes its place, while the other workers keep answering. A job a worker has answered
within a few milliseconds is answered in the server process from then on (see
:mod:`kg.server.inline`), until the store is written to. After a write the
store's generation counter moves on and each idle worker opened before it is replaced (a
read-only opener keeps seeing the store as it was). Answers come back through
the pipe to the event loop directly (no thread per query). Workers come from a
``forkserver`` (a clean, single-threaded parent with kg pre-imported), so a replacement starts
in milliseconds rather than paying for a full interpreter start.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import pickle
import socket
import struct
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from pathlib import Path

from kg.server.inline import InlineLane, job_key


class QueryTimeout(Exception):
    """The query did not finish within its time limit (its worker was stopped)."""


class WorkerFailed(Exception):
    """The worker died or raised something other than a syntax error."""


def serve_jobs(conn: Connection, store_path: str) -> None:
    """The worker's loop: open the store, then answer jobs until the pipe closes."""
    from kg.remote import open_location
    from kg.server.jobs import run_job

    store = open_location(store_path)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        started = time.perf_counter()  # each answer carries its run time (see kg.server.inline)
        try:
            answer = ("ok", run_job(store, job))
        except SyntaxError as error:
            answer = ("syntax", str(error))
        except ValueError as error:  # an invalid IRI or term in a parameter
            answer = ("value", str(error))
        except Exception as error:  # reported to the client as a 500 with its message
            answer = ("error", f"{type(error).__name__}: {error}")
        conn.send((*answer, time.perf_counter() - started))


class Worker:
    """One worker process and our end of its pipe, read and written by the event loop."""

    def __init__(self, context, store_path: str, generation: str = "0") -> None:
        self.generation = generation  # the store's write counter when this worker opened it
        self.conn, child = context.Pipe()
        self.process = context.Process(target=serve_jobs, args=(child, store_path), daemon=True)
        self.process.start()
        child.close()
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def connect(self) -> None:
        """Wrap our end of the pipe in asyncio streams and wait until the worker has opened the store."""
        # The pipe is a Unix socket pair, framed as multiprocessing frames it (a 4-byte length,
        # then pickled bytes), so the worker keeps its plain blocking Connection while the event
        # loop reads answers without a thread hop per query.
        sock = socket.socket(fileno=os.dup(self.conn.fileno()))
        self.reader, self.writer = await asyncio.open_unix_connection(sock=sock, limit=FRAME_LIMIT)
        if await self.receive() != "ready":
            raise WorkerFailed("worker did not start")

    async def receive(self):
        """The next message from the worker."""
        (size,) = LENGTH.unpack(await self.reader.readexactly(4))
        if size == -1:  # multiprocessing's header for a frame of 2 GiB or more
            (size,) = LONG_LENGTH.unpack(await self.reader.readexactly(8))
        return pickle.loads(await self.reader.readexactly(size))

    async def call(self, job) -> tuple[str, object, float]:
        """Send a job and wait for its answer: status, payload and the seconds the worker spent."""
        payload = pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.write(LENGTH.pack(len(payload)) + payload)
        return await self.receive()

    def stop(self) -> None:
        """Kill the process now and reap it."""
        self.process.kill()
        self.process.join(timeout=5)
        if self.writer is not None:
            self.writer.transport.abort()
        self.conn.close()


LENGTH, LONG_LENGTH = struct.Struct("!i"), struct.Struct("!Q")
FRAME_LIMIT = 2**20  # the stream's buffer before it pauses reading (a frame may be larger)


def default_pool_size() -> int:
    """Workers when the setting says 0: one per CPU, at least 2 so one runaway cannot block all."""
    return max(2, min(8, os.cpu_count() or 2))


class WorkerPool:
    """Runs jobs on a fixed number of worker processes, each query under a deadline."""

    def __init__(self, store_path: str | Path, size: int = 0, inline_ms: float = 0) -> None:
        from kg.remote import is_url
        from kg.store import GENERATION_FILE

        self.store_path = str(store_path)
        self.size = size or default_pool_size()
        local = not is_url(self.store_path)  # a remote store's query is an HTTP call: never inline
        self.lane = InlineLane(self.store_path, inline_ms / 1000) if inline_ms > 0 and local else None
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        self.context = multiprocessing.get_context(method)
        if method == "forkserver":
            self.context.set_forkserver_preload(["kg.server.jobs", "kg.store", "kg.remote"])
        self.threads = ThreadPoolExecutor(max_workers=self.size, thread_name_prefix="kg-worker-start")
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.generation_stamp, self.last_generation = None, None
        self.generation_file = None if not local else str(Path(self.store_path) / GENERATION_FILE)
        self.workers: set[Worker] = set()

    def generation(self) -> str:
        """The store's write counter now (a remote store is always current: "0")."""
        from kg.store import store_generation

        if self.generation_file is None:
            return "0"
        # One stat per query rather than an open and a read: the counter is rewritten by
        # replacing the file (a new inode and time), so an unchanged stat means an unchanged counter.
        try:
            info = os.stat(self.generation_file)
            stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = None
        if stamp != self.generation_stamp or self.last_generation is None:
            self.generation_stamp, self.last_generation = stamp, store_generation(self.store_path)
        return self.last_generation

    async def start(self) -> None:
        """Start every worker and wait until each has opened the store."""
        for _ in range(self.size):
            await self.add_worker()

    async def add_worker(self) -> None:
        """Start one worker and put it in the idle queue once it is ready."""
        loop = asyncio.get_running_loop()
        worker = await loop.run_in_executor(self.threads, Worker, self.context, self.store_path, self.generation())
        self.workers.add(worker)
        await worker.connect()
        self.idle.put_nowait(worker)

    def replace(self, worker: Worker) -> None:
        """Kill a worker and start another in the background."""
        self.workers.discard(worker)
        worker.stop()
        asyncio.get_running_loop().create_task(self.add_worker())

    async def run(self, job, time_limit_s: float, key: tuple | None = None):
        """Run ``job`` and return its result; QueryTimeout after ``time_limit_s`` (waiting included).

        ``key`` is the job's :func:`kg.server.inline.job_key` when the caller has it already.

        Raises SyntaxError for a query that does not parse, ValueError for a bad term,
        WorkerFailed for anything else.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + time_limit_s
        if self.lane is not None:
            key = key or job_key(job)
            self.lane.follow(self.generation())
            if self.lane.takes(key, time_limit_s):
                return self.lane.run(job, key)
        try:
            async with asyncio.timeout_at(deadline):
                worker = await self.take_worker()
        except TimeoutError:
            raise QueryTimeout from None
        try:
            async with asyncio.timeout_at(deadline):
                status, payload, seconds = await worker.call(job)
        except TimeoutError:
            self.replace(worker)
            raise QueryTimeout from None
        except asyncio.CancelledError:  # the client went away: the worker is busy, so replace it
            self.replace(worker)
            raise
        except (EOFError, OSError) as error:
            self.replace(worker)
            raise WorkerFailed(f"worker died: {error!r}") from None
        self.idle.put_nowait(worker)
        if status == "ok" and self.lane is not None and worker.generation == self.lane.generation:
            if self.lane.prove(key, seconds) and self.lane.store is None and not self.lane.opening:
                self.lane.opening = True
                loop.run_in_executor(self.threads, self.lane.open, self.lane.generation)
        return unwrap(status, payload)

    async def take_worker(self) -> Worker:
        """An idle worker that sees the store as it is now."""
        while True:
            worker = await self.idle.get()  # returns at once, without suspending, when one is idle
            if worker.generation == self.generation():
                return worker
            self.replace(worker)  # it sees the store as it was before a write: open it again

    def close(self) -> None:
        """Stop every worker."""
        for worker in list(self.workers):
            worker.stop()
        self.workers.clear()
        self.threads.shutdown(wait=False, cancel_futures=True)


ERRORS = {"syntax": SyntaxError, "value": ValueError, "error": WorkerFailed}


def unwrap(status: str, payload):
    """The payload of an ``ok`` answer; otherwise raise the error the worker reported.

    >>> unwrap("ok", 3)
    3
    >>> unwrap("syntax", "error at 1:8: expected WHERE")
    Traceback (most recent call last):
    ...
    SyntaxError: error at 1:8: expected WHERE
    """
    if status == "ok":
        return payload
    raise ERRORS[status](payload)
