"""Parties minted from an article's words belong to the article's country: key and English name say which."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def make_article(name: str, text: str, language: str) -> Article:
    return Article(Path(f"{name}.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)


def party_of(corpus, form: str, article_index: int = 0):
    """The entity the article's mention spelled ``form`` names."""
    extraction = corpus.extractions[article_index]
    text = extraction.article.text
    key = next(m.entity for m in extraction.mentions if text[m.span.begin:m.span.end] == form)
    return corpus.entities[key]


NATIONAL = [
    # (language, text, form, key, the English names the entity answers to)
    ("en", "In Canada, voters gave the Harbour Renewal Party 12.4% of the vote. Canadian turnout was low.",
     "Harbour Renewal Party", "party/harbour-renewal-party-canada",
     {"Harbour Renewal Party (Canada)", "Harbour Renewal Party of Canada"}),
    # Britain's "Conservatives" (a label of the table) in an article about Canada are Canada's own party.
    ("en", "Canada voted on Monday. The Conservatives took 38.1% across Canada, the best in years.",
     "Conservatives", "party/conservatives-canada", {"Conservative Party (Canada)", "Conservative Party of Canada"}),
    # Sweden's party name in a Norwegian article about Finland: Finland's party, with the English name carried over.
    ("nb", "Finland har stemt. Kristdemokraterna fikk 4,4 prosent i Finland, ifølge valgmyndigheten.",
     "Kristdemokraterna", "party/kristdemokraterna-finland", {"Christian Democrats (Finland)"}),
]


@pytest.mark.parametrize("lang, text, form, key, names", NATIONAL, ids=[n[3] for n in NATIONAL])
def test_a_minted_party_carries_the_articles_country(lang, text, form, key, names):
    entity = party_of(extract_corpus([make_article("a", text, lang)]), form)
    spellings = set(entity.names.values()) | {alias for _, alias in entity.aliases}
    assert (entity.key, entity.kind, names <= spellings) == (key, "party", True)


def test_two_countries_parties_of_one_name_stay_apart():
    corpus = extract_corpus([
        make_article("a", "Portugal voted. The Sosialistpartiet got 28,1 prosent in Portugal.", "nb"),
        make_article("b", "Serbia voted. The Sosialistpartiet got 6,2 prosent in Serbia.", "nb")])
    assert (party_of(corpus, "Sosialistpartiet", 0).key, party_of(corpus, "Sosialistpartiet", 1).key) == (
        "party/sosialistpartiet-portugal", "party/sosialistpartiet-serbia")


def test_a_party_named_with_its_own_country_in_the_sentence_keeps_its_link():
    corpus = extract_corpus([make_article(
        "a", "Canada voted. Across the Atlantic, Britain's Conservatives watched Canada closely.", "en")])
    assert party_of(corpus, "Conservatives").key == "party/conservative-party-uk"


def test_a_partys_short_name_is_not_merged_with_another_countrys_longer_one():
    corpus = extract_corpus([
        make_article("a", "Uganda voted. The Harbour Unity Platform party took 35.1% in Uganda.", "en"),
        make_article("b", "Israel voted. The Harbour Unity party took 9.1% in Israel.", "en")])
    assert (party_of(corpus, "Harbour Unity Platform", 0).key, party_of(corpus, "Harbour Unity", 1).key) == (
        "party/harbour-unity-platform-uganda", "party/harbour-unity-israel")
