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


def kind_of_cue(language: Language) -> dict[str, str]:
    """The ``kinds`` table as a dict from phrase to the kind of figure it names (first row wins).

    >>> from kg.extract.languages import ENGLISH
    >>> kind_of_cue(ENGLISH)["exit poll"]
    'exit-poll'
    """
    cache = language.__dict__.setdefault("_patterns", {})
    table = cache.get("kinds-dict")
    if table is None:
        table = cache["kinds-dict"] = {}
        for phrase, kind in language.kinds:
            table.setdefault(phrase, kind)
    return table
