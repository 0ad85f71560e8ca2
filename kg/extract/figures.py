"""Percentages as written: the number, its precision, its bound, and whether it counts ballots.

"51,2 prosent", "51.20%", "más del 51%", "mellom 30 og 50 prosent" all become :class:`Figure`
values; the share keeps the digits as written (``Decimal("51.20")``) and the precision is the
unit of the last written digit. A comma or a point between digits is a decimal mark in every
language here, since percentages of votes never need a thousands separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from kg.model import Span

from .languages import Language
from .patterns import alternation, cue_pattern, derived

_NUMBER = r"\d{1,3}(?:[.,]\d+)?"


@dataclass(frozen=True)
class Figure:
    """One percentage in the text."""

    share: Decimal
    text: str
    span: Span
    precision: Decimal
    bound: str
    counted: bool = False


def parse_share(number: str) -> tuple[Decimal, Decimal]:
    """The value and precision of a number as written.

    >>> parse_share("51,2")
    (Decimal('51.2'), Decimal('0.1'))
    >>> parse_share("51.20")
    (Decimal('51.20'), Decimal('0.01'))
    >>> parse_share("52")
    (Decimal('52'), Decimal('1'))
    """
    value = Decimal(number.replace(",", "."))
    exponent = value.as_tuple().exponent
    return value, Decimal((0, (1,), exponent))  # type: ignore[arg-type]


def _percent_pattern(language: Language) -> re.Pattern[str]:
    return cue_pattern(language, "percent_words", r"(?<![\d.,])(" + _NUMBER + r")(?:\s?(?:%s))")


def _range_pattern(language: Language) -> re.Pattern[str]:
    return cue_pattern(language, "percent_words",
                       r"\b(?:between|mellom|entre)\s+(" + _NUMBER + r")\s+(?:and|og|y|a)\s+(" + _NUMBER + r")\s?(?:%s)")


def _change_pattern(language: Language) -> re.Pattern[str]:
    return cue_pattern(language, "percent_words",
                       r"\b(?:from|fra|de|del)\s+(" + _NUMBER + r")\s+(?:to|til|a|al)\s+(?:" + _NUMBER + r")\s?(?:%s)")


def find_figures(text: str, language: Language) -> list[Figure]:
    """Every percentage in ``text``, with its bound and whether it is a share of ballots counted.

    >>> from kg.extract.languages import ENGLISH, NORWEGIAN, SPANISH
    >>> [(f.text, f.share, f.bound, f.counted) for f in find_figures("with 80% of votes counted, he had more than 51.20%", ENGLISH)]
    [('80%', Decimal('80'), 'exact', True), ('51.20%', Decimal('51.20'), 'more-than', False)]
    >>> [(f.text, f.bound) for f in find_figures("con casi el 98% de los votos escrutados", SPANISH)]
    [('98%', 'about')]
    >>> [(f.text, f.bound) for f in find_figures("ledet med mellom 30 og 50 prosent", NORWEGIAN)]
    [('30', 'at-least'), ('50 prosent', 'at-most')]
    >>> [(f.text, f.share) for f in find_figures("ble justert fra 20,3 til 24,1 prosent", NORWEGIAN)]
    [('20,3', Decimal('20.3')), ('24,1 prosent', Decimal('24.1'))]
    """
    figures: dict[int, Figure] = {}
    for match in _range_pattern(language).finditer(text):
        low, high = match.span(1), (match.start(2), match.end())
        for (begin, end), bound in ((low, "at-least"), (high, "at-most")):
            share, precision = parse_share(re.match(_NUMBER, text[begin:end]).group())
            figures[begin] = Figure(share, text[begin:end], Span(begin, end), precision, bound,
                                    _is_counted(text, match.end(), language))
    for match in _change_pattern(language).finditer(text):
        # "revised from 20.3 to 24.1 percent": the first number shares the unit written after the second.
        begin, end = match.span(1)
        share, precision = parse_share(match.group(1))
        figures[begin] = Figure(share, match.group(1), Span(begin, end), precision, "exact")
    for match in _percent_pattern(language).finditer(text):
        if match.start() in figures:
            continue
        share, precision = parse_share(match.group(1))
        figures[match.start()] = Figure(share, match.group(), Span(match.start(), match.end()), precision,
                                        _bound_before(text, match.start(), language), _is_counted(text, match.end(), language))
    for begin, figure in _tally_followers(text, [f for f in figures.values() if f.bound != "at-least"], language):
        figures.setdefault(begin, figure)
    return [figures[k] for k in sorted(figures)]


def _tally_followers(text: str, figures: list[Figure], language: Language) -> list[tuple[int, Figure]]:
    """Bare numbers that go on a tally after a percentage, sharing its unit ("… mot 48,3 for Harris").

    The number must be joined to the percentage by a tally link and close its clause or be given
    to a name ("og Trump på 48.", "against 48.3 for Harris"); a count of seats or a year is not.

    >>> from kg.extract.languages import NORWEGIAN
    >>> t = "hadde han 49,8 prosent mot 48,3 for Harris, og 312 valgmenn."
    >>> [(b, f.text) for b, f in _tally_followers(t, find_figures(t, NORWEGIAN)[:1], NORWEGIAN)]
    [(27, '48,3')]
    >>> t = "har Smer 23,6 prosent, PS 17,2 og Hlas 15,1. Fra 12. mars."
    >>> [f.text for _, f in _tally_followers(t, find_figures(t, NORWEGIAN)[:1], NORWEGIAN)]
    ['17,2', '15,1']
    """
    if not language.tally_links:
        return []
    follower = derived(language, "tally-follower", lambda: re.compile(
        r"[^.;:!?\d%%]{0,30}?(?<!\w)(?:%s)\s+(?:[^.;:!?\d%%]{0,30}?\s)?(%s)(?![\d.,]\d)(?=\s+(?:%s)\s+\w|\s*(?:[.;,)]|$))"
        % (alternation(language.tally_links), _NUMBER, alternation(language.share_for))))
    # "…, PS 17,2 og Hlas 15,1": after a comma, a capitalised name and its bare number go on the tally too.
    listed = derived(language, "tally-listed", lambda: re.compile(
        r",\s+(?:[A-ZÀ-ÖØ-Þ][^\s.;:!?\d%%]*\s+){1,4}(%s)(?![\d.,]\d)(?=\s*(?:[.;,)]|$)|\s+(?:%s)\s)"
        % (_NUMBER, alternation(language.tally_links))))
    found = []
    todo = list(figures)
    while todo:  # a follower may have followers of its own ("…, PS 17,2 og Hlas 15,1")
        figure = todo.pop(0)
        match = follower.match(text, figure.span.end) or listed.match(text, figure.span.end)
        if match and Decimal(match.group(1).replace(",", ".")) <= 100 and all(b != match.start(1) for b, _ in found):
            share, precision = parse_share(match.group(1))
            follows = Figure(share, match.group(1), Span(match.start(1), match.end(1)), precision,
                             _bound_before(text, match.start(1), language))
            found.append((match.start(1), follows))
            todo.append(follows)
    return found


def _bound_before(text: str, begin: int, language: Language) -> str:
    before = text[max(0, begin - 30):begin].lower().rstrip()
    for article in (" el", " la", " the", " del"):
        if before.endswith(article) and not any(before.endswith(b) for b in language.bounds):
            before = before[: -len(article)].rstrip()
    for phrase in sorted(language.bounds, key=len, reverse=True):
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return language.bounds[phrase]
    return "exact"


def _is_counted(text: str, end: int, language: Language) -> bool:
    # A counting cue belongs to the nearest figure before it: the look-ahead stops at the next
    # number, so in "51.9% of the vote with 97% of ballots counted" only 97% is a count.
    after = re.split(r"[,;:.!?\d]|\s(?:and|og|y)\s", text[end:end + 60].lower())[0]
    return any(cue in after and re.search(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", after) for cue in language.counted)


def is_vote_share(text: str, figure: Figure, language: Language) -> bool:
    """Whether the words around ``figure`` leave it a vote share (not turnout, a margin, a threshold).

    >>> from kg.extract.languages import ENGLISH
    >>> t = "Turnout was 59%, and Maduro had 51%"
    >>> [is_vote_share(t, f, ENGLISH) for f in find_figures(t, ENGLISH)]
    [False, True]
    """
    near = re.split(r"[,;.!?]", text[max(0, figure.span.begin - 35):figure.span.begin].lower())[-1]
    after = re.split(r"[,;.!?]", text[figure.span.end:figure.span.end + 25].lower())[0]
    return not figure.counted and not any(cue in near or cue in after for cue in language.not_shares)
