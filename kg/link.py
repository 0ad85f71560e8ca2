"""Linking names to entities: one key per real entity across all articles and languages.

A name the reference table knows keeps its key. Any other name is tried, in order, against:
the table with accents folded and typos forgiven (``rapidfuzz`` ratio ≥ 88 on the whole name,
"Marina Corina Machado" → María Corina Machado) or as a part of a known full name ("González
Urrutia"); then, for a single word, the surname of a person named in full in the same article,
then anywhere in the corpus, then in the table (an edit distance of one forgiven from five letters
on, so "Maudro" is Maduro). Names still open that the text types (a title before them, an
organisation word inside them, or two or more name-like words) become new entities: variants
across articles are merged the same way, and the key is the slug of the fullest spelling. A new
party belongs to the country its article is about: its key ends with that country and its English
name says it ("Liberal Party (Canada)"). The surname index lives in :mod:`kg.extract.surnames`.
Everything is computed on sorted sets of names, so the article order does not change the keys.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from kg.iris import slugify
from kg.model import KIND_PATHS, Article, Entity, Span
from kg.extract.elections import main_country_of
from kg.extract.languages import language_for
from kg.extract.mentions import NameMention
from kg.extract.reference import Reference, labels_of
from kg.extract.surnames import NearIndex, given_names, lookup_surname, people_index
from kg.extract.text import fold

FUZZY_NAME_RATIO = 88.0


def link_mentions(articles: list[tuple[Article, list[NameMention]]], reference: Reference
                  ) -> tuple[list[list[NameMention]], dict[str, Entity]]:
    """Give every name a key, dropping those that name nothing; return them and the entities."""
    first = [[_at_home(_match_reference(m, reference), m, reference, _countries_named(mentions)) for m in mentions]
             for _, mentions in articles]
    homes = [main_country_of(article, mentions, reference) for (article, _), mentions in zip(articles, first)]
    minted = _mint_new_names([(m, home) for mentions, home in zip(first, homes) for m in mentions if _is_new(m)])
    fullest = _fullest_spellings(minted.values())
    second = [[_national(_keyed(m, minted, home), m, home, article.language, fullest, reference) for m in mentions]
              for (article, _), mentions, home in zip(articles, first, homes)]
    corpus_people = people_index(m for mentions in second for m in mentions)
    table_people = people_index(NameMention(label, None, None, key=key)  # type: ignore[arg-type]
                           for key, e in reference.entities.items() if e.kind == "person" for label in labels_of(e))
    corpus_near, table_near = NearIndex(corpus_people), NearIndex(table_people)
    linked = []
    for mentions in second:
        local = people_index(mentions)
        indexes = ((local, NearIndex(local), True, given_names(mentions)), (corpus_people, corpus_near, False, {}),
                   (table_people, table_near, False, {}))
        resolved = [_resolve_word(m, indexes, reference) for m in mentions]
        linked.append([m for m in resolved if m.key])
    return linked, build_entities(articles, linked, reference)


def _countries_named(mentions: list[NameMention]) -> frozenset[str]:
    return frozenset(m.key for m in mentions if m.key and m.key.startswith("country/"))


def _at_home(matched: NameMention, mention: NameMention, reference: Reference, named: frozenset[str]) -> NameMention:
    """A name matched to a national entity only by its label keeps that match only if the article names the country.

    "Social Democrats" in an article about Germany is not Sweden's party of that name: the name is
    left unmatched (and minted as the article's own) when Sweden is nowhere in the article.
    """
    if mention.key or not matched.key:
        return matched
    home = reference.countries.get(matched.key, "")
    return matched if not home or home in named else mention


def _fullest_spellings(minted) -> dict[str, str]:
    """The fullest spelling of each minted key: most words, then most letters."""
    best: dict[str, str] = {}
    for m in sorted(minted, key=lambda m: (len(m.text.split()), len(m.text), m.text)):
        best[m.key] = m.text
    return best


def _national(keyed: NameMention, mention: NameMention, home: str | None, language: str, fullest: dict[str, str],
              reference: Reference) -> NameMention:
    """A party minted from an article's words belongs to the article's country: its key and English name say which.

    Two countries' "Liberal Party" are two parties; the name carries the country as reference
    works write it ("Liberal Party (Canada)", and "Liberal Party of Canada" as an alias).

    >>> from kg.extract.reference import Reference
    >>> ref = Reference({"country/canada": Entity("country/canada", "country", {"en": "Canada"})})
    >>> m = NameMention("Liberal Party", None, None, key="party/liberal-party-canada", kind="party")
    >>> n = _national(m, replace(m, key=None), "country/canada", "en", {"party/liberal-party-canada": "Liberal Party"}, ref)
    >>> n.key, n.label
    ('party/liberal-party-canada', 'Liberal Party (Canada)')
    """
    if keyed.kind != "party" or not keyed.key or keyed.key == mention.key or keyed.key in reference.entities:
        return keyed
    if not home or home not in reference.entities:
        return keyed
    country = reference.entities[home].names.get("en", home.split("/", 1)[1])
    english = mention.label or (fullest[keyed.key] if language == "en" else None)
    return replace(keyed, label=f"{english} ({country})" if english else None)


def _keyed(mention: NameMention, minted: dict[tuple[str, str], NameMention], home: str | None) -> NameMention:
    group = minted.get((home or "", _name_of(mention))) if _is_new(mention) else None
    return replace(mention, key=group.key, kind=group.kind) if group else mention


def _match_reference(mention: NameMention, reference: Reference) -> NameMention:
    matched = _match_whole(mention, reference)
    if matched.key or mention.span.begin != mention.sentence.begin or len(mention.text.split()) < 3 \
            or mention.span.end - mention.span.begin != len(mention.text):  # an acronym carries its full name
        return matched
    # A sentence's first word is capitalised whatever it is ("Later Edmundo Gonzales"): try without it.
    rest = mention.text.split(" ", 1)[1]
    trimmed = replace(mention, text=rest, span=Span(mention.span.end - len(rest), mention.span.end))
    found = _match_whole(trimmed, reference)
    return found if found.key else matched


def _match_whole(mention: NameMention, reference: Reference) -> NameMention:
    if not mention.key and _is_new(mention) and len(fold(mention.text).split()) == 1:
        # A one-word organisation about to be minted may be a misspelt known name ("Russie"); a word
        # capitalised only because it opens a sentence ("Opinion polls …") is not taken for one.
        key = None if _opens_sentence(mention) else _near_label(fold(mention.text), reference)
        return replace(mention, key=key) if key else mention
    if mention.key or len(fold(mention.text).split()) < 2:
        return mention
    key = _closest_label(fold(mention.text), mention.kind not in (None, "person"), reference)
    return replace(mention, key=key) if key else mention


@lru_cache(maxsize=16384)
def _closest_label(folded: str, not_person: bool, reference: Reference) -> str | None:
    """The key whose label is nearest ``folded`` (ratio ≥ 88), or a person whose full name contains it."""
    labels = _folded_labels(reference)
    choices = [label for label, key, kind in labels if not (not_person and kind == "person")]
    best = process.extractOne(folded, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_RATIO)
    if best:
        return next(key for label, key, kind in labels if label == best[0])
    return next((key for label, key, kind in labels if kind == "person" and _part_of(folded, label)), None)


@cache
def _folded_labels(reference: Reference) -> tuple[tuple[str, str, str], ...]:
    return tuple(sorted({(fold(label), key, e.kind) for key, e in reference.entities.items() for label in labels_of(e)}))


def _part_of(short: str, full: str) -> bool:
    """Whether the words of ``short`` (two or more) are all words of ``full``, in order.

    >>> _part_of("gonzalez urrutia", "edmundo gonzalez urrutia")
    True
    >>> _part_of("gabriel boric", "gabriel garcia")
    False
    """
    words, whole = short.split(), full.split()
    return len(words) >= 2 and len(words) < len(whole) and " ".join(words) in " ".join(whole)


def _is_new(mention: NameMention) -> bool:
    one_word_org = mention.kind in ("organization", "government-organization", "party")
    return mention.key is None and mention.kind is not None and (len(mention.text.split()) >= 2 or one_word_org)


def _name_of(mention: NameMention) -> str:
    return fold(mention.text)


def _mint_new_names(mentions: list[tuple[NameMention, str | None]]) -> dict[tuple[str, str], NameMention]:
    """Merge the new multi-word names of the corpus and mint one key per group, keyed by (home, name).

    A group that names a party is split by the country of each article (its home), and each part's
    key ends with that country: Israel's "National Unity" is not Uganda's "National Unity Platform".
    """
    by_name: dict[str, list[tuple[NameMention, str | None]]] = defaultdict(list)
    for m, home in mentions:
        by_name[_name_of(m)].append((m, home))
    keyed: dict[tuple[str, str], NameMention] = {}
    for group in _group_names(sorted(by_name)):
        members = [pair for name in group for pair in by_name[name]]
        kind = _vote_kind([m for m, _ in members])
        homes = sorted({home or "" for _, home in members}) if kind == "party" else [None]
        for part in homes:
            own = [m for m, home in members if part is None or (home or "") == part]
            fullest = max(own, key=lambda m: (len(m.text.split()), len(m.text), m.text))
            place = next((m.place for m in sorted(own, key=lambda m: m.span) if m.place), None)
            slug = slugify(fullest.text)
            if kind == "government-organization" and place:
                slug = f"{place.split('/', 1)[1]}-{slug}"
            country = part.split("/", 1)[1] if part else ""
            if country and not slug.endswith("-" + country):
                slug = f"{slug}-{country}"
            key = f"{KIND_PATHS[kind]}/{slug}"
            for m, home in members:
                if part is None or (home or "") == part:
                    keyed[(home or "", _name_of(m))] = replace(m, key=key, kind=kind)
    return keyed


def _group_names(names: list[str]) -> list[list[str]]:
    """Group spellings of one name: equal, near-equal, or one contained in the other.

    A name joins the first group (in sorted order) holding a spelling close to it. Only names that
    share a word's first four letters are compared (a blocking index): spellings of one name
    always do ("Gonzales"/"González", "Marina"/"María Corina Machado"), so the corpus is not
    compared pair by pair.

    >>> _group_names(["edmundo gonzales", "edmundo gonzalez", "gabriel boric", "gonzalez urrutia"])
    [['edmundo gonzales', 'edmundo gonzalez'], ['gabriel boric'], ['gonzalez urrutia']]
    """
    groups: list[list[str]] = []
    group_of: dict[str, int] = {}
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in names:
        keys = _block_keys(name)
        near = {other for key in keys for other in blocks[key]}
        homes = [group_of[other] for other in near if _same_name(name, other)]
        if homes:
            group_of[name] = min(homes)
            groups[group_of[name]].append(name)
        else:
            group_of[name] = len(groups)
            groups.append([name])
        for key in keys:
            blocks[key].append(name)
    return groups


def _block_keys(name: str) -> set[str]:
    return {word[:4] for word in name.replace("-", " ").split() if len(word) >= 2}


def _same_name(a: str, b: str) -> bool:
    return fuzz.ratio(a, b) >= FUZZY_NAME_RATIO or _part_of(a, b) or _part_of(b, a)


def _vote_kind(members: list[NameMention]) -> str:
    kinds = sorted(m.kind for m in members if m.kind)
    return max(set(kinds), key=lambda k: (kinds.count(k), k != "person", k)) if kinds else "person"


def _resolve_word(mention: NameMention, indexes, reference: Reference) -> NameMention:
    if mention.key:
        return mention
    word = fold(mention.text)
    for index, near, first_wins, given in indexes:
        key = lookup_surname(word, index, near, first_wins, given)
        if key:
            return replace(mention, key=key, kind="person")
    key = None if _opens_sentence(mention) else _near_label(word, reference)
    if key:
        return replace(mention, key=key)
    if mention.title and mention.kind == "person" and mention.text[:1].isupper():
        return replace(mention, key=f"person/{slugify(mention.text)}")
    return mention


@cache
def _one_word_labels(reference: Reference) -> tuple[dict[str, set[str]], NearIndex]:
    keys: dict[str, set[str]] = defaultdict(set)
    for key, e in reference.entities.items():
        # A name bound to its country ("Høyre", "TSE") is matched only where the article names that country.
        if e.kind != "person" and key not in reference.countries:
            for label in labels_of(e):
                if " " not in label:
                    keys[fold(label)].add(key)
    return keys, NearIndex(keys)


def _opens_sentence(mention: NameMention) -> bool:
    """Whether a name opens its sentence, where any word is capitalised: a near spelling there is no misspelling."""
    return mention.sentence is not None and mention.span.begin == mention.sentence.begin


def _near_label(word: str, reference: Reference) -> str | None:
    """A known non-person whose one-word name is spelled ``word`` give or take one letter."""
    if len(word) < 5:
        return None
    keys, near = _one_word_labels(reference)
    hits = {key for label in near.within_one(word) for key in keys[label]}
    return next(iter(hits)) if len(hits) == 1 else None


def build_entities(articles, linked: list[list[NameMention]], reference: Reference) -> dict[str, Entity]:
    """The entity of every key used, with each spelling seen recorded as an alias in its language."""
    seen: dict[str, set[tuple[str, str]]] = defaultdict(set)
    kinds: dict[str, str] = {}
    labels: dict[str, str] = {}
    for (article, _), mentions in zip(articles, linked):
        for m in mentions:
            seen[m.key].add((article.language, m.text))
            kinds.setdefault(m.key, m.kind or "person")
            if m.label:
                labels.setdefault(m.key, m.label)
    for key, forms in seen.items():
        if kinds[key] == "person" and key not in reference.entities:
            forms |= {("en", english) for lang, name in list(forms) for english in [english_spelling(name, lang)] if english != name}
    entities = {key: _entity(key, forms, kinds[key], reference) for key, forms in sorted(seen.items())}
    for key, label in labels.items():
        if key not in reference.entities:  # a generic body's English name: "Ministry of the Interior of France"
            entity = entities[key]
            forms = frozenset(entity.aliases | {(lang, name) for lang, name in entity.names.items()})
            qualified = re.fullmatch(r"(.+) \((.+)\)", label)
            if qualified:  # "Liberal Party (Canada)" is also "Liberal Party of Canada"
                forms |= {("en", f"{qualified[1]} of {qualified[2]}")}
            entities[key] = replace(entity, names={**entity.names, "en": label},
                                    aliases=frozenset(f for f in forms if f != ("en", label)))
    return entities


def english_spelling(name: str, language: str) -> str:
    """A foreign name as English writes it, from the way ``language`` transcribes it.

    >>> english_spelling("Leonid Slutskij", "nb"), english_spelling("Olga Tsjernova", "nb"), english_spelling("Ana Lind", "nb")
    ('Leonid Slutsky', 'Olga Chernova', 'Ana Lind')
    """
    rules = language_for(language).english_spelling
    if not rules:
        return name
    words = []
    for word in name.split(" "):
        for pattern, english in rules:  # a capital stays a capital: "Tsjernova" is Chernova
            word = re.sub(pattern, lambda m, e=english: e.capitalize() if m.group()[:1].isupper() else e, word,
                          flags=re.IGNORECASE)
        words.append(word)
    return " ".join(words)


def _entity(key: str, forms: set[tuple[str, str]], kind: str, reference: Reference) -> Entity:
    known = reference.entities.get(key)
    if known:
        names = set(known.names.values())
        extra = {(lang, text) for lang, text in forms if text not in names}
        return replace(known, aliases=known.aliases | frozenset(extra))
    names: dict[str, str] = {}
    for lang, text in sorted(forms, key=lambda f: (f[0], -len(f[1].split()), -len(f[1]), f[1])):
        names.setdefault(lang, text)
    aliases = frozenset(f for f in forms if names.get(f[0]) != f[1])
    return Entity(key=key, kind=kind, names=names, aliases=aliases)  # type: ignore[arg-type]


