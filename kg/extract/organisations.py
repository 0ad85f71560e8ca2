"""Organisation and party names beyond one run of capitals: "X of Y", "Name (ACRONYM)", party words.

Three general habits of news prose:

- an organisation's name often holds a lowercase link word: "National Office of Electoral
  Processes", "Ministry of Justice", "Organización de los Estados Americanos", "Taiwan People's
  Party". Two runs of capitals are one name when the first holds an organisation word and the
  language's link words stand between them (or a genitive before a word like "Party");
- a name is followed by its acronym in brackets the first time ("Democratic Progressive Party
  (DPP)"); every use of the acronym in that article then names the same entity;
- a party's name is made of political words ("Fuerza Popular", "Revolución Ciudadana", "Perú
  Libre"): two or more capitalised words with one of them is a party, not a person.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz.distance import OSA

from kg.model import Span  # noqa: F401 (the doctests use it)

from .languages import LANGUAGES, Language
from .patterns import alternation, derived, share_verb_phrase
from .text import Token, fold

#: Political words of every language: a Spanish party name turns up in English text too.
PARTY_WORDS = frozenset(fold(w) for language in LANGUAGES.values() for w in language.party_words)
_GENITIVE = ("'s", "’s")


def join_org_runs(text: str, tokens: list[Token], runs: list[list[Token]], position: dict[int, int],
                  language: Language) -> list[list[Token]]:
    """Runs of capitals joined across link words when they make one organisation's name.

    >>> from kg.extract.languages import ENGLISH
    >>> from kg.extract.text import tokenize
    >>> t = "the National Office of Electoral Processes said"
    >>> tokens = tokenize(t)
    >>> runs = [tokens[1:3], tokens[4:6]]
    >>> [" ".join(x.text for x in run) for run in join_org_runs(t, tokens, runs, {x.begin: i for i, x in enumerate(tokens)}, ENGLISH)]
    ['National Office of Electoral Processes']
    """
    joined: list[list[Token]] = []
    for run in runs:
        if joined:
            previous = joined[-1]
            first, last = position[previous[-1].begin] + 1, position[run[0].begin]
            between = tokens[first:last]
            if _links(text, previous, between, run, language):
                joined[-1] = previous + between + run
                continue
        joined.append(run)
    return joined


def _links(text: str, before: list[Token], between: list[Token], after: list[Token], language: Language) -> bool:
    gap = text[before[-1].end:after[0].begin]
    if not between or len(between) > 3 or not re.fullmatch(r"[\w'’ ]+", gap) or "  " in gap:
        return False
    words = " ".join(t.text.lower() for t in between)
    if words in _GENITIVE:
        # "Taiwan People's Party", "Workers' Party": a genitive before an organisation word, or
        # "National People's Power (NPP) alliance": a name whose organisation word follows it.
        head = re.match(r"\s*(?:\([A-Z][A-Za-z.-]{1,9}\)\s*)?([a-z]+)\b", text[after[-1].end:after[-1].end + 20])
        return after[0].text.lower() in language.org_heads or bool(head and head.group(1) in language.org_heads)
    return words in language.org_links and any(t.text.lower() in language.org_heads for t in before)


def is_party_name(words: list[str]) -> bool:
    """Whether a name of two or more words holds a political word ("Fuerza Popular").

    >>> is_party_name(["Revolución", "Ciudadana"]), is_party_name(["Keiko", "Fujimori"])
    (True, False)
    """
    return len(words) >= 2 and any(fold(w) in PARTY_WORDS for w in words)


def apply_acronyms(text: str, mentions: list) -> list:
    """Every use of an acronym defined in brackets after a name ("… Party (DPP)") names that entity.

    The acronym's mentions keep their own spans; they take the name's key, kind, category and
    text (so that linking groups them with the name).
    """
    by_begin = {m.span.begin: m for m in mentions}
    # "the Social Democrats (SPD)": a description the table does not know takes the known acronym's entity.
    mentions = [replace(m, key=acronym.key, kind=acronym.kind, category=acronym.category)
                if not m.key and text[m.span.end:m.span.end + 2] == " (" and m.kind != "person"
                and (acronym := by_begin.get(m.span.end + 2)) is not None and acronym.key
                and not acronym.key.startswith("person/") and _is_acronym(acronym.text)
                and text[acronym.span.end:acronym.span.end + 1] == ")" else m for m in mentions]
    defined: dict[str, object] = {}
    for m in mentions:
        if text[m.span.end:m.span.end + 2] != " (" or m.kind == "person" or (m.key or "").startswith("person/"):
            continue
        acronym = by_begin.get(m.span.end + 2)
        if acronym and text[acronym.span.end:acronym.span.end + 1] == ")" and _is_acronym(acronym.text) \
                and (len(m.text.split()) >= 2 or m.kind in ("party", "organization", "government-organization")):
            defined.setdefault(acronym.text, m)
    if not defined:
        return mentions
    return [replace(m, text=full.text, key=full.key, kind=full.kind, category=full.category, place=full.place)
            if (full := defined.get(m.text)) is not None and m is not full else m for m in mentions]


def join_slashed_parties(text: str, mentions: list, labels: dict[str, str]) -> list:
    """Two parties written as one list with a slash ("CDU/CSU") are that joint list, one name.

    Its key is the table's entity of that spelling (``labels``: folded label to key), else it is a new party.

    >>> from kg.extract.names import NameMention
    >>> from kg.model import Span
    >>> t = "the CDU/CSU won"
    >>> ms = [NameMention("CDU", Span(4, 7), Span(0, 15), key="party/cdu"), NameMention("CSU", Span(8, 11), Span(0, 15), key="party/csu")]
    >>> [(m.text, m.key, m.kind) for m in join_slashed_parties(t, ms, {"cdu/csu": "party/cdu-csu"})]
    [('CDU/CSU', 'party/cdu-csu', 'party')]
    """
    joined: list = []
    for m in mentions:
        last = joined[-1] if joined else None
        if last is not None and text[last.span.end:m.span.begin] == "/" and _is_party(last) and _is_party(m):
            name = text[last.span.begin:m.span.end]
            joined[-1] = replace(last, text=name, span=type(last.span)(last.span.begin, m.span.end),
                                 key=labels.get(fold(name)), kind="party", category=None, title=None)
            continue
        joined.append(m)
    return joined


def _is_party(mention) -> bool:
    return (mention.key or "").startswith("party/") or (not mention.key and mention.kind == "party")


def _is_acronym(word: str) -> bool:
    """
    >>> _is_acronym("ONPE"), _is_acronym("PSUV"), _is_acronym("Lima")
    (True, True, False)
    """
    letters = word.replace(".", "").replace("-", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and sum(c.isupper() for c in letters) >= max(2, len(letters) - 1)


def mark_parties(text: str, mentions: list, language: Language) -> list:
    """A name after a person and "of the" / ", de" is that person's party ("Hou Yu-ih of the Kuomintang"),
    and so is one after "the candidate of" ("la candidata de Morena").

    Only a name the text has not typed otherwise (one word, or an acronym) is changed.
    """
    found = list(mentions)
    for i, m in enumerate(found):
        # "la candidata de Morena", "the candidate of the Greens": the name is a party.
        if not m.key and m.kind is None and after_candidate_word(text, m.span.begin, language):
            found[i] = replace(m, kind="party")
        # "the liberal VVD", "los conservadores PP": an acronym after a political word is a party.
        elif not m.key and m.kind in (None, "organization") and _is_acronym(m.text) \
                and _word_before(text, m.span.begin) in language.party_words:
            found[i] = replace(m, kind="party")
        # "The New Social Contract of Pieter Omtzigt": a name after "the", before a person it is named for,
        # is no person but the party.
        elif not m.key and m.kind == "person" and _word_before(text, m.span.begin) in _DEFINITE \
                and i + 1 < len(found) and found[i + 1].kind == "person" \
                and text[m.span.end:found[i + 1].span.begin].strip().lower() in language.party_of:
            found[i] = replace(m, kind="party")
    for i in range(1, len(found)):
        person, party = found[i - 1], found[i]
        bare = (person.kind is None and not person.key and " " not in person.text  # "Premadasa, of the …"
                and text[person.span.end:person.span.end + 1] == ",")
        if not (person.kind == "person" or (person.key or "").startswith("person/") or bare):
            continue
        acronym = party.kind == "organization" and _is_acronym(party.text)
        # A name typed only by its look (name-like words, "Nacional") may still be a party here:
        # "Premadasa, of the Samagi Jana Balawegaya", "Cubas, de Cruzada Nacional".
        weak = party.kind in ("person", "government-organization") and not _has_org_head(party.text, language)
        if party.key or party.category or not (party.kind is None or acronym or weak):
            continue  # "a scientist of the University of Turku": a typed name keeps its kind
        between = text[person.span.end:party.span.begin].lower()
        if between.strip(" ,") in language.member_of and between.strip(" ,") and "\n" not in between:
            found[i] = replace(party, kind="party")
    return found


#: Definite articles before a name: a person's name does not take one.
_DEFINITE = frozenset({"the", "el", "la", "los", "las"})


def _word_before(text: str, begin: int) -> str:
    """The lowercase word right before ``begin`` ("" when none).

    >>> _word_before("the liberal VVD", 12), _word_before("VVD", 0)
    ('liberal', '')
    """
    found = re.search(r"(\w+)\s+$", text[max(0, begin - 30):begin])
    return found.group(1).lower() if found else ""


def _has_org_head(name: str, language: Language) -> bool:
    """
    >>> from kg.extract.languages import SPANISH
    >>> _has_org_head("Cruzada Nacional", SPANISH), _has_org_head("Universidad Nacional", SPANISH)
    (False, True)
    """
    return any(w.lower() in language.org_heads or w.lower().rsplit("-", 1)[-1] in language.org_heads for w in name.split())


def after_candidate_word(text: str, begin: int, language: Language) -> bool:
    """Whether the name at ``begin`` follows "the candidate of" ("candidato de Unión por la Patria").

    >>> from kg.extract.languages import SPANISH
    >>> after_candidate_word("Massa, candidato de Unión por la Patria", 20, SPANISH)
    True
    """
    pattern = _CANDIDATE_OF.get(language.code)
    if pattern is None:
        words = "|".join(re.escape(w) for w, role in language.titles.items() if role == "candidate")
        pattern = _CANDIDATE_OF[language.code] = re.compile(
            r"\b(?:%s)\s+(?:of the|of|for|de la|del|de)\s+$" % words, re.IGNORECASE)
    return bool(pattern.search(text[max(0, begin - 40):begin]))


_CANDIDATE_OF: dict[str, re.Pattern[str]] = {}


def party_before_candidate(text: str, end: int, language: Language) -> bool:
    """Whether the name ending at ``end`` owns a candidate ("Benno Bokk Yakaars kandidat", "MAS's candidate").

    >>> from kg.extract.languages import NORWEGIAN
    >>> party_before_candidate("Regjeringskoalisjonen Xs kandidat, Ba", 23, NORWEGIAN)
    True
    """
    after = text[end:end + 20].lower()
    return any(after.startswith(cue) for cue in language.candidate_of_after)


#: An acronym in brackets after a name: "Zorgan Tehreek-e-Adl (ZTA)".
_BRACKETED = re.compile(r"\s*\([A-Z][A-Za-z.-]{1,9}\)")


def in_the_race(text: str, end: int, language: Language, *, bracketed_only: bool) -> bool:
    """Whether the name ending at ``end`` gets seats or a share of its own: "(ZTA) won 93 seats",
    "AD 79, PS 77", "(BE) 5", "Bloc Zorganais: 6.3%". A name with ``bracketed_only`` (one shaped like
    a person's) must carry its acronym in brackets first: "Ana Lind: 44%" is a candidate's line.

    >>> from kg.extract.languages import ENGLISH
    >>> t = "Zorgan Adl (ZA) won 93 seats; AD 79, PS 77. Ana Lind: 44%. The CNE 2024 report."
    >>> in_the_race(t, 10, ENGLISH, bracketed_only=True), in_the_race(t, 32, ENGLISH, bracketed_only=False)
    (True, True)
    >>> in_the_race(t, 52, ENGLISH, bracketed_only=True), in_the_race(t, 65, ENGLISH, bracketed_only=False)
    (False, False)
    """
    bracket = _BRACKETED.match(text, end)
    if bracketed_only and not bracket:
        return False
    at = bracket.end() if bracket else end
    pattern = _RACE.get(language.code)
    if pattern is None:
        verb = share_verb_phrase(language) if language.share_verbs else r"(?!)"
        # A count of one to three digits right after the name (a list or table line), or after a verb of scoring.
        pattern = _RACE[language.code] = re.compile(r"(?::?\s+|%s)\d{1,3}(?:[.,]\d+)?(?![\d/:-])" % verb)
    return bool(pattern.match(text, at))


_RACE: dict[str, re.Pattern[str]] = {}


def mark_scoring_words(text: str, mentions: list, language: Language, name_words: frozenset[str]) -> list:
    """A lone capitalised word that gets a vote share of its own is a party ("Smer på 25,1 prosent",
    "PS 17,2 og Hlas 15,1"), unless it is the surname of a person the article or the table names.

    The share must carry its unit, or continue an enumeration of shares ("…, X 17,2 og Y 15,1"),
    so that "Sunday 12" or "Monday 12.30" stays a date.

    >>> from kg.extract.languages import NORWEGIAN
    >>> from kg.extract.names import NameMention
    >>> t = "Smer på 25,1 prosent, PS 17,2 og Hlas 15,1. Lind 40 prosent. Søndag 12.30 kom tallene."
    >>> found = [NameMention(w, Span(t.index(w), t.index(w) + len(w)), Span(-1, len(t))) for w in ("Smer", "Hlas", "Lind", "Søndag")]
    >>> [m.kind for m in mark_scoring_words(t, found, NORWEGIAN, frozenset({"lind"}))]
    ['party', 'party', None, None]
    """
    pattern = derived(language, "scoring-word", lambda: re.compile(
        r"\s+(?:(?:%s)\s+)?\d{1,3}(?:[.,]\d+)?(?:\s*(?:%s)(?!\w)|(?=[,.;]?(?:\s|$)))" % (
            alternation(language.share_at), alternation(language.percent_words)), re.IGNORECASE))
    unit = derived(language, "scoring-unit", lambda: re.compile(
        r"\s+(?:(?:%s)\s+)?\d{1,3}(?:[.,]\d+)?\s*(?:%s)(?!\w)" % (
            alternation(language.share_at), alternation(language.percent_words)), re.IGNORECASE))
    found = list(mentions)
    for i, m in enumerate(found):
        word = m.text
        if m.key or m.kind is not None or " " in word or m.span.begin == m.sentence.begin \
                or word.lower() in language.not_names or _among(fold(word), name_words):
            continue
        if unit.match(text, m.span.end) or (pattern.match(text, m.span.end) and _continues_tally(text, m.span.begin)):
            found[i] = replace(m, kind="party")
    return found


def _among(word: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``words`` or, from five letters on, one edit away from one ("Pezesjkian").

    >>> _among("pezesjkian", frozenset({"pezeshkian"})), _among("hlas", frozenset({"has"}))
    (True, False)
    """
    return word in words or (len(word) >= 5 and any(len(w) >= 5 and OSA.distance(word, w) <= 1 for w in words
                                                     if abs(len(w) - len(word)) <= 1 and w[:1] == word[:1]))


def _continues_tally(text: str, begin: int) -> bool:
    """Whether a name stands after a figure and a comma or "and" ("…, PS 17,2 og Hlas"): the next item of a tally."""
    return re.search(r"\d(?:\s*%|\s+\w+)?\s*(?:,|,?\s+(?:and|og|y|e)\s+)\s*$", text[max(0, begin - 30):begin]) is not None
