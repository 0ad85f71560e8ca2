"""The FastAPI application: :func:`create_app` wires the store, the worker pool and the routes.

No module-level app and no global state: everything a handler needs hangs off
``request.app.state.kg`` (a :class:`ServerState`).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from kg.queries import NamedQuery, load_named_queries
from kg.resources import resource_dir
from kg.server import description, negotiation, results
from kg.server.jobs import RowsJob
from kg.server.protocol import takes_fast_path
from kg.server.settings import make_settings
from kg.server.sources import ServedDataset
from kg.server.workers import WorkerPool

HERE = Path(__file__).resolve().parent


class ServerState:
    """What the handlers share: settings, the dataset, the worker pool, templates, named queries."""

    def __init__(self, dataset: ServedDataset, settings: dict, queries: dict[str, NamedQuery]) -> None:
        self.dataset = dataset
        self.settings = settings
        self.base = settings["base_iri"] or dataset.base_iri
        self.queries = queries
        self.pool = WorkerPool(dataset.store_path, int(settings["workers"]), float(settings["inline_ms"]))
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))

    @property
    def time_limit_s(self) -> float:
        return int(self.settings["query_time_limit_ms"]) / 1000

    async def rows(self, sparql: str, bindings: dict | None = None, max_rows: int | None = None):
        """Run a SELECT for a page (under the time limit) and return its variables and rows.

        The row cap is the server's unless ``max_rows`` says otherwise (0: none).
        """
        cap = int(self.settings["max_rows"]) if max_rows is None else max_rows
        job = RowsJob(sparql, bindings or {}, cap)
        return await self.pool.run(job, self.time_limit_s)

    async def graph_names(self) -> list[str]:
        """The named graphs of the dataset."""
        _, rows = await self.rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", max_rows=0)
        return [row["g"]["value"] for row in rows]

    async def describe_service(self, request: Request) -> Response:
        """The Service Description for a bare GET on /sparql; the query page for browsers."""
        accept = request.headers.get("accept")
        override = request.query_params.get("output") or request.query_params.get("format")
        if not override and negotiation.prefers_html(accept):
            return self.templates.TemplateResponse(request, "query.html", {"state": self, "query": DEFAULT_QUERY})
        fmt = negotiation.negotiate(accept, override, negotiation.GRAPH_FORMATS)
        if fmt is None:
            return PlainTextResponse("Not Acceptable", 406)
        endpoint = str(request.url_for("sparql_endpoint"))
        triples = description.service_description(
            endpoint, await self.graph_names(), union_default_graph=bool(self.settings["union_default_graph"])
        )
        body, _, _ = results.serialize_triples(triples, fmt.name, 0)
        return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


DEFAULT_QUERY = """PREFIX schema: <http://schema.org/>
SELECT ?type (COUNT(?thing) AS ?things)
WHERE { ?thing a ?type }
GROUP BY ?type
ORDER BY DESC(?things)"""


CORS = dict(allow_origins=["*"], allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
            allow_headers=["Accept", "Content-Type"], expose_headers=["KG-Truncated", "KG-Rows", "Link"])


class KgApp(FastAPI):
    """The FastAPI app, with SPARQL queries at /sparql answered by a plain ASGI handler first."""

    queries_app = None  # set by create_app: kg.server.fastpath.serve_query (which adds CORS headers itself)
    plans = None  # set by create_app: the fast path's kg.server.fastpath.Plans

    async def __call__(self, scope, receive, send) -> None:
        if takes_fast_path(scope):
            scope["app"] = self
            await self.queries_app(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


def create_app(dataset: ServedDataset, settings: dict | None = None, *, queries_dir: Path | None = None,
               write_token: str | None = None) -> FastAPI:
    """A FastAPI app serving ``dataset`` with ``settings`` (defaults from kg.server.settings).

    Writes (/update, /rdf-graphs, /articles) are on only with a ``write_token`` (else
    ``$KG_WRITE_TOKEN``); see kg.server.writes.
    """
    import os

    from kg.server import fastpath, named, pages, protocol, validation, writes

    settings = settings if settings is not None else make_settings()
    queries = load_named_queries(queries_dir or resource_dir("sparql"))
    state = ServerState(dataset, settings, queries)
    state.writes = writes.WriteService(dataset.store_path, base=state.base,
                                       token=write_token or os.environ.get(writes.TOKEN_VARIABLE))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        await state.pool.start()
        try:
            yield
        finally:
            state.pool.close()
            dataset.close()

    app = KgApp(title=dataset.title, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.state.kg = state
    if settings["cors"]:
        app.add_middleware(CORSMiddleware, **CORS)
    app.queries_app = fastpath.serve_query
    app.plans = fastpath.Plans()
    app.include_router(protocol.router)
    app.include_router(validation.router)
    app.include_router(writes.router)
    app.include_router(named.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app


def render_error(request: Request, status: int, message: str) -> Response:
    """An error page for browsers, plain text for everyone else."""
    if negotiation.prefers_html(request.headers.get("accept")):
        state = request.app.state.kg
        return state.templates.TemplateResponse(
            request, "error.html", {"state": state, "status": status, "message": message}, status_code=status
        )
    return PlainTextResponse(message, status)


__all__ = ["create_app", "ServerState", "render_error", "HTMLResponse"]
