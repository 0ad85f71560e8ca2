"""Finding the names in an article: reference-table aliases first, then capitalised names in context.

A name the reference table knows is matched by its aliases (accents folded; acronyms only in
capitals; a national body's generic names only in articles about its country). Any other run of
capitalised words is a candidate: a title or role before it ("Chile's president", "spokesman",
"utenriksminister") makes it a person, an organisation word in it ("Ministry", "Council") an
organisation. Single unknown words ("Caracas", "Beijing") stay unresolved: the linker keeps them
only when they are the surname of a person named in full, or a near-spelling of a known name.
Demonyms ("Venezuelan", "chilensk") and photo credits never give mentions.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from kg.iris import slugify
from kg.model import Article, Span

from .languages import LANGUAGES, Language
from .organisations import apply_acronyms, is_party_name, join_org_runs, mark_parties, party_before_candidate
from .places import PLACES
from .reference import Reference, labels_of
from .text import Token, fold, inside, photo_credit_spans, sentence_of, split_sentences, tokenize

#: Lowercase words that may stand inside a name ("Luiz Inácio Lula da Silva", "Padrino López").
NAME_CONNECTORS = frozenset("de del da das do dos di van von der la le".split())
#: Lowercase words that may stand inside a party's or coalition's name after "the coalition …"
#: ("Fuerza y Corazón por México", "Unión por la Patria").
PARTY_CONNECTORS = frozenset("y e por para de del la el los las for of the and og i av".split())
_MAX_ALIAS_TOKENS = 8


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
    matched = [m for m in matched if not _given_name(text, tokens, m, matched, language)]
    named = {key for _, _, key in matched} | _demonym_countries(tokens, reference)
    matched = [m for m in matched if reference.countries.get(m[2], "") in named | {""}]
    used = {i for start, stop, _ in matched for i in range(start, stop)}
    mentions = [_alias_mention(text, tokens, m, sentences, reference) for m in matched]
    home = main_country(matched, reference)
    mentions += _find_bodies(text, tokens, used, sentences, reference, language, mentions, home)
    candidates = _find_candidates(text, tokens, used, sentences, reference, language, mentions)
    # A party name read on over a known name ("… por México") holds it: the inner match goes.
    mentions = [m for m in mentions if not any(c.span.begin <= m.span.begin and m.span.end <= c.span.end
                                               and c.span != m.span for c in candidates)] + candidates
    position = {t.begin: i for i, t in enumerate(tokens)}
    mentions = [_with_title(text, tokens, position, m, mentions, reference, language) for m in mentions]
    mentions = mark_parties(text, sorted(mentions, key=lambda m: (m.span.begin, m.span.end)), language)
    mentions = apply_acronyms(text, mentions)
    return sorted(mentions, key=lambda m: (m.span.begin, m.span.end))


def _given_name(text: str, tokens: list[Token], match: tuple[int, int, str], matched, language: Language) -> bool:
    """Whether a one-word country is the given name of a person ("Francia Márquez")."""
    start, stop, key = match
    if not key.startswith("country/") or stop - start != 1 or stop >= len(tokens):
        return False
    following = tokens[stop]
    taken = any(m[0] == stop for m in matched)
    return (not taken and following.capitalised and text[tokens[start].end:following.begin] == " "
            and following.text.lower() not in language.not_names and text[tokens[start].begin - 1:tokens[start].begin] != "\n"
            and tokens[start].begin > 0)


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
    return all(text[a.end:b.begin] in (" ", "-", "\u00a0") or (b.text in ("'s", "’s") and a.end == b.begin)
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


def _find_bodies(text, tokens, used, sentences, reference, language, known, home=None) -> list[NameMention]:
    """A country's government bodies named in lowercase ("Brazil's foreign ministry", "Kinas utenriksdepartement").

    The country is the one named just before or after the body, else the one the article is about
    ("the interior ministry said", "ifølge valgkommisjonen").
    """
    found: list[NameMention] = []
    firsts = {phrase.split()[0] for phrase in language.bodies}
    for i in range(len(tokens)):
        if tokens[i].text.lower() not in firsts:
            continue
        for phrase, name in language.bodies.items():
            width = len(phrase.split())
            words = " ".join(t.text.lower() for t in tokens[i:i + width])
            if words != phrase or any(j in used for j in range(i, i + width)):
                continue
            place = _place_before(tokens, i, known, reference) or _country_after(text, tokens[i + width - 1].end, known)
            if place is None and _generic(text, tokens, i, width, sentences):
                place = home
            if place:
                span = Span(tokens[i].begin, tokens[i + width - 1].end)
                key = _known_body(reference, place, name) or f"organization/{place.split('/', 1)[1]}-{slugify(name)}"
                country = reference.entities[place].names.get("en", place.split("/", 1)[1]) if place in reference.entities else None
                found.append(NameMention(text[span.begin:span.end], span, sentence_of(span.begin, sentences),
                                         key=key, kind="government-organization", place=place,
                                         category=_BODY_CATEGORIES.get(name), label=f"{name} of {country}" if country else None))
                used.update(range(i, i + width))
    return found


def _generic(text: str, tokens: list[Token], i: int, width: int, sentences: list[Span]) -> bool:
    """Whether a body's words stand alone in lowercase ("the interior ministry said"), not in a name.

    Only then is an unnamed country taken to be the article's own: "Election Commission" inside
    "Central Election Commission", or "valgdomstolen" before "TSE", is part of a name.
    """
    words = tokens[i:i + width]
    opens_sentence = any(s.begin == words[0].begin for s in sentences)
    if any(t.capitalised for t in words[1:]) or (words[0].capitalised and not opens_sentence):
        return False
    if i > 0 and tokens[i - 1].capitalised and text[tokens[i - 1].end:words[0].begin] == " " \
            and not any(s.begin == tokens[i - 1].begin for s in sentences):  # "Ifølge valgkommisjonen" opens a sentence
        return False
    after = i + width
    return not (after < len(tokens) and tokens[after].capitalised and text[words[-1].end:tokens[after].begin] == " ")


#: The reference-table category of each kind of body, so a known one keeps its key.
_BODY_CATEGORIES = {"Electoral Council": "electoral-body", "Supreme Court": "court", "Constitutional Court": "court",
                    "Constitutional Council": "court", "Electoral Tribunal": "electoral-body"}


def _known_body(reference: Reference, country: str, name: str) -> str | None:
    category = _BODY_CATEGORIES.get(name)
    return next((key for key, home in sorted(reference.countries.items())
                 if home == country and reference.in_category(key, category)), None) if category else None


def _country_after(text: str, end: int, known: list[NameMention]) -> str | None:
    for m in known:
        if m.key and m.key.startswith("country/") and re.fullmatch(r"\s+(?:of|de|del|i)\s+(?:the\s+)?", text[end:m.span.begin]):
            return m.key
    return None


def _find_candidates(text, tokens, used, sentences, reference, language, known) -> list[NameMention]:
    mentions: list[NameMention] = []
    position = {t.begin: i for i, t in enumerate(tokens)}
    for run in join_org_runs(text, tokens, _capitalised_runs(text, tokens, used), position, language):
        noun = _noun_before(text, tokens, position[run[0].begin], language)
        if noun:
            run = _extend_name(text, tokens, position[run[0].begin], used)
        for piece, kind in _split_run(run, reference, language):
            if not piece:
                continue
            if noun and piece[0] is run[0]:
                kind = language.org_heads[noun]
            begin, end = piece[0].begin, piece[-1].end
            # "China's Foreign Ministry" and "Venezuela's Foreign Ministry" are two bodies.
            place = _place_before(tokens, position[begin], known, reference) if kind == "government-organization" else None
            category = _electoral(text, begin, end, noun, language) if kind in _ORG_KINDS else None
            if kind is None and len(piece) == 1 and _pollster_before(text, begin, language):
                kind, category = "organization", "polling-firm"
            if kind in (None, "person", "organization") and party_before_candidate(text, end, language):
                kind = "party"
            if _not_a_name(text, tokens, position[begin], piece, kind, noun, language):
                continue
            mentions.append(NameMention(text[begin:end], Span(begin, end), sentence_of(begin, sentences),
                                        kind=kind, place=place, category=category))
    return mentions


_ORG_KINDS = ("organization", "government-organization", "party")


def _not_a_name(text: str, tokens: list[Token], at: int, piece: list[Token], kind, noun, language: Language) -> bool:
    """A dateline ("TAIPEI, Jan 13 —"), a place after "in" ("in New Taipei"), or a noun before a name ("TV-kanalen France 2")."""
    begin, end = piece[0].begin, piece[-1].end
    if len(piece) == 1 and piece[0].text.isupper() and (begin == 0 or text[begin - 1] == "\n") \
            and re.match(r"[.,]?\s*[—–-]|,", text[end:end + 4]):
        return True
    before = tokens[at - 1].text.lower() if at > 0 and text[tokens[at - 1].end:begin] == " " else ""
    if kind == "person" and not noun and before in language.place_prepositions and text[end:end + 2] not in ("'s", "’s"):
        return True
    following = at + len(piece)
    return (len(piece) == 1 and "-" in piece[0].text and following < len(tokens) and tokens[following].capitalised
            and text[end:tokens[following].begin] == " ")


def _pollster_before(text: str, begin: int, language: Language) -> bool:
    """Whether a one-word name follows the words that name a poll's maker ("a survey by Taloustutkimus")."""
    before = text[max(0, begin - 30):begin].lower()
    return any(before.endswith(" " + cue + " ") or before == cue + " " for cue in language.pollster_before)
#: Street and town words of every language: a Spanish street name turns up in English text too.
PLACE_WORDS = frozenset(w for language in LANGUAGES.values() for w in language.place_words)


def _noun_before(text: str, tokens: list[Token], at: int, language: Language) -> str | None:
    """A lowercase organisation word just before a name ("the coalition X", "valgdomstolen TSE")."""
    if at == 0 or text[tokens[at - 1].end:tokens[at].begin] != " ":
        return None
    head = tokens[at - 1].text.rsplit("-", 1)[-1]  # "TV-kanalen France 2": the compound's head counts
    if not head.islower():
        return None
    if head in language.org_heads:
        return head
    # A compound ending in an organisation word: "samarbeidsorganisasjonen Ecowas".
    return next((h for h in language.org_heads if len(h) >= 6 and head.endswith(h)), None)


def _extend_name(text: str, tokens: list[Token], at: int, used: set[int]) -> list[Token]:
    """The name starting at ``at``, read on across the small words a party name holds."""
    run = [tokens[at]]
    i = at + 1
    while i < len(tokens) and text[tokens[i - 1].end:tokens[i].begin] == " " and (i not in used or tokens[i].capitalised):
        token = tokens[i]
        if token.capitalised:
            run.append(token)
        elif token.text.lower() in PARTY_CONNECTORS and i + 1 < len(tokens) and tokens[i + 1].capitalised:
            run.append(token)
        else:
            break
        i += 1
    return _strip_connectors(run)


def _electoral(text: str, begin: int, end: int, noun: str | None, language: Language) -> str | None:
    # The words just before count too: "the electoral service Servel", "valgdomstolen TSE".
    name = fold(text[max(0, begin - 25):end] if noun else text[begin:end])
    return "electoral-body" if any(w in name for w in language.electoral_words) else None


def _capitalised_runs(text: str, tokens: list[Token], used: set[int]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, token in enumerate(tokens):
        joins = current and text[current[-1].end:token.begin] in (" ", "\u00a0")
        if i not in used and token.capitalised and token.text[0].isalpha() and (joins or not current):
            current.append(token)
        elif i not in used and current and joins and token.text in NAME_CONNECTORS:
            current.append(token)
        else:
            if current:
                runs.append(current)
            current = [token] if i not in used and token.capitalised and token.text[0].isalpha() else []
    if current:
        runs.append(current)
    return [_strip_connectors(run) for run in runs if _strip_connectors(run)]


def _strip_connectors(run: list[Token]) -> list[Token]:
    while run and not run[-1].capitalised:
        run = run[:-1]
    return run


def _split_run(run: list[Token], reference: Reference, language: Language) -> list[tuple[list[Token], str | None]]:
    """Cut a run at title words ("Foreign Ministry Spokesman Lin Jian") and type each piece."""
    pieces: list[tuple[list[Token], str | None]] = []
    current: list[Token] = []
    i = 0
    while i < len(run):
        width = _title_width(run, i, language)
        if width:
            pieces.append((current, None))
            current = []
            i += width
            continue
        current.append(run[i])
        i += 1
    pieces.append((current, None))
    cleaned = [_clean(p, reference, language) for p, _ in pieces]
    return [(p, _kind_of(p, language)) for p in cleaned]


def _title_width(run: list[Token], i: int, language: Language) -> int:
    if run[i].text.lower() not in _title_words(language)[0]:
        return 0
    for width in (3, 2, 1):
        phrase = " ".join(t.text.lower() for t in run[i:i + width])
        if len(run[i:i + width]) == width and phrase in language.titles:
            return width
    return 0


def _clean(piece: list[Token], reference: Reference, language: Language) -> list[Token]:
    title_ends = _title_ends(language)
    while piece and (piece[0].text.lower() in language.not_names or fold(piece[0].text) in language.not_names
                     or fold(piece[0].text) in reference.demonyms
                     or piece[0].text.lower() in title_ends or _definite_noun(piece, language)):
        piece = piece[1:]
    if any(fold(t.text) in reference.demonyms for t in piece) and _org_kind(piece, language) is None:
        return []
    piece = _strip_connectors(piece)
    if fold(" ".join(t.text for t in piece)) in PLACES or any(t.text.lower() in PLACE_WORDS for t in piece):
        return []
    return piece


def _title_ends(language: Language) -> frozenset[str]:
    cache = language.__dict__.setdefault("_patterns", {})
    if "title-ends" not in cache:
        cache["title-ends"] = frozenset(title.split()[-1] for title in language.titles)
    return cache["title-ends"]


def _title_words(language: Language) -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the titles, and their last words without a dot: a cheap test before the phrases."""
    cache = language.__dict__.setdefault("_patterns", {})
    if "title-words" not in cache:
        cache["title-words"] = (frozenset(title.split()[0] for title in language.titles),
                                frozenset(title.split()[-1].rstrip(".") for title in language.titles))
    return cache["title-words"]


def _definite_noun(piece: list[Token], language: Language) -> bool:
    """A long noun in its definite form opening a sentence before a name ("Venstrepopulisten Jean-Luc Mélenchon")."""
    word = piece[0].text.lower()
    return len(piece) >= 3 and len(word) >= 9 and "-" not in word and word.endswith(language.definite_endings)


def _org_kind(piece: list[Token], language: Language) -> str | None:
    for token in reversed(piece):
        word = token.text.lower()
        if word in language.org_heads:
            return language.org_heads[word]
        # A compound's head after a hyphen: "Diop-universitetet", "TV-kanalen".
        if "-" in word and word.rsplit("-", 1)[1] in language.org_heads:
            return language.org_heads[word.rsplit("-", 1)[1]]
    return None


def _kind_of(piece: list[Token], language: Language) -> str | None:
    if not piece:
        return None
    org = _org_kind(piece, language)
    if org and (len(piece) >= 2 or "-" in piece[0].text):
        return org
    if is_party_name([t.text for t in piece if t.capitalised]):
        return "party"
    if len(piece) >= 2 and any(t.text.lower() in language.org_words for t in piece):
        return "government-organization"
    words = [t for t in piece if t.capitalised]
    if len(words) >= 2 and all(t.text.replace("-", "").isalpha() and not t.text.isupper() for t in words):
        return "person"
    if len(piece) == 1 and piece[0].text.isupper() and 2 <= len(piece[0].text) <= 6:
        return "organization"
    return None


def _with_title(text, tokens, position, mention, mentions, reference, language) -> NameMention:
    """Attach the title written before a name ("US Secretary of State", "Chiles president")."""
    if mention.key and not mention.key.startswith("person/") or mention.kind not in (None, "person"):
        return mention
    at = position.get(mention.span.begin)
    if at is None:
        return mention
    lasts = _title_words(language)[1]
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
                place = _place_before(tokens, first, mentions, reference)
                return replace(mention, title=role or None, place=place, kind=mention.kind or "person",
                               title_begin=tokens[first].begin)
    return mention


def _breaks(between: str) -> bool:
    return _BREAK.search(between) is not None


_BREAK = re.compile(r"[\n.:;!?\"“”«»()]")


def _place_before(tokens: list[Token], first: int, mentions: list[NameMention], reference: Reference) -> str | None:
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
