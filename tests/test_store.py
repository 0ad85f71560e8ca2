"""kg.store: the pyoxigraph-backed quad store behind the server."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.store import Solutions, load_files, memory_store, open_read_only, open_store

FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
BASE = "https://example.org/kg/"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def store():
    store = memory_store()
    load_files(store, [FIXTURE])
    return store


def count(result: Solutions) -> int:
    return int(next(result.rows)[0].value)


def test_loading_keeps_every_quad(store):
    assert store.count_quads() == 123


def test_graphs_are_listed_sorted(store):
    assert store.list_graphs() == [
        f"{BASE}graph/article/aaaaaaaaaaaaaaaa",
        f"{BASE}graph/article/aaaaaaaaaaaaaaaa/provenance",
        f"{BASE}graph/article/bbbbbbbbbbbbbbbb",
        f"{BASE}graph/article/bbbbbbbbbbbbbbbb/provenance",
        f"{BASE}graph/entities",
        f"{BASE}graph/findings",
    ]


@pytest.mark.parametrize("options, expected", [
    ({}, 123),
    ({"union_default_graph": False}, 0),
    ({"default_graphs": [f"{BASE}graph/findings"]}, 23),
    ({"default_graphs": [f"{BASE}graph/findings", f"{BASE}graph/entities"]}, 36),
], ids=["union-by-default", "store-default-graph", "one-default-graph", "two-default-graphs"])
def test_query_dataset_options(store, options, expected):
    assert count(store.query(COUNT, **options)) == expected


def test_named_graphs_restrict_graph_patterns(store):
    query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert count(store.query(query, named_graphs=[f"{BASE}graph/entities"])) == 1


def test_ask_answers_a_bool_and_construct_triples(store):
    assert store.query(f"ASK {{ <{BASE}id/person/ben-ortiz> ?p ?o }}") is True
    triples = list(store.query(f"CONSTRUCT WHERE {{ <{BASE}id/person/ben-ortiz> ?p ?o }}"))
    assert len(triples) == 2


def test_bindings_are_substituted_as_terms(store):
    query = "SELECT ?who ?n WHERE { ?who <http://schema.org/name> ?n }"
    result = store.query(query, bindings={"who": ox.NamedNode(f"{BASE}id/person/ben-ortiz")})
    assert [row[1].value for row in result.rows] == ["Ben Ortiz"]


def test_syntax_error_names_the_position(store):
    with pytest.raises(SyntaxError) as error:
        store.query("SELECT ?x WHERE { ?x ?y }")
    assert str(error.value) == "error at 1:26: expected one of LATERAL, SERVICE, [_]"


def test_quads_for_subject_and_object(store):
    assert len(store.quads_for_subject(f"{BASE}id/person/ben-ortiz")) == 2
    assert len(store.quads_for_object(f"{BASE}id/person/ben-ortiz")) == 2


def test_dump_round_trips(store):
    again = memory_store()
    again.load(store.dump(), ox.RdfFormat.N_QUADS)
    assert again.count_quads() == 123
    assert len(list(ox.parse(store.dump(ox.RdfFormat.TURTLE), format=ox.RdfFormat.TURTLE))) == 123


def test_a_store_on_disk_persists_and_opens_read_only(tmp_path):
    writable = open_store(tmp_path / "store")
    load_files(writable, [FIXTURE])
    del writable
    assert open_read_only(tmp_path / "store").count_quads() == 123
    assert open_read_only(tmp_path / "store").count_quads() == 123


@pytest.mark.parametrize("query, expected", [
    (f"SELECT (COUNT(*) AS ?n) FROM <{BASE}graph/entities> WHERE {{ ?s ?p ?o }}", 13),
    (f"SELECT (COUNT(*) AS ?n) FROM NAMED <{BASE}graph/entities> WHERE {{ ?s ?p ?o }}", 0),
    (f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(?o != 'FROM <{BASE}graph/entities>') }}", 123),
], ids=["from", "from-named", "from-in-a-string"])
def test_a_querys_own_dataset_wins_over_the_union(store, query, expected):
    assert count(store.query(query)) == expected


def test_the_union_default_graph_is_a_set_so_a_triple_in_two_graphs_counts_once(tmp_path):
    # SPARQL 1.1 Query 13.1: the default graph is an RDF graph; a merge of graphs keeps each
    # triple once. A claim carried by two articles is stated in both of their graphs.
    nquads = (
        b'<http://x/claim> <http://x/p> "said" <http://x/article-1> .\n'
        b'<http://x/claim> <http://x/p> "said" <http://x/article-2> .\n'
        b'<http://x/other> <http://x/p> "else" <http://x/article-2> .\n'
    )
    store = open_store(tmp_path / "store")
    store.load(nquads, ox.RdfFormat.N_QUADS)
    store.materialise_union(tmp_path / "store")
    del store
    reopened = open_read_only(tmp_path / "store")
    [row] = reopened.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows
    assert row[0].value == "2"
    [row] = reopened.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
    assert row[0].value == "3"
    assert reopened.count_quads() == 3
    assert reopened.list_graphs() == ["http://x/article-1", "http://x/article-2"]
    assert sorted(reopened.dump(ox.RdfFormat.N_QUADS).splitlines()) == sorted(nquads.splitlines())
    assert [q.graph_name.value for q in reopened.quads_for_subject("http://x/other")] == ["http://x/article-2"]
    [row] = reopened.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union_default_graph=False).rows
    assert row[0].value == "0"
