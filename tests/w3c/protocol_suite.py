"""Run the tests of the SPARQL 1.1 Protocol manifest that apply to a query endpoint.

The manifest writes each test as HTTP requests (``ht:Request``: method, path, headers, body)
and the response each must get (status class, result format, ASK answer), so one interpreter
runs them all: every request is sent as written, with the manifest's ``/sparql/`` path prefix
replaced by the target's endpoint path, and the response checked as the manifest says. Which
tests apply is the table below, keyed by test name; the update tests do not apply to a
read-only query endpoint, and a test the table does not know fails, so a new manifest entry
is never skipped silently.
"""

from __future__ import annotations

from pathlib import Path

import httpx

from .dataset import write_dataset
from .endpoint import Target, running_server
from .manifest import SUITE_DIR, DataSet, Exchange, ProtocolTest
from .results import read_response, media_type
from .terms import exact_literals
from .verdict import Outcome

UPDATE = ("SPARQL Update operation: the harness tests a read-only query endpoint (kg's), which offers "
          "no update operation")
# Test name (the IRI's fragment) -> None when the test applies to a query endpoint, else why not.
APPLICABILITY: dict[str, str | None] = {
    **dict.fromkeys([
        "query_post_form", "query_dataset_default_graphs_get", "query_dataset_default_graphs_post",
        "query_dataset_named_graphs_post", "query_dataset_named_graphs_get", "query_dataset_full",
        "query_multiple_dataset", "query_get", "query_content_type_select", "query_content_type_ask",
        "query_content_type_describe", "query_content_type_construct", "query_post_direct",
        "bad_query_method", "bad_multiple_queries", "bad_query_wrong_media_type",
        "bad_query_missing_form_type", "bad_query_missing_direct_type", "bad_query_non_utf8",
        "bad_query_syntax"]),
    **dict.fromkeys([
        "update_dataset_default_graph", "update_dataset_default_graphs", "update_dataset_named_graphs",
        "update_dataset_full", "update_post_form", "update_post_direct", "update_base_uri",
        "bad_update_get", "bad_multiple_updates", "bad_update_wrong_media_type",
        "bad_update_missing_form_type", "bad_update_non_utf8", "bad_update_syntax",
        "bad_update_dataset_conflict"], UPDATE),
}
# Media types each mf:expectedFormat allows (the manifest's test names list them).
FORMAT_MEDIA_TYPES = {
    "boolean": {"application/sparql-results+xml", "application/sparql-results+json"},
    "tabular": {"application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values"},
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples", "application/xhtml+xml", "text/html"},
}
MANIFEST_PATH_PREFIX = "/sparql/"
REQUEST_TIMEOUT_S = 30.0


def test_name(test: ProtocolTest) -> str:
    """The fragment of a protocol test's IRI, e.g. ``query_get``."""
    return test.iri.rsplit("#", 1)[-1]


def endpoint_path(manifest_path: str, path: str) -> str:
    """A manifest request path with ``/sparql/`` replaced by the endpoint's path.

    >>> endpoint_path("/sparql/?query=ASK%20%7B%7D", "/query")
    '/query?query=ASK%20%7B%7D'
    """
    if not manifest_path.startswith(MANIFEST_PATH_PREFIX):
        raise ValueError(f"request path {manifest_path!r} does not start with {MANIFEST_PATH_PREFIX}")
    rest = manifest_path.removeprefix(MANIFEST_PATH_PREFIX)
    return path + ("" if not rest or rest.startswith("?") else "/") + rest


def check_exchange(client: httpx.Client, origin: str, path: str, exchange: Exchange) -> str | None:
    """Send one request of a test; None if the response is what the manifest expects."""
    target_path = endpoint_path(exchange.path, path)
    response = client.request(exchange.method, origin + target_path, content=exchange.body,
                              headers=dict(exchange.headers))
    said = f"{exchange.method} {target_path} -> HTTP {response.status_code}"
    if f"{response.status_code // 100}xx" not in exchange.expected_status:
        return f"{said}, expected {' or '.join(exchange.expected_status)}: {response.text[:300]}"
    if exchange.expected_format is None:
        return None
    media = media_type(response.headers.get("content-type"))
    if media not in FORMAT_MEDIA_TYPES[exchange.expected_format]:
        return f"{said} with Content-Type {media!r}, not one of {sorted(FORMAT_MEDIA_TYPES[exchange.expected_format])}"
    if media in ("text/html", "application/xhtml+xml"):
        return None  # RDFa: rdflib has no RDFa parser, the media type is what the test asks for
    answer = read_response(media, response.content)  # the body must parse in the syntax it claims
    if exchange.expected_boolean is not None and answer.boolean != exchange.expected_boolean:
        return f"{said}: ASK answered {answer.boolean}, expected {exchange.expected_boolean}"
    return None


def run_test(client: httpx.Client, origin: str, path: str, test: ProtocolTest) -> Outcome:
    """Run one protocol test's requests in order; the first wrong response fails it."""
    name = test_name(test)
    if name not in APPLICABILITY:
        return Outcome(test.iri, False, f"{name} is not in protocol_suite.APPLICABILITY: say whether it applies")
    if APPLICABILITY[name] is not None:
        return Outcome(test.iri, False, APPLICABILITY[name], applicable=False)
    try:
        for exchange in test.exchanges:
            problem = check_exchange(client, origin, path, exchange)
            if problem is not None:
                return Outcome(test.iri, False, problem)
    except Exception as error:  # noqa: BLE001 -- any error fails this test, not the run
        return Outcome(test.iri, False, f"{type(error).__name__}: {error}")
    return Outcome(test.iri, True)


def protocol_data(tests: list[ProtocolTest]) -> DataSet:
    """One data set with every graph the protocol tests name (they agree on names and files)."""
    named = sorted({pair for test in tests for pair in test.data.named})
    names = [name for name, _ in named]
    if len(names) != len(set(names)):
        raise ValueError(f"protocol tests load different files under one graph name: {named}")
    return DataSet(named=tuple(named))


def run_protocol_suite(target: Target, tests: list[ProtocolTest], workdir: Path,
                       suite_dir: Path = SUITE_DIR) -> dict[str, Outcome]:
    """Run the protocol tests against one server of ``target`` and return outcomes by test IRI."""
    data = protocol_data(tests)
    folder = workdir / "protocol"
    folder.mkdir(parents=True, exist_ok=True)
    with exact_literals():
        data_file = write_dataset(data, folder, suite_dir)
        with running_server(target, data_file, folder) as url, \
                httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
            origin = url.removesuffix(target.path)
            outcomes = [run_test(client, origin, target.path, test) for test in tests]
    return {outcome.iri: outcome for outcome in outcomes}
