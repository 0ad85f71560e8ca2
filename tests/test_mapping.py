"""Mapping a corpus to quads: the graph layout, stable IRIs and spans true to the text."""

from collections import Counter
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode

from kg.articles import parse_article
from kg.build import build_quads, validate_quads
from kg.model import Claim, Corpus, Entity, Extraction, Mention, Result, Span

ENGLISH = "Nicolás Maduro won 51.20% of the vote, the council said."
NORWEGIAN = "Valgrådet sier at Nicolás Maduro fikk 51,2 prosent."
MADURO = Entity("person/nicolas-maduro", "person", {"es": "Nicolás Maduro"}, frozenset({("en", "Maduro")}), "Q57413")
COUNCIL = Entity("organization/cne", "government-organization", {"en": "National Electoral Council"})


def article(text: str, language: str, name: str):
    return parse_article(f"language: {language}\nurl: https://news.example.com/{name}\n\n{text}", path=Path(name))


def corpus() -> Corpus:
    en, nb = article(ENGLISH, "en", "en.txt"), article(NORWEGIAN, "nb", "nb.txt")
    whole_en, whole_nb = Span(0, len(ENGLISH)), Span(0, len(NORWEGIAN))
    return Corpus(
        extractions=(
            Extraction(
                en,
                mentions=(Mention(MADURO.key, Span(0, 14), whole_en),),
                results=(Result(MADURO.key, Decimal("51.20"), "51.20%", Decimal("0.01"), "exact", "official",
                                Span(19, 25), whole_en, counted=Decimal("80"), announced_by=COUNCIL.key),),
                claims=(Claim(COUNCIL.key, "Nicolás Maduro won 51.20% of the vote", False, Span(0, 37), whole_en, "cne-maduro-won"),),
            ),
            Extraction(
                nb,
                mentions=(Mention(MADURO.key, Span(18, 32), whole_nb),),
                results=(Result(MADURO.key, Decimal("51.2"), "51,2 prosent", Decimal("0.1"), "exact", "official",
                                Span(38, 50), whole_nb),),
                claims=(Claim(COUNCIL.key, "Nicolás Maduro fikk 51,2 prosent", False, Span(18, 50), whole_nb, "cne-maduro-won"),),
            ),
        ),
        entities={MADURO.key: MADURO, COUNCIL.key: COUNCIL},
    )


def values(quads, predicate: str) -> set:
    return {(q.subject.value, q.object.value) for q in quads if q.predicate.value == predicate}


def test_each_article_has_an_assertion_and_a_provenance_graph_beside_entities_and_findings():
    quads = build_quads(corpus())
    en, nb = (e.article.key for e in corpus().extractions)
    base = "https://example.org/kg/graph/"
    assert {q.graph_name.value for q in quads} == {
        f"{base}entities", f"{base}findings", f"{base}findings/provenance",
        f"{base}article/{en}", f"{base}article/{en}/provenance",
        f"{base}article/{nb}", f"{base}article/{nb}/provenance",
    }


def test_every_span_anchor_is_the_text_between_its_offsets():
    quads = build_quads(corpus())
    texts = {e.article.key: e.article.text for e in corpus().extractions}
    begins = dict(values(quads, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex"))
    ends = dict(values(quads, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex"))
    anchors = values(quads, "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
    assert len(anchors) == 8
    for span, anchor in anchors:
        article_key = span.split("/id/article/")[1].split("/")[0]
        assert texts[article_key][int(begins[span]):int(ends[span])] == anchor


def test_the_same_statement_in_two_articles_is_one_claim_with_two_appearances_and_texts():
    quads = build_quads(corpus())
    claims = {q.subject.value for q in quads if q.object == NamedNode("http://schema.org/Claim")}
    assert len(claims) == 1
    claim = claims.pop()
    assert {q.object for q in quads if q.subject.value == claim and q.predicate.value == "http://schema.org/text"} == {
        Literal("Nicolás Maduro won 51.20% of the vote", language="en"),
        Literal("Nicolás Maduro fikk 51,2 prosent", language="nb"),
    }
    assert len({q.object for q in quads if q.subject.value == claim and q.predicate.value == "http://schema.org/appearance"}) == 2


def test_a_vote_share_is_canonical_and_its_written_form_and_precision_are_kept_apart():
    quads = build_quads(corpus())
    decimal = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    by_result = {}
    for q in quads:
        if "/result/" in q.subject.value and q.predicate.value.split("#")[-1] in ("voteShare", "shareAsWritten", "sharePrecision"):
            by_result.setdefault(q.subject.value, {})[q.predicate.value.split("#")[-1]] = q.object
    assert sorted(by_result.values(), key=str) == sorted([
        {"voteShare": Literal("51.2", datatype=decimal), "shareAsWritten": Literal("51.20%"),
         "sharePrecision": Literal("0.01", datatype=decimal)},
        {"voteShare": Literal("51.2", datatype=decimal), "shareAsWritten": Literal("51,2 prosent"),
         "sharePrecision": Literal("0.1", datatype=decimal)},
    ], key=str)


def test_iris_depend_only_on_content_so_they_never_change_between_builds():
    first, second = build_quads(corpus()), build_quads(corpus())
    assert first == second
    results = sorted({q.subject.value for q in first if q.object.value.endswith("#ReportedResult")})
    assert results == [
        "https://example.org/kg/id/result/607fafd55c33cc00",
        "https://example.org/kg/id/result/f981ff905a3c0ca9",
    ]


def test_everything_minted_lives_under_the_configured_base():
    quads = build_quads(corpus(), base="https://data.example.net/news/")
    minted = {t.value for q in quads for t in (q.subject, q.object, q.graph_name) if isinstance(t, NamedNode)}
    ours = {iri for iri in minted if "example" in iri and "news.example.com" not in iri}
    assert ours and all(
        iri.startswith("https://data.example.net/news/") or iri.startswith("https://example.org/kg/ontology#")
        for iri in ours
    )


def test_figures_that_agree_within_their_precision_are_a_consistent_finding():
    quads = build_quads(corpus())
    verdicts = values(quads, "https://example.org/kg/ontology#verdict")
    assert {v for _, v in verdicts} == {"https://example.org/kg/ontology#Consistent"}


KG = "https://example.org/kg/ontology#"
FINDINGS = "https://example.org/kg/graph/findings"


def findings_graph(corpus: Corpus) -> set:
    return {q.triple for q in build_quads(corpus) if q.graph_name.value == FINDINGS}


def test_a_finding_compares_two_figures_and_each_result_reports_its_figure_once():
    triples = findings_graph(corpus())
    assert Counter(t.predicate.value.rsplit("#", 1)[-1] for t in triples) == {
        "type": 3, "verdict": 1, "candidate": 3, "comment": 1, "comparedFigure": 2, "reportsFigure": 2,
        "resultKind": 2, "voteShare": 2, "sharePrecision": 2, "shareBound": 2, "countedShare": 1,
        "wasDerivedFrom": 2,
    }
    figures = {t.object for t in triples if t.predicate.value == f"{KG}comparedFigure"}
    reported = {t.object for t in triples if t.predicate.value == f"{KG}reportsFigure"}
    assert figures == reported and len(figures) == 2
    assert {t.object.value for t in triples if t.subject in figures and t.predicate.value == f"{KG}voteShare"} == {"51.2"}


def test_a_new_article_repeating_a_figure_adds_one_membership_and_renames_nothing():
    before = corpus()
    repeat = article("Maduro fikk 51,2 prosent, sier rådet.", "nb", "nb2.txt")
    text = repeat.text
    again = Extraction(repeat, results=(Result(MADURO.key, Decimal("51.2"), "51,2 prosent", Decimal("0.1"), "exact",
                                               "official", Span(12, 24), Span(0, len(text))),))
    after = Corpus(before.extractions + (again,), before.entities)
    added, removed = findings_graph(after) - findings_graph(before), findings_graph(before) - findings_graph(after)
    assert removed == set()
    assert sorted((t.subject.value.rsplit("/", 2)[-2], t.predicate.value, t.object.value.rsplit("/", 2)[-2]) for t in added) == [
        ("figure", "http://www.w3.org/ns/prov#wasDerivedFrom", "article"), ("result", f"{KG}reportsFigure", "figure")]
    assert {t.object.value for t in added if t.subject.value.rsplit("/", 2)[-2] == "figure"} == {
        f"https://example.org/kg/id/article/{repeat.key}"}


def test_each_figure_is_derived_from_the_articles_of_its_results_and_the_findings_graph_lists_none():
    quads = build_quads(corpus())
    derived = "http://www.w3.org/ns/prov#wasDerivedFrom"
    members = {(t.object, t.subject) for t in findings_graph(corpus()) if t.predicate.value == f"{KG}reportsFigure"}
    sources = {(q.subject, q.object) for q in quads if q.predicate.value == derived}
    expected = {(figure, source) for figure, result in members for r, source in sources if r == result}
    assert len({figure for figure, _ in expected}) == 2  # each figure, from the article of its one result
    assert {(s, o) for s, o in sources if s.value.startswith("https://example.org/kg/id/figure/")} == expected
    assert [q for q in quads if q.graph_name.value == f"{FINDINGS}/provenance" and q.predicate.value == derived] == []


def test_a_paragraph_that_is_only_a_name_is_both_its_sentence_and_the_phrase_and_conforms():
    heading = "Maduro"
    only = article(heading, "en", "heading.txt")
    whole = Span(0, len(heading))
    quads = build_quads(Corpus(extractions=(Extraction(only, mentions=(Mention(MADURO.key, whole, whole),)),),
                               entities={MADURO.key: MADURO}))
    nif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    types = {o for s, o in values(quads, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") if s.endswith("#char=0,6")}
    assert {f"{nif}Sentence", f"{nif}Phrase"} <= types
    assert len(values(quads, f"{nif}anchorOf")) == 1
    assert validate_quads(quads).conforms
