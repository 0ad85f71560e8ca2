"""A title held over a place ("mayor of", "gobernador de") is followed by the place, then the name:
the place is not the first word of the person's name. A place of two or more words is not told apart (a limit)."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def person_keys(text: str, language: str) -> list[str]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    corpus = extract_corpus([article])
    return sorted(k for k in corpus.entities if k.startswith("person/"))


CASES = [
    ("es", "ex-title", "Votó el país. Su rival, el exintendente de Nortevilla Ana Ríos Vidal, obtuvo el 40,1 %.",
     ["person/ana-rios-vidal"]),
    ("es", "title", "Votó el país. El gobernador de Tarapaca Luis Pardo Ruiz dijo que esperará.", ["person/luis-pardo-ruiz"]),
    ("en", "former-title", "The country voted. The former mayor of Eastport Kim Lowe Adams won 30.2%.", ["person/kim-lowe-adams"]),
    ("nb", "guvernor", "Landet har stemt. Tidligere guvernør i Nordfylket Ola Berg Dahl fikk 30,2 prosent.",
     ["person/ola-berg-dahl"]),
    # A name that only follows "of" with no title before it keeps its words.
    ("en", "no-title", "The country voted. The people of Eastport Kim Lowe Adams met.", ["person/eastport-kim-lowe-adams"]),
]


@pytest.mark.parametrize("lang, case, text, expected", CASES, ids=[c[1] for c in CASES])
def test_the_place_of_a_title_is_not_part_of_the_name_after_it(lang, case, text, expected):
    assert person_keys(text, lang) == expected
