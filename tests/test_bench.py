"""The benchmark harness runs end to end on a tiny corpus and writes every figure.

A check of the harness (bench/), not of speed: no assertion here is about time. The run uses
the 10 bundled articles, 2 timed runs per query, 1 second of load per server and the Python
load generator (so that the test needs no wrk); the real benchmark is ``make bench``.
"""

from __future__ import annotations

import doctest
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.queries import BENCH_TEMPLATES, SPARQL_DIR

REPO = Path(__file__).resolve().parents[1]
SERVERS = ("kg", "oxigraph", "rdflib")
NAMED = sorted(f"named:{path.stem}" for path in SPARQL_DIR.glob("*.rq"))
BENCH = [name for name, _, _ in BENCH_TEMPLATES]


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> tuple[dict, str]:
    """The JSON and the printed table of a tiny benchmark run."""
    work = tmp_path_factory.mktemp("bench")
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


@pytest.mark.parametrize("module", ["bench.queries", "bench.latency", "bench.report"])
def test_doctests(module):
    assert doctest.testmod(importlib.import_module(module)).failed == 0
