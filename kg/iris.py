"""Minting IRIs: slugs and content hashes under one base, never counters or the clock.

Every IRI kg publishes is made here, so the scheme in ontology/MODEL.md has one home.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from pyoxigraph import NamedNode

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    """A lowercase ASCII slug of ``name``: accents folded, runs of other characters as '-'.

    >>> slugify("María Corina Machado")
    'maria-corina-machado'
    >>> slugify("  Consejo Nacional Electoral (CNE) ")
    'consejo-nacional-electoral-cne'
    >>> slugify("Ærlig Østby")
    'aerlig-ostby'
    """
    folded = name.lower().translate(_NORDIC)
    ascii_name = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    return _NOT_SLUG.sub("-", ascii_name).strip("-")


# NFKD does not decompose these letters, so they would vanish from slugs without a table.
_NORDIC = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ß": "ss", "đ": "d", "ł": "l", "þ": "th"})


def short_hash(*parts: object) -> str:
    """The first 16 hex digits of the SHA-256 of ``parts`` joined unambiguously.

    >>> short_hash("a", 1)
    '839e11a421d370be'
    >>> short_hash("a", 1) != short_hash("a1")
    True
    """
    joined = "\x1f".join(str(part) for part in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:16]


class Minter:
    """Makes the IRIs of one publication from its base IRI.

    >>> m = Minter("https://example.org/kg/")
    >>> m.entity("person/nicolas-maduro").value
    'https://example.org/kg/id/person/nicolas-maduro'
    >>> m.span("0f16fc6407c26195", 10, 24).value
    'https://example.org/kg/id/article/0f16fc6407c26195/text#char=10,24'
    >>> m.figure(("person/a", "", "official", "51.2", "0.1", "exact", "")).value
    'https://example.org/kg/id/figure/0b06e0e66d61cd58'
    """

    def __init__(self, base: str):
        if not base.endswith(("/", "#")):
            raise ValueError(f"base IRI must end with '/' or '#': {base!r}")
        self.base = base

    def _iri(self, path: str) -> NamedNode:
        return NamedNode(self.base + path)

    def entity(self, key: str) -> NamedNode:
        return self._iri(f"id/{key}")

    def article(self, article_key: str) -> NamedNode:
        return self._iri(f"id/article/{article_key}")

    def context(self, article_key: str) -> NamedNode:
        return self._iri(f"id/article/{article_key}/text")

    def span(self, article_key: str, begin: int, end: int) -> NamedNode:
        return self._iri(f"id/article/{article_key}/text#char={begin},{end}")

    def result(self, article_key: str, begin: int, end: int, candidate: str) -> NamedNode:
        return self._iri(f"id/result/{short_hash(article_key, begin, end, candidate)}")

    def claim(self, claim_key: str) -> NamedNode:
        return self._iri(f"id/claim/{short_hash(claim_key)}")

    def role(self, article_key: str, begin: int, end: int, holder: str, role: str) -> NamedNode:
        return self._iri(f"id/role/{short_hash(article_key, begin, end, holder, role)}")

    def figure(self, key: tuple) -> NamedNode:
        """A reported figure, from what identifies it (:attr:`kg.findings.Figure.key`)."""
        return self._iri(f"id/figure/{short_hash(*key)}")

    def finding(self, key: tuple) -> NamedNode:
        return self._iri(f"id/finding/{short_hash(*key)}")

    def run(self, version: str, article_keys: list[str]) -> NamedNode:
        return self._iri(f"id/run/{short_hash(version, *sorted(article_keys))}")

    def software(self, version: str) -> NamedNode:
        return self._iri(f"id/software/kg/{version}")

    def assertion_graph(self, article_key: str) -> NamedNode:
        return self._iri(f"graph/article/{article_key}")

    def provenance_graph(self, article_key: str) -> NamedNode:
        return self._iri(f"graph/article/{article_key}/provenance")

    @property
    def entities_graph(self) -> NamedNode:
        return self._iri("graph/entities")

    @property
    def findings_graph(self) -> NamedNode:
        return self._iri("graph/findings")

    @property
    def findings_provenance_graph(self) -> NamedNode:
        return self._iri("graph/findings/provenance")
