"""Value sets read in part: the incremental report still equals a full validation's.

kg.incremental reads a large value set (a figure's results and articles, a claim's
appearances) only in part when the node's shapes check each value by itself. The
bundled dataset has no set large enough, so each case also runs with the threshold at 0:
every node's value sets are then read in part wherever kg.value_sets allows it.
"""

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import SH

import kg.incremental
from kg.build import validate_quads
from kg.incremental import published, validate_change
from kg.store import open_read_only
from kg.validate import load_shapes
from kg.value_sets import Rule, focus_rules, shape_facts

BASE = "https://example.org/kg/"
KG = BASE + "ontology#"
SCHEMA = "http://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
FINDINGS = ox.NamedNode(BASE + "graph/findings")
MADURO = ox.NamedNode(BASE + "id/person/nicolas-maduro")


@pytest.fixture(scope="module")
def store(bundled_dataset):
    from kg.server.sources import prepare_dataset_folder

    return open_read_only(prepare_dataset_folder(bundled_dataset).store_path)


def first_of(store, cls: str) -> ox.NamedNode:
    return min((q.subject for q in store.match(None, RDF_TYPE, ox.NamedNode(cls))), key=lambda n: n.value)


def full_report(store, adds=(), removes=()):
    return validate_quads(list((set(published(store)) - set(removes)) | set(adds)))


def q(s, p, o, g=FINDINGS):
    return ox.Quad(s, ox.NamedNode(p), o, g)


def compared_by_many(s, extra: set) -> tuple[set, set]:
    """A figure compared by twenty more findings (each then compares three: a violation too), so
    that its comparisons are many and its own triples few, plus ``extra`` triples on it."""
    figure = first_of(s, KG + "ReportedFigure")
    findings = sorted((q.subject for q in s.match(None, RDF_TYPE, ox.NamedNode(KG + "ResultComparison"))), key=lambda n: n.value)
    more = [f for f in findings if not any(True for _ in s.match(f, ox.NamedNode(KG + "comparedFigure"), figure))][:20]
    return {q(f, KG + "comparedFigure", figure) for f in more} | {q(figure, p, o) for p, o in extra}, set()


# Each case: (adds, removes) built from the store, and the shapes the full validation reports.
CASES = {
    "figure-derived-from-a-person": (
        lambda s: ({q(first_of(s, KG + "ReportedFigure"), PROV + "wasDerivedFrom", MADURO)}, set()),
        {"FigureSourceShape"}),
    # few triples of its own, many comparisons: its own paths read in part all the same
    "figure-compared-by-many-and-derived-from-a-person": (
        lambda s: compared_by_many(s, {(PROV + "wasDerivedFrom", MADURO)}),
        {"FigureSourceShape", "ComparisonFiguresShape"}),
    "figure-loses-every-article": (
        lambda s: (set(), set(s.match(first_of(s, KG + "ReportedFigure"), ox.NamedNode(PROV + "wasDerivedFrom")))),
        {"FigureSourceShape"}),
    "findings-graph-loses-its-run": (
        lambda s: (set(), set(s.match(FINDINGS, ox.NamedNode(PROV + "wasGeneratedBy")))),
        {"FindingsGraphRunShape"}),
    "claim-appears-in-a-person": (
        lambda s: ({q(first_of(s, SCHEMA + "Claim"), SCHEMA + "appearance", MADURO)}, set()),
        {"ClaimAppearanceShape"}),
    # read in part, a claim is read predicate by predicate: a triple no shape names by its
    # predicate is still read when the change adds it
    "claim-gains-an-https-schema-term": (
        lambda s: ({q(first_of(s, SCHEMA + "Claim"), "https://schema.org/about", MADURO)}, set()),
        {"NoHttpsSchemaShape"}),
    "figure-reported-by-a-person": (
        lambda s: ({q(MADURO, KG + "reportsFigure", first_of(s, KG + "ReportedFigure"))}, set()),
        {"FigureResultsShape", "FigureAgreementShape", "MembershipAgreementShape"}),
    "figure-compared-by-a-person": (
        lambda s: ({q(MADURO, KG + "comparedFigure", first_of(s, KG + "ReportedFigure"))}, set()),
        {"FigureComparisonsShape"}),
}


@pytest.mark.parametrize("large", [16, 0], ids=["threshold-16", "threshold-0"])
@pytest.mark.parametrize("make, shapes", CASES.values(), ids=CASES.keys())
def test_a_change_that_breaks_a_value_set_is_reported_as_a_full_validation_would(store, monkeypatch, large, make, shapes):
    monkeypatch.setattr(kg.incremental, "LARGE", large)
    adds, removes = make(store)
    incremental = validate_change(store, adds, removes)
    full = full_report(store, adds, removes)
    assert incremental.conforms is full.conforms is False
    assert incremental.results == full.results
    assert {r.shape.rsplit(":", 1)[-1].rsplit("#", 1)[-1] for r in full.results} >= shapes - {"FigureAgreementShape"}


@pytest.mark.parametrize("large", [16, 0], ids=["threshold-16", "threshold-0"])
def test_an_ingest_planned_against_the_store_conforms_both_ways(store, monkeypatch, large):
    from pathlib import Path

    from kg.articles import read_article
    from kg.ingest import plan_ingest

    monkeypatch.setattr(kg.incremental, "LARGE", large)
    article = read_article(Path(__file__).parent / "fixtures" / "ingest" / "en_90_late_count.txt")
    change = plan_ingest(store, [article], base=BASE).change.net(store)
    assert change.adds
    assert validate_change(store, change.adds, change.removes).conforms is True
    assert full_report(store, change.adds, change.removes).conforms is True


RULES = {
    # sh:maxCount 1 on prov:wasGeneratedBy, and no other path: nothing is read in part
    "findings-graph": ({KG + "FindingsGraph"}, set(), set(), None),
    "figure": ({KG + "ReportedFigure"}, set(), set(),
               (Rule(PROV + "wasDerivedFrom", False, 1), Rule(KG + "comparedFigure", True, 1),
                Rule(KG + "reportsFigure", True, 1))),
    "claim": ({SCHEMA + "Claim"}, set(), set(),
              (Rule(SCHEMA + "appearance", False, 1), Rule(SCHEMA + "text", False, 1), Rule(KG + "evidence", False, 1))),
    # sh:maxCount 1 on prov:wasDerivedFrom: an assertion graph's source is read whole
    "assertion-graph": ({KG + "AssertionGraph"}, set(), set(), None),
    # its source (sh:maxCount 1) and the terms the SPARQL target comparing it with its figure
    # names are read whole; its evidence spans in part
    "result": ({KG + "ReportedResult"}, {KG + "reportsFigure"}, set(), (Rule(KG + "evidence", False, 1),)),
}


@pytest.mark.parametrize("types, out, into, expected", RULES.values(), ids=RULES.keys())
def test_which_paths_a_node_may_read_in_part(types, out, into, expected):
    assert focus_rules("https://example.org/kg/id/x", types, out.__contains__, into.__contains__) == expected


def test_the_one_shape_whose_sparql_is_taken_as_triple_local_reads_one_triple_of_the_focus_node():
    shapes = load_shapes()
    shape = URIRef(KG + "NoHttpsSchemaShape")
    constraint = shapes.value(shape, SH.sparql)
    query = " ".join(str(shapes.value(constraint, SH.select)).split())
    assert query.startswith("SELECT $this ?path ?value WHERE { $this ?path ?value . FILTER (")
    assert query.count("{") == 1 and " . " not in query.split(" . ", 1)[1]
    assert sum(1 for f in shape_facts() if f.anchors == (None,)) == 1
