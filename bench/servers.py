"""The three servers the benchmark compares, each serving the same built dataset folder.

- ``kg``: ``kg serve DATASET`` (its store holds the named graphs and, as its default graph, their
  materialised union); the query time limit and the row cap are raised so that kg answers every
  query in full, as the peers do.
- ``oxigraph``: ``oxigraph serve-read-only`` (without ``--timeout-s``, see :func:`command_for`) on a store loaded with ``dataset.nq`` (the named
  graphs) and ``union.ttl`` into the default graph: the same layout as kg's store, so both see a
  set-semantics union by default and the named graphs under GRAPH.
- ``rdflib``: rdflib-endpoint (uvicorn) over an rdflib Dataset with ``default_union=True``,
  loaded once by a parent process and served by a forked child (:mod:`bench.rdflib_app`).

Each runs in its own process group so that stopping it stops its workers too. A restart (after a
query past the client's timeout, which keeps a server busy) starts kg and Oxigraph afresh; for
rdflib it kills only the serving child, and the parent forks a new one from the data it has
loaded (seconds instead of the 640 s a load of 4 M quads takes).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SERVER_NAMES = ("kg", "oxigraph", "rdflib")
READY_QUERY = "ASK { ?s ?p ?o }"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def kg_command() -> list[str]:
    """How to run ``kg``: as a module of this tree's Python, so a copy of the tree benchmarks itself."""
    return [sys.executable, "-m", "kg.cli"]


def find_tool(name: str) -> str:
    """The path of a command, preferring the venv's copy (``kg``, ``oxigraph``)."""
    local = BIN / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name}: command not found (install the project's venv: make install)")
    return found


@dataclass
class Running:
    """A started server: its name, endpoint URL, process and how long it took to be ready."""

    name: str
    url: str
    process: subprocess.Popen
    prepare_s: float = 0.0  # loading the data before the server starts (Oxigraph's store)
    ready_s: float = 0.0  # from start to its first answer
    log: Path | None = None
    restarts: int = 0
    restart_ready_s: list[float] = field(default_factory=list)  # start to first answer, each restart
    spec: dict = field(default_factory=dict)

    def stop(self) -> None:
        """Stop the server's process group and wait for it."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def wait_ready(url: str, process: subprocess.Popen, log: Path, timeout_s: float) -> None:
    """Poll ``url`` with an ASK query until it answers; raise if the process dies or time runs out."""
    deadline = time.monotonic() + timeout_s
    body = urllib.parse.urlencode({"query": READY_QUERY}).encode()
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log: {log}\n{tail(log)}")
        try:
            request = urllib.request.Request(url, data=body, headers={
                "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url}: not ready after {timeout_s:.0f} s; log: {log}\n{tail(log)}")


def tail(path: Path, lines: int = 15) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""


def prepare_oxigraph(dataset: Path, work: Path) -> Path:
    """An Oxigraph store at ``work/oxigraph`` with the named graphs and their union as default graph."""
    location = work / "oxigraph-store"
    shutil.rmtree(location, ignore_errors=True)
    oxigraph = find_tool("oxigraph")
    for args in (["--file", str(dataset / "dataset.nq")], ["--file", str(dataset / "union.ttl")]):
        subprocess.run([oxigraph, "load", "--location", str(location), *args], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return location


def command_for(name: str, dataset: Path, port: int, prepared: Path | None, limit_s: float) -> tuple[list[str], str, dict]:
    """The command line, endpoint URL and extra environment of server ``name``."""
    host = f"http://127.0.0.1:{port}"
    if name == "kg":
        return ([*kg_command(), "serve", str(dataset), "--host", "127.0.0.1", "--port", str(port),
                 "--setting", "query_time_limit_ms", str(int(limit_s * 1000)),
                 "--setting", "max_rows", "100000000"], f"{host}/sparql", {})
    if name == "oxigraph":
        # No --timeout-s: with it Oxigraph starts a watchdog thread per query, and under 8
        # connections thread creation fails ("Resource temporarily unavailable", then a panic),
        # so most requests errored. A query past the client's timeout restarts it instead.
        return ([find_tool("oxigraph"), "serve-read-only", "--location", str(prepared), "--bind", f"127.0.0.1:{port}"],
                f"{host}/query", {})
    if name == "rdflib":
        return ([sys.executable, "-m", "bench.rdflib_app", str(dataset), "--host", "127.0.0.1", "--port", str(port)],
                f"{host}/sparql", {})
    raise ValueError(f"unknown server {name!r} (known: {', '.join(SERVER_NAMES)})")


def start_server(name: str, dataset: Path, work: Path, *, limit_s: float, ready_timeout_s: float = 1800,
                 prepared: Path | None = None) -> Running:
    """Start server ``name`` on ``dataset`` and wait until it answers."""
    prepare_s = 0.0
    if name == "oxigraph" and prepared is None:
        started = time.perf_counter()
        prepared = prepare_oxigraph(dataset, work)
        prepare_s = time.perf_counter() - started
    port = free_port()
    command, url, env = command_for(name, dataset, port, prepared, limit_s)
    log = work / f"{name}.log"
    started = time.perf_counter()
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=REPO, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        wait_ready(url, process, log, ready_timeout_s)
    except BaseException:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise
    spec = {"name": name, "dataset": dataset, "work": work, "limit_s": limit_s, "prepared": prepared}
    return Running(name, url, process, prepare_s, time.perf_counter() - started, log, spec=spec)


def restart_process(server: Running) -> Running:
    """The same server started afresh: its process group stopped, the command run again."""
    server.stop()
    spec = server.spec
    again = start_server(spec["name"], spec["dataset"], spec["work"], limit_s=spec["limit_s"], prepared=spec["prepared"])
    again.prepare_s, again.restarts = server.prepare_s, server.restarts + 1
    again.restart_ready_s = [*server.restart_ready_s, round(again.ready_s, 2)]
    again.ready_s = server.ready_s  # the first start's figure stays the one reported as load + start
    return again


def child_pids(pid: int) -> list[int]:
    """The processes ``pid`` has forked and not yet reaped (Linux ``/proc``)."""
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def restart_child(server: Running, ready_timeout_s: float = 600) -> Running:
    """The same server with a new serving child: the old child's group killed, the loaded parent forks again."""
    if server.process.poll() is not None:
        raise RuntimeError(f"{server.name}: its parent exited with {server.process.returncode}; log: {server.log}\n{tail(server.log)}")
    children = child_pids(server.process.pid)
    if len(children) != 1:
        raise RuntimeError(f"{server.name}: expected one serving child of pid {server.process.pid}, found {children}")
    started = time.perf_counter()
    os.killpg(children[0], signal.SIGKILL)  # it cannot answer again: the next answer is the new child's
    wait_ready(server.url, server.process, server.log, ready_timeout_s)
    server.restarts += 1
    server.restart_ready_s.append(round(time.perf_counter() - started, 2))
    return server


#: How each server is restarted; a server not listed is started afresh.
RESTARTS = {"rdflib": restart_child}


def restart(server: Running) -> Running:
    """The server ready again after a query that would keep it busy past the time limit."""
    return RESTARTS.get(server.name, restart_process)(server)


def process_memory(pid: int) -> dict:
    """Resident (RSS), proportional (PSS: shared pages split among their sharers) and peak memory of ``pid`` in MiB."""
    fields = {}
    for name in ("smaps_rollup", "status"):
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            key, _, value = line.partition(":")
            fields[key] = value
    return {key: round(int(fields[field].split()[0]) / 1024, 1)
            for key, field in (("rss_mib", "Rss"), ("pss_mib", "Pss"), ("peak_rss_mib", "VmHWM"))}


def server_memory(server: Running) -> dict:
    """The memory of the server's process and of each process it has forked (kg's workers, rdflib's child)."""
    try:
        return {"server": process_memory(server.process.pid),
                "children": [process_memory(pid) for pid in child_pids(server.process.pid)]}
    except OSError as error:  # the process ended: nothing left to measure
        return {"error": str(error)}
