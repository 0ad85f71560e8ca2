"""Splitting an article into sentences and words, with offsets into the original text.

Plain regular expressions rather than a tokenizer library: news prose needs only words,
sentence ends and a few abbreviations, and every piece must keep its exact character offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from kg.model import Span

_WORD = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:[-'’.]\w+)*\.?", re.UNICODE)
#: A sentence ends at . ! ? (perhaps followed by a closing quote) before whitespace, or at a line end.
_SENTENCE_END = re.compile(r"[.!?…][\"”»’)]*(?=\s)|\n+")
#: Quotations, which may hold several sentences but never a line break.
_QUOTATION = re.compile(r"“[^”\n]{1,400}”|\"[^\"\n]{1,400}\"|«[^»\n]{1,400}»")
_ABBREVIATIONS = frozenset("mr mrs ms dr st sr sra jr gen sen rep prof ca vs no nr pst etc".split())
#: The combining marks NFKD leaves after a Latin, Greek or Cyrillic letter (accents, cedillas, tildes).
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NORDIC = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ß": "ss", "Æ": "AE", "Ø": "O", "Å": "A"})


class Token(NamedTuple):
    """One word with its offsets (a tuple: articles hold thousands, made and read in hot loops)."""

    text: str
    begin: int
    end: int
    #: Whether the word opens with a capital letter.
    capitalised: bool


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """``text`` lowercased with accents removed, for comparing names as people spell them.

    >>> fold("Nicolás Maduro")
    'nicolas maduro'
    >>> fold("Støre")
    'store'
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_NORDIC))
    if decomposed.isascii():
        return decomposed.lower()
    return _COMBINING.sub("", decomposed).lower().replace("’", "'")


def split_sentences(text: str) -> list[Span]:
    """The sentences of ``text`` as spans, stripped of surrounding whitespace.

    >>> t = "Mr Maduro won. He said “we won.” Then\\nNew line"
    >>> [t[s.begin:s.end] for s in split_sentences(t)]
    ['Mr Maduro won.', 'He said “we won.”', 'Then', 'New line']
    """
    return list(_sentences(text))


@lru_cache(maxsize=64)  # every stage of one article asks again: split it once
def _sentences(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    quotes = [Span(m.start(), m.end()) for m in _QUOTATION.finditer(text)]
    for match in _SENTENCE_END.finditer(text):
        while quotes and quotes[0].end <= match.end():  # quotations end in text order: drop those passed
            quotes.pop(0)
        if "\n" not in match.group() and any(q.begin < match.start() and match.end() < q.end for q in quotes):
            continue  # a quotation of several sentences stays in one piece
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        if "\n" not in match.group() and _continues_lowercase(text, match.end()):
            continue
        _add_stripped(text, start, match.end(), spans)
        start = match.end()
    _add_stripped(text, start, len(text), spans)
    return tuple(spans)


def _continues_lowercase(text: str, end: int) -> bool:
    # "28. juli", "approx. five": a sentence never opens with a lowercase letter.
    rest = text[end:end + 3].lstrip(" \t")
    return bool(rest) and rest[0].islower()


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at ``dot`` ends an abbreviation or an initial ("Mr.", "J.", "Guðni Th. Jóhannesson").

    >>> _is_abbreviation("Guðni Th. Jóhannesson", 8), _is_abbreviation("in the EU. Then", 9)
    (True, False)
    """
    word = re.search(r"(\w+)$", text[max(0, dot - 6):dot])
    return bool(word) and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1
                           or is_initial(word.group(1)))


def is_initial(word: str) -> bool:
    """Whether ``word`` is written like an abbreviated part of a name: "J", "R.M.A.L", "Th".

    >>> is_initial("R.M.A.L"), is_initial("Th"), is_initial("EU"), is_initial("Lula")
    (True, True, False, False)
    """
    letters = word.replace(".", "")
    return letters.isalpha() and letters[:1].isupper() and (
        len(letters) == 1 or ("." in word and letters.isupper()) or (len(letters) == 2 and letters[1].islower()))


def _add_stripped(text: str, begin: int, end: int, spans: list[Span]) -> None:
    chunk = text[begin:end]
    stripped = chunk.strip()
    if stripped:
        offset = begin + len(chunk) - len(chunk.lstrip())
        spans.append(Span(offset, offset + len(stripped)))


def tokenize(text: str, begin: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[begin:end]`` with offsets into ``text``; a trailing dot is kept only on abbreviations.

    >>> [t.text for t in tokenize("Mr. González-Urrutia's 51,2 %")]
    ['Mr.', 'González-Urrutia', "'s", '51,2']
    """
    tokens: list[Token] = []
    stop = len(text) if end is None else end
    for match in _WORD.finditer(text, begin, stop):
        word, start = match.group(), match.start()
        if word[-1] == "." and word[:-1].lower() not in _ABBREVIATIONS:
            word = word[:-1]
        if word.endswith(("'s", "’s")) and len(word) > 2:
            tokens.append(Token(word[:-2], start, start + len(word) - 2, word[:1].isupper()))
            start, word = start + len(word) - 2, word[-2:]
        tokens.append(Token(word, start, start + len(word), word[:1].isupper()))
    return tokens


def photo_credit_spans(text: str, words: tuple[str, ...]) -> list[Span]:
    """The spans of photo credits (``Foto: NAME / AGENCY``) so that they are not read as the story.

    A credit opens with the capitalised word and is short, one line with no sentence inside: "The
    final picture: Labour won 411 seats …" is the story, not a credit.

    >>> t = "Caption here. Foto: Ana Diaz / AP\\nNext"
    >>> [t[s.begin:s.end] for s in photo_credit_spans(t, ("foto",))]
    ['Foto: Ana Diaz / AP']
    >>> [t[s.begin:s.end] for s in photo_credit_spans("The final picture: Labour won. Sunak lost.", ("picture",))]
    []
    """
    if not words:
        return []
    return [Span(m.start(), m.end()) for m in _credit_pattern(words).finditer(text)
            if text[m.start()].isupper() and len(m.group()) <= _CREDIT_LENGTH
            and not re.search(r"[.!?]\s+\S", m.group())]


#: The longest credit line: a photographer and an agency or two ("Foto: Ana Diaz / AP / NTB").
_CREDIT_LENGTH = 90


@lru_cache(maxsize=16)
def _credit_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:%s)\s*:[^\n]*" % "|".join(map(re.escape, words)), re.IGNORECASE)


def inside(span: Span, spans: list[Span]) -> bool:
    """Whether ``span`` lies within one of ``spans``.

    >>> inside(Span(2, 3), [Span(0, 5)])
    True
    """
    return any(s.begin <= span.begin and span.end <= s.end for s in spans)


def sentence_of(position: int, sentences: list[Span]) -> Span:
    """The sentence holding ``position`` (the last one before it when it falls between sentences).

    >>> sentence_of(5, [Span(0, 3), Span(4, 9)])
    Span(begin=4, end=9)
    """
    found = sentences[0] if sentences else Span(0, 0)
    for sentence in sentences:
        if sentence.begin <= position:
            found = sentence
    return found
