"""Gated writes and /validate against a real `kg serve` process, with real HTTP clients.

Each write is checked against the shapes before it enters; a refused one leaves the store's
full dump (named graphs and the union default graph) byte for byte as it was.
"""

import json
import shutil
import threading
from pathlib import Path

import httpx as _httpx

httpx = _httpx.Client(timeout=120)  # writes validate and copy: give them time (not a speed test)
import pyoxigraph as ox
import pytest
import rdflib

from kg.server.testing import ServerProcess
from kg.store import open_read_only

TOKEN = "s3cret-token-for-tests-4f9a"
BASE = "https://example.org/kg/"
MADURO = BASE + "id/person/nicolas-maduro"
INGEST = Path(__file__).parent / "fixtures" / "ingest"
SPARQL_RESULTS = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def dataset(bundled_dataset, tmp_path_factory) -> Path:
    copy = tmp_path_factory.mktemp("writes") / "dataset"
    shutil.copytree(bundled_dataset, copy)
    return copy


@pytest.fixture(scope="module")
def server(dataset, tmp_path_factory):
    token_file = tmp_path_factory.mktemp("token") / "token"
    token_file.write_text(TOKEN + "\n")
    process = ServerProcess(dataset, "--write-token-file", token_file, settings={"max_upload_bytes": 100_000})
    with process as url:
        yield url, process


def auth(token=TOKEN) -> dict:
    return {"Authorization": f"Bearer {token}"}


def full_dump(dataset: Path) -> tuple[bytes, bytes]:
    """Every named-graph quad and the union default graph, as the store holds them."""
    store = open_read_only(dataset / "store")
    return store.dump(ox.RdfFormat.N_QUADS), store.dump(ox.RdfFormat.N_TRIPLES)


def ask(url: str, query: str) -> bool:
    response = httpx.get(url + "/sparql", params={"query": query}, headers=SPARQL_RESULTS)
    assert response.status_code == 200, response.text
    return response.json()["boolean"]


def count(url: str, where: str) -> int:
    response = httpx.get(url + "/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"},
                         headers=SPARQL_RESULTS)
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("method, path", [("POST", "/update"), ("PUT", "/rdf-graphs?graph=http://g"),
                                          ("POST", "/articles")], ids=["update", "graph-store", "articles"])
def test_writes_are_off_without_a_token(bundled_dataset, method, path):
    with ServerProcess(bundled_dataset) as url:
        response = httpx.request(method, url + path, headers=auth(), content=b"")
    assert response.status_code == 404
    assert "KG_WRITE_TOKEN" in response.text


@pytest.mark.parametrize("headers, status", [({}, 401), (auth("wrong"), 403), ({"Authorization": "Basic eDp5"}, 401)],
                         ids=["none", "wrong-token", "not-bearer"])
def test_a_write_needs_the_token(server, headers, status):
    url, _ = server
    response = httpx.post(url + "/update", content="INSERT DATA { GRAPH <http://g> { <http://a> <http://b> 1 } }",
                          headers={"Content-Type": "application/sparql-update", **headers})
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"] == 'Bearer realm="kg"'


def test_a_valid_addition_is_accepted_and_answered_at_once(server):
    url, _ = server
    turtle = f'<{MADURO}> <http://schema.org/alternateName> "N. Maduro M."@en .'
    response = httpx.put(url + "/rdf-graphs", params={"graph": BASE + "graph/contrib/1"}, content=turtle,
                         headers={"Content-Type": "text/turtle", **auth()})
    assert response.status_code == 201, response.text
    assert response.json() == {"added": 1, "removed": 0}
    assert ask(url, f'ASK {{ <{MADURO}> <http://schema.org/alternateName> "N. Maduro M."@en }}')
    got = httpx.get(url + "/rdf-graphs", params={"graph": BASE + "graph/contrib/1"}, headers={"Accept": "text/turtle"})
    assert got.status_code == 200
    assert len(rdflib.Graph().parse(data=got.text, format="turtle")) == 1


def test_an_invalid_addition_is_refused_with_its_report_and_changes_nothing(server, dataset):
    url, _ = server
    before = full_dump(dataset)
    turtle = f'<{MADURO}> <http://schema.org/name> "Nick Maduro"@en .'  # a second English name
    response = httpx.put(url + "/rdf-graphs", params={"graph": BASE + "graph/contrib/2"}, content=turtle,
                         headers={"Content-Type": "text/turtle", "Accept": "application/json", **auth()})
    assert response.status_code == 422
    report = response.json()
    assert report["conforms"] is False
    assert [(r["focus_node"], r["path"], r["shape"]) for r in report["results"]] == [
        (f"<{MADURO}>", "schema:name", "kg:EntityNameShape")]
    assert full_dump(dataset) == before
    assert httpx.get(url + "/rdf-graphs", params={"graph": BASE + "graph/contrib/2"}).status_code == 404


def test_update_keeps_the_union_default_graph_a_set(server):
    url, _ = server
    triple = f'<{MADURO}> <http://schema.org/alternateName> "Maduro Moros"@es'
    insert = f"INSERT DATA {{ GRAPH <{BASE}graph/contrib/a> {{ {triple} }} GRAPH <{BASE}graph/contrib/b> {{ {triple} }} }}"
    headers = {"Content-Type": "application/sparql-update", **auth()}
    assert httpx.post(url + "/update", content=insert, headers=headers).json() == {"added": 2, "removed": 0}
    assert count(url, triple) == 1  # stated by two graphs, once in the default graph
    httpx.post(url + "/update", content=f"DELETE DATA {{ GRAPH <{BASE}graph/contrib/a> {{ {triple} }} }}", headers=headers)
    assert count(url, triple) == 1  # graph b still states it
    form = {"update": f"DELETE WHERE {{ GRAPH <{BASE}graph/contrib/b> {{ ?s ?p \"Maduro Moros\"@es }} }}"}
    assert httpx.post(url + "/update", data=form, headers=auth()).json() == {"added": 0, "removed": 1}
    assert count(url, triple) == 0


@pytest.mark.parametrize("update, message", [
    ("INSERT DATA { <http://a> <http://b> <http://c> }", "default graph"),
    ("INSERT DATA { GRAPH <http://g> { <http://a> <http://b> } }", "syntax error"),
    ("LOAD <http://example.org/data.ttl> INTO GRAPH <http://g>", "LOAD is not accepted"),
], ids=["default-graph", "syntax", "load"])
def test_bad_updates_are_client_errors(server, update, message):
    url, _ = server
    response = httpx.post(url + "/update", content=update, headers={"Content-Type": "application/sparql-update", **auth()})
    assert response.status_code == 400
    assert message in response.text


def test_the_token_never_reaches_the_log(server):
    url, process = server
    httpx.post(url + "/update", content="INSERT DATA { GRAPH <http://g> { <http://a> }", headers={
        "Content-Type": "application/sparql-update", **auth()})
    httpx.post(url + "/update", content="x", headers={"Content-Type": "application/sparql-update", **auth(TOKEN + "x")})
    assert TOKEN not in process.output()


def test_an_article_posted_live_is_queryable_and_on_its_entity_page(server):
    url, _ = server
    body = (INGEST / "en_90_late_count.txt").read_bytes()
    headers = {"Content-Type": "text/plain", **auth()}
    readers: list[int] = []
    done = threading.Event()

    def read_while_writing():
        while not done.is_set():  # bounded by the write below
            readers.append(httpx.get(url + "/sparql", params={"query": "ASK {}"}, headers=SPARQL_RESULTS).status_code)

    thread = threading.Thread(target=read_while_writing)
    thread.start()
    try:
        response = httpx.post(url + "/articles", params={"file": "en_90_late_count.txt"}, content=body,
                              headers=headers, timeout=120)
    finally:
        done.set()
        thread.join()
    assert response.status_code == 201, response.text
    article = response.json()["article"]
    assert readers and set(readers) == {200}
    assert ask(url, f"ASK {{ <{article}> <http://schema.org/mentions> <{MADURO}> }}")
    page = httpx.get(url + "/id/person/nicolas-maduro", headers={"Accept": "text/html"})
    assert article.rsplit("/", 1)[1] in page.text
    again = httpx.post(url + "/articles", params={"file": "en_90_late_count.txt"}, content=body, headers=headers,
                       timeout=120)
    assert again.status_code == 200
    assert again.json()["added"] == again.json()["removed"] == 0
