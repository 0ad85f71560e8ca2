"""The SPARQL 1.1 Protocol at /sparql, checked against a real `kg serve` with real clients."""

from __future__ import annotations

import concurrent.futures
import time
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.server.testing import ServerProcess

pytestmark = pytest.mark.slow
FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
BASE = "https://example.org/kg/"
NAMES = "PREFIX schema: <http://schema.org/> SELECT ?n WHERE { <%sid/person/ana-lopez> schema:name ?n } ORDER BY ?n" % BASE
NAMES_JSON = {
    "head": {"vars": ["n"]},
    "results": {"bindings": [
        {"n": {"type": "literal", "value": "Ana Lopez", "xml:lang": "en"}},
        {"n": {"type": "literal", "value": "Ana López", "xml:lang": "es"}},
    ]},
}
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?q }"


@pytest.fixture(scope="module")
def server():
    with ServerProcess(FIXTURE, settings={"query_time_limit_ms": 1500, "max_rows": 3}) as url:
        yield url


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


def test_query_via_get_answers_json_by_default(client):
    response = client.get("/sparql", params={"query": NAMES})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/sparql-results+json"
    assert response.json() == NAMES_JSON


def test_query_via_url_encoded_post(client):
    response = client.post("/sparql", data={"query": NAMES})
    assert response.json() == NAMES_JSON


def test_query_via_direct_post(client):
    response = client.post("/sparql", content=NAMES.encode(), headers={"Content-Type": "application/sparql-query"})
    assert response.json() == NAMES_JSON


SELECT_NEGOTIATION = [
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv; charset=utf-8"),
    ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/html, */*;q=0.1", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
]


@pytest.mark.parametrize("accept, content_type", SELECT_NEGOTIATION, ids=[a for a, _ in SELECT_NEGOTIATION])
def test_select_is_negotiated_by_accept(client, accept, content_type):
    response = client.get("/sparql", params={"query": NAMES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == content_type


SELECT_BODIES = [
    ("csv", "n\r\nAna Lopez\r\nAna López\r\n"),
    ("tsv", '?n\n"Ana Lopez"@en\n"Ana López"@es\n'),
    ("xml", '<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>'
            '<variable name="n"/></head><results>'
            '<result><binding name="n"><literal xml:lang="en">Ana Lopez</literal></binding></result>'
            '<result><binding name="n"><literal xml:lang="es">Ana López</literal></binding></result>'
            "</results></sparql>"),
]


@pytest.mark.parametrize("output, body", SELECT_BODIES, ids=[o for o, _ in SELECT_BODIES])
def test_output_parameter_overrides_accept_with_exact_bodies(client, output, body):
    response = client.get("/sparql", params={"query": NAMES, "output": output}, headers={"Accept": "application/json"})
    assert response.text == body


CONSTRUCT_NEGOTIATION = [
    ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
    ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/trig", "application/trig", "trig"),
    ("application/n-quads", "application/n-quads", "nquads"),
    (None, "text/turtle; charset=utf-8", "turtle"),
]


@pytest.mark.parametrize("accept, content_type, rdflib_format", CONSTRUCT_NEGOTIATION,
                         ids=[str(a) for a, _, _ in CONSTRUCT_NEGOTIATION])
def test_construct_is_negotiated_and_parses_as_labelled(client, accept, content_type, rdflib_format):
    query = f"CONSTRUCT WHERE {{ <{BASE}id/person/ben-ortiz> ?p ?o }}"
    headers = {"Accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": query}, headers=headers)
    assert response.headers["content-type"] == content_type
    graph = Graph().parse(data=response.content, format=rdflib_format)
    subject = URIRef(f"{BASE}id/person/ben-ortiz")
    assert set(graph) == {
        (subject, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("http://schema.org/Person")),
        (subject, URIRef("http://schema.org/name"), Literal("Ben Ortiz", lang="en")),
    }


@pytest.mark.parametrize("query, accept", [(NAMES, "image/png"), ("CONSTRUCT WHERE { ?s ?p ?o }", "text/csv")],
                         ids=["select-as-png", "construct-as-csv"])
def test_nothing_acceptable_is_406(client, query, accept):
    response = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 406


def test_ask_in_json(client):
    response = client.get("/sparql", params={"query": f"ASK {{ <{BASE}id/person/ben-ortiz> ?p ?o }}"})
    assert response.json() == {"head": {}, "boolean": True}


def test_malformed_query_is_400_with_the_parsers_position(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert response.status_code == 400
    assert response.text == "Query syntax error: error at 1:26: expected one of LATERAL, SERVICE, [_]"


ERRORS = [
    ("put", {"content": b"ASK {}", "headers": {"Content-Type": "application/sparql-query"}}, 405),
    ("post", {"content": b"ASK {}", "headers": {"Content-Type": "text/plain"}}, 415),
    ("post", {"content": b"ASK {}"}, 400),
    ("post", {"data": {"update": "CLEAR ALL"}}, 400),
    ("post", {"content": b"ASK {\xff}", "headers": {"Content-Type": "application/sparql-query"}}, 400),
    ("get", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}, 400),
]


@pytest.mark.parametrize("method, kwargs, status", ERRORS,
                         ids=["put-405", "wrong-media-type-415", "no-media-type", "update", "non-utf8", "two-queries"])
def test_protocol_errors(client, method, kwargs, status):
    assert client.request(method.upper(), "/sparql", **kwargs).status_code == status


def test_default_graph_is_the_union_of_all_graphs(client):
    query = "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a <https://example.org/kg/ontology#ReportedResult> }"
    assert client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]["n"]["value"] == "2"


def test_default_graph_uri_and_named_graph_uri_replace_the_dataset(client):
    query = "SELECT ?g (COUNT(*) AS ?n) WHERE { { ?s ?p ?o BIND('default' AS ?g) } UNION { GRAPH ?g { ?s ?p ?o } } } GROUP BY ?g ORDER BY ?g"
    params = [("query", query), ("default-graph-uri", f"{BASE}graph/findings"),
              ("named-graph-uri", f"{BASE}graph/entities")]
    rows = client.get("/sparql", params=params).json()["results"]["bindings"]
    assert [(r["g"]["value"], r["n"]["value"]) for r in rows] == [(f"{BASE}graph/entities", "13"), ("default", "23")]


def test_bare_get_returns_the_service_description(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    graph = Graph().parse(data=response.text, format="turtle")
    endpoint = URIRef(str(client.base_url) + "/sparql")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    assert (endpoint, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    assert len(list(graph.objects(None, URIRef(sd + "name")))) == 6


def test_bare_get_from_a_browser_is_the_query_page(client):
    response = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert '<textarea id="query" name="query"' in response.text


def test_row_cap_cuts_and_says_so(client):
    response = client.get("/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s"})
    assert response.headers["kg-truncated"] == "max_rows=3"
    body = response.json()
    assert (len(body["results"]["bindings"]), body["truncated"]) == (3, True)


CUT_QUERY = "SELECT ?n WHERE { ?x <http://schema.org/name> ?n } ORDER BY ?n"
CUT_GRAPH = "CONSTRUCT { ?x <http://schema.org/name> ?n } WHERE { ?x <http://schema.org/name> ?n }"
CUT_BODIES = [
    ("xml", CUT_QUERY, ('<link href="#truncated"/><!-- kg: results truncated at max_rows=3 --></head>', 3, "<result>")),
    ("csv", CUT_QUERY, ("n\r\n", 3, "\r\n")),
    ("tsv", CUT_QUERY, ("?n\n", 3, "\n")),
    ("ntriples", CUT_GRAPH, ("# kg: results truncated at max_rows=3\n", 3, " .\n")),
    ("turtle", CUT_GRAPH, ("# kg: results truncated at max_rows=3\n", 3, None)),
]


@pytest.mark.parametrize("output, query, expected", CUT_BODIES, ids=[o for o, _, _ in CUT_BODIES])
def test_row_cap_cuts_every_format(client, output, query, expected):
    marker, rows, separator = expected
    response = client.get("/sparql", params={"query": query, "output": output})
    assert (response.headers["kg-truncated"], response.headers["kg-rows"]) == ("max_rows=3", str(rows))
    assert marker in response.text
    if separator:
        assert response.text.count(separator) == rows + (1 if output in ("csv", "tsv") else 0)
    if output == "turtle":
        assert len(Graph().parse(data=response.text, format="turtle")) == rows


def test_results_under_the_cap_are_not_marked(client):
    response = client.get("/sparql", params={"query": NAMES})
    assert "kg-truncated" not in response.headers
    assert "truncated" not in response.json()


def test_cors_allows_reads_from_any_origin(client):
    response = client.get("/sparql", params={"query": NAMES}, headers={"Origin": "https://elsewhere.example"})
    assert response.headers["access-control-allow-origin"] == "*"


@pytest.mark.parametrize(("query", "status", "vary"), [
    (NAMES, 200, "Accept, Origin"),
    ("SELECT nonsense", 400, "Origin"),
], ids=["answer", "error"])
def test_queries_carry_the_cors_headers_the_middleware_gives_other_routes(client, query, status, vary):
    response = client.post("/sparql", data={"query": query}, headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == status
    assert (response.headers["access-control-allow-origin"], response.headers["access-control-expose-headers"],
            response.headers["vary"]) == ("*", "KG-Truncated, KG-Rows, Link", vary)


def test_runaway_query_is_stopped_at_the_limit_and_the_server_keeps_answering(client, server):
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        runaway = pool.submit(httpx.get, server + "/sparql", params={"query": RUNAWAY}, timeout=30)
        time.sleep(0.3)
        during = client.get("/sparql", params={"query": NAMES})
        assert (during.status_code, runaway.done()) == (200, False)
        response = runaway.result()
        elapsed = time.monotonic() - started
    assert response.status_code == 503
    assert response.text == "Query timed out after 1.5 s (the time limit) and was stopped"
    assert elapsed < 1.5 + 1.0
    assert client.get("/sparql", params={"query": NAMES}).json() == NAMES_JSON


def test_a_request_may_lower_the_time_limit_but_not_raise_it(client):
    lowered = client.get("/sparql", params={"query": RUNAWAY, "timeout": "0.5"})
    raised = client.get("/sparql", params={"query": RUNAWAY, "timeout": "60"})
    assert lowered.text == "Query timed out after 0.5 s (the time limit) and was stopped"
    assert raised.text == "Query timed out after 1.5 s (the time limit) and was stopped"


def test_sparqlwrapper_reads_the_endpoint(server):
    wrapper = SPARQLWrapper(server + "/sparql")
    wrapper.setQuery(NAMES)
    wrapper.setReturnFormat(JSON)
    assert wrapper.query().convert() == NAMES_JSON


def test_sparqlwrapper_posts_a_construct(server):
    wrapper = SPARQLWrapper(server + "/sparql")
    wrapper.setMethod("POST")
    wrapper.setQuery(f"CONSTRUCT WHERE {{ <{BASE}id/person/ben-ortiz> ?p ?o }}")
    graph = wrapper.queryAndConvert()
    assert len(graph) == 2


def test_rdflib_sparqlstore_reads_the_endpoint(server):
    graph = Graph(store=SPARQLStore(server + "/sparql"))
    names = sorted(str(o) for o in graph.objects(URIRef(f"{BASE}id/person/ana-lopez"), URIRef("http://schema.org/name")))
    assert names == ["Ana Lopez", "Ana López"]


def test_union_default_graph_can_be_turned_off_for_the_w3c_tests():
    with ServerProcess(FIXTURE, settings={"union_default_graph": False}) as url:
        query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
        body = httpx.get(url + "/sparql", params={"query": query}).json()
    assert body["results"]["bindings"][0]["n"]["value"] == "0"


def test_named_graph_option_loads_a_file_into_a_graph(tmp_path):
    data = tmp_path / "g.ttl"
    data.write_text("<http://example.org/a> <http://example.org/b> 'c' .\n")
    with ServerProcess(data, "--named-graph", f"http://example.org/g={data}",
                       settings={"union_default_graph": False}) as url:
        query = "SELECT ?g ?o WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } } ORDER BY ?g"
        body = httpx.get(url + "/sparql", params={"query": query, "output": "csv"}).text
    assert body == "g,o\r\n,c\r\nhttp://example.org/g,c\r\n"
