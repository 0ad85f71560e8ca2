"""Disagreements: figures compared as the intervals their writing allows."""

from decimal import Decimal
from pathlib import Path

import pytest

from kg.findings import find_disagreements, group_figures, judge
from kg.model import Article, Corpus, Extraction, Result, Span


def result(share: str, precision: str, kind="official", bound="exact", counted=None, candidate="person/a"):
    return Result(candidate, Decimal(share), f"{share}%", Decimal(precision), bound, kind,
                  Span(0, 1), Span(0, 1), counted=Decimal(counted) if counted else None)


CASES = [
    ("same figure, more digits", result("51.2", "0.1"), result("51.20", "0.01"), "consistent"),
    ("rounded to a whole number", result("51.2", "0.1"), result("51", "1"), "consistent"),
    ("a lower bound that holds", result("51", "1", bound="more-than"), result("51.20", "0.01"), "consistent"),
    ("a lower bound that fails", result("52", "1", bound="more-than"), result("51.20", "0.01"), "mismatch"),
    ("a misprinted digit", result("44.02", "0.01", counted="80"), result("44.2", "0.1"), "mismatch"),
    ("a later count", result("51.2", "0.1", counted="80"), result("51.95", "0.01", counted="96.87"), "revision"),
    ("authority against exit poll", result("51.2", "0.1"), result("31", "1", kind="exit-poll"), "competing-claims"),
    ("authority against opposition", result("51.2", "0.1"), result("30", "1", kind="opposition-tally"), "competing-claims"),
    ("two exit polls that differ", result("65", "1", kind="exit-poll"), result("60", "1", kind="exit-poll"), "mismatch"),
    ("a poll is not a count", result("51.2", "0.1"), result("40", "1", kind="opinion-poll"), None),
]


@pytest.mark.parametrize("left, right, verdict", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_judge_gives_the_verdict_and_is_symmetric(left, right, verdict):
    assert judge(left, right) == verdict
    assert judge(right, left) == verdict


def extraction(name: str, *results: Result) -> Extraction:
    text = "x" * 10
    article = Article(path=Path(name), text=text, sha256=name * 64, language="en")
    return Extraction(article, results=results)


def test_identical_figures_form_one_group_and_only_distinct_figures_are_compared():
    corpus = Corpus(
        extractions=(
            extraction("a", result("51.2", "0.1")),
            extraction("b", result("51.2", "0.1")),
            extraction("c", result("44.02", "0.01", candidate="person/b")),
            extraction("d", result("44.2", "0.1", candidate="person/b")),
        ),
        entities={},
    )
    findings = find_disagreements(corpus)
    assert [(f.verdict, f.candidate, sorted(s.article for s in f.results)) for f in findings] == [
        ("mismatch", "person/b", ["cccccccccccccccc", "dddddddddddddddd"]),
    ]
    assert findings[0].explanation == (
        "official 44.02% (44.015 to 44.025) and official 44.2% (44.15 to 44.25) "
        "do not agree and nothing explains the gap"
    )


def test_two_figures_in_one_article_are_not_two_sources_disagreeing():
    corpus = Corpus((extraction("a", result("51.2", "0.1"), result("52", "1")),), {})
    assert find_disagreements(corpus) == []


def test_a_finding_is_named_by_what_it_compares_not_by_its_members():
    # A new source repeating a figure joins the finding; the finding keeps its IRI, so an
    # ingest changes a few triples instead of rewriting the findings graph.
    two = Corpus((extraction("a", result("51.2", "0.1")), extraction("b", result("44.2", "0.1"))), {})
    three = Corpus(two.extractions + (extraction("c", result("51.2", "0.1")),), {})
    [before] = find_disagreements(two)
    after = [f for f in find_disagreements(three) if len(f.results) == 3]
    assert [f.key for f in after] == [before.key]
    assert [f.key for f in after[0].figures] == [f.key for f in before.figures]


def test_results_written_the_same_way_are_one_figure_with_every_source():
    corpus = Corpus((
        extraction("a", result("51.2", "0.1")),
        extraction("b", result("51.20", "0.1")),
        extraction("c", result("51.2", "0.1", counted="80")),
        extraction("d", result("44.2", "0.1")),
    ), {})
    figures = group_figures(corpus)
    assert [(f.key, [s.article[0] for s in f.results]) for f in figures] == [
        (("person/a", "", "official", "44.2", "0.1", "exact", ""), ["d"]),
        (("person/a", "", "official", "51.2", "0.1", "exact", ""), ["a", "b"]),
        (("person/a", "", "official", "51.2", "0.1", "exact", "80"), ["c"]),
    ]
    assert [(f.verdict, [g.key[3:] for g in f.figures]) for f in find_disagreements(corpus)] == [
        ("mismatch", [("44.2", "0.1", "exact", ""), ("51.2", "0.1", "exact", "")]),
        ("mismatch", [("44.2", "0.1", "exact", ""), ("51.2", "0.1", "exact", "80")]),
        ("consistent", [("51.2", "0.1", "exact", ""), ("51.2", "0.1", "exact", "80")]),
    ]
