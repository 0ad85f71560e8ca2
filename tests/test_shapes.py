"""The SHACL shapes, one case at a time: each is the conforming fixture with one change.

``tests/fixtures/minimal.trig`` follows ontology/MODEL.md and conforms. A violating case removes
and adds a few triples (inline Turtle, with the fixture's prefixes and base) and names every
violation it must cause as (focus node, path, source shape); a conforming case shows a
variation the shapes must accept. A last test checks that every shape has a violating case.

kg validates with shifty (a Rust engine); pySHACL, the reference implementation in Python, runs
every case too, and the two must report the same violations, down to value and message.
"""

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.namespaces import KG
from kg.validate import load_ontology, load_shapes, read_violation, union_graph, validate_graph

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.trig"
ID = "https://example.org/kg/id/"
ARTICLE = f"{ID}article/21dbbb26bba9e6af"
PROLOGUE = f"""
@prefix kg: <https://example.org/kg/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix itsrdf: <http://www.w3.org/2005/11/its/rdf#> .
@prefix wd: <http://www.wikidata.org/entity/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix person: <{ID}person/> .
@prefix org: <{ID}organization/> .
@prefix party: <{ID}party/> .
@prefix country: <{ID}country/> .
@prefix election: <{ID}election/> .
@prefix article: <{ID}article/> .
@prefix result: <{ID}result/> .
@prefix claim: <{ID}claim/> .
@prefix role: <{ID}role/> .
@prefix figure: <{ID}figure/> .
@prefix finding: <{ID}finding/> .
@prefix run: <{ID}run/> .
@base <{ARTICLE}/> .
"""
ASSERTIONS = URIRef("https://example.org/kg/graph/article/21dbbb26bba9e6af")

MADURO = f"<{ID}person/nicolas-maduro>"
BLINKEN = f"<{ID}person/antony-blinken>"
AMOROSO = f"<{ID}person/elvis-amoroso>"
CNE = f"<{ID}organization/cne>"
ELECTION = f"<{ID}election/venezuela-2024-presidential>"
ART = f"<{ARTICLE}>"
CONTEXT = f"<{ARTICLE}/text>"
SHARE_SPAN = f"<{ARTICLE}/text#char=70,75>"
RESULT = f"<{ID}result/3f1c0a9d2b7e4c51>"
CLAIM = f"<{ID}claim/c4d5e6f708192a3b>"
ROLE = f"<{ID}role/5a6b7c8d9e0f1a2b>"
FINDING = f"<{ID}finding/9d8c7b6a5f4e3d2c>"
FIGURE = f"<{ID}figure/1a2b3c4d5e6f7081>"  # 51.2, as RESULT writes it
COUNTED_FIGURE = f"<{ID}figure/2b3c4d5e6f708192>"  # 51.20 at 80% counted, as the other result writes it
OTHER_RESULT = f"<{ID}result/8e02b6d4a1c97f30>"
# What a change to a result's figure terms also breaks: the result no longer is the figure it reports.
DISAGREES = (RESULT, "kg:reportsFigure", "kg:MembershipAgreementShape")
COMMENT = ('"official 51.2% (51.15 to 51.25) and official 51.2% at 80% counted (51.195 to 51.205) '
           'agree within the precision each is written with"@en')
GRAPH = "<https://example.org/kg/graph/article/21dbbb26bba9e6af>"
FINDINGS = "<https://example.org/kg/graph/findings>"
RUN = f"<{ID}run/0b1c2d3e4f5a6b7c>"
SOFTWARE = f"<{ID}software/kg/0.1.0>"
TEXT = (
    "Venezuela's electoral council declared Nicolás Maduro the winner with 51.2% of the vote. "
    "Its head, Elvis Amoroso, later gave the figure as 51.20%. "
    "Antony Blinken said the United States had serious concerns about the count."
)


@pytest.fixture(scope="module")
def fixture_quads() -> tuple:
    return tuple(Dataset().parse(FIXTURE, format="trig").quads((None, None, None, None)))


def change_fixture(quads, remove: str = "", add: str = "") -> Dataset:
    """The fixture less the triples of ``remove`` (from every graph), plus ``add``."""
    dataset = Dataset()
    dropped = set(Graph().parse(data=PROLOGUE + remove, format="turtle"))
    for s, p, o, g in quads:
        if (s, p, o) not in dropped:
            dataset.graph(g).add((s, p, o))
    dataset.graph(ASSERTIONS).parse(data=PROLOGUE + add, format="turtle")
    return dataset


def found(report) -> set[tuple[str, str, str]]:
    return {(r.focus_node, r.path, r.shape) for r in report.results}


def violations_by_pyshacl(data: Dataset) -> set:
    """What pySHACL reports on ``data``, each result read as kg reads a report."""
    _, report, _ = pyshacl.validate(union_graph(data), shacl_graph=load_shapes(), ont_graph=load_ontology(),
                                    inference="none", advanced=True)
    return {read_violation(report, result) for result in report.objects(None, SH.result)}


# (id, remove, add, {(focus node, path, source shape)})
VIOLATIONS = [
    # entities
    ("entity-without-name", f'{BLINKEN} schema:name "Antony Blinken"@en .', "",
     {(BLINKEN, "schema:name", "kg:EntityNameShape")}),
    ("entity-name-without-language", f'{BLINKEN} schema:name "Antony Blinken"@en .',
     f'{BLINKEN} schema:name "Antony Blinken" .',
     {(BLINKEN, "schema:name", "kg:EntityNameShape")}),
    ("entity-two-names-in-one-language", "", f'{AMOROSO} schema:name "E. Amoroso"@es .',
     {(AMOROSO, "schema:name", "kg:EntityNameShape")}),
    ("alternate-name-without-language", "", f'{MADURO} schema:alternateName "Maduro" .',
     {(MADURO, "schema:alternateName", "kg:EntityAlternateNameShape")}),
    ("same-as-not-wikidata", "", f"{BLINKEN} owl:sameAs <http://dbpedia.org/resource/Antony_Blinken> .",
     {(BLINKEN, "owl:sameAs", "kg:SameAsWikidataShape")}),
    ("same-as-wikidata-property-not-item", f"{MADURO} owl:sameAs wd:Q57413 .", f"{MADURO} owl:sameAs wd:P31 .",
     {(MADURO, "owl:sameAs", "kg:SameAsWikidataShape")}),
    ("election-type-a-literal", "", f'{ELECTION} schema:additionalType "presidential election" .',
     {(ELECTION, "schema:additionalType", "kg:ElectionTypeShape")}),
    ("election-date-not-xsd-date", f'{ELECTION} schema:startDate "2024-07-28"^^xsd:date .',
     f'{ELECTION} schema:startDate "28 July 2024" .',
     {(ELECTION, "schema:startDate", "kg:ElectionDateShape")}),
    ("election-location-not-a-country", f"{ELECTION} schema:location country:venezuela .",
     f"{ELECTION} schema:location {CNE} .",
     {(ELECTION, "schema:location", "kg:ElectionCountryShape")}),
    # articles
    ("article-without-sha256",
     f'{ART} kg:sha256 "21dbbb26bba9e6afa6d805b06fb44cd49f7ea108b5dd280fa7282053c65301de" .', "",
     {(ART, "kg:sha256", "kg:ArticleSha256Shape")}),
    ("article-sha256-uppercase",
     f'{ART} kg:sha256 "21dbbb26bba9e6afa6d805b06fb44cd49f7ea108b5dd280fa7282053c65301de" .',
     f'{ART} kg:sha256 "21DBBB26BBA9E6AFA6D805B06FB44CD49F7EA108B5DD280FA7282053C65301DE" .',
     {(ART, "kg:sha256", "kg:ArticleSha256Shape")}),
    ("article-without-language", f'{ART} schema:inLanguage "en" .', "",
     {(ART, "schema:inLanguage", "kg:ArticleLanguageShape")}),
    ("article-in-two-languages", "", f'{ART} schema:inLanguage "nb" .',
     {(ART, "schema:inLanguage", "kg:ArticleLanguageShape")}),
    ("article-not-a-prov-entity", f"{ART} a prov:Entity .", "",
     {(ART, "rdf:type", "kg:ArticleEntityShape")}),
    ("article-url-a-literal", f"{ART} schema:url <https://news.example.org/2024/07/29/venezuela-result> .",
     f'{ART} schema:url "https://news.example.org/2024/07/29/venezuela-result" .',
     {(ART, "schema:url", "kg:ArticleUrlShape")}),
    ("article-headline-without-language", f'{ART} schema:headline "Council declares Maduro winner"@en .',
     f'{ART} schema:headline "Council declares Maduro winner" .',
     {(ART, "schema:headline", "kg:ArticleHeadlineShape")}),
    ("article-date-not-xsd-date", f'{ART} schema:datePublished "2024-07-29"^^xsd:date .',
     f'{ART} schema:datePublished "2024-07-29T10:00:00Z"^^xsd:dateTime .',
     {(ART, "schema:datePublished", "kg:ArticleDateShape")}),
    ("article-publisher-a-person", f"{ART} schema:publisher org:example-news .",
     f"{ART} schema:publisher {BLINKEN} .",
     {(ART, "schema:publisher", "kg:ArticlePublisherShape")}),
    ("article-two-source-files", "", f'{ART} kg:sourceFile "copy.txt" .',
     {(ART, "kg:sourceFile", "kg:ArticleSourceFileShape")}),
    ("article-without-text", f"{ART} kg:text {CONTEXT} .", "",
     {(ART, "kg:text", "kg:ArticleTextShape")}),
    ("article-without-assertion-graph", f"{GRAPH} prov:wasDerivedFrom {ART} .", "",
     {(ART, "^prov:wasDerivedFrom", "kg:ArticleAssertionGraphShape"),
      (GRAPH, "prov:wasDerivedFrom", "kg:AssertionGraphSourceShape")}),
    ("context-without-string", f'{CONTEXT} nif:isString """{TEXT}""" .', "",
     {(CONTEXT, "nif:isString", "kg:ContextStringShape")}),
    ("context-begins-after-zero", f'{CONTEXT} nif:beginIndex "0"^^xsd:integer .',
     f'{CONTEXT} nif:beginIndex "1"^^xsd:integer .',
     {(CONTEXT, "nif:beginIndex", "kg:ContextBeginShape")}),
    ("context-end-an-integer", f'{CONTEXT} nif:endIndex "222"^^xsd:integer .',
     f"{CONTEXT} nif:endIndex 222.0 .",
     {(CONTEXT, "nif:endIndex", "kg:ContextEndShape")}),
    ("context-end-not-its-length", f'{CONTEXT} nif:endIndex "222"^^xsd:integer .',
     f'{CONTEXT} nif:endIndex "221"^^xsd:integer .',
     {(CONTEXT, "nif:endIndex", "kg:ContextLengthMismatchShape")}),
    # spans
    ("span-begin-not-before-end", f'{SHARE_SPAN} nif:beginIndex "70"^^xsd:integer .',
     f'{SHARE_SPAN} nif:beginIndex "75"^^xsd:integer .',
     {(SHARE_SPAN, "nif:beginIndex", "kg:SpanBeginShape")}),
    ("span-begin-after-end", f'{SHARE_SPAN} nif:beginIndex "70"^^xsd:integer .',
     f'{SHARE_SPAN} nif:beginIndex "80"^^xsd:integer .',
     {(SHARE_SPAN, "nif:beginIndex", "kg:SpanBeginShape")}),
    ("span-without-end", f'{SHARE_SPAN} nif:endIndex "75"^^xsd:integer .', "",
     {(SHARE_SPAN, "nif:endIndex", "kg:SpanEndShape")}),
    ("span-without-anchor", f'{SHARE_SPAN} nif:anchorOf "51.2%" .', "",
     {(SHARE_SPAN, "nif:anchorOf", "kg:SpanAnchorShape")}),
    ("span-anchor-not-the-text", f'{SHARE_SPAN} nif:anchorOf "51.2%" .', f'{SHARE_SPAN} nif:anchorOf "51.3%" .',
     {(SHARE_SPAN, "nif:anchorOf", "kg:SpanAnchorMismatchShape")}),
    ("span-without-context", f"{SHARE_SPAN} nif:referenceContext {CONTEXT} .", "",
     {(SHARE_SPAN, "nif:referenceContext", "kg:SpanContextShape")}),
    ("span-in-a-phrase-not-a-sentence", f"{SHARE_SPAN} nif:sentence <text#char=0,88> .",
     f"{SHARE_SPAN} nif:sentence <text#char=39,53> .",
     {(SHARE_SPAN, "nif:sentence", "kg:SpanSentenceShape")}),
    ("mention-of-a-literal", "", f'<text#char=39,53> itsrdf:taIdentRef "Maduro" .',
     {("<https://example.org/kg/id/article/21dbbb26bba9e6af/text#char=39,53>", "itsrdf:taIdentRef",
       "kg:SpanEntityShape")}),
    # results
    ("vote-share-151", f'{RESULT} kg:voteShare "51.2"^^xsd:decimal .', f'{RESULT} kg:voteShare "151"^^xsd:decimal .',
     {(RESULT, "kg:voteShare", "kg:ResultVoteShareShape"), DISAGREES}),
    ("vote-share-a-double", f'{RESULT} kg:voteShare "51.2"^^xsd:decimal .', f"{RESULT} kg:voteShare 51.2e0 .",
     {(RESULT, "kg:voteShare", "kg:ResultVoteShareShape"), DISAGREES}),
    ("result-without-vote-share", f'{RESULT} kg:voteShare "51.2"^^xsd:decimal .', "",
     {(RESULT, "kg:voteShare", "kg:ResultVoteShareShape"), DISAGREES}),
    ("result-candidate-an-organization", f"{RESULT} kg:candidate {MADURO} .", f"{RESULT} kg:candidate {CNE} .",
     {(RESULT, "kg:candidate", "kg:ResultCandidateShape"), DISAGREES}),
    ("result-election-a-country", "", f"{RESULT} kg:election country:venezuela .",
     {(RESULT, "kg:election", "kg:ResultElectionShape"), DISAGREES}),
    ("result-without-share-as-written", f'{RESULT} kg:shareAsWritten "51.2%" .', "",
     {(RESULT, "kg:shareAsWritten", "kg:ResultShareAsWrittenShape")}),
    ("result-precision-zero", f'{RESULT} kg:sharePrecision "0.1"^^xsd:decimal .',
     f'{RESULT} kg:sharePrecision "0"^^xsd:decimal .',
     {(RESULT, "kg:sharePrecision", "kg:ResultSharePrecisionShape"), DISAGREES}),
    ("result-bound-not-a-bound", f"{RESULT} kg:shareBound kg:Exact .", f"{RESULT} kg:shareBound kg:ExitPoll .",
     {(RESULT, "kg:shareBound", "kg:ResultShareBoundShape"), DISAGREES}),
    ("counted-share-negative", "", f'{RESULT} kg:countedShare "-5"^^xsd:decimal .',
     {(RESULT, "kg:countedShare", "kg:ResultCountedShareShape"), DISAGREES}),
    ("counted-bound-not-a-bound", "", f"{RESULT} kg:countedBound kg:Consistent .",
     {(RESULT, "kg:countedBound", "kg:ResultCountedBoundShape")}),
    ("result-without-kind", f"{RESULT} kg:resultKind kg:OfficialResult .", "",
     {(RESULT, "kg:resultKind", "kg:ResultKindShape"), DISAGREES}),
    ("result-announced-by-a-country", f"{RESULT} kg:announcedBy {CNE} .",
     f"{RESULT} kg:announcedBy country:venezuela .",
     {(RESULT, "kg:announcedBy", "kg:ResultAnnouncedByShape")}),
    ("result-without-evidence", f"{RESULT} kg:evidence {SHARE_SPAN} .", "",
     {(RESULT, "kg:evidence", "kg:ResultEvidenceShape")}),
    ("result-without-source-article", f"{RESULT} prov:wasDerivedFrom {ART} .", "",
     {(RESULT, "prov:wasDerivedFrom", "kg:ResultSourceShape")}),
    # claims
    ("claim-without-source-article", f"{CLAIM} schema:appearance {ART} .", "",
     {(CLAIM, "schema:appearance", "kg:ClaimAppearanceShape")}),
    ("claim-with-two-authors", "", f"{CLAIM} schema:author {MADURO} .",
     {(CLAIM, "schema:author", "kg:ClaimAuthorShape")}),
    ("claim-text-without-language",
     f'{CLAIM} schema:text "the United States had serious concerns about the count"@en .',
     f'{CLAIM} schema:text "the United States had serious concerns about the count" .',
     {(CLAIM, "schema:text", "kg:ClaimTextShape")}),
    ("claim-evidence-quoted-a-string", "<text#char=147,221> kg:quoted false .",
     '<text#char=147,221> kg:quoted "no" .',
     {(CLAIM, "kg:evidence", "kg:ClaimQuotedShape")}),
    ("claim-evidence-without-quoted", "<text#char=147,221> kg:quoted false .", "",
     {(CLAIM, "kg:evidence", "kg:ClaimQuotedShape")}),
    ("claim-second-evidence-without-quoted", "",
     f"{CLAIM} kg:evidence <text#char=147,161> .",
     {(CLAIM, "kg:evidence", "kg:ClaimQuotedShape")}),
    ("claim-without-evidence", f"{CLAIM} kg:evidence <text#char=147,221> .", "",
     {(CLAIM, "kg:evidence", "kg:ClaimEvidenceShape")}),
    ("claim-on-behalf-of-a-person", "", f"{CLAIM} kg:onBehalfOf {MADURO} .",
     {(CLAIM, "kg:onBehalfOf", "kg:ClaimOnBehalfOfShape")}),
    # roles
    ("role-held-by-an-organization", f"{ROLE} kg:holder {AMOROSO} .", f"{ROLE} kg:holder {CNE} .",
     {(ROLE, "kg:holder", "kg:RoleHolderShape")}),
    ("role-name-without-language", f'{ROLE} kg:roleName "head"@en .', f'{ROLE} kg:roleName "head" .',
     {(ROLE, "kg:roleName", "kg:RoleNameShape")}),
    ("role-in-a-person", f"{ROLE} kg:inOrganization {CNE} .", f"{ROLE} kg:inOrganization {MADURO} .",
     {(ROLE, "kg:inOrganization", "kg:RoleOrganizationShape")}),
    ("role-without-evidence", f"{ROLE} kg:evidence <text#char=89,112> .", "",
     {(ROLE, "kg:evidence", "kg:RoleEvidenceShape")}),
    ("role-without-source-article", f"{ROLE} prov:wasDerivedFrom {ART} .", "",
     {(ROLE, "prov:wasDerivedFrom", "kg:RoleSourceShape")}),
    # provenance
    ("assertion-graph-without-provenance", f"{GRAPH} prov:wasGeneratedBy {RUN} .", "",
     {(GRAPH, "prov:wasGeneratedBy", "kg:AssertionGraphRunShape")}),
    ("assertion-graph-from-two-articles", "", f"{GRAPH} prov:wasDerivedFrom article:0000000000000000 .",
     {(GRAPH, "prov:wasDerivedFrom", "kg:AssertionGraphSourceShape")}),
    ("run-without-software", f"{RUN} prov:wasAssociatedWith {SOFTWARE} .", "",
     {(RUN, "prov:wasAssociatedWith", "kg:ActivityAgentShape")}),
    ("software-without-version", f'{SOFTWARE} schema:softwareVersion "0.1.0" .', "",
     {(SOFTWARE, "schema:softwareVersion", "kg:SoftwareVersionShape")}),
    ("software-without-name", f'{SOFTWARE} schema:name "kg" .', "",
     {(SOFTWARE, "schema:name", "kg:SoftwareNameShape")}),
    # findings
    ("finding-verdict-not-a-verdict", f"{FINDING} kg:verdict kg:Consistent .", f"{FINDING} kg:verdict kg:Exact .",
     {(FINDING, "kg:verdict", "kg:ComparisonVerdictShape")}),
    ("finding-of-one-figure", f"{FINDING} kg:comparedFigure {FIGURE} .", "",
     {(FINDING, "kg:comparedFigure", "kg:ComparisonFiguresShape"),
      (FIGURE, "^kg:comparedFigure", "kg:FigureComparisonsShape")}),
    ("finding-of-three-figures", "", f"{FINDING} kg:comparedFigure figure:0000000000000000 . "
     f"figure:0000000000000000 a kg:ReportedFigure .",
     {(FINDING, "kg:comparedFigure", "kg:ComparisonFiguresShape")} | {
      ("<https://example.org/kg/id/figure/0000000000000000>", path, shape) for path, shape in [
          ("kg:candidate", "kg:FigureCandidateShape"), ("kg:resultKind", "kg:FigureKindShape"),
          ("kg:voteShare", "kg:FigureVoteShareShape"), ("kg:sharePrecision", "kg:FigureSharePrecisionShape"),
          ("kg:shareBound", "kg:FigureShareBoundShape"), ("^kg:reportsFigure", "kg:FigureResultsShape"),
          ("prov:wasDerivedFrom", "kg:FigureSourceShape")]}),
    ("finding-compares-a-result", f"{FINDING} kg:comparedFigure {FIGURE} .", f"{FINDING} kg:comparedFigure {RESULT} .",
     {(FINDING, "kg:comparedFigure", "kg:ComparisonFiguresShape"),
      (FIGURE, "^kg:comparedFigure", "kg:FigureComparisonsShape")}),
    ("finding-without-candidate", f"{FINDING} kg:candidate {MADURO} .", "",
     {(FINDING, "kg:candidate", "kg:ComparisonCandidateShape")}),
    ("finding-election-a-country", f"{FINDING} kg:election {ELECTION} .", f"{FINDING} kg:election country:venezuela .",
     {(FINDING, "kg:election", "kg:ComparisonElectionShape")}),
    ("finding-comment-without-language", f"{FINDING} rdfs:comment {COMMENT} .",
     f'{FINDING} rdfs:comment "they agree" .',
     {(FINDING, "rdfs:comment", "kg:ComparisonCommentShape")}),
    ("finding-without-comment", f"{FINDING} rdfs:comment {COMMENT} .",
     "", {(FINDING, "rdfs:comment", "kg:ComparisonCommentShape")}),
    # reported figures and which result reports which
    ("figure-candidate-an-organization", f"{FIGURE} kg:candidate {MADURO} .", f"{FIGURE} kg:candidate {CNE} .",
     {(FIGURE, "kg:candidate", "kg:FigureCandidateShape"), DISAGREES}),
    ("figure-in-two-elections", "", f"{FIGURE} kg:election election:venezuela-2018-presidential . "
     'election:venezuela-2018-presidential a schema:Event ; schema:name "Venezuelan presidential election 2018"@en .',
     {(FIGURE, "kg:election", "kg:FigureElectionShape"), DISAGREES}),
    ("figure-without-kind", f"{FIGURE} kg:resultKind kg:OfficialResult .", "",
     {(FIGURE, "kg:resultKind", "kg:FigureKindShape"), DISAGREES}),
    ("figure-vote-share-a-string", f'{FIGURE} kg:voteShare "51.2"^^xsd:decimal .', f'{FIGURE} kg:voteShare "51.2" .',
     {(FIGURE, "kg:voteShare", "kg:FigureVoteShareShape"), DISAGREES}),
    ("figure-precision-negative", f'{FIGURE} kg:sharePrecision "0.1"^^xsd:decimal .',
     f'{FIGURE} kg:sharePrecision "-0.1"^^xsd:decimal .',
     {(FIGURE, "kg:sharePrecision", "kg:FigureSharePrecisionShape"),
      DISAGREES}),
    ("figure-bound-not-a-bound", f"{FIGURE} kg:shareBound kg:Exact .", f"{FIGURE} kg:shareBound kg:Mismatch .",
     {(FIGURE, "kg:shareBound", "kg:FigureShareBoundShape"), DISAGREES}),
    ("figure-counted-share-over-100", f'{COUNTED_FIGURE} kg:countedShare "80"^^xsd:decimal .',
     f'{COUNTED_FIGURE} kg:countedShare "180"^^xsd:decimal .',
     {(COUNTED_FIGURE, "kg:countedShare", "kg:FigureCountedShareShape"),
      (OTHER_RESULT, "kg:reportsFigure", "kg:MembershipAgreementShape")}),
    ("figure-reported-by-no-result", f"{RESULT} kg:reportsFigure {FIGURE} .", "",
     {(FIGURE, "^kg:reportsFigure", "kg:FigureResultsShape")}),
    ("figure-reported-by-a-claim", "", f"{CLAIM} kg:reportsFigure {FIGURE} .",
     {(FIGURE, "^kg:reportsFigure", "kg:FigureResultsShape"), (CLAIM, "kg:reportsFigure", "kg:MembershipAgreementShape")}),
    ("result-reports-two-figures", "", f"{RESULT} kg:reportsFigure {COUNTED_FIGURE} .",
     {(RESULT, "kg:reportsFigure", "kg:MembershipFigureShape"), DISAGREES}),
    ("result-reports-a-finding", f"{RESULT} kg:reportsFigure {FIGURE} .", f"{RESULT} kg:reportsFigure {FINDING} .",
     {(RESULT, "kg:reportsFigure", "kg:MembershipFigureShape"), (FIGURE, "^kg:reportsFigure", "kg:FigureResultsShape"),
      DISAGREES}),
    ("result-reports-the-other-figure", f"{RESULT} kg:reportsFigure {FIGURE} .",
     f"{RESULT} kg:reportsFigure {COUNTED_FIGURE} .",
     {(FIGURE, "^kg:reportsFigure", "kg:FigureResultsShape"), DISAGREES}),
    ("result-share-differs-from-its-figure", f'{RESULT} kg:voteShare "51.2"^^xsd:decimal .',
     f'{RESULT} kg:voteShare "51.3"^^xsd:decimal .',
     {DISAGREES}),
    ("findings-graph-without-run", f"{FINDINGS} prov:wasGeneratedBy {RUN} .", "",
     {(FINDINGS, "prov:wasGeneratedBy", "kg:FindingsGraphRunShape")}),
    ("figure-without-articles", f"{FIGURE} prov:wasDerivedFrom {ART} .", "",
     {(FIGURE, "prov:wasDerivedFrom", "kg:FigureSourceShape")}),
    ("figure-derived-from-a-result", "", f"{COUNTED_FIGURE} prov:wasDerivedFrom {RESULT} .",
     {(COUNTED_FIGURE, "prov:wasDerivedFrom", "kg:FigureSourceShape")}),
    # vocabulary
    ("https-schema-property", "", f'{BLINKEN} <https://schema.org/jobTitle> "diplomat"@en .',
     {(BLINKEN, "<https://schema.org/jobTitle>", "kg:NoHttpsSchemaShape")}),
    ("https-schema-class", "", f"{BLINKEN} a <https://schema.org/Person> .",
     {(BLINKEN, "rdf:type", "kg:NoHttpsSchemaShape")}),
]


@pytest.mark.parametrize(("remove", "add", "expected"), [c[1:] for c in VIOLATIONS], ids=[c[0] for c in VIOLATIONS])
def test_change_breaks_exactly_this_shape(fixture_quads, remove, add, expected):
    report = validate_graph(change_fixture(fixture_quads, remove, add))
    assert not report.conforms
    assert found(report) == expected


# (id, remove, add): variations the model allows.
CONFORMING = [
    ("the-fixture-as-is", "", ""),
    ("entity-without-wikidata-link", f"{MADURO} owl:sameAs wd:Q57413 .", ""),
    ("party-as-candidate", f"{RESULT} kg:candidate {MADURO} . {FIGURE} kg:candidate {MADURO} .",
     f"{RESULT} kg:candidate party:psuv . {FIGURE} kg:candidate party:psuv . "
     'party:psuv a schema:PoliticalParty ; schema:name "PSUV"@es .'),
    ("government-organization-as-publisher", f"{ART} schema:publisher org:example-news .",
     f"{ART} schema:publisher {CNE} ."),
    ("article-with-only-the-required-fields",
     f"""{ART} schema:url <https://news.example.org/2024/07/29/venezuela-result> ;
        schema:headline "Council declares Maduro winner"@en ; schema:datePublished "2024-07-29"^^xsd:date ;
        schema:publisher org:example-news ; kg:sourceFile "000_21dbbb26bba9e6af.txt" .""", ""),
    ("article-language-with-region", f'{ART} schema:inLanguage "en" .', f'{ART} schema:inLanguage "nb-NO" .'),
    ("result-without-optional-fields",
     f"{RESULT} kg:election {ELECTION} ; kg:announcedBy {CNE} . {FIGURE} kg:election {ELECTION} .", ""),
    ("result-bound-about", f"{RESULT} kg:shareBound kg:Exact . {FIGURE} kg:shareBound kg:Exact .",
     f"{RESULT} kg:shareBound kg:About . {FIGURE} kg:shareBound kg:About ."),
    ("vote-shares-at-the-limits", f'{RESULT} kg:voteShare "51.2"^^xsd:decimal . {FIGURE} kg:voteShare "51.2"^^xsd:decimal .',
     f'{RESULT} kg:voteShare "100"^^xsd:decimal ; kg:countedShare "0"^^xsd:decimal . '
     f'{FIGURE} kg:voteShare "100"^^xsd:decimal ; kg:countedShare "0"^^xsd:decimal .'),
    ("claim-in-two-wordings-on-behalf-of-an-organization", "",
     f'{CLAIM} schema:text "the US had grave doubts about the count"@en ; kg:onBehalfOf {CNE} .'),
    ("claim-by-an-organization", f"{CLAIM} schema:author {BLINKEN} .", f"{CLAIM} schema:author {CNE} ."),
    ("claim-by-a-country", f"{CLAIM} schema:author {BLINKEN} .", f"{CLAIM} schema:author country:venezuela ."),
    ("role-without-organization", f"{ROLE} kg:inOrganization {CNE} .", ""),
    ("https-schema-org-inside-a-literal", "", f'{BLINKEN} schema:alternateName "see https://schema.org/Person"@en .'),
    ("finding-of-competing-claims", f"{FINDING} kg:verdict kg:Consistent .",
     f"{FINDING} kg:verdict kg:CompetingClaims ."),
    ("figure-result-and-finding-without-election",
     f"{RESULT} kg:election {ELECTION} . {FIGURE} kg:election {ELECTION} . {FINDING} kg:election {ELECTION} .", ""),
]


ALL_CASES = [c[:3] for c in VIOLATIONS] + CONFORMING


@pytest.mark.parametrize(("remove", "add"), [c[1:] for c in ALL_CASES], ids=[c[0] for c in ALL_CASES])
def test_shifty_and_pyshacl_report_the_same_violations(fixture_quads, remove, add):
    data = change_fixture(fixture_quads, remove, add)
    assert set(validate_graph(data).results) == violations_by_pyshacl(data)


@pytest.mark.parametrize(("remove", "add"), [c[1:] for c in CONFORMING], ids=[c[0] for c in CONFORMING])
def test_variation_conforms(fixture_quads, remove, add):
    report = validate_graph(change_fixture(fixture_quads, remove, add))
    assert report.results == ()
    assert report.conforms


def test_every_shape_with_a_constraint_has_a_violating_case():
    shapes = load_shapes()
    named = {s for s in shapes.subjects(RDF.type, SH.PropertyShape)}
    named |= {s for s in shapes.subjects(SH.sparql, None)}
    # A shape inside sh:node reports through the shape that refers to it.
    named -= {p for node in shapes.objects(None, SH.node) for p in shapes.objects(node, SH.property)}
    covered = {shape for case in VIOLATIONS for (_, _, shape) in case[3]}
    assert {"kg:" + s.removeprefix(str(KG)) for s in named} == covered
