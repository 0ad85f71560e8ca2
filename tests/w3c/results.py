"""Parse expected result files and HTTP answers into one comparable form, :class:`Answer`.

A SELECT answer is a list of solutions (variable name to term, unbound variables left out), an
ASK answer a boolean, a CONSTRUCT or DESCRIBE answer an rdflib Graph. Files and responses are
read with rdflib's parsers; callers run them inside :func:`terms.exact_literals`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from rdflib import RDF, Graph, Namespace
from rdflib.plugins.sparql.results.rdfresults import RDFResultParser
from rdflib.query import Result
from rdflib.term import Node

from .terms import canonical_term

# Result syntaxes by file extension: (media type, rdflib result format).
RESULT_SYNTAXES = {
    "srx": ("application/sparql-results+xml", "xml"),
    "srj": ("application/sparql-results+json", "json"),
    "tsv": ("text/tab-separated-values", "tsv"),
    "csv": ("text/csv", "csv"),
}
# RDF syntaxes by file extension: (media type, rdflib graph format).
GRAPH_SYNTAXES = {
    "nt": ("application/n-triples", "nt"),
    "ttl": ("text/turtle", "turtle"),
    "rdf": ("application/rdf+xml", "xml"),
}
# What an answer may come back as, by media type: ("result" | "graph", rdflib format).
RESPONSE_SYNTAXES = {
    **{media: ("result", fmt) for media, fmt in RESULT_SYNTAXES.values()},
    "application/json": ("result", "json"),
    **{media: ("graph", fmt) for media, fmt in GRAPH_SYNTAXES.values()},
    "application/n-quads": ("graph", "nquads"),
    "application/trig": ("graph", "trig"),
    "application/ld+json": ("graph", "json-ld"),
}
RS = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/result-set#")
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8"


@dataclass
class Answer:
    """What a query gave: solutions, a boolean or a graph."""

    kind: str  # "solutions", "boolean" or "graph"
    variables: tuple[str, ...] = ()
    solutions: list[dict[str, Node]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None


def accept_for(result_iri: str, kind: str) -> str:
    """The Accept header asking for the syntax of the expected result file, or a fitting one.

    Solutions written as an RDF result set (rs:ResultSet in Turtle) are asked for as SPARQL XML.

    >>> accept_for("http://x/agg01.srj", "solutions")
    'application/sparql-results+json'
    >>> accept_for("http://x/graph.ttl", "solutions")
    'application/sparql-results+xml'
    >>> accept_for("http://x/construct01.ttl", "graph") == GRAPH_ACCEPT
    True
    """
    extension = result_iri.rsplit(".", 1)[-1]
    if kind == "graph":
        return GRAPH_ACCEPT
    return RESULT_SYNTAXES.get(extension, RESULT_SYNTAXES["srx"])[0]


def answer_from_result(result: Result) -> Answer:
    """An Answer from a parsed SPARQL result (SELECT or ASK) or RDF result."""
    if result.type == "ASK":
        return Answer("boolean", boolean=bool(result.askAnswer))
    if result.type == "SELECT":
        solutions = [{str(var): canonical_term(term) for var, term in row.items() if term is not None}
                     for row in result.bindings]
        return Answer("solutions", variables=tuple(str(v) for v in result.vars or ()), solutions=solutions)
    return answer_from_graph(result.graph)


def answer_from_graph(graph: Graph) -> Answer:
    """An Answer holding a graph, its literals in canonical form."""
    canonical = Graph()
    for triple in graph:
        canonical.add(tuple(canonical_term(term) for term in triple))
    return Answer("graph", graph=canonical)


def read_expected(result_iri: str, path: Path) -> Answer:
    """The expected answer stored in a result file (.srx, .srj, .tsv, .csv, .ttl, .nt, .rdf)."""
    extension = path.suffix.lstrip(".")
    if extension in RESULT_SYNTAXES:
        with path.open("rb") as source:
            return answer_from_result(Result.parse(source, format=RESULT_SYNTAXES[extension][1]))
    if extension in GRAPH_SYNTAXES:
        graph = Graph()
        graph.parse(path, format=GRAPH_SYNTAXES[extension][1], publicID=result_iri)
        if (None, RDF.type, RS.ResultSet) in graph:  # solutions written in the DAWG result-set vocabulary
            if (None, RS.index, None) in graph:
                raise ValueError(f"{path}: ordered result sets (rs:index) are not supported by this harness")
            return answer_from_result(RDFResultParser().parse(graph))
        return answer_from_graph(graph)
    raise ValueError(f"{path}: unknown result file extension .{extension}")


def media_type(content_type: str | None) -> str:
    """The bare media type of a Content-Type header value.

    >>> media_type("application/sparql-results+json; charset=utf-8")
    'application/sparql-results+json'
    """
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_response(content_type: str | None, body: bytes) -> Answer:
    """The Answer carried by an HTTP response body of the given Content-Type."""
    media = media_type(content_type)
    if media not in RESPONSE_SYNTAXES:
        raise ValueError(f"answer has Content-Type {content_type!r}, not a SPARQL result or RDF syntax")
    kind, rdf_format = RESPONSE_SYNTAXES[media]
    if kind == "result":
        return answer_from_result(Result.parse(BytesIO(body), format=rdf_format))
    graph = Graph()
    graph.parse(data=body, format=rdf_format)
    return answer_from_graph(graph)
