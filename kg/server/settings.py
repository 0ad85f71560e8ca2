"""The server's settings as data: one table drives defaults, ``--setting`` parsing and the docs."""

from __future__ import annotations

from typing import NamedTuple


class Setting(NamedTuple):
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("query_time_limit_ms", 5000, "Time limit for a query in milliseconds; a request may lower it with timeout= (seconds)"),
    Setting("max_rows", 10000, "Most rows (or triples) a query returns; a cut is signalled in the KG-Truncated header and the body"),
    Setting("base_iri", "", "Base IRI of the served graph (empty: the dataset's build.json, else https://example.org/kg/)"),
    Setting("union_default_graph", True, "Queries see the union of all graphs as their default graph"),
    Setting("cors", True, "Allow cross-origin reads (Access-Control-Allow-Origin: *)"),
    Setting("workers", 0, "Query worker processes (0: one per CPU, at least 2)"),
    Setting("inline_ms", 5, "A query that a worker answered within this many ms is answered in the server process "
                            "from then on, while the data stay the same (0: every query in a worker)"),
    Setting("processes", 0, "Server processes sharing the port, each with its own query workers "
                            "(0: two per CPU, at most 4; always 1 when writes are on)"),
    Setting("max_upload_bytes", 10_000_000, "Largest body /validate, /update, /rdf-graphs and /articles accept (413 past it)"),
)
DEFAULTS: dict[str, object] = {s.name: s.default for s in SETTINGS}
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def parse_value(name: str, text: str) -> object:
    """A setting's value from text, typed like its default; ValueError names the setting.

    >>> parse_value("max_rows", "50")
    50
    >>> parse_value("union_default_graph", "false")
    False
    >>> parse_value("colour", "red")
    Traceback (most recent call last):
    ...
    ValueError: unknown setting 'colour' (known: query_time_limit_ms, max_rows, base_iri, union_default_graph, cors, workers, inline_ms, processes, max_upload_bytes)
    """
    if name not in DEFAULTS:
        raise ValueError(f"unknown setting {name!r} (known: {', '.join(DEFAULTS)})")
    default = DEFAULTS[name]
    if isinstance(default, bool):
        if text.lower() in TRUE + FALSE:
            return text.lower() in TRUE
        raise ValueError(f"setting {name}: expected true or false, got {text!r}")
    if isinstance(default, int):
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"setting {name}: expected an integer, got {text!r}") from None
    return text


def make_settings(pairs: list[tuple[str, str]] | None = None, **values: object) -> dict[str, object]:
    """The full settings: defaults, then ``NAME VALUE`` text pairs, then typed keyword values.

    >>> make_settings([("max_rows", "5")], cors=False)["max_rows"], make_settings(cors=False)["cors"]
    (5, False)
    """
    settings = dict(DEFAULTS)
    for name, text in pairs or []:
        settings[name] = parse_value(name, text)
    for name, value in values.items():
        if name not in DEFAULTS:
            raise ValueError(f"unknown setting {name!r}")
        settings[name] = value
    return settings
