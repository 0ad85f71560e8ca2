"""Capitals that stand for their country's government: "Washington said …", "Beijing congratulated …".

News prose lets a seat of government speak for the state ("Fra Moskva kom det gratulasjoner",
"La Habana, en cambio, guardó silencio"). Such a capital names the country. The same word after a
preposition of place or inside a longer name ("in Caracas", "the University of Buenos Aires",
"George Washington", "the Washington Post") is a place or part of a name, and names nothing.
"""

from __future__ import annotations

from functools import cache

from kg.model import Span

from .languages import LANGUAGES, Language
from .names import NameMention
from .reference import Reference
from .text import Token, fold, sentence_of

#: Words before a capital that make it a place or part of a longer name, in every language: an
#: article quotes names in other languages too ("mayor of London", "exalcalde de Bogotá", "near Moscow").
_PLACE_BEFORE = frozenset(w for language in LANGUAGES.values() for w in language.capital_place_words)
#: Capitalised words that open a sentence before a capital that acts, beyond the languages' not_names.
_OPENING_WORDS = frozenset(w for language in LANGUAGES.values() for w in language.capital_openers)
_MAX_WORDS = 3


@cache
def _capital_words(reference: Reference) -> dict[tuple[str, ...], str]:
    return {tuple(name.split()): key for name, key in reference.capitals.items()}


def find_capitals(text: str, tokens: list[Token], used: set[int], sentences: list[Span], reference: Reference,
                  language: Language) -> list[NameMention]:
    """The capitals in ``tokens`` (none of them ``used``) that stand for their country, as its mentions."""
    index = _capital_words(reference)
    found: list[NameMention] = []
    i = 0
    while i < len(tokens):
        width = _capital_at(tokens, i, used, index)
        if width and stands_for_state(text, tokens, i, i + width, language):
            span = Span(tokens[i].begin, tokens[i + width - 1].end)
            key = index[tuple(fold(t.text) for t in tokens[i:i + width])]
            found.append(NameMention(text[span.begin:span.end], span, sentence_of(span.begin, sentences), key=key))
            i += width
        else:
            i += 1
    return found


def _capital_at(tokens: list[Token], i: int, used: set[int], index: dict[tuple[str, ...], str]) -> int:
    """How many words of the capital that opens at token ``i`` (0 if none does)."""
    if not tokens[i].capitalised or i in used:
        return 0
    for width in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
        words = tuple(fold(t.text) for t in tokens[i:i + width])
        if words in index and not any(j in used for j in range(i, i + width)):
            return width
    return 0


def stands_for_state(text: str, tokens: list[Token], start: int, stop: int, language: Language) -> bool:
    """Whether the capital at ``tokens[start:stop]`` acts rather than locates: no preposition of
    place before it, and no capitalised word joined to it on either side.

    >>> from kg.extract.languages import ENGLISH
    >>> from kg.extract.text import tokenize
    >>> def acts(s, at):
    ...     return stands_for_state(s, tokenize(s), at, at + 1, ENGLISH)
    >>> acts("Then Washington said no.", 1), acts("He spoke in Washington today.", 3)
    (True, False)
    >>> acts("George Washington said no.", 1), acts("The Washington Post said no.", 1)
    (False, False)
    """
    if start > 0:
        before = tokens[start - 1]
        gap = text[before.end:tokens[start].begin]
        if before.text.lower() in language.place_prepositions | _PLACE_BEFORE and gap.strip() == "":
            return False
        # "George Washington": a name word before it; "Then Washington", "Desde Washington": a function word.
        if before.capitalised and gap == " " and before.text.lower() not in language.not_names \
                and not (_opens_sentence(text, before.begin) and before.text.lower() in _OPENING_WORDS):
            return False
    if stop < len(tokens):
        after = tokens[stop]
        if after.capitalised and text[tokens[stop - 1].end:after.begin] in (" ", "-"):
            return False
    return True


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word at ``at`` opens its sentence or line ("Desde Washington", "Fra Moskva")."""
    head = text[:at].rstrip(" ")
    return not head or head[-1] in ".!?:\n—–-\"“«"
