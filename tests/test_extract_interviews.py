"""Interviews written as dash paragraphs: the interviewer's turns are no claims, the answers are the
interviewee's (the person named last before the first question), sentence by sentence, and a
statement reported inside an answer keeps its own speaker."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def claims_of(text: str, language: str) -> list[tuple[str, str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(c.speaker, c.text) for c in extract_corpus([article]).extractions[0].claims]


INTERVIEWS = [
    ("es", "answers-and-reported-speech",
     "El partido ganó las elecciones. Hablamos con la politóloga Marta Ibarra Soler.\n\n"
     "—¿Le sorprendió el resultado?\n\n"
     "—Nadie esperaba una mayoría tan amplia. La ministra Lucía Ferro dijo que el país cambió.\n\n"
     "—La oposición pide calma.\n\n"
     "—La calma no basta sin reformas.\n",
     [("person/marta-ibarra-soler", "Nadie esperaba una mayoría tan amplia"),
      ("person/lucia-ferro", "el país cambió"),
      ("person/marta-ibarra-soler", "La calma no basta sin reformas")]),
    ("nb", "figures-are-no-claims",
     "Valget er over. Vi snakket med statsviter Kari Lunde Holm.\n\n"
     "– Hva skjedde?\n\n"
     "– Partiet fikk 41 prosent. Det var et jordskred for regjeringen.\n",
     [("person/kari-lunde-holm", "Det var et jordskred for regjeringen")]),
]


@pytest.mark.parametrize("lang, case, text, expected", INTERVIEWS, ids=[c[1] for c in INTERVIEWS])
def test_an_interviews_answers_are_the_interviewees(lang, case, text, expected):
    assert sorted(claims_of(text, lang)) == sorted(expected)
