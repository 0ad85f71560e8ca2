"""Names no table knows: runs of capitalised words (found and cut by :mod:`.runs`), typed by the words around them.

An organisation word in a name ("Ministry", "Council", "-universitetet") makes it an
organisation, a political word ("Fuerza Popular") a party, two or more name-like words a person;
a noun just before it ("the coalition X", "la empresa X") gives its kind, and a poll's maker is
found after "a survey by". Datelines, places ("in New Taipei", "Avenida Paulista"), demonyms and
nouns standing before a name are not names.
"""

from __future__ import annotations

import re

from kg.model import Span

from .languages import ENGLISH, Language  # noqa: F401 (the doctests use ENGLISH)
from .names import NameMention, place_before
from .organisations import after_candidate_word, in_the_race, join_org_runs, party_before_candidate
from .patterns import alternation, derived, share_verb_phrase
from .runs import capitalised_runs, extend_name, is_acronym_name, long_heads, org_kind, split_run, without_nickname
from .text import Token, fold, sentence_of

def find_candidates(text, tokens, used, sentences, reference, language, known) -> list[NameMention]:
    """The names no table knows, each typed by its words and the words around it (:mod:`.runs` cuts them)."""
    mentions: list[NameMention] = []
    position = {t.begin: i for i, t in enumerate(tokens)}
    for run in join_org_runs(text, tokens, capitalised_runs(text, tokens, used), position, language):
        if _place_of_title(text, run, language):
            run = run[1:]  # "el exintendente de Montevideo Daniel Martínez": the place is the title's, not the name's
        noun = _noun_before(text, tokens, position[run[0].begin], language)
        party_of = not noun and after_candidate_word(text, run[0].begin, language)
        if noun or party_of:
            extended = extend_name(text, tokens, position[run[0].begin], used)
            run = extended if extended[-1].end >= run[-1].end else run
        for piece, kind in split_run(run, reference, language):
            if not piece:
                continue
            if noun and piece[0] is run[0]:
                kind = language.org_heads[noun]
            elif party_of and piece[0] is run[0] and kind in (None, "person"):
                kind = "party"
            begin, end = piece[0].begin, piece[-1].end
            glued = _genitive_institution(text, end, language)
            if glued:  # "Göteborgs universitet", "Oslos høgskole": the lowercase word belongs to the name
                end, kind = glued, "organization"
            # "China's Foreign Ministry" and "Venezuela's Foreign Ministry" are two bodies.
            place = place_before(tokens, position[begin], known, reference) if kind == "government-organization" else None
            category = _electoral(text, begin, end, noun, language) if kind in _ORG_KINDS else None
            if kind in (None, "person") and (_pollster_before(text, begin, language) and (len(piece) == 1 or not noun)
                                              or _poll_noun_after(text, end, language)):
                kind, category = "organization", "polling-firm"
            if kind in (None, "person") or (kind == "government-organization" and org_kind(piece, language) is None):
                kind = _kind_after(text, end, language) or kind
            if kind in (None, "person", "organization") and party_before_candidate(text, end, language):
                kind = "party"
            if not noun and not category and (kind in (None, "person") or kind == "organization" and org_kind(
                    piece, language) is None) and in_the_race(text, end, language, bracketed_only=not is_acronym_name(piece)):
                kind = "party"  # a name or acronym that wins seats or a share of its own: "AD 79", "(ZTA) won 93 seats"
            if kind is None and len(piece) == 1 and _share_subject(text, end, language) \
                    and not _part_of_longer_name(text, piece[0].text):
                kind = "party"  # a one-word name that gets a vote share: "Socialdemokratiet fikk 27,5 prosent"
            if _not_a_name(text, tokens, position[begin], piece, kind, noun, language):
                continue
            if kind == "person" and len(piece) >= 2 and _genitive_of_known_name(text, piece[-1].text, language):
                end -= 1  # "statsminister Sanna Marins sosialdemokrater … Marin sa": the s is the genitive's
            mentions.append(NameMention(without_nickname(text[begin:end]), Span(begin, end), sentence_of(begin, sentences),
                                        kind=kind, place=place, category=category))
    return mentions


_ORG_KINDS = ("organization", "government-organization", "party")

#: Roles held over a place, named after the title: "mayor of X", "gobernador de X", "ordfører i X".
_PLACE_ROLES = frozenset({"mayor", "governor"})
_PLACE_LINK = re.compile(r"(?i)(?:^|(?<=\s))(?:ex-?|former\s+|tidligere\s+)?(\w+)\s+(?:of|de|del|i|for)\s+$")


def _place_of_title(text: str, run: list[Token], language: Language) -> bool:
    """Whether a run of three or more capitalised words opens with the place of the title before it
    ("the former mayor of Montevideo Daniel Martínez", "el exgobernador de Antioquia Sergio Fajardo").

    >>> from kg.extract.languages import SPANISH
    >>> from kg.extract.text import tokenize
    >>> t = "el exgobernador de Antioquia Sergio Fajardo y el alcalde de Santa Marta"
    >>> tokens = tokenize(t)
    >>> _place_of_title(t, tokens[3:6], SPANISH), _place_of_title(t, tokens[-2:], SPANISH)
    (True, False)
    """
    if len(run) < 3 or any(t.text.lower() in language.org_heads for t in run):
        return False
    before = _PLACE_LINK.search(text[max(0, run[0].begin - 40):run[0].begin])
    return before is not None and language.titles.get(before.group(1).lower().removeprefix("ex")) in _PLACE_ROLES


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


_HEAD_AFTER = re.compile(r"\s*(?:\([A-Z][A-Za-z.-]{1,9}\)\s*)?(\w+)(?![\w'’-])")
_APPOSITION = re.compile(r",\s+(?:the|a|an|la|el|una|un)\s+((?:\w+\s+){0,2}\w+)(?=\s+(?:of|de|del|for|para)\b|,|\.)")


def _kind_after(text: str, end: int, language: Language) -> str | None:
    """The kind a lowercase noun after a name gives it: "X (XYZ) alliance", "X party", "X, the research arm of".

    >>> from kg.extract.languages import ENGLISH
    >>> t = "Ana Lima (AL) alliance won; Kiri Tanu, the polling firm, said"
    >>> _kind_after(t, 8, ENGLISH), _kind_after(t, 37, ENGLISH), _kind_after("Ana Lima, the mayor, said", 8, ENGLISH)
    ('party', 'organization', None)
    """
    head = _HEAD_AFTER.match(text, end)
    if head and head.group(1).islower() and head.group(1) in language.org_heads:
        return language.org_heads[head.group(1)]
    phrase = _APPOSITION.match(text, end)
    if phrase:
        words = phrase.group(1).lower().split()
        if not any(w in language.titles for w in words):
            return next((language.org_heads[w] for w in words if w in language.org_heads), None)
    return None


def _pollster_before(text: str, begin: int, language: Language) -> bool:
    """Whether a one-word name follows the words that name a poll's maker ("a survey by Taloustutkimus")."""
    before = " " + text[max(0, begin - 30):begin].lower().replace(",", "")
    return before.endswith(derived(language, "pollster-ends", lambda: tuple(f" {cue} " for cue in language.pollster_before)))
def _share_subject(text: str, end: int, language: Language) -> bool:
    """Whether a name is followed by a verb of scoring and a percentage ("Venstre falt til 13,3 prosent").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "Venstre falt til 13,3 prosent, mens Ola sa nei."
    >>> _share_subject(t, 7, NORWEGIAN), _share_subject(t, 39, NORWEGIAN)
    (True, False)
    """
    pattern = derived(language, "share-subject", lambda: re.compile(
        share_verb_phrase(language) + r"\d[\d.,]*\s*(?:%s)" % alternation(language.percent_words), re.IGNORECASE)
        if language.share_verbs else None)
    return bool(pattern and pattern.match(text, end))


def _genitive_of_known_name(text: str, word: str, language: Language) -> bool:
    """Whether ``word`` is a genitive (glued s) of a name the text also writes bare ("Marins" beside "Marin"),
    or of a -sen/-son family name ("Lars Løkke Rasmussens nye parti").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "Sanna Marins parti tapte. Marin sa nei."
    >>> _genitive_of_known_name(t, "Marins", NORWEGIAN), _genitive_of_known_name(t, "Marins", ENGLISH)
    (True, False)
    >>> _genitive_of_known_name("Carlos Mesa won.", "Carlos", NORWEGIAN), _genitive_of_known_name("", "Rasmussens", NORWEGIAN)
    (False, True)
    """
    if not language.genitive_s or len(word) < 4 or not word.endswith("s"):
        return False
    if word.endswith(("sens", "sons")):
        return True  # a -sen/-son family name ("Rasmussen", "Andersson") never ends in s of its own
    return re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(word[:-1]), text) is not None


def _part_of_longer_name(text: str, word: str) -> bool:
    """Whether a word also stands in the text as part of a longer name ("Nicolás Maduro" for "Maduro", "Anies Baswedan").

    >>> _part_of_longer_name("Ana Lima won. Lima fikk 40 prosent.", "Lima"), _part_of_longer_name("og Venstre fikk", "Venstre")
    (True, False)
    >>> _part_of_longer_name("Ifølge Statistik. Venstre fikk", "Venstre"), _part_of_longer_name("Ana J. Lima", "Lima")
    (False, True)
    """
    w = re.escape(word)
    return re.search(r"\b(?:[A-ZÀ-Þ][\w'’-]*|[A-ZÀ-Þ]\w?\.)[\"”»]?[ \t]+[\"“«]?%s\b|\b%s[\"”»]?[ \t]+[\"“«]?[A-ZÀ-Þ]" % (w, w), text) is not None


def _poll_noun_after(text: str, end: int, language: Language) -> bool:
    """Whether a poll noun follows a name, which makes the name the poll's maker ("a Pulse Asia poll taken in April").

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "A Pulse Asia poll had Ana at 56%."
    >>> _poll_noun_after(t, 12, ENGLISH), _poll_noun_after(t, 26, ENGLISH), _poll_noun_after("Novus-målingen for SVT", 5, NORWEGIAN)
    (True, False, True)
    >>> _poll_noun_after("Opinion polls had Ana ahead.", 7, ENGLISH)
    False
    """
    nouns = derived(language, "poll-nouns", lambda: re.compile(
        r"(?:\s+|(?=-))(?:%s)(?!\w)" % alternation(language.poll_nouns))
        if language.poll_nouns else None)
    if not nouns or not nouns.match(text, end):
        return False
    # "Opinion poll", "Exit poll" opening a sentence: the words are the cue itself, not a maker.
    word = re.search(r"[\w-]*$", text[max(0, end - 40):end]).group().lower()
    return not any(phrase.startswith(word + " ") for phrase, _ in language.kinds)


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
    heads = long_heads(language)
    return next((h for h in heads if head.endswith(h)), None) if head.endswith(heads) else None


def _electoral(text: str, begin: int, end: int, noun: str | None, language: Language) -> str | None:
    # The words just before count too: "the electoral service Servel", "valgdomstolen TSE".
    name = fold(text[max(0, begin - 25):end] if noun else text[begin:end])
    return "electoral-body" if any(w in name for w in language.electoral_words) else None


#: Lowercase institution words a genitive place name is written before: "Göteborgs universitet".
_INSTITUTIONS = frozenset({"universitet", "högskola", "høgskole", "høyskole", "universitetssykehus"})


def _genitive_institution(text: str, end: int, language: Language) -> int | None:
    """The end of a name like "Göteborgs universitet", whose head is a lowercase word after a genitive.

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "ved Lunds universitet i går"
    >>> _genitive_institution(t, 9, NORWEGIAN), _genitive_institution(t, 9, ENGLISH)
    (21, None)
    """
    if not language.genitive_s or text[end - 1:end] != "s":
        return None
    head = re.match(r" (\w+)\b", text[end:end + 25])
    return end + head.end() if head and head.group(1) in _INSTITUTIONS else None


