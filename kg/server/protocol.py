"""The SPARQL 1.1 Protocol at ``/sparql``: query by GET, form POST and direct POST.

Handlers only read the request (section 2.1 of the Protocol: the three query operations, with
``default-graph-uri`` and ``named-graph-uri``), hand a :class:`QueryJob` to the worker pool and
turn its answer, or its error, into a response with the status the Protocol asks for.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import parse_qsl

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.datastructures import URL

from kg.server import negotiation
from kg.server.jobs import Answer, QueryJob
from kg.server.workers import QueryTimeout, WorkerFailed

router = APIRouter()
FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
TRUNCATED_HEADER = "KG-Truncated"


class ProtocolError(Exception):
    """A request the Protocol says to refuse, with its status code."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def read_params(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Group repeated parameters: ``[("a", "1"), ("a", "2")]`` -> ``{"a": ["1", "2"]}``.

    >>> read_params([("default-graph-uri", "http://a"), ("default-graph-uri", "http://b")])
    {'default-graph-uri': ['http://a', 'http://b']}
    """
    params: dict[str, list[str]] = {}
    for key, value in pairs:
        params.setdefault(key, []).append(value)
    return params


def single(params: dict[str, list[str]], name: str) -> str | None:
    """The one value of ``name``; more than one is a client error (Protocol 2.1.4).

    >>> single({"query": ["ASK {}"]}, "query")
    'ASK {}'
    >>> single({}, "query") is None
    True
    """
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(400, f"more than one {name} parameter")
    return values[0] if values else None


def decode_utf8(body: bytes) -> str:
    """A request body as text; the Protocol requires UTF-8."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProtocolError(400, f"the request body is not UTF-8: {error}") from None


def media_type_of(request) -> str:
    """The request's Content-Type without parameters, lower-cased."""
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


#: Query strings and form bodies up to this many bytes have their parameters remembered (see
#: :func:`parse_params`); bigger ones are parsed each time.
REMEMBERED_BYTES = 16384


def parse_params(raw: bytes, encoding: str) -> dict[str, list[str]]:
    """The parameters of a query string (``latin-1``) or form body (``utf-8``), grouped by name.

    Clients send the same requests again and again, and decoding a query's percent-escapes costs
    about as much as a point lookup, so small inputs are parsed once (the dict must not be changed).

    >>> parse_params(b"query=ASK%20%7B%7D&timeout=2", "utf-8")
    {'query': ['ASK {}'], 'timeout': ['2']}
    """
    if len(raw) <= REMEMBERED_BYTES:
        return remembered_params(raw, encoding)
    return decode_params(raw, encoding)


def decode_params(raw: bytes, encoding: str) -> dict[str, list[str]]:
    """The parameters of ``raw`` read as ``encoding``, each time (see :func:`parse_params`)."""
    text = decode_utf8(raw) if encoding == "utf-8" else raw.decode(encoding)
    return read_params(parse_qsl(text, keep_blank_values=True))


remembered_params = lru_cache(maxsize=512)(decode_params)


async def read_query_request(request) -> tuple[str | None, dict[str, list[str]]]:
    """The query text and the other parameters of a GET or POST (None: no query given)."""
    url_params = parse_params(request.scope["query_string"], "latin-1")
    if request.method == "GET":
        return single(url_params, "query"), url_params
    body = await request.body()
    kind = media_type_of(request)
    if kind == FORM:
        form = parse_params(body, "utf-8")
        if "update" in form:
            raise ProtocolError(400, "SPARQL Update is not accepted at this endpoint (the graph is read-only)")
        params = {**url_params, **{k: v for k, v in form.items() if k != "query"}}
        return single(form, "query"), params
    if kind == DIRECT:
        return decode_utf8(body), url_params
    if kind == "application/sparql-update":
        raise ProtocolError(400, "SPARQL Update is not accepted at this endpoint (the graph is read-only)")
    if not kind:
        raise ProtocolError(400, f"a POST needs a Content-Type: {FORM} or {DIRECT}")
    raise ProtocolError(415, f"unsupported Content-Type {kind!r}: use {FORM} or {DIRECT}")


def time_limit_s(params: dict[str, list[str]], limit_ms: int) -> float:
    """The time limit for this request: ``timeout=`` (seconds) may lower the server's, not raise it.

    >>> time_limit_s({"timeout": ["0.5"]}, 5000), time_limit_s({"timeout": ["60"]}, 5000)
    (0.5, 5.0)
    """
    text = single(params, "timeout")
    if text is None:
        return limit_ms / 1000
    try:
        wanted = float(text)
    except ValueError:
        raise ProtocolError(400, f"timeout must be a number of seconds, got {text!r}") from None
    if wanted <= 0:
        raise ProtocolError(400, "timeout must be positive")
    return min(wanted, limit_ms / 1000)


def make_job(sparql: str, params: dict[str, list[str]], request, settings: dict) -> QueryJob:
    """The job for a query request."""
    return QueryJob(
        sparql=sparql,
        accept=request.headers.get("accept"),
        output=single(params, "output") or single(params, "format"),
        union_default_graph=bool(settings["union_default_graph"]),
        default_graphs=tuple(params.get("default-graph-uri", [])),
        named_graphs=tuple(params.get("named-graph-uri", [])),
        max_rows=int(settings["max_rows"]),
        # A query without BASE resolves relative IRIs against the URI it was retrieved from
        # (RFC 3986, 5.1.3): the endpoint's URL, without the query string.
        base_iri=endpoint_iri(request),
    )


def endpoint_iri(request) -> str:
    """The URL a request was sent to, without its query string (Starlette's ``request.url``, cached).

    Parsing and rebuilding the URL costs more than a small query, and a server sees few hosts.
    """
    scope = request.scope
    return build_endpoint_iri(scope.get("scheme", "http"), request.headers.get("host"),
                              tuple(scope["server"]) if scope.get("server") else None, scope["path"])


@lru_cache(maxsize=256)
def build_endpoint_iri(scheme: str, host: str | None, server: tuple | None, path: str) -> str:
    """The URL Starlette builds for a request to ``path`` (its Host header checked as Starlette checks it).

    >>> build_endpoint_iri("http", "example.org:8000", ("127.0.0.1", 8000), "/sparql")
    'http://example.org:8000/sparql'
    >>> build_endpoint_iri("http", None, ("127.0.0.1", 80), "/sparql")
    'http://127.0.0.1/sparql'
    """
    headers = [] if host is None else [(b"host", host.encode("latin-1"))]
    return str(URL(scope={"type": "http", "scheme": scheme, "server": server, "path": path, "headers": headers}))


def not_acceptable(answer: Answer) -> str:
    """The 406 message for an answer no acceptable format exists for: the formats it can be sent in.

    >>> not_acceptable(Answer(None, form="ASK"))[:48]
    'Not Acceptable: an ASK result can be sent as app'
    """
    offered = negotiation.RESULT_FORMATS if answer.form in ("SELECT", "ASK") else negotiation.GRAPH_FORMATS
    types = ", ".join(f.media_types[0] for f in offered)
    article = "an" if answer.form[0] in "AEIOU" else "a"
    return f"Not Acceptable: {article} {answer.form} result can be sent as {types}"


def answer_headers(answer: Answer, max_rows: int) -> dict[str, str]:
    """The headers of an answer besides its type and length: Vary, the row count, the cut if any.

    >>> answer_headers(Answer(None, rows=3, truncated=True), 2)
    {'Vary': 'Accept', 'KG-Rows': '3', 'KG-Truncated': 'max_rows=2'}
    """
    headers = {"Vary": "Accept", "KG-Rows": str(answer.rows)}
    if answer.truncated:
        headers[TRUNCATED_HEADER] = f"max_rows={max_rows}"
    return headers


def answer_reply(answer: Answer, max_rows: int) -> tuple[int, str, bytes, dict[str, str]]:
    """Status, media type, body and other headers for a worker's answer: 406 when no acceptable format exists.

    >>> answer_reply(Answer(None, form="ASK"), 0)[:2]
    (406, 'text/plain')
    """
    if answer.format is None:
        return 406, "text/plain", not_acceptable(answer).encode(), {}
    return 200, answer.format.media_type, answer.body, answer_headers(answer, max_rows)


def answer_response(answer: Answer, max_rows: int) -> Response:
    """The HTTP response for a worker's answer (see :func:`answer_reply`)."""
    status, media_type, body, headers = answer_reply(answer, max_rows)
    return Response(body, status, headers, media_type)


async def run_job(pool, job, time_limit: float, key: tuple | None = None):
    """Run a job on ``pool`` (its :func:`kg.server.inline.job_key` if known), mapping worker errors to Protocol errors."""
    try:
        return await pool.run(job, time_limit, key)
    except SyntaxError as error:
        raise ProtocolError(400, f"Query syntax error: {error}") from None
    except ValueError as error:
        raise ProtocolError(400, f"Bad value: {error}") from None
    except QueryTimeout:
        raise ProtocolError(503, f"Query timed out after {time_limit:g} s (the time limit) and was stopped") from None
    except WorkerFailed as error:
        raise ProtocolError(500, f"Query failed: {error}") from None


async def plan_query(request, settings: dict) -> tuple[QueryJob, float]:
    """The job a query request asks (a :class:`kg.server.fastpath.LeanRequest`) and its time limit; Protocol errors are raised."""
    sparql, params = await read_query_request(request)
    if sparql is None:  # a POST without one (a GET without one is not a query: see takes_fast_path)
        raise ProtocolError(400, "no query given (expected a query parameter or body)")
    limit = time_limit_s(params, int(settings["query_time_limit_ms"]))
    return make_job(sparql, params, request, settings), limit


# POST is listed so that a 405 names it in Allow; no query reaches this route (see takes_fast_path).
@router.api_route("/sparql", methods=["GET", "POST"])
async def sparql_endpoint(request: Request) -> Response:
    """A GET on /sparql without a query: the service description (HTML for browsers)."""
    return await request.app.state.kg.describe_service(request)


def takes_fast_path(scope) -> bool:
    """Whether a request is a query for :func:`kg.server.fastpath.serve_query` (a GET without ``query=`` describes the service).

    >>> takes_fast_path({"type": "http", "path": "/sparql", "method": "GET", "query_string": b"query=ASK%7B%7D"})
    True
    >>> takes_fast_path({"type": "http", "path": "/sparql", "method": "GET", "query_string": b"format=ttl"})
    False
    """
    if scope["type"] != "http" or scope["path"] != "/sparql":
        return False
    if scope["method"] == "POST":
        return True
    # The parameters as read_query_request reads them (the parse is remembered for it).
    return scope["method"] == "GET" and "query" in parse_params(scope["query_string"], "latin-1")
