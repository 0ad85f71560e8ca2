"""Finding the names in an article: reference-table aliases first, then capitalised names in context.

A name the reference table knows is matched by its aliases (accents folded; acronyms only in
capitals; a national body's generic names only in articles about its country). Any other run of
capitalised words is a candidate: a title or role before it ("Chile's president", "spokesman",
"utenriksminister") makes it a person, an organisation word in it ("Ministry", "Council") an
organisation. Single unknown words ("Caracas", "Beijing") stay unresolved: the linker keeps them
only when they are the surname of a person named in full, or a near-spelling of a known name.
Demonyms ("Venezuelan", "chilensk") and photo credits never give mentions; a capital that acts
("Washington said") is a mention of its country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from kg.model import Article, Span

from .bodies import find_bodies
from .candidates import find_candidates
from .capitals import find_capitals
from .languages import Language
from .names import PARTY_CONNECTORS, NameMention, place_before, title_words
from .organisations import apply_acronyms, join_slashed_parties, mark_parties, mark_scoring_words
from .reference import Reference, labels_of
from .text import Token, fold, inside, photo_credit_spans, sentence_of, split_sentences, tokenize

__all__ = ["NameMention", "find_mentions", "main_country"]

_MAX_ALIAS_TOKENS = 8


@dataclass(frozen=True)
class _Alias:
    key: str
    capitals: bool
    exact_case: bool


@cache
def _alias_index(reference: Reference) -> dict[tuple[str, ...], tuple[_Alias, ...]]:
    index: dict[tuple[str, ...], list[_Alias]] = {}
    for key, entity in sorted(reference.entities.items()):
        for label in sorted(labels_of(entity)):
            words = tuple(fold(t.text) for t in tokenize(label))
            if words:
                alias = _Alias(key, label[:1].isupper(), label.isupper() and len(label) <= 6)
                index.setdefault(words, []).append(alias)
    return {words: tuple(aliases) for words, aliases in index.items()}


def find_mentions(article: Article, reference: Reference, language: Language) -> list[NameMention]:
    """Every name in ``article``: matched aliases and open candidates, in text order."""
    text = article.text
    sentences = split_sentences(text)
    credits = photo_credit_spans(text, language.photo_credit)
    tokens = tokenize(text)
    if credits:
        tokens = [t for t in tokens if not inside(Span(t.begin, t.end), credits)]
    matched = _match_aliases(text, tokens, reference, language)
    in_names = [m for m in matched if _given_name(text, tokens, m, matched, language)]
    # "Luís Montenegro … Montenegro sa": a country word used as a person's surname is that person all along.
    surnames = {fold(tokens[m[0]].text) for m in in_names if m[0] > 0 and _name_word_before(text, tokens, m[0], matched, language)}
    matched = [m for m in matched if m not in in_names
               and not (m[1] - m[0] == 1 and m[2].startswith("country/") and fold(tokens[m[0]].text) in surnames)]
    named = {key for _, _, key in matched} | _demonym_countries(tokens, reference)
    home = main_country(matched, reference)
    matched = [_rehome(m, tokens, reference, named, home) for m in matched]
    foreign = [m for m in matched if _foreign_party(m, tokens, sentences, matched, reference, home)]
    matched = [m for m in matched if m not in foreign and reference.countries.get(m[2], "") in named | {""}]
    used = {i for start, stop, _ in matched + foreign for i in range(start, stop)}
    mentions = [_alias_mention(text, tokens, m, sentences, reference) for m in matched]
    mentions += [_home_party(text, tokens, m, sentences, reference, language) for m in foreign]
    home = main_country(matched, reference)
    capitals = find_capitals(text, tokens, used, sentences, reference, language)
    used |= {i for i, t in enumerate(tokens) if any(c.span.begin <= t.begin < c.span.end for c in capitals)}
    mentions += capitals
    mentions += find_bodies(text, tokens, used, sentences, reference, language, mentions, home)
    candidates = find_candidates(text, tokens, used, sentences, reference, language, mentions)
    # A party name read on over a known name ("… por México") holds it: the inner match goes.
    mentions = [m for m in mentions if not any(c.span.begin <= m.span.begin and m.span.end <= c.span.end
                                               and c.span != m.span for c in candidates)] + candidates
    position = {t.begin: i for i, t in enumerate(tokens)}
    mentions = [_with_title(text, tokens, position, m, mentions, reference, language) for m in mentions]
    mentions = mark_parties(text, sorted(mentions, key=lambda m: (m.span.begin, m.span.end)), language)
    mentions = mark_scoring_words(text, mentions, language, _name_words(mentions, reference))
    mentions = apply_acronyms(text, mentions)
    mentions = join_slashed_parties(text, mentions, _label_keys(reference))
    return sorted(mentions, key=lambda m: (m.span.begin, m.span.end))


def _name_words(mentions: list[NameMention], reference: Reference) -> frozenset[str]:
    """Every word of the longer names the article gives and of the table's people, folded: a lone
    word among them ("Prabowo", "Lee", "Marcos") is a short form of that name, not a party."""
    named = {fold(w) for m in mentions if " " in m.text.strip() for w in m.text.replace("-", " ").split()}
    return frozenset(named) | _table_name_words(reference)


@cache
def _table_name_words(reference: Reference) -> frozenset[str]:
    return frozenset(fold(w) for entity in reference.entities.values() if entity.kind == "person"
                     for label in labels_of(entity) for w in label.replace("-", " ").split())


@cache
def _label_keys(reference: Reference) -> dict[str, str]:
    """Every label of the table, folded, and the key it names."""
    return {fold(label): key for key, entity in reference.entities.items() for label in labels_of(entity)}


def _rehome(match: tuple[int, int, str], tokens: list[Token], reference: Reference, named: set[str],
            home: str | None) -> tuple[int, int, str]:
    """A name several countries' bodies share ("TSE", "National Electoral Council") goes to the one of
    the country the article is about, else to one whose country it names."""
    start, stop, key = match
    if key not in reference.countries:
        return match
    keys = [a.key for a in _alias_index(reference).get(tuple(fold(t.text) for t in tokens[start:stop]), ())]
    ranked = sorted(keys, key=lambda k: (reference.countries.get(k) != home, reference.countries.get(k) not in named))
    return (start, stop, ranked[0]) if ranked and reference.countries.get(ranked[0]) in named else match


def _foreign_party(match: tuple[int, int, str], tokens: list[Token], sentences: list[Span], matched,
                   reference: Reference, home: str | None) -> bool:
    """Whether a name matched another country's party only by its wording, in an article about a third country.

    "The Conservatives" in an article about Canada are Canada's, not Britain's, unless the sentence
    names Britain ("Britain's Conservatives"): a party's label is national, its words are not.
    """
    start, stop, key = match
    country = reference.countries.get(key)
    if home is None or country is None or country == home or reference.entities[key].kind != "party":
        return False
    sentence = sentence_of(tokens[start].begin, sentences)
    near = {k for b, _, k in matched if k.startswith("country/") and sentence.begin <= tokens[b].begin < sentence.end}
    near |= {reference.demonyms[fold(t.text)] for t in tokens if sentence.begin <= t.begin < sentence.end
             and fold(t.text) in reference.demonyms}
    return country not in near


def _home_party(text: str, tokens: list[Token], match: tuple[int, int, str], sentences: list[Span],
                reference: Reference, language: Language) -> NameMention:
    """The article's own party named like another country's: open, with the other's English name carried
    over (the linker qualifies it by the article's country: "Christian Democrats (Finland)")."""
    start, stop, key = match
    span = Span(tokens[start].begin, tokens[stop - 1].end)
    written = text[span.begin:span.end]
    entity = reference.entities[key]
    english = re.sub(r"\s*\(.*\)$", "", entity.names.get("en", ""))
    if " of " in english or fold(written) not in {fold(label) for label in labels_of(entity)}:
        # "Green Party of England and Wales" names a place; "SPS" read as a genitive of "Sp" names nothing
        english = written if language.code == "en" else ""
    return NameMention(written, span, sentence_of(span.begin, sentences), kind="party", label=english or None)


def _given_name(text: str, tokens: list[Token], match: tuple[int, int, str], matched, language: Language) -> bool:
    """Whether a one-word country is part of a person's name: the given name ("Francia Márquez") or the
    surname after a given name ("Luís Montenegro")."""
    start, stop, key = match
    if not key.startswith("country/") or stop - start != 1:
        return False
    if start > 0 and _name_word_before(text, tokens, start, matched, language):
        return True
    if stop >= len(tokens):
        return False
    following = tokens[stop]
    taken = any(m[0] == stop for m in matched)
    return (not taken and following.capitalised and text[tokens[start].end:following.begin] == " "
            and following.text.lower() not in language.not_names and text[tokens[start].begin - 1:tokens[start].begin] != "\n"
            and tokens[start].begin > 0)


def _name_word_before(text: str, tokens: list[Token], at: int, matched, language: Language) -> bool:
    """Whether a capitalised word that may open a name stands right before token ``at`` ("Luís Montenegro"),
    not a function word, a title, a word of a matched name or a sentence's first word."""
    before = tokens[at - 1]
    word = before.text.lower()
    return (before.capitalised and text[before.end:tokens[at].begin] == " " and not before.text.isupper()
            and word not in language.not_names and word not in title_words(language)[0]
            and not any(m[0] <= at - 1 < m[1] for m in matched)
            # a longer run of capitals is an organisation's name ("Indikator Politik Indonesia")
            and not (at >= 2 and tokens[at - 2].capitalised and text[tokens[at - 2].end:before.begin] == " "
                     and tokens[at - 2].text.lower() not in language.not_names
                     and not _compound_title_word(tokens[at - 2].text.lower(), language))
            and text[:before.begin].rstrip(" ")[-1:] not in ("", ".", "!", "?", "\n", ":", "—", "–", "-", "\"", "“", "«"))


def _compound_title_word(word: str, language: Language) -> bool:
    """Whether ``word`` is a title ("President") or, in languages that glue, ends in one ("Statsminister")."""
    return word in title_words(language)[0] or word in language.titles or (
        bool(language.definite_endings) and any(word.endswith(t) for t in language.titles if " " not in t and len(t) >= 5))


def _demonym_countries(tokens: list[Token], reference: Reference) -> set[str]:
    return {reference.demonyms[fold(t.text)] for t in tokens if fold(t.text) in reference.demonyms}


def main_country(matched: list[tuple[int, int, str]], reference: Reference) -> str | None:
    """The country an article is about: the one it names most often, the first named on a tie.

    >>> main_country([(0, 1, "country/chile"), (3, 4, "country/peru"), (5, 6, "country/peru")], Reference({}))
    'country/peru'
    """
    countries = [key for _, _, key in matched if key.startswith("country/")]
    if not countries:
        return None
    counts = Counter(countries)
    return max(countries, key=lambda k: (counts[k], -countries.index(k)))


def _match_aliases(text: str, tokens: list[Token], reference: Reference, language: Language) -> list[tuple[int, int, str]]:
    index = _alias_index(reference)
    folded = [fold(t.text) for t in tokens]
    firsts, prefixes = _first_words(reference), _alias_prefixes(reference)
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        hit = _longest_alias(text, tokens, folded, i, index, prefixes, language) if folded[i] in firsts else None
        if hit:
            found.append(hit)
            i = hit[1]
        else:
            i += 1
    return found


def _longest_alias(text, tokens, folded, i, index, prefixes, language) -> tuple[int, int, str] | None:
    """The longest alias opening at token ``i``: read on word by word while some alias still fits."""
    best = None
    for stop in range(i + 1, min(len(tokens), i + _MAX_ALIAS_TOKENS) + 1):
        if stop > i + 1 and not _contiguous(text, tokens[stop - 2:stop]):
            break
        words = folded[i:stop]
        hit = next(((i, stop, alias.key) for variant in _genitive_variants(words, language)
                    for alias in index.get(tuple(variant), ()) if _case_fits(alias, tokens[i:stop], variant)), None)
        best = hit or best
        if tuple(words) not in prefixes:
            break
    return best


@cache
def _alias_prefixes(reference: Reference) -> frozenset[tuple[str, ...]]:
    """Every alias's leading words, so that a window stops growing once no alias can fit it."""
    return frozenset(words[:n] for words in _alias_index(reference) for n in range(1, len(words) + 1))


@cache
def _first_words(reference: Reference) -> frozenset[str]:
    """Every first word of an alias (and its glued genitive), to skip hopeless windows quickly."""
    return frozenset(w for words in _alias_index(reference) for w in (words[0], words[0] + "s"))


def _genitive_variants(words: list[str], language: Language) -> list[list[str]]:
    variants = [words]
    if language.genitive_s and words[-1].endswith("s") and len(words[-1]) > 2:
        variants.append(words[:-1] + [words[-1][:-1]])
    return variants


def _case_fits(alias: _Alias, tokens: list[Token], variant: list[str]) -> bool:
    if alias.exact_case:
        return all(t.text[: len(v)].isupper() for t, v in zip(tokens, variant))
    return tokens[0].capitalised or not alias.capitals


def _contiguous(text: str, tokens: list[Token]) -> bool:
    # An abbreviation's dot may stand inside a name: "EE. UU.".
    # A dash between spaces stands inside some party names: "Unity – National Movement".
    return all(text[a.end:b.begin] in (" ", "-", "\u00a0", " – ", " — ") or (b.text in ("'s", "’s") and a.end == b.begin)
               or (text[a.end:b.begin] == ". " and a.text.isupper() and len(a.text) <= 3)
               for a, b in zip(tokens, tokens[1:]))


def _alias_mention(text, tokens, match, sentences, reference) -> NameMention:
    start, stop, key = match
    span = _trim_genitive(text, Span(tokens[start].begin, tokens[stop - 1].end), reference.entities[key])
    return NameMention(text[span.begin:span.end], span, sentence_of(span.begin, sentences), key=key)


def _trim_genitive(text: str, span: Span, entity) -> Span:
    # "USAs" / "Chiles" name the country; the anchor stops before the glued genitive s.
    word = fold(text[span.begin:span.end])
    labels = {fold(label) for label in labels_of(entity)}
    if word.endswith("s") and word not in labels and word[:-1] in labels:
        return Span(span.begin, span.end - 1)
    return span


def _with_title(text, tokens, position, mention, mentions, reference, language) -> NameMention:
    """Attach the title written before a name ("US Secretary of State", "Chiles president")."""
    if mention.key and not mention.key.startswith("person/") or mention.kind not in (None, "person"):
        return mention
    at = position.get(mention.span.begin)
    if at is None:
        return mention
    lasts = title_words(language)[1]
    for gap in (0, 1):
        if at - gap < 1 or tokens[at - gap - 1].text.lower().rstrip(".") not in lasts:
            continue  # no title ends just there: skip the phrases
        for width in (3, 2, 1):
            first = at - gap - width
            if first < 0 or (gap and (tokens[at - 1].capitalised or tokens[at - 1].text.lower() in PARTY_CONNECTORS)) \
                    or _breaks(text[tokens[first].end:mention.span.begin]):
                continue
            phrase = " ".join(t.text.lower().rstrip(".") for t in tokens[first:first + width])
            if phrase in language.titles or phrase + "." in language.titles:
                role = language.titles.get(phrase, language.titles.get(phrase + ".", ""))
                place = place_before(tokens, first, mentions, reference)
                return replace(mention, title=role or None, place=place, kind=mention.kind or "person",
                               title_begin=tokens[first].begin)
    return mention


def _breaks(between: str) -> bool:
    return _BREAK.search(between) is not None


_BREAK = re.compile(r"[\n.:;!?\"“”«»()]")


