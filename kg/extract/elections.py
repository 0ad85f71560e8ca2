"""Which election an article covers, and where it names it.

The election's key is minted from its country, year and type (``election/venezuela-2024-presidential``),
the same scheme the reference table uses, so a known election is found by its key. The country is
the one the article names most (demonyms count); the type is the first typed election word
("presidential election", "presidentvalget", "elecciones legislativas"); the year is the article's
date, else the one known election of that country and type in the table, else the latest year the
text gives.
"""

from __future__ import annotations

import re
from collections import Counter

from kg.iris import slugify
from kg.model import Article, Entity, Span

from .languages import Language
from .mentions import NameMention
from .patterns import cue_pattern
from .reference import Reference
from .text import fold, sentence_of, split_sentences

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


def find_election(article: Article, mentions: list[NameMention], reference: Reference, language: Language
                  ) -> tuple[str | None, Entity | None]:
    """The key of the election ``article`` covers, and a new entity for it when the table lacks it."""
    country = main_country_of(article, mentions, reference)
    if country is None:
        return None, None
    typed = _election_type(article.text, language)
    kind = typed or "general"
    prefix = f"election/{country.split('/', 1)[1]}-"
    year = str(article.date.year) if article.date else None
    known = sorted(k for k in reference.entities if k.startswith(prefix)
                   and (typed is None or k.endswith("-" + typed)) and (year is None or f"-{year}-" in k))
    years = _YEAR.findall(article.text)
    if known:
        key = known[-1]
    elif year or years:
        key = f"{prefix}{year or max(years)}-{kind}"
    else:
        key = None
    if key is None or key in reference.entities:
        return key, None
    country_name = reference.entities[country].names.get("en", country)
    year = key.split("-")[-2]
    name = f"{year} {country_name} {kind} election"
    return key, Entity(key=key, kind="election", names={"en": name}, extra={"country": country})


def main_country_of(article: Article, mentions: list[NameMention], reference: Reference) -> str | None:
    """The country the article names most, counting demonyms and the countries of the national bodies it names."""
    countries = [m.key for m in mentions if m.key and m.key.startswith("country/")]
    countries += [reference.demonyms[w] for w in fold(article.text).split() if w in reference.demonyms]
    countries += [reference.countries[m.key] for m in mentions if m.key in reference.countries]
    if not countries:
        return None
    counts = Counter(countries)
    return max(sorted(counts), key=lambda k: counts[k])


def _election_type(text: str, language: Language) -> str | None:
    folded = text.lower()
    found = [(folded.find(phrase), kind) for phrase, kind in language.elections.items() if kind and phrase in folded]
    return min(found)[1] if found else None


def election_mentions(article: Article, key: str, language: Language) -> list[NameMention]:
    """Every typed election phrase in the article ("presidential election") as a mention of ``key``."""
    sentences = split_sentences(article.text)
    if not any(language.elections.values()):
        return []
    pattern = cue_pattern(language, "elections", r"\b(?:%s)\b", only_named=True)
    return [NameMention(m.group(), Span(m.start(), m.end()), sentence_of(m.start(), sentences), key=key, kind="election")
            for m in pattern.finditer(article.text)]
