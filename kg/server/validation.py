"""``POST /validate``: the SHACL report on RDF a client sends, before anything enters the graph.

The body is RDF in any common syntax, named by its Content-Type (Turtle, N-Triples, JSON-LD,
RDF/XML, TriG, N-Quads). By default the candidate triples are checked together with the
published graph they would join, and only results on the nodes they affect are reported
(:func:`kg.incremental.validate_change`); ``?context=none`` checks them alone. The report comes
back as JSON (``conforms`` and the results) or as the SHACL report graph in an RDF syntax, by
content negotiation. Bad syntax is a 400 naming the line; a body past ``max_upload_bytes`` a 413.
"""

from __future__ import annotations

import asyncio

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from kg.server import negotiation
from kg.server.negotiation import Format

router = APIRouter()

#: The syntaxes a body may be in: media type -> pyoxigraph format.
INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/x-turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}

#: How a report can be sent: JSON, or the report graph in an RDF syntax (rdflib's plugin name).
REPORT_FORMATS: tuple[Format, ...] = (
    Format("json", ("application/json",), ("json",), "json"),
    Format("turtle", ("text/turtle",), ("turtle", "ttl"), "ttl"),
    Format("json-ld", ("application/ld+json",), ("jsonld", "json-ld"), "jsonld"),
    Format("nt", ("application/n-triples",), ("ntriples", "nt"), "nt"),
    Format("xml", ("application/rdf+xml",), ("rdfxml", "rdf"), "rdf"),
)


class BodyError(Exception):
    """A request body that cannot be taken, with the status to answer."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyError(413, f"the body is {declared} bytes; the limit is {limit} (setting max_upload_bytes)")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise BodyError(413, f"the body passes the limit of {limit} bytes (setting max_upload_bytes)")
    return bytes(body)


def parse_rdf(body: bytes, kind: str, *, base_iri: str, graph: ox.NamedNode | None = None,
              datasets: bool = True) -> list[ox.Quad]:
    """The quads of ``body`` in the syntax of media type ``kind``; BodyError on bad input.

    Triples (and, unless ``datasets`` is false, quads of the default graph) go to ``graph``.

    >>> g = ox.NamedNode("http://g")
    >>> parse_rdf(b"<a> <b> <c> .", "text/turtle", base_iri="http://x/", graph=g)[0].subject
    <NamedNode value=http://x/a>
    >>> parse_rdf(b"<a> <b> .", "text/turtle", base_iri="http://x/")
    Traceback (most recent call last):
    ...
    kg.server.validation.BodyError: line 1: Parser error at line 1 column 9: . is not a valid RDF object
    """
    rdf_format = INPUT_FORMATS.get(kind)
    if rdf_format is None:
        known = ", ".join(INPUT_FORMATS)
        raise BodyError(415, f"unsupported Content-Type {kind or '(none)'!r}: send one of {known}")
    if not datasets and rdf_format.supports_datasets:
        raise BodyError(415, f"{kind} holds several graphs; send one graph (Turtle, N-Triples, JSON-LD, RDF/XML)")
    try:
        quads = list(ox.parse(body, format=rdf_format, base_iri=base_iri, without_named_graphs=False))
    except SyntaxError as error:
        line = f"line {error.lineno}: " if error.lineno else ""
        raise BodyError(400, f"{line}{error.msg}") from None
    except (ValueError, UnicodeDecodeError) as error:
        raise BodyError(400, str(error)) from None
    if graph is None:
        return quads
    return [q if not isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(q.subject, q.predicate, q.object, graph)
            for q in quads]


def report_response(report, request: Request, status: int = 200) -> Response:
    """``report`` as JSON or as RDF, whichever the client's Accept (or ``format=``) prefers."""
    fmt = negotiation.negotiate(request.headers.get("accept"), request.query_params.get("format"), REPORT_FORMATS)
    if fmt is None:
        types = ", ".join(f.media_types[0] for f in REPORT_FORMATS)
        return PlainTextResponse(f"Not Acceptable: a report can be sent as {types}", 406)
    if fmt.name == "json":
        return JSONResponse(report.to_json(), status, headers={"Vary": "Accept"})
    body = report.report_graph.serialize(format=fmt.name)
    return Response(body.encode() if isinstance(body, str) else body, status, media_type=fmt.media_type,
                    headers={"Vary": "Accept"})


CANDIDATES = "candidates"


@router.post("/validate")
async def validate_endpoint(request: Request) -> Response:
    """Validate the RDF in the body against shapes/, with the published graph or (context=none) alone."""
    from kg.incremental import validate_alone, validate_change
    from kg.writes import skolemise

    state = request.app.state.kg
    context = request.query_params.get("context", "published")
    if context not in ("published", "none"):
        return PlainTextResponse(f"context must be 'published' or 'none', got {context!r}", 400)
    try:
        body = await read_body(request, int(state.settings["max_upload_bytes"]))
        graph = ox.NamedNode(state.base + "graph/" + CANDIDATES)
        quads = skolemise(parse_rdf(body, media_type(request), base_iri=state.base, graph=graph), state.base)
    except BodyError as error:
        return PlainTextResponse(str(error), error.status)

    def check():
        if context == "none":
            return validate_alone(quads)
        return validate_change(state.writes.published(), quads)

    report = await asyncio.get_running_loop().run_in_executor(None, check)
    return report_response(report, request)


__all__ = ["router", "BodyError", "parse_rdf", "read_body", "report_response"]
