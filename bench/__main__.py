"""``python -m bench``: run the benchmark at the given sizes and write the table and JSON.

For each size: make the articles (``kg synth``, or the first N of ``--corpus``), time ``kg build``
with its peak memory, start kg serve, Oxigraph server and rdflib-endpoint on the built dataset,
time every query on each in turn, measure throughput with 8 connections, time validation,
stop the servers. Results are written after each size, so a run cut short keeps what it did.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

from bench.datasets import build_unvalidated, measure_build, synthesise, take_articles
from bench.latency import measure_latency
from bench.load import measure_throughput, wait_idle
from bench.queries import bench_queries, named_queries, pick_parameters
from bench.report import check_bars, render
from bench.servers import REPO, SERVER_NAMES, restart, server_memory, start_server
from bench.validation import run_isolated

DEFAULT_OUT = REPO / "bench" / "results" / "latest.json"
#: The throughput workloads: a point lookup, and every benchmark query in turn.
WORKLOADS = {"lookup (entity by label)": ("entity_by_label",), "mix (all benchmark queries)": None}


def machine() -> dict:
    """What the figures were measured on."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    ram_kib = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
    return {"cpus": os.cpu_count(), "cpu_model": model, "ram_gib": round(ram_kib / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform()}


def kg_commit() -> str:
    """The commit of this tree, with "+changes" when the working tree differs from it.

    ``BENCH_KG_COMMIT`` names it for a copy of the tree that is not a git checkout.
    """
    if os.environ.get("BENCH_KG_COMMIT"):
        return os.environ["BENCH_KG_COMMIT"]
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                                check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kg", "sparql", "shapes", "ontology"], cwd=REPO,
                               capture_output=True, text=True).stdout.strip()
        return commit + ("+changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def build_for_serving(articles: Path, dataset: Path, n: int, args: argparse.Namespace, log) -> dict:
    """The timed ``kg build``; when it does not finish, the same quads written without validation."""
    size = {"build": measure_build(articles, dataset, timeout_s=args.build_timeout)}
    log(f"[{n}] build: {json.dumps({k: v for k, v in size['build'].items() if k != 'stderr_tail'})}")
    if not size["build"]["ok"]:
        log(f"[{n}] kg build did not finish; writing the same quads without validation to serve them")
        size["dataset_source"] = "kg stages without SHACL validation (kg build did not finish)"
        size["unvalidated_build"] = build_unvalidated(articles, dataset)
    else:
        size["dataset_source"] = "kg build"
        size["build"].pop("stderr_tail", None)
    return size


def run_size(n: int, args: argparse.Namespace, log) -> dict:
    """Every measurement at ``n`` articles."""
    work = args.work / str(n)
    work.mkdir(parents=True, exist_ok=True)
    size: dict = {}
    articles = take_articles(args.corpus, n, work) if args.corpus else synthesise(n, work)
    dataset = work / "dataset"
    kept = work / "build-figures.json"  # the build's figures, beside the dataset they made
    if args.reuse and kept.is_file() and (dataset / "build.json").is_file():
        size.update(json.loads(kept.read_text()))
        size["dataset_reused"] = True
        log(f"[{n}] reusing {dataset} and its build figures")
    else:
        size.update(build_for_serving(articles, dataset, n, args, log))
        kept.write_text(json.dumps(size, indent=1) + "\n")
    params = pick_parameters(dataset)
    queries = bench_queries(params) + named_queries(params)
    size["parameters"] = params
    servers = {}
    try:
        for name in args.servers:
            log(f"[{n}] starting {name}")
            servers[name] = start_server(name, dataset, work, limit_s=args.server_limit)
            log(f"[{n}] {name} ready ({servers[name].prepare_s + servers[name].ready_s:.1f} s)")
        size["load_average_before_latency"] = os.getloadavg()  # other work on the machine skews all three
        log(f"[{n}] latency: {args.reps} runs of {len(queries)} queries on {', '.join(servers)}")
        size["latency"] = measure_latency(servers, queries, reps=args.reps, timeout_s=args.query_timeout,
                                          budget_s=args.query_budget, log=log)
        size["throughput"] = {}
        probe = queries[0]
        for workload, names in WORKLOADS.items():
            mix = [q for q in queries if q.kind != "named" and (names is None or q.name in names)]
            size["throughput"][workload] = figures = {}
            for name in list(servers):
                figures[name] = measure_throughput(servers[name].url, mix, connections=args.connections,
                                                   duration_s=args.duration, timeout_s=args.query_timeout,
                                                   generator=args.generator)
                log(f"[{n}] throughput {workload}: {name} {figures[name]['qps']} q/s ({figures[name]['errors']} errors)")
                if not wait_idle(servers[name].url, probe=probe):
                    log(f"[{n}] {name} still busy after the load; restarting it")
                    servers[name] = restart(servers[name])
        size["servers"] = {name: {"prepare_s": round(s.prepare_s, 2), "ready_s": round(s.ready_s, 2),
                                  "restarts": s.restarts, "restart_ready_s": s.restart_ready_s,
                                  "memory": server_memory(s)}
                            for name, s in servers.items()}
    finally:
        for server in servers.values():
            server.stop()
    if args.skip_validation:
        size["bars"] = check_bars(size)
        return size
    log(f"[{n}] validation")
    size["validation"] = {
        "full": run_isolated("full", dataset, n, args.full_validate_timeout or args.validate_timeout),
        "addition": run_isolated("addition", dataset, n, args.validate_timeout),
    }
    log(f"[{n}] validation: {json.dumps(size['validation'])[:400]}")
    size["bars"] = check_bars(size)
    return size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="article counts (default: 1000 10000)")
    parser.add_argument("--corpus", type=Path, help="take the first N articles of this folder instead of kg synth")
    parser.add_argument("--servers", nargs="+", default=list(SERVER_NAMES), choices=SERVER_NAMES)
    parser.add_argument("--reps", type=int, default=20, help="timed runs of each query on each server (default: 20)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds of load per throughput run (default: 10)")
    parser.add_argument("--connections", type=int, default=8, help="concurrent connections (default: 8)")
    parser.add_argument("--generator", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator (auto: wrk when installed, else Python threads)")
    parser.add_argument("--query-timeout", type=float, default=30.0, help="seconds one request may take (default: 30)")
    parser.add_argument("--query-budget", type=float, default=30.0,
                        help="seconds of runs per query and server before the rest are skipped (default: 30)")
    parser.add_argument("--server-limit", type=float, default=120.0,
                        help="query time limit given to kg serve and Oxigraph (default: 120 s, above --query-timeout)")
    parser.add_argument("--build-timeout", type=float, default=1800.0, help="seconds kg build may take (default: 1800)")
    parser.add_argument("--validate-timeout", type=float, default=900.0, help="seconds a validation may take (default: 900)")
    parser.add_argument("--reuse", action="store_true",
                        help="reuse the dataset and build figures an earlier run left in --work (no new build)")
    parser.add_argument("--full-validate-timeout", type=float,
                        help="seconds the full validation may take (default: --validate-timeout)")
    parser.add_argument("--skip-validation", action="store_true",
                        help="measure only building and serving (no validation timings)")
    parser.add_argument("--work", type=Path, default=REPO / "build" / "bench", help="scratch folder (default: build/bench)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT, help=f"JSON results (default: {DEFAULT_OUT})")
    parser.add_argument("--table", type=Path, help="also write the Markdown table to this file")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    add_arguments(parser)
    args = parser.parse_args(argv)
    args.work = args.work.resolve()

    def log(message: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {message}", file=sys.stderr, flush=True)

    results = {"started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
               "machine": machine(), "kg_commit": kg_commit(),
               "settings": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
               "notes": {"kg": "kg serve with query_time_limit_ms and max_rows raised (see settings.server_limit)",
                         "oxigraph": "oxigraph serve-read-only (no --timeout-s); store loaded with dataset.nq and union.ttl into the "
                                     "default graph (the layout of kg's store)",
                         "rdflib": "rdflib-endpoint (uvicorn) over rdflib Dataset(default_union=True) of dataset.nq, loaded "
                                   "once by a parent process and served by a forked child; a restart forks a new child"},
               "sizes": {}}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    for n in args.sizes:
        results["sizes"][str(n)] = run_size(n, args, log)
        args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    table = render(results)
    print(table)
    if args.table:
        args.table.write_text(table + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
