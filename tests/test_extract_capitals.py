"""Capitals that act stand for their country ("Washington said …"); a capital that locates is a place."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def countries_and_speakers(text: str, language: str) -> tuple[set[str], list[str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    extraction = extract_corpus([article]).extractions[0]
    return ({m.entity for m in extraction.mentions if m.entity.startswith("country/")},
            [c.speaker for c in extraction.claims])


CASES = [
    ("en", "Tokyo said it would work with the new government on trade.",
     {"country/japan"}, ["country/japan"]),
    ("en", "The results surprised many. Beijing and Moscow sent congratulations on Monday.",
     {"country/china", "country/russia"}, []),
    ("es", "La Habana, en cambio, dijo que no reconocía la votación.", {"country/cuba"}, ["country/cuba"]),
    ("nb", "Fra Berlin sa talsperson Ola Nordmann at valget var fritt.", {"country/germany"}, ["person/ola-nordmann"]),
    ("en", "The candidate held a rally in Ottawa on Sunday.", set(), []),
    ("es", "Votó en una escuela de Caracas antes del mediodía.", set(), []),
    ("en", "A historian at the University of Vienna and the Washington Post both weighed in.", set(), []),
    ("en", "He compared himself to George Washington at the rally.", set(), []),
]


@pytest.mark.parametrize("lang, text, countries, speakers", CASES, ids=[
    "en-capital-speaks", "en-capitals-congratulate", "es-two-word-capital-speaks",
    "nb-capital-after-fra-is-where-the-speaker-is", "en-in-a-capital-is-a-place", "es-de-a-capital-is-a-place",
    "en-capital-inside-longer-names", "en-capital-as-surname"])
def test_a_capital_names_its_country_only_when_it_acts(lang, text, countries, speakers):
    assert countries_and_speakers(text, lang) == (countries, speakers)


def test_brussels_speaks_for_the_union_and_the_state_department_is_known():
    text = "Brussels said the vote was calm. The State Department said it would work with the winner."
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "en")
    mentions = extract_corpus([article]).extractions[0].mentions
    assert {m.entity for m in mentions} == {"organization/european-union", "organization/united-states-department-of-state"}


def test_platforms_where_statements_are_posted_are_organisations():
    text = 'Candidate Ana Lind wrote on Twitter that she had won, and posted a video on TikTok.'
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), "en")
    corpus = extract_corpus([article])
    assert {corpus.entities[m.entity].kind for m in corpus.extractions[0].mentions
            if m.entity in ("organization/twitter", "organization/tiktok")} == {"organization"}
