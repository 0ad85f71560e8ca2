"""What a worker process does: run one job against its read-only store and return bytes or rows.

Jobs run in worker processes (see :mod:`kg.server.workers`) because a query cannot be cancelled
in-process; results are serialised here, in the worker, so only bytes cross the pipe.

Parameters are bound by writing a ``VALUES`` block into the query text, each term written by
pyoxigraph (never the user's text pasted): pyoxigraph plans joins around a VALUES block, while
its substitution bindings are applied after planning and left queries 5-100 times slower.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.remote import with_values
from kg.server import negotiation, results
from kg.store import QuadStore, Solutions


@dataclass(frozen=True)
class QueryJob:
    """A SPARQL query with its dataset, how to answer it and the row cap."""

    sparql: str
    accept: str | None = None
    output: str | None = None  # the ``output=``/``format=`` override
    union_default_graph: bool = True
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    max_rows: int = 0
    bindings: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    base_iri: str | None = None  # what relative IRIs in the query resolve against


@dataclass(frozen=True)
class RowsJob:
    """A SELECT query whose rows come back as JSON-style term dicts (for pages)."""

    sparql: str
    bindings: dict[str, tuple[str, str, str | None]] = field(default_factory=dict)
    max_rows: int = 0


@dataclass(frozen=True)
class Answer:
    """A serialised answer: the format chosen (None: nothing acceptable, 406), body and row count."""

    format: negotiation.Format | None
    body: bytes = b""
    rows: int = 0
    truncated: bool = False
    form: str = "SELECT"


def make_term(kind: str, value: str, extra: str | None) -> ox.NamedNode | ox.Literal:
    """A pyoxigraph term from a typed parameter: ``("iri", v, None)``, ``("literal", v, datatype)``,
    or ``("lang", v, tag)``; pyoxigraph rejects an invalid IRI with ValueError.

    >>> make_term("iri", "https://example.org/kg/id/person/x", None)
    <NamedNode value=https://example.org/kg/id/person/x>
    >>> make_term("lang", "hei", "nb")
    <Literal value=hei language=nb>
    """
    if kind == "iri":
        return ox.NamedNode(value)
    if kind == "lang":
        return ox.Literal(value, language=extra)
    return ox.Literal(value, datatype=ox.NamedNode(extra) if extra else None)


def query_store(store: QuadStore, job: QueryJob | RowsJob, **options):
    """Run the job's query with its parameters bound in a VALUES block (terms written by pyoxigraph)."""
    bindings = {name: make_term(*typed) for name, typed in job.bindings.items()}
    return store.query(with_values(job.sparql, bindings), **options)


def pyoxigraph_result(result):
    """The pyoxigraph object behind ``result`` (rows or triples), or None (a remote store's answer)."""
    if isinstance(result, Solutions):
        return result.raw
    return result if isinstance(result, ox.QueryTriples) else None


def run_query(store: QuadStore, job: QueryJob) -> Answer:
    """Run ``job`` and serialise its answer in the negotiated format."""
    result = query_store(
        store,
        job,
        union_default_graph=job.union_default_graph,
        default_graphs=[None if g == "" else g for g in job.default_graphs],
        named_graphs=job.named_graphs,
        base_iri=job.base_iri,
    )
    raw = pyoxigraph_result(result)
    if isinstance(result, Solutions) or isinstance(result, bool):
        form = "SELECT" if isinstance(result, Solutions) else "ASK"
        fmt = negotiation.negotiate(job.accept, job.output, negotiation.RESULT_FORMATS)
        if fmt is None:
            return Answer(None, form=form)
        if isinstance(result, bool):
            return Answer(fmt, results.serialize_boolean(result, fmt.name), 1, False, form)
        if raw is not None:
            body, count, cut = results.write_solutions(raw, fmt.name, job.max_rows)
        else:
            body, count, cut = results.serialize_solutions(result.variables, result.rows, fmt.name, job.max_rows)
        return Answer(fmt, body, count, cut, form)
    fmt = negotiation.negotiate(job.accept, job.output, negotiation.GRAPH_FORMATS)
    if fmt is None:
        return Answer(None, form="CONSTRUCT")
    write = results.write_triples if raw is not None else results.serialize_triples
    body, count, cut = write(result, fmt.name, job.max_rows)
    return Answer(fmt, body, count, cut, "CONSTRUCT")


def run_rows(store: QuadStore, job: RowsJob) -> tuple[list[str], list[dict]]:
    """Run a SELECT and return its variables and rows, each row ``{var: json_term}``."""
    result = query_store(store, job)
    rows, _ = results.take_rows(result.rows, job.max_rows)
    return result.variables, [
        {v: results.json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in rows
    ]


JOBS = {QueryJob: run_query, RowsJob: run_rows}


def run_job(store: QuadStore, job) -> object:
    """Run any job on ``store``."""
    return JOBS[type(job)](store, job)
