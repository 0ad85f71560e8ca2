"""Named queries: the ``sparql/*.rq`` files, their headers, and their parameters bound as terms.

Each file opens with a header of comment lines::

    # title: Claims by a speaker
    # description: Every claim made by ?speaker, with the source article and the quoted text.
    # param: speaker (IRI)

A parameter is a variable of the query's top-level WHERE group. A value given for it is checked
against its type, made an RDF term, and bound by a ``VALUES`` block that pyoxigraph writes from
the term (see :mod:`kg.server.jobs`; the text given is never pasted into the query); a parameter
left empty stays unbound, so the query answers for every value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox

XSD = "http://www.w3.org/2001/XMLSchema#"
HEADER_LINE = re.compile(r"^#\s*(title|description|param):\s*(.*?)\s*$")
PARAM_SPEC = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\((\w+)\)$")


class NamedQueryError(ValueError):
    """A .rq file whose header is missing or malformed (the message names the file and line)."""


class ParameterError(ValueError):
    """A parameter value that does not fit its type (the message names the parameter)."""


def check_iri(value: str) -> tuple[str, str, str | None]:
    """An absolute IRI as a typed term; ValueError when it is not one."""
    if ":" not in value or any(c in value for c in ' <>"{}|\\^`'):
        raise ValueError("expected an absolute IRI")
    ox.NamedNode(value)
    return ("iri", value, None)


def check_integer(value: str) -> tuple[str, str, str | None]:
    return ("literal", str(int(value)), XSD + "integer")


def check_decimal(value: str) -> tuple[str, str, str | None]:
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError("expected a decimal number") from None
    if not number.is_finite():
        raise ValueError("expected a finite decimal number")
    return ("literal", str(number), XSD + "decimal")


def check_date(value: str) -> tuple[str, str, str | None]:
    return ("literal", date.fromisoformat(value).isoformat(), XSD + "date")


def check_string(value: str) -> tuple[str, str, str | None]:
    return ("literal", value, None)


PARAM_TYPES = {
    "IRI": check_iri,
    "string": check_string,
    "integer": check_integer,
    "decimal": check_decimal,
    "date": check_date,
}


@dataclass(frozen=True)
class Param:
    name: str
    type: str


@dataclass(frozen=True)
class NamedQuery:
    """A query from sparql/: its URL name, header and text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str


def parse_named_query(name: str, text: str, source: str = "<query>") -> NamedQuery:
    """A named query from the text of its .rq file.

    >>> q = parse_named_query("by_speaker", "# title: T\\n# description: D\\n# param: speaker (IRI)\\nSELECT * {}")
    >>> q.title, q.params
    ('T', (Param(name='speaker', type='IRI'),))
    """
    fields: dict[str, str] = {}
    params: list[Param] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.startswith("#"):
            break
        match = HEADER_LINE.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key != "param":
            fields[key] = value
            continue
        spec = PARAM_SPEC.match(value)
        if not spec or spec.group(2) not in PARAM_TYPES:
            raise NamedQueryError(
                f"{source}:{number}: bad param {value!r}: expected 'name (type)', type one of {', '.join(PARAM_TYPES)}"
            )
        params.append(Param(*spec.groups()))
    for key in ("title", "description"):
        if key not in fields:
            raise NamedQueryError(f"{source}: the header has no '# {key}:' line")
    return NamedQuery(name, fields["title"], fields["description"], tuple(params), text)


def load_named_queries(folder: Path) -> dict[str, NamedQuery]:
    """Every ``*.rq`` of ``folder`` by name (the file stem), sorted by name."""
    return {
        path.stem: parse_named_query(path.stem, path.read_text(encoding="utf-8"), str(path))
        for path in sorted(Path(folder).glob("*.rq"))
    }


def bind_parameters(query: NamedQuery, values: dict[str, str]) -> dict[str, tuple[str, str, str | None]]:
    """Typed terms for the parameters given a value; empty values stay unbound.

    >>> q = parse_named_query("q", "# title: T\\n# description: D\\n# param: n (integer)\\nSELECT * {}")
    >>> bind_parameters(q, {"n": "7"})
    {'n': ('literal', '7', 'http://www.w3.org/2001/XMLSchema#integer')}
    >>> bind_parameters(q, {"n": "seven"})
    Traceback (most recent call last):
    ...
    kg.queries.ParameterError: parameter n: 'seven' is not a valid integer
    """
    bound = {}
    for param in query.params:
        value = (values.get(param.name) or "").strip()
        if not value:
            continue
        try:
            bound[param.name] = PARAM_TYPES[param.type](value)
        except ValueError:
            raise ParameterError(f"parameter {param.name}: {value!r} is not a valid {param.type}") from None
    return bound
