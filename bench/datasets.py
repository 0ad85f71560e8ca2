"""The data the benchmark runs on: synthetic articles, the timed ``kg build``, and the stages.

:func:`measure_build` runs ``kg build`` end to end (read, extract, link, map, validate, write) as
a subprocess under :mod:`bench.measure`, for its articles per second and peak memory. When that
build cannot finish in the time allowed, :func:`build_unvalidated` makes the same quads with
kg's own stage functions minus the SHACL validation, so that the servers still have the dataset
to serve; the results say which happened. :func:`time_stages` times each stage in-process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

from bench.servers import REPO, kg_command


def synthesise(n: int, work: Path) -> Path:
    """``work/articles-N`` holding the first ``n`` synthetic articles (kept between runs)."""
    folder = work / f"articles-{n}"
    if not (folder.is_dir() and len(list(folder.glob("*.txt"))) == n):
        subprocess.run([*kg_command(), "synth", str(n), "-o", str(folder)], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return folder


def take_articles(corpus: Path, n: int, work: Path) -> Path:
    """``work/articles-N`` linking to the first ``n`` article files of ``corpus`` (a fixed corpus)."""
    files = sorted(corpus.glob("*.txt"))[:n]
    if len(files) < n:
        raise ValueError(f"{corpus}: {len(files)} articles, fewer than the {n} asked for")
    folder = work / f"articles-{n}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in files:
        (folder / path.name).symlink_to(path.resolve())
    return folder


def measure_build(articles: Path, out: Path, *, timeout_s: float) -> dict:
    """``kg build`` of ``articles`` into ``out``: seconds, articles per second, peak memory, outcome."""
    command = [sys.executable, "-m", "bench.measure", str(timeout_s), "--",
               *kg_command(), "build", str(articles), "-o", str(out), "--quiet"]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    figures = json.loads(done.stdout)
    n = len(list(articles.glob("*.txt")))
    ok = figures["returncode"] == 0 and not figures["timeout"]
    figures["articles"] = n
    figures["articles_per_s"] = round(n / figures["seconds"], 2) if ok else None
    figures["ok"] = ok
    if ok:
        summary = json.loads((out / "build.json").read_text())
        figures["quads"] = summary["quads"]
        figures["peak_rss_kib_per_quad"] = round(figures["peak_rss_mib"] * 1024 / summary["quads"], 3)
    return figures


def time_stages(articles: Path, out: Path | None = None, *, validate: bool = True) -> dict:
    """Seconds per build stage, run in this process with kg's own functions; writes ``out`` if given.

    Extraction and linking are one call in kg (``extract_corpus``), so they are timed together
    here; the profile (``python -m bench.profile``) splits them.
    """
    from kg import __version__
    from kg.articles import read_articles
    from kg.build import BuildSummary, map_dataset, publish, run_iri, write_dataset
    from kg.dumps import count_statements, write_summary
    from kg.iris import Minter
    from kg.namespaces import DEFAULT_BASE
    from kg.validate import validate_ntriples

    seconds: dict[str, float] = {}

    def timed(stage: str, call):
        started = time.perf_counter()
        value = call()
        seconds[stage] = round(time.perf_counter() - started, 3)
        return value

    articles_list, _ = timed("read", lambda: read_articles(articles))

    def extract():
        from kg.extract import extract_corpus
        return extract_corpus(articles_list)

    corpus = timed("extract_and_link", extract)
    dataset = timed("map", lambda: map_dataset(corpus, base=DEFAULT_BASE))
    union = timed("union", lambda: dataset.ntriples(ordered=False))
    conforms = None
    if validate:
        conforms = timed("validate", lambda: validate_ntriples(union).conforms)
    if out is not None:
        summary = BuildSummary(articles_read=len(articles_list), quads=dataset.quads)

        def write(folder: Path) -> None:
            write_dataset(folder, dataset, count_statements(dataset.triples), base=DEFAULT_BASE,
                          run=run_iri(corpus, Minter(DEFAULT_BASE)))
            write_summary({**asdict(summary), "base": DEFAULT_BASE, "version": __version__}, folder)

        timed("write", lambda: publish(out, write))
    return {"seconds": seconds, "quads": dataset.quads, "articles": len(articles_list), "conforms": conforms,
            "validated": validate}


def build_unvalidated(articles: Path, out: Path) -> dict:
    """The dataset of ``articles`` written by kg's stages without SHACL validation, in a subprocess."""
    code = ("import json, sys; from pathlib import Path; from bench.datasets import time_stages; "
            "print(json.dumps(time_stages(Path(sys.argv[1]), Path(sys.argv[2]), validate=False)))")
    done = subprocess.run([sys.executable, "-c", code, str(articles), str(out)], cwd=REPO, capture_output=True,
                          text=True)
    if done.returncode != 0:
        raise RuntimeError(f"kg's stages could not build {articles} either:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])
