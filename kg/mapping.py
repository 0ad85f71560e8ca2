"""Mapping extractions to RDF quads: the only stage that speaks RDF.

Deterministic: the same corpus gives the same quads with the same IRIs, because every IRI is
minted by :class:`kg.iris.Minter` from keys and content hashes. The graph layout (an assertion
and a provenance graph per article, one graph of entities, one of findings) and every term are
described in ontology/MODEL.md.

Quads are pyoxigraph terms: the store and the serialisers use them directly, with no conversion
on the hot path; rdflib only sees them when pyshacl needs a graph.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad

from kg.findings import Figure, Finding
from kg.iris import Minter, slugify
from kg.model import Article, Corpus, Entity, Extraction, Span
from kg.namespaces import ITSRDF, KG, NIF, OWL, PROV, RDF, RDFS, SCHEMA, WD, XSD

ENTITY_TYPES = {
    "person": SCHEMA.Person,
    "organization": SCHEMA.Organization,
    "government-organization": SCHEMA.GovernmentOrganization,
    "party": SCHEMA.PoliticalParty,
    "country": SCHEMA.Country,
    "election": SCHEMA.Event,
}
BOUNDS = {
    "exact": KG.Exact, "more-than": KG.MoreThan, "less-than": KG.LessThan,
    "at-least": KG.AtLeast, "at-most": KG.AtMost, "about": KG.About,
}
RESULT_KINDS = {
    "official": KG.OfficialResult, "exit-poll": KG.ExitPoll, "opinion-poll": KG.OpinionPoll,
    "opposition-tally": KG.OppositionTally, "unattributed": KG.UnattributedResult,
}
VERDICTS = {
    "consistent": KG.Consistent, "revision": KG.Revision,
    "mismatch": KG.Mismatch, "competing-claims": KG.CompetingClaims,
}
#: Wikidata classes an election entity's ``extra["type"]`` may name.
ELECTION_CLASSES = {"presidential": "Q858439", "parliamentary": "Q1076105", "general": "Q1076105"}


class _Terms:
    """The pyoxigraph IRIs of one rdflib namespace, each made on first use and then a plain attribute.

    rdflib builds a new URIRef on every ``KG.voteShare``; at a dozen terms per quad that cost
    more than the quads themselves.
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        node = NamedNode(str(self._namespace[name]))
        setattr(self, name, node)
        return node


_KG, _SCHEMA, _NIF, _PROV, _RDF, _RDFS, _OWL, _ITSRDF, _XSD = (
    _Terms(ns) for ns in (KG, SCHEMA, NIF, PROV, RDF, RDFS, OWL, ITSRDF, XSD)
)


@cache
def iri(term) -> NamedNode:
    """A pyoxigraph IRI from an rdflib namespace term (or any string).

    Cached: the mapping asks for the same few dozen terms for every quad, and checking an IRI
    afresh each time was a tenth of the build.
    """
    return NamedNode(str(term))


def text(value: str, language: str | None = None) -> Literal:
    return Literal(value, language=language) if language else Literal(value)


def typed(value: object, datatype) -> Literal:
    return Literal(str(value), datatype=datatype if isinstance(datatype, NamedNode) else iri(datatype))


def decimal(value: Decimal) -> Literal:
    """An xsd:decimal literal in canonical form ("51.20" is written "51.2").

    Stores such as Oxigraph keep literals only in canonical form, so anything else would make the
    served graph differ from the published dumps. The figure as written and its precision are
    kept apart, in kg:shareAsWritten and kg:sharePrecision.

    >>> decimal(Decimal("51.20")).value, decimal(Decimal("80.0")).value, decimal(Decimal("100")).value
    ('51.2', '80', '100')
    """
    return typed(format(value.normalize(), "f"), _XSD.decimal)


def offset(value: int) -> Literal:
    """A character offset, as xsd:integer: Oxigraph stores xsd:nonNegativeInteger as xsd:integer,
    so this is the form every store keeps; the shapes require it to be at least 0."""
    return typed(value, _XSD.integer)


_TYPE = _RDF.type


class Mapper:
    """Maps one publication's corpus to quads under a base IRI."""

    def __init__(self, minter: Minter, *, version: str, run: NamedNode):
        self.mint = minter
        self.version = version
        self.run = run
        self._entities: dict[str, NamedNode] = {}

    def entity(self, key: str) -> NamedNode:
        """The IRI of entity ``key``, minted once: articles name the same entities again and again."""
        node = self._entities.get(key)
        if node is None:
            node = self._entities[key] = self.mint.entity(key)
        return node

    # -- entities -------------------------------------------------------------------------

    def entity_quads(self, entities: Iterable[Entity]) -> Iterator[Quad]:
        """The description of every entity, in the entities graph."""
        graph = self.mint.entities_graph
        for entity in sorted(entities, key=lambda e: e.key):
            node = self.entity(entity.key)
            yield Quad(node, _TYPE, iri(ENTITY_TYPES[entity.kind]), graph)
            for language, name in sorted(entity.names.items()):
                yield Quad(node, _SCHEMA.name, text(name, language), graph)
            preferred = {(lang, name) for lang, name in entity.names.items()}
            for language, alias in sorted(entity.aliases - preferred):
                yield Quad(node, _SCHEMA.alternateName, text(alias, language), graph)
            if entity.wikidata:
                yield Quad(node, _OWL.sameAs, iri(WD[entity.wikidata]), graph)
            yield from self._election_quads(entity, node, graph)

    def _election_quads(self, entity: Entity, node: NamedNode, graph: NamedNode) -> Iterator[Quad]:
        if entity.kind != "election":
            return
        wikidata_class = ELECTION_CLASSES.get(entity.extra.get("type", ""))
        if wikidata_class:
            yield Quad(node, _SCHEMA.additionalType, iri(WD[wikidata_class]), graph)
        if "date" in entity.extra:
            yield Quad(node, _SCHEMA.startDate, typed(entity.extra["date"], _XSD.date), graph)
        if "country" in entity.extra:
            yield Quad(node, _SCHEMA.location, self.entity(entity.extra["country"]), graph)

    # -- one article ----------------------------------------------------------------------

    def article_quads(self, extraction: Extraction) -> Iterator[Quad]:
        """The assertion graph and the provenance graph of one article."""
        yield from self._assertions(extraction)
        yield from self._provenance(extraction.article)

    def _assertions(self, extraction: Extraction) -> Iterator[Quad]:
        article = extraction.article
        graph = self.mint.assertion_graph(article.key)
        article_node = self.mint.article(article.key)
        spans = SpanWriter(self.mint, article, graph)
        for mention in extraction.mentions:
            node = yield from spans.phrase(mention.span, mention.sentence)
            yield Quad(node, _ITSRDF.taIdentRef, self.entity(mention.entity), graph)
        for result in extraction.results:
            node = self.mint.result(article.key, result.span.begin, result.span.end, result.candidate)
            evidence = yield from spans.phrase(result.span, result.sentence)
            yield from _triples(graph, node, [
                (_TYPE, _KG.ReportedResult),
                (_KG.candidate, self.entity(result.candidate)),
                (_KG.voteShare, decimal(result.share)),
                (_KG.shareAsWritten, text(result.share_text)),
                (_KG.sharePrecision, decimal(result.precision)),
                (_KG.shareBound, iri(BOUNDS[result.bound])),
                (_KG.resultKind, iri(RESULT_KINDS[result.kind])),
                (_KG.evidence, evidence),
                (_PROV.wasDerivedFrom, article_node),
            ])
            if result.election:
                yield Quad(node, _KG.election, self.entity(result.election), graph)
            if result.counted is not None:
                yield Quad(node, _KG.countedShare, decimal(result.counted), graph)
                yield Quad(node, _KG.countedBound, iri(BOUNDS[result.counted_bound or "exact"]), graph)
            if result.announced_by:
                yield Quad(node, _KG.announcedBy, self.entity(result.announced_by), graph)
        for claim in extraction.claims:
            node = self.mint.claim(claim.claim_key)
            evidence = yield from spans.phrase(claim.span, claim.sentence)
            yield from _triples(graph, node, [
                (_TYPE, _SCHEMA.Claim),
                (_SCHEMA.author, self.entity(claim.speaker)),
                (_SCHEMA.text, text(claim.text, article.language)),
                (_SCHEMA.appearance, article_node),
                (_KG.evidence, evidence),
            ])
            # Quoted or reported is a property of each appearance: one article may quote what
            # another paraphrases, and both stay true.
            yield Quad(evidence, _KG.quoted, typed("true" if claim.quoted else "false", _XSD.boolean), graph)
            if claim.on_behalf_of:
                yield Quad(node, _KG.onBehalfOf, self.entity(claim.on_behalf_of), graph)
        for role in extraction.roles:
            node = self.mint.role(article.key, role.span.begin, role.span.end, role.holder, role.role)
            evidence = yield from spans.phrase(role.span, role.sentence)
            yield from _triples(graph, node, [
                (_TYPE, _KG.RoleStatement),
                (_KG.holder, self.entity(role.holder)),
                (_KG.roleName, text(role.role, article.language)),
                (_KG.evidence, evidence),
                (_PROV.wasDerivedFrom, article_node),
            ])
            if role.organization:
                yield Quad(node, _KG.inOrganization, self.entity(role.organization), graph)
        for key in sorted(referenced_entities(extraction)):
            yield Quad(article_node, _SCHEMA.mentions, self.entity(key), graph)

    def _provenance(self, article: Article) -> Iterator[Quad]:
        graph = self.mint.provenance_graph(article.key)
        article_node = self.mint.article(article.key)
        context = self.mint.context(article.key)
        yield from _triples(graph, self.mint.assertion_graph(article.key), [
            (_TYPE, _KG.AssertionGraph),
            (_PROV.wasDerivedFrom, article_node),
            (_PROV.wasGeneratedBy, self.run),
        ])
        yield from _triples(graph, article_node, [
            (_TYPE, _SCHEMA.NewsArticle),
            (_TYPE, _PROV.Entity),
            (_SCHEMA.inLanguage, text(article.language)),
            (_KG.sha256, text(article.sha256)),
            (_KG.sourceFile, text(article.path.name)),
            (_KG.text, context),
        ])
        if article.url:
            yield Quad(article_node, _SCHEMA.url, NamedNode(article.url), graph)
        if article.title:
            yield Quad(article_node, _SCHEMA.headline, text(article.title, article.language), graph)
        if article.date:
            yield Quad(article_node, _SCHEMA.datePublished, typed(article.date.isoformat(), _XSD.date), graph)
        if article.publisher:
            publisher = self.entity(publisher_key(article.publisher))
            yield Quad(article_node, _SCHEMA.publisher, publisher, graph)
        yield from _triples(graph, context, [
            (_TYPE, _NIF.Context),
            (_NIF.isString, text(article.text)),
            (_NIF.beginIndex, offset(0)),
            (_NIF.endIndex, offset(len(article.text))),
        ])
        yield from self.run_quads(graph)

    def run_quads(self, graph: NamedNode) -> Iterator[Quad]:
        """The extraction run and the software that made it, described in ``graph``."""
        software = self.mint.software(self.version)
        yield from _triples(graph, self.run, [
            (_TYPE, _PROV.Activity),
            (_PROV.wasAssociatedWith, software),
        ])
        yield from _triples(graph, software, [
            (_TYPE, _PROV.SoftwareAgent),
            (_SCHEMA.name, text("kg")),
            (_SCHEMA.softwareVersion, text(self.version)),
        ])

    # -- findings -------------------------------------------------------------------------

    def finding_quads(self, findings: Iterable[Finding]) -> Iterator[Quad]:
        """The findings graph and its provenance.

        Each finding names the two figures it compares; each figure is described once, each of
        its results says once that it reports it, and the figure says once which articles it is
        derived from. So a result adds at most two triples however many findings compare its
        figure, and no node lists every compared article.
        """
        graph = self.mint.findings_graph
        figures: dict[tuple, Figure] = {}
        # Findings share their Figure objects (every pair of figures is a finding), and a
        # figure's key and IRI take hashing to make: each is made once per object.
        keys: dict[int, tuple[Figure, tuple]] = {}  # holds the figure, so its id is not reused
        nodes: dict[tuple, NamedNode] = {}
        for finding in findings:
            node = self.mint.finding(finding.key)
            yield from _triples(graph, node, [
                (_TYPE, _KG.ResultComparison),
                (_KG.verdict, iri(VERDICTS[finding.verdict])),
                (_KG.candidate, self.entity(finding.candidate)),
                (_RDFS.comment, text(finding.explanation, "en")),
            ])
            if finding.election:
                yield Quad(node, _KG.election, self.entity(finding.election), graph)
            for figure in finding.figures:
                known = keys.get(id(figure))
                if known is None:
                    known = keys[id(figure)] = (figure, figure.key)
                    figures.setdefault(known[1], figure)
                    if known[1] not in nodes:
                        nodes[known[1]] = self.mint.figure(known[1])
                yield Quad(node, _KG.comparedFigure, nodes[known[1]], graph)
        for key in sorted(figures):
            yield from self._figure_quads(figures[key], nodes[key], graph)
        if figures:  # no findings, no findings graph (nor its provenance)
            yield from self.findings_graph_quads()

    def findings_graph_quads(self) -> Iterator[Quad]:
        """What the findings graph is and which run made it, in its provenance graph.

        Its sources are said per figure (``prov:wasDerivedFrom`` in the findings graph): one list
        of every compared article would grow with the corpus and change with every addition.
        """
        yield from _triples(self.mint.findings_provenance_graph, self.mint.findings_graph, [
            (_TYPE, _KG.FindingsGraph),
            (_PROV.wasGeneratedBy, self.run),
        ])

    def _figure_quads(self, figure: Figure, node: NamedNode, graph: NamedNode) -> Iterator[Quad]:
        """A figure (``node``) in the terms its results use, the articles it is derived from, and
        one membership triple per result."""
        sample = figure.sample
        yield from _triples(graph, node, [
            (_TYPE, _KG.ReportedFigure),
            (_KG.candidate, self.entity(figure.candidate)),
            (_KG.resultKind, iri(RESULT_KINDS[sample.kind])),
            (_KG.voteShare, decimal(sample.share)),
            (_KG.sharePrecision, decimal(sample.precision)),
            (_KG.shareBound, iri(BOUNDS[sample.bound])),
        ])
        if figure.election:
            yield Quad(node, _KG.election, self.entity(figure.election), graph)
        if sample.counted is not None:
            yield Quad(node, _KG.countedShare, decimal(sample.counted), graph)
        for article_key in sorted({sourced.article for sourced in figure.results}):
            yield Quad(node, _PROV.wasDerivedFrom, self.mint.article(article_key), graph)
        for sourced in figure.results:
            result = sourced.result
            member = self.mint.result(sourced.article, result.span.begin, result.span.end, result.candidate)
            yield Quad(member, _KG.reportsFigure, node, graph)


class SpanWriter:
    """Writes NIF spans of one article, each sentence and phrase once."""

    def __init__(self, minter: Minter, article: Article, graph: NamedNode):
        self.mint = minter
        self.article = article
        self.graph = graph
        self.context = minter.context(article.key)
        # A span is written once, but typed once per role: a one-name paragraph (a subheading)
        # is both a sentence and the phrase that names the entity.
        self.written: dict[Span, set] = {}

    def phrase(self, span: Span, sentence: Span) -> Iterator[Quad]:
        """Quads for a phrase inside a sentence; returns (as the generator's value) its node."""
        node = self.mint.span(self.article.key, span.begin, span.end)
        sentence_node = self.mint.span(self.article.key, sentence.begin, sentence.end)
        yield from self._span(span, node, NIF.Phrase)
        yield from self._span(sentence, sentence_node, NIF.Sentence)
        yield Quad(node, _NIF.sentence, sentence_node, self.graph)
        return node

    def _span(self, span: Span, node: NamedNode, kind) -> Iterator[Quad]:
        kinds = self.written.get(span)
        if kinds is not None:
            if kind not in kinds:
                kinds.add(kind)
                yield Quad(node, _TYPE, iri(kind), self.graph)
            return
        self.written[span] = {kind}
        anchor = self.article.text[span.begin : span.end]
        if not anchor:
            raise ValueError(f"{self.article.path}: empty span {span}")
        yield from _triples(self.graph, node, [
            (_TYPE, iri(kind)),
            (_TYPE, _NIF.OffsetBasedString),
            (_NIF.beginIndex, offset(span.begin)),
            (_NIF.endIndex, offset(span.end)),
            (_NIF.anchorOf, text(anchor)),
            (_NIF.referenceContext, self.context),
        ])


def _triples(graph: NamedNode, subject: NamedNode, pairs) -> Iterator[Quad]:
    for predicate, obj in pairs:
        yield Quad(subject, predicate, obj, graph)


def referenced_entities(extraction: Extraction) -> set[str]:
    """Every entity key an article's extraction refers to: what the article mentions."""
    keys = {m.entity for m in extraction.mentions}
    keys |= {r.candidate for r in extraction.results}
    keys |= {r.announced_by for r in extraction.results if r.announced_by}
    keys |= {c.speaker for c in extraction.claims}
    keys |= {c.on_behalf_of for c in extraction.claims if c.on_behalf_of}
    keys |= {r.holder for r in extraction.roles}
    keys |= {r.organization for r in extraction.roles if r.organization}
    return keys


def publisher_key(publisher: str) -> str:
    """The entity key of a publisher named in an article header.

    >>> publisher_key("El País")
    'organization/el-pais'
    """
    return f"organization/{slugify(publisher)}"


def publisher_entities(corpus: Corpus) -> dict[str, Entity]:
    """Entities for the publishers named in article headers that the corpus does not know yet."""
    found: dict[str, Entity] = {}
    for extraction in corpus.extractions:
        article = extraction.article
        if article.publisher:
            key = publisher_key(article.publisher)
            if key not in corpus.entities and key not in found:
                found[key] = Entity(key, "organization", {article.language: article.publisher})
    return found
