"""Throughput: queries per second with N concurrent connections for a fixed time.

The load generator is wrk (Debian package ``wrk``) with a Lua script that POSTs the queries as
HTML forms, rotating through a workload; wrk is written in C and uses one thread here, so it is
not the bottleneck. Without wrk (e.g. in the smoke test) a Python generator stands in: N threads
with kept-alive connections, fine for checking the harness but slower than the servers it
measures, so its figures are marked ``"generator": "python"``.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse
from dataclasses import replace
from pathlib import Path

from bench.latency import GRAPH_TYPES, SELECT_TYPE, Client
from bench.queries import BenchQuery

LUA = """
local bodies = {%(bodies)s}
local accepts = {%(accepts)s}
local counter = 0
wrk.method = "POST"
request = function()
  counter = counter %% #bodies + 1
  return wrk.format(nil, nil, {["Content-Type"] = "application/x-www-form-urlencoded",
                               ["Accept"] = accepts[counter]}, bodies[counter])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCHJSON {"requests": %%d, "duration_us": %%d, "status_errors": %%d, "timeouts": %%d, ' ..
    '"connect_errors": %%d, "read_errors": %%d, "write_errors": %%d, "p50_ms": %%.3f, "p99_ms": %%.3f}\\n',
    summary.requests, summary.duration, e.status, e.timeout, e.connect, e.read, e.write,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def lua_script(queries: list[BenchQuery]) -> str:
    """A wrk script POSTing ``queries`` in turn, each with the Accept header its answer needs."""
    bodies = ", ".join(json.dumps(urllib.parse.urlencode({"query": q.text})) for q in queries)
    accepts = ", ".join(json.dumps(GRAPH_TYPES if q.is_graph else SELECT_TYPE) for q in queries)
    return LUA % {"bodies": bodies, "accepts": accepts}


def run_wrk(url: str, queries: list[BenchQuery], *, connections: int, duration_s: float, timeout_s: float) -> dict:
    """wrk's figures for ``queries`` against ``url``."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua_script(queries))
    try:
        done = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{duration_s:g}s", f"--timeout={timeout_s:g}s",
                               "-s", script.name, url], capture_output=True, text=True, check=True)
    finally:
        Path(script.name).unlink()
    match = re.search(r"^BENCHJSON (\{.*\})$", done.stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk printed no figures:\n{done.stdout}\n{done.stderr}")
    figures = json.loads(match.group(1))
    errors = sum(figures[k] for k in ("status_errors", "timeouts", "connect_errors", "read_errors", "write_errors"))
    ok = figures["requests"] - figures["status_errors"]
    return {"generator": "wrk", "qps": round(ok / (figures["duration_us"] / 1e6), 2), "errors": errors, **figures}


def run_python(url: str, queries: list[BenchQuery], *, connections: int, duration_s: float, timeout_s: float) -> dict:
    """The same measurement with Python threads (when wrk is not installed)."""
    lock, done, errors = threading.Lock(), [0], [0]
    deadline = time.perf_counter() + duration_s

    def worker(offset: int) -> None:
        client, i = Client(url, timeout_s), offset
        try:
            while time.perf_counter() < deadline:
                try:
                    ok = client.ask(queries[i % len(queries)]).status == 200
                except OSError:
                    ok = False
                with lock:
                    (done if ok else errors)[0] += 1
                i += 1
        finally:
            client.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"generator": "python", "qps": round(done[0] / elapsed, 2), "errors": errors[0], "requests": done[0] + errors[0],
            "duration_us": int(elapsed * 1e6)}


def count_error(requests: int, connections: int) -> float:
    """How far off a fixed-time count can be, relative: up to one request per connection is cut off.

    When the time is up each connection may be in the middle of a request, which is not counted.
    With slow queries in the workload that is most of the work: at 10,000 articles the mix's
    10 s runs completed 3 requests with 8 in flight, so their rate said little (error 2.67).

    >>> count_error(800, 8), count_error(3, 8), count_error(0, 8)
    (0.01, 2.67, inf)
    """
    return round(connections / requests, 2) if requests else float("inf")


def measure_throughput(url: str, queries: list[BenchQuery], *, connections: int = 8, duration_s: float = 10.0,
                       timeout_s: float = 30.0, generator: str = "auto") -> dict:
    """Queries per second on ``url`` with ``connections`` connections for ``duration_s`` seconds.

    ``count_error`` says how much the rate may be off (see :func:`count_error`): above 0.1 the
    run was too short for the workload's slowest queries.
    """
    use_wrk = generator == "wrk" or (generator == "auto" and shutil.which("wrk"))
    run = run_wrk if use_wrk else run_python
    figures = run(url, queries, connections=connections, duration_s=duration_s, timeout_s=timeout_s)
    figures["count_error"] = count_error(figures["requests"], connections)
    return figures


def wait_idle(url: str, *, probe: BenchQuery, within_s: float = 1.0, patience_s: float = 120.0) -> bool:
    """Wait until ``url`` answers ``probe`` within ``within_s`` (the load's queue has drained).

    Each probe's text is new (a comment with a counter), so that kg answers it in a worker, where
    the load's last queries queue, rather than in its server process (kg's ``inline_ms``).
    """
    deadline = time.monotonic() + patience_s
    client = Client(url, patience_s)
    try:
        while time.monotonic() < deadline:
            fresh = replace(probe, text=f"{probe.text}\n# idle probe {time.monotonic_ns()}")
            try:
                if client.ask(fresh).seconds < within_s:
                    return True
            except OSError:
                time.sleep(0.5)
        return False
    finally:
        client.close()
