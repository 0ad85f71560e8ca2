"""Query answers as bytes: SPARQL results in JSON, XML, CSV, TSV; graphs in every RDF syntax.

A pyoxigraph result is written by pyoxigraph's own serialisers (:func:`write_solutions`,
:func:`write_triples`): first in a line-per-answer syntax (TSV, N-Triples) where counting and
cutting at the row cap is a byte search, then, if another format was asked for, parsed and
written again, all in Rust. Rows from elsewhere (a remote store, the pages) go through the
Python writers below, each following its W3C recommendation (cited on the function).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.namespaces import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
TRUNCATED_NOTE = "kg: results truncated at max_rows={}"

GRAPH_SYNTAX = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
}
WITH_PREFIXES = {"turtle", "trig", "rdfxml"}
COMMENTS = {"turtle": "# {}\n", "ntriples": "# {}\n", "trig": "# {}\n", "nquads": "# {}\n"}


def take_rows(rows: Iterable, max_rows: int) -> tuple[list, bool]:
    """At most ``max_rows`` rows (0: no cap) and whether the cap cut the stream.

    >>> take_rows(iter(range(5)), 3)
    ([0, 1, 2], True)
    >>> take_rows(iter(range(3)), 3)
    ([0, 1, 2], False)
    >>> take_rows(iter(range(3)), 0)
    ([0, 1, 2], False)
    """
    if max_rows <= 0:
        return list(rows), False
    taken = list(islice(rows, max_rows + 1))
    return taken[:max_rows], len(taken) > max_rows


def json_term(term) -> dict:
    """A term as SPARQL 1.1 Query Results JSON (section 3.2.2).

    >>> json_term(ox.Literal("hei", language="nb"))
    {'type': 'literal', 'value': 'hei', 'xml:lang': 'nb'}
    >>> json_term(ox.Literal("1", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    {'type': 'literal', 'value': '1', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        parts = ("subject", "predicate", "object")
        return {"type": "triple", "value": {p: json_term(getattr(term, p)) for p in parts}}
    if term.language:
        return {"type": "literal", "value": term.value, "xml:lang": term.language}
    if term.datatype.value == XSD_STRING:
        return {"type": "literal", "value": term.value}
    return {"type": "literal", "value": term.value, "datatype": term.datatype.value}


def write_json(variables: list[str], rows: list[tuple], truncated: str | None) -> bytes:
    """SELECT results as SPARQL 1.1 Query Results JSON; a cut adds ``"truncated"`` at the top."""
    bindings = [{v: json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
    doc: dict = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    if truncated:
        doc["truncated"] = True
        doc["note"] = truncated
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def xml_term(term) -> str:
    """A term as SPARQL Query Results XML (section 2.3.1).

    >>> xml_term(ox.Literal("a<b", language="en"))
    '<literal xml:lang="en">a&lt;b</literal>'
    """
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Triple):
        inner = "".join(f"<{p}>{xml_term(getattr(term, p))}</{p}>" for p in ("subject", "predicate", "object"))
        return f"<triple>{inner}</triple>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype.value == XSD_STRING:
        return f"<literal>{escape(term.value)}</literal>"
    return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"


def write_xml(variables: list[str], rows: list[tuple], truncated: str | None) -> bytes:
    """SELECT results as SPARQL Query Results XML; a cut adds a ``<link>`` and a comment to the head."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n<head>']
    out += [f"<variable name={quoteattr(v)}/>" for v in variables]
    if truncated:
        out.append(f'<link href="#truncated"/><!-- {truncated} -->')
    out.append("</head>\n<results>")
    for row in rows:
        cells = "".join(
            f"<binding name={quoteattr(v)}>{xml_term(t)}</binding>" for v, t in zip(variables, row) if t is not None
        )
        out.append(f"<result>{cells}</result>")
    out.append("</results>\n</sparql>\n")
    return "\n".join(out).encode()


def csv_field(term) -> str:
    """A term as a CSV field (SPARQL 1.1 Query Results CSV, section 2): plain values, quoted as RFC 4180.

    >>> csv_field(ox.Literal('say "hi", twice'))
    '"say ""hi"", twice"'
    >>> csv_field(ox.BlankNode("b0"))
    '_:b0'
    >>> csv_field(None)
    ''
    """
    if term is None:
        return ""
    value = "_:" + term.value if isinstance(term, ox.BlankNode) else str(term) if isinstance(term, ox.Triple) else term.value
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def write_csv(variables: list[str], rows: list[tuple], truncated: str | None) -> bytes:
    """SELECT results as CSV, lines ended by CRLF (the cap shows only in the header of the response)."""
    lines = [",".join(csv_field(v) for v in map(ox.Literal, variables))]
    lines += [",".join(csv_field(t) for t in row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def write_tsv(variables: list[str], rows: list[tuple], truncated: str | None) -> bytes:
    """SELECT results as TSV (section 3): ``?var`` headers, terms in SPARQL syntax, LF line ends."""
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


SOLUTION_WRITERS = {"json": write_json, "xml": write_xml, "csv": write_csv, "tsv": write_tsv}
BOOLEAN_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}


def serialize_solutions(variables: list[str], rows: Iterator[tuple], fmt: str, max_rows: int) -> tuple[bytes, int, bool]:
    """SELECT results in ``fmt`` with the cap applied: the body, the row count and whether it cut."""
    taken, cut = take_rows(rows, max_rows)
    note = TRUNCATED_NOTE.format(max_rows) if cut else None
    return SOLUTION_WRITERS[fmt](variables, taken, note), len(taken), cut


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in ``fmt`` (JSON and XML per their specs; CSV and TSV as a bare ``true``/``false``).

    >>> serialize_boolean(True, "json")
    b'{"head":{},"boolean":true}'
    """
    store = ox.Store()
    return store.query("ASK {}" if value else "ASK { FILTER(false) }").serialize(format=BOOLEAN_FORMATS[fmt])


def used_prefixes(triples: list) -> dict[str, str]:
    """kg's prefixes that some IRI in ``triples`` starts with (so a small answer stays small).

    >>> used_prefixes([ox.Triple(ox.NamedNode("http://schema.org/x"), ox.NamedNode("http://schema.org/name"), ox.Literal("y"))])
    {'schema': 'http://schema.org/'}
    """
    iris = {t.value for triple in triples for t in triple if isinstance(t, ox.NamedNode)}
    return {p: str(ns) for p, ns in PREFIXES.items() if any(i.startswith(str(ns)) for i in iris)}


def serialize_triples(triples: Iterable, fmt: str, max_rows: int) -> tuple[bytes, int, bool]:
    """Triples (or quads) in the RDF syntax ``fmt`` with the cap applied: body, count, whether it cut."""
    taken, cut = take_rows(iter(triples), max_rows)
    prefixes = used_prefixes(taken) if fmt in WITH_PREFIXES else None
    body = ox.serialize(taken, format=GRAPH_SYNTAX[fmt], prefixes=prefixes) if taken else EMPTY_GRAPH.get(fmt, b"")
    return (mark_cut_graph(body, fmt, max_rows) if cut else body), len(taken), cut


#: What an empty graph is written as, where it is not an empty file.
EMPTY_GRAPH = {
    "jsonld": b"[]",
    "rdfxml": b'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
}


def mark_cut_graph(body: bytes, fmt: str, max_rows: int) -> bytes:
    """A graph document cut at the cap, with a comment saying so where the syntax has comments.

    >>> mark_cut_graph(b"<a> <b> <c> .\\n", "ntriples", 1)
    b'# kg: results truncated at max_rows=1\\n<a> <b> <c> .\\n'
    """
    if fmt in COMMENTS:
        return COMMENTS[fmt].format(TRUNCATED_NOTE.format(max_rows)).encode() + body
    return body

SOLUTION_SYNTAX = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}


def cut_lines(body: bytes, keep: int, max_rows: int) -> tuple[bytes, int, bool]:
    """The first ``keep`` lines of ``body`` and then at most ``max_rows`` (0: all): body, rows, whether cut.

    >>> cut_lines(b"?x\\n1\\n2\\n3\\n", 1, 2)
    (b'?x\\n1\\n2\\n', 2, True)
    >>> cut_lines(b"?x\\n1\\n", 1, 2)
    (b'?x\\n1\\n', 1, False)
    """
    rows = body.count(b"\n") - keep
    if max_rows <= 0 or rows <= max_rows:
        return body, rows, False
    end = -1
    for _ in range(keep + max_rows):
        end = body.index(b"\n", end + 1)
    return body[: end + 1], max_rows, True


def mark_truncated(body: bytes, fmt: str, note: str) -> bytes:
    """A results document that says it was cut: JSON gets ``"truncated"`` and ``"note"``, XML a link and a comment.

    >>> mark_truncated(b'{"head":{"vars":[]},"results":{"bindings":[]}}', "json", "cut")
    b'{"head":{"vars":[]},"results":{"bindings":[]},"truncated":true,"note":"cut"}'
    >>> mark_truncated(b'<sparql><head><variable name="x"/></head></sparql>', "xml", "cut")
    b'<sparql><head><variable name="x"/><link href="#truncated"/><!-- cut --></head></sparql>'
    """
    if fmt == "json":
        return body[: body.rindex(b"}")] + b',"truncated":true,"note":' + json.dumps(note).encode() + b"}"
    if fmt == "xml":
        return body.replace(b"</head>", f'<link href="#truncated"/><!-- {note} --></head>'.encode(), 1)
    return body


def write_solutions(solutions: ox.QuerySolutions, fmt: str, max_rows: int) -> tuple[bytes, int, bool]:
    """A pyoxigraph SELECT result in ``fmt`` with the cap applied: the body, the row count and whether it cut."""
    # TSV writes one solution per line (terms escape their line breaks), after a header line.
    tsv, count, cut = cut_lines(solutions.serialize(format=ox.QueryResultsFormat.TSV), 1, max_rows)
    if fmt == "tsv":
        return tsv, count, cut
    body = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV).serialize(format=SOLUTION_SYNTAX[fmt])
    return (mark_truncated(body, fmt, TRUNCATED_NOTE.format(max_rows)) if cut else body), count, cut


def prefixes_in(ntriples: bytes) -> dict[str, str]:
    """kg's prefixes that some IRI in an N-Triples document starts with.

    >>> prefixes_in(b'<http://schema.org/x> <http://schema.org/name> "y" .\\n')
    {'schema': 'http://schema.org/'}
    """
    return {p: str(ns) for p, ns in PREFIXES.items() if b"<" + str(ns).encode() in ntriples}


def write_triples(triples: ox.QueryTriples, fmt: str, max_rows: int) -> tuple[bytes, int, bool]:
    """A pyoxigraph CONSTRUCT or DESCRIBE result in the RDF syntax ``fmt`` with the cap applied."""
    # N-Triples writes one triple per line and nothing else.
    ntriples, count, cut = cut_lines(triples.serialize(format=ox.RdfFormat.N_TRIPLES), 0, max_rows)
    if not count:
        body = EMPTY_GRAPH.get(fmt, b"")
    elif fmt == "ntriples":
        body = ntriples
    else:
        prefixes = prefixes_in(ntriples) if fmt in WITH_PREFIXES else None
        parsed = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
        body = ox.serialize(parsed, format=GRAPH_SYNTAX[fmt], prefixes=prefixes)
    return (mark_cut_graph(body, fmt, max_rows) if cut else body), count, cut
