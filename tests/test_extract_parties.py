"""Names that stand in the race are parties: seats or a share of their own, an acronym in brackets."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def kinds_of(text: str, language: str) -> dict[str, str]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    corpus = extract_corpus([article])
    return {text[m.span.begin:m.span.end]: corpus.entities[m.entity].kind for m in corpus.extractions[0].mentions}


CASES = [
    ("en", "Independents backed by Zorgan Tehreek-e-Adl (ZTA) won 93 seats.",
     {"Zorgan Tehreek-e-Adl": "party", "ZTA": "party"}),
    ("en", "The Qaumi Front-Nawaz (QF-N) won 75, and QF-N leaders met on Monday.",
     {"Qaumi Front-Nawaz": "party", "QF-N": "party"}),
    ("nb", "Setene fordeler seg slik: ZU 79, PK 77.", {"ZU": "party", "PK": "party"}),
    ("en", "- Bloc Zorganais: 6.3% (22 seats)", {"Bloc Zorganais": "party"}),
    ("en", "- Ana Lind: 44.1%", {"Ana Lind": "person"}),
    ("en", "The Zorgan Research Institute (ZRI) won 12 awards.", {"Zorgan Research Institute": "organization",
                                                                "ZRI": "organization"}),
    ("en", "The ZBC 2024 report was late.", {"ZBC": "organization"}),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[
    "en-bracketed-acronym-wins-seats", "en-hyphenated-acronym", "nb-acronyms-in-a-seat-list", "en-bloc-is-political",
    "en-person-in-a-list-line-stays-a-person", "en-organisation-word-keeps-its-kind", "en-a-year-is-no-count"])
def test_a_name_that_wins_seats_or_a_share_is_a_party(lang, text, expected):
    assert kinds_of(text, lang) == expected
