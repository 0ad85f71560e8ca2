"""Reading election coverage: entities, vote-share results, claims and roles, linked across articles.

The one entry point is :func:`extract_corpus`. The work is split by concern:

- :mod:`.text` sentences and words with offsets; :mod:`.languages` the cue words of each language
  (data only: adding a language is adding a module); :mod:`.patterns` their regexes, compiled once;
- :mod:`.reference` the reference table (kg/data/entities.ttl); :mod:`.mentions` names in an
  article, with :mod:`.candidates` (names no table knows), :mod:`.organisations` (names across
  link words, acronyms, parties) and :mod:`.bodies` (generic bodies: "the interior ministry");
  :mod:`kg.link` one key per real entity across the corpus, and claim clustering;
- :mod:`.figures` percentages as written; :mod:`.results` which candidate, kind and source each
  belongs to; :mod:`.claims` quotes and reported speech (:mod:`.clauses` what stands between a statement and its
  speaker); :mod:`.roles` titles and appositions;
  :mod:`.elections` which election an article covers.

Plain regular expressions, not spaCy: there is no trained model to load here, so a tokenizer
would add a large dependency for what a few patterns with exact character offsets already do.
Fuzzy name matching uses rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from kg.link import cluster_statements, link_mentions
from kg.model import Article, Claim, Corpus, Entity, Extraction, Mention

from .claims import Statement, extract_statements
from .concepts import concepts_of
from .elections import election_mentions, find_election
from .languages import language_for
from .mentions import NameMention, find_mentions
from .reference import Reference, load_reference
from .results import extract_results
from .roles import extract_roles

__all__ = ["extract_corpus"]


def extract_corpus(articles: Sequence[Article], *, known: Mapping[str, Entity] | None = None,
                   progress: Callable[[Iterable, str], Iterable] | None = None) -> Corpus:
    """Extract and link everything ``articles`` say; ``known`` entities keep their keys.

    The same articles give the same corpus whatever their order: linking and claim keys are
    computed over sorted names and statements. ``progress(items, label)`` may wrap the
    per-article passes (to draw a progress bar); it must yield the items unchanged.
    """
    progress = progress or (lambda items, label: items)
    reference = load_reference()
    if known:
        reference = reference.with_known(dict(known))
    ordered = sorted(articles, key=lambda a: a.key)
    found = [(a, find_mentions(a, reference, language_for(a.language))) for a in progress(ordered, "names")]
    linked, entities = link_mentions(found, reference)
    parts = {a.key: _extract_article(a, mentions, reference, entities)
             for a, mentions in progress(list(zip(ordered, linked)), "statements")}
    statements = [(a.key, s) for a in ordered for s in parts[a.key][1]]
    keys = cluster_statements([(s.speaker, s.text, _lang(a)) for a, s in _with_articles(statements, ordered)],
                              lambda text, lang: concepts_of(text, language_for(lang)))
    claims: dict[str, list[Claim]] = {a.key: [] for a in ordered}
    for i, (article_key, statement) in enumerate(statements):
        claims[article_key].append(_claim(statement, keys[i], parts[article_key][0]))
    extractions = tuple(replace(parts[a.key][0], claims=tuple(claims[a.key])) for a in articles)
    return Corpus(extractions=extractions, entities=_referenced(extractions, entities, reference))


def _lang(article: Article) -> str:
    return language_for(article.language).code


def _with_articles(statements, ordered):
    by_key = {a.key: a for a in ordered}
    return [(by_key[k], s) for k, s in statements]


def _extract_article(article: Article, mentions: list[NameMention], reference: Reference,
                     entities: dict[str, Entity]) -> tuple[Extraction, list[Statement]]:
    language = language_for(article.language)
    election, minted = find_election(article, mentions, reference, language)
    if election:
        entities.setdefault(election, minted or reference.entities[election])
        mentions = sorted(mentions + election_mentions(article, election, language), key=lambda m: m.span)
    results = extract_results(article, mentions, language, reference, election)
    roles = extract_roles(article.text, mentions, language)
    statements = extract_statements(article, mentions, language)
    unique = {(m.key, m.span): Mention(m.key, m.span, m.sentence) for m in mentions}
    extraction = Extraction(article=article, mentions=tuple(unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))),
                            results=tuple(results), roles=tuple(roles))
    return extraction, statements


def _claim(statement: Statement, key: str, extraction: Extraction) -> Claim:
    behalf = next((r.organization for r in extraction.roles
                   if r.holder == statement.speaker and r.role == "spokesperson" and r.organization), None)
    return Claim(speaker=statement.speaker, text=statement.text, quoted=statement.quoted, span=statement.span,
                 sentence=statement.sentence, claim_key=key, on_behalf_of=behalf)


def _referenced(extractions: tuple[Extraction, ...], entities: dict[str, Entity], reference: Reference
                ) -> dict[str, Entity]:
    """The entities the extractions point to, and the country of each election among them; a
    country known only from a demonym ("the Cuban president") comes from the table, since no
    mention of it was linked."""
    used: set[str] = set()
    for e in extractions:
        used |= {m.entity for m in e.mentions} | {c.speaker for c in e.claims}
        used |= {k for c in e.claims for k in (c.on_behalf_of,) if k}
        used |= {k for r in e.results for k in (r.candidate, r.announced_by, r.election) if k}
        used |= {k for r in e.roles for k in (r.holder, r.organization) if k}
    chosen = {k: entities[k] if k in entities else reference.entities[k] for k in used}
    # An election is published with its country (schema:location), named in the text or not.
    countries = {e.extra["country"] for e in chosen.values() if e.kind == "election" and "country" in e.extra}
    chosen |= {k: reference.entities[k] for k in countries - chosen.keys()}
    return {k: chosen[k] for k in sorted(chosen)}
