"""Statements as sets of concepts, so that one statement can be recognised across articles and languages.

Content words are mapped through each language's small concept lexicon (kg.extract.languages) to
shared English concepts: "alvorlig bekymret" and "serious concerns" both become {serious, concern}.
Words outside the lexicon stay as they are, which still matches names and cognates ("transparent").
"""

from __future__ import annotations

import re

from .languages import Language


def concepts_of(text: str, language: Language) -> frozenset[str]:
    """The content words of ``text`` as shared concepts, for recognising one statement across articles.

    >>> from kg.extract.languages import ENGLISH, NORWEGIAN
    >>> sorted(concepts_of("serious concerns that the outcome does not reflect", ENGLISH))
    ['concern', 'reflect', 'result', 'serious']
    >>> sorted(concepts_of("de er alvorlig bekymret for at valgresultatet ikke er riktig", NORWEGIAN))
    ['concern', 'reflect', 'result', 'serious']
    """
    words = re.findall(r"\w+", text.lower())
    concepts = set()
    for word in words:
        if len(word) < 4 or word in _FUNCTION_WORDS:
            continue
        concept = language.concepts.get(word)
        if concept is None and language.code == "en" and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            concept = language.concepts.get(word[:-1], word[:-1])
        concepts.add(concept or word)
    return frozenset(concepts)


#: Long function words of the three languages, which say nothing about what a statement is about.
_FUNCTION_WORDS = frozenset(
    "that this with from have has had does were will would been there their they them what which "
    "when where into about also than then some such ikke også dette disse som skal vil være eller "
    "etter hadde over under mellom blir ble andre alle noen mange para como pero esta este estos "
    "estas sobre entre desde hasta todo todos tiene han sido muy".split()
)
