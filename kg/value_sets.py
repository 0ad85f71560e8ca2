"""Which of a focus node's value sets a change lets :mod:`kg.incremental` read only in part.

Some value sets grow with the corpus: a figure is reported by every result that repeats it and
``prov:wasDerivedFrom`` each of their articles, a claim has an appearance and an evidence span in
every article that quotes it. A shape that only checks each
value on its own (``sh:class``, ``sh:datatype``, ``sh:in``, ...) plus a ``sh:minCount`` gives,
on a node that conformed, the same results after a change that only *adds* values: the values
already there still pass (their own triples did not change) and the count only grew. So the
neighbourhood of such a node needs only the values the change adds or touches, and enough of the
others to meet the ``sh:minCount``.

:func:`focus_rules` says, for one focus node, which of its paths may be read so and how many old
values each must keep. It reads shapes/ (nothing here names a kg shape, bar one table), and a
path that any shape applying to the node reads in another way (``sh:maxCount``,
``sh:qualifiedValueShape``, ``sh:uniqueLang``, a SPARQL query naming its predicate, ...) is read
whole, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH

from kg.focus_targets import Targets, shape_targets, superclasses
from kg.validate import load_shapes

#: Constraints that judge each value by itself: by the value, its types (sh:class reads
#: rdf:type, which :mod:`kg.incremental` reads on every value) or its own triples.
VALUE_LOCAL = frozenset({
    SH["class"], SH.datatype, SH.nodeKind, SH["in"], SH.pattern, SH.flags, SH.minLength, SH.maxLength,
    SH.languageIn, SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive,
})
#: Constraints on the values of a value's own predicate (a shape nested by sh:node): they read
#: only the value's triples, unchanged when the change does not touch the value.
NESTED_LOCAL = VALUE_LOCAL - {SH["class"]} | {SH.minCount, SH.maxCount, SH.uniqueLang, SH.hasValue}
#: What a shape may say that is no constraint.
PARAMETERS = frozenset({
    RDF.type, RDFS.label, RDFS.comment, SH.path, SH.message, SH.name, SH.description, SH.severity,
    SH.order, SH.group, SH.deactivated,
})
#: Shapes whose SPARQL (target and constraint) judges each triple of the focus node by itself:
#: a triple that conformed still conforms, so triples left out change nothing. A table, since
#: no code can tell that of a query; tests/test_incremental_value_sets.py pins what it reads.
TRIPLE_LOCAL = frozenset({URIRef("https://example.org/kg/ontology#NoHttpsSchemaShape")})

_IRI = re.compile(r"<([^<>\s]+)>")
_ANCHOR = re.compile(r"WHERE\s*\{\s*\?this\s+<([^<>\s]+)>", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """A path of one focus node that may be read in part, and how many old values to keep."""

    predicate: str
    inverse: bool
    keep: int


@dataclass(frozen=True)
class ShapeFacts:
    """What :func:`focus_rules` needs to know of one node shape."""

    targets: Targets  # as :func:`kg.focus_targets.shape_targets` reads them
    anchors: tuple[str | None, ...]  # per SPARQL target: the predicate ?this must be subject of, or None
    prunable: tuple[Rule, ...]  # paths read only value by value
    whole: frozenset[tuple[str, bool]]  # paths read otherwise
    closed: bool  # reads every predicate of the focus node


@cache
def shape_facts() -> tuple[ShapeFacts, ...]:
    """Facts on every shape of shapes/ with targets."""
    shapes = load_shapes()
    return tuple(read_facts(shapes, targets) for targets in shape_targets())


def read_facts(shapes: Graph, targets: Targets) -> ShapeFacts:
    """The :class:`ShapeFacts` of one node shape with targets."""
    shape = targets.shape
    anchors = [match.group(1) if (match := _ANCHOR.search(select)) else None for select in targets.queries]
    rules: dict[tuple[str, bool], int] = {}
    whole: set[tuple[str, bool]] = set()
    closed = shapes.value(shape, SH.closed) == Literal(True)
    if shapes.value(shape, SH.path) is not None:  # a targeted property shape: read its path whole
        whole.update((str(iri), inverse) for iri in path_iris(shapes, shapes.value(shape, SH.path)) for inverse in (False, True))
    for node_shape in node_level_shapes(shapes, shape):
        closed |= shapes.value(node_shape, SH.closed) == Literal(True)
        if node_shape not in TRIPLE_LOCAL:
            for query in sparql_texts(shapes, node_shape):
                whole.update((iri, inverse) for iri in query_iris(shapes, query) for inverse in (False, True))
        for prop in shapes.objects(node_shape, SH.property):
            path = shapes.value(prop, SH.path)
            key = simple_path(shapes, path)
            if key is None:
                whole.update((str(iri), inverse) for iri in path_iris(shapes, path) for inverse in (False, True))
            elif is_value_local(shapes, prop):
                rules[key] = max(rules.get(key, 0), int(shapes.value(prop, SH.minCount) or 0))
            else:
                whole.add(key)
    return ShapeFacts(
        targets=targets,
        anchors=tuple(anchors),
        prunable=tuple(Rule(p, inverse, keep) for (p, inverse), keep in sorted(rules.items()) if (p, inverse) not in whole),
        whole=frozenset(whole),
        closed=closed,
    )


def node_level_shapes(shapes: Graph, shape) -> list:
    """``shape`` and the shapes it applies to the focus node itself (sh:node, sh:and, sh:or, ...)."""
    found, todo = [], [shape]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.append(current)
        todo.extend(shapes.objects(current, SH.node))
        todo.extend(shapes.objects(current, SH["not"]))
        for operator in (SH["and"], SH["or"], SH.xone):
            for members in shapes.objects(current, operator):
                todo.extend(Collection(shapes, members))
    return found


def query_iris(shapes: Graph, text: str) -> set[str]:
    """The IRIs a SPARQL query of kg's shapes names: what it can read.

    kg's queries write every IRI in full; a shapes graph that declares prefixes for its queries
    (``sh:prefixes``) could hide a predicate behind a prefixed name, and what is read in part
    would then miss it, so it is refused rather than read wrongly.

    >>> sorted(query_iris(Graph(), "SELECT ?this WHERE { ?this <http://x/p> ?v ; a <http://x/C> }"))
    ['http://x/C', 'http://x/p']
    """
    if (None, SH.prefixes, None) in shapes:
        raise ValueError("shapes/: SPARQL with sh:prefixes; kg's shape queries must write IRIs in full")
    return set(_IRI.findall(text))


def sparql_texts(shapes: Graph, shape) -> list[str]:
    """The SPARQL of a shape's targets and constraints."""
    texts = [str(shapes.value(t, SH.select) or "") for t in shapes.objects(shape, SH.target)]
    return texts + [str(shapes.value(c, p) or "") for c in shapes.objects(shape, SH.sparql) for p in (SH.select, SH.ask)]


def simple_path(shapes: Graph, path) -> tuple[str, bool] | None:
    """``(predicate, inverse)`` of a predicate path or an inverse one; None for any other path."""
    if isinstance(path, URIRef):
        return str(path), False
    inverse = shapes.value(path, SH.inversePath) if isinstance(path, BNode) else None
    if isinstance(inverse, URIRef) and len(list(shapes.predicate_objects(path))) == 1:
        return str(inverse), True
    return None


def path_iris(shapes: Graph, path) -> set:
    """Every IRI in a path expression (a sequence is an RDF list, the others blank nodes)."""
    if isinstance(path, URIRef):
        return {path}
    found = set()
    for _, predicate, value in shapes.triples((path, None, None)):
        if predicate not in (RDF.first, RDF.rest) and isinstance(value, URIRef) and value != RDF.nil:
            found.add(value)
        if isinstance(value, BNode) or predicate in (RDF.first, RDF.rest):
            found |= path_iris(shapes, value) if value != RDF.nil else set()
    return found


def is_value_local(shapes: Graph, prop) -> bool:
    """Whether a property shape judges each value by itself, bar one sh:minCount."""
    for predicate, value in shapes.predicate_objects(prop):
        if predicate in PARAMETERS or predicate in VALUE_LOCAL or predicate == SH.minCount:
            continue
        if predicate in (SH["or"], SH["and"], SH.xone):
            if not all(is_member_local(shapes, m) for m in Collection(shapes, value)):
                return False
        elif predicate in (SH.node, SH["not"]):
            if not is_member_local(shapes, value):
                return False
        else:
            return False
    return True


def is_member_local(shapes: Graph, member) -> bool:
    """Whether a shape applied to a value reads only that value, its types and its own triples."""
    for predicate, value in shapes.predicate_objects(member):
        if predicate in PARAMETERS or predicate in VALUE_LOCAL:
            continue
        if predicate != SH.property:
            return False
        if not isinstance(shapes.value(value, SH.path), URIRef):
            return False
        if any(p not in PARAMETERS and p not in NESTED_LOCAL for p, _ in shapes.predicate_objects(value)):
            return False
    return True


#: Constraints whose object names a predicate read on the focus node (SHACL 4.5 property pairs).
PAIR_CONSTRAINTS = (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals)


@cache
def own_predicates() -> frozenset[str]:
    """Every predicate a shape may read on a focus node by name: paths, property pairs, targets
    (subjects of) and the IRIs of SPARQL queries, and ``rdf:type`` (class targets, sh:class).

    A node read in part reads only these, plus what the change adds to it: any other triple is
    read only by a shape that reads every predicate, and those are either closed (then nothing is
    read in part, see :func:`focus_rules`) or judge each triple by itself (``TRIPLE_LOCAL``),
    and an old triple that conformed still does.

    >>> predicates = own_predicates()
    >>> "http://www.w3.org/ns/prov#wasDerivedFrom" in predicates, "http://schema.org/appearance" in predicates
    (True, True)
    """
    shapes = load_shapes()
    found = {str(RDF.type)}
    for path in shapes.objects(None, SH.path):
        found.update(str(iri) for iri in path_iris(shapes, path))
    for predicate in (*PAIR_CONSTRAINTS, SH.targetSubjectsOf):
        found.update(str(iri) for iri in shapes.objects(None, predicate) if isinstance(iri, URIRef))
    for predicate in (SH.select, SH.ask):
        for query in shapes.objects(None, predicate):
            found.update(query_iris(shapes, str(query)))
    return frozenset(found)


def focus_rules(node: str, types: set[str], has_out, has_in) -> tuple[Rule, ...] | None:
    """The paths of ``node`` that may be read in part, given its types; None when none may.

    ``has_out(p)`` / ``has_in(p)`` say whether the node is the subject / object of a ``p``
    triple (after the change): what the targets other than classes select by.
    """
    classes = set().union(*(superclasses().get(t, {t}) for t in types)) if types else set()
    rules: dict[tuple[str, bool], Rule] = {}
    whole: set[tuple[str, bool]] = set()
    for facts in shape_facts():
        targets = facts.targets
        applies = (
            bool(targets.classes & classes) or node in targets.nodes
            or any(has_out(p) for p in targets.subjects_of) or any(has_in(p) for p in targets.objects_of)
            or any(anchor is None or has_out(anchor) for anchor in facts.anchors)
        )
        if not applies:
            continue
        if facts.closed:
            return None
        whole |= facts.whole
        for rule in facts.prunable:
            known = rules.get((rule.predicate, rule.inverse))
            rules[(rule.predicate, rule.inverse)] = rule if known is None or known.keep < rule.keep else known
    kept = tuple(rule for key, rule in sorted(rules.items()) if key not in whole)
    return kept or None
