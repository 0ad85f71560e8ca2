"""Validate the union of a built dataset in shares, on every core, with the report of a whole validation.

Why shares: shifty runs on one core and its time grows faster than the data. At 1,000
articles (476,000 triples) the whole union took 35 s; its eighths took about 2 s each, one
after the other in one process. Not yet used by ``kg build``: wired in (two forked workers
beside the parent writing the dumps) the build took more CPU than one whole validation
(41 s user against 33 s at 1,000 articles), shifty's share of it did not shrink in the
profile, and cutting the shares added 9 s of Python.

A share is a set of focus nodes and what their shapes read, the reach :mod:`kg.incremental`
works out from shapes/ (:func:`kg.incremental.shape_reach`):

- every triple of the union whose subject is a focus node;
- every triple into a focus node on a predicate read backwards (an inverse path, or a
  ``sh:targetObjectsOf`` predicate, which decides what a node is a target of);
- the triples of the nodes so reached (the values) on the predicates read on values, and the
  ``rdf:type`` triples of the nodes those point to (``sh:class`` two steps on);
- every ``rdfs:subClassOf`` triple of the union and the ontology's class hierarchy.

The values are in the share with only part of their triples: validated as targets they would
fail for what is left out. So a share is validated with :func:`kg.focus_targets.focus_validator`,
whose shapes are targeted by marker triples: each focus node gets the markers of exactly the
shapes whose targets select it in the union (:func:`kg.focus_targets.targeting_shapes`, on its
own types and predicates), and the SHACL-AF SPARQL targets are joined with the focus nodes.

Why the merged report is the whole one: every node of the union is a focus node of exactly one
share. What a shape reports on a focus node depends only on the triples its reach names, and a
share holds all of those that the union holds and nothing that is not in the union (markers
aside, which no shape reads): the shapes see the same triples wherever they look. So each share
reports on its focus nodes what the whole validation reports on them, and on no other node,
and the union of the shares' results is the whole validation's, result for result.
tests/test_validate_shares.py compares them on built datasets with violations of every kind.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from rdflib import Literal
from rdflib.namespace import RDF, SH

from kg.focus_targets import FOCUS, IS_FOCUS, TARGET, focus_validator, shape_targets, targeting_shapes
from kg.forked import forked_map, worker_count
from kg.validate import ValidationReport, copy_description, load_class_hierarchy, validate_ntriples

_TYPE = f"<{RDF.type}>"
_SUBCLASS = "<http://www.w3.org/2000/01/rdf-schema#subClassOf>"

#: Statements of its focus nodes' own per share. Smaller shares cost less per triple (shifty
#: grows faster than the data) but hold more values twice; at 1,000 articles 60,000 was best.
SHARE_SIZE = 60_000


@dataclass(frozen=True)
class Reading:
    """What the shapes read beyond a focus node's own triples, as N-Triples predicate terms."""

    backward: frozenset[str]  # followed from a node to the subjects pointing at it
    on_values: frozenset[str]  # read on the nodes a focus node reaches


@cache
def shape_reading() -> Reading:
    """The predicates shapes/ reads backwards and on values (from :func:`kg.incremental.shape_reach`).

    >>> reading = shape_reading()
    >>> "<https://example.org/kg/ontology#comparedFigure>" in reading.backward
    True
    """
    from kg.incremental import shape_reach

    reach = shape_reach()
    objects_of = {p for targets in shape_targets() for p in targets.objects_of}
    return Reading(frozenset(f"<{p}>" for p in reach.inverse | objects_of), frozenset(f"<{p}>" for p in reach.second_hop))


@dataclass
class UnionIndex:
    """The union's statements (N-Triples ``S P O`` without the dot) by subject, and by object on
    the predicates read backwards; ``focus`` lists every node once, subjects first, in the
    order the caller gave them (related nodes together keep the shares small)."""

    out: dict[str, list[str]]
    into: dict[str, list[str]]
    subclass: list[str]
    focus: list[str]


def is_node(term: str) -> bool:
    """Whether an N-Triples term is an IRI or a blank node (not a literal).

    >>> is_node("<http://a>"), is_node("_:b0"), is_node('"x"@en')
    (True, True, False)
    """
    return term[0] != '"'


def index_union(statements: Iterable[str], subjects_in_order: Iterable[str] = ()) -> UnionIndex:
    """Index the union ``statements`` (each once) for cutting shares.

    ``subjects_in_order`` gives the order of the focus nodes (any subject it leaves out comes
    after, as do the nodes that are only objects).

    >>> index = index_union(['<http://a> <http://p> <http://b>', '<http://b> <http://p> "x"'])
    >>> index.focus, index.out["<http://a>"]
    (['<http://a>', '<http://b>'], ['<http://a> <http://p> <http://b>'])
    """
    backward = shape_reading().backward
    out: dict[str, list[str]] = defaultdict(list)
    into: dict[str, list[str]] = defaultdict(list)
    subclass, objects = [], set()
    for statement in statements:
        subject, predicate, obj = statement.split(" ", 2)
        out[subject].append(statement)
        if is_node(obj):
            objects.add(obj)
            if predicate in backward:
                into[obj].append(statement)
            if predicate == _SUBCLASS:
                subclass.append(statement)
    focus = dict.fromkeys(s for s in subjects_in_order if s in out)
    focus.update(dict.fromkeys(sorted(out.keys() - focus.keys())))
    focus.update(dict.fromkeys(sorted(objects - out.keys())))
    return UnionIndex(out=dict(out), into=dict(into), subclass=subclass, focus=list(focus))


def plan_shares(index: UnionIndex, size: int = SHARE_SIZE) -> list[list[str]]:
    """The focus nodes in consecutive runs of about ``size`` own statements each.

    >>> index = index_union([f'<http://n{i}> <http://p> "{i}"' for i in range(5)])
    >>> [len(share) for share in plan_shares(index, size=2)]
    [2, 2, 1]
    """
    shares, current, statements = [], [], 0
    for node in index.focus:
        current.append(node)
        statements += len(index.out.get(node, ()))
        if statements >= size:
            shares.append(current)
            current, statements = [], 0
    return shares + [current] if current else shares


def share_ntriples(index: UnionIndex, focus: Sequence[str]) -> bytes:
    """The N-Triples a share is validated on: what its focus nodes' shapes read, the markers
    saying which shape targets which focus node, and the ontology's class hierarchy."""
    reading = shape_reading()
    data = set(index.subclass)
    values, far = set(), set()
    markers = [f"<{FOCUS}> <{IS_FOCUS}> {node} .\n" for node in focus]
    subclasses = defaultdict(set)
    for statement in index.subclass:
        sub, _, sup = statement.split(" ", 2)
        subclasses[sub[1:-1]].add(sup[1:-1])
    targeted = targeting_in(subclasses)
    for node in focus:
        own, into = index.out.get(node, ()), index.into.get(node, ())
        data.update(own)
        data.update(into)
        types, out_predicates, in_predicates = set(), set(), set()
        for statement in own:
            _, predicate, obj = statement.split(" ", 2)
            out_predicates.add(predicate)
            if is_node(obj):
                values.add(obj)
                if predicate == _TYPE:
                    types.add(obj)
        for statement in into:
            subject, predicate, _ = statement.split(" ", 2)
            in_predicates.add(predicate)
            values.add(subject)
        for number in targeted(node, frozenset(types), frozenset(out_predicates), frozenset(in_predicates)):
            markers.append(f"<{FOCUS}> <{TARGET}{number}> {node} .\n")
    for value in values:
        for statement in index.out.get(value, ()):
            _, predicate, obj = statement.split(" ", 2)
            if predicate in reading.on_values:
                data.add(statement)
                if is_node(obj):
                    far.add(obj)
    for node in far:
        data.update(s for s in index.out.get(node, ()) if s.split(" ", 2)[1] == _TYPE)
    text = "".join([*(f"{statement} .\n" for statement in data), *markers])
    return text.encode("utf-8") + b"\n" + load_class_hierarchy()


def targeting_in(subclasses: dict) -> Callable[[str, frozenset, frozenset, frozenset], list[int]]:
    """:func:`kg.focus_targets.targeting_shapes` for N-Triples terms, remembered per kind of node
    (types and predicates): a share has tens of thousands of nodes and a few dozen kinds."""
    named = {f"<{iri}>" for targets in shape_targets() for iri in targets.nodes}
    known: dict[tuple, list[int]] = {}

    def unbracket(terms: frozenset) -> set[str]:
        return {term[1:-1] for term in terms}

    def targeted(node: str, types: frozenset, out: frozenset, into: frozenset) -> list[int]:
        if node in named:
            return targeting_shapes(unbracket(types), unbracket(out), unbracket(into), node[1:-1], subclasses)
        key = (types, out, into)
        if key not in known:
            known[key] = targeting_shapes(unbracket(types), unbracket(out), unbracket(into), None, subclasses)
        return known[key]

    return targeted


def validate_share(index: UnionIndex, focus: Sequence[str]) -> ValidationReport:
    """The report a whole validation of the union gives on the nodes ``focus``."""
    return validate_ntriples(share_ntriples(index, focus), shapes=focus_validator(), with_classes=True)


def merge_reports(reports: Iterable[ValidationReport]) -> ValidationReport:
    """One report with every result of ``reports`` (their report graphs copied into one)."""
    from kg.incremental import conforming_report

    reports = list(reports)
    graph = conforming_report().report_graph
    root = next(graph.subjects(RDF.type, SH.ValidationReport))
    results = []
    for report in reports:
        source = report.report_graph
        for result in source.objects(None, SH.result):
            graph.add((root, SH.result, result))
            copy_description(source, graph, result)
        results.extend(report.results)
    conforms = all(report.conforms for report in reports)
    graph.set((root, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms=conforms, results=tuple(sorted(results)), report_graph=graph)


def validate_in_shares(index: UnionIndex, *, size: int = SHARE_SIZE, workers: int | None = None,
                       meanwhile: Callable[[], object] = lambda: None) -> ValidationReport:
    """The report of a whole validation of the union ``index`` holds, validated in shares of
    about ``size`` statements on ``workers`` forked processes (default one per core) while this
    one runs ``meanwhile()``.

    The last shares go first: they hold the shared graphs (findings, entities), whose nodes
    read more of the others and take longest, so no core waits on one at the end.
    """
    shares = plan_shares(index, size)

    def work(number: int) -> ValidationReport:
        return validate_share(index, shares[number])

    tasks = list(reversed(range(len(shares))))
    return merge_reports(forked_map(work, tasks, workers or worker_count(), ordered=False, meanwhile=meanwhile))
