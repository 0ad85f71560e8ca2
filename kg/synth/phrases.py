"""Words and numbers for synthetic articles: share phrases, name spellings, template filling.

Everything here is a pure function of its arguments (and the data files), so each has a doctest.
"""

from __future__ import annotations

import itertools
import json
import re
import random
import string
import unicodedata
from functools import cache
from typing import Any

from kg.resources import DATA_DIR

SYNTH_DIR = DATA_DIR / "synth"
NON_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")
PRECISION = {0: "1", 1: "0.1", 2: "0.01"}
#: Letters NFKD cannot take apart, spelt as an ASCII keyboard would.
ASCII_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "đ": "d", "ß": "ss"})


@cache
def load_data(name: str) -> dict:
    """The parsed JSON data file ``kg/data/synth/{name}.json``."""
    return json.loads((SYNTH_DIR / f"{name}.json").read_text(encoding="utf-8"))


def strip_accents(name: str) -> str:
    """``name`` without accents, as typed on an ASCII keyboard.

    >>> strip_accents("Østgård Núñez")
    'Ostgard Nunez'
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(ASCII_LETTERS))
    return decomposed.encode("ascii", "ignore").decode()


@cache
def slugify(name: str) -> str:
    """The ASCII slug of a name, as entity keys and URLs use.

    >>> slugify("Edmundo González Urrutia"), slugify("Østgård leads, again!")
    ('edmundo-gonzalez-urrutia', 'ostgard-leads-again')
    """
    return NON_ALPHANUMERIC.sub("-", strip_accents(name).lower()).strip("-")


def format_number(value: int, decimals: int, lang: str) -> str:
    """Write ``value`` (in hundredths) rounded half-up to ``decimals`` places, as ``lang`` does.

    >>> format_number(5120, 2, "en"), format_number(5120, 1, "nb"), format_number(5150, 0, "es")
    ('51.20', '51,2', '52')
    """
    scale = 10 ** (2 - decimals)
    units = (value + scale // 2) // scale
    if decimals == 0:
        return str(units)
    whole, part = divmod(units, 10**decimals)
    return f"{whole}{load_data('templates')['decimal_mark'][lang]}{part:0{decimals}d}"


@cache
def share_phrases(value: int, max_decimals: int, lang: str) -> tuple[tuple[tuple, int], ...]:
    """Every way ``lang`` may write a share of ``value`` hundredths, with the style weights.

    A phrase is ``(prefix, text, stated, precision, bound)``: ``stated`` is the number as
    written, so "more than 51%" states 51 with the bound "more-than".

    >>> [p[1] for p, _ in share_phrases(5120, 2, "en")][:3]
    ['51.20%', '51.2%', '51.2 percent']
    >>> [p[1:] for p, _ in share_phrases(6500, 0, "nb")]
    [('65 prosent', '65', '1', 'exact'), ('rundt 65 prosent', '65', '1', 'about')]
    """
    phrases = []
    for prefix, pattern, decimals, bound, weight in load_data("templates")["share_styles"][lang]:
        whole, cents = divmod(value, 100)
        if decimals > max_decimals or (bound == "more-than" and cents == 0):
            continue
        if bound == "less-than" and cents < 50:
            continue
        number = {"more-than": str(whole), "less-than": str(whole + 1)}.get(
            bound, format_number(value, decimals, lang)
        )
        stated = number.replace(",", ".")
        phrase = (prefix, pattern.format(n=number), stated, PRECISION[decimals], bound)
        phrases.append((phrase, weight))
    return tuple(phrases)


@cache
def share_table(value: int, max_decimals: int, lang: str) -> tuple[tuple, list[int]]:
    """The phrases for a share and their cumulative weights, ready for ``rng.choices``."""
    phrases = share_phrases(value, max_decimals, lang)
    return tuple(p for p, _ in phrases), list(itertools.accumulate(w for _, w in phrases))


def choose_share(rng: random.Random, value: int, max_decimals: int, lang: str) -> tuple:
    """One phrase for a share, drawn by style weight."""
    phrases, cumulative = share_table(value, max_decimals, lang)
    return rng.choices(phrases, cum_weights=cumulative)[0]


def misspell(name: str, rng: random.Random) -> str:
    """A plausible misspelling of ``name``: accents dropped, or two letters swapped.

    >>> misspell("Nicolás Maduro", random.Random(1))
    'Nicolas Maduro'
    """
    plain = strip_accents(name)
    if plain != name and rng.random() < 0.7:
        return plain
    last = name.rsplit(" ", 1)[-1]
    if len(last) < 4:
        return plain
    i = rng.randrange(1, len(last) - 2)
    swapped = last[:i] + last[i + 1] + last[i] + last[i + 2 :]
    return name[: len(name) - len(last)] + swapped


@cache
def parse_template(template: str) -> tuple[tuple[str, str | None], ...]:
    """The literal text and slot names of a template, parsed once."""
    return tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(template))


def render(template: str, slots: dict[str, Any], lang: str) -> tuple[str, dict[str, tuple]]:
    """Fill a template; return the text and the span of every tracked slot.

    A tracked slot's value is a ``(prefix, text)`` pair (a share with its article, a quote):
    its span covers ``text`` only. Spanish "de el"/"a el" contract, and a role's trailing
    comma is dropped before punctuation.

    >>> render("frente a {b}.", {"b": ("el ", "44,02%")}, "es")
    ('Frente al 44,02%.', {'b': (10, 16)})
    """
    out: list[str] = []
    spans: dict[str, tuple] = {}
    size = 0
    for literal, name in parse_template(template):
        if out and out[-1].endswith(",") and literal[:1] in (".", ",", ":"):
            out[-1] = out[-1][:-1]
            size -= 1
        out.append(literal)
        size += len(literal)
        if name is None:
            continue
        value = slots[name]
        prefix, text = value[:2] if isinstance(value, tuple) else ("", value)
        if lang == "es" and "el " in (prefix[:3], text[:3]) and out[-1].endswith((" de ", " a ")):
            out[-1] = out[-1][:-1] + "l "
            size += 1
            prefix, text = (prefix[3:], text) if prefix else ("", text[3:])
        out.append(prefix)
        size += len(prefix)
        if isinstance(value, tuple):
            spans[name] = (size, size + len(text))
        out.append(text)
        size += len(text)
    text = "".join(out).rstrip(",")
    return text[:1].upper() + text[1:], spans
