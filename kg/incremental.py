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

Some value sets grow with the corpus (a figure's results and articles, a claim's
appearances). Where a node's shapes check such a set value by value and the change only
adds to it, the neighbourhood holds only the added and touched values and enough others for the
counts (:mod:`kg.value_sets` says where and why that gives the same report).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import islice

import pyoxigraph as ox
import rdflib
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from kg.focus_targets import focus_markers, focus_validator
from kg.namespaces import bind_prefixes
from kg.value_sets import Rule, focus_rules, own_predicates, query_iris
from kg.validate import (
    ValidationReport, copy_description, load_shapes, read_violation, validate_ntriples,
)

_TYPE = str(RDF.type)  # rdflib makes the IRI anew on each RDF.type: once here, not per triple


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
            second.update(query_iris(shapes, str(text)))
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
        self._subjects: dict = {}  # subject_after's reads
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
        yield from self.added(s, p, o)

    def added(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Quads of ``adds`` matching the pattern, looked up by subject or object when given."""
        candidates = self.adds_by_subject.get(s, ()) if s is not None else self.adds_by_object.get(o, ()) if o is not None else self.adds
        for quad in candidates:
            if (s is None or quad.subject == s) and (p is None or quad.predicate == p) and (o is None or quad.object == o):
                yield quad

    def changed_triples(self) -> set[ox.Triple]:
        """Triples that enter or leave the union of the graphs."""
        changed = set()
        for quad in self.adds:
            if not any(True for _ in self.before(quad.subject, quad.predicate, quad.object)):
                changed.add(quad.triple)
        return changed | self.gone_triples()

    @cache
    def gone_triples(self) -> set[ox.Triple]:
        """Triples that leave the union of the graphs."""
        return {q.triple for q in self.removes if not any(True for _ in self.after(q.subject, q.predicate, q.object))}

    def union_before(self, s=None, p=None, o=None) -> Iterator[ox.Triple]:
        """Published triples of the union matching the pattern, each once."""
        if self.store is None:
            return iter(())
        match_union = getattr(self.store, "match_union", None)
        return match_union(s, p, o) if match_union else unique(q.triple for q in self.before(s, p, o))

    def union_after(self, s=None, p=None, o=None) -> Iterator[ox.Triple]:
        """Triples of the union matching the pattern once the change is applied, each once
        however many graphs state it (a claim quoted by 35 articles is stated in 35 graphs)."""
        gone = self.gone_triples()
        yield from (t for t in self.union_before(s, p, o) if t not in gone)
        yield from (quad.triple for quad in self.added(s, p, o))

    def subject_after(self, subject) -> dict[str, list[ox.Triple]]:
        """The union's triples from ``subject`` after the change, by predicate IRI, read once.

        One read per subject, not one per predicate: a store in memory finds ``s p ?o`` by
        going through every triple of ``s`` (the findings graph has one per article).
        """
        cached = self._subjects.get(subject)
        if cached is None:
            cached = defaultdict(list)
            for triple in self.union_after(subject):
                cached[triple.predicate.value].append(triple)
            self._subjects[subject] = cached
        return cached

    def edges_after(self, out: Iterable[tuple] = (), into: Iterable[tuple] = (), whole: Iterable = ()) -> set[ox.Triple]:
        """The union's triples (after the change) on some paths of some nodes: ``out`` pairs
        (node, predicate IRI) for ``node p ?o``, ``into`` pairs for ``?s p node``, ``whole``
        nodes for all of ``node ?p ?o``.

        Looked up, not queried: a SPARQL VALUES list of such pairs made Oxigraph scan whole
        predicates (0.25 s at 10,000 articles for 8 triples).
        """
        found: set[ox.Triple] = set()
        for node, predicate in out:
            found.update(self.subject_after(node).get(predicate, ()))
        for node, predicate in into:
            found.update(self.union_after(None, ox.NamedNode(predicate), node))
        for node in whole:
            found.update(t for triples in self.subject_after(node).values() for t in triples)
        return found


def unique(items: Iterable) -> Iterator:
    """``items`` without repeats, lazily.

    >>> list(unique([1, 2, 1, 3]))
    [1, 2, 3]
    """
    seen = set()
    for item in items:
        if item not in seen:
            seen.add(item)
            yield item


def is_node(term) -> bool:
    return isinstance(term, (ox.NamedNode, ox.BlankNode))


def affected_nodes(view: ChangedView, changed: Iterable[ox.Triple], reach: Reach) -> set:
    """The focus nodes whose SHACL results a change of ``changed`` triples can alter."""
    nodes, reached = set(), set()
    for triple in changed:
        subject, predicate = triple.subject, triple.predicate.value
        nodes.add(subject)
        if predicate in reach.inverse and is_node(triple.object):
            nodes.add(triple.object)
        if predicate in reach.second_hop:
            reached.add(subject)
    for subject in reached:  # what reaches it depends on the subject only: once each
        for state in (view.before, view.after):
            nodes.update(q.subject for q in state(None, None, subject))
            for inverse in reach.inverse:
                nodes.update(q.object for q in state(subject, ox.NamedNode(inverse)) if is_node(q.object))
    return nodes


#: Values of one path above which a node's value set is read in part where its shapes allow
#: (:mod:`kg.value_sets`): below it, reading them all costs less than working out which to skip.
LARGE = 16


def neighbourhood(view: ChangedView, focus: Iterable, reach: Reach, changed: Iterable[ox.Triple] = ()) -> set[ox.Triple]:
    """The triples (after the change) that validating each of ``focus`` reads.

    A large value set that the node's shapes check value by value is read in part: the values
    the change adds or touches and enough others for the counts (:mod:`kg.value_sets`).
    """
    changed = set(changed)
    # Old values whose own triples changed: a value set read in part keeps them (new nodes
    # join a set only through an added triple, which it keeps anyway).
    touched = {s for s in {t.subject for t in changed} if any(True for _ in view.union_before(s))}
    added = {q.triple for q in view.adds}
    gone = [t for t in changed if t not in added]  # a changed triple is added or gone
    left = {(t.subject, t.predicate, False) for t in gone} | {(t.object, t.predicate, True) for t in gone}
    triples, values = node_edges(view, focus, reach, touched, left)
    second = view.edges_after(out=[(value, p) for value in values for p in reach.second_hop])
    triples |= second
    # the type of what a value points to (sh:class two steps on)
    triples |= view.edges_after(out=[(t.object, _TYPE) for t in second if is_node(t.object)])
    return triples


def node_edges(view: ChangedView, focus: Iterable, reach: Reach, touched: set, left: set) -> tuple[set, set]:
    """The triples out of each focus node and into it on inverse paths, and the values they give.

    Each node's sets are first sized by a few quads; a large one is read in part where its
    shapes allow (:func:`part_of_value_set`), the rest whole. A node with many triples of its
    own that is read in part is read predicate by predicate (those shapes name, and what the
    change adds to it), never all at once: a claim quoted by a thousand articles has thousands.
    """
    in_pairs, whole, partial_edges = set(), set(), []
    lookups: set[tuple] = set()  # (node, predicate IRI): read with one index lookup each
    triples: set[ox.Triple] = set()
    for node in focus:
        out_large = sum(1 for _ in islice(view.union_after(node), LARGE + 1)) > LARGE
        in_large = {p for p in reach.inverse if sum(1 for _ in islice(view.union_after(None, ox.NamedNode(p), node), LARGE + 1)) > LARGE}
        rules = value_rules(view, node) if (out_large or in_large) and isinstance(node, ox.NamedNode) else None
        partial = {} if rules is None else {
            (r.predicate, r.inverse): r.keep for r in rules if (node, ox.NamedNode(r.predicate), r.inverse) not in left}
        if out_large and partial:
            lookups.update((node, p) for p in own_predicates() if (p, False) not in partial)
            partial_edges.extend(q.triple for q in view.added(node))
        elif partial:  # few triples of its own, read at once; the paths read in part left out
            triples.update(t for p, found in view.subject_after(node).items() if (p, False) not in partial for t in found)
        else:
            whole.add(node)
        in_pairs.update((node, p) for p in reach.inverse if (p, True) not in partial)
        for (p, inverted), keep in partial.items():
            partial_edges.extend(part_of_value_set(view, node, ox.NamedNode(p), inverted, keep, touched))
    triples |= view.edges_after(into=in_pairs, whole=whole)
    triples.update(t for node, p in lookups for t in view.union_after(node, ox.NamedNode(p)))
    triples.update(partial_edges)
    focus = set(focus)
    values = {t.object for t in triples if t.subject in focus and is_node(t.object)}
    values |= {t.subject for t in triples if t.object in focus and t.predicate.value in reach.inverse}
    return triples, values


def part_of_value_set(view: ChangedView, node, predicate, inverted: bool, keep: int, touched: set) -> set[ox.Triple]:
    """The triples of one path that a change only adds to: the added ones, those to touched
    values, and ``keep`` others (for a sh:minCount)."""
    def edges(value=None):
        return view.union_after(value, predicate, node) if inverted else view.union_after(node, predicate, value)

    added = view.added(None, predicate, node) if inverted else view.added(node, predicate)
    found = {q.triple for q in added}
    for value in touched:
        found.update(edges(value))
    found.update(islice(edges(), keep))
    return found


def value_rules(view: ChangedView, node) -> tuple[Rule, ...] | None:
    """:func:`kg.value_sets.focus_rules` for ``node`` after the change, read predicate by
    predicate (the node may have thousands of triples)."""
    def has(s, p, o) -> bool:
        return any(True for _ in view.union_after(s, ox.NamedNode(p), o))

    types = {t.object.value for t in view.union_after(node, ox.NamedNode(_TYPE))}
    return focus_rules(node.value, types, has_out=lambda p: has(node, p, None), has_in=lambda p: has(None, p, node))


def validate_change(store, adds: Iterable[ox.Quad] = (), removes: Iterable[ox.Quad] = ()) -> ValidationReport:
    """The SHACL report on the published graph of ``store`` after the change, for the nodes the
    change affects (the module docstring says why that equals a full validation)."""
    view = ChangedView(store, adds, removes)
    reach = shape_reach()
    changed = view.changed_triples()
    focus = affected_nodes(view, changed, reach)
    if not focus:
        return conforming_report()
    triples = neighbourhood(view, focus, reach, changed)
    if all(isinstance(node, ox.NamedNode) for node in focus):
        return validate_ntriples(to_ntriples([*triples, *focus_markers(triples, focus)]), shapes=focus_validator())
    # A blank node cannot be named in a query (kg skolemises them away; others may send some):
    # validate every node of the neighbourhood and keep what is said of the focus nodes.
    return keep_focus_nodes(validate_ntriples(to_ntriples(triples)), {to_rdflib(node) for node in focus})


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
