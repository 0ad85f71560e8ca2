"""The fast path's request plans: a repeated request is read once, and only the reading is kept.

Unit cases call :class:`kg.server.fastpath.Plans` with ASGI scopes; the end-to-end cases send
repeated requests to a real ``kg serve`` (whose proven queries run in-process) and check that
answers are computed afresh each time and that requests differing in any header are read apart.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
import pytest

from kg.server.fastpath import Plans
from kg.server.jobs import QueryJob
from kg.server.protocol import ProtocolError
from kg.server.settings import make_settings
from kg.server.testing import ServerProcess

FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
FORM = b"application/x-www-form-urlencoded"
SETTINGS = make_settings([("query_time_limit_ms", "2000"), ("max_rows", "7")])


def scope(body: bytes = b"query=ASK%7B%7D", accept: bytes = b"text/csv", query_string: bytes = b"") -> dict:
    """The ASGI scope of a form POST to /sparql."""
    return {"type": "http", "method": "POST", "path": "/sparql", "scheme": "http", "query_string": query_string,
            "server": ("127.0.0.1", 8000), "headers": [(b"host", b"example.org"), (b"content-type", FORM),
                                                      (b"accept", accept)]}


def plan(plans: Plans, request: dict, body: bytes = b"query=ASK%7B%7D"):
    return asyncio.run(plans.plan(request, body, SETTINGS))


def test_a_repeated_request_gets_the_plan_read_the_first_time():
    plans = Plans()
    first = plan(plans, scope())
    assert first.job == QueryJob("ASK{}", accept="text/csv", max_rows=7, base_iri="http://example.org/sparql")
    assert first.time_limit_s == 2.0 and first.has_origin is False
    assert plan(plans, scope()) is first
    assert len(plans.plans) == 1


@pytest.mark.parametrize("other, accept, time_limit_s", [
    pytest.param(dict(accept=b"application/sparql-results+xml"), "application/sparql-results+xml", 2.0, id="accept"),
    pytest.param(dict(query_string=b"timeout=1"), "text/csv", 1.0, id="query-string"),
])
def test_a_request_differing_in_a_header_or_parameter_is_read_apart(other, accept, time_limit_s):
    plans = Plans()
    plan(plans, scope())
    second = plan(plans, scope(**other))
    assert (second.job.accept, second.time_limit_s) == (accept, time_limit_s)
    assert len(plans.plans) == 2


def test_a_request_the_protocol_refuses_is_not_kept():
    plans = Plans()
    with pytest.raises(ProtocolError, match="no query given"):
        plan(plans, scope(), b"format=csv")
    assert plans.plans == {}


def test_the_oldest_plan_goes_first_when_full():
    plans = Plans(capacity=2)
    for n in range(3):
        plan(plans, scope(), f"query=ASK%7B%7D%23{n}".encode())
    assert [key[3] for key in plans.plans] == [b"query=ASK%7B%7D%231", b"query=ASK%7B%7D%232"]


def test_a_big_request_is_read_each_time():
    plans = Plans()
    body = b"query=ASK%7B%7D%23" + b"x" * 20000
    assert plan(plans, scope(), body).job.sparql.startswith("ASK{}#xxx")
    assert plans.plans == {}


@pytest.fixture(scope="module")
def client():
    with ServerProcess(FIXTURE, settings={"processes": 1}) as url, httpx.Client(base_url=url, timeout=30) as client:
        yield client


@pytest.mark.slow
def test_answers_are_computed_for_each_request_not_kept(client):
    # STRUUID() differs on every evaluation: a kept answer would repeat it.
    query = {"query": "SELECT (STRUUID() AS ?u) WHERE {}"}
    answers = [client.post("/sparql", data=query, headers={"Accept": "text/csv"}).text for _ in range(6)]
    assert all(a.startswith("u\r\n") for a in answers)
    assert len(set(answers)) == 6


@pytest.mark.slow
def test_repeated_requests_differing_in_accept_or_origin_get_their_own_answers(client):
    query = {"query": "ASK {}"}
    for _ in range(3):  # the later rounds are answered from kept plans (and in-process)
        csv = client.post("/sparql", data=query, headers={"Accept": "text/csv"})
        assert (csv.headers["content-type"], csv.text) == ("text/csv; charset=utf-8", "true")
        assert "access-control-allow-origin" not in csv.headers
        cors = client.post("/sparql", data=query, headers={"Accept": "text/csv", "Origin": "https://a.example"})
        assert cors.headers["access-control-allow-origin"] == "*"
        json = client.post("/sparql", data=query, headers={"Accept": "application/sparql-results+json"})
        assert json.json() == {"head": {}, "boolean": True}
