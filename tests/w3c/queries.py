"""What the harness needs to know about a test's query text, read with rdflib's SPARQL parser."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from rdflib import Variable
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue

# rdflib's SPARQL grammar is one shared pyparsing object that is not safe to run from two threads.
PARSER_LOCK = threading.Lock()


def parse_outer_query(text: str) -> CompValue:
    """The parse tree of the outer query (SelectQuery, AskQuery, ...) of ``text``."""
    with PARSER_LOCK:
        return parseQuery(text)[1]


def order_variables(text: str) -> tuple[str, ...]:
    """The variables the outer ORDER BY of a query mentions, in order of appearance.

    >>> order_variables("SELECT * { { SELECT ?c {} ORDER BY ?c } } ORDER BY DESC(?a) str(?b) ?a")
    ('a', 'b')
    >>> order_variables("SELECT * {}")
    ()
    """
    if not re.search(r"\bORDER\s+BY\b", text, re.IGNORECASE):
        return ()  # skip rdflib's slow parser when there is no ORDER BY at all
    query = parse_outer_query(text)
    found: list[str] = []
    # CompValue.get answers a missing key with the key's name, so test membership first.
    for var in variables_in(query["orderby"] if "orderby" in query else None):
        if str(var) not in found:
            found.append(str(var))
    return tuple(found)


def has_dataset_clause(text: str) -> bool:
    """Whether a query names its own data set (FROM or FROM NAMED); False if rdflib cannot parse it.

    >>> has_dataset_clause("SELECT * FROM <http://x/g> { ?s ?p ?o }"), has_dataset_clause("ASK {}")
    (True, False)
    """
    if not re.search(r"\bFROM\b", text, re.IGNORECASE):
        return False  # rdflib's parser is slow (tens of ms a query): skip it when it cannot matter
    try:
        return "datasetClause" in parse_outer_query(text)
    except Exception:  # noqa: BLE001 -- a query rdflib cannot parse (a negative syntax test)
        return False


def variables_in(node: object) -> Iterable[Variable]:
    """Every Variable inside a parse-tree node, depth first."""
    if isinstance(node, Variable):
        yield node
    elif isinstance(node, CompValue):
        for value in node.values():
            yield from variables_in(value)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from variables_in(value)
