"""Named queries over HTTP: ``/queries`` lists them, ``/queries/{name}`` runs one.

A browser gets an HTML page with a form for the parameters and the results as a table;
other clients get the results in the format they negotiate (``?format=json``, ``csv``,
``turtle``, ...), exactly as ``/sparql`` would answer the same query.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response

from kg.queries import ParameterError, bind_parameters
from kg.server import negotiation
from kg.server.protocol import ProtocolError, answer_response, run_job, time_limit_s
from kg.server.jobs import QueryJob, RowsJob

router = APIRouter()
RESERVED = {"format", "output", "timeout"}


@router.get("/queries")
async def list_queries(request: Request) -> Response:
    """The named queries, as JSON (browsers see them on the home page)."""
    state = request.app.state.kg
    return JSONResponse(
        [
            {"name": q.name, "title": q.title, "description": q.description,
             "params": [{"name": p.name, "type": p.type} for p in q.params],
             "url": str(request.url_for("run_named_query", name=q.name))}
            for q in state.queries.values()
        ]
    )


@router.get("/queries/{name}")
async def run_named_query(name: str, request: Request) -> Response:
    """Run a named query with the parameters of the URL; HTML for browsers."""
    state = request.app.state.kg
    query = state.queries.get(name)
    if query is None:
        return PlainTextResponse(f"no named query {name!r} (see /queries)", 404)
    values = dict(request.query_params)
    override = values.get("format") or values.get("output")
    html = override == "html" or (not override and negotiation.prefers_html(request.headers.get("accept")))
    try:
        bindings = bind_parameters(query, values)
        limit = time_limit_s({k: [v] for k, v in values.items() if k == "timeout"},
                             int(state.settings["query_time_limit_ms"]))
        if html:
            variables, rows = await run_job(state.pool, RowsJob(query.text, bindings, int(state.settings["max_rows"])), limit)
            return state.templates.TemplateResponse(
                request, "named_query.html",
                {"state": state, "query": query, "values": values, "variables": variables, "rows": rows},
            )
        job = QueryJob(query.text, request.headers.get("accept"), override, True,
                       max_rows=int(state.settings["max_rows"]), bindings=bindings)
        answer = await run_job(state.pool, job, limit)
    except ParameterError as error:
        return PlainTextResponse(str(error), 400)
    except ProtocolError as error:
        return PlainTextResponse(str(error), error.status)
    return answer_response(answer, int(state.settings["max_rows"]))
