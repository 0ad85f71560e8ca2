"""The cue words of each language the extractor reads, as data: adding a language is adding a module.

Every table holds lowercase, accent-bearing words as they are written; the matchers fold case
(and, for names, accents) themselves. Nothing here is specific to one election or one outlet.
"""

from __future__ import annotations

from .english import ENGLISH
from .model import Language
from .norwegian import NORWEGIAN
from .spanish import SPANISH

__all__ = ["ENGLISH", "LANGUAGES", "NORWEGIAN", "SPANISH", "Language", "language_for"]

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, NORWEGIAN, SPANISH)}


def language_for(code: str) -> Language:
    """The cue table of ``code``, English when kg has no table for it yet.

    >>> language_for("nb").according_to
    ('ifølge', 'i følge')
    >>> language_for("de").code
    'en'
    """
    return LANGUAGES.get(code.split("-")[0].lower(), ENGLISH)
