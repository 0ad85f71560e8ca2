"""The reference table of known entities (kg/data/entities.ttl), read into plain values.

An entity's key is its IRI path below ``https://example.org/kg/id/``. Besides names and aliases
the table carries three things the extractor uses: ``kg:category`` (what part an entity plays:
"electoral-body", "polling-firm", "candidate", ...), ``kg:demonym`` (a country's adjectives,
which are never entities themselves but tell whose president "the Chilean president" is) and
``kg:capital`` (a country's seat of government, which stands for it when it acts: "Washington said").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from kg.model import Entity
from kg.namespaces import KG, SCHEMA, WD
from kg.resources import REFERENCE_ENTITIES

from .text import fold

TABLE_BASE = "https://example.org/kg/id/"

#: schema.org classes and the entity kind each gives.
KIND_OF_CLASS: dict[URIRef, str] = {
    SCHEMA.Person: "person",
    SCHEMA.GovernmentOrganization: "government-organization",
    SCHEMA.Organization: "organization",
    SCHEMA.PoliticalParty: "party",
    SCHEMA.Country: "country",
    SCHEMA.Event: "election",
}


@dataclass(frozen=True, eq=False)  # hashed by identity: indexes built from it are cached
class Reference:
    """Known entities by key, what part each plays, and demonyms by folded spelling."""

    entities: dict[str, Entity]
    categories: dict[str, frozenset[str]] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    countries: dict[str, str] = field(default_factory=dict)
    capitals: dict[str, str] = field(default_factory=dict)

    def with_known(self, known: dict[str, Entity]) -> Reference:
        """This table with ``known`` (already published entities) added, the table winning ties."""
        merged = {**known, **self.entities}
        return Reference(merged, self.categories, self.demonyms, self.countries, self.capitals)

    def in_category(self, key: str, category: str) -> bool:
        """Whether the entity ``key`` plays ``category``."""
        return category in self.categories.get(key, frozenset())


@cache
def load_reference(path: Path = REFERENCE_ENTITIES) -> Reference:
    """Read the reference table at ``path``; an unknown type or IRI outside the base is an error."""
    graph = Graph()
    graph.parse(path, format="turtle")
    entities: dict[str, Entity] = {}
    categories: dict[str, frozenset[str]] = {}
    demonyms: dict[str, str] = {}
    countries: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for subject in sorted(set(graph.subjects(RDF.type, None)), key=str):
        key = _key_of(subject, path)
        entities[key] = _read_entity(graph, subject, key, path)
        categories[key] = frozenset(str(c) for c in graph.objects(subject, KG.category))
        for demonym in graph.objects(subject, KG.demonym):
            demonyms[fold(str(demonym))] = key
        for country in graph.objects(subject, KG.country):
            countries[key] = _key_of(country, path)
    for subject, capital in graph.subject_objects(KG.capital):
        capitals[fold(str(capital))] = _key_of(subject, path)
    return Reference(entities, categories, demonyms, countries, capitals)


def _key_of(subject: URIRef, path: Path) -> str:
    if not str(subject).startswith(TABLE_BASE):
        raise ValueError(f"{path}: {subject} is not under {TABLE_BASE}")
    return str(subject)[len(TABLE_BASE):]


def _read_entity(graph: Graph, subject: URIRef, key: str, path: Path) -> Entity:
    kinds = [KIND_OF_CLASS[c] for c in graph.objects(subject, RDF.type) if c in KIND_OF_CLASS]
    if not kinds:
        raise ValueError(f"{path}: {subject} has none of the types {sorted(map(str, KIND_OF_CLASS))}")
    names: dict[str, str] = {}
    for name in sorted(graph.objects(subject, SCHEMA.name), key=str):
        names.setdefault(name.language or "und", str(name))
    aliases = frozenset((a.language or "und", str(a)) for a in graph.objects(subject, SCHEMA.alternateName))
    wikidata = next((str(o)[len(str(WD)):] for o in graph.objects(subject, OWL.sameAs) if str(o).startswith(str(WD))), None)
    return Entity(key=key, kind=min(kinds), names=names, aliases=aliases, wikidata=wikidata)


def labels_of(entity: Entity) -> set[str]:
    """Every spelling of ``entity``: its names and aliases.

    >>> sorted(labels_of(Entity("country/chile", "country", {"en": "Chile"}, frozenset({("es", "Chile")}))))
    ['Chile']
    """
    return set(entity.names.values()) | {alias for _, alias in entity.aliases}
