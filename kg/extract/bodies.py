"""A country's government bodies named by a generic word: "the interior ministry", "valgkommisjonen".

The body belongs to the country named beside it ("Brazil's foreign ministry", "Kinas
utenriksdepartement", "the electoral council of Peru"), else, when the words stand alone in
lowercase, to the country the article is about. A known body (the table's electoral council of
that country) keeps its key; any other gets a key from the country and the body's English name,
and that English name as its label ("Ministry of the Interior of France").
"""

from __future__ import annotations

import re

from kg.iris import slugify
from kg.model import Span

from .names import NameMention, place_before
from .patterns import derived
from .reference import Reference
from .text import Token, sentence_of

def find_bodies(text, tokens, used, sentences, reference, language, known, home=None) -> list[NameMention]:
    """A country's government bodies named in lowercase ("Brazil's foreign ministry", "Kinas utenriksdepartement").

    The country is the one named just before or after the body, else the one the article is about
    ("the interior ministry said", "ifølge valgkommisjonen").
    """
    found: list[NameMention] = []
    firsts = derived(language, "body-firsts", lambda: frozenset(phrase.split()[0] for phrase in language.bodies))
    for i in range(len(tokens)):
        if tokens[i].text.lower() not in firsts:
            continue
        for phrase, name in language.bodies.items():
            width = len(phrase.split())
            words = " ".join(t.text.lower() for t in tokens[i:i + width])
            if words != phrase or any(j in used for j in range(i, i + width)):
                continue
            place = place_before(tokens, i, known, reference) or _country_after(text, tokens[i + width - 1].end, known)
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


