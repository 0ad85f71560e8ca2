"""Validate a change to the published graph by looking only at what the change can affect.

A change adds and removes quads. SHACL judges the union of the graphs, so what matters is the
triples that appear in, or leave, that union. Which focus nodes can a changed triple
``(a, p, b)`` affect? kg's shapes read, from a focus node ``f``:

- ``f``'s own triples (every path but one is a single predicate from ``f``);
- triples ``(x, q, f)`` for the predicates of inverse paths (``^prov:wasDerivedFrom``);
- a few predicates *of the values* found so (``rdf:type`` for ``sh:class``, the properties the
  SHACL-AF SPARQL targets read on a span's context): the "second hop".

So the affected focus nodes are ``a``; ``b`` when ``p`` is an inverse-path predicate; and, when
``p`` is a second-hop predicate, every node that reaches ``a`` in one step (``x q a``, or
``a q x`` for an inverse-path ``q``). Each of those is validated on the subgraph holding what
its shapes read: its triples, the inverse-path triples into it, the second-hop triples of its
values (and their types). Every other focus node reads nothing that changed, so its result is
what it was, and the published graph conforms (every write keeps it so): the report on the
affected nodes *is* the report a full validation would give. :func:`shape_reach` reads the two
predicate sets from shapes/ itself, so a new shape widens them without a code change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from kg.namespaces import bind_prefixes
from kg.validate import ValidationReport, copy_description, load_shapes, read_violation, validate_ntriples

_IRI_IN_QUERY = re.compile(r"<([^<>\s]+)>")


@dataclass(frozen=True)
class Reach:
    """The predicates kg's shapes follow beyond a focus node's own triples."""

    inverse: frozenset[str]  # followed backwards from the focus node (sh:inversePath)
    second_hop: frozenset[str]  # read on the focus node's values


@cache
def shape_reach() -> Reach:
    """The predicates shapes/ follows backwards, and those it reads on values.

    >>> reach = shape_reach()
    >>> "http://www.w3.org/ns/prov#wasDerivedFrom" in reach.inverse
    True
    >>> sorted(p.rsplit("#", 1)[1] for p in reach.second_hop if "nif-core" in p)
    ['anchorOf', 'beginIndex', 'endIndex', 'isString', 'referenceContext']
    """
    shapes = load_shapes()
    inverse = {str(o) for o in shapes.objects(None, SH.inversePath)}
    second = {str(RDF.type), str(RDFS.subClassOf)}
    for nested in nested_shapes(shapes):
        for path in [shapes.value(nested, SH.path), *(shapes.value(p, SH.path) for p in shapes.objects(nested, SH.property))]:
            if isinstance(path, URIRef):
                second.add(str(path))
    for predicate in (SH.select, SH.ask):
        for text in shapes.objects(None, predicate):
            second.update(_IRI_IN_QUERY.findall(str(text)))
    return Reach(frozenset(inverse), frozenset(second))


def nested_shapes(shapes: Graph) -> set:
    """Shapes applied to a focus node's values: sh:node, qualified, and logical members."""
    found = set(shapes.objects(None, SH.node)) | set(shapes.objects(None, SH.qualifiedValueShape))
    found |= set(shapes.objects(None, SH["not"]))
    for operator in (SH["or"], SH["and"], SH.xone):
        for members in shapes.objects(None, operator):
            found.update(Collection(shapes, members))
    return found


# -- what the store gives back ----------------------------------------------------------------


def published(store, s=None, p=None, o=None, g=None) -> Iterator[ox.Quad]:
    """The store's named-graph quads matching a pattern.

    kg writes only literals in the canonical forms the store keeps (xsd:integer offsets,
    canonical decimals), so what comes back is exactly what was validated and published.
    """
    return store.match(s, p, o, g)


# -- the state after a change -----------------------------------------------------------------


class ChangedView:
    """The published quads after a change: the store's, less ``removes``, plus ``adds``.

    ``store`` is anything with ``match(s, p, o)`` yielding its named-graph quads (a
    :class:`kg.store.QuadStore` or a remote store), or None for "nothing published".
    """

    def __init__(self, store, adds: Iterable[ox.Quad] = (), removes: Iterable[ox.Quad] = ()) -> None:
        self.store = store
        self.adds = set(adds)
        self.removes = set(removes) - self.adds

    def before(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Published quads matching the pattern."""
        return iter(()) if self.store is None else published(self.store, s, p, o)

    def after(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Quads matching the pattern once the change is applied."""
        for quad in self.before(s, p, o):
            if quad not in self.removes and quad not in self.adds:
                yield quad
        for quad in self.adds:
            if (s is None or quad.subject == s) and (p is None or quad.predicate == p) and (o is None or quad.object == o):
                yield quad

    def changed_triples(self) -> set[ox.Triple]:
        """Triples that enter or leave the union of the graphs."""
        changed = set()
        for quad in self.adds:
            if not any(True for _ in self.before(quad.subject, quad.predicate, quad.object)):
                changed.add(quad.triple)
        for quad in self.removes:
            if not any(True for _ in self.after(quad.subject, quad.predicate, quad.object)):
                changed.add(quad.triple)
        return changed


def is_node(term) -> bool:
    return isinstance(term, (ox.NamedNode, ox.BlankNode))


def affected_nodes(view: ChangedView, changed: Iterable[ox.Triple], reach: Reach) -> set:
    """The focus nodes whose SHACL results a change of ``changed`` triples can alter."""
    nodes = set()
    for triple in changed:
        subject, predicate = triple.subject, triple.predicate.value
        nodes.add(subject)
        if predicate in reach.inverse and is_node(triple.object):
            nodes.add(triple.object)
        if predicate in reach.second_hop:
            for state in (view.before, view.after):
                nodes.update(q.subject for q in state(None, None, subject))
                for inverse in reach.inverse:
                    nodes.update(q.object for q in state(subject, ox.NamedNode(inverse)) if is_node(q.object))
    return nodes


def neighbourhood(view: ChangedView, focus: Iterable, reach: Reach) -> set[ox.Triple]:
    """The triples (after the change) that validating each of ``focus`` reads."""
    triples: set[ox.Triple] = set()
    values = set()
    for node in focus:
        for quad in view.after(node):
            triples.add(quad.triple)
            if is_node(quad.object):
                values.add(quad.object)
        for inverse in reach.inverse:
            for quad in view.after(None, ox.NamedNode(inverse), node):
                triples.add(quad.triple)
                values.add(quad.subject)
    second = [ox.NamedNode(p) for p in sorted(reach.second_hop)]
    rdf_type = ox.NamedNode(str(RDF.type))
    for value in values:
        for predicate in second:
            for quad in view.after(value, predicate):
                triples.add(quad.triple)
                if is_node(quad.object):  # the type of what the value points to (sh:class two steps on)
                    triples.update(q.triple for q in view.after(quad.object, rdf_type))
    return triples


def validate_change(store, adds: Iterable[ox.Quad] = (), removes: Iterable[ox.Quad] = ()) -> ValidationReport:
    """The SHACL report on the published graph of ``store`` after the change, for the nodes the
    change affects (the module docstring says why that equals a full validation)."""
    view = ChangedView(store, adds, removes)
    reach = shape_reach()
    focus = affected_nodes(view, view.changed_triples(), reach)
    if not focus:
        return conforming_report()
    report = validate_ntriples(to_ntriples(neighbourhood(view, focus, reach)))
    return keep_focus_nodes(report, {to_rdflib(node) for node in focus})


def validate_alone(quads: Iterable[ox.Quad]) -> ValidationReport:
    """The SHACL report on ``quads`` by themselves (their union), with no published context."""
    return validate_ntriples(to_ntriples({q.triple for q in quads}))


# -- between pyoxigraph and rdflib ------------------------------------------------------------


def to_ntriples(triples: Iterable[ox.Triple]) -> bytes:
    """pyoxigraph triples as N-Triples, what :func:`kg.validate.validate_ntriples` reads."""
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""


def to_rdflib(term) -> rdflib.term.Node:
    """The rdflib form of a pyoxigraph IRI or blank node.

    >>> to_rdflib(ox.NamedNode("http://a"))
    rdflib.term.URIRef('http://a')
    """
    return URIRef(term.value) if isinstance(term, ox.NamedNode) else BNode(term.value)


def conforming_report() -> ValidationReport:
    """The report of a change that affects no focus node."""
    graph = bind_prefixes(Graph())
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(True)))
    return ValidationReport(conforms=True, results=(), report_graph=graph)


def keep_focus_nodes(report: ValidationReport, focus: set) -> ValidationReport:
    """``report`` with only the results whose focus node is in ``focus`` (report graph included)."""
    source = report.report_graph
    kept = [r for r in source.objects(None, SH.result) if source.value(r, SH.focusNode) in focus]
    graph = conforming_report().report_graph
    root = next(graph.subjects(RDF.type, SH.ValidationReport))
    graph.set((root, SH.conforms, Literal(not kept)))
    for result in kept:
        graph.add((root, SH.result, result))
        copy_description(source, graph, result)
    results = tuple(sorted(read_violation(graph, r) for r in kept))
    return ValidationReport(conforms=not kept, results=results, report_graph=graph)
