"""Roles the text states: a title before a name ("Chile's president Gabriel Boric", "China's
Foreign Ministry Spokesman Lin Jian") or an apposition ("the head of the National Electoral
Council (CNE), Elvis Amoroso").
"""

from __future__ import annotations

from kg.model import Role, Span

from .languages import Language
from .mentions import NameMention
from .patterns import cue_pattern

_ORG_KINDS = ("organization/", "party/", "country/")
#: ``, (the) <title> of (the) `` after a name, and ``<title> of (the) <organisation> (ACRONYM), `` before one.
_TITLE_OF_AFTER = r",\s+(?:the\s+|el\s+|la\s+)?(?:\w+\s+)?(%s)\s+(?:of|for|i|de|del|til|for)\s+(?:the\s+|la\s+|el\s+)?"
_TITLE_OF_BEFORE = r"\b(%s)\s+(?:of|for|i|de|del)\s+(?:the\s+|la\s+|el\s+)?(.+?)(?:\s*\([^)]*\))?,\s*$"


def extract_roles(text: str, mentions: list[NameMention], language: Language) -> list[Role]:
    """Every role stated for a person in ``text``, with the organisation or country it is held in."""
    roles: list[Role] = []
    for mention in mentions:
        if not mention.key.startswith("person/"):
            continue
        if mention.title and mention.title_begin is not None:
            organization = _holder_of_title(mention, mentions)
            roles.append(Role(mention.key, mention.title, Span(mention.title_begin, mention.span.end),
                              mention.sentence, organization))
        else:
            role = _apposition(text, mention, mentions, language) or _apposition_after(text, mention, mentions, language)
            if role:
                roles.append(role)
    return roles


def _apposition_after(text: str, mention: NameMention, mentions: list[NameMention], language: Language) -> Role | None:
    """``<person>, (the) <title> of (the) <organisation>``."""
    window = text[mention.span.end:min(mention.sentence.end, mention.span.end + 120)]
    match = cue_pattern(language, "titles", _TITLE_OF_AFTER, only_named=True).match(window)
    if not match:
        return None
    org = next((m for m in mentions if m.key.startswith(_ORG_KINDS) and m.span.begin == mention.span.end + match.end()), None)
    if org is None:
        return None
    return Role(mention.key, language.titles[match.group(1).lower()], Span(mention.span.begin, org.span.end),
                mention.sentence, org.key)


def _holder_of_title(mention: NameMention, mentions: list[NameMention]) -> str | None:
    assert mention.title_begin is not None
    before = [m for m in mentions if m.key.startswith(_ORG_KINDS) and 0 <= mention.title_begin - m.span.end <= 3]
    if before:
        return before[-1].key
    return mention.place


def _apposition(text: str, mention: NameMention, mentions: list[NameMention], language: Language) -> Role | None:
    """``<title> of (the) <organisation> (ACRONYM), <person>``."""
    window_start = max(mention.sentence.begin, mention.span.begin - 120)
    window = text[window_start:mention.span.begin]
    match = cue_pattern(language, "titles", _TITLE_OF_BEFORE, only_named=True).search(window)
    if not match:
        return None
    org_begin = window_start + match.start(2)
    org = next((m for m in mentions if m.key.startswith(_ORG_KINDS) and m.span.begin == org_begin), None)
    if org is None:
        return None
    role = language.titles[match.group(1).lower()]
    return Role(mention.key, role, Span(window_start + match.start(), mention.span.end), mention.sentence, org.key)
