"""Gated writes: SPARQL 1.1 Update at ``/update``, the Graph Store Protocol at ``/rdf-graphs``,
and new articles at ``/articles``.

All three are off (404) unless a write token is configured (``KG_WRITE_TOKEN`` or
``kg serve --write-token-file``); then every write needs ``Authorization: Bearer TOKEN`` (401
without, 403 with another token; compared in constant time, never logged or echoed). Each write
becomes a :class:`kg.writes.Change`, applied by :func:`kg.writes.apply_change` only if the
graph still conforms (else 422 with the report). Writes run one at a time, in a thread, so
queries keep being answered by the worker processes meanwhile; after a write the workers
reopen the store (see :class:`kg.server.workers.WorkerPool`).
"""

from __future__ import annotations

import asyncio
import hmac
from pathlib import Path
from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from kg.server.jobs import QueryJob, RowsJob
from kg.server.protocol import ProtocolError, answer_response, run_job
from kg.server.validation import BodyError, media_type, parse_rdf, read_body, report_response
from kg.writes import Outcome, WriteError, WriteRefused

router = APIRouter()
TOKEN_VARIABLE = "KG_WRITE_TOKEN"


class WriteService:
    """The store as writers and validators in the server process see it."""

    def __init__(self, location: str | Path, *, base: str, token: str | None) -> None:
        self.location = location
        self.base = base
        self.token = token or None
        self.lock = asyncio.Lock()
        self._writer = None  # the read-write store, opened at the first write
        self._reader = None
        self._reader_generation = None

    @property
    def remote(self) -> bool:
        return str(self.location).startswith(("http://", "https://"))

    @property
    def folder(self) -> Path | None:
        return None if self.remote else Path(self.location)

    def published(self):
        """A store with what is published now, for validating against."""
        from kg.remote import open_location
        from kg.store import store_generation

        if self._writer is not None:
            return self._writer
        if self.remote:
            return open_location(self.location)
        generation = store_generation(self.location)
        if self._reader is None or generation != self._reader_generation:
            self._reader, self._reader_generation = open_location(self.location), generation
        return self._reader

    def writer(self):
        from kg.remote import open_location

        if self._writer is None:
            self._reader = None
            self._writer = open_location(self.location, writable=True)
        return self._writer

    async def write(self, make_change) -> Outcome:
        """Apply ``make_change(store)`` as one validated transaction (one write at a time)."""
        from kg.writes import apply_change

        def work():
            store = self.writer()
            return apply_change(store, make_change(store), folder=self.folder)

        async with self.lock:
            return await asyncio.get_running_loop().run_in_executor(None, work)


def authorise(request: Request) -> Response | None:
    """None when the request carries the write token; otherwise the response refusing it."""
    service: WriteService = request.app.state.kg.writes
    if service.token is None:
        return PlainTextResponse(f"writes are off: the server has no write token (set {TOKEN_VARIABLE})", 404)
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return PlainTextResponse("a write needs Authorization: Bearer <token>", 401,
                                 headers={"WWW-Authenticate": 'Bearer realm="kg"'})
    if not hmac.compare_digest(given.strip().encode(), service.token.encode()):
        return PlainTextResponse("the bearer token is not this server's write token", 403)
    return None


async def run_write(request: Request, make_change, created: bool = False) -> Response:
    """Apply a write and answer: 200/201 with what changed, 422 with the report, 400 on bad input."""
    try:
        outcome = await request.app.state.kg.writes.write(make_change)
    except WriteRefused as refused:
        return report_response(refused.report, request, 422)
    except (WriteError, BodyError) as error:
        return PlainTextResponse(str(error), getattr(error, "status", 400))
    body = {"added": outcome.added, "removed": outcome.removed}
    return JSONResponse(body, 201 if created and outcome.added else 200)


# -- SPARQL 1.1 Update ------------------------------------------------------------------------


@router.post("/update")
async def update_endpoint(request: Request) -> Response:
    """SPARQL 1.1 Update by direct POST (application/sparql-update) or form POST (update=)."""
    from kg.writes import change_from_update

    if (refusal := authorise(request)) is not None:
        return refusal
    state = request.app.state.kg
    try:
        body = await read_body(request, int(state.settings["max_upload_bytes"]))
    except BodyError as error:
        return PlainTextResponse(str(error), error.status)
    kind = media_type(request)
    if kind == "application/sparql-update":
        text = body.decode("utf-8", errors="replace")
    elif kind == "application/x-www-form-urlencoded":
        form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
        if "update" not in form:
            return PlainTextResponse("a form POST to /update needs an update parameter", 400)
        text = form["update"]
    else:
        return PlainTextResponse("send application/sparql-update or an update= form", 415)
    return await run_write(request, lambda store: change_from_update(store, text, base=state.base))


# -- SPARQL 1.1 Graph Store HTTP Protocol -----------------------------------------------------


def target_graph(request: Request) -> ox.NamedNode | None:
    """The graph a Graph Store request names: ``?graph=IRI`` or, for ``?default``, None."""
    params = request.query_params
    if ("graph" in params) == ("default" in params):
        raise ProtocolError(400, "name exactly one graph: ?graph=IRI or ?default")
    if "default" in params:
        return None
    try:
        return ox.NamedNode(params["graph"])
    except ValueError as error:
        raise ProtocolError(400, f"graph is not an IRI: {error}") from None


@router.api_route("/rdf-graphs", methods=["GET", "HEAD", "PUT", "POST", "DELETE"])
async def graph_store(request: Request) -> Response:
    """Read, replace, merge into or delete one graph (SPARQL 1.1 Graph Store HTTP Protocol)."""
    from kg.writes import add_to_graph, drop_graph, replace_graph, skolemise

    state = request.app.state.kg
    if request.method in ("GET", "HEAD"):
        if state.writes.token is None:
            return PlainTextResponse(f"the Graph Store is off: the server has no write token (set {TOKEN_VARIABLE})", 404)
    elif (refusal := authorise(request)) is not None:
        return refusal
    try:
        graph = target_graph(request)
        if request.method in ("GET", "HEAD"):
            return await read_graph(request, graph)
        if graph is None:
            return PlainTextResponse("the default graph is the union of the named graphs: write a named graph", 405,
                                     headers={"Allow": "GET, HEAD"})
        exists = await graph_exists(request, graph)
        if request.method == "DELETE":
            if not exists:
                return PlainTextResponse(f"no graph {graph.value}", 404)
            return await run_write(request, lambda store: drop_graph(store, graph))
        body = await read_body(request, int(state.settings["max_upload_bytes"]))
        quads = skolemise(parse_rdf(body, media_type(request), base_iri=graph.value, graph=graph, datasets=False),
                          state.base)
    except ProtocolError as error:
        return PlainTextResponse(str(error), error.status)
    except BodyError as error:
        return PlainTextResponse(str(error), error.status)
    make = replace_graph if request.method == "PUT" else add_to_graph
    return await run_write(request, lambda store: make(store, graph, quads), created=not exists)


async def graph_exists(request: Request, graph: ox.NamedNode) -> bool:
    rows_job = RowsJob(f"SELECT ?s WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }} LIMIT 1", {}, 1)
    state = request.app.state.kg
    try:
        _, rows = await state.pool.run(rows_job, state.time_limit_s)
    except Exception as error:  # a timeout or a failed worker: say so rather than guess
        raise ProtocolError(503, f"could not look the graph up: {error}") from None
    return bool(rows)


async def read_graph(request: Request, graph: ox.NamedNode | None) -> Response:
    """A graph's triples in the negotiated syntax; 404 for a graph that does not exist."""
    state = request.app.state.kg
    if graph is not None and not await graph_exists(request, graph):
        return PlainTextResponse(f"no graph {graph.value}", 404)
    where = "{ ?s ?p ?o }" if graph is None else f"{{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    job = QueryJob(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {where}", request.headers.get("accept"),
                   request.query_params.get("format"))
    answer = await run_job(state.pool, job, state.time_limit_s)
    if answer.format is not None and answer.format.name in ("trig", "nquads"):
        answer = await run_job(state.pool, QueryJob(job.sparql, None, "turtle"), state.time_limit_s)
    response = answer_response(answer, 0)
    if request.method == "HEAD":
        return Response(status_code=response.status_code, headers=dict(response.headers))
    return response


# -- articles ---------------------------------------------------------------------------------


@router.post("/articles")
async def post_article(request: Request) -> Response:
    """Ingest one article (kg's article format, text/plain): extract, link, validate, add."""
    from kg.articles import ArticleError, decode_article, parse_article
    from kg.ingest import plan_ingest

    if (refusal := authorise(request)) is not None:
        return refusal
    state = request.app.state.kg
    if media_type(request) not in ("text/plain", ""):
        return PlainTextResponse("send the article as text/plain in kg's article format", 415)
    name = request.query_params.get("file", "posted.txt")
    try:
        body = await read_body(request, int(state.settings["max_upload_bytes"]))
        article = parse_article(decode_article(body), path=Path(Path(name).name))
    except BodyError as error:
        return PlainTextResponse(str(error), error.status)
    except (ArticleError, ValueError) as error:
        return PlainTextResponse(f"not an article: {error}", 400)
    iri = f"{state.base}id/article/{article.key}"
    response = await run_write(request, lambda store: plan_ingest(store, [article], base=state.base).change,
                               created=True)
    if response.status_code in (200, 201):
        response = JSONResponse({"article": iri, **_json(response)}, response.status_code,
                                headers={"Location": iri})
    return response


def _json(response: Response) -> dict:
    import json

    return json.loads(response.body)
