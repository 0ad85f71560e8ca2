"""Keeping a published findings graph current: recompute only the subjects a change touches.

Findings compare figures for one candidate in one election (a *subject*), never across
subjects, so an article that reports on some subjects can change only their findings. Ingest
and withdraw name the subjects their articles report on; this module reads the published
results of those subjects alone, finds their disagreements, and replaces their findings and
figures in ``graph/findings`` (every other finding stays as it is). Figure and finding IRIs come
from what they name (:class:`kg.iris.Minter`), so the graph is the one a full build of the same
articles makes; each figure names the articles it is derived from, so those are replaced with
it. ``graph/findings/provenance`` names the run over every article, as a build names it;
unlike a build, where each article's provenance describes the run, it describes the run itself.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.findings import find_disagreements
from kg.iris import Minter
from kg.mapping import Mapper
from kg.model import Article, Corpus, Extraction, Result
from kg.namespaces import KG, PROV, RDF
from kg.published import read_results_of
from kg.writes import Change, drop_graph

Subject = tuple[str, str]  # candidate key, election key ("" when none is known)

_TYPE = ox.NamedNode(str(RDF.type))
_REPORTS = ox.NamedNode(str(KG.reportsFigure))
_RESULT = ox.NamedNode(str(KG.ReportedResult))
_COMPARED = ox.NamedNode(str(KG.comparedFigure))


def subjects_of(results) -> set[Subject]:
    """The (candidate, election) subjects that ``(article key, Result)`` pairs report on.

    >>> from decimal import Decimal
    >>> from kg.model import Span
    >>> r = Result("person/a", Decimal(1), "1", Decimal(1), "exact", "official", Span(0, 1), Span(0, 1))
    >>> sorted(subjects_of([("k", r)]))
    [('person/a', '')]
    """
    return {(r.candidate, r.election or "") for _, r in results}


def result_nodes_on(store, subjects: set[Subject], minter: Minter) -> set[ox.NamedNode]:
    """The published result nodes whose candidate and election are one of ``subjects``.

    One SPARQL query, so that the store skips in its own code what a candidate's findings and
    figures (which name the candidate too) add to the candidate's index; result IRIs have
    their own prefix (ontology/MODEL.md). Only nodes typed ``kg:ReportedResult`` count.
    """
    if not subjects:
        return set()
    pairs = " ".join(f"({minter.entity(c)} {minter.entity(e)})" for c, e in sorted(subjects) if e)
    alone = " ".join(f"{minter.entity(c)}" for c, e in sorted(subjects) if not e)
    prefix = f'FILTER(STRSTARTS(STR(?r), "{minter.base}id/result/"))'
    parts = []
    if pairs:
        parts.append(f"{{ VALUES (?c ?e) {{ {pairs} }} GRAPH ?g {{ ?r kg:candidate ?c ; kg:election ?e {prefix} }} }}")
    if alone:
        parts.append(f"{{ VALUES ?c {{ {alone} }} GRAPH ?g {{ ?r kg:candidate ?c {prefix} "
                     "FILTER NOT EXISTS { ?r kg:election ?any } } }")
    sparql = f"PREFIX kg: <{KG}>\nSELECT DISTINCT ?r WHERE {{ {' UNION '.join(parts)} }}"
    found = {row[0] for row in store.query(sparql).rows}
    return {node for node in found if any(True for _ in store.match(node, _TYPE, _RESULT))}


def read_subject_results(store, subjects: set[Subject], base: str) -> tuple[list[tuple[str, Result]], set]:
    """The published results on ``subjects`` (as :func:`kg.published.read_results` reads them), and
    the IRIs of every published result node on them."""
    nodes = result_nodes_on(store, subjects, Minter(base))
    return read_results_of(store, nodes, base), nodes


def published_findings(store, result_nodes: set, graph: ox.NamedNode) -> set[ox.Quad]:
    """The quads of ``graph`` (the findings) on the figures ``result_nodes`` report and the
    findings comparing them: every published figure has a member, every finding two figures."""
    figures = {q.object for node in result_nodes for q in store.match(node, _REPORTS, None, graph)}
    findings = {q.subject for figure in figures for q in store.match(None, _COMPARED, figure, graph)}
    quads = set()
    for node in figures | findings:
        quads.update(store.match(node, None, None, graph))
    for figure in figures:
        quads.update(store.match(None, _REPORTS, figure, graph))
    return quads


def stub_article(key: str) -> Article:
    """An article that only carries its key (what the disagreement finder reads of it)."""
    return Article(path=Path(f"{key}.txt"), text="", sha256=key.ljust(64, "0"), language="und")


def corpus_of(results) -> Corpus:
    """A corpus of stub articles carrying ``(article key, Result)`` pairs, articles in key order."""
    by_article: dict[str, list[Result]] = defaultdict(list)
    for key, result in results:
        by_article[key].append(result)
    return Corpus(extractions=tuple(
        Extraction(article=stub_article(key), results=tuple(by_article[key])) for key in sorted(by_article)
    ), entities={})


def subject_findings_change(store, subjects: set[Subject], results, keys: set[str], base: str,
                            *, result_nodes: set = frozenset()) -> Change:
    """Replace the findings on ``subjects`` by those over ``results``, every result on them.

    ``results`` are the ``(article key, Result)`` pairs on ``subjects`` once the change is made;
    ``keys`` every article published then; ``result_nodes`` the published result nodes on
    ``subjects`` (their memberships are replaced).
    """
    minter = Minter(base)
    graph = minter.findings_graph
    run = minter.run(__version__, sorted(keys))
    mapper = Mapper(minter, version=__version__, run=run)
    new = {q for q in mapper.finding_quads(find_disagreements(corpus_of(results))) if q.graph_name == graph}
    old = published_findings(store, result_nodes, graph)
    # the findings on other subjects stay: count the graph's quads no further than to see one
    others = sum(1 for _ in islice(store.match(None, None, None, graph), len(old) + 1)) > len(old)
    return Change(new - old, old - new) + provenance_change(store, minter, run, bool(new) or others)


def provenance_change(store, minter: Minter, run: ox.NamedNode, findings_left: bool) -> Change:
    """``graph/findings/provenance`` made current: the run named and described; both graphs go
    when no finding is left (no findings, no findings graph). Reads only what it may change."""
    graph, provenance = minter.findings_graph, minter.findings_provenance_graph
    if not findings_left:
        return drop_graph(store, graph) + drop_graph(store, provenance)
    old = set(store.match(graph, _TYPE, None, provenance))
    for quad in list(store.match(graph, ox.NamedNode(str(PROV.wasGeneratedBy)), None, provenance)):
        old.add(quad)
        for described in store.match(quad.object, None, None, provenance):
            old.add(described)
            if described.predicate.value == str(PROV.wasAssociatedWith):
                old.update(store.match(described.object, None, None, provenance))
    new = set(provenance_quads(minter, run))
    return Change(new - old, old - new)


def provenance_quads(minter: Minter, run: ox.NamedNode) -> list[ox.Quad]:
    """``graph/findings/provenance``: what the graph is and the run that made it. Unlike a
    build, which describes its run in every article's provenance, the run is described here:
    an ingest's run over all articles appears nowhere else."""
    mapper = Mapper(minter, version=__version__, run=run)
    return [*mapper.findings_graph_quads(), *mapper.run_quads(minter.findings_provenance_graph)]
