"""The query texts the benchmark sends, the same to every server.

Two sets: the benchmark queries of the issue (one per kind of question, below) and the named
queries of ``sparql/``, whose parameters are bound in the text with a ``VALUES`` block so that
the peers (which know nothing of kg's named queries) run exactly what kg runs. Parameter values
(an entity, a speaker, a candidate, ...) are picked from the dataset itself, deterministically:
the most frequent of each, so that the queries return something at every size.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.queries import load_named_queries

SPARQL_DIR = Path(__file__).resolve().parents[1] / "sparql"
PREFIXES = """PREFIX schema: <http://schema.org/>
PREFIX kg: <https://example.org/kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


@dataclass(frozen=True)
class BenchQuery:
    """A query to time: its name, its kind (what the bars group by) and its text."""

    name: str
    kind: str  # lookup, join, aggregate, filter, describe, named
    text: str

    @property
    def is_graph(self) -> bool:
        """Whether the answer is RDF (DESCRIBE, CONSTRUCT) rather than solutions."""
        return bool(re.match(r"\s*(DESCRIBE|CONSTRUCT)\b", strip_prologue(self.text), re.IGNORECASE))


def strip_prologue(text: str) -> str:
    """The query without its comments and PREFIX / BASE lines.

    >>> strip_prologue("# c\\nPREFIX a: <x>\\nDESCRIBE <y>")
    'DESCRIBE <y>'
    """
    lines = [line for line in text.splitlines()
             if not re.match(r"\s*(#|PREFIX\b|BASE\b)", line, re.IGNORECASE) and line.strip()]
    return "\n".join(lines)


#: The benchmark queries: (name, kind, template); {placeholders} come from :func:`pick_parameters`.
BENCH_TEMPLATES: tuple[tuple[str, str, str], ...] = (
    ("entity_by_label", "lookup",
     "SELECT ?entity ?type WHERE {{ ?entity schema:name|schema:alternateName {label} ; a ?type }}"),
    ("claims_by_speaker", "join",
     "SELECT ?claim ?text ?article ?headline WHERE {{ ?claim a schema:Claim ; schema:author <{speaker}> ;\n"
     "  schema:text ?text ; schema:appearance ?article . OPTIONAL {{ ?article schema:headline ?headline }} }}\n"
     "ORDER BY ?claim ?article"),
    ("results_min_max", "aggregate",
     "SELECT ?candidate (MIN(?share) AS ?lowest) (MAX(?share) AS ?highest) (COUNT(DISTINCT ?article) AS ?sources)\n"
     "WHERE {{ ?result a kg:ReportedResult ; kg:candidate ?candidate ; kg:voteShare ?share ;\n"
     "  prov:wasDerivedFrom ?article }}\nGROUP BY ?candidate ORDER BY ?candidate"),
    ("disagreements", "aggregate",
     "SELECT ?finding ?verdict ?candidate (COUNT(?result) AS ?compared) WHERE {{ ?finding a kg:ResultComparison ;\n"
     "  kg:verdict ?verdict ; kg:candidate ?candidate ; kg:comparedFigure ?figure . ?result kg:reportsFigure ?figure }}\n"
     "GROUP BY ?finding ?verdict ?candidate ORDER BY ?finding"),
    ("mentioning_two", "join",
     "SELECT ?article ?headline WHERE {{ ?article a schema:NewsArticle ; schema:mentions <{entity}>, <{other}> .\n"
     "  OPTIONAL {{ ?article schema:headline ?headline }} }} ORDER BY ?article"),
    ("quote_text_filter", "filter",
     "SELECT ?claim ?text WHERE {{ ?claim a schema:Claim ; schema:text ?text .\n"
     "  FILTER(CONTAINS(LCASE(STR(?text)), \"{word}\")) }} ORDER BY ?claim ?text"),
    ("describe_entity", "describe", "DESCRIBE <{entity}>"),
    ("quads_per_graph", "aggregate",
     "SELECT ?graph (COUNT(*) AS ?quads) WHERE {{ GRAPH ?graph {{ ?s ?p ?o }} }} GROUP BY ?graph\n"
     "ORDER BY DESC(?quads) ?graph"),
)

#: Which picked value each named-query parameter takes.
NAMED_PARAMETERS = {"article": "article", "speaker": "speaker", "entity": "entity", "candidate": "candidate",
                    "fact": "fact"}

#: (parameter, query): the most frequent value first, ties broken by the value.
PICKS = {
    "entity": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?a schema:mentions ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "speaker": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?c a schema:Claim ; schema:author ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "candidate": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?r kg:candidate ?x } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "article": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x a schema:NewsArticle ; schema:mentions ?m } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
    "fact": "SELECT ?x (COUNT(*) AS ?n) WHERE { ?x a schema:Claim ; schema:appearance ?a } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1",
}


def load_store(dataset: Path) -> ox.Store:
    """The dataset's quads in an in-memory pyoxigraph store (for picking parameters)."""
    store = ox.Store()
    store.bulk_load(path=str(dataset / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def pick_parameters(dataset: Path) -> dict[str, str]:
    """The values the queries are bound to, chosen from ``dataset`` (see the module docstring)."""
    store = load_store(dataset)

    def first(sparql: str):
        rows = list(store.query(PREFIXES + sparql, use_default_graph_as_union=True))
        if not rows:
            raise ValueError(f"{dataset}: nothing to pick for the benchmark ({sparql})")
        return rows[0][0]

    picked = {name: first(sparql).value for name, sparql in PICKS.items()}
    entity = f"<{picked['entity']}>"
    picked["other"] = first(f"SELECT ?x (COUNT(*) AS ?n) WHERE {{ ?a schema:mentions {entity}, ?x FILTER(?x != {entity}) }} "
                            "GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1").value
    picked["label"] = str(first(f"SELECT ?x WHERE {{ {entity} schema:name ?x }} ORDER BY ?x LIMIT 1"))
    texts = [row[0].value for row in store.query(PREFIXES + "SELECT ?t WHERE { ?c a schema:Claim ; schema:text ?t }",
                                                 use_default_graph_as_union=True)]
    picked["word"] = pick_word(texts)
    return picked


def pick_word(texts: list[str]) -> str:
    """A word of six letters or more found in about a tenth of ``texts`` (a selective text filter).

    >>> pick_word(["the turnout was high", "turnout low", "a fraud claim", "fraud again", "x", "y", "z", "w", "v", "u"])
    'turnout'
    """
    counts = Counter(w for text in texts for w in set(re.findall(r"[a-zæøåéíóúñ]{6,}", text.lower())))
    if not counts:
        return "election"
    target = max(1, len(texts) // 10)
    return min(counts, key=lambda w: (abs(counts[w] - target), w))


def bench_queries(params: dict[str, str]) -> list[BenchQuery]:
    """The benchmark queries with ``params`` filled in."""
    return [BenchQuery(name, kind, PREFIXES + template.format(**params)) for name, kind, template in BENCH_TEMPLATES]


def bind_in_text(text: str, values: dict[str, str]) -> str:
    """``text`` with a VALUES block binding each IRI parameter, at the start of its WHERE group.

    >>> bind_in_text("SELECT * WHERE { ?s ?p ?o }", {"s": "http://x/a"})
    'SELECT * WHERE { VALUES (?s) { (<http://x/a>) }\\n ?s ?p ?o }'
    """
    if not values:
        return text
    match = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if not match:
        raise ValueError("a named query without WHERE { ... } cannot be bound")
    names = " ".join(f"?{name}" for name in values)
    terms = " ".join(f"<{value}>" for value in values.values())
    return f"{text[:match.end()]} VALUES ({names}) {{ ({terms}) }}\n{text[match.end():]}"


def named_queries(params: dict[str, str], folder: Path = SPARQL_DIR) -> list[BenchQuery]:
    """The named queries of ``folder``, each IRI parameter bound to the picked value."""
    queries = []
    for name, query in load_named_queries(folder).items():
        values = {p.name: params[NAMED_PARAMETERS[p.name]] for p in query.params
                  if p.type == "IRI" and p.name in NAMED_PARAMETERS}
        queries.append(BenchQuery(f"named:{name}", "named", bind_in_text(query.text, values)))
    return queries
