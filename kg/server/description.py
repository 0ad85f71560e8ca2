"""Descriptions of the service itself: the SPARQL 1.1 Service Description and VoID."""

from __future__ import annotations

import pyoxigraph as ox

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FORMATS = "http://www.w3.org/ns/formats/"
RESULT_FORMAT_IRIS = (
    "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
    "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads",
)


def sd(term: str) -> ox.NamedNode:
    """A term of the Service Description vocabulary."""
    return ox.NamedNode(SD + term)


def service_description(endpoint: str, graphs: list[str], *, union_default_graph: bool) -> list[ox.Triple]:
    """The Service Description of ``endpoint`` (SPARQL 1.1 Service Description, section 3).

    >>> triples = service_description("http://127.0.0.1/sparql", [], union_default_graph=True)
    >>> ox.Triple(ox.NamedNode("http://127.0.0.1/sparql"), sd("feature"), sd("UnionDefaultGraph")) in triples
    True
    """
    service = ox.NamedNode(endpoint)
    dataset, default_graph = ox.BlankNode("dataset"), ox.BlankNode("defaultGraph")
    triples = [
        ox.Triple(service, RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultDataset"), dataset),
        ox.Triple(dataset, RDF_TYPE, sd("Dataset")),
        ox.Triple(dataset, sd("defaultGraph"), default_graph),
        ox.Triple(default_graph, RDF_TYPE, sd("Graph")),
    ]
    triples += [ox.Triple(service, sd("resultFormat"), ox.NamedNode(FORMATS + f)) for f in RESULT_FORMAT_IRIS]
    if union_default_graph:
        triples.append(ox.Triple(service, sd("feature"), sd("UnionDefaultGraph")))
    for i, graph in enumerate(graphs):
        named = ox.BlankNode(f"g{i}")
        triples += [
            ox.Triple(dataset, sd("namedGraph"), named),
            ox.Triple(named, RDF_TYPE, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(graph)),
        ]
    return triples


def minimal_void(base: str, sparql_endpoint: str, dumps: list[str], triples: int) -> list[ox.Triple]:
    """A VoID description for a dataset that came without one (served from files).

    >>> len(minimal_void("https://example.org/kg/", "http://h/sparql", ["http://h/dumps/dataset.nq"], 3))
    6
    """
    dataset = ox.NamedNode(base + "void#dataset")
    out = [
        ox.Triple(dataset, RDF_TYPE, ox.NamedNode(VOID + "Dataset")),
        ox.Triple(dataset, ox.NamedNode(VOID + "sparqlEndpoint"), ox.NamedNode(sparql_endpoint)),
        ox.Triple(dataset, ox.NamedNode(VOID + "uriSpace"), ox.Literal(base + "id/")),
        ox.Triple(dataset, ox.NamedNode(VOID + "triples"),
                  ox.Literal(str(triples), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))),
    ]
    out += [ox.Triple(dataset, ox.NamedNode(VOID + "dataDump"), ox.NamedNode(d)) for d in dumps]
    out.append(ox.Triple(dataset, ox.NamedNode(VOID + "rootResource"), ox.NamedNode(base)))
    return out
