"""Start a SPARQL server on a data file, on a free port of 127.0.0.1, and stop it afterwards.

A target is a pair of command templates: an optional load step and the serve command. The
placeholders ``{bin}`` (the folder of this Python's scripts), ``{file}`` (the N-Quads data set),
``{dir}`` (a fresh folder for the server's storage) and ``{port}`` are filled in per data set.
"""

from __future__ import annotations

import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

READY_TIMEOUT_S = 60.0
STOP_TIMEOUT_S = 10.0
BIND_ATTEMPTS = 3


@dataclass(frozen=True)
class Target:
    """How to serve one data file over the SPARQL 1.1 Protocol."""

    name: str
    serve: tuple[str, ...]
    path: str  # the query endpoint's path, e.g. "/sparql"
    load: tuple[str, ...] = ()

    @classmethod
    def from_commands(cls, name: str, serve: str, path: str, load: str = "") -> Target:
        """A target from shell-like command lines, as given on the command line of ``run``.

        >>> Target.from_commands("x", "srv {file} --port {port}", "/q").serve
        ('srv', '{file}', '--port', '{port}')
        """
        return cls(name, tuple(shlex.split(serve)), path, tuple(shlex.split(load)))


TARGETS = {
    "kg": Target(
        "kg",
        # The W3C tests need the real default graph, not kg's union of all graphs; one query
        # worker process is enough for tests sent one at a time and starts faster.
        serve=("{bin}/kg", "serve", "{file}", "--host", "127.0.0.1", "--port", "{port}",
               "--setting", "union_default_graph", "false", "--setting", "workers", "1"),
        path="/sparql",
    ),
    # The reference engine: Oxigraph's own server, which loads the file into on-disk storage first.
    "oxigraph": Target(
        "oxigraph",
        load=("{bin}/oxigraph", "load", "--location", "{dir}", "--file", "{file}"),
        serve=("{bin}/oxigraph", "serve", "--location", "{dir}", "--bind", "127.0.0.1:{port}"),
        path="/query",
    ),
}


def fill(template: tuple[str, ...], **values: object) -> list[str]:
    """The argv of a command template with its placeholders filled in.

    >>> fill(("{bin}/kg", "serve", "{file}"), bin="/v/bin", file="d.nq")
    ['/v/bin/kg', 'serve', 'd.nq']
    """
    return [part.format(**values) for part in template]


def free_port() -> int:
    """A TCP port of 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running_server(target: Target, data_file: Path, workdir: Path) -> Iterator[str]:
    """Serve ``data_file`` with ``target`` and yield the query endpoint's URL until the block ends."""
    workdir.mkdir(parents=True, exist_ok=True)
    values = dict(bin=Path(sys.executable).parent, file=data_file, dir=workdir / "store")
    log_path = workdir / "server.log"
    with log_path.open("wb") as log:
        if target.load:
            loaded = subprocess.run(fill(target.load, **values), stdout=log, stderr=subprocess.STDOUT)
            if loaded.returncode != 0:
                raise RuntimeError(f"{target.name}: loading {data_file} failed "
                                   f"(exit {loaded.returncode}): {tail(log_path)}")
        server, url = start_server(target, values, log, log_path)
        try:
            yield url
        finally:
            server.terminate()
            try:
                server.wait(STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def start_server(target: Target, values: dict, log, log_path: Path) -> tuple[subprocess.Popen, str]:
    """Start the serve command on a free port and wait until it answers.

    A port found free can be taken by another process before the server binds it, so a server
    that stops on "address already in use" is started again on another port (twice at most).
    """
    for attempt in range(BIND_ATTEMPTS):
        port = free_port()
        server = subprocess.Popen(fill(target.serve, **values, port=port), stdout=log,
                                  stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}{target.path}"
        try:
            wait_until_ready(url, server, log_path)
            return server, url
        except RuntimeError as error:
            server.kill()
            server.wait()
            if attempt + 1 == BIND_ATTEMPTS or "address already in use" not in str(error).lower():
                raise
    raise AssertionError("unreachable")


def wait_until_ready(url: str, server: subprocess.Popen, log_path: Path) -> None:
    """Return once the server answers HTTP at ``url``; raise if it exits or takes too long."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server exited with {server.returncode} before answering: {tail(log_path)}")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=1.0)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError(f"server did not answer at {url} within {READY_TIMEOUT_S:.0f} s: {tail(log_path)}")


def tail(path: Path, size: int = 2000) -> str:
    """The last ``size`` characters of a log file, for error messages."""
    return path.read_bytes()[-size:].decode("utf-8", "replace")
