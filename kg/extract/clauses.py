"""What may stand between a statement and its speaker: names, titles, asides and relative clauses.

Small tests on the words around a speech verb, shared by the quote and reported-speech readers
in :mod:`kg.extract.claims`.
"""

from __future__ import annotations

import re

from .languages import Language
from .names import NameMention

#: A relative clause set off by commas after a name ("X, who runs Ipsos in Peru, told …").
RELATIVE = re.compile(r",\s*(?:who|which|quien|quienes|som)\b[^,;.]*(?=,)", re.IGNORECASE)


def title_phrase(between: str, language: Language) -> bool:
    """Whether ``between`` is a title phrase ending in a comma ("el jefe de la misión de la OEA, ").

    >>> from kg.extract.languages import SPANISH
    >>> title_phrase(" el presidente colombiano, ", SPANISH), title_phrase(" que el resultado era bueno, ", SPANISH)
    (True, False)
    """
    words = re.findall(r"\w+", between.lower())
    return (bool(re.search(r",\s*$", between)) and 0 < len(words) <= 20
            and any(w in language.titles and language.titles[w] for w in words[:3]))


def only_names(between: str, language: Language) -> bool:
    """Whether ``between`` holds nothing but punctuation, names, titles and pronouns."""
    words = re.findall(r"[\w'’]+", between)
    titlewords = {w for title in language.titles for w in title.split()}
    return len(words) <= 10 and all(w[:1].isupper() or w.lower() in language.pronouns or w.lower() in titlewords
                                    or w.lower() in SMALL_WORDS or w in ("'s", "’s") or w.isdigit()
                                    or w.lower().endswith(("'s", "’s")) for w in words)


#: Articles and prepositions that may stand in a title before a name ("el secretario de Estado de …").
SMALL_WORDS = frozenset("the of el la los las de del den det".split())


def word_set(segment: str) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", segment)}


def in_aside(text: str, begin: int, position: int, at: int) -> bool:
    """Whether ``position`` falls inside a dash or bracket aside that closes before ``at``."""
    for opener, closer in (("—", "—"), ("–", "–"), ("(", ")")):
        start = text.rfind(opener, begin, position)
        if start >= 0 and text.find(closer, position, at) >= 0:
            return True
    return False


#: Prepositions of origin in every language: "Fra Berlin sier en talsperson at …" has its speaker after the verb.
_FROM = frozenset({"from", "fra", "desde"})


def place_complement(text: str, mention: NameMention, language: Language) -> bool:
    """Whether a country is only where something is or comes from ("The Taiwan Affairs Office in China
    said", "Desde Washington, el presidente dijo")."""
    before = text[max(0, mention.span.begin - 7):mention.span.begin].lower().split()
    return mention.key.startswith("country/") and bool(before) \
        and (before[-1] in language.place_prepositions or before[-1] in _FROM) \
        and text[mention.span.begin - 1:mention.span.begin] == " "


def possessor(text: str, mention: NameMention) -> bool:
    """Whether a name only qualifies the noun after it ("Cuba's president", "Venezuelas valgråd")."""
    after = text[mention.span.end:mention.span.end + 4]
    return bool(re.match(r"(?:'s|’s|s)\s+[a-zæøåáéíóúñ]", after))
