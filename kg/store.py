"""The quad store behind the server: the only module that knows the storage backend.

The backend is pyoxigraph: an embedded, standards-complete SPARQL 1.1 engine kept on disk
(RocksDB) or in memory. Everything else in kg talks to :class:`QuadStore`, whose interface is
kept small so that a remote SPARQL 1.1 store can implement it too:

- :func:`open_store` / :func:`open_read_only` / :func:`memory_store` make one;
- :meth:`QuadStore.load` bulk-loads N-Quads, TriG, Turtle, ... bytes;
- :meth:`QuadStore.query` runs a query and returns a :class:`Solutions`, a ``bool`` or an
  iterator of triples; by default the default graph is the union of all graphs;
- :meth:`QuadStore.materialise_union` keeps that union as a real graph (see its docstring);
- :meth:`QuadStore.dump`, :meth:`QuadStore.count_quads`, :meth:`QuadStore.list_graphs`,
  :meth:`QuadStore.quads_for_subject` serve dumps, counts and pages.

Terms are pyoxigraph terms (``NamedNode``, ``BlankNode``, ``Literal``, ``Triple``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
import os
import re
from pathlib import Path

import pyoxigraph as ox

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
    ".n3": ox.RdfFormat.N3,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".jsonld": ox.RdfFormat.JSON_LD,
}


@dataclass
class Solutions:
    """The answer to a SELECT query: its variable names and a stream of rows (None = unbound).

    ``raw`` is pyoxigraph's own result when the store is local, for its serialisers (the rows
    and ``raw`` are one stream: read one or the other); a remote store's answer has none.
    """

    variables: list[str]
    rows: Iterator[tuple[object, ...]]
    raw: ox.QuerySolutions | None = None


def rdf_format_for(path: str | Path) -> ox.RdfFormat:
    """The RDF syntax of a file, from its extension.

    >>> rdf_format_for("data/x.trig").name
    'TriG'
    >>> rdf_format_for("x.csv")
    Traceback (most recent call last):
    ...
    ValueError: x.csv: not an RDF file (expected one of .nq, .nt, .trig, .ttl, .n3, .rdf, .owl, .xml, .jsonld)
    """
    try:
        return RDF_FORMATS[Path(path).suffix.lower()]
    except KeyError:
        known = ", ".join(RDF_FORMATS)
        raise ValueError(f"{path}: not an RDF file (expected one of {known})") from None


# What may hide the keyword FROM without being a dataset clause: comments, strings, IRIs.
NOT_KEYWORDS = re.compile(
    r'''#[^\n]*|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>'''
)
FROM_KEYWORD = re.compile(r"(?<![\w:?$])FROM\b", re.IGNORECASE)


@lru_cache(maxsize=1024)  # the same queries come again and again; the regex costs like a small query
def has_dataset_clause(sparql: str) -> bool:
    """Whether a query names its own dataset (FROM / FROM NAMED), which then wins over the union.

    >>> has_dataset_clause("SELECT * FROM <http://g> WHERE { ?s ?p ?o }")
    True
    >>> has_dataset_clause('SELECT * WHERE { ?s <http://x/from> "FROM" ; ex:from ?from } # from')
    False
    """
    return bool(FROM_KEYWORD.search(NOT_KEYWORDS.sub(" ", sparql)))


def to_graph_term(iri: str | None) -> ox.NamedNode | ox.DefaultGraph:
    """The pyoxigraph graph name for an IRI, or the default graph for None.

    >>> to_graph_term("http://example.org/g")
    <NamedNode value=http://example.org/g>
    >>> to_graph_term(None)
    <DefaultGraph>
    """
    return ox.DefaultGraph() if iri is None else ox.NamedNode(iri)


#: Present in a store folder whose default graph holds the union of its named graphs.
UNION_MARKER = "union-default-graph"
_DEFAULT = ox.DefaultGraph()


class QuadStore:
    """A SPARQL 1.1 dataset held by pyoxigraph (on disk or in memory)."""

    def __init__(self, store: ox.Store, *, union_size: int | None = None) -> None:
        self._store = store
        self.union_size = union_size  # triples in the materialised union, None when not kept

    @property
    def union_materialised(self) -> bool:
        return self.union_size is not None

    def materialise_union(self, folder: str | Path | None = None) -> None:
        """Copy every named graph's triples into the default graph, once each.

        SPARQL's default graph is an RDF graph, a set: a triple that several sources state (a
        claim carried by two articles) must count once. pyoxigraph's union-default-graph option
        yields it once per graph, so COUNT and aggregates would be wrong; keeping the merge as
        the real default graph gives set semantics and spares the union at query time. Only for
        datasets whose default graph is otherwise empty, as kg's are. ``folder`` (a store on
        disk) gets a marker so that read-only openers know.
        """
        # Streamed with bulk_extend rather than one SPARQL INSERT: an INSERT is a single
        # transaction holding every triple at once, which took 17 minutes at 10,000 articles.
        # A copy cut short leaves no marker and no load stamp, so it is redone from scratch.
        self._store.bulk_extend(
            ox.Quad(q.subject, q.predicate, q.object, _DEFAULT)
            for q in self._store.quads_for_pattern(None, None, None, None)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        )
        self._store.flush()
        self.union_size = sum(1 for _ in self._store.quads_for_pattern(None, None, None, _DEFAULT))
        if folder is not None:
            (Path(folder) / UNION_MARKER).write_text(f"{self.union_size}\n")

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update request as one transaction: all of it is applied, or none."""
        self._store.update(sparql)

    def recount_union(self, folder: str | Path | None = None) -> None:
        """Count the materialised union again after a write, and record it beside the store."""
        if not self.union_materialised:
            return
        self.union_size = sum(1 for _ in self._store.quads_for_pattern(None, None, None, _DEFAULT))
        if folder is not None:
            write_atomically(Path(folder) / UNION_MARKER, f"{self.union_size}\n")

    def _stored_quads(self, *pattern) -> Iterator[ox.Quad]:
        """Quads matching ``pattern`` in the named graphs (and the default graph, unless it is
        only the materialised union)."""
        quads = self._store.quads_for_pattern(*pattern)
        if self.union_materialised:
            return (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
        return quads

    def match(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None: any), the union's copy left out."""
        return self._stored_quads(subject, predicate, obj, graph)

    def match_union(self, subject=None, predicate=None, obj=None) -> Iterator[ox.Triple]:
        """The triples of the union of the graphs matching a pattern, each once (None: any).

        A triple several graphs state (a software agent described in every provenance graph)
        comes once: read from the materialised union when there is one.
        """
        if self.union_materialised:
            return (q.triple for q in self._store.quads_for_pattern(subject, predicate, obj, _DEFAULT))
        return iter(dict.fromkeys(q.triple for q in self._store.quads_for_pattern(subject, predicate, obj, None)))

    def load(self, data: bytes, rdf_format: ox.RdfFormat, *, graph: str | None = None) -> None:
        """Bulk-load ``data`` in ``rdf_format``; triples go to ``graph`` (None: the default graph)."""
        to_graph = None if graph is None else ox.NamedNode(graph)
        self._store.bulk_load(data, format=rdf_format, to_graph=to_graph)
        self._store.flush()

    def query(
        self,
        sparql: str,
        *,
        union_default_graph: bool = True,
        default_graphs: Iterable[str | None] = (),
        named_graphs: Iterable[str] = (),
        base_iri: str | None = None,
        bindings: dict[str, object] | None = None,
    ) -> Solutions | bool | Iterator[ox.Triple]:
        """Run a SPARQL query; raises SyntaxError (with the position) when it does not parse.

        ``default_graphs`` and ``named_graphs`` are the protocol's ``default-graph-uri`` and
        ``named-graph-uri``: when given they replace the dataset (SPARQL 1.1 Protocol 2.1.4),
        and the union default graph no longer applies. ``bindings`` gives variables their values
        as terms before evaluation (SEP-0007 substitution), so no value is pasted into the text;
        a bound variable must appear in the SELECT projection (or the CONSTRUCT template).
        """
        default_graphs, named_graphs = list(default_graphs), list(named_graphs)
        options: dict[str, object] = {"base_iri": base_iri}
        if bindings:
            options["substitutions"] = {ox.Variable(k): v for k, v in bindings.items()}
        if default_graphs or named_graphs:
            options["default_graph"] = [to_graph_term(g) for g in default_graphs]
            options["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        elif has_dataset_clause(sparql):
            pass  # a query's own FROM / FROM NAMED defines its dataset (SPARQL 1.1 Query, 13.2)
        elif self.union_materialised and not union_default_graph:
            options["default_graph"] = []  # the stored default graph is only the union's copy
        elif not self.union_materialised:
            options["use_default_graph_as_union"] = union_default_graph
        result = self._store.query(sparql, **options)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            return Solutions(names, (tuple(row[n] for n in names) for row in result), raw=result)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        return iter(result)

    def dump(self, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """Every quad (or, for a triple syntax, the union of all graphs' triples) as bytes."""
        if rdf_format.supports_datasets:
            return ox.serialize(self._stored_quads(None, None, None, None), format=rdf_format)
        if self.union_materialised:
            triples = (q.triple for q in self._store.quads_for_pattern(None, None, None, _DEFAULT))
        else:
            triples = (q.triple for q in self._store.quads_for_pattern(None, None, None, None))
        return ox.serialize(triples, format=rdf_format)

    def count_quads(self) -> int:
        """How many quads the store holds (the union's copy aside)."""
        return len(self._store) - (self.union_size or 0)

    def list_graphs(self) -> list[str]:
        """The IRIs of the named graphs, sorted (blank-node graph names are left out)."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads_for_subject(self, iri: str) -> list[ox.Quad]:
        """Every quad whose subject is ``iri``, in any graph."""
        return list(self._stored_quads(ox.NamedNode(iri), None, None, None))

    def quads_for_object(self, iri: str) -> list[ox.Quad]:
        """Every quad whose object is ``iri``, in any graph (the links into a page)."""
        return list(self._stored_quads(None, None, ox.NamedNode(iri), None))


def memory_store() -> QuadStore:
    """A new, empty store in memory (for tests and single files)."""
    return QuadStore(ox.Store())


def open_store(path: str | Path) -> QuadStore:
    """Open, or create, the read-write store on disk at ``path``."""
    Path(path).mkdir(parents=True, exist_ok=True)
    return QuadStore(ox.Store(str(path)), union_size=recorded_union_size(path))


def recorded_union_size(path: str | Path) -> int | None:
    """The size of the materialised union a store folder records, or None when it keeps none."""
    marker = Path(path) / UNION_MARKER
    return int(marker.read_text()) if marker.is_file() else None


#: A store folder's write counter: read-only openers see the store as it was when they opened,
#: so whoever holds one compares this file's content to know when to open the store again.
GENERATION_FILE = "generation"


def store_generation(path: str | Path) -> str:
    """The write counter of the store folder at ``path`` ("0" before any write)."""
    try:
        return (Path(path) / GENERATION_FILE).read_text().strip() or "0"
    except OSError:
        return "0"


def bump_generation(path: str | Path) -> str:
    """Record that the store at ``path`` changed; returns the new counter."""
    generation = str(int(store_generation(path)) + 1)
    write_atomically(Path(path) / GENERATION_FILE, generation + "\n")
    return generation


def write_atomically(path: Path, text: str) -> None:
    """Replace the small file ``path`` with ``text``, never leaving it half written."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    os.replace(partial, path)


def open_read_only(path: str | Path) -> QuadStore:
    """Open the store at ``path`` read-only; several processes may do so at once."""
    return QuadStore(ox.Store.read_only(str(path)), union_size=recorded_union_size(path))


def load_files(store: QuadStore, paths: Iterable[str | Path]) -> None:
    """Load RDF files into ``store``, each in the syntax its extension names."""
    for path in paths:
        store.load(Path(path).read_bytes(), rdf_format_for(path))
