"""``kg ingest`` and ``kg withdraw``: add articles to, or take a source out of, a live store.

Ingest extracts the new articles with the published entities as known ones (so a mention of a
published person gets that person's IRI), maps them to their assertion and provenance graphs,
adds names the published entities did not have yet as alternate names, and recomputes the
disagreement findings of the candidates (in their elections) the new results are about, over
their published results plus the new ones (:mod:`kg.live_findings`). An article whose
assertion graph is already published is left alone: ingesting it again changes nothing.

Withdraw drops an article's two graphs, the entity descriptions nothing else refers to any
more, and recomputes the findings of the candidates its results were about without them.

Both only *plan* a :class:`kg.writes.Change`; :func:`kg.writes.apply_change` validates and
applies it as one transaction. Where: ``--dataset DIR`` (a built dataset folder; its store,
which no running server may be writing), ``--store URL`` (an external SPARQL store), or
``--server URL`` (a running ``kg serve`` with writes on: POST /articles with the token).
The dataset folder's dump files stay the build's snapshot; the store is what is published.
"""

from __future__ import annotations

import argparse
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg import __version__
from kg.iris import Minter
from kg.live_findings import read_subject_results, subject_findings_change, subjects_of
from kg.mapping import Mapper, publisher_entities
from kg.model import Article
from kg.namespaces import KG, RDF, SCHEMA
from kg.published import article_keys, key_of, read_entities, read_result
from kg.writes import Change, drop_graph

_TYPE = ox.NamedNode(str(RDF.type))
_NAME = ox.NamedNode(str(SCHEMA.name))
_ALIAS = ox.NamedNode(str(SCHEMA.alternateName))
_RESULT = ox.NamedNode(str(KG.ReportedResult))


@dataclass
class Plan:
    """What an ingest would change, which articles are new and which were there already."""

    change: Change
    new: list[Article] = field(default_factory=list)
    present: list[Article] = field(default_factory=list)


def plan_ingest(store, articles: list[Article], *, base: str) -> Plan:
    """The change that adds ``articles`` (those not yet published) to ``store``."""
    from kg.extract import extract_corpus  # heavy: language tables and matchers

    published_keys = article_keys(store, base)
    new = [a for a in {a.key: a for a in articles}.values() if a.key not in published_keys]
    present = [a for a in articles if a.key in published_keys]
    if not new:
        return Plan(Change(), [], present)
    known = read_entities(store, base)
    corpus = extract_corpus(new, known=known)
    minter = Minter(base)
    mapper = Mapper(minter, version=__version__, run=minter.run(__version__, [a.key for a in new]))
    adds: set[ox.Quad] = set()
    for extraction in corpus.extractions:
        adds.update(mapper.article_quads(extraction))
    entities = {**publisher_entities(corpus), **corpus.entities}
    adds.update(entity_additions(mapper.entity_quads(entities.values()), known, base))
    added = [(e.article.key, r) for e in corpus.extractions for r in e.results]
    subjects = subjects_of(added)
    published, result_nodes = read_subject_results(store, subjects, base)
    change = Change(adds) + subject_findings_change(
        store, subjects, published + added, published_keys | {a.key for a in new}, base, result_nodes=result_nodes)
    return Plan(change, new, present)


def entity_additions(quads, known: dict, base: str):
    """Entity quads to add: all of a new entity's; for a published one only new spellings.

    A published entity keeps its preferred names; a spelling it lacks becomes an alternate name.
    """
    for quad in quads:
        entity = known.get(key_of(quad.subject.value, base) or "")
        if entity is None:
            yield quad
        elif quad.predicate in (_NAME, _ALIAS) and (quad.object.language, quad.object.value) not in entity.aliases:
            yield ox.Quad(quad.subject, _ALIAS, quad.object, quad.graph_name)


def plan_withdraw(store, article_iri: str, *, base: str) -> Change:
    """The change that removes an article's graphs and what only they supported."""
    minter = Minter(base)
    key = article_iri.rstrip("/").rsplit("/", 1)[-1]
    published_keys = article_keys(store, base)  # every graph's name: read once
    if article_iri != minter.article(key).value or key not in published_keys:
        raise LookupError(f"{article_iri}: not a published article of this store")
    gone = {minter.assertion_graph(key), minter.provenance_graph(key)}
    change = Change()
    for graph in gone:
        change = change + drop_graph(store, graph)
    change = change + orphaned_entities(store, change, base)
    keys = published_keys - {key}
    graph = minter.assertion_graph(key)
    own = [read_result(store, q.subject, base, minter) for q in store.match(None, _TYPE, _RESULT, graph)]
    subjects = subjects_of(r for r in own if r is not None)
    published, result_nodes = read_subject_results(store, subjects, base)
    results = [(k, r) for k, r in published if k != key]
    return change + subject_findings_change(store, subjects, results, keys, base, result_nodes=result_nodes)


def orphaned_entities(store, change: Change, base: str) -> Change:
    """Remove descriptions of entities that nothing refers to once ``change`` is applied."""
    minter = Minter(base)
    entities = minter.entities_graph
    removed = set(change.removes)
    candidates = {q.object for q in change.removes if isinstance(q.object, ox.NamedNode) and key_of(q.object.value, base)}
    orphans: set[ox.NamedNode] = set()
    while candidates:
        entity = candidates.pop()

        def still_referred(quad) -> bool:
            return quad not in removed and quad.subject not in orphans and quad.subject != entity

        if any(still_referred(q) for q in store.match(None, None, entity)):
            continue
        description = [q for q in store.match(entity, None, None, entities)]
        if not description:
            continue
        orphans.add(entity)
        removed.update(description)
        candidates.update(q.object for q in description if isinstance(q.object, ox.NamedNode) and key_of(q.object.value, base))
    return Change(set(), {q for q in removed - change.removes})


# -- the commands -----------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", nargs="+", type=Path, metavar="ARTICLE", help="article files (kg's format)")
    add_target_arguments(parser, through_server=True)


def add_target_arguments(parser: argparse.ArgumentParser, *, through_server: bool = False) -> None:
    where = parser.add_mutually_exclusive_group()
    where.add_argument("-d", "--dataset", type=Path, default=Path("build/dataset"),
                       help="dataset folder whose store to change (default: build/dataset)")
    where.add_argument("--store", metavar="URL", help="an external SPARQL 1.1 store instead (see kg publish)")
    if through_server:
        where.add_argument("--server", metavar="URL", help="a running kg serve with writes on (uses its /articles)")
        parser.add_argument("--token-file", type=Path, help="file holding the write token for --server "
                            "(default: $KG_WRITE_TOKEN)")
    else:
        parser.set_defaults(server=None, token_file=None)
    parser.add_argument("--base", help="base IRI for --store (default: the dataset's, else https://example.org/kg/)")


def open_target(args: argparse.Namespace):
    """The store to change, its folder (None when remote) and its base IRI."""
    from kg.dumps import read_summary
    from kg.namespaces import DEFAULT_BASE
    from kg.remote import open_location
    from kg.server.sources import STORE_DIR, prepare_dataset_folder

    if args.store:
        return open_location(args.store), None, args.base or DEFAULT_BASE
    prepare_dataset_folder(args.dataset)  # (re)loads the store when the build is newer
    folder = args.dataset / STORE_DIR
    try:
        store = open_location(folder, writable=True)
    except OSError as error:
        raise RuntimeError(f"{folder}: cannot open for writing ({error}); if a server with writes on holds it, "
                           "use --server URL") from None
    return store, folder, args.base or read_summary(args.dataset).get("base") or DEFAULT_BASE


def run(args: argparse.Namespace) -> int:
    from kg.articles import ArticleError, read_article
    from kg.writes import WriteRefused, apply_change

    try:
        articles = [read_article(p) for p in args.articles]
    except ArticleError as error:
        print(f"kg ingest: {error}", file=sys.stderr)
        return 2
    if args.server:
        return post_articles(args)
    try:
        store, folder, base = open_target(args)
        plan = plan_ingest(store, articles, base=base)
        outcome = apply_change(store, plan.change, folder=folder)
    except WriteRefused as refused:
        print(refused.report.to_text(), file=sys.stderr)
        print("kg ingest: refused; the store is unchanged", file=sys.stderr)
        return 1
    except (RuntimeError, ValueError, OSError) as error:
        print(f"kg ingest: {error}", file=sys.stderr)
        return 2
    for article in plan.present:
        print(f"already published {base}id/article/{article.key} ({article.path.name}): nothing changed")
    for article in plan.new:
        print(f"ingested {base}id/article/{article.key} ({article.path.name})")
    print(f"+{outcome.added} -{outcome.removed} quads")
    return 0


def read_token(args: argparse.Namespace) -> str:
    if args.token_file:
        return args.token_file.read_text().strip()
    return os.environ.get("KG_WRITE_TOKEN", "")


def post_articles(args: argparse.Namespace) -> int:
    """Send each article to a running server's POST /articles."""
    token, status = read_token(args), 0
    for path in args.articles:
        url = f"{args.server.rstrip('/')}/articles?file={urllib.parse.quote(path.name)}"
        request = urllib.request.Request(url, data=path.read_bytes(), method="POST", headers={
            "Content-Type": "text/plain; charset=utf-8", "Authorization": f"Bearer {token}", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=300) as response:
                print(f"{path.name}: {response.status} {response.read().decode()}")
        except urllib.error.HTTPError as error:
            print(f"{path.name}: {error.code} {error.read().decode(errors='replace')}", file=sys.stderr)
            status = 1
    return status


def add_withdraw_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE_IRI", help="the article's IRI ({base}id/article/{sha16})")
    add_target_arguments(parser)


def run_withdraw(args: argparse.Namespace) -> int:
    from kg.writes import WriteRefused, apply_change

    try:
        store, folder, base = open_target(args)
        outcome = apply_change(store, plan_withdraw(store, args.article, base=base), folder=folder)
    except WriteRefused as refused:
        print(refused.report.to_text(), file=sys.stderr)
        return 1
    except (LookupError, RuntimeError, ValueError, OSError) as error:
        print(f"kg withdraw: {error}", file=sys.stderr)
        return 2
    print(f"withdrew {args.article}: -{outcome.removed} quads (+{outcome.added})")
    return 0

