"""A name found in an article, and the small tables and look-ups every name finder shares."""

from __future__ import annotations

from dataclasses import dataclass

from kg.model import Span

from .languages import Language
from .reference import Reference
from .text import Token, fold

#: Lowercase words that may stand inside a name ("Luiz Inácio Lula da Silva", "Padrino López").
NAME_CONNECTORS = frozenset("de del da das do dos di van von der la le".split())
#: Lowercase words that may stand inside a party's or coalition's name after "the coalition …"
#: ("Fuerza y Corazón por México", "Unión por la Patria").
PARTY_CONNECTORS = frozenset("y e por para de del la el los las for of the and og i av".split())


@dataclass(frozen=True)
class NameMention:
    """A name found in an article, resolved to a reference key or still open."""

    text: str
    span: Span
    sentence: Span
    key: str | None = None
    kind: str | None = None
    title: str | None = None
    place: str | None = None
    title_begin: int | None = None
    category: str | None = None
    #: The English name of a body found by a generic word ("Ministry of the Interior of France").
    label: str | None = None


def title_ends(language: Language) -> frozenset[str]:
    cache = language.__dict__.setdefault("_patterns", {})
    if "title-ends" not in cache:
        cache["title-ends"] = frozenset(title.split()[-1] for title in language.titles)
    return cache["title-ends"]


def title_words(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the titles, and their last words without a dot: a cheap test before the phrases."""
    cache = language.__dict__.setdefault("_patterns", {})
    if "title-words" not in cache:
        cache["title-words"] = (frozenset(title.split()[0] for title in language.titles),
                                frozenset(title.split()[-1].rstrip(".") for title in language.titles))
    return cache["title-words"]


def place_before(tokens: list[Token], first: int, mentions: list[NameMention], reference: Reference) -> str | None:
    """The country a title belongs to: a country or demonym just before it ("Chilean", "Chile's", "USAs")."""
    i = first - 1
    if i >= 0 and tokens[i].text in ("'s", "’s"):
        i -= 1
    if i < 0:
        return None
    word = fold(tokens[i].text)
    if word in reference.demonyms:
        return reference.demonyms[word]
    for m in mentions:
        if m.key and m.key.startswith("country/") and m.span.begin <= tokens[i].begin < m.span.end + 2:
            return m.key
    return None
