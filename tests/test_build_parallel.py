"""The fast build (articles mapped in worker processes, the dataset kept as N-Quads text,
validation beside the writing) publishes exactly the bytes of the plain reading of the model:
the mapper's quads in canonical order, each dump pyoxigraph's serialisation of them, VoID and
the summary counted over pyoxigraph terms. The plain reading lives here, as the reference."""

from collections import Counter

from dataclasses import asdict
from pathlib import Path

import pytest

from kg.articles import read_articles
from pyoxigraph import serialize

from kg.build import BuildSummary, build_quads, map_dataset, run_iri, summarise_counts
from kg.dumps import (
    DUMPS, PREFIX_MAP, UnionCounts, count_statements, describe_dataset, union_triples, write_text_dumps, write_void,
)
from kg.extract import extract_corpus
from kg.iris import Minter
from kg.namespaces import DEFAULT_BASE, KG, SCHEMA
from kg.synth import write_corpus

BUNDLED = Path(__file__).parents[1] / "kg" / "data" / "articles"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synth")
    write_corpus(60, folder, seed=4, progress=False)  # more than two batches of 25
    return folder


RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def plain_counts(triples) -> UnionCounts:
    typed = [t for t in triples if t.predicate.value == RDF_TYPE]
    return UnionCounts(triples=len(triples), subjects=len({t.subject for t in triples}),
                       objects=len({t.object for t in triples}), entities=len({t.subject for t in typed}),
                       classes=Counter(t.object for t in typed), properties=Counter(t.predicate for t in triples))


def plain_build(corpus, folder: Path) -> None:
    quads = build_quads(corpus)
    union = union_triples(quads)
    for name, rdf_format, keeps_graphs in DUMPS:
        serialize(quads if keeps_graphs else union, folder / name, rdf_format,
                  prefixes=None if name.endswith(".nq") else PREFIX_MAP)
    write_void(describe_dataset(plain_counts(union), base=DEFAULT_BASE, run=run_iri(corpus, Minter(DEFAULT_BASE))),
               folder)


def plain_summary(corpus, quads, problems) -> BuildSummary:
    # Distinct (subject, class) pairs: a claim is typed in every article graph that carries it.
    instances = Counter(cls for _, cls in {(q.subject, q.object.value) for q in quads if q.predicate.value == RDF_TYPE})
    return BuildSummary(
        articles_read=len(corpus.extractions), articles_skipped=len(problems), quads=len(quads),
        entities=len({q.subject for q in quads if q.graph_name.value.endswith("graph/entities")}),
        results=instances[str(KG.ReportedResult)], claims=instances[str(SCHEMA.Claim)],
        findings=instances[str(KG.ResultComparison)], problems=[str(p) for p in problems])


def fast_build(corpus, folder: Path, workers: int) -> None:
    dataset = map_dataset(corpus, workers=workers)
    ntriples = dataset.ntriples()
    write_text_dumps(dataset.nquads_chunks(), ntriples, folder)
    counts = count_statements(dataset.triples)
    write_void(describe_dataset(counts, base=DEFAULT_BASE, run=run_iri(corpus, Minter(DEFAULT_BASE))), folder)


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "two-workers"])
@pytest.mark.parametrize("source", ["bundled", "synthetic"])
def test_the_fast_build_writes_the_same_bytes_as_the_plain_one(source, workers, synthetic, tmp_path):
    articles, _ = read_articles(BUNDLED if source == "bundled" else synthetic)
    corpus = extract_corpus(articles)
    (tmp_path / "plain").mkdir(), (tmp_path / "fast").mkdir()
    plain_build(corpus, tmp_path / "plain")
    fast_build(corpus, tmp_path / "fast", workers)
    names = sorted(p.name for p in (tmp_path / "plain").iterdir())
    assert names == ["dataset.jsonld", "dataset.nq", "dataset.trig", "union.ttl", "void.ttl"]
    assert sorted(p.name for p in (tmp_path / "fast").iterdir()) == names
    for name in names:
        assert (tmp_path / "fast" / name).read_bytes() == (tmp_path / "plain" / name).read_bytes(), name


def test_the_summary_from_text_counts_what_the_summary_from_quads_counts(synthetic):
    articles, problems = read_articles(synthetic)
    corpus = extract_corpus(articles)
    dataset = map_dataset(corpus, workers=2)
    fast = asdict(summarise_counts(corpus, dataset, count_statements(dataset.triples), problems, 0.0))
    plain = asdict(plain_summary(corpus, build_quads(corpus), problems))
    assert {**fast, "seconds": 0} == {**plain, "seconds": 0}
    assert fast["articles_read"] == 60 and fast["results"] > 0 and fast["claims"] > 0


@pytest.fixture
def one_thread():
    """No tqdm monitor thread (write_corpus's bars start one): workers fork only from a lone thread."""
    import threading

    from tqdm import tqdm

    if tqdm.monitor is not None:
        tqdm.monitor.exit()
        tqdm.monitor = None
    tqdm.monitor_interval = 0
    assert threading.active_count() == 1


def test_extracting_in_worker_processes_gives_the_corpus_extracting_here_does(synthetic, monkeypatch, one_thread):
    import kg.extract

    articles, _ = read_articles(synthetic)
    assert len(articles) >= kg.extract.SERIAL_BELOW  # so the workers do run
    in_workers = extract_corpus(articles)
    monkeypatch.setattr(kg.extract, "SERIAL_BELOW", len(articles) + 1)
    here = extract_corpus(articles)
    assert in_workers == here
    assert [e.article for e in in_workers.extractions] == list(articles)  # in the order given
    assert sum(len(e.mentions) for e in here.extractions) > 0 and any(e.kind == "election" for e in here.entities.values())


@pytest.mark.parametrize("other_thread", [False, True], ids=["alone", "beside-a-thread"])
def test_per_article_work_forks_workers_only_in_a_process_with_one_thread(other_thread, one_thread):
    import os
    import threading

    from kg.extract import SERIAL_BELOW, per_article

    release = threading.Event()
    waiter = threading.Thread(target=release.wait)
    if other_thread:
        waiter.start()
    try:
        answers = list(per_article(lambda i: (i, os.getpid()), SERIAL_BELOW))
    finally:
        release.set()
    assert [i for i, _ in answers] == list(range(SERIAL_BELOW))
    here = {pid for _, pid in answers} == {os.getpid()}
    assert here is other_thread
