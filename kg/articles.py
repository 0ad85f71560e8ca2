"""Reading articles: plain text with an optional header of ``key: value`` lines.

An article file looks like this (the header and its blank line are optional)::

    url: https://news.example.com/2024/07/29/venezuela
    title: Electoral council declares Maduro winner
    publisher: The Daily Ledger
    date: 2024-07-29
    language: en

    The body, kept exactly as written (NFC-normalised), so offsets into it stay true.

A header exists only when the first line starts with one of the known keys. Problems with a file
(unreadable, not UTF-8, binary, empty, a bad header, a duplicate of another article) never stop
the others: :func:`read_articles` returns them as :class:`Problem` values naming the file.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.model import Article

HEADER_KEYS = ("url", "title", "publisher", "date", "language")
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z_-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$")

#: Language names and codes people write in headers, mapped to the tag kg publishes.
#: Norwegian without a variant is taken as bokmål, by far the more common written form.
LANGUAGE_ALIASES = {
    "no": "nb", "nob": "nb", "norwegian": "nb", "norsk": "nb", "bokmål": "nb", "bokmal": "nb",
    "eng": "en", "english": "en", "spa": "es", "spanish": "es", "español": "es", "espanol": "es",
}


class ArticleError(ValueError):
    """An article file that cannot be read as an article; the message says why."""


@dataclass(frozen=True)
class Problem:
    """A file that was skipped, and why."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def read_articles(directory: Path) -> tuple[list[Article], list[Problem]]:
    """Read every article file in ``directory`` (sorted by name), skipping the bad ones.

    Hidden files are ignored. An article whose text is the same as an earlier one's is skipped
    as a duplicate.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise ArticleError(f"{directory}: not a directory of articles")
    articles: list[Article] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for path in sorted(p for p in directory.iterdir() if not p.name.startswith(".")):
        if path.is_dir():
            continue
        try:
            article = read_article(path)
        except ArticleError as error:
            problems.append(Problem(path, str(error)))
            continue
        if article.sha256 in seen:
            problems.append(Problem(path, f"duplicate of {seen[article.sha256].name} (same text)"))
            continue
        seen[article.sha256] = path
        articles.append(article)
    return articles, problems


def read_article(path: Path) -> Article:
    """Read one article file, or raise :class:`ArticleError` saying what is wrong with it."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ArticleError(f"cannot read: {error.strerror or error}") from None
    return parse_article(decode_article(data), path=Path(path))


def decode_article(data: bytes) -> str:
    """Decode an article file's bytes as UTF-8 text, refusing binary data.

    >>> decode_article("Caracas, 29 July".encode())
    'Caracas, 29 July'
    >>> decode_article(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    Traceback (most recent call last):
    kg.articles.ArticleError: binary file (NUL byte at offset 8), not a text article
    """
    if b"\x00" in data:
        raise ArticleError(f"binary file (NUL byte at offset {data.index(0)}), not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ArticleError(
            f"not valid UTF-8 (line {line}, byte offset {error.start}: {error.reason})"
        ) from None


def parse_article(content: str, *, path: Path) -> Article:
    """Split ``content`` into header fields and body, and make an :class:`Article` of it.

    >>> a = parse_article("language: en\\ndate: 2024-07-29\\n\\nMaduro won.", path=Path("a.txt"))
    >>> (a.text, a.language, a.date.isoformat())
    ('Maduro won.', 'en', '2024-07-29')
    """
    header, body = split_header(content)
    text = unicodedata.normalize("NFC", body)
    if not text.strip():
        raise ArticleError("empty article (no text after the header)" if header else "empty article")
    language = normalise_language(header["language"]) if "language" in header else detect_language(text)
    return Article(
        path=path,
        text=text,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        language=language,
        url=header.get("url") or None,
        title=header.get("title") or None,
        publisher=header.get("publisher") or None,
        date=parse_date(header["date"]) if header.get("date") else None,
    )


def split_header(content: str) -> tuple[dict[str, str], str]:
    """Separate the ``key: value`` header (if the first line starts one) from the body.

    >>> split_header("title: A\\nurl: https://x.example/a\\n\\nBody")
    ({'title': 'A', 'url': 'https://x.example/a'}, 'Body')
    >>> split_header("Note: not a header\\nBody")
    ({}, 'Note: not a header\\nBody')
    """
    lines = content.split("\n")
    first = _HEADER_LINE.match(lines[0].rstrip("\r"))
    if not first or first.group(1).lower() not in HEADER_KEYS:
        return {}, content
    header: dict[str, str] = {}
    for number, line in enumerate(lines, start=1):
        line = line.rstrip("\r")
        if not line.strip():
            return header, "\n".join(lines[number:])
        match = _HEADER_LINE.match(line)
        if not match:
            raise ArticleError(f"line {number}: header line is not 'key: value': {line[:60]!r}")
        key = match.group(1).lower()
        if key not in HEADER_KEYS:
            raise ArticleError(
                f"line {number}: unknown header key {key!r} (known: {', '.join(HEADER_KEYS)})"
            )
        if key in header:
            raise ArticleError(f"line {number}: header key {key!r} given twice")
        header[key] = match.group(2)
    raise ArticleError("header is not followed by a blank line and a body")


def parse_date(value: str) -> datetime.date:
    """The date of a header's ``date:`` value: an ISO 8601 date or date-time.

    >>> parse_date("2024-07-29T06:30:00+02:00")
    datetime.date(2024, 7, 29)
    >>> parse_date("2024-02-30")
    Traceback (most recent call last):
    kg.articles.ArticleError: header date '2024-02-30' is not a valid date (day is out of range for month)
    """
    try:
        return datetime.datetime.fromisoformat(value).date()
    except ValueError as error:
        raise ArticleError(f"header date {value!r} is not a valid date ({error})") from None


def normalise_language(value: str) -> str:
    """The BCP 47 tag kg publishes for a header's ``language:`` value.

    >>> [normalise_language(v) for v in ("EN", "no", "Norwegian", "es-VE")]
    ['en', 'nb', 'nb', 'es-VE']
    """
    cleaned = value.strip()
    alias = LANGUAGE_ALIASES.get(cleaned.lower())
    if alias:
        return alias
    if not _LANGUAGE_TAG.match(cleaned):
        raise ArticleError(f"header language {value!r} is not a language tag such as en, nb, es")
    primary, *rest = cleaned.split("-")
    return "-".join([primary.lower(), *rest])


def detect_language(text: str) -> str:
    """The language of ``text`` as an ISO 639-1 code, detected with lingua.

    >>> detect_language("Valgmyndighetene sier at Maduro fikk flest stemmer.")
    'nb'
    """
    language = _language_detector().detect_language_of(text)
    if language is None:
        raise ArticleError("language not given in a header and not recognisable from the text")
    return language.iso_code_639_1.name.lower()


@cache
def _language_detector():
    # Restricting lingua to the languages of our coverage makes it both faster and more
    # accurate on short texts than considering all 75 it knows.
    from lingua import Language, LanguageDetectorBuilder

    languages = [
        Language.ENGLISH, Language.BOKMAL, Language.NYNORSK, Language.SPANISH,
        Language.PORTUGUESE, Language.FRENCH, Language.GERMAN, Language.ITALIAN,
        Language.DANISH, Language.SWEDISH, Language.DUTCH,
    ]
    return LanguageDetectorBuilder.from_languages(*languages).build()
