"""Reading election coverage: entities, vote-share results, claims and roles, linked across articles.

The one entry point is :func:`extract_corpus`. The work is split by concern:

- :mod:`.text` sentences and words with offsets; :mod:`.languages` the cue words of each language
  (data only: adding a language is adding a module); :mod:`.patterns` their regexes, compiled once;
- :mod:`.reference` the reference table (kg/data/entities.ttl); :mod:`.mentions` names in an
  article, with :mod:`.candidates` (names no table knows), :mod:`.organisations` (names across
  link words, acronyms, parties) and :mod:`.bodies` (generic bodies: "the interior ministry");
  :mod:`kg.link` one key per real entity across the corpus; :mod:`.claim_keys` claim clustering;
- :mod:`.figures` percentages as written; :mod:`.results` which candidate each belongs to, :mod:`.kinds` its kind
  and source; :mod:`.claims` quotes and reported speech (:mod:`.speakers` who speaks, :mod:`.clauses` what stands
  between a statement and its speaker); :mod:`.roles` titles and appositions;
  :mod:`.elections` which election an article covers.

Plain regular expressions, not spaCy: there is no trained model to load here, so a tokenizer
would add a large dependency for what a few patterns with exact character offsets already do.
Fuzzy name matching uses rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from kg.forked import forked_map, worker_count
from kg.link import link_mentions
from kg.model import Article, Claim, Corpus, Entity, Extraction, Mention

from .claim_keys import cluster_statements
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
    names = per_article(lambda i: find_mentions(ordered[i], reference, language_for(ordered[i].language)), len(ordered))
    found = list(zip(ordered, list(progress(names, "names"))))
    linked, entities = link_mentions(found, reference)

    def read_article(i: int) -> tuple[Extraction, list[Statement], tuple[str, Entity] | None]:
        extraction, statements, election = _extract_article(ordered[i], linked[i], reference)
        return replace(extraction, article=None), statements, election  # the parent has the article

    parts = {}
    for i, (extraction, statements, election) in enumerate(progress(per_article(read_article, len(ordered)), "statements")):
        a = ordered[i]
        if election:  # the first article (in key order) to mint an election's entity names it
            entities.setdefault(*election)
        parts[a.key] = (replace(extraction, article=a), statements)
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


def _extract_article(article: Article, mentions: list[NameMention], reference: Reference
                     ) -> tuple[Extraction, list[Statement], tuple[str, Entity] | None]:
    """One article's extraction and statements, and its election's (key, entity) if it names one."""
    language = language_for(article.language)
    election, minted = find_election(article, mentions, reference, language)
    if election:
        mentions = sorted(mentions + election_mentions(article, election, language), key=lambda m: m.span)
    results = extract_results(article, mentions, language, reference, election)
    roles = extract_roles(article.text, mentions, language)
    statements = extract_statements(article, mentions, language)
    unique = {(m.key, m.span): Mention(m.key, m.span, m.sentence) for m in mentions}
    extraction = Extraction(article=article, mentions=tuple(unique[k] for k in sorted(unique, key=lambda k: (k[1], k[0]))),
                            results=tuple(results), roles=tuple(roles))
    return extraction, statements, ((election, minted or reference.entities[election]) if election else None)


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


# -- the per-article passes in worker processes ----------------------------------------------------

T = TypeVar("T")

#: Articles per task: enough that sending the answers back costs little, few enough that the
#: workers finish together and the progress bar moves.
BATCH = 20

#: Below this many articles a worker process costs more (fork, sending answers back) than it saves.
SERIAL_BELOW = 3 * BATCH


def per_article(work: Callable[[int], T], count: int) -> Iterator[T]:
    """``work(0)``, ``work(1)`` … ``work(count - 1)`` in order, on every core when worth it.

    ``work(i)`` must read only what exists before the call (the workers are forked then) and
    return something picklable; the answers come back in order as they are ready. A process
    running other threads does the work itself (:func:`kg.forked.fork_is_safe`).

    >>> list(per_article(lambda i: i * i, 4))
    [0, 1, 4, 9]
    """
    batches = [range(start, min(start + BATCH, count)) for start in range(0, count, BATCH)]
    workers = worker_count() if count >= SERIAL_BELOW else 1
    for answers in forked_map(lambda batch: [work(i) for i in batch], batches, workers):
        yield from answers
