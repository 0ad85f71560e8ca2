"""Quoted words inside reported speech: the clause is the claim when it has a subject of its own."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def claims_of(text: str, language: str) -> list[tuple[str, str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(c.speaker, c.text) for c in extract_corpus([article]).extractions[0].claims]


LIND = "person/ana-lind"

CASES = [
    ("en", 'Candidate Ana Lind said the tally had been "put together in haste" and was never checked by observers.',
     [(LIND, 'the tally had been "put together in haste" and was never checked by observers')]),
    ("es", 'La candidata Ana Lind aseguró que la votación transcurrió "sin incidentes" pese a la lluvia.',
     [(LIND, 'la votación transcurrió "sin incidentes" pese a la lluvia')]),
    ("en", 'Candidate Ana Lind said there was "nothing unusual" about a recount of that size.',
     [(LIND, "nothing unusual")]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[
    "en-clause-with-its-own-subject", "es-clause-after-que", "en-there-was-keeps-the-quote"])
def test_a_quote_inside_a_reported_clause(lang, text, expected):
    assert claims_of(text, lang) == expected


SPEECH = [
    ("es", "La politóloga Ana Lind habló el lunes. Según ella, la abstención decidió la elección.",
     [(LIND, "la abstención decidió la elección")]),
    ("es", "La politóloga Ana Lind habló el lunes. Según sus cálculos, el partido tendrá mayoría.",
     [(LIND, "el partido tendrá mayoría")]),
    ("es", "La candidata Ana Lind anunció su victoria ante sus votantes en un hotel del centro.", []),
    ("es", "La candidata Ana Lind afirmó que, con la mitad de las actas, la ventaja era clara.",
     [(LIND, "con la mitad de las actas, la ventaja era clara")]),
    ("en", "Candidate Ana Lind said the vote was rigged.", [(LIND, "the vote was rigged")]),
]


@pytest.mark.parametrize("lang, text, expected", SPEECH, ids=[
    "es-segun-ella-is-the-last-person-named", "es-segun-sus-calculos", "es-verb-with-an-object-reports-nothing",
    "es-que-before-a-comma", "en-that-may-be-left-out"])
def test_reported_speech_needs_a_speaker_and_a_clause(lang, text, expected):
    assert claims_of(text, lang) == expected


OPENERS = [
    ("nb", "Moskva har derimot gratulert Ana Lind og hevder at Vesten blander seg inn.",
     [("country/russia", "Vesten blander seg inn")]),
    ("nb", "NATO-sjef Pere Holm gratulerte Ana Lind og sa at samarbeidet fortsetter som før.",
     [("person/pere-holm", "samarbeidet fortsetter som før")]),
    ("nb", "Forskeren Ana Lind talte mandag. Ifølge henne er det et signal at mange ble hjemme.",
     [(LIND, "er det et signal at mange ble hjemme")]),
    ("nb", "Tellingen ble fulgt av analytiker Ana Lind.\n\nKl. 01.10: Ifølge Ana Lind betyr tallene at partiet får flertall.",
     [(LIND, "betyr tallene at partiet får flertall")]),
]


@pytest.mark.parametrize("lang, text, expected", OPENERS, ids=[
    "nb-second-verb-takes-the-sentence-opener", "nb-opener-qualifying-a-person-gives-way",
    "nb-ifolge-pronoun-without-comma", "nb-time-stamp-before-ifolge"])
def test_speakers_of_coordinated_verbs_and_according_phrases(lang, text, expected):
    assert claims_of(text, lang) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("es", "La candidata Ana Lind recuerda que solo los resultados oficiales son válidos.",
     [(LIND, "solo los resultados oficiales son válidos")]),
    ("es", '"Los cambios serán profundos y ordenados", promete la candidata Ana Lind.',
     [(LIND, "Los cambios serán profundos y ordenados")]),
    ("nb", "Partileder Ana Lind kunngjør at hun går av etter valget.", [(LIND, "hun går av etter valget")]),
    ("es", 'La candidata Ana Lind habló de "un día histórico para el país".', [(LIND, "un día histórico para el país")]),
    ("nb", "Partileder Ana Lind erkjente at partiet hadde mistet mange velgere.",
     [(LIND, "partiet hadde mistet mange velgere")]),
    ("en", 'Candidate Ana Lind hailed the result as "a great day for the country".',
     [(LIND, "a great day for the country")]),
], ids=["es-present-recuerda", "es-present-promete-after-a-quote", "nb-kunngjor", "es-hablo-de-a-quote",
        "nb-erkjente-at", "en-hailed-as-a-quote"])
def test_live_blog_present_tense_speech_verbs(lang, text, expected):
    assert claims_of(text, lang) == expected
