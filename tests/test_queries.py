"""Named queries: every sparql/*.rq has a header, parses, binds its parameters safely and answers."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from kg.queries import NamedQueryError, ParameterError, bind_parameters, load_named_queries, parse_named_query
from kg.resources import resource_dir
from kg.server.jobs import RowsJob, run_rows
from kg.server.testing import ServerProcess
from kg.store import load_files, memory_store

FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
BASE = "https://example.org/kg/"
QUERIES = load_named_queries(resource_dir("sparql"))
REQUIRED = {"claims_by_speaker", "results_per_candidate", "disagreements", "article_contents", "sources_of_fact",
            "mentioned_together"}


@pytest.fixture(scope="module")
def store():
    store = memory_store()
    load_files(store, [FIXTURE])
    return store


def run(store, name: str, **values: str) -> list[dict]:
    query = QUERIES[name]
    _, rows = run_rows(store, RowsJob(query.text, bind_parameters(query, values)))
    return [{k: v["value"] for k, v in row.items()} for row in rows]


def test_the_required_queries_exist_with_headers():
    assert REQUIRED <= set(QUERIES)
    assert all(q.title and q.description for q in QUERIES.values())


@pytest.mark.parametrize("name", sorted(QUERIES), ids=sorted(QUERIES))
def test_every_query_runs_on_the_fixture(store, name):
    assert run(store, name) != []


def test_claims_by_a_speaker(store):
    rows = run(store, "claims_by_speaker", speaker=f"{BASE}id/person/ana-lopez")
    assert rows == [{
        "speaker": f"{BASE}id/person/ana-lopez", "speakerName": "Ana Lopez", "claim": f"{BASE}id/claim/c1",
        "text": "the count was clean and complete", "quoted": "true",
        "article": f"{BASE}id/article/aaaaaaaaaaaaaaaa", "headline": "Lopez wins in Ruritania",
    }]
    assert run(store, "claims_by_speaker", speaker=f"{BASE}id/person/ben-ortiz") == []


def test_results_per_candidate_across_sources(store):
    rows = run(store, "results_per_candidate", candidate=f"{BASE}id/person/ana-lopez")
    assert [(r["voteShare"], r["asWritten"], r["kind"].rsplit("#")[-1], r["article"][-16:]) for r in rows] == [
        ("52", "52%", "OfficialResult", "aaaaaaaaaaaaaaaa"),
        ("44", "44%", "ExitPoll", "bbbbbbbbbbbbbbbb"),
    ]


def test_disagreements(store):
    rows = run(store, "disagreements")
    assert [(r["verdict"].rsplit("#")[-1], r["result"][-2:], r["voteShare"]) for r in rows] == [
        ("CompetingClaims", "r2", "44"), ("CompetingClaims", "r1", "52")]
    assert {(r["result"][-2:], r["figure"].rsplit("/", 1)[-1]) for r in rows} == {("r1", "official-52"), ("r2", "exit-poll-44")}


def test_everything_one_article_says(store):
    rows = run(store, "article_contents", article=f"{BASE}id/article/bbbbbbbbbbbbbbbb")
    assert len(rows) == 17  # 2 mentions, 5 for the span, 10 for the result
    assert {r["graph"] for r in rows} == {f"{BASE}graph/article/bbbbbbbbbbbbbbbb"}


def test_the_sources_of_a_fact(store):
    rows = run(store, "sources_of_fact", fact=f"{BASE}id/result/r2")
    assert rows == [{"fact": f"{BASE}id/result/r2", "article": f"{BASE}id/article/bbbbbbbbbbbbbbbb",
                     "headline": "Exit poll puts Lopez ahead", "graph": f"{BASE}graph/article/bbbbbbbbbbbbbbbb"}]


def test_entities_mentioned_together(store):
    rows = run(store, "mentioned_together", entity=f"{BASE}id/person/ben-ortiz")
    assert [(r["other"].rsplit("/", 1)[-1], r["articles"]) for r in rows] == [("ana-lopez", "2"), ("electoral-board", "1")]


def test_a_value_is_bound_as_a_term_never_pasted(store):
    sneaky = BASE + 'id/person/x> ?p ?o } UNION { ?s ?p ?o'
    with pytest.raises(ParameterError, match="^parameter speaker: .* is not a valid IRI$"):
        bind_parameters(QUERIES["claims_by_speaker"], {"speaker": sneaky})
    query = parse_named_query("q", "# title: T\n# description: D\n# param: s (string)\nSELECT ?s ?n WHERE { ?x <http://schema.org/name> ?n FILTER(STR(?n) = ?s) }")
    _, rows = run_rows(store, RowsJob(query.text, bind_parameters(query, {"s": '" || true || "'})))
    assert rows == []


def test_a_value_with_quotes_braces_and_line_breaks_arrives_as_given(store):
    value = 'say "hi" } UNION { ?s ?p ?o } \\ \n# not a comment'
    query = parse_named_query("q", "# title: T\n# description: WHERE { not here\n# param: s (string)\n"
                                   "SELECT ?s ?n WHERE { BIND(STRLEN(?s) AS ?n) }")
    _, rows = run_rows(store, RowsJob(query.text, bind_parameters(query, {"s": value})))
    assert rows == [{"s": {"type": "literal", "value": value}, "n": {
        "type": "literal", "value": str(len(value)), "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]


@pytest.mark.parametrize("header, message", [
    ("# description: D\nSELECT * {}", "q.rq: the header has no '# title:' line"),
    ("# title: T\n# description: D\n# param: x (colour)\nSELECT * {}",
     "q.rq:3: bad param 'x (colour)': expected 'name (type)', type one of IRI, string, integer, decimal, date"),
], ids=["no-title", "unknown-type"])
def test_bad_headers_name_the_file_and_line(header, message):
    with pytest.raises(NamedQueryError) as error:
        parse_named_query("q", header, "q.rq")
    assert str(error.value) == message


@pytest.mark.slow
def test_named_queries_over_http():
    with ServerProcess(FIXTURE) as url:
        listing = httpx.get(url + "/queries").json()
        as_json = httpx.get(url + "/queries/results_per_candidate",
                            params={"candidate": f"{BASE}id/person/ana-lopez", "format": "json"})
        as_csv = httpx.get(url + "/queries/disagreements", params={"format": "csv"})
        bad = httpx.get(url + "/queries/claims_by_speaker", params={"speaker": "not an iri"})
        page = httpx.get(url + "/queries/claims_by_speaker", headers={"Accept": "text/html"})
        missing = httpx.get(url + "/queries/nope")
    assert {q["name"] for q in listing} == set(QUERIES)
    assert [b["voteShare"]["value"] for b in as_json.json()["results"]["bindings"]] == ["52", "44"]
    assert as_csv.text.splitlines()[0] == "finding,verdict,candidate,result,voteShare,asWritten,kind,article,comment,figure"
    assert (bad.status_code, bad.text) == (400, "parameter speaker: 'not an iri' is not a valid IRI")
    assert '<input name="speaker" value="">' in page.text and "the count was clean and complete" in page.text
    assert missing.status_code == 404
