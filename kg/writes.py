"""Writes to the published graph: each one checked against the shapes, then applied whole, or refused.

A write is first turned into a :class:`Change` (quads to add, quads to remove, net of what the
store already holds); :func:`apply_change` validates the graph the change would give (only
around what it touches: :mod:`kg.incremental`) and, when it conforms, applies it as ONE SPARQL
Update request, which the store runs as one transaction. That request also keeps the
materialised union (kg's default graph, see :meth:`kg.store.QuadStore.materialise_union`) true:
a triple enters it with the first graph that states it and leaves it with the last. A refused
write never reaches the store, so the store is byte for byte what it was.

Exceptions::

    WriteError     the request itself is wrong (a write to the default graph, LOAD, bad syntax): 400
    WriteRefused   the result would not conform; ``report`` says why: 422
"""

from __future__ import annotations

import os
import sys
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.incremental import published, validate_change
from kg.store import NOT_KEYWORDS, bump_generation

import re

_LOAD = re.compile(r"(?<![\w:?$])LOAD\b", re.IGNORECASE)
_DEFAULT = ox.DefaultGraph()

#: Set to ``before-commit:SECONDS`` or ``after-commit:SECONDS`` to pause a write there (the crash
#: tests kill the process during the pause); a line on stderr says when the pause starts.
PAUSE_VARIABLE = "KG_TEST_PAUSE_WRITE"


class WriteError(ValueError):
    """A write request that cannot be carried out as asked (the client's mistake)."""


class WriteRefused(Exception):
    """A write whose result would not conform to the shapes; ``report`` is the SHACL report."""

    def __init__(self, report) -> None:
        super().__init__(f"the write would break the shapes: {len(report.results)} violation(s)")
        self.report = report


@dataclass
class Change:
    """Quads to add and quads to remove, in named graphs only."""

    adds: set[ox.Quad] = field(default_factory=set)
    removes: set[ox.Quad] = field(default_factory=set)
    drops: set[ox.NamedNode] = field(default_factory=set)  # graphs that cease to exist

    def __bool__(self) -> bool:
        return bool(self.adds or self.removes or self.drops)

    def net(self, store) -> Change:
        """This change less what would change nothing: adds already there, removes not there."""
        adds = {q for q in self.adds if not _holds(store, q)}
        removes = {q for q in self.removes - self.adds if _holds(store, q)}
        drops = {g for g in self.drops if g.value in store.list_graphs()}
        return Change(adds, removes, drops)

    def __add__(self, other: Change) -> Change:
        return Change(self.adds - other.removes | other.adds, self.removes - other.adds | other.removes,
                      self.drops | other.drops)


def _holds(store, quad: ox.Quad) -> bool:
    return any(True for _ in store.match(quad.subject, quad.predicate, quad.object, quad.graph_name))


@dataclass(frozen=True)
class Outcome:
    """What an applied write did."""

    added: int
    removed: int
    report: object  # the (conforming) ValidationReport


# -- changes from requests --------------------------------------------------------------------


def in_graph(triples: Iterable[ox.Triple | ox.Quad], graph: ox.NamedNode) -> set[ox.Quad]:
    """``triples`` (or quads, whose graph is ignored) placed in ``graph``."""
    return {ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples}


def graph_quads(store, graph: ox.NamedNode) -> set[ox.Quad]:
    return set(published(store, None, None, None, graph))


def replace_graph(store, graph: ox.NamedNode, triples: Iterable) -> Change:
    """Graph Store PUT: ``graph`` holds exactly ``triples`` afterwards."""
    new = in_graph(triples, graph)
    old = graph_quads(store, graph)
    return Change(new - old, old - new)


def add_to_graph(store, graph: ox.NamedNode, triples: Iterable) -> Change:
    """Graph Store POST: ``triples`` are merged into ``graph``."""
    return Change(in_graph(triples, graph), set())


def drop_graph(store, graph: ox.NamedNode) -> Change:
    """Graph Store DELETE: ``graph`` goes, with every triple only it stated."""
    return Change(set(), graph_quads(store, graph), {graph})


def skolemise(quads: Iterable[ox.Quad], base: str) -> list[ox.Quad]:
    """Blank nodes replaced by fresh IRIs under ``{base}.well-known/genid/`` (RDF 1.1, 3.5).

    The published graph holds no blank nodes, so every triple can be named to delete it later.

    >>> q = ox.Quad(ox.BlankNode("x"), ox.NamedNode("http://p"), ox.BlankNode("x"), ox.NamedNode("http://g"))
    >>> [s] = skolemise([q], "https://example.org/kg/")
    >>> s.subject == s.object and s.subject.value.startswith("https://example.org/kg/.well-known/genid/")
    True
    """
    names: dict[ox.BlankNode, ox.NamedNode] = {}

    def name(term):
        if isinstance(term, ox.BlankNode):
            return names.setdefault(term, ox.NamedNode(f"{base}.well-known/genid/{uuid.uuid4().hex}"))
        return term

    return [ox.Quad(name(q.subject), q.predicate, name(q.object), q.graph_name) for q in quads]


def change_from_update(store, sparql: str, *, base: str, base_iri: str | None = None) -> Change:
    """What the SPARQL 1.1 Update ``sparql`` would change, found by running it on a copy.

    The copy holds the named graphs and, as its default graph, their union, as the store does.
    An update that changes that default graph itself is refused: here the default graph is
    the union of the named graphs, written through them. The copy costs a pass over the data.
    """
    if _LOAD.search(NOT_KEYWORDS.sub(" ", sparql)):
        raise WriteError("LOAD is not accepted: send the data itself (INSERT DATA, or PUT to /rdf-graphs)")
    scratch = ox.Store()
    before = set(published(store))
    scratch.extend(before)
    scratch.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    union_before = {q.triple for q in scratch.quads_for_pattern(None, None, None, _DEFAULT)}
    try:
        scratch.update(sparql, base_iri=base_iri)
    except SyntaxError as error:
        raise WriteError(f"SPARQL Update syntax error: {error}") from None
    union_after = {q.triple for q in scratch.quads_for_pattern(None, None, None, _DEFAULT)}
    if union_after != union_before:
        raise WriteError(
            "the update writes the default graph, which here is the union of the named graphs: "
            "write into a named graph (INSERT DATA { GRAPH <...> { ... } })"
        )
    after = {q for q in scratch.quads_for_pattern(None, None, None, None)
             if not isinstance(q.graph_name, ox.DefaultGraph)}
    return Change(set(skolemise(after - before, base)), before - after)


# -- applying a change ------------------------------------------------------------------------


def commit_request(change: Change) -> str:
    """The one SPARQL Update request that applies ``change`` and keeps the union default graph.

    >>> g, a, p = ox.NamedNode("http://g"), ox.NamedNode("http://a"), ox.NamedNode("http://p")
    >>> print(commit_request(Change({ox.Quad(a, p, ox.Literal("x"), g)}, set())))
    INSERT DATA {
    GRAPH <http://g> { <http://a> <http://p> "x" . }
    <http://a> <http://p> "x" .
    }
    """
    parts = []
    if change.removes:
        parts.append("DELETE DATA {\n" + _data_block(change.removes) + "\n}")
    parts.extend(f"DROP SILENT GRAPH {g}" for g in sorted(change.drops, key=str))
    if change.adds:
        union = "\n".join(f"{t} ." for t in sorted({str(q.triple) for q in change.adds}))
        parts.append("INSERT DATA {\n" + _data_block(change.adds) + "\n" + union + "\n}")
    if change.removes:
        rows = "\n".join(f"({t.subject} {t.predicate} {t.object})" for t in sorted({q.triple for q in change.removes}, key=str))
        parts.append(
            "DELETE { ?s ?p ?o } WHERE {\n  VALUES (?s ?p ?o) {\n" + rows + "\n  }\n"
            "  FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } }\n}"
        )
    return " ;\n".join(parts)


def _data_block(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.triple} .")
    return "\n".join(f"GRAPH {g} {{ {' '.join(sorted(lines))} }}" for g, lines in sorted(by_graph.items()))


def apply_change(store, change: Change, *, folder: str | Path | None = None) -> Outcome:
    """Validate ``change`` against ``store`` and apply it as one transaction, or raise WriteRefused.

    ``folder`` is the store's folder on disk (None for a remote store): it gets the new union
    size and a bumped generation, so that read-only openers know to open it again.
    """
    change = change.net(store)
    if any(isinstance(t, ox.BlankNode) for q in change.adds for t in (q.subject, q.object)):
        raise WriteError("blank nodes cannot be published: skolemise them first")
    report = validate_change(store, change.adds, change.removes)
    if not report.conforms:
        raise WriteRefused(report)
    if not change:
        return Outcome(0, 0, report)
    pause("before-commit")
    store.update(commit_request(change))
    pause("after-commit")
    if folder is not None:
        store.recount_union(folder)
        bump_generation(folder)
    return Outcome(len(change.adds), len(change.removes), report)


def pause(point: str) -> None:
    """Sleep at ``point`` when the crash tests ask for it (see PAUSE_VARIABLE)."""
    wanted = os.environ.get(PAUSE_VARIABLE, "")
    name, _, seconds = wanted.partition(":")
    if name == point:
        print(f"kg: pausing {point}", file=sys.stderr, flush=True)
        time.sleep(float(seconds or 60))
