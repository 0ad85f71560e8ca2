"""The benchmark harness runs end to end on a tiny corpus and writes every figure.

A check of the harness (bench/), not of speed: no assertion here is about time. The run uses
the 10 bundled articles, 2 timed runs per query, 1 second of load per server and the Python
load generator (so that the test needs no wrk); the real benchmark is ``make bench``. The
rdflib-endpoint peer is then restarted on the dataset that run built, over real HTTP.
"""

from __future__ import annotations

import doctest
import http.client
import importlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from rdflib import Graph

from bench.queries import BENCH_TEMPLATES, SPARQL_DIR
from bench.servers import child_pids, restart, start_server

REPO = Path(__file__).resolve().parents[1]
SERVERS = ("kg", "oxigraph", "rdflib")
NAMED = sorted(f"named:{path.stem}" for path in SPARQL_DIR.glob("*.rq"))
BENCH = [name for name, _, _ in BENCH_TEMPLATES]


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="module")
def results(work) -> tuple[dict, str]:
    """The JSON and the printed table of a tiny benchmark run."""
    out = work / "results.json"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "10", "--corpus", str(REPO / "kg" / "data" / "articles"),
         "--reps", "2", "--duration", "1", "--generator", "python", "--work", str(work / "scratch"), "-o", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text()), done.stdout


pytestmark = pytest.mark.slow


def test_the_machine_and_commit_are_recorded(results):
    data, _ = results
    assert set(data["machine"]) >= {"cpus", "cpu_model", "ram_gib", "python"}
    assert data["kg_commit"] != "unknown"
    assert list(data["sizes"]) == ["10"]


def test_build_figures(results):
    build = results[0]["sizes"]["10"]["build"]
    assert build["ok"] is True and build["timeout"] is False and build["returncode"] == 0
    assert build["articles"] == 10
    assert build["articles_per_s"] > 0 and build["peak_rss_mib"] > 0 and build["quads"] > 0
    assert results[0]["sizes"]["10"]["dataset_source"] == "kg build"


@pytest.mark.parametrize("query", BENCH + NAMED)
def test_every_query_has_figures_from_every_server(results, query):
    figures = results[0]["sizes"]["10"]["latency"][query]
    assert sorted(figures["servers"]) == sorted(SERVERS)
    for server, f in figures["servers"].items():
        assert (f["timeout"], f["error"], f["runs"]) == (False, None, 2), server
        assert 0 < f["median_ms"] <= f["p95_ms"], server
        assert f["results"] is not None, server


@pytest.mark.parametrize("query", ["entity_by_label", "mentioning_two", "quads_per_graph", "named:disagreements"])
def test_the_servers_agree_on_result_counts(results, query):
    figures = results[0]["sizes"]["10"]["latency"][query]
    assert figures["counts_agree"] is True
    assert len({f["results"] for f in figures["servers"].values()}) == 1


def test_throughput_of_every_server_on_both_workloads(results):
    throughput = results[0]["sizes"]["10"]["throughput"]
    assert len(throughput) == 2
    for workload in throughput.values():
        assert sorted(workload) == sorted(SERVERS)
        for f in workload.values():
            assert f["generator"] == "python" and f["qps"] > 0 and f["errors"] == 0
            assert f["count_error"] == round(8 / f["requests"], 2)


def test_validation_figures(results):
    validation = results[0]["sizes"]["10"]["validation"]
    assert validation["full"]["timeout"] is False and validation["full"]["conforms"] is True
    assert validation["full"]["validate_s"] > 0
    addition = validation["addition"]
    assert addition["conforms"] is True and addition["adds"] > 0
    assert addition["in_context_ms"] > 0 and addition["alone_ms"] > 0


def test_bars_and_table(results):
    data, table = results
    bars = {b["bar"] for b in data["sizes"]["10"]["bars"]}
    assert "build >= 200 articles/s" in bars
    assert "one-article addition validated in context < 100 ms" in bars
    assert {f"{q}: kg within 1.5x of Oxigraph (or 2 ms under 5 ms)" for q in BENCH} <= bars
    assert "| query (kind) | kg median / p95 ms | Oxigraph | rdflib-endpoint | kg/Oxigraph | kg/rdflib | results |" in table
    assert "MISMATCH" not in table


def test_every_server_records_its_start_and_memory(results):
    servers = results[0]["sizes"]["10"]["servers"]
    assert sorted(servers) == sorted(SERVERS)
    for name, s in servers.items():
        assert (s["restarts"], s["restart_ready_s"]) == (0, []), name
        assert 0 < s["memory"]["server"]["pss_mib"] <= s["memory"]["server"]["rss_mib"], name
    assert len(servers["rdflib"]["memory"]["children"]) == 1  # the one serving child


COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: Three copies of the ~6,000 triples joined: rdflib would count for hours.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def ask(url: str, query: str, timeout_s: float) -> int:
    """The count a COUNT query answers, over a new HTTP connection."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout_s)
    try:
        connection.request("POST", parts.path, urllib.parse.urlencode({"query": query}),
                           {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        response = connection.getresponse()
        assert response.status == 200
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])
    finally:
        connection.close()


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


def wait_gone(pids: list[int], within_s: float = 10) -> list[int]:
    """Those of ``pids`` still running after ``within_s``."""
    deadline = time.monotonic() + within_s
    while any(map(alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return [pid for pid in pids if alive(pid)]


@pytest.fixture
def rdflib_server(results, work, tmp_path):
    """rdflib-endpoint serving the smoke run's dataset; stopped after the test."""
    server = start_server("rdflib", work / "scratch" / "10" / "dataset", tmp_path, limit_s=60)
    yield server
    server.stop()


def test_a_restarted_rdflib_server_answers_again_from_the_data_its_parent_loaded(rdflib_server):
    server = rdflib_server
    triples = ask(server.url, COUNT, timeout_s=30)
    assert triples == union_size(server.spec["dataset"])
    parent, (first_child,) = server.process.pid, child_pids(server.process.pid)
    with pytest.raises(TimeoutError):
        ask(server.url, ENDLESS, timeout_s=1)  # the child is now busy with it
    again = restart(server)
    assert (again.process.pid, again.restarts, len(again.restart_ready_s)) == (parent, 1, 1)
    (second_child,) = child_pids(parent)
    assert second_child != first_child and wait_gone([first_child]) == []
    assert ask(again.url, COUNT, timeout_s=30) == triples
    log = again.log.read_text().splitlines()
    assert sum("load 1, the only one" in line for line in log) == 1  # loaded once, by the parent
    assert [line.split(" (pid")[0] for line in log if "forked from the loaded data" in line] == [
        "rdflib-endpoint: child 1", "rdflib-endpoint: child 2"]


def union_size(dataset: Path) -> int:
    """The triples of the dataset's union graph (``union.ttl``, the named graphs' triples as a set)."""
    return len(Graph().parse(dataset / "union.ttl", format="turtle"))


def test_stopping_the_rdflib_server_stops_its_child(rdflib_server):
    pids = [rdflib_server.process.pid, *child_pids(rdflib_server.process.pid)]
    assert len(pids) == 2
    rdflib_server.stop()
    assert wait_gone(pids) == []


def test_the_rdflib_child_dies_with_a_killed_parent(rdflib_server):
    (child,) = child_pids(rdflib_server.process.pid)
    os.kill(rdflib_server.process.pid, signal.SIGKILL)
    rdflib_server.process.wait()
    assert wait_gone([child]) == []


@pytest.mark.parametrize("module", ["bench.queries", "bench.latency", "bench.report"])
def test_doctests(module):
    assert doctest.testmod(importlib.import_module(module)).failed == 0
