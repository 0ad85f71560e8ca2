"""Result kinds: official only when the text attributes a figure to the electoral authority or relays an
official count; a figure whose source the text neither names nor implies is unattributed."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def kinds_of(text: str, language: str) -> list[tuple[str, Decimal, str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(r.candidate, r.share, r.kind) for r in extract_corpus([article]).extractions[0].results]


LIND, HOLM = "person/ana-lind", "person/pere-holm"

CASES = [
    ("en", "Candidate Ana Lind spoke on Monday. In the first round in March, Lind had won 41.2% and candidate Pere "
           "Holm 30.5%.",
     [(LIND, Decimal("41.2"), "unattributed"), (HOLM, Decimal("30.5"), "unattributed")]),
    ("es", "La candidata Ana Lind habló el lunes. En la primera ronda, Lind obtuvo el 33,1 %.",
     [(LIND, Decimal("33.1"), "unattributed")]),
    ("en", "Candidate Ana Lind spoke on Monday. With 60% of ballots counted, Lind had 48.3%.",
     [(LIND, Decimal("48.3"), "unattributed")]),
    ("en", "Candidate Ana Lind spoke on Monday. With 60% of ballots counted, Lind had 48.3%, according to Reuters.",
     [(LIND, Decimal("48.3"), "official")]),
    ("en", "Candidate Ana Lind spoke on Monday. A survey by Quantix last week gave Lind 44%. With 60% of ballots "
           "counted, Lind had 48.3%.",
     [(LIND, Decimal("44"), "opinion-poll"), (LIND, Decimal("48.3"), "unattributed")]),
    ("nb", "Presidentkandidat Ana Lind talte mandag. Da alle stemmene var talt, hadde Lind 47,1 prosent.",
     [(LIND, Decimal("47.1"), "unattributed")]),
    ("en", "Candidate Ana Lind spoke on Monday. The final count, with all votes counted, gave Lind 51.6%.",
     [(LIND, Decimal("51.6"), "official")]),
    ("nb", "Presidentkandidat Ana Lind talte mandag. Ifølge innenriksdepartementet fikk Lind 40,2 prosent.",
     [(LIND, Decimal("40.2"), "official")]),
    # An electoral body called a committee is an electoral body too.
    ("en", "Candidate Ana Lind spoke on Monday. The Central Elections Committee's running tally has Lind on 44.1%.",
     [(LIND, Decimal("44.1"), "official")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[
    "en-first-round-says-no-source", "es-primera-ronda", "en-partial-count-without-source",
    "en-partial-count-relayed-from-someone", "en-count-never-carries-a-poll", "nb-all-counted-says-when-not-whose",
    "en-final-count-with-all-counted", "nb-interior-ministry", "en-elections-committee"])
def test_a_kind_is_official_only_when_the_text_attributes_the_count(lang, text, expected):
    assert kinds_of(text, lang) == expected


POLLS = [
    ("es", "La candidata Ana Lind habló. La encuesta de salida de Datos Andinos le daba el 53,2 %.",
     [(LIND, Decimal("53.2"), "exit-poll")]),
    ("es", "La candidata Ana Lind habló. Con el 90 % de las mesas, el programa de resultados electorales "
           "preliminares le daba el 42,7 %.",
     [(LIND, Decimal("42.7"), "official")]),
    ("es", "La candidata Ana Lind habló. Minutos antes, una encuesta de salida lo había situado con el 44 %.",
     [(LIND, Decimal("44"), "exit-poll")]),
]


@pytest.mark.parametrize("lang, text, expected", POLLS, ids=[
    "es-encuesta-de-salida-is-an-exit-poll", "es-preliminary-results-programme-is-official", "es-clitic-lo"])
def test_poll_and_count_words_of_spanish(lang, text, expected):
    assert kinds_of(text, lang) == expected
