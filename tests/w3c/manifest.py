"""Read the W3C SPARQL 1.1 manifests into plain records the harness runs.

The manifests name their files by relative IRIs. Each manifest is parsed with the IRI it has on
the W3C site (``http://www.w3.org/2009/sparql/docs/tests/data-sparql11/...``), so test IRIs, data
IRIs, graph names and query base IRIs are the ones the suite was written for; :func:`local_path`
maps such an IRI back to the file in the local copy.

Every test is read whatever its ``dawgt:approval`` (Approved, Proposed or none stated): the
approval is kept on the record and an unapproved test that fails goes into the expected-failure
list with its reason like any other. Withdrawn or rejected tests would be dropped, but the
SPARQL 1.1 query and protocol manifests have none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace, URIRef
from rdflib.collection import Collection

SUITE_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "w3c-rdf-tests" / "sparql" / "sparql11"
SUITE_IRI = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/"
QUERY_MANIFEST = "manifest-sparql11-query.ttl"
PROTOCOL_MANIFEST = "protocol/manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
QT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-query#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
DAWGT = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")

# The kinds of query test the harness runs, by manifest class.
QUERY_TEST_KINDS = {
    MF.QueryEvaluationTest: "evaluation",
    MF.PositiveSyntaxTest11: "positive-syntax",
    MF.NegativeSyntaxTest11: "negative-syntax",
}
DROPPED_APPROVALS = {DAWGT.Withdrawn, DAWGT.Rejected}


@dataclass(frozen=True)
class DataSet:
    """The RDF data set a test runs on: files for the default graph and named graph files."""

    default: tuple[str, ...] = ()
    named: tuple[tuple[str, str], ...] = ()  # (graph name, file IRI)

    def slug(self) -> str:
        """A short file-name-safe label of this data set.

        >>> DataSet((SUITE_IRI + "bind/data.ttl",), ((SUITE_IRI + "g", SUITE_IRI + "bind/g.ttl"),)).slug()
        'bind-data.ttl+bind-g.ttl'
        >>> DataSet().slug()
        'empty'
        """
        files = [*self.default, *(file for _, file in self.named)]
        return "+".join(f.removeprefix(SUITE_IRI).replace("/", "-") for f in files) or "empty"


@dataclass(frozen=True)
class QueryTest:
    """One test of the query manifests: a query, the data it runs on and what it must give."""

    iri: str
    name: str
    manifest: str  # the sub-manifest's folder, e.g. "aggregates"
    kind: str  # a value of QUERY_TEST_KINDS
    approval: str | None
    query: str  # IRI of the query file
    data: DataSet = field(default_factory=DataSet)
    result: str | None = None  # IRI of the expected result file (evaluation tests)
    lax_cardinality: bool = False

    @property
    def id(self) -> str:
        """The test's short id, ``folder#fragment``, used as pytest id and in reports."""
        return short_id(self.iri)


@dataclass(frozen=True)
class Exchange:
    """One HTTP request of a protocol test and the response it must get."""

    method: str
    path: str  # absolute path with query string, starting with /sparql/
    headers: tuple[tuple[str, str], ...]
    body: bytes | None
    expected_status: tuple[str, ...]  # status classes such as "2xx"
    expected_format: str | None  # "boolean", "tabular" or "RDF"
    expected_boolean: bool | None


@dataclass(frozen=True)
class ProtocolTest:
    """One test of the protocol manifest: HTTP requests run in order on a data set."""

    iri: str
    name: str
    approval: str | None
    exchanges: tuple[Exchange, ...]
    data: DataSet

    @property
    def id(self) -> str:
        """The test's short id, ``protocol#fragment``."""
        return short_id(self.iri)


def short_id(iri: str) -> str:
    """The ``folder#fragment`` form of a W3C test IRI.

    >>> short_id(SUITE_IRI + "aggregates/manifest#agg01")
    'aggregates#agg01'
    """
    return iri.removeprefix(SUITE_IRI).replace("/manifest#", "#")


def local_path(iri: str, suite_dir: Path = SUITE_DIR) -> Path:
    """The local file of a suite IRI.

    >>> local_path(SUITE_IRI + "bind/data.ttl", Path("/suite"))
    PosixPath('/suite/bind/data.ttl')
    """
    if not iri.startswith(SUITE_IRI):
        raise ValueError(f"{iri} is not a file of the W3C SPARQL 1.1 suite (expected prefix {SUITE_IRI})")
    return suite_dir / iri.removeprefix(SUITE_IRI)


def parse_manifest(iri: str, suite_dir: Path = SUITE_DIR) -> Graph:
    """The manifest at ``iri`` parsed with that IRI as its base."""
    graph = Graph()
    graph.parse(local_path(iri, suite_dir), format="turtle", publicID=iri)
    return graph


def manifest_entries(graph: Graph) -> list[URIRef]:
    """The test IRIs a manifest graph lists in its ``mf:entries``, in order."""
    manifest = graph.value(None, RDF.type, MF.Manifest, any=True)
    entries = graph.value(manifest, MF.entries)
    return [] if entries is None else list(Collection(graph, entries))


def approval_of(graph: Graph, test: URIRef) -> str | None:
    """The local name of a test's dawgt:approval (``Approved``, ``Proposed``) or None."""
    approval = graph.value(test, DAWGT.approval)
    return None if approval is None else str(approval).removeprefix(str(DAWGT))


def read_query_tests(suite_dir: Path = SUITE_DIR) -> list[QueryTest]:
    """Every runnable test of manifest-sparql11-query.ttl and the manifests it includes."""
    root = parse_manifest(SUITE_IRI + QUERY_MANIFEST, suite_dir)
    tests = []
    for include in root.objects(None, MF.include):
        for sub in Collection(root, include):
            tests.extend(read_sub_manifest(str(sub), suite_dir))
    return tests


def read_sub_manifest(iri: str, suite_dir: Path = SUITE_DIR) -> list[QueryTest]:
    """The runnable query tests of one sub-manifest such as ``aggregates/manifest.ttl``."""
    graph = parse_manifest(iri, suite_dir)
    folder = iri.removeprefix(SUITE_IRI).rsplit("/", 1)[0]
    tests = []
    for test in manifest_entries(graph):
        kind = QUERY_TEST_KINDS.get(graph.value(test, RDF.type))
        if kind is None or graph.value(test, DAWGT.approval) in DROPPED_APPROVALS:
            continue
        action = graph.value(test, MF.action)
        common = dict(iri=str(test), name=str(graph.value(test, MF.name)), manifest=folder, kind=kind,
                      approval=approval_of(graph, test))
        if kind != "evaluation":  # a syntax test's action is the query file itself
            tests.append(QueryTest(query=str(action), **common))
            continue
        data = DataSet(
            default=tuple(sorted(str(d) for d in graph.objects(action, QT.data))),
            named=tuple(sorted((str(g), str(g)) for g in graph.objects(action, QT.graphData))),
        )
        tests.append(QueryTest(
            query=str(graph.value(action, QT.query)), data=data, result=str(graph.value(test, MF.result)),
            lax_cardinality=graph.value(test, MF.resultCardinality) == MF.LaxCardinality, **common,
        ))
    return tests


def read_protocol_tests(suite_dir: Path = SUITE_DIR) -> list[ProtocolTest]:
    """Every test of protocol/manifest.ttl with its HTTP exchanges and graph data."""
    graph = parse_manifest(SUITE_IRI + PROTOCOL_MANIFEST, suite_dir)
    tests = []
    for test in manifest_entries(graph):
        # ut:graphData names a file (ut:graph) and the graph name it is loaded under (rdfs:label).
        named = sorted((str(graph.value(g, RDFS.label)), str(graph.value(g, UT.graph)))
                       for g in graph.objects(test, UT.graphData))
        requests = graph.value(graph.value(test, MF.action), HT.requests)
        exchanges = tuple(read_exchange(graph, r) for r in Collection(graph, requests))
        tests.append(ProtocolTest(iri=str(test), name=str(graph.value(test, MF.name)),
                                  approval=approval_of(graph, test), exchanges=exchanges,
                                  data=DataSet(named=tuple(named))))
    return tests


def read_exchange(graph: Graph, request: URIRef) -> Exchange:
    """One ht:Request of a protocol test, with its body encoded as cnt:characterEncoding says."""
    headers = graph.value(request, HT.headers)
    body = graph.value(request, HT.body)
    response = graph.value(request, HT.resp)
    boolean = graph.value(response, MF.expectedBoolean)
    expected_format = graph.value(response, MF.expectedFormat)
    return Exchange(
        method=str(graph.value(request, HT.methodName)),
        path=str(graph.value(request, HT.absolutePath)),
        headers=tuple((str(graph.value(h, HT.fieldName)), str(graph.value(h, HT.fieldValue)))
                      for h in ([] if headers is None else Collection(graph, headers))),
        body=None if body is None else str(graph.value(body, CNT.chars)).encode(
            str(graph.value(body, CNT.characterEncoding) or "UTF-8")),
        expected_status=tuple(sorted(str(s).rsplit("StatusCode", 1)[-1]
                                     for s in graph.objects(response, MF.expectedStatus))),
        expected_format=None if expected_format is None else str(expected_format),
        expected_boolean=None if boolean is None else bool(boolean.toPython()),
    )
