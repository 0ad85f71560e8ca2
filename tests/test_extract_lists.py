"""Lists of results: a paragraph ending in a colon introduces the list below it, and its source
(named, or relayed with "according to") holds for every line of the list."""

import hashlib
from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract import extract_corpus
from kg.model import Article


def results_of(text: str, language: str) -> list[tuple[str, Decimal, str]]:
    article = Article(Path("a.txt"), text, hashlib.sha256(text.encode()).hexdigest(), language)
    return [(r.candidate, r.share, r.kind) for r in extract_corpus([article]).extractions[0].results]


LISTS = [
    # An electoral body named before the list: every line is official, however long the list.
    ("en", "named-body", "Canada voted on Monday.\n\nAccording to Elections Canada, the shares were:\n\n"
     "- Harbour Party: 40.1% (100 seats)\n- Prairie Party: 30.2% (80 seats)\n- Tundra Party: 15.3% (20 seats)\n"
     "- Maple Party: 10.4% (9 seats)\n- Cedar Party: 2.5% (1 seat)\n",
     [("party/harbour-party-canada", "40.1", "official"), ("party/prairie-party-canada", "30.2", "official"),
      ("party/tundra-party-canada", "15.3", "official"), ("party/maple-party-canada", "10.4", "official"),
      ("party/cedar-party-canada", "2.5", "official")]),
    # A list relayed from an unnamed service at a time of counting is still attributed: official.
    ("nb", "relayed-count", "Finland har valgt.\n\nIfølge valgtjenesten fikk partiene dette, med alle stemmer talt:\n\n"
     "Fjellpartiet: 30,5 prosent (60 seter)\nKystpartiet: 20,1 prosent (40 seter)\nSkogpartiet: 9,9 prosent (19 seter)\n",
     [("party/fjellpartiet-finland", "30.5", "official"), ("party/kystpartiet-finland", "20.1", "official"),
      ("party/skogpartiet-finland", "9.9", "official")]),
    # The list ends at the next paragraph: a figure after it is the paragraph's own.
    ("en", "list-ends", "Canada voted on Monday.\n\nAccording to Elections Canada, the shares were:\n\n"
     "- Harbour Party: 40.1%\n- Prairie Party: 30.2%\n\nWeeks before, Harbour Party had 35.5% and then more. "
     "Nobody spoke.\n\nLater, Prairie Party had 29.9% in the end.",
     [("party/harbour-party-canada", "40.1", "official"), ("party/prairie-party-canada", "30.2", "official"),
      ("party/harbour-party-canada", "35.5", "unattributed"), ("party/prairie-party-canada", "29.9", "unattributed")]),
]


@pytest.mark.parametrize("lang, case, text, expected", LISTS, ids=[c[1] for c in LISTS])
def test_a_lists_lines_take_the_source_of_the_line_introducing_it(lang, case, text, expected):
    assert results_of(text, lang) == [(key, Decimal(share), kind) for key, share, kind in expected]
