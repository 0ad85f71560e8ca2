"""The HTTP server: granian (Rust) running the app in one process or several sharing the port.

One Python process parses requests and writes answers on one CPU at a time; for point lookups
answered in-process (see :mod:`kg.server.inline`) that is the bottleneck, while Oxigraph's
server uses every CPU. So ``kg serve`` runs the app in several processes (two per CPU, granian's workers,
forked, each with its own query workers started by the app's lifespan) behind one port. Writes
need one writer, so a server with writes on keeps one process.

Why granian rather than uvicorn: its HTTP/1.1 parsing and writing are in Rust, it sends an
answer's headers and body together, and its workers share the connections evenly. With
uvicorn, at 8 connections on 2 CPUs, kg answered point lookups at 0.1-0.5x Oxigraph's rate,
with granian 0.7-1.2x in the same runs (the README has the figures).
"""

from __future__ import annotations

import os
import socket
import sys

from granian import Granian
from granian.constants import Interfaces
from granian.log import LogLevels

#: What granian is told: ASGI with lifespan (it starts the query workers); no access log (a line
#: per query costs more than a small query).
GRANIAN = dict(interface=Interfaces.ASGI, log_level=LogLevels.warning, log_access=False, backlog=2048)


def process_count(setting: int, writes_on: bool) -> int:
    """How many server processes to run: the setting, else two per CPU (at most 4); one with writes on.

    Two per CPU because a process's Python thread is often idle between requests, waiting for
    granian's Rust thread to hand one over or take an answer back (under load a quarter of the
    CPU time is the kernel's, mostly switching threads: as much as pyoxigraph's); a second
    process fills those gaps. On 2 CPUs, 4 processes answered point lookups 25% faster than 2
    (the median ratio of 6 paired runs at 1,000 articles; 5 of the 6 favoured 4).

    >>> process_count(3, False), process_count(3, True), 1 <= process_count(0, False) <= 4
    (3, 1, True)
    """
    if writes_on:
        return 1
    return setting if setting > 0 else max(1, min(4, 2 * (os.cpu_count() or 1)))


def check_port(host: str, port: int) -> None:
    """Raise OSError if ``host:port`` cannot be listened on (e.g. another server holds it).

    Granian's workers bind with SO_REUSEPORT, which would let a second ``kg serve`` on the same
    port start and take half of the first one's connections; a plain bind refuses a port in use.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        probe.bind((host, port))


def serve(app, host: str, port: int, processes: int) -> int:
    """Serve ``app`` on ``host:port`` from ``processes`` processes until a signal stops them; the exit code.

    Granian forks its workers, so each gets this very ``app`` (not one imported by name); it
    stops them gracefully on SIGTERM or SIGINT (their lifespans stop the query workers). The
    exit code is 1 when a worker failed (e.g. the app did not start), 2 when the port cannot
    be listened on.
    """
    server = Granian("kg.server.app:app", address=host, port=port, workers=processes, **GRANIAN)
    try:
        check_port(host, port)
        server.serve(target_loader=lambda _target: app)
    except SystemExit as stop:  # granian exits 1 when a worker failed
        return stop.code if isinstance(stop.code, int) else 1
    except OSError as error:  # e.g. the port is in use: said plainly, as a start-up error
        print(f"kg serve: cannot listen on {host}:{port}: {error}", file=sys.stderr)
        return 2
    return 0
