"""Every RDF prefix kg uses, bound once here.

``schema:`` is ``http://schema.org/``: the form Wikidata and ClaimsKG dumps use. rdflib binds
``https://schema.org/`` by default, so :func:`bind_prefixes` overrides it explicitly.
"""

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, VOID, XSD

KG = Namespace("https://example.org/kg/ontology#")
SCHEMA = Namespace("http://schema.org/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "kg": KG,
    "schema": SCHEMA,
    "prov": PROV,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "wd": WD,
    "void": VOID,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
}

DEFAULT_BASE = "https://example.org/kg/"


def bind_prefixes(graph: Graph) -> Graph:
    """Bind kg's prefixes on ``graph``, replacing rdflib's defaults, and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def sparql_prologue() -> str:
    """The PREFIX lines for every kg prefix, for queries written in code.

    >>> "PREFIX schema: <http://schema.org/>" in sparql_prologue()
    True
    """
    return "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
