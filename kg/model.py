"""The plain data that flows between kg's stages: no RDF here.

``read`` gives :class:`Article`; ``extract`` + ``link`` give a :class:`Corpus` of
:class:`Extraction` (one per article) and the :class:`Entity` registry they point into;
``mapping`` turns a corpus into RDF. Every span is a pair of offsets into ``Article.text``,
so ``article.text[span.begin:span.end]`` is exactly the evidence.

Entity keys are ``"{kind-path}/{slug}"`` (``"person/nicolas-maduro"``); the mapping stage
puts them under ``{base}id/``. Keys are chosen from names and reference ids, never counters.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

EntityKind = Literal[
    "person", "organization", "government-organization", "party", "country", "election"
]

#: Where each kind lives under ``{base}id/``. A government organisation shares the
#: organisation path so that refining the type never changes the IRI.
KIND_PATHS: dict[str, str] = {
    "person": "person",
    "organization": "organization",
    "government-organization": "organization",
    "party": "party",
    "country": "country",
    "election": "election",
}

Bound = Literal["exact", "more-than", "less-than", "at-least", "at-most", "about"]
ResultKind = Literal["official", "exit-poll", "opinion-poll", "opposition-tally", "unattributed"]


@dataclass(frozen=True)
class Article:
    """One news article as read from disk, its text exactly as written (NFC)."""

    path: Path
    text: str
    sha256: str
    language: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: datetime.date | None = None

    @property
    def stem(self) -> str:
        return self.path.stem

    @property
    def key(self) -> str:
        """The article's id: the first 16 hex digits of the SHA-256 of its text."""
        return self.sha256[:16]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character offsets ``[begin, end)`` into an article's text."""

    begin: int
    end: int


@dataclass(frozen=True)
class Entity:
    """One real-world entity, however many spellings the articles use for it."""

    key: str
    kind: EntityKind
    names: dict[str, str]
    aliases: frozenset[tuple[str, str]] = frozenset()
    wikidata: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A stretch of text that names an entity."""

    entity: str
    span: Span
    sentence: Span


@dataclass(frozen=True)
class Result:
    """One vote-share figure as one article reports it."""

    candidate: str
    share: Decimal
    share_text: str
    precision: Decimal
    bound: Bound
    kind: ResultKind
    span: Span
    sentence: Span
    counted: Decimal | None = None
    counted_bound: Bound | None = None
    announced_by: str | None = None
    election: str | None = None


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a speaker, quoted or reported."""

    speaker: str
    text: str
    quoted: bool
    span: Span
    sentence: Span
    claim_key: str
    on_behalf_of: str | None = None


@dataclass(frozen=True)
class Role:
    """A role the text states: who heads, speaks for or stands as candidate of what."""

    holder: str
    role: str
    span: Span
    sentence: Span
    organization: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article, entities already linked to keys."""

    article: Article
    mentions: tuple[Mention, ...] = ()
    results: tuple[Result, ...] = ()
    claims: tuple[Claim, ...] = ()
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """The extractions of a set of articles and the entities they refer to."""

    extractions: tuple[Extraction, ...]
    entities: dict[str, Entity]
