"""An external SPARQL 1.1 triple store as kg's store, and ``kg publish`` to fill one.

:class:`RemoteStore` speaks only the standard protocols: SPARQL 1.1 Query (``query_url``),
Update (``update_url``) and the Graph Store HTTP Protocol (``graphs_url``), so it works with
any conforming server. :func:`endpoints_for` names the three for a server's base URL, by
default in Oxigraph's layout (``/query``, ``/update``, ``/store``); ``KG_STORE_QUERY``,
``KG_STORE_UPDATE`` and ``KG_STORE_GRAPHS`` override each (Fuseki, GraphDB and Virtuoso lay
them out differently: see the README), and ``KG_STORE_USER`` / ``KG_STORE_PASSWORD`` add HTTP
Basic authentication.

As in a local store, the default graph holds the union of the named graphs, each triple once:
``kg publish`` writes it (graph by graph, then the union), and every kg write keeps it true.
Parameters bound by substitution (SEP-0007, which the protocol lacks) are sent as a
``VALUES`` block opening the query's WHERE clause.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.store import NOT_KEYWORDS, Solutions

TIMEOUT_S = 120
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


class RemoteError(OSError):
    """The remote store refused a request or could not be reached; the message says which."""


@dataclass(frozen=True)
class Endpoints:
    query_url: str
    update_url: str
    graphs_url: str


def endpoints_for(url: str) -> Endpoints:
    """The three protocol endpoints of the store at ``url`` (Oxigraph's layout unless overridden).

    >>> endpoints_for("http://127.0.0.1:7878/")
    Endpoints(query_url='http://127.0.0.1:7878/query', update_url='http://127.0.0.1:7878/update', graphs_url='http://127.0.0.1:7878/store')
    """
    base = url.rstrip("/")
    return Endpoints(
        os.environ.get("KG_STORE_QUERY", base + "/query"),
        os.environ.get("KG_STORE_UPDATE", base + "/update"),
        os.environ.get("KG_STORE_GRAPHS", base + "/store"),
    )


def is_url(location: str | Path) -> bool:
    return str(location).startswith(("http://", "https://"))


def open_location(location: str | Path, *, writable: bool = False):
    """The store at ``location``: a remote store for a URL, else the folder (read-only unless
    ``writable``)."""
    from kg.store import open_read_only, open_store

    if is_url(location):
        return RemoteStore(endpoints_for(str(location)))
    if not writable:
        return open_read_only(location)
    store = open_store(location)
    store.recount_union(location)  # a write killed after its commit may have left the count behind
    return store


def with_values(sparql: str, bindings: dict[str, object]) -> str:
    """``sparql`` with a VALUES block binding ``bindings`` at the start of its WHERE clause.

    >>> with_values("SELECT ?e ?p WHERE { ?e ?p ?o }", {"e": ox.NamedNode("http://a")})
    'SELECT ?e ?p WHERE { VALUES (?e) { (<http://a>) } ?e ?p ?o }'
    """
    if not bindings:
        return sparql
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    masked = NOT_KEYWORDS.sub(lambda m: " " * len(m.group()), sparql)
    match = _WHERE.search(masked)
    at = match.end() if match else masked.index("{") + 1
    return sparql[:at] + block + sparql[at:]


class RemoteStore:
    """A SPARQL 1.1 store over HTTP, with the interface of :class:`kg.store.QuadStore`."""

    union_materialised = True

    def __init__(self, endpoints: Endpoints) -> None:
        self.endpoints = endpoints
        user, password = os.environ.get("KG_STORE_USER"), os.environ.get("KG_STORE_PASSWORD")
        self.auth = None
        if user:
            self.auth = "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode()

    def _send(self, url: str, *, data: bytes | None = None, method: str = "GET", headers: dict | None = None) -> bytes:
        request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
        if self.auth:
            request.add_header("Authorization", self.auth)
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode("utf-8", errors="replace")[:500]
            if error.code == 400 and "query" in url.rsplit("/", 1)[-1]:
                raise SyntaxError(detail) from None
            raise RemoteError(f"{method} {url}: {error.code} {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            raise RemoteError(f"{method} {url}: {error}") from None

    def query(self, sparql: str, *, union_default_graph: bool = True, default_graphs: Iterable[str | None] = (),
              named_graphs: Iterable[str] = (), base_iri: str | None = None, bindings: dict | None = None):
        """Run a query at the query endpoint: Solutions, a bool, or an iterator of triples."""
        if base_iri:
            sparql = f"BASE <{base_iri}>\n{sparql}"
        params = [("query", with_values(sparql, bindings or {}))]
        params += [("default-graph-uri", g) for g in default_graphs if g]
        params += [("named-graph-uri", g) for g in named_graphs]
        accept = "application/sparql-results+json, application/n-triples;q=0.9"
        body = self._send(self.endpoints.query_url, data=urllib.parse.urlencode(params).encode(), method="POST",
                          headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        if body.lstrip().startswith(b"{"):
            result = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            names = [v.value for v in result.variables]
            return Solutions(names, (tuple(row[n] for n in names) for row in result))
        return (q.triple for q in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))

    def update(self, sparql: str) -> None:
        """Send a SPARQL 1.1 Update request (a conforming store applies it atomically)."""
        self._send(self.endpoints.update_url, data=sparql.encode(), method="POST",
                   headers={"Content-Type": "application/sparql-update"})

    def match(self, subject=None, predicate=None, obj=None, graph=None) -> Iterator[ox.Quad]:
        """The named-graph quads matching a pattern."""
        terms = {"s": subject, "p": predicate, "o": obj, "g": graph}
        shown = {k: (str(v) if v is not None else f"?{k}") for k, v in terms.items()}
        free = [f"?{k}" for k, v in terms.items() if v is None]
        projection = " ".join(free) if free else "*"
        sparql = f"SELECT {projection} WHERE {{ GRAPH {shown['g']} {{ {shown['s']} {shown['p']} {shown['o']} }} }}"
        if not free:
            sparql = f"ASK {{ GRAPH {shown['g']} {{ {shown['s']} {shown['p']} {shown['o']} }} }}"
            return iter([ox.Quad(subject, predicate, obj, graph)] if self.query(sparql) else [])
        result = self.query(sparql)
        rows = (dict(zip(result.variables, row)) for row in result.rows)
        return (ox.Quad(*(row.get(k, terms[k]) for k in "spog")) for row in rows)

    def list_graphs(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row[0].value for row in result.rows if isinstance(row[0], ox.NamedNode))

    def count_quads(self) -> int:
        result = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(result.rows)[0].value)

    def dump(self, rdf_format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """Every named-graph quad, serialised (sorted N-Quads by default, so dumps compare)."""
        quads = sorted(self.match(), key=str)
        return ox.serialize(quads, format=rdf_format)

    def quads_for_subject(self, iri: str) -> list[ox.Quad]:
        return list(self.match(ox.NamedNode(iri)))

    def quads_for_object(self, iri: str) -> list[ox.Quad]:
        return list(self.match(None, None, ox.NamedNode(iri)))

    def recount_union(self, folder=None) -> None:
        """Nothing to record: a remote store has no folder beside it."""

    def put_graph(self, graph: str | None, triples: Iterable[ox.Triple]) -> None:
        """Replace one graph (None: the default graph) by Graph Store PUT."""
        where = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        self._send(f"{self.endpoints.graphs_url}?{where}", data=body, method="PUT",
                   headers={"Content-Type": "application/n-triples"})


def remote_dataset(url: str, *, base: str | None = None):
    """What ``kg serve --store URL`` serves: the remote store, checked to answer first."""
    from kg.namespaces import DEFAULT_BASE
    from kg.server.sources import ServedDataset

    RemoteStore(endpoints_for(url)).query("ASK { }")  # fail now, with the URL, if it does not answer
    return ServedDataset(store_path=url, base_iri=base or DEFAULT_BASE, title=f"kg: the store at {url}")


# -- kg publish -------------------------------------------------------------------------------


def publish_dataset(folder: Path, url: str, *, say=print) -> int:
    """Load a built dataset into the store at ``url``, graph by graph, then their union as the
    default graph; returns the number of graphs. Each PUT replaces that graph whole."""
    from kg.validate import DATASET_FILE

    dump = Path(folder) / DATASET_FILE
    if not dump.is_file():
        raise RemoteError(f"{folder}: not a built dataset folder (no {DATASET_FILE})")
    store = RemoteStore(endpoints_for(url))
    graphs: dict[str, list[ox.Triple]] = {}
    union: set[ox.Triple] = set()
    for quad in ox.parse(path=str(dump), format=ox.RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name.value, []).append(quad.triple)
        union.add(quad.triple)
    for name, triples in sorted(graphs.items()):
        store.put_graph(name, triples)
        say(f"  {len(triples):6d} triples  {name}")
    store.put_graph(None, sorted(union, key=str))
    say(f"  {len(union):6d} triples  (default graph: the union)")
    return len(graphs)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dataset", type=Path, metavar="DATASET", help="a dataset folder (kg build's output)")
    parser.add_argument("--to", required=True, metavar="URL",
                        help="the store's base URL (Oxigraph layout; KG_STORE_QUERY/UPDATE/GRAPHS override)")


def run(args: argparse.Namespace) -> int:
    try:
        count = publish_dataset(args.dataset, args.to)
    except RemoteError as error:
        print(f"kg publish: {error}", file=sys.stderr)
        return 1
    print(f"published {count} graphs to {args.to}")
    return 0
