"""A lone capitalised word that gets a vote share of its own is a party, and owns its figure in a tally;
a short form of a person's name, a sentence's first word or a date does not become one."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def results_of(text: str, language: str) -> list[tuple[str, Decimal]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(r.candidate, r.share) for r in extract_corpus([article]).extractions[0].results]


TALLIES = [
    ("nb", "enumeration", "Valget i Slovakia er avgjort. Med 70 prosent av kretsene talt har Fjell 23,6 prosent, "
     "PS 17,2 og Vind 15,1.",
     [("party/fjell-slovakia", "23.6"), ("party/ps-slovakia", "17.2"), ("party/vind-slovakia", "15.1")]),
    ("nb", "share-at", "Valget i Slovakia er avgjort. Nå ligger Fjell på 25,1 prosent.", [("party/fjell-slovakia", "25.1")]),
    ("en", "unit", "Slovakia voted on Saturday. By midnight Fjell 22.9% and Vind 14.7% led the count.",
     [("party/fjell-slovakia", "22.9"), ("party/vind-slovakia", "14.7")]),
    # A word of a person named in full is that person, given name or family name.
    ("en", "given-name", "Indonesia voted. Candidate Budi Santosa spoke. By noon Budi 41.5% of the vote.",
     [("person/budi-santosa", "41.5")]),
    ("nb", "family-name-first", "Sør-Korea har valgt. Kandidat Park Min-ho talte. Park 47,8 prosent i valgdagsmålingen.",
     [("person/park-min-ho", "47.8")]),
]


@pytest.mark.parametrize("lang, case, text, expected", TALLIES, ids=[c[1] for c in TALLIES])
def test_a_lone_word_with_a_share_of_its_own_is_a_party(lang, case, text, expected):
    assert results_of(text, lang) == [(key, Decimal(share)) for key, share in expected]


def test_a_date_before_a_number_is_no_party():
    article_text = "Slovakia voted. On Sunday 12.30 was the hour the polls closed. By then, Fjell 22.9%."
    article = Article(Path("a.txt"), article_text, hashlib.sha256(article_text.encode()).hexdigest(), "en")
    corpus = extract_corpus([article])
    assert sorted(k for k in corpus.entities if k.startswith("party/")) == ["party/fjell-slovakia"]
