"""Who a figure belongs to when the owner comes after it: "31 percent went to X", "el 75 % de los votos al X"."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def owners_of(text: str, language: str) -> list[tuple[str, Decimal]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(r.candidate, r.share) for r in extract_corpus([article]).extractions[0].results]


LIND, HOLM = "person/ana-lind", "person/pere-holm"
INTRO = {"en": "Candidate Ana Lind and candidate Pere Holm spoke. ",
         "es": "La candidata Ana Lind y el candidato Pere Holm hablaron. ",
         "nb": "Presidentkandidat Ana Lind og presidentkandidat Pere Holm talte. "}

CASES = [
    ("en", "About 31 percent of the vote went to Pere Holm.", [(HOLM, Decimal("31"))]),
    ("es", "El consejo otorgó el 75,1 % de los votos al Frente Zorgano de Liberación (FZL).",
     [("party/frente-zorgano-de-liberacion", Decimal("75.1"))]),
    ("es", "El escrutinio dio el 48,2 % a Holm.", [(HOLM, Decimal("48.2"))]),
    ("es", "El escrutinio confirmó el 48,2 % para Lind y el 40,3 % para Holm.",
     [(LIND, Decimal("48.2")), (HOLM, Decimal("40.3"))]),
    ("nb", "Rundt 41 prosent gikk til Holm.", [(HOLM, Decimal("41"))]),
    # The party after a person's genitive is the owner, not the person it belongs to.
    ("en", "Another 4.4 percent went to Pere Holm's Harbour Renewal Party.", [("party/harbour-renewal-party", Decimal("4.4"))]),
]


@pytest.mark.parametrize("lang, text, expected", CASES, ids=[
    "en-went-to", "es-de-los-votos-al", "es-a-after-the-figure", "es-para", "nb-gikk-til", "en-went-to-a-persons-party"])
def test_the_name_after_a_figure_owns_it(lang, text, expected):
    assert owners_of(INTRO[lang] + text, lang) == expected
