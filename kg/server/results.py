"""Query answers as bytes: SPARQL results in JSON, XML, CSV, TSV; graphs in every RDF syntax.

SELECT rows are written here rather than by pyoxigraph because the row cap must cut the stream
and say so in the body. Each writer follows its W3C recommendation (cited on the function).
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
    body = ox.serialize(taken, format=GRAPH_SYNTAX[fmt], prefixes=prefixes) if taken else b""
    if cut and fmt in COMMENTS:
        body = COMMENTS[fmt].format(TRUNCATED_NOTE.format(max_rows)).encode() + body
    if not taken and fmt == "jsonld":
        body = b"[]"
    elif not taken and fmt == "rdfxml":
        body = b'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n'
    return body, len(taken), cut
