"""Compare an answer with the expected one as the W3C SPARQL test conventions say.

Solutions are compared as multisets (as sets for ``mf:LaxCardinality``); IRIs by identity,
literals by value within their datatype (:func:`terms.canonical_term`); blank nodes may have any
labels as long as one consistent one-to-one mapping of the expected blank nodes onto the
answer's makes the multisets equal. Graphs are compared by isomorphism.

One check goes beyond the suite's README, which counts solution order only for results written
with ``rs:index`` (none in SPARQL 1.1): when the query has ORDER BY, the answer must list the
values of the ordered, projected variables in the expected order (rows that tie on them may come
in any order). A correct engine passes it on every test here (Oxigraph does).
"""

from __future__ import annotations

from collections import Counter

from rdflib import BNode
from rdflib.compare import isomorphic
from rdflib.term import Node

from .results import Answer

Row = frozenset  # of (variable name, term) pairs
BLANK = BNode("_blank")  # stands for every blank node when rows are compared up to blank nodes


def to_row(solution: dict[str, Node]) -> Row:
    """A solution as a hashable row."""
    return frozenset(solution.items())


def blanked(row: Row) -> Row:
    """The row with every blank node replaced by one placeholder.

    >>> blanked(frozenset({("x", BNode("b1"))})) == frozenset({("x", BLANK)})
    True
    """
    return frozenset((var, BLANK if isinstance(term, BNode) else term) for var, term in row)


def extend_mapping(mapping: dict[BNode, BNode], expected: Row, actual: Row) -> dict[BNode, BNode] | None:
    """``mapping`` grown so that it maps ``expected`` onto ``actual``, or None if it cannot."""
    actual_terms = dict(actual)
    if actual_terms.keys() != {var for var, _ in expected}:
        return None
    grown = dict(mapping)
    taken = set(grown.values())
    for var, term in expected:
        other = actual_terms[var]
        if not isinstance(term, BNode):
            if term != other:
                return None
        elif term in grown:
            if grown[term] != other:
                return None
        elif not isinstance(other, BNode) or other in taken:
            return None
        else:
            grown[term] = other
            taken.add(other)
    return grown


def match_rows(expected: list[Row], actual: list[Row]) -> dict[BNode, BNode] | None:
    """A blank-node mapping under which the two row multisets are equal, or None."""
    if Counter(map(blanked, expected)) != Counter(map(blanked, actual)):
        return None
    plain_expected = Counter(r for r in expected if r == blanked(r))
    if plain_expected != Counter(r for r in actual if r == blanked(r)):
        return None
    left = [r for r in expected if r != blanked(r)]
    right = [r for r in actual if r != blanked(r)]

    def search(i: int, mapping: dict[BNode, BNode], used: frozenset[int]) -> dict[BNode, BNode] | None:
        if i == len(left):
            return mapping
        for j, candidate in enumerate(right):
            if j in used or blanked(candidate) != blanked(left[i]):
                continue
            grown = extend_mapping(mapping, left[i], candidate)
            if grown is not None:
                found = search(i + 1, grown, used | {j})
                if found is not None:
                    return found
        return None

    return search(0, {}, frozenset())


def compare_solutions(expected: Answer, actual: Answer, ordered: tuple[str, ...], lax: bool) -> str | None:
    """None if the solution sequences agree, else what differs."""
    if set(expected.variables) != set(actual.variables):
        return f"variables differ: expected {sorted(expected.variables)}, got {sorted(actual.variables)}"
    want = [to_row(s) for s in expected.solutions]
    got = [to_row(s) for s in actual.solutions]
    if lax:  # REDUCED may drop any duplicates: compare the distinct rows
        want, got = list(dict.fromkeys(want)), list(dict.fromkeys(got))
    mapping = match_rows(want, got)
    if mapping is None:
        return describe_difference(want, got)
    keys = [var for var in ordered if var in expected.variables]
    if keys:
        want_keys = [tuple(mapping.get(t, t) for t in (s.get(v) for v in keys)) for s in expected.solutions]
        got_keys = [tuple(s.get(v) for v in keys) for s in actual.solutions]
        if want_keys != got_keys:
            return f"order of {keys} differs: expected {want_keys}, got {got_keys}"
    return None


def describe_difference(want: list[Row], got: list[Row]) -> str:
    """A readable account of rows missing from and extra in an answer (blank nodes blanked)."""
    missing = Counter(map(blanked, want)) - Counter(map(blanked, got))
    extra = Counter(map(blanked, got)) - Counter(map(blanked, want))
    if not missing and not extra:
        return "no consistent blank-node mapping between expected and actual solutions"
    show = lambda rows: [dict(sorted((v, t.n3()) for v, t in row)) for row in rows.elements()]  # noqa: E731
    return f"{len(want)} solutions expected, {len(got)} given; missing {show(missing)}; unexpected {show(extra)}"


def compare_answers(expected: Answer, actual: Answer, ordered: tuple[str, ...] = (), lax: bool = False) -> str | None:
    """None if ``actual`` is the answer the test expects, else what differs."""
    if expected.kind != actual.kind:
        return f"expected a {expected.kind} answer, got a {actual.kind} answer"
    if expected.kind == "boolean":
        return None if expected.boolean == actual.boolean else f"expected {expected.boolean}, got {actual.boolean}"
    if expected.kind == "graph":
        if isomorphic(expected.graph, actual.graph):
            return None
        return (f"graphs not isomorphic: expected {len(expected.graph)} triples, got {len(actual.graph)}:\n"
                + actual.graph.serialize(format="nt"))
    return compare_solutions(expected, actual, ordered, lax)
