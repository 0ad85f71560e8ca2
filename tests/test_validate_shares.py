"""Validation in shares (kg.validate_shares) gives exactly the report of one whole validation:
on the bundled articles, on ../shared/corpus, and with violations injected into shapes that
read across graphs (sh:class on an entity, counts over inverse paths, SPARQL targets)."""

from pathlib import Path

import pytest

from kg.articles import read_articles
from kg.build import map_dataset
from kg.extract import extract_corpus
from kg.validate import validate_ntriples
from kg.validate_shares import index_union, plan_shares, validate_in_shares

BUNDLED = Path(__file__).parents[1] / "kg" / "data" / "articles"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"

TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
KG = "https://example.org/kg/ontology#"


def dataset_of(folder: Path):
    articles, _ = read_articles(folder)
    return map_dataset(extract_corpus(articles), workers=1)


@pytest.fixture(scope="module")
def bundled():
    return dataset_of(BUNDLED)


def first(statements, predicate: str) -> str:
    return sorted(s for s in statements if s.split(" ", 2)[1] == predicate)[0]


def untype_an_entity(statements: set[str]) -> set[str]:
    """The first Person loses its type: sh:class on every mention and result naming it fails."""
    person = first([s for s in statements if s.endswith("<http://schema.org/Person>")], TYPE).split(" ")[0]
    return {s for s in statements if not (s.startswith(person + " ") and s.split(" ", 2)[1] == TYPE)}


def drop_a_comparison(statements: set[str]) -> set[str]:
    """A kg:comparedFigure triple goes: a figure's count over an inverse path may fail."""
    return statements - {first(statements, f"<{KG}comparedFigure>")}


def misquote_a_span(statements: set[str]) -> set[str]:
    """A span's anchor no longer matches its context's text (a SPARQL target reading the context)."""
    anchor = first(statements, f"<{NIF}anchorOf>")
    return (statements - {anchor}) | {anchor.split(" ", 2)[0] + f' <{NIF}anchorOf> "not the text"'}


def change_a_share(statements: set[str]) -> set[str]:
    """A result reports a vote share its figure does not have (a SPARQL target over two nodes)."""
    share = first([s for s in statements if s.startswith("<https://example.org/kg/id/result/")], f"<{KG}voteShare>")
    subject = share.split(" ", 2)[0]
    return (statements - {share}) | {f'{subject} <{KG}voteShare> "99.9"^^<http://www.w3.org/2001/XMLSchema#decimal>'}


def use_https_schema(statements: set[str]) -> set[str]:
    """An https://schema.org/ term: the SPARQL constraint that reads every triple of a node."""
    subject = sorted(statements)[0].split(" ", 2)[0]
    return statements | {f'{subject} <https://schema.org/name> "x"'}


INJECTIONS = [untype_an_entity, drop_a_comparison, misquote_a_span, change_a_share, use_https_schema]


def whole_report(statements: set[str]):
    return validate_ntriples("".join(f"{s} .\n" for s in statements).encode("utf-8"))


def shares_report(statements: set[str], subjects, workers: int = 1, size: int = 400):
    return validate_in_shares(index_union(statements, subjects), size=size, workers=workers)


def test_the_bundled_articles_are_cut_into_many_shares(bundled):
    assert len(plan_shares(index_union(bundled.triples, bundled.subjects()), size=400)) > 5


@pytest.mark.parametrize("workers", [1, 2], ids=["in-process", "two-workers"])
def test_the_shares_report_on_the_bundled_articles_is_the_whole_one(bundled, workers):
    whole = whole_report(bundled.triples)
    split = shares_report(bundled.triples, bundled.subjects(), workers)
    assert (split.conforms, split.results) == (whole.conforms, whole.results) == (True, ())


@pytest.mark.parametrize("inject", INJECTIONS, ids=[f.__name__ for f in INJECTIONS])
def test_the_shares_report_the_exact_violations_of_the_whole(bundled, inject):
    statements = inject(set(bundled.triples))
    whole = whole_report(statements)
    split = shares_report(statements, bundled.subjects())
    assert not whole.conforms and whole.results
    assert split.conforms is False
    assert split.results == whole.results
    assert len(list(split.report_graph.objects(None, None))) > 0


def test_all_injections_at_once_on_two_workers(bundled):
    statements = set(bundled.triples)
    for inject in INJECTIONS:
        statements = inject(statements)
    whole = whole_report(statements)
    split = shares_report(statements, bundled.subjects(), workers=2, size=1000)
    assert split.results == whole.results
    assert len({v.shape for v in whole.results}) >= 4


def test_the_shares_report_on_the_shared_corpus_is_the_whole_one():
    dataset = dataset_of(CORPUS)
    whole = whole_report(dataset.triples)
    split = shares_report(dataset.triples, dataset.subjects(), workers=2, size=2000)
    assert (split.conforms, split.results) == (whole.conforms, whole.results)
