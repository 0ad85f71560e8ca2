"""Linked-data pages: every minted IRI dereferences, the home page, VoID, dumps, and a real browser."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.server.testing import ServerProcess

pytestmark = pytest.mark.slow
FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
BASE = "https://example.org/kg/"
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
BEN = f"""<{BASE}id/person/ben-ortiz> a <http://schema.org/Person> ;
    <http://schema.org/name> "Ben Ortiz"@en ."""


@pytest.fixture(scope="module")
def server():
    with ServerProcess(FIXTURE) as url:
        yield url


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server, timeout=30) as client:
        yield client


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/ld+json", "json-ld"), ("application/n-triples", "nt"),
], ids=["turtle", "jsonld", "ntriples"])
def test_an_entity_iri_dereferences_to_rdf(client, accept, rdflib_format):
    response = client.get("/id/person/ben-ortiz", headers={"Accept": accept})
    assert response.headers["content-type"].split(";")[0] == accept
    assert isomorphic(Graph().parse(data=response.text, format=rdflib_format), Graph().parse(data=BEN, format="turtle"))


def test_rdf_answers_link_their_alternates(client):
    link = client.get("/id/person/ben-ortiz").headers["link"]
    assert link == ('</id/person/ben-ortiz?format=turtle>; rel="alternate"; type="text/turtle", '
                    '</id/person/ben-ortiz?format=ntriples>; rel="alternate"; type="application/n-triples", '
                    '</id/person/ben-ortiz?format=jsonld>; rel="alternate"; type="application/ld+json"')


def test_an_entity_page_shows_labels_types_wikidata_claims_and_evidence(client):
    page = client.get("/id/person/ana-lopez", headers=BROWSER).text
    assert '<h1 id="title">Ana Lopez</h1>' in page
    for fragment in ('<td lang="es">Ana López</td>', '<td lang="nb">Lopez</td>', '<span class="type">Person</span>',
                     '<a href="http://www.wikidata.org/entity/Q4115189">Q4115189</a>',
                     "Ana Lopez took <mark>52%</mark> of votes.", "<mark>the count was clean and complete</mark>, she said.",
                     "An exit poll: <mark>44%</mark> for Lopez.", '<a href="/id/person/ben-ortiz">Ben Ortiz</a>',
                     '<a href="/id/article/aaaaaaaaaaaaaaaa">Lopez wins in Ruritania</a>'):
        assert fragment in page


def test_an_entity_page_shows_only_that_entity_s_statements(client):
    # Ben Ortiz made no claim and won no result: Ana Lopez's claim and results are hers alone.
    page = client.get("/id/person/ben-ortiz", headers=BROWSER).text
    assert "<mark>" not in page
    assert "the count was clean and complete" not in page


def test_a_claim_page_shows_the_claim_with_its_evidence(client):
    page = client.get("/id/claim/c1", headers=BROWSER).text
    assert "<mark>the count was clean and complete</mark>, she said." in page
    assert "<mark>52%</mark>" not in page


def test_graph_iris_dereference_too(client):
    page = client.get("/graph/findings", headers=BROWSER).text
    assert "This is a named graph with 23 triples." in page


def test_unknown_iris_are_404(client):
    assert client.get("/id/person/nobody").status_code == 404
    assert client.get("/id/person/nobody", headers=BROWSER).status_code == 404


def test_home_page_counts_as_json_for_machines(client):
    assert client.get("/").json()["counts"] == {
        "articles": 2, "entities": 4, "claims": 1, "results": 2, "findings": 1, "graphs": 6, "triples": 123}


def test_home_page_for_browsers_lists_queries_dumps_and_the_editor(client):
    page = client.get("/", headers=BROWSER).text
    for fragment in ('<a href="/queries/claims_by_speaker">Claims by a speaker</a>', '<a href="/dumps/dataset.nq">',
                     '<a href="/void">', '<textarea id="query"', '<script src="/static/editor.js">'):
        assert fragment in page
    assert "http://" not in page.split("<body>")[0].replace("http://www.w3.org", "")  # no CDN in the head


@pytest.mark.parametrize("path", ["/void", "/.well-known/void"])
def test_void_is_served(client, path):
    graph = Graph().parse(data=client.get(path).text, format="turtle")
    void = "http://rdfs.org/ns/void#"
    dataset = URIRef(BASE + "void#dataset")
    assert graph.value(dataset, URIRef(void + "triples")) == Literal(123)
    assert graph.value(dataset, URIRef(void + "sparqlEndpoint")) == URIRef(str(client.base_url) + "/sparql")


def test_dumps_download(client):
    response = client.get("/dumps/dataset.nq")
    assert response.headers["content-type"] == "application/n-quads"
    assert len(response.text.splitlines()) == 123


def test_a_browser_loads_the_home_page_runs_a_query_and_opens_an_entity(server, tmp_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync"],
        )
        page = browser.new_page()
        page.goto(server + "/")
        assert page.locator('td[data-count="claims"]').inner_text() == "1"
        page.fill("#query", "PREFIX schema: <http://schema.org/>\nSELECT ?name WHERE { "
                            f"<{BASE}id/person/ben-ortiz> schema:name ?name }}")
        page.click("#run")
        page.wait_for_selector("#results table")
        assert page.locator("#results td").all_inner_texts() == ["Ben Ortiz"]
        assert page.locator("#status").inner_text().startswith("1 row in ")
        page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
        page.click("text=Lopez wins in Ruritania")
        page.wait_for_selector("h1#title")
        page.goto(server + "/id/person/ana-lopez")
        assert page.locator("h1#title").inner_text() == "Ana Lopez"
        assert page.locator("mark").all_inner_texts() == ["the count was clean and complete", "52%", "44%"]
        page.screenshot(path=str(tmp_path / "entity.png"), full_page=True)
        browser.close()
