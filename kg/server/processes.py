"""Several server processes behind one port: the HTTP work of small queries spread over the CPUs.

One Python process parses requests and writes answers on one CPU at a time; for point lookups
answered in-process (see :mod:`kg.server.inline`) that is the bottleneck, while Oxigraph's
server uses every CPU. So ``kg serve`` can fork processes that each run the whole app (with
its own query workers) and accept connections from one shared listening socket. Writes need
one writer, so a server with writes on keeps one process.
"""

from __future__ import annotations

import os
import signal
import socket
import sys

import uvicorn

#: What uvicorn is told in every process: no access log (a line per query costs more than a
#: small query); uvloop and httptools (uvicorn[standard]) are picked up when installed.
UVICORN = dict(log_level="warning", access_log=False)


def process_count(setting: int, writes_on: bool) -> int:
    """How many server processes to run: the setting, else one per CPU (at most 4); one with writes on.

    >>> process_count(3, False), process_count(3, True), process_count(0, False) >= 1
    (3, 1, True)
    """
    if writes_on:
        return 1
    return setting if setting > 0 else max(1, min(4, os.cpu_count() or 1))


#: Each process listens on its own socket bound to the same port (SO_REUSEPORT), so the kernel
#: spreads new connections evenly over the processes. From one shared socket, the process that
#: woke first accepted every waiting connection (an event loop accepts all it can at once):
#: with 8 kept-alive connections one process held 7 and the other CPU sat idle.
SPREAD = hasattr(socket, "SO_REUSEPORT")


def bind_socket(host: str, port: int, *, spread: bool) -> socket.socket:
    """A TCP socket bound to ``host:port`` (not yet listening); ``spread``: others may bind it too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if spread:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock


def listen(host: str, port: int, *, spread: bool = False) -> socket.socket:
    """A listening TCP socket on ``host:port``, inherited by the forked processes."""
    sock = bind_socket(host, port, spread=spread)
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def hold_port(host: str, port: int) -> socket.socket:
    """A socket that holds ``host:port`` for the processes' sockets to bind beside (it does not listen).

    It is bound first without SO_REUSEPORT, so that a port in use (by anyone, even another
    ``kg serve`` that would otherwise share it) is an error here, as it is for one process.
    """
    with bind_socket(host, port, spread=False) as probe:
        port = probe.getsockname()[1]
    return bind_socket(host, port, spread=True)  # a socket that does not listen is given no connections


def serve(app, host: str, port: int, processes: int) -> int:
    """Serve ``app`` on ``host:port`` from ``processes`` processes until a signal stops them; the exit code."""
    if processes <= 1:
        uvicorn.run(app, host=host, port=port, **UVICORN)
        return 0
    try:
        held = hold_port(host, port) if SPREAD else listen(host, port)
    except OSError as error:  # e.g. the port is in use: said plainly, as a start-up error
        print(f"kg serve: cannot listen on {host}:{port}: {error}", file=sys.stderr)
        return 2
    port = held.getsockname()[1]
    children = []
    for _ in range(processes):
        pid = os.fork()
        if pid == 0:  # the child: run the app (its lifespan starts its own query workers)
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                sock = listen(host, port, spread=True) if SPREAD else held
                server = uvicorn.Server(uvicorn.Config(app, **UVICORN))
                server.run(sockets=[sock])
                code = 0 if server.started else 3  # 3: the app did not start (uvicorn's code)
            finally:
                os._exit(code)  # never back into the parent's code (it would clean up the dataset)
        children.append(pid)
    try:
        return supervise(children)
    finally:
        held.close()


def supervise(children: list[int]) -> int:
    """Wait for the children; a stop signal, or one child's exit, stops them all. 1 if one failed."""
    def stop(signum, frame) -> None:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    remaining, failed = set(children), False
    while remaining:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        if pid in remaining:
            remaining.discard(pid)
            if status and not failed:
                failed = True
                print(f"kg serve: a server process exited (status {status}); stopping the others", file=sys.stderr)
            stop(signal.SIGTERM, None)
    return 1 if failed else 0
