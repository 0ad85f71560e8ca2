"""Names as English writes them: a Norwegian transcription of a foreign name gets its English spelling,
and a Norwegian function word opening a sentence is no first name."""

import hashlib
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def spellings(text: str, language: str) -> dict[str, set[str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    corpus = extract_corpus([article])
    return {k: set(e.names.values()) | {a for _, a in e.aliases} for k, e in corpus.entities.items() if k.startswith("person/")}


TRANSCRIBED = [
    ("skij", "Kandidaten Boris Zadorskij fikk 3,1 prosent.", "person/boris-zadorskij", "Boris Zadorsky"),
    ("final-j", "Kandidaten Nikolaj Vetrov fikk 4,2 prosent.", "person/nikolaj-vetrov", "Nikolay Vetrov"),
    ("sj-and-yj", "Kandidaten Arkadij Pasjenko fikk 2,2 prosent.", "person/arkadij-pasjenko", "Arkadiy Pashenko"),
    ("tsj", "Kandidaten Olga Tsjernova fikk 5,5 prosent.", "person/olga-tsjernova", "Olga Chernova"),
]


@pytest.mark.parametrize("case, text, key, english", TRANSCRIBED, ids=[c[0] for c in TRANSCRIBED])
def test_a_norwegian_transcription_gets_its_english_spelling(case, text, key, english):
    assert english in spellings(text, "nb")[key]


def test_an_english_name_keeps_its_spelling():
    assert spellings("Candidate Nikolaj Vetrov won 4.2%.", "en") == {"person/nikolaj-vetrov": {"Nikolaj Vetrov"}}


def test_da_opening_a_sentence_is_no_first_name():
    found = spellings("Presidentkandidat Ivan Karov talte. Da Karov fikk 70 prosent, jublet han.", "nb")
    assert sorted(found) == ["person/ivan-karov"]
