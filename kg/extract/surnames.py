"""Who a lone name names: an index of the surnames and given names of people named in full, and
near spellings within one edit (a typo keeps the first letter)."""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz.distance import OSA

from kg.extract.mentions import NameMention  # noqa: F401 (the doctests use it)
from kg.extract.text import fold


def people_index(mentions) -> dict[str, dict[str, None]]:
    """Surname words and the person keys they may name, in the order the names come.

    A surname is every word but the first of a full name; in a name whose last part is written
    with a hyphen ("Lai Ching-te", "Ko Wen-je") the family name comes first, so that counts too.
    """
    index: dict[str, dict[str, None]] = defaultdict(dict)
    for m in mentions:
        if m.key and m.key.startswith("person/"):
            words = fold(m.text).replace("-", " - ").split()
            written = m.text.replace("-", " - ").split()
            for i in range(1, len(words)):
                index[" ".join(words[i:])][m.key] = None
                if len(written) != len(words) or not written[i][:1].islower():  # "da", "de", "van" alone name nobody
                    index[words[i]][m.key] = None
            if len(words) == 1 or family_name_first(m.text):
                index[words[0]][m.key] = None
    return index


def given_names(mentions) -> dict[str, dict[str, None]]:
    """The first words of the people named in full, and the person keys they may name.

    >>> given_names([NameMention("Anies Baswedan", None, None, key="person/anies-baswedan")])
    {'anies': {'person/anies-baswedan': None}}
    """
    index: dict[str, dict[str, None]] = defaultdict(dict)
    for m in mentions:
        words = fold(m.text).split()
        if m.key and m.key.startswith("person/") and len(words) >= 2 and not family_name_first(m.text):
            index[words[0]][m.key] = None
    return dict(index)


def family_name_first(name: str) -> bool:
    """
    >>> family_name_first("Lai Ching-te"), family_name_first("Jean-Luc Mélenchon"), family_name_first("Jussi Halla-aho")
    (True, False, False)
    """
    words = name.split()  # a short family name first: Lai, Ko, Hou, Kim, Moon
    return len(words) == 2 and len(words[0]) <= 4 and "-" in words[1] and words[1].split("-", 1)[1][:1].islower()


def lookup_surname(word: str, index: dict[str, dict[str, None]], near: NearIndex, first_wins: bool,
                    given: dict[str, dict[str, None]] | None = None) -> str | None:
    """The one person ``word`` names in ``index``; within one article, the first named in full wins a tie.

    A word that is no surname but the given name of a person named in full (``given``) names that
    person before any near-spelling is tried: in "Prabowo" after "Prabowo Subianto" and "Ganjar
    Pranowo", the given name wins over the surname one letter away.

    A near-spelling must keep the first letter: "Siden" opening a Norwegian sentence is no "Biden".

    >>> lookup_surname("siden", {"biden": {"person/joe-biden": None}}, NearIndex(["biden"]), False) is None
    True
    >>> lookup_surname("bidden", {"biden": {"person/joe-biden": None}}, NearIndex(["biden"]), False)
    'person/joe-biden'

    A bare surname shared by two people of one article ("Noboa" for Daniel and his father Álvaro
    Noboa) is the one the article introduced first: news prose names a relative introduced later
    in full.
    """
    candidates = index.get(word) or index.get(word[:-1] if word.endswith("s") else "")
    if not candidates and given:
        candidates = given.get(word) or given.get(word[:-1] if word.endswith("s") else "")
    if not candidates and len(word) >= 5:
        # A typo keeps the first letter: "Siden" (since) at a sentence start is no misspelt "Biden".
        candidates = {k: None for surname in near.within_one(word) if len(surname) >= 5 and surname[0] == word[0]
                      for k in index[surname]}
    if candidates and (len(candidates) == 1 or first_wins):
        return next(iter(candidates))
    return None


class NearIndex:
    """Names reachable within one edit (OSA distance), found through their one-letter deletions.

    Two words one edit apart always share a deletion variant (or one is a deletion of the other),
    so a look-up touches only the few names in those buckets instead of every name known.

    >>> sorted(NearIndex(["maduro", "machado", "boric"]).within_one("maudro"))
    ['maduro']
    """

    def __init__(self, names) -> None:
        self.buckets: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for variant in _deletions(name):
                self.buckets[variant].add(name)

    def within_one(self, word: str) -> set[str]:
        found = {name for variant in _deletions(word) for name in self.buckets.get(variant, ())}
        return {name for name in found if OSA.distance(word, name) <= 1}


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}
