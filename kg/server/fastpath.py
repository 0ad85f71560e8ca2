"""Queries at /sparql as a bare ASGI app: what the Protocol asks, without a framework's per-request work.

Queries are most of a SPARQL server's traffic, and a point lookup costs the store about 0.1 ms:
a Starlette ``Request``, routing, the CORS middleware wrapping ``send`` and a ``Response`` object
cost more than that. So :class:`kg.server.app.KgApp` hands every query here: the request is
read straight from the ASGI scope, the answer is sent as two ASGI messages built from bytes,
and the CORS headers the middleware would add are added here (the same ones). The service
description, OPTIONS (CORS preflight) and HEAD stay with the FastAPI app and its middleware.

Clients send the same requests again and again, and reading one (its parameters, the job, the
job's key, the time limit) costs about as much Python as the lookup costs the store. All of that
depends only on the request's bytes, so a :class:`Plan` is kept per request (method, path,
query string, headers, body): a repeated request goes straight to the pool. Only the reading is
kept, never an answer: each request is run against the store as it is now.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import NamedTuple

from starlette.middleware.cors import CORSMiddleware

from kg.server.app import CORS
from kg.server.inline import job_key
from kg.server.protocol import REMEMBERED_BYTES, ProtocolError, answer_reply, plan_query, run_job

logger = logging.getLogger("kg.server")
TEXT = b"text/plain; charset=utf-8"


class LeanRequest:
    """What the protocol handlers read of a request, straight from the ASGI scope (its body already read)."""

    __slots__ = ("scope", "method", "headers", "_body")

    def __init__(self, scope, body: bytes) -> None:
        self.scope = scope
        self.method = scope["method"]
        # ASGI header names are lower-case; the first of repeated headers wins, as in Starlette.
        self.headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in reversed(scope["headers"])}
        self._body = body

    @property
    def app(self):
        return self.scope["app"]

    async def body(self) -> bytes:
        """The whole request body."""
        return self._body


async def read_body(receive) -> bytes:
    """The whole body of a request, from its ASGI messages."""
    message = await receive()
    if message["type"] == "http.request" and not message.get("more_body", False):
        return message.get("body", b"")  # the usual case: one message
    chunks = []
    while True:
        if message["type"] == "http.disconnect":
            raise ProtocolError(400, "the client went away before sending the whole request")
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)
        message = await receive()


class Plan(NamedTuple):
    """What a query request asks, read once: the job, its key, the time limit, whether CORS headers go back."""

    job: object
    key: tuple
    time_limit_s: float
    has_origin: bool


#: How many request plans a server process keeps (the oldest go first).
PLANS_KEPT = 1024


class Plans:
    """The plans of the requests seen lately, keyed by everything they were read from."""

    def __init__(self, capacity: int = PLANS_KEPT) -> None:
        self.capacity = capacity
        self.plans: dict[tuple, Plan] = {}

    async def plan(self, scope, body: bytes, settings: dict) -> Plan:
        """The plan of the request in ``scope`` with ``body``; ProtocolError for a request the Protocol refuses."""
        query_string = scope["query_string"]
        if len(query_string) + len(body) > REMEMBERED_BYTES:  # big requests are read each time
            return await read_plan(scope, body, settings)
        key = (scope["method"], scope["path"], query_string, body, tuple(scope["headers"]),
               scope.get("scheme"), tuple(scope["server"]) if scope.get("server") else None)
        found = self.plans.get(key)
        if found is None:
            found = await read_plan(scope, body, settings)
            if len(self.plans) >= self.capacity:
                del self.plans[next(iter(self.plans))]
            self.plans[key] = found
        return found


async def read_plan(scope, body: bytes, settings: dict) -> Plan:
    """Read a request's plan (see :func:`kg.server.protocol.plan_query`)."""
    request = LeanRequest(scope, body)
    job, limit = await plan_query(request, settings)
    return Plan(job, job_key(job), limit, "origin" in request.headers)


@lru_cache(maxsize=64)
def content_type(media_type: str) -> bytes:
    """The Content-Type header Starlette would send for ``media_type`` (text types say UTF-8).

    >>> content_type("text/csv"), content_type("application/sparql-results+json")
    (b'text/csv; charset=utf-8', b'application/sparql-results+json')
    """
    if media_type.startswith("text/") and "charset=" not in media_type.lower():
        media_type += "; charset=utf-8"
    return media_type.encode("latin-1")


#: What the CORS middleware adds to a simple response to a request with an Origin (its own table).
SIMPLE_CORS = [(name.lower().encode("latin-1"), value.encode("latin-1"))
               for name, value in CORSMiddleware(None, **CORS).simple_headers.items()]


async def serve_query(scope, receive, send) -> None:
    """Answer the SPARQL query in an ASGI request (see :func:`kg.server.protocol.takes_fast_path`)."""
    app = scope["app"]
    state = app.state.kg
    settings = state.settings
    has_origin = False
    try:
        body = await read_body(receive) if scope["method"] == "POST" else b""
        plan = await app.plans.plan(scope, body, settings)
        has_origin = plan.has_origin
        answer = await run_job(state.pool, plan.job, plan.time_limit_s, plan.key)
        status, media_type, body, extra = answer_reply(answer, int(settings["max_rows"]))
        kind = content_type(media_type)
    except ProtocolError as error:
        status, kind, body, extra = error.status, TEXT, str(error).encode(), {}
        has_origin = any(name == b"origin" for name, _ in scope["headers"])
    except Exception:  # what the framework's error middleware would do: log it, answer 500
        logger.exception("error answering %s %s", scope["method"], scope["path"])
        status, kind, body, extra = 500, TEXT, b"Internal Server Error", {}
        has_origin = any(name == b"origin" for name, _ in scope["headers"])
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", kind)]
    vary = extra.pop("Vary", None)
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()]
    if settings["cors"]:
        if has_origin:
            headers += SIMPLE_CORS
        vary = f"{vary}, Origin" if vary else "Origin"  # as the middleware does for every response
    if vary:
        headers.append((b"vary", vary.encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
