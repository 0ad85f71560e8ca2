"""POST /validate: the SHACL report for candidate RDF, with the published graph or alone."""

import json

import httpx
import pytest
import rdflib
from rdflib.namespace import SH

from kg.server.testing import ServerProcess

BASE = "https://example.org/kg/"
MADURO = BASE + "id/person/nicolas-maduro"
SECOND_NAME = f'<{MADURO}> <http://schema.org/name> "Nick Maduro"@en .'
# A role statement about a published person: it conforms only with that person's type beside it.
ROLE = f"""@prefix kg: <https://example.org/kg/ontology#> .
<{BASE}id/role/test> a kg:RoleStatement ; kg:holder <{MADURO}> ; kg:roleName "president"@en ;
    kg:evidence <{BASE}id/article/0e6f466cd6b93db3/text#char=0,14> ;
    <http://www.w3.org/ns/prov#wasDerivedFrom> <{BASE}id/article/0e6f466cd6b93db3> ."""


@pytest.fixture(scope="module")
def url(bundled_dataset):
    with ServerProcess(bundled_dataset, settings={"max_upload_bytes": 50_000}) as url:
        yield url


def validate(url, body, content_type="text/turtle", accept="application/json", **params):
    return httpx.post(url + "/validate", params=params, content=body,
                      headers={"Content-Type": content_type, "Accept": accept}, timeout=60)


@pytest.mark.parametrize("body, context, conforms", [
    (SECOND_NAME, "published", False),  # the published English name makes it two
    (SECOND_NAME, "none", True),         # alone, an untyped node with one name: nothing targets it
    (ROLE, "published", True),           # the holder is a published schema:Person
    (ROLE, "none", False),               # alone, the holder has no type
], ids=["name-with-context", "name-alone", "role-with-context", "role-alone"])
def test_context_decides(url, body, context, conforms):
    response = validate(url, body, context=context)
    assert response.status_code == 200
    assert response.json()["conforms"] is conforms


def test_results_name_focus_path_value_message_severity_shape(url):
    [result] = validate(url, SECOND_NAME).json()["results"]
    assert result == {
        "focus_node": f"<{MADURO}>", "path": "schema:name", "value": "",
        "message": "An entity needs at least one schema:name, each with a language tag and at most one per language.",
        "severity": "Violation", "shape": "kg:EntityNameShape", "constraint": "sh:UniqueLangConstraintComponent",
    }


@pytest.mark.parametrize("content_type, body", [
    ("application/n-triples", SECOND_NAME),
    ("application/ld+json", json.dumps({"@id": MADURO, "http://schema.org/name": {"@value": "Nick Maduro", "@language": "en"}})),
    ("application/rdf+xml", f'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:s="http://schema.org/">'
                            f'<rdf:Description rdf:about="{MADURO}"><s:name xml:lang="en">Nick Maduro</s:name>'
                            f'</rdf:Description></rdf:RDF>'),
    ("application/trig", f"<http://g> {{ {SECOND_NAME} }}"),
    ("application/n-quads", SECOND_NAME.replace(" .", " <http://g> .")),
], ids=["nt", "jsonld", "rdfxml", "trig", "nquads"])
def test_every_common_syntax(url, content_type, body):
    response = validate(url, body, content_type)
    assert response.status_code == 200, response.text
    assert response.json()["conforms"] is False


def test_report_as_rdf_by_negotiation(url):
    response = validate(url, SECOND_NAME, accept="text/turtle")
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    assert graph.value(next(graph.subjects(rdflib.RDF.type, SH.ValidationReport)), SH.conforms).toPython() is False
    assert len(list(graph.objects(None, SH.result))) == 1


def test_bad_syntax_names_the_line(url):
    response = validate(url, "@prefix s: <http://schema.org/> .\n<http://a> s:name \"x\" .\n<http://a> s:name .\n")
    assert response.status_code == 400
    assert response.text.startswith("line 3: ")


def test_too_large_is_413(url):
    response = validate(url, "# " + "x" * 60_000 + "\n")
    assert response.status_code == 413


def test_unknown_syntax_is_415(url):
    assert validate(url, "a,b\n", "text/csv").status_code == 415
