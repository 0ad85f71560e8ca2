"""Shaping query rows for the pages: labels per language, statements with their evidence.

Pure functions over rows in SPARQL JSON form (``{var: {"type": ..., "value": ...}}``).
"""

from __future__ import annotations

import re

import pyoxigraph as ox

LABEL_PREDICATES = {
    "http://schema.org/name": "name",
    "http://schema.org/alternateName": "alternate name",
    "http://www.w3.org/2000/01/rdf-schema#label": "label",
}
SENTENCE_END = re.compile(r"[.!?]\s+|\n")


def local_path(iri: str, base: str) -> str:
    """The path on this server where ``iri`` dereferences, or the IRI itself when it is elsewhere.

    >>> local_path("https://example.org/kg/id/person/x", "https://example.org/kg/")
    '/id/person/x'
    >>> local_path("http://www.wikidata.org/entity/Q1", "https://example.org/kg/")
    'http://www.wikidata.org/entity/Q1'
    """
    return "/" + iri[len(base):] if iri.startswith(base) else iri


def labels_by_language(outgoing: list[dict]) -> list[tuple[str, str, str]]:
    """The entity's labels as (language, kind, text), sorted by language.

    >>> rows = [{"p": {"value": "http://schema.org/name"}, "o": {"type": "literal", "value": "Oslo", "xml:lang": "nb"}}]
    >>> labels_by_language(rows)
    [('nb', 'name', 'Oslo')]
    """
    labels = {
        (row["o"].get("xml:lang", ""), LABEL_PREDICATES[row["p"]["value"]], row["o"]["value"])
        for row in outgoing
        if row["p"]["value"] in LABEL_PREDICATES and row["o"]["type"] == "literal"
    }
    return sorted(labels)


def sentence_around(text: str, begin: int, end: int) -> tuple[str, str, str]:
    """The sentence holding ``text[begin:end]``, split as (before, span, after).

    >>> sentence_around("One. Two is here. Three.", 5, 8)
    ('', 'Two', ' is here.')
    """
    starts = [m.end() for m in SENTENCE_END.finditer(text, 0, begin)]
    start = starts[-1] if starts else 0
    following = SENTENCE_END.search(text, end)
    stop = following.start() + 1 if following else len(text)
    return text[start:begin], text[begin:end], text[end:stop].rstrip()


def values_block(variable: str, iris: list[str]) -> str:
    """A SPARQL ``VALUES`` block giving ``variable`` each of ``iris`` once, in order (terms written by pyoxigraph).

    >>> values_block("s", ["http://x/a", "http://x/b", "http://x/a"])
    'VALUES ?s { <http://x/a> <http://x/b> }'
    """
    terms = " ".join(str(ox.NamedNode(iri)) for iri in dict.fromkeys(iris))
    return f"VALUES ?{variable} {{ {terms} }}"


def join_evidence(evidence: list[dict], summaries: list[dict], strings: list[dict]) -> list[dict]:
    """Evidence rows with their statement's text, share and role and their article's text (``string``).

    >>> ev = [{"statement": {"value": "s"}, "context": {"value": "c"}, "b": {"value": "0"}}]
    >>> join_evidence(ev, [{"statement": {"value": "s"}, "text": {"value": "hi"}}], [{"context": {"value": "c"}, "string": {"value": "hi there"}}])
    [{'statement': {'value': 's'}, 'context': {'value': 'c'}, 'b': {'value': '0'}, 'text': {'value': 'hi'}, 'string': {'value': 'hi there'}}]
    """
    said = {row["statement"]["value"]: {k: v for k, v in row.items() if k != "statement"} for row in summaries}
    texts = {row["context"]["value"]: row["string"] for row in strings}
    return [{**row, **said.get(row["statement"]["value"], {}), "string": texts[row["context"]["value"]]}
            for row in evidence if row["context"]["value"] in texts]


def group_statements(rows: list[dict]) -> list[dict]:
    """One entry per claim, result or role statement, with its evidence (one per article span).

    >>> row = {"statement": {"value": "s"}, "type": {"value": "http://schema.org/Claim"},
    ...        "text": {"value": "hello"}, "article": {"value": "a"}, "b": {"value": "0"},
    ...        "e": {"value": "5"}, "string": {"value": "hello world. Bye."}}
    >>> [(g["kind"], g["summary"], g["evidence"][0]["span"]) for g in group_statements([row])]
    [('Claim', 'hello', 'hello')]
    """
    grouped: dict[str, dict] = {}
    for row in rows:
        iri = row["statement"]["value"]
        kind = row["type"]["value"].rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        summary = next((row[k]["value"] for k in ("text", "share", "role") if k in row), "")
        entry = grouped.setdefault(iri, {"iri": iri, "kind": kind, "summary": summary, "evidence": [], "seen": set()})
        key = (row["article"]["value"], row["b"]["value"], row["e"]["value"])
        if key in entry["seen"]:
            continue
        entry["seen"].add(key)
        before, span, after = sentence_around(row["string"]["value"], int(row["b"]["value"]), int(row["e"]["value"]))
        entry["evidence"].append({
            "article": row["article"]["value"], "headline": row.get("headline", {}).get("value", row["article"]["value"]),
            "before": before, "span": span, "after": after,
        })
    return list(grouped.values())
