"""Writing a built dataset to disk: every graph in the standard syntaxes, and its VoID.

A dataset folder holds::

    dataset.nq      all graphs, N-Quads, sorted (the canonical dump: two builds compare equal)
    dataset.trig    all graphs, TriG
    dataset.jsonld  all graphs, JSON-LD
    union.ttl       the union of all graphs as one Turtle graph
    void.ttl        a VoID description with counts
    build.json      what was built, from what, with which base IRI and version
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from kg.iris import short_hash
from kg.namespaces import DCTERMS, PREFIXES, PROV, RDF, VOID, XSD

#: The dump files of a dataset, their formats, and whether they keep the named graphs.
DUMPS = (
    ("dataset.nq", RdfFormat.N_QUADS, True),
    ("dataset.trig", RdfFormat.TRIG, True),
    ("dataset.jsonld", RdfFormat.JSON_LD, True),
    ("union.ttl", RdfFormat.TURTLE, False),
)
VOID_FILE = "void.ttl"
SUMMARY_FILE = "build.json"
PREFIX_MAP = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def canonical_order(quads: Iterable[Quad]) -> list[Quad]:
    """The quads without duplicates, in the order of their N-Quads lines (so dumps are stable)."""
    return sorted(set(quads), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def union_triples(quads: list[Quad]) -> list[Triple]:
    """The union of the graphs of ``quads``: each triple once, in a stable order."""
    return sorted({q.triple for q in quads}, key=str)


@dataclass
class UnionCounts:
    """What VoID counts in the union of a dataset's graphs; classes and properties as terms."""

    triples: int
    subjects: int
    objects: int
    entities: int
    classes: Counter
    properties: Counter


def count_statements(statements: list[str]) -> UnionCounts:
    """The VoID counts of the union given as N-Triples statements ``S P O`` without the final dot.

    One N-Triples form per term, so counting the text counts the terms; only the few classes
    and properties are parsed back into terms.

    >>> c = count_statements(['<http://a> <http://p> "x y"', f'<http://a> <{RDF.type}> <http://C>'])
    >>> c.triples, c.subjects, c.objects, c.entities, dict(c.classes)
    (2, 1, 2, 1, {<NamedNode value=http://C>: 1})
    """
    rdf_type = f"<{RDF.type}>"
    subjects, objects, typed = set(), set(), set()
    classes: Counter = Counter()
    properties: Counter = Counter()
    for statement in statements:
        # Subjects and predicates hold no spaces (IRIs, blank nodes); the object is the rest.
        subject, predicate, obj = statement.split(" ", 2)
        subjects.add(subject)
        objects.add(obj)
        properties[predicate] += 1
        if predicate == rdf_type:
            typed.add(subject)
            classes[obj] += 1
    return UnionCounts(
        triples=len(statements), subjects=len(subjects), objects=len(objects), entities=len(typed),
        classes=Counter({parse_term(term): n for term, n in classes.items()}),
        properties=Counter({parse_term(term): n for term, n in properties.items()}),
    )


def parse_term(text: str):
    """The pyoxigraph term an N-Triples term ``text`` writes.

    >>> parse_term('"5"^^<http://www.w3.org/2001/XMLSchema#integer>').value
    '5'
    """
    statement = f"<urn:kg:s> <urn:kg:p> {text} .".encode("utf-8")
    return next(iter(parse(statement, format=RdfFormat.N_TRIPLES))).object


def write_text_dumps(nquads: Iterable[bytes], ntriples: bytes, folder: Path) -> None:
    """Write every dump file from the canonical N-Quads (in chunks) and the union as N-Triples.

    The other syntaxes are pyoxigraph's serialisers fed the quads parsed back from the text, in
    the same order; parsing is cheaper than building Python quads, and streams.
    """
    with open(folder / "dataset.nq", "wb") as out:
        out.writelines(nquads)
    for name, rdf_format, keeps_graphs in DUMPS:
        if rdf_format == RdfFormat.N_QUADS:
            continue
        source = (parse(path=folder / "dataset.nq", format=RdfFormat.N_QUADS) if keeps_graphs
                  else parse(ntriples, format=RdfFormat.N_TRIPLES))
        serialize(source, folder / name, rdf_format, prefixes=PREFIX_MAP)


def describe_dataset(counts: UnionCounts, *, base: str, run: NamedNode) -> list[Triple]:
    """The VoID description of a dataset whose union has ``counts``."""
    dataset = NamedNode(base + "dataset")
    classes, properties = counts.classes, counts.properties

    def term(value) -> NamedNode:
        return NamedNode(str(value))

    def count(value: int) -> Literal:
        return Literal(str(value), datatype=term(XSD.integer))

    description = [
        (term(RDF.type), term(VOID.Dataset)),
        (term(DCTERMS.title), Literal("kg: what news articles say about elections", language="en")),
        (term(VOID.uriSpace), Literal(base + "id/")),
        (term(VOID.sparqlEndpoint), NamedNode(base + "sparql")),
        (term(VOID.triples), count(counts.triples)),
        (term(VOID.distinctSubjects), count(counts.subjects)),
        (term(VOID.distinctObjects), count(counts.objects)),
        (term(VOID.classes), count(len(classes))),
        (term(VOID.properties), count(len(properties))),
        (term(VOID.entities), count(counts.entities)),
        (term(PROV.wasGeneratedBy), run),
    ]
    out = [Triple(dataset, p, o) for p, o in description]
    for name, _, _ in DUMPS:
        out.append(Triple(dataset, term(VOID.dataDump), NamedNode(f"{base}dumps/{name}")))
    for cls, n in sorted(classes.items(), key=lambda item: str(item[0])):
        partition = NamedNode(f"{base}dataset#class-{_fragment(cls.value)}")
        out += [
            Triple(dataset, term(VOID.classPartition), partition),
            Triple(partition, term(VOID["class"]), cls),
            Triple(partition, term(VOID.entities), count(n)),
        ]
    for prop, n in sorted(properties.items(), key=lambda item: str(item[0])):
        partition = NamedNode(f"{base}dataset#property-{_fragment(prop.value)}")
        out += [
            Triple(dataset, term(VOID.propertyPartition), partition),
            Triple(partition, term(VOID.property), prop),
            Triple(partition, term(VOID.triples), count(n)),
        ]
    return out


def _fragment(iri: str) -> str:
    """A readable, unique fragment for a class or property IRI.

    >>> _fragment("http://schema.org/Person")
    'schema-Person'
    """
    for prefix, namespace in PREFIX_MAP.items():
        if iri.startswith(namespace) and iri[len(namespace):].isidentifier():
            return f"{prefix}-{iri[len(namespace):]}"
    return short_hash(iri)


def write_void(triples: list[Triple], folder: Path) -> None:
    serialize(triples, folder / VOID_FILE, RdfFormat.TURTLE, prefixes=PREFIX_MAP)


def write_summary(summary: dict, folder: Path) -> None:
    (folder / SUMMARY_FILE).write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n")


def read_summary(folder: Path) -> dict:
    """The build.json of a dataset folder."""
    return json.loads((Path(folder) / SUMMARY_FILE).read_text())
