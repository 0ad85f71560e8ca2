"""Queries at /sparql as a bare ASGI app: what the Protocol asks, without a framework's per-request work.

Queries are most of a SPARQL server's traffic, and a point lookup costs the store about 0.1 ms:
a Starlette ``Request``, routing, the CORS middleware wrapping ``send`` and a ``Response`` object
cost more than that. So :class:`kg.server.app.KgApp` hands every query here: the request is
read straight from the ASGI scope, the answer is sent as two ASGI messages built from bytes,
and the CORS headers the middleware would add are added here (the same ones). The service
description, OPTIONS (CORS preflight) and HEAD stay with the FastAPI app and its middleware.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from starlette.middleware.cors import CORSMiddleware

from kg.server.app import CORS
from kg.server.protocol import ProtocolError, answer_query, answer_reply

logger = logging.getLogger("kg.server")
TEXT = b"text/plain; charset=utf-8"


class LeanRequest:
    """What the protocol handlers read of a request, straight from the ASGI scope."""

    __slots__ = ("scope", "receive", "method", "headers")

    def __init__(self, scope, receive) -> None:
        self.scope = scope
        self.receive = receive
        self.method = scope["method"]
        # ASGI header names are lower-case; the first of repeated headers wins, as in Starlette.
        self.headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in reversed(scope["headers"])}

    @property
    def app(self):
        return self.scope["app"]

    async def body(self) -> bytes:
        """The whole request body."""
        chunks = []
        while True:
            message = await self.receive()
            if message["type"] == "http.disconnect":
                raise ProtocolError(400, "the client went away before sending the whole request")
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                return b"".join(chunks)


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
    request = LeanRequest(scope, receive)
    state = scope["app"].state.kg
    try:
        answer = await answer_query(request)
        status, media_type, body, extra = answer_reply(answer, int(state.settings["max_rows"]))
        kind = content_type(media_type)
    except ProtocolError as error:
        status, kind, body, extra = error.status, TEXT, str(error).encode(), {}
    except Exception:  # what the framework's error middleware would do: log it, answer 500
        logger.exception("error answering %s %s", scope["method"], scope["path"])
        status, kind, body, extra = 500, TEXT, b"Internal Server Error", {}
    headers = [(b"content-length", str(len(body)).encode()), (b"content-type", kind)]
    vary = extra.pop("Vary", None)
    headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in extra.items()]
    if state.settings["cors"]:
        if "origin" in request.headers:
            headers += SIMPLE_CORS
        vary = f"{vary}, Origin" if vary else "Origin"  # as the middleware does for every response
    if vary:
        headers.append((b"vary", vary.encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
