"""Typing names from their own words: seats of institutions and media are organisations, a noun glued to
a name before a person describes that person, a title of office before a name is no part of it."""

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
    ("en", "An online survey by the Zorgan House think tank found little change.", {"Zorgan House": "organization"}),
    ("en", "The last poll by Tellus College had Lind ahead.", {"Tellus College": "organization"}),
    ("en", "KAMPALA (Lakeside Wire) - Ana Lind won the vote.", {"Lakeside Wire": "organization", "Ana Lind": "person"}),
    ("es", "Según la Casa Verde, ambos acordaron seguir hablando.", {"Casa Verde": "government-organization"}),
    ("es", "La encuesta para Noticias Andinas situaba a Ana Lind en cabeza.",
     {"Noticias Andinas": "organization", "Ana Lind": "person"}),
    ("nb", "Ifølge Norge-kjenner Ola Berg var økonomien viktigst.", {"Ola Berg": "person"}),
    ("en", "Turnout was 61%, according to Chief Election Commissioner Ravi Menon.", {"Ravi Menon": "person"}),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[
    "en-house", "en-college", "en-wire-in-a-dateline", "es-casa-opens-a-body", "es-noticias-opens-a-medium",
    "nb-noun-glued-to-a-name-describes-it", "en-three-word-title"])
def test_names_are_typed_by_their_own_words(lang, text, expected):
    assert kinds_of(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("nb", "Statsminister Luís Montenegro vant valget. Montenegro sa at han var glad.",
     {"Luís Montenegro": "person", "Montenegro": "person"}),
    ("en", "Western Kenya voted early. A survey by Indikator Politik Kenya agreed.",
     {"Kenya": "country", "Indikator Politik": "organization"}),
], ids=["nb-country-word-as-surname", "en-country-word-opening-or-closing-other-names"])
def test_a_country_word_after_a_given_name_is_a_surname(lang, text, expected):
    assert kinds_of(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("nb", "Reformvennlige Ana Lind Berg er valgt til president.", {"Ana Lind Berg": "person"}),
    ("es", "El exvicepresidente Germán Ruiz Lleras obtuvo el 7,28 %.", {"Germán Ruiz Lleras": "person"}),
    ("en", "German Chancellor Ana Lind spoke.", {"Ana Lind": "person"}),
], ids=["nb-sentence-opening-adjective", "es-given-name-spelled-like-a-demonym", "en-demonym-before-a-title"])
def test_words_before_a_name_that_are_not_part_of_it(lang, text, expected):
    assert kinds_of(text, lang) == expected


@pytest.mark.parametrize("lang, text, absent", [
    ("es", "En su discurso en el Movistar Arena, el candidato Ana Lind prometió unidad.", "Movistar Arena"),
    ("en", "Ana Lind spoke at the Crowne Hotel in the capital.", "Crowne Hotel"),
], ids=["es-arena-is-a-venue", "en-hotel-is-a-venue"])
def test_venues_are_places_not_entities(lang, text, absent):
    assert absent not in kinds_of(text, lang)


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "The Zorgan Church-backed watchdog found few problems.", {"Zorgan Church": "organization"}),
    ("en", "On Sunday ZTA-backed candidates took 31.2% of the vote.", {"ZTA": "organization"}),
], ids=["en-church-before-a-participle", "en-acronym-before-a-participle"])
def test_a_name_glued_to_a_participle_is_still_named(lang, text, expected):
    assert kinds_of(text, lang) == expected


def test_a_federal_election_and_a_hyphenated_acronym_are_named():
    text = ("date: 2025-04-29\n\nOTTAWA — Ana Lind of Canada won the federal election. ZORG-PF spokesman "
            "Pere Holm said the count was fair.")
    kinds = kinds_of(text, "en")
    assert (kinds.get("federal election"), kinds.get("ZORG-PF")) == ("election", "organization")
