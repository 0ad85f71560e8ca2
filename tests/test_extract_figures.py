"""Percentages as written, in each language: value, precision, bound, counted or not, vote share or not."""

from decimal import Decimal

import pytest

from kg.extract.figures import find_figures, is_vote_share
from kg.extract.languages import language_for

FIGURES = [
    ("en", "Maduro had 51.20% of the vote", [("51.20%", "51.20", "0.01", "exact", False)]),
    ("en", "he won 52 percent of the votes", [("52 percent", "52", "1", "exact", False)]),
    ("en", "more than 51% of the vote", [("51%", "51", "1", "more-than", False)]),
    ("en", "with 80% of ballots counted", [("80%", "80", "1", "exact", True)]),
    ("en", "from over 80 per cent of the polling stations", [("80 per cent", "80", "1", "more-than", True)]),
    ("nb", "fikk 51,2 prosent av stemmene", [("51,2 prosent", "51.2", "0.1", "exact", False)]),
    ("nb", "Gonzalez fikk 44,2 prosent", [("44,2 prosent", "44.2", "0.1", "exact", False)]),
    ("nb", "med 80 prosent av stemmene talt", [("80 prosent", "80", "1", "exact", True)]),
    ("nb", "rundt 70 prosent", [("70 prosent", "70", "1", "about", False)]),
    ("es", "obtuvo el 29,23%", [("29,23%", "29.23", "0.01", "exact", False)]),
    ("es", "con casi el 98% de los votos escrutados", [("98%", "98", "1", "about", True)]),
    ("es", "más del 51 %", [("51 %", "51", "1", "more-than", False)]),
    ("es", "con el 80 % de las actas transmitidas", [("80 %", "80", "1", "exact", True)]),
    # The counting cue belongs to the figure right before it, not to a share earlier on.
    ("en", "Maduro had 51.9% of the vote with 97% of ballots counted, against 43.2% for González",
     [("51.9%", "51.9", "0.1", "exact", False), ("97%", "97", "1", "exact", True), ("43.2%", "43.2", "0.1", "exact", False)]),
    ("es", "Arce obtuvo el 55,1 % con el 95 % de las actas computadas",
     [("55,1 %", "55.1", "0.1", "exact", False), ("95 %", "95", "1", "exact", True)]),
]


@pytest.mark.parametrize("lang, text, expected", FIGURES, ids=[f"{l}:{t}" for l, t, _ in FIGURES])
def test_figures_keep_value_precision_and_bound_as_written(lang, text, expected):
    found = find_figures(text, language_for(lang))
    assert [(f.text, f.share, f.precision, f.bound, f.counted) for f in found] == [
        (t, Decimal(v), Decimal(p), b, c) for t, v, p, b, c in expected
    ]
    assert all(text[f.span.begin:f.span.end] == f.text for f in found)


NOT_SHARES = [
    ("en", "Turnout was 59%."),
    ("en", "The CNE put turnout at about 59%."),
    ("en", "a lead of 34 percentage points"),
    ("nb", "Valgdeltakelsen var 59 prosent."),
    ("nb", "Han har ledet med mellom 30 og 50 prosent på målingene."),
    ("es", "La participación fue del 59 %."),
    ("es", "una ventaja de 20 %"),
]


@pytest.mark.parametrize("lang, text", NOT_SHARES, ids=[t for _, t in NOT_SHARES])
def test_turnout_margins_and_thresholds_are_not_vote_shares(lang, text):
    language = language_for(lang)
    assert [is_vote_share(text, f, language) for f in find_figures(text, language)] in ([], [False], [False, False])


def test_a_range_gives_its_two_ends_as_bounds():
    found = find_figures("between 30 and 50 percent", language_for("en"))
    assert [(f.text, f.bound) for f in found] == [("30", "at-least"), ("50 percent", "at-most")]
