"""Linked-data pages: the home page, every minted IRI, VoID and the dumps.

``/id/...`` and ``/graph/...`` answer for ``{base}id/...`` and ``{base}graph/...``: HTML for
browsers, Turtle, JSON-LD or N-Triples for machines (with ``Link: rel=alternate`` to each).
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response

from kg.namespaces import sparql_prologue
from kg.server import description, negotiation, results
from kg.server.app import DEFAULT_QUERY, render_error
from kg.server.evidence import group_statements, join_evidence, labels_by_language, local_path, values_block
from kg.server.jobs import QueryJob
from kg.server.protocol import ProtocolError, answer_response, run_job
from kg.store import RDF_FORMATS

router = APIRouter()
PAGE_FORMATS = tuple(f for f in negotiation.GRAPH_FORMATS if f.name in ("turtle", "jsonld", "ntriples"))

COUNTS = sparql_prologue() + """
SELECT ?what (COUNT(DISTINCT ?x) AS ?n) WHERE {
  { ?x a schema:NewsArticle BIND("articles" AS ?what) }
  UNION { ?x a schema:Claim BIND("claims" AS ?what) }
  UNION { ?x a kg:ReportedResult BIND("results" AS ?what) }
  UNION { ?x a kg:ResultComparison BIND("findings" AS ?what) }
  UNION { VALUES ?t { schema:Person schema:Organization schema:GovernmentOrganization
                      schema:PoliticalParty schema:Country schema:Event } ?x a ?t BIND("entities" AS ?what) }
  UNION { GRAPH ?x { ?s ?p ?o } BIND("graphs" AS ?what) }
} GROUP BY ?what"""
QUADS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # distinct triples of the union of all graphs
# ?entity is bound by a VALUES block at the start of each WHERE clause (kg.server.jobs), so it
# is a variable of the top-level group, and each SELECT keeps it in its projection.
ARTICLES = sparql_prologue() + """
SELECT ?article (SAMPLE(?h) AS ?headline) (SAMPLE(?l) AS ?language) (SAMPLE(?d) AS ?date) WHERE {
  ?article a schema:NewsArticle .
  OPTIONAL { ?article schema:headline ?h } OPTIONAL { ?article schema:inLanguage ?l }
  OPTIONAL { ?article schema:datePublished ?d }
} GROUP BY ?article ORDER BY ?date ?article"""
OUTGOING = "SELECT ?entity ?p ?o ?g WHERE { GRAPH ?g { ?entity ?p ?o } } ORDER BY ?p ?o LIMIT 1000"
INCOMING = "SELECT ?entity ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ?entity } } ORDER BY ?p ?s LIMIT 500"
GRAPH_SIZE = "SELECT ?entity (COUNT(*) AS ?n) WHERE { GRAPH ?entity { ?s ?p ?o } } GROUP BY ?entity"
NAMES = sparql_prologue() + """
SELECT ?entity ?x (SAMPLE(?n) AS ?name) WHERE {
  { ?entity ?p ?x } UNION { ?x ?p ?entity } UNION { ?a schema:mentions ?entity, ?x }
  ?x schema:name|schema:headline ?n
} GROUP BY ?entity ?x"""
# An entity's statements come in three queries, joined in Python (kg.server.evidence): a
# statement's texts, shares or role names joined with its evidence spans and the article texts
# in one query multiplied into each other (a body of electoral staff with 6 statements: over
# 300 rows, each carrying a whole article, 5 s at 1,000 articles, past the time limit).
EVIDENCE = sparql_prologue() + """
SELECT ?entity ?statement ?type ?article ?headline ?b ?e ?context WHERE {
  # The entity's own statements or, on a claim's page, the statement itself: the zero-length
  # step of the path. (A UNION branch BIND(?entity AS ?statement) sees ?entity unbound and
  # matches every statement; a FILTER over all statements is right but 3-6x slower.)
  ?statement (schema:author|kg:candidate|kg:holder)? ?entity .
  ?statement a ?type ; kg:evidence ?span .
  ?span nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?context .
  ?article kg:text ?context .
  OPTIONAL { ?article schema:headline ?headline }
} ORDER BY ?type ?statement ?article ?b LIMIT 300"""
#: What each statement says (one row per statement), for the statements in the VALUES block.
SUMMARIES = sparql_prologue() + """
SELECT ?statement (MIN(?t) AS ?text) (MIN(?s) AS ?share) (MIN(?r) AS ?role) WHERE {
  VALUES_BLOCK
  OPTIONAL { ?statement schema:text ?t }
  OPTIONAL { ?statement kg:shareAsWritten ?s }
  OPTIONAL { ?statement kg:roleName ?r }
} GROUP BY ?statement"""
#: The text of each article context in the VALUES block (once each, however many spans it holds).
STRINGS = sparql_prologue() + "SELECT ?context ?string WHERE { VALUES_BLOCK ?context nif:isString ?string }"
TOGETHER = sparql_prologue() + """
SELECT ?entity ?other (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  ?article schema:mentions ?entity, ?other . FILTER(?other != ?entity)
} GROUP BY ?entity ?other ORDER BY DESC(?articles) ?other LIMIT 30"""


def wants_html(request: Request) -> bool:
    """Whether to answer with a page: ``?format=html`` or a browser's Accept."""
    override = request.query_params.get("format") or request.query_params.get("output")
    return override == "html" if override else negotiation.prefers_html(request.headers.get("accept"))


@router.get("/")
async def home(request: Request) -> Response:
    """What the dataset is, its counts, named queries, a query editor, dumps and VoID."""
    state = request.app.state.kg
    _, count_rows = await state.rows(COUNTS, max_rows=0)
    counts = {row["what"]["value"]: int(row["n"]["value"]) for row in count_rows}
    _, quad_rows = await state.rows(QUADS, max_rows=0)
    counts["triples"] = int(quad_rows[0]["n"]["value"]) if quad_rows else 0
    if not wants_html(request):
        return JSONResponse({"title": state.dataset.title, "base": state.base, "counts": counts,
                             "queries": [q.name for q in state.queries.values()],
                             "dumps": [f"/dumps/{d}" for d in state.dataset.dumps], "void": "/void"})
    _, articles = await state.rows(ARTICLES, max_rows=500)
    return state.templates.TemplateResponse(request, "home.html", {
        "state": state, "counts": counts, "articles": articles, "query": DEFAULT_QUERY, "local": local_path,
    })


async def entity_response(request: Request, path: str) -> Response:
    """The page or the RDF description of ``{base}{path}``; 404 when the graph never mentions it."""
    state = request.app.state.kg
    iri = state.base + path
    bind = {"entity": ("iri", iri, None)}
    try:
        _, outgoing = await state.rows(OUTGOING, bind, max_rows=0)
        _, incoming = await state.rows(INCOMING, bind, max_rows=0)
        _, size = await state.rows(GRAPH_SIZE, bind, max_rows=0)
    except ValueError:
        return render_error(request, 404, f"not an IRI of this graph: {iri}")
    graph_triples = int(size[0]["n"]["value"]) if size else 0
    if not outgoing and not incoming and not graph_triples:
        return render_error(request, 404, f"{iri} is not in this graph")
    alternates = ", ".join(f'<{request.url.path}?format={f.aliases[0]}>; rel="alternate"; type="{f.media_types[0]}"'
                           for f in PAGE_FORMATS)
    headers = {"Link": alternates, "Vary": "Accept"}
    if not wants_html(request):
        override = request.query_params.get("format") or request.query_params.get("output")
        job = QueryJob("CONSTRUCT { ?entity ?p ?o } WHERE { ?entity ?p ?o }", request.headers.get("accept"),
                       override, bindings=bind)
        try:
            answer = await run_job(state.pool, job, state.time_limit_s)
        except ProtocolError as error:
            return PlainTextResponse(str(error), error.status)
        if answer.format is not None and answer.format not in PAGE_FORMATS and not override:
            answer = await run_job(state.pool, QueryJob(job.sparql, None, "turtle", bindings=bind), state.time_limit_s)
        response = answer_response(answer, 0)
        response.headers.update(headers)
        return response
    _, names = await state.rows(NAMES, bind, max_rows=0)
    statements = await entity_statements(state, bind)
    _, together = await state.rows(TOGETHER, bind, max_rows=0)
    name_of = {row["x"]["value"]: row["name"]["value"] for row in names}
    context = {
        "state": state, "iri": iri, "outgoing": outgoing, "incoming": incoming, "graph_triples": graph_triples,
        "labels": labels_by_language(outgoing), "statements": group_statements(statements),
        "together": together, "name_of": name_of, "local": lambda v: local_path(v, state.base),
        "alternates": PAGE_FORMATS,
    }
    return state.templates.TemplateResponse(request, "entity.html", context, headers=headers)


async def entity_statements(state, bind: dict) -> list[dict]:
    """The rows the entity page's statements are grouped from: evidence spans with what each says."""
    _, evidence = await state.rows(EVIDENCE, bind, max_rows=0)
    if not evidence:
        return []
    statements = values_block("statement", [row["statement"]["value"] for row in evidence])
    contexts = values_block("context", [row["context"]["value"] for row in evidence])
    _, summaries = await state.rows(SUMMARIES.replace("VALUES_BLOCK", statements), max_rows=0)
    _, strings = await state.rows(STRINGS.replace("VALUES_BLOCK", contexts), max_rows=0)
    return join_evidence(evidence, summaries, strings)


@router.get("/id/{path:path}")
async def thing_page(path: str, request: Request) -> Response:
    return await entity_response(request, "id/" + path)


@router.get("/graph/{path:path}")
async def graph_page(path: str, request: Request) -> Response:
    return await entity_response(request, "graph/" + path)


@router.get("/void")
@router.get("/.well-known/void")
async def void(request: Request) -> Response:
    """The VoID description of the dataset, in the RDF syntax negotiated (Turtle by default)."""
    state = request.app.state.kg
    fmt = negotiation.negotiate(request.headers.get("accept"), request.query_params.get("format"),
                                negotiation.GRAPH_FORMATS)
    if fmt is None:
        return PlainTextResponse("Not Acceptable", 406)
    if state.dataset.void is not None:
        import pyoxigraph as ox

        triples = list(ox.parse(path=str(state.dataset.void), format=RDF_FORMATS[".ttl"]))
    else:
        _, quads = await state.rows(QUADS, max_rows=0)
        root = str(request.base_url)
        triples = description.minimal_void(state.base, root + "sparql", [root + "dumps/" + d for d in state.dataset.dumps],
                                           int(quads[0]["n"]["value"]))
    body, _, _ = results.serialize_triples(triples, fmt.name, 0)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


@router.get("/dumps/{name}")
async def dump(name: str, request: Request) -> Response:
    """A dump file of the dataset, labelled with its media type."""
    state = request.app.state.kg
    path = state.dataset.dumps.get(name)
    if path is None:
        return PlainTextResponse(f"no dump {name!r}; there are: {', '.join(state.dataset.dumps)}", 404)
    media = {f.extension: f.media_types[0] for f in negotiation.GRAPH_FORMATS}
    media_type = media.get(path.suffix.lstrip("."), "application/octet-stream")
    return FileResponse(path, media_type=media_type, filename=name)
