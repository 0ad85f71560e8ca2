"""Reading back what a store publishes, as kg's plain data: entities, results, article keys.

Ingesting into a live store needs what is already there in the form the extractor and the
disagreement finder take (:mod:`kg.model`): the published entities, so new mentions link to the
same IRIs, and the published results, so findings cover old and new figures alike. Everything
is read from the graphs ontology/MODEL.md lays out, through ``store.match`` (local or remote).
"""

from __future__ import annotations

import re
from decimal import Decimal

import pyoxigraph as ox

from kg.incremental import published
from kg.iris import Minter
from kg.mapping import BOUNDS, ELECTION_CLASSES, ENTITY_TYPES, RESULT_KINDS
from kg.model import Entity, Result, Span
from kg.namespaces import KG, OWL, PROV, RDF, SCHEMA, WD

_CHAR = re.compile(r"#char=(\d+),(\d+)$")
_KINDS = {str(cls): kind for kind, cls in ENTITY_TYPES.items()}
_BOUND_NAMES = {str(v): k for k, v in BOUNDS.items()}
_KIND_NAMES = {str(v): k for k, v in RESULT_KINDS.items()}
_ELECTION_TYPES = {cls: name for name, cls in reversed(list(ELECTION_CLASSES.items()))}
#: When an entity has several types, the most specific names its kind.
_KIND_ORDER = ("government-organization", "party", "person", "country", "election", "organization")


def node(term) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def key_of(iri: str, base: str) -> str | None:
    """The entity key of an entity IRI, or None for an IRI outside ``{base}id/``.

    >>> key_of("https://example.org/kg/id/person/ana", "https://example.org/kg/")
    'person/ana'
    """
    prefix = base + "id/"
    return iri[len(prefix):] if iri.startswith(prefix) else None


def span_of(iri: str) -> Span | None:
    """The offsets of a span IRI (``…/text#char=10,24``).

    >>> span_of("https://example.org/kg/id/article/ab/text#char=10,24")
    Span(begin=10, end=24)
    """
    match = _CHAR.search(iri)
    return Span(int(match[1]), int(match[2])) if match else None


def values(store, subject, predicate) -> list:
    return [q.object for q in published(store, subject, node(predicate))]


def read_entities(store, base: str) -> dict[str, Entity]:
    """Every entity described in ``graph/entities``, keyed as the extractor keys them."""
    minter = Minter(base)
    graph = minter.entities_graph
    kinds: dict[str, set[str]] = {}
    for quad in published(store, None, node(RDF.type), None, graph):
        if quad.object.value in _KINDS and (key := key_of(quad.subject.value, base)):
            kinds.setdefault(key, set()).add(_KINDS[quad.object.value])
    entities = {}
    for key, found in kinds.items():
        subject = minter.entity(key)
        kind = next(k for k in _KIND_ORDER if k in found)
        names = {lit.language: lit.value for lit in values(store, subject, SCHEMA.name) if lit.language}
        aliases = {(lit.language, lit.value) for lit in values(store, subject, SCHEMA.alternateName) if lit.language}
        aliases |= set(names.items())
        same = [o.value.removeprefix(str(WD)) for o in values(store, subject, OWL.sameAs) if o.value.startswith(str(WD))]
        entities[key] = Entity(key, kind, names, frozenset(aliases), same[0] if same else None,
                               election_extra(store, subject, base) if kind == "election" else {})
    return entities


def election_extra(store, subject, base: str) -> dict[str, str]:
    """An election's type, date and country, as the reference table writes them."""
    extra = {}
    for cls in values(store, subject, SCHEMA.additionalType):
        if cls.value.removeprefix(str(WD)) in _ELECTION_TYPES:
            extra["type"] = _ELECTION_TYPES[cls.value.removeprefix(str(WD))]
    for date in values(store, subject, SCHEMA.startDate):
        extra["date"] = date.value
    for place in values(store, subject, SCHEMA.location):
        if country := key_of(place.value, base):
            extra["country"] = country
    return extra


def article_keys(store, base: str) -> set[str]:
    """The keys of the articles whose assertion graph is published."""
    prefix = base + "graph/article/"
    return {g.value[len(prefix):] for g in _graphs(store) if g.value.startswith(prefix) and "/" not in g.value[len(prefix):]}


def _graphs(store) -> list[ox.NamedNode]:
    return [ox.NamedNode(g) for g in store.list_graphs()]


def read_results(store, base: str) -> list[tuple[str, Result]]:
    """Every published reported result with the key of the article that reports it."""
    subjects = (q.subject for q in published(store, None, node(RDF.type), node(KG.ReportedResult)))
    return read_results_of(store, subjects, base)


def read_results_of(store, subjects, base: str) -> list[tuple[str, Result]]:
    """The results kg minted among the nodes ``subjects``, with their article keys, sorted by
    article key and span."""
    minter = Minter(base)
    found = [read for subject in subjects if (read := read_result(store, subject, base, minter)) is not None]
    return sorted(found, key=lambda pair: (pair[0], pair[1].span))


def read_result(store, subject: ox.NamedNode, base: str, minter: Minter) -> tuple[str, Result] | None:
    """One result as (article key, Result); None when it is not one kg minted."""
    props: dict[str, list] = {}
    for quad in published(store, subject):
        props.setdefault(quad.predicate.value, []).append(quad.object)

    def one(predicate):
        found = props.get(str(predicate))
        return found[0] if found else None

    article, candidate = one(PROV.wasDerivedFrom), one(KG.candidate)
    if article is None or candidate is None:
        return None
    article_key = article.value.rsplit("/", 1)[1]
    candidate_key = key_of(candidate.value, base)
    spans = [s for s in (span_of(e.value) for e in props.get(str(KG.evidence), [])) if s]
    span = next((s for s in spans if minter.result(article_key, s.begin, s.end, candidate_key) == subject), None)
    if span is None:
        return None
    counted, counted_bound = one(KG.countedShare), one(KG.countedBound)
    announced, election = one(KG.announcedBy), one(KG.election)
    return article_key, Result(
        candidate=candidate_key,
        share=Decimal(one(KG.voteShare).value),
        share_text=one(KG.shareAsWritten).value,
        precision=Decimal(one(KG.sharePrecision).value),
        bound=_BOUND_NAMES[one(KG.shareBound).value],
        kind=_KIND_NAMES[one(KG.resultKind).value],
        span=span,
        sentence=span,  # not stored on the result; nothing downstream of findings reads it
        counted=Decimal(counted.value) if counted is not None else None,
        counted_bound=_BOUND_NAMES[counted_bound.value] if counted_bound is not None else None,
        announced_by=key_of(announced.value, base) if announced is not None else None,
        election=key_of(election.value, base) if election is not None else None,
    )
