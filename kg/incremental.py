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
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import rdflib
import shifty
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from kg.namespaces import bind_prefixes
from kg.validate import (
    ValidationReport, copy_description, load_class_hierarchy, load_shapes, read_violation, validate_ntriples,
)

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
        # Patterns come with a subject or an object almost always: index the adds by both, so
        # that a lookup costs what it finds, not the size of the change.
        self.adds_by_subject: dict = defaultdict(list)
        self.adds_by_object: dict = defaultdict(list)
        for quad in self.adds:
            self.adds_by_subject[quad.subject].append(quad)
            self.adds_by_object[quad.object].append(quad)

    def before(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Published quads matching the pattern."""
        return iter(()) if self.store is None else published(self.store, s, p, o)

    def after(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Quads matching the pattern once the change is applied."""
        for quad in self.before(s, p, o):
            if quad not in self.removes and quad not in self.adds:
                yield quad
        added = self.adds_by_subject.get(s, ()) if s is not None else self.adds_by_object.get(o, ()) if o is not None else self.adds
        for quad in added:
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
    rdf_type = ox.NamedNode(str(RDF.type))
    for value in values:
        for quad in view.after(value):  # one lookup per value, the predicates sorted out here
            if quad.predicate.value in reach.second_hop:
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
    data = to_ntriples(neighbourhood(view, focus, reach))
    if all(isinstance(node, ox.NamedNode) for node in focus):
        return validate_ntriples(data, shapes=narrow_targets(data, focus))
    # A blank node cannot be named in a query (kg skolemises them away; others may send some):
    # validate every node of the neighbourhood and keep what is said of the focus nodes.
    return keep_focus_nodes(validate_ntriples(data), {to_rdflib(node) for node in focus})


def narrow_targets(data: bytes, focus: set) -> shifty.PreparedValidator:
    """kg's shapes, each targeting only the nodes of ``focus`` that its targets select in ``data``.

    The neighbourhood holds the triples the focus nodes' shapes read, so it also holds nodes
    (their values) with a type but not all their triples: validated as targets, they would
    fail for what the neighbourhood leaves out. So each shape's targets (SHACL 2.1.3) are
    evaluated here, over ``data``, and replaced by ``sh:targetNode`` for the focus nodes they
    select: the engine then validates exactly the focus nodes, each with every shape that a
    full validation would apply to it.
    """
    store = ox.Store()
    store.load(data + b"\n" + load_class_hierarchy(), format=ox.RdfFormat.N_TRIPLES)
    values = " ".join(str(node) for node in focus)
    lines = [untargeted_shapes()]
    for shape, patterns in target_patterns():
        lines += [f"{shape} <{SH.targetNode}> {node} .".encode() for node in targeted(store, patterns, values)]
    return shifty.PreparedValidator(b"\n".join(lines))


@cache
def untargeted_shapes() -> bytes:
    """kg's shapes without their targets, as N-Triples (to which targets are appended)."""
    shapes = load_shapes()
    untargeted = Graph()
    for triple in shapes:
        if triple[1] not in TARGETS:
            untargeted.add(triple)
    return untargeted.serialize(format="nt", encoding="utf-8")


#: The predicates that give a shape its targets (SHACL 2.1.3, and SHACL-AF's sh:target).
TARGETS = frozenset({SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target})


@cache
def target_patterns() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each shape with targets (in N-Triples form), and a graph pattern binding ``?this`` to each
    node one of its targets selects (SHACL 2.1.3: class with subclasses, subjects of, objects
    of, node; SHACL-AF's SPARQL target)."""
    shapes = load_shapes()
    found = []
    for shape in sorted({s for predicate in TARGETS for s in shapes.subjects(predicate)}):
        patterns = [f"?this <{RDF.type}>/<{RDFS.subClassOf}>* <{c}> ." for c in shapes.objects(shape, SH.targetClass)]
        patterns += [f"?this <{p}> ?any ." for p in shapes.objects(shape, SH.targetSubjectsOf)]
        patterns += [f"?any <{p}> ?this ." for p in shapes.objects(shape, SH.targetObjectsOf)]
        patterns += [f"VALUES ?this {{ {node.n3()} }}" for node in shapes.objects(shape, SH.targetNode)]
        patterns += [f"{{ {shapes.value(t, SH.select)} }}" for t in shapes.objects(shape, SH.target)]
        found.append((shape.n3(), tuple(patterns)))
    return tuple(found)


def targeted(store: ox.Store, patterns: Iterable[str], values: str) -> set:
    """The nodes among ``values`` (a VALUES list) that any of ``patterns`` binds to ``?this``."""
    found = set()
    for pattern in patterns:
        query = f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {values} }} {{ {pattern} }} }}"
        found.update(solution["this"] for solution in store.query(query))
    return found


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
