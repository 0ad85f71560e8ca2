"""Content negotiation: which format to answer in, from ``Accept`` (with q-values) or ``output=``.

The formats are data: one table for query results (SELECT, ASK), one for RDF graphs
(CONSTRUCT, DESCRIBE, pages, the service description). Each format lists the media types it
answers to; the first is the one it is labelled with. Nothing here knows HTTP frameworks.
"""

from __future__ import annotations

from functools import lru_cache

from typing import NamedTuple


class Format(NamedTuple):
    name: str
    media_types: tuple[str, ...]
    aliases: tuple[str, ...]  # the short names ``output=``/``format=`` accepts
    extension: str

    @property
    def media_type(self) -> str:
        """The media type the body is labelled with (text types carry their charset)."""
        main = self.media_types[0]
        return f"{main}; charset=utf-8" if main.startswith("text/") else main


RESULT_FORMATS: tuple[Format, ...] = (
    Format("json", ("application/sparql-results+json", "application/json"), ("json", "srj"), "srj"),
    Format(
        "xml",
        ("application/sparql-results+xml", "application/xml", "text/xml"),
        ("xml", "srx"),
        "srx",
    ),
    Format("csv", ("text/csv",), ("csv",), "csv"),
    Format("tsv", ("text/tab-separated-values",), ("tsv",), "tsv"),
)

GRAPH_FORMATS: tuple[Format, ...] = (
    Format("turtle", ("text/turtle", "application/x-turtle"), ("turtle", "ttl"), "ttl"),
    Format("ntriples", ("application/n-triples", "text/plain"), ("ntriples", "nt", "n-triples"), "nt"),
    Format("jsonld", ("application/ld+json", "application/json"), ("jsonld", "json-ld", "json"), "jsonld"),
    Format("rdfxml", ("application/rdf+xml", "application/xml", "text/xml"), ("rdfxml", "rdf", "xml"), "rdf"),
    Format("trig", ("application/trig",), ("trig",), "trig"),
    Format("nquads", ("application/n-quads",), ("nquads", "nq", "n-quads"), "nq"),
)

HTML = Format("html", ("text/html", "application/xhtml+xml"), ("html",), "html")


class MediaRange(NamedTuple):
    type: str
    subtype: str
    q: float


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an ``Accept`` header with their q-values (malformed q counts as 0).

    >>> parse_accept("text/csv;q=0.5, application/json")
    [MediaRange(type='text', subtype='csv', q=0.5), MediaRange(type='application', subtype='json', q=1.0)]
    >>> parse_accept("")
    []
    """
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if "/" not in fields[0]:
            continue
        kind, _, subtype = fields[0].lower().partition("/")
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(kind, subtype, q))
    return ranges


def rate_media_type(media_type: str, ranges: list[MediaRange]) -> tuple[float, int]:
    """The q the client gives ``media_type`` and how specific the range was (2 exact .. 0 ``*/*``).

    The most specific matching range decides (RFC 9110 section 12.5.1).

    >>> rate_media_type("text/csv", parse_accept("text/*;q=0.3, text/csv;q=0.7"))
    (0.7, 2)
    >>> rate_media_type("text/csv", parse_accept("application/json"))
    (0.0, -1)
    """
    kind, _, subtype = media_type.partition("/")
    best = (0.0, -1)
    for r in ranges:
        if (r.type, r.subtype) == (kind, subtype):
            specificity = 2
        elif r.type == kind and r.subtype == "*":
            specificity = 1
        elif (r.type, r.subtype) == ("*", "*"):
            specificity = 0
        else:
            continue
        if specificity > best[1]:
            best = (r.q, specificity)
    return best


def choose_format(accept: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The offered format the client prefers; the first offered when it does not say; None: 406.

    Ties go to the range the client named exactly, then to the order of ``offered``.

    >>> choose_format(None, RESULT_FORMATS).name
    'json'
    >>> choose_format("text/csv;q=0.9, application/sparql-results+xml", RESULT_FORMATS).name
    'xml'
    >>> choose_format("application/xml, */*;q=0.1", GRAPH_FORMATS).name
    'rdfxml'
    >>> choose_format("image/png", RESULT_FORMATS) is None
    True
    """
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    best, best_key = None, (0.0, -1)
    for fmt in offered:
        key = max(rate_media_type(m, ranges) for m in fmt.media_types)
        if key[0] > 0 and key > best_key:
            best, best_key = fmt, key
    return best


def find_format(name: str, offered: tuple[Format, ...]) -> Format | None:
    """The offered format an ``output=``/``format=`` value names (a short name or a media type).

    >>> find_format("tsv", RESULT_FORMATS).name
    'tsv'
    >>> find_format("application/ld+json", GRAPH_FORMATS).name
    'jsonld'
    >>> find_format("csv", GRAPH_FORMATS) is None
    True
    """
    wanted = name.strip().lower()
    for fmt in offered:
        if wanted in fmt.aliases or wanted in fmt.media_types:
            return fmt
    return None


@lru_cache(maxsize=512)  # clients send the same few Accept headers; parsing one costs like a small query
def negotiate(accept: str | None, override: str | None, offered: tuple[Format, ...]) -> Format | None:
    """The format to answer in: the override when given, else from ``Accept``; None means 406."""
    if override:
        return find_format(override, offered)
    return choose_format(accept, offered)


def prefers_html(accept: str | None) -> bool:
    """Whether a client asks for HTML before any RDF or results format (a browser does).

    >>> prefers_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> prefers_html("text/turtle, text/html;q=0.5")
    False
    >>> prefers_html("*/*")
    False
    >>> prefers_html(None)
    False
    """
    ranges = parse_accept(accept)
    q_html, specificity = max(rate_media_type(m, ranges) for m in HTML.media_types)
    if specificity < 2 or q_html == 0:  # "*/*" alone (curl) is not a browser
        return False
    others = [rate_media_type(m, ranges)[0] for f in GRAPH_FORMATS + RESULT_FORMATS for m in f.media_types]
    return q_html >= max(others)
