"""Validation timing: a full SHACL validation of the dataset against a one-article addition in context.

Full: ``kg.validate.validate_graph`` on every graph of the dataset (loading timed apart).
One-article addition: the next synthetic article (number N, not in the corpus) is planned as an
ingest against the published store (``kg.ingest.plan_ingest``: extract, link to the published
entities, map, recompute the findings of the candidates it reports on) and its change
validated in context by ``kg.incremental.validate_change``, the check ``kg ingest`` and
``POST /articles`` make before they commit; the same quads validated alone
(``validate_alone``) are timed too. Each runs in a subprocess so that a validation past its
time limit can be stopped (the engine cannot be).
``python -m bench.validation full|addition DATASET [N]`` prints the figures as JSON.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.servers import REPO


def validate_full(dataset: Path) -> dict:
    """Seconds to load ``dataset`` into rdflib and to validate all of it."""
    from kg.validate import load_rdf, validate_graph

    started = time.perf_counter()
    graph = load_rdf(dataset)
    loaded = time.perf_counter()
    report = validate_graph(graph)
    return {"load_s": round(loaded - started, 3), "validate_s": round(time.perf_counter() - loaded, 3),
            "conforms": report.conforms}


def next_article(n: int):
    """Synthetic article number ``n`` (the one after a corpus of ``n``), read as kg reads files."""
    from kg.articles import read_articles
    from kg.synth import make_article

    article = make_article(n)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / article.name).write_text(article.text, encoding="utf-8")
        articles, problems = read_articles(Path(folder))
    if problems or len(articles) != 1:
        raise RuntimeError(f"synthetic article {n} could not be read: {problems}")
    return articles


def validate_addition(dataset: Path, n: int, reps: int = 7) -> dict:
    """Seconds to plan and to validate, in context and alone, the addition of article ``n``.

    The validation is timed after one untimed run (a process prepares kg's shapes once), as
    the median of ``reps`` runs, in wall-clock and in CPU time (which a loaded machine
    disturbs less).
    """
    from kg.incremental import validate_alone, validate_change
    from kg.ingest import plan_ingest
    from kg.store import load_files, memory_store

    base = json.loads((dataset / "build.json").read_text())["base"]
    started = time.perf_counter()
    store = memory_store()
    load_files(store, [dataset / "dataset.nq"])
    store.materialise_union()
    load_s = time.perf_counter() - started
    articles = next_article(n)
    started = time.perf_counter()
    change = plan_ingest(store, articles, base=base).change.net(store)
    plan_s = time.perf_counter() - started
    validate_change(store, change.adds, change.removes)  # once untimed: shapes prepared once per process
    in_context, in_context_cpu, alone, conforms = [], [], [], []
    for _ in range(reps):
        started, cpu = time.perf_counter(), time.process_time()
        report = validate_change(store, change.adds, change.removes)
        in_context.append(time.perf_counter() - started)
        in_context_cpu.append(time.process_time() - cpu)
        conforms.append(report.conforms)
        started = time.perf_counter()
        validate_alone(change.adds)
        alone.append(time.perf_counter() - started)
    return {"article": articles[0].key, "adds": len(change.adds), "removes": len(change.removes),
            "store_load_s": round(load_s, 3), "plan_s": round(plan_s, 3),
            "in_context_ms": round(statistics.median(in_context) * 1000, 1),
            "in_context_runs_ms": [round(s * 1000, 1) for s in in_context],
            "in_context_cpu_ms": round(statistics.median(in_context_cpu) * 1000, 1),
            "alone_ms": round(statistics.median(alone) * 1000, 1), "conforms": all(conforms)}


def run_isolated(what: str, dataset: Path, n: int, timeout_s: float) -> dict:
    """:func:`validate_full` or :func:`validate_addition` in a subprocess, stopped after ``timeout_s``."""
    command = [sys.executable, "-m", "bench.validation", what, str(dataset), str(n)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout_s)
    except subprocess.TimeoutExpired:
        return {"timeout": True, "limit_s": timeout_s}
    if done.returncode != 0:
        return {"error": done.stderr[-1500:], "seconds": round(time.perf_counter() - started, 1)}
    return {"timeout": False, **json.loads(done.stdout.strip().splitlines()[-1])}


def main(argv: list[str]) -> int:
    what, dataset = argv[0], Path(argv[1])
    figures = validate_full(dataset) if what == "full" else validate_addition(dataset, int(argv[2]))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
