"""Validate only the focus nodes of a neighbourhood, each with the shapes a full validation applies.

:mod:`kg.incremental` validates a neighbourhood: the triples its focus nodes' shapes read. It
also holds their values, typed but without all their triples: validated as targets, they would
fail for what the neighbourhood leaves out. So the shapes are prepared once per process with
their targets replaced by markers, and the data says which focus node each shape targets:

- a shape's SHACL Core targets (class with subclasses, subjects of, objects of, node; SHACL
  2.1.3) are evaluated here, on the neighbourhood, and each node they select gets a triple
  ``<FOCUS> <target/N> node``, which the shape's ``sh:targetObjectsOf <target/N>`` selects;
- a SHACL-AF SPARQL target keeps its query, joined with ``<FOCUS> <IS_FOCUS> ?this``, which
  the data states for every focus node.

No shape reads these terms (none is closed; the one that reads every predicate looks for
https://schema.org/ terms), so the markers change no result.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import pyoxigraph as ox
import shifty
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH

from kg.validate import load_ontology, load_shapes

FOCUS = "urn:x-kg:incremental:focus"
IS_FOCUS = "urn:x-kg:incremental:is-focus"
TARGET = "urn:x-kg:incremental:target/"

#: The predicates that give a shape its targets (SHACL 2.1.3, and SHACL-AF's sh:target).
TARGETS = frozenset({SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode, SH.target})


@dataclass(frozen=True)
class Targets:
    """One shape's targets."""

    shape: URIRef
    classes: frozenset[str]
    subjects_of: frozenset[str]
    objects_of: frozenset[str]
    nodes: frozenset[str]
    queries: tuple[str, ...]  # SPARQL targets' SELECT

    @property
    def core(self) -> bool:
        return bool(self.classes or self.subjects_of or self.objects_of or self.nodes)


@cache
def shape_targets() -> tuple[Targets, ...]:
    """Every shape of shapes/ with targets, and its targets."""
    shapes = load_shapes()
    return tuple(
        Targets(
            shape=shape,
            classes=frozenset(str(c) for c in shapes.objects(shape, SH.targetClass)),
            subjects_of=frozenset(str(p) for p in shapes.objects(shape, SH.targetSubjectsOf)),
            objects_of=frozenset(str(p) for p in shapes.objects(shape, SH.targetObjectsOf)),
            nodes=frozenset(str(n) for n in shapes.objects(shape, SH.targetNode)),
            queries=tuple(str(shapes.value(t, SH.select)) for t in shapes.objects(shape, SH.target)),
        )
        for shape in sorted({s for predicate in TARGETS for s in shapes.subjects(predicate)})
    )


@cache
def focus_validator() -> shifty.PreparedValidator:
    """kg's shapes with their targets replaced by the markers (prepared once per process)."""
    shapes = Graph()
    for triple in load_shapes():
        if triple[1] not in TARGETS:
            shapes.add(triple)
    for number, targets in enumerate(shape_targets()):
        if targets.core:
            shapes.add((targets.shape, SH.targetObjectsOf, URIRef(f"{TARGET}{number}")))
        for index, select in enumerate(targets.queries):
            target = BNode(f"focus{number}x{index}")
            shapes.add((targets.shape, SH.target, target))
            shapes.add((target, RDF.type, SH.SPARQLTarget))
            shapes.add((target, SH.select, Literal(f"SELECT DISTINCT ?this WHERE {{ <{FOCUS}> <{IS_FOCUS}> ?this . {{ {select} }} }}")))
    return shifty.PreparedValidator(shapes.serialize(format="nt", encoding="utf-8"))


@cache
def superclasses() -> dict[str, frozenset[str]]:
    """Each class of the ontology with every class it is a subclass of (itself included)."""
    ontology = load_ontology()
    direct: dict[str, set[str]] = {}
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        direct.setdefault(str(sub), set()).add(str(sup))
    closed = {}
    for cls in direct:
        seen, todo = {cls}, [cls]
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        closed[cls] = frozenset(seen)
    return closed


_TYPE, _SUBCLASS = str(RDF.type), str(RDFS.subClassOf)  # an rdflib namespace lookup per triple cost a twentieth


def focus_markers(triples: Iterable[ox.Triple], focus: Iterable) -> list[ox.Triple]:
    """The marker triples saying which shape targets which of ``focus`` in ``triples``."""
    types, out, into, subclass = defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set)
    for t in triples:
        predicate = t.predicate.value
        out[t.subject].add(predicate)
        into[t.object].add(predicate)
        if predicate == _TYPE:
            types[t.subject].add(t.object.value)
        elif predicate == _SUBCLASS:
            subclass[t.subject.value].add(t.object.value)
    marker = ox.NamedNode(FOCUS)
    found = [ox.Triple(marker, ox.NamedNode(IS_FOCUS), node) for node in focus]
    for node in focus:
        iri = node.value if isinstance(node, ox.NamedNode) else None
        for number in targeting_shapes(types[node], out[node], into[node], iri, subclass):
            found.append(ox.Triple(marker, ox.NamedNode(f"{TARGET}{number}"), node))
    return found


def targeting_shapes(types: set[str], out: set[str], into: set[str], iri: str | None,
                     data_subclasses: dict) -> list[int]:
    """The numbers (places in :func:`shape_targets`) of the shapes whose SHACL Core targets select
    a node with ``types``, the subject of ``out`` predicates and the object of ``into`` ones
    (IRIs, unbracketed); ``iri`` is the node's own IRI (None for a blank node).

    >>> person = "http://schema.org/Person"
    >>> [shape_targets()[n].shape.split("#")[1] for n in targeting_shapes({person}, set(), set(), None, {})]
    ['EntityShape']
    """
    classes = set().union(*(class_closure(t, data_subclasses) for t in types)) if types else set()
    return [number for number, targets in enumerate(shape_targets())
            if targets.classes & classes or targets.subjects_of & out or targets.objects_of & into
            or (iri is not None and iri in targets.nodes)]


def class_closure(cls: str, data_subclasses: dict) -> set[str]:
    """``cls`` and every class it is a subclass of, in the ontology or in the data.

    >>> sorted(class_closure("http://schema.org/GovernmentOrganization", {}))
    ['http://schema.org/GovernmentOrganization', 'http://schema.org/Organization']
    """
    seen, todo = {cls}, [cls]
    while todo:
        current = todo.pop()
        for sup in superclasses().get(current, frozenset()) | data_subclasses.get(current, set()):
            if sup not in seen:
                seen.add(sup)
                todo.append(sup)
    return seen
