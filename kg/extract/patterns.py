"""Regular expressions built from a language's cue tables, compiled once per language and table.

The matchers ask for "any of these cue words as a whole word" many times per article; building
and compiling the alternation on every call was most of the extractor's time. The compiled
pattern is kept on the :class:`~kg.extract.languages.Language` object itself (it is frozen, so
its tables never change under the cache).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .languages import Language

#: A whole-word match of any cue: no letter or digit just before or after it.
WHOLE_WORDS = r"(?<!\w)(%s)(?!\w)"


def alternation(words: Iterable[str]) -> str:
    """The words as a regex alternation, longest first so that a longer phrase wins.

    >>> alternation(["vice president", "president"])
    'vice\\\\ president|president'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def cue_pattern(language: Language, table: str, template: str = WHOLE_WORDS, flags: int = re.IGNORECASE,
                only_named: bool = False) -> re.Pattern[str]:
    """The compiled ``template`` over the words of ``language.<table>``, built once per language.

    ``only_named`` keeps just the keys of a dict table whose value is not empty (titles that
    name a role).

    >>> from kg.extract.languages import ENGLISH
    >>> cue_pattern(ENGLISH, "according_to").findall("According to the council")
    ['According to']
    >>> cue_pattern(ENGLISH, "according_to") is cue_pattern(ENGLISH, "according_to")
    True
    """
    cache = language.__dict__.setdefault("_patterns", {})
    key = (table, template, flags, only_named)
    pattern = cache.get(key)
    if pattern is None:
        words = getattr(language, table)
        if only_named:
            words = [w for w, value in words.items() if value]
        pattern = cache[key] = re.compile(template % alternation(words), flags)
    return pattern


#: Articles that may stand between a verb of scoring and its figure ("won the 28.5%", "obtuvo el 40 %").
SCORE_ARTICLES = ("the", "el", "la", "de", "del", "hele")


def share_verb_phrase(language: Language) -> str:
    """The regex source for a verb of scoring and what may stand before its figure ("won", "falt til hele").

    A bound may follow the verb ("took more than"), then an article; the phrase is matched
    between a name and its figure, so it opens and closes with space. With no ``share_verbs``
    the phrase would match bare space: callers check the table first.

    >>> from kg.extract.languages import NORWEGIAN
    >>> bool(re.fullmatch(share_verb_phrase(NORWEGIAN), " falt til ")), bool(re.fullmatch(share_verb_phrase(NORWEGIAN), " sa "))
    (True, False)
    """
    return r"\s+(?:%s)\s+(?:(?:%s)\s+)?(?:(?:%s)\s+)?" % (
        alternation(language.share_verbs), alternation(language.bounds), alternation(SCORE_ARTICLES))


def derived(language: Language, name: str, build):
    """A value computed once per language from its tables (``build()``), kept on the language.

    >>> from kg.extract.languages import ENGLISH
    >>> derived(ENGLISH, "doctest-example", lambda: 42), derived(ENGLISH, "doctest-example", lambda: 0)
    (42, 42)
    """
    cache = language.__dict__.setdefault("_patterns", {})
    if name not in cache:
        cache[name] = build()
    return cache[name]
