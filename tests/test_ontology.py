"""The ontology declares every kg: term the model map and the shapes use, and nothing else."""

import re

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg.namespaces import KG, SCHEMA
from kg.resources import resource_dir

ONTOLOGY_DIR = resource_dir("ontology")
SHAPES_DIR = resource_dir("shapes")
DECLARING_TYPES = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_DIR / "kg.ttl")


def read_model_terms() -> set[URIRef]:
    """Every ``kg:`` term written in MODEL.md."""
    text = (ONTOLOGY_DIR / "MODEL.md").read_text(encoding="utf-8")
    return {KG[name] for name in re.findall(r"\bkg:([A-Za-z]\w*)", text)}


def read_shape_terms() -> set[URIRef]:
    """Every ``kg:`` IRI in shapes/, less the shapes and constraints themselves (kg: too)."""
    shapes = Graph()
    for path in sorted(SHAPES_DIR.glob("*.ttl")):
        shapes.parse(path)
    shape_nodes = set(shapes.subjects(RDF.type, SH.NodeShape))
    shape_nodes |= set(shapes.subjects(RDF.type, SH.PropertyShape))
    shape_nodes |= set(shapes.subjects(RDF.type, SH.SPARQLConstraint))
    used = {term for triple in shapes for term in triple if isinstance(term, URIRef)}
    return {term for term in used if term.startswith(str(KG))} - shape_nodes


def test_ontology_header_has_version_label_and_comment(ontology):
    header = URIRef("https://example.org/kg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(header, RDFS.label) == Literal("kg ontology", lang="en")
    assert ontology.value(header, RDFS.comment).language == "en"


def test_shapes_use_kg_terms():
    # Guards the test below: if the glob found nothing it would pass vacuously.
    assert {KG.ReportedResult, KG.voteShare, KG.sha256, KG.AssertionGraph} <= read_shape_terms()


@pytest.mark.parametrize(
    "term",
    sorted(read_model_terms() | read_shape_terms()),
    ids=lambda term: term.removeprefix(str(KG)),
)
def test_term_is_declared_with_english_label_and_comment(ontology, term):
    assert set(ontology.objects(term, RDF.type)) & DECLARING_TYPES, f"{term} is not declared"
    labels = [o for o in ontology.objects(term, RDFS.label) if o.language == "en"]
    comments = [o for o in ontology.objects(term, RDFS.comment) if o.language == "en"]
    assert len(labels) == 1 and len(comments) == 1


def test_ontology_declares_only_model_terms_and_the_classes_of_its_individuals(ontology):
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and s.startswith(str(KG))}
    individual_classes = {KG.ResultKind, KG.Bound, KG.Verdict}
    assert declared == read_model_terms() | individual_classes


@pytest.mark.parametrize(
    ("individual", "cls"),
    [
        (KG.OfficialResult, KG.ResultKind),
        (KG.UnattributedResult, KG.ResultKind),
        (KG.Exact, KG.Bound),
        (KG.About, KG.Bound),
        (KG.Consistent, KG.Verdict),
        (KG.CompetingClaims, KG.Verdict),
    ],
    ids=lambda node: node.removeprefix(str(KG)),
)
def test_individuals_are_named_members_of_their_class(ontology, individual, cls):
    assert (individual, RDF.type, OWL.NamedIndividual) in ontology
    assert (individual, RDF.type, cls) in ontology


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (SCHEMA.GovernmentOrganization, SCHEMA.Organization),
        (SCHEMA.PoliticalParty, SCHEMA.Organization),
    ],
    ids=["government-organization", "political-party"],
)
def test_reused_subclasses_are_declared_for_sh_class(ontology, sub, sup):
    assert (sub, RDFS.subClassOf, sup) in ontology


def test_ontology_uses_no_https_schema_org_terms(ontology):
    terms = {str(t) for triple in ontology for t in triple}
    assert not [t for t in terms if t.startswith("https://schema.org/")]
