"""Roles the text states: titles before names and appositions, with the organisation or country."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def roles_of(text: str, language: str) -> list[tuple]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    extraction = extract_corpus([article]).extractions[0]
    return [(r.holder, r.role, r.organization, text[r.span.begin:r.span.end]) for r in extraction.roles]


CASES = [
    ("en", "The head of the National Electoral Council (CNE) of Venezuela, Elvis Amoroso, spoke.",
     [("person/elvis-amoroso", "head", "organization/cne-venezuela",
       "head of the National Electoral Council (CNE) of Venezuela, Elvis Amoroso")]),
    ("en", "China's Foreign Ministry Spokesman Lin Jian spoke.",
     [("person/lin-jian", "spokesperson", "organization/china-foreign-ministry", "Spokesman Lin Jian")]),
    ("nb", "Chiles president Gabriel Boric sier nei.",
     [("person/gabriel-boric", "president", "country/chile", "president Gabriel Boric")]),
    ("en", "Edmundo González, the candidate of the Unitary Platform, voted.",
     [("person/edmundo-gonzalez-urrutia", "candidate", "party/unitary-platform",
       "Edmundo González, the candidate of the Unitary Platform")]),
    ("es", "La líder opositora María Corina Machado votó.",
     [("person/maria-corina-machado", "opposition-leader", None, "líder opositora María Corina Machado")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[t[:30] for _, t, _ in CASES])
def test_roles_name_holder_role_and_organisation(lang, text, expected):
    assert roles_of(text, lang) == expected
