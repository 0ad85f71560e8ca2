"""Keeping a published findings graph current: recompute only the subjects a change touches.

Findings compare figures for one candidate in one election (a *subject*), never across
subjects, so an article that reports on some subjects can change only their findings. Ingest
and withdraw name the subjects their articles report on; this module reads the published
results of those subjects alone, finds their disagreements, and replaces their findings and
figures in ``graph/findings`` (every other finding stays as it is). Figure and finding IRIs come
from what they name (:class:`kg.iris.Minter`), so the graph is the one a full build of the same
articles makes. ``graph/findings/provenance`` is rewritten whole (a handful of quads and one
``prov:wasDerivedFrom`` per source article): the articles derived from are those with a result
in a compared figure, and the run is the one over every article, as a build names it; unlike a
build, where each article's provenance describes the run, it describes the run itself.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.findings import find_disagreements
from kg.iris import Minter
from kg.mapping import Mapper
from kg.model import Article, Corpus, Extraction, Result
from kg.namespaces import KG, PROV, RDF, SCHEMA
from kg.published import key_of, read_result
from kg.writes import Change, drop_graph, replace_graph

Subject = tuple[str, str]  # candidate key, election key ("" when none is known)

_TYPE = ox.NamedNode(str(RDF.type))
_CANDIDATE = ox.NamedNode(str(KG.candidate))
_ELECTION = ox.NamedNode(str(KG.election))
_REPORTS = ox.NamedNode(str(KG.reportsFigure))
_RESULT = ox.NamedNode(str(KG.ReportedResult))
_FIGURE = ox.NamedNode(str(KG.ReportedFigure))


def subjects_of(results) -> set[Subject]:
    """The (candidate, election) subjects that ``(article key, Result)`` pairs report on.

    >>> from decimal import Decimal
    >>> from kg.model import Span
    >>> r = Result("person/a", Decimal(1), "1", Decimal(1), "exact", "official", Span(0, 1), Span(0, 1))
    >>> sorted(subjects_of([("k", r)]))
    [('person/a', '')]
    """
    return {(r.candidate, r.election or "") for _, r in results}


def election_of(store, subject: ox.NamedNode, graph=None) -> str:
    """The election key a node names with ``kg:election`` ("" when none)."""
    return next((q.object.value for q in store.match(subject, _ELECTION, None, graph)), "")


def subject_nodes(store, subjects: set[Subject], minter: Minter, graph=None) -> dict[Subject, set[ox.NamedNode]]:
    """The nodes whose ``kg:candidate`` and ``kg:election`` are one of ``subjects``, in ``graph`` (None: any)."""
    found: dict[Subject, set[ox.NamedNode]] = defaultdict(set)
    for candidate in {c for c, _ in subjects}:
        for quad in store.match(None, _CANDIDATE, minter.entity(candidate), graph):
            election = election_of(store, quad.subject, quad.graph_name)
            if (candidate, key_of(election, minter.base) or "") in subjects:
                found[(candidate, key_of(election, minter.base) or "")].add(quad.subject)
    return found


def read_subject_results(store, subjects: set[Subject], base: str) -> tuple[list[tuple[str, Result]], set]:
    """The published results on ``subjects`` (as :func:`kg.published.read_results` reads them), and
    the IRIs of every published result node on them."""
    minter = Minter(base)
    findings = minter.findings_graph
    nodes = {n for group in subject_nodes(store, subjects, minter).values() for n in group}
    results, result_nodes = [], set()
    for node in nodes:
        if not any(q.graph_name != findings for q in store.match(node, _TYPE, _RESULT)):
            continue  # a finding or a figure
        result_nodes.add(node)
        if (read := read_result(store, node, base, minter)) is not None:
            results.append(read)
    return sorted(results, key=lambda pair: (pair[0], pair[1].span)), result_nodes


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
                            *, gone: frozenset[str] = frozenset(), result_nodes: set = frozenset()) -> Change:
    """Replace the findings on ``subjects`` by those over ``results``, every result on them.

    ``results`` are the ``(article key, Result)`` pairs on ``subjects`` once the change is made;
    ``keys`` every article published then; ``gone`` the articles the change withdraws;
    ``result_nodes`` the published result nodes on ``subjects`` (their memberships are replaced).
    """
    minter = Minter(base)
    graph, provenance = minter.findings_graph, minter.findings_provenance_graph
    run = minter.run(__version__, sorted(keys))
    mapper = Mapper(minter, version=__version__, run=run)
    new = {q for q in mapper.finding_quads(find_disagreements(corpus_of(results))) if q.graph_name == graph}
    old = set()
    for group in subject_nodes(store, subjects, minter, graph).values():
        for node in group:
            old.update(store.match(node, None, None, graph))
            old.update(store.match(None, _REPORTS, node, graph))
    sources = derived_from(store, results, new, keys, gone, result_nodes, minter)
    if not sources:  # no findings left anywhere: neither graph is published
        return Change(new - old, old - new) + drop_graph(store, graph) + drop_graph(store, provenance)
    return Change(new - old, old - new) + replace_graph(store, provenance, provenance_quads(minter, run, sources))


def derived_from(store, results, new: set, keys: set[str], gone: frozenset[str], result_nodes: set,
                 minter: Minter) -> set[str]:
    """The articles with a result in a compared figure once the new findings replace the old.

    Only articles with results on the replaced subjects can change; for each, a membership it
    has on another subject (still published) keeps it a source.
    """
    provenance = minter.findings_provenance_graph
    graph = minter.findings_graph
    sources = {key for q in store.match(graph, ox.NamedNode(str(PROV.wasDerivedFrom)), None, provenance)
               if (key := q.object.value.rsplit("/", 1)[-1])}
    members = {q.subject for q in new if q.predicate == _REPORTS}
    touched = {key for key, _ in results} | set(gone)
    for key in touched:
        sources.discard(key)
        if key in gone or key not in keys:
            continue
        mine = {minter.result(key, r.span.begin, r.span.end, r.candidate) for k, r in results if k == key}
        if mine & members or any(
            any(True for _ in store.match(q.subject, _REPORTS, None, graph))
            for q in store.match(None, _TYPE, _RESULT, minter.assertion_graph(key)) if q.subject not in result_nodes
        ):
            sources.add(key)
    return sources


def provenance_quads(minter: Minter, run: ox.NamedNode, sources: set[str]) -> list[ox.Quad]:
    """``graph/findings/provenance``: what the graph is, the run that made it, its sources."""
    graph, provenance = minter.findings_graph, minter.findings_provenance_graph
    software = minter.software(__version__)
    return [
        ox.Quad(graph, _TYPE, ox.NamedNode(str(KG.FindingsGraph)), provenance),
        ox.Quad(graph, ox.NamedNode(str(PROV.wasGeneratedBy)), run, provenance),
        ox.Quad(run, _TYPE, ox.NamedNode(str(PROV.Activity)), provenance),
        ox.Quad(run, ox.NamedNode(str(PROV.wasAssociatedWith)), software, provenance),
        ox.Quad(software, _TYPE, ox.NamedNode(str(PROV.SoftwareAgent)), provenance),
        ox.Quad(software, ox.NamedNode(str(SCHEMA.name)), ox.Literal("kg"), provenance),
        ox.Quad(software, ox.NamedNode(str(SCHEMA.softwareVersion)), ox.Literal(__version__), provenance),
        *(ox.Quad(graph, ox.NamedNode(str(PROV.wasDerivedFrom)), minter.article(key), provenance)
          for key in sorted(sources)),
    ]
