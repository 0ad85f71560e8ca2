"""The W3C harness's own judgement: how answers are compared, parsed and judged.

These pin the comparison rules the W3C suite states (solutions as multisets up to blank-node
renaming, literals by value within a datatype, REDUCED as sets) and the ordering check the
harness adds for ORDER BY, so a harness bug cannot pass a wrong engine unnoticed.
"""

from __future__ import annotations

import json

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from w3c.compare import compare_answers
from w3c.manifest import read_protocol_tests, read_query_tests
from w3c.query_suite import plan_runs
from w3c.results import Answer, read_response
from w3c.terms import XSD, exact_literals

A, B = URIRef("http://example/a"), URIRef("http://example/b")


def rows(*solutions: dict) -> Answer:
    """A SELECT answer over the variables x and y."""
    return Answer("solutions", variables=("x", "y"), solutions=list(solutions))


COMPARISONS = [
    ("same multiset, other order", rows({"x": A}, {"x": B}), rows({"x": B}, {"x": A}), (), False, True),
    ("missing duplicate", rows({"x": A}, {"x": A}), rows({"x": A}), (), False, False),
    ("duplicates allowed under REDUCED", rows({"x": A}, {"x": A}), rows({"x": A}), (), True, True),
    ("blank nodes renamed consistently",
     rows({"x": BNode("e1"), "y": BNode("e1")}, {"x": BNode("e2"), "y": A}),
     rows({"x": BNode("z9"), "y": A}, {"x": BNode("z8"), "y": BNode("z8")}), (), False, True),
    ("one blank node where two are expected",
     rows({"x": BNode("e1")}, {"x": BNode("e2")}), rows({"x": BNode("z")}, {"x": BNode("z")}), (), False, False),
    ("unbound is not a value", rows({"x": A}), rows({"x": A, "y": B}), (), False, False),
    ("ORDER BY key order kept", rows({"x": A}, {"x": B}), rows({"x": A}, {"x": B}), ("x",), False, True),
    ("ORDER BY key order broken", rows({"x": A}, {"x": B}), rows({"x": B}, {"x": A}), ("x",), False, False),
    ("ties on the ORDER BY key may come in any order",
     rows({"x": A, "y": A}, {"x": A, "y": B}), rows({"x": A, "y": B}, {"x": A, "y": A}), ("x",), False, True),
]


@pytest.mark.parametrize("expected, actual, ordered, lax, agrees",
                         [c[1:] for c in COMPARISONS], ids=[c[0] for c in COMPARISONS])
def test_solutions_compare_as_the_w3c_suite_says(expected, actual, ordered, lax, agrees):
    assert (compare_answers(expected, actual, ordered, lax) is None) is agrees


LITERALS = [
    ("decimal by value", '"1.0"^^xsd:decimal', '"1"^^xsd:decimal', True),
    ("double by value", '"3.0E4"^^xsd:double', '"30000"^^xsd:double', True),
    ("integer and decimal differ", '"1"^^xsd:integer', '"1.0"^^xsd:decimal', False),
    ("different values", '"2"^^xsd:integer', '"02.0"^^xsd:integer', False),
    ("xsd:string is the simple literal", '"a"^^xsd:string', '"a"', True),
    ("language tags ignore case", '"a"@EN', '"a"@en', True),
    ("boolean 1 is true", '"1"^^xsd:boolean', '"true"^^xsd:boolean', True),
    ("ill-typed literals by lexical form", '"x1"^^xsd:integer', '"x01"^^xsd:integer', False),
]


def srj_answer(term: str) -> Answer:
    """A one-row SELECT answer parsed from SPARQL JSON the way the harness parses answers."""
    turtle = f"@prefix xsd: <{XSD}> . <http://s> <http://p> {term} ."
    with exact_literals():
        value = next(iter(Graph().parse(data=turtle, format="turtle").objects()))
    binding = {"type": "literal", "value": str(value)}
    if value.language:
        binding["xml:lang"] = value.language
    elif value.datatype:
        binding["datatype"] = str(value.datatype)
    body = json.dumps({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": binding}]}})
    with exact_literals():
        return read_response("application/sparql-results+json", body.encode())


@pytest.mark.parametrize("left, right, agrees", [c[1:] for c in LITERALS], ids=[c[0] for c in LITERALS])
def test_literals_compare_by_value_within_a_datatype(left, right, agrees):
    assert (compare_answers(srj_answer(left), srj_answer(right)) is None) is agrees


def test_graphs_compare_by_isomorphism():
    def graph(nt: str) -> Answer:
        return read_response("application/n-triples", nt.encode())

    expected = graph('_:a <http://p> "1" .\n_:b <http://p> "1" .\n')
    assert compare_answers(expected, graph('_:x <http://p> "1" .\n_:y <http://p> "1" .\n')) is None
    assert compare_answers(expected, graph('_:x <http://p> "1" .\n')) is not None


def test_ask_answers_compare_as_booleans():
    assert compare_answers(Answer("boolean", boolean=True), Answer("boolean", boolean=True)) is None
    assert compare_answers(Answer("boolean", boolean=True), Answer("boolean", boolean=False)) == "expected True, got False"


def test_manifests_give_every_test_and_its_files():
    tests = read_query_tests()
    kinds = {kind: sum(t.kind == kind for t in tests) for kind in ("evaluation", "positive-syntax", "negative-syntax")}
    assert (len(tests), kinds) == (328, {"evaluation": 225, "positive-syntax": 63, "negative-syntax": 40})
    assert len(read_protocol_tests()) == 34


def test_shared_mode_gives_named_graph_tests_their_own_server():
    runs = plan_runs(read_query_tests(), "shared")
    shared = [r for r in runs if r.by_protocol]
    assert len(shared) == 1 and not shared[0].data.default
    assert all(not t.data.named for t in shared[0].tests)
    assert all(t.data == r.data for r in runs if not r.by_protocol for t in r.tests)


@pytest.mark.slow
def test_a_server_whose_port_was_taken_starts_again_on_another(tmp_path, monkeypatch):
    import socket

    import httpx

    from w3c import endpoint

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        ports = iter([taken.getsockname()[1], endpoint.free_port()])
        monkeypatch.setattr(endpoint, "free_port", lambda: next(ports))
        data = tmp_path / "data.nq"
        data.write_text("<http://s> <http://p> <http://o> .\n")
        with endpoint.running_server(endpoint.TARGETS["oxigraph"], data, tmp_path / "server") as url:
            answer = httpx.get(url, params={"query": "ASK { ?s ?p ?o }"},
                               headers={"Accept": "application/sparql-results+json"})
    assert (url.endswith("/query"), answer.json()["boolean"]) == (True, True)
    assert "address already in use" in (tmp_path / "server" / "server.log").read_text().lower()
