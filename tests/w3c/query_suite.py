"""Run the query tests of the W3C suite against a target endpoint, one server per data set.

Tests that share a data set share a server; data sets run on ``workers`` servers at once. Each
query is sent as the Protocol allows (GET when its URL stays short, else a direct POST), with
``BASE <query file IRI>`` put before it since a query's relative IRIs resolve against its file's
IRI in the suite and the Protocol has no other way to pass a base IRI.
"""

from __future__ import annotations

from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from .compare import compare_answers, order_variables
from .dataset import write_dataset
from .endpoint import Target, running_server
from .manifest import SUITE_DIR, DataSet, QueryTest, local_path
from .results import GRAPH_ACCEPT, accept_for, read_expected, read_response
from .terms import exact_literals

MAX_GET_QUERY_CHARS = 2000
REQUEST_TIMEOUT_S = 30.0
SYNTAX_ACCEPT = f"application/sparql-results+json, {GRAPH_ACCEPT}"


@dataclass(frozen=True)
class Outcome:
    """Whether one W3C test passed, and if not, why."""

    iri: str
    passed: bool
    message: str = ""


def query_text(test: QueryTest, suite_dir: Path = SUITE_DIR) -> str:
    """The test's query with its file's IRI as base."""
    text = local_path(test.query, suite_dir).read_text(encoding="utf-8").lstrip("\ufeff")
    return f"BASE <{test.query}>\n{text}"


def send_query(client: httpx.Client, url: str, text: str, accept: str) -> httpx.Response:
    """Send a query by GET, or by direct POST when it is too long for a URL."""
    headers = {"Accept": accept}
    if len(text) <= MAX_GET_QUERY_CHARS:
        return client.get(url, params={"query": text}, headers=headers)
    return client.post(url, content=text.encode("utf-8"),
                       headers={**headers, "Content-Type": "application/sparql-query; charset=utf-8"})


def check_syntax_test(client: httpx.Client, url: str, test: QueryTest, text: str) -> str | None:
    """None if the endpoint accepts a valid query (2xx) or rejects an invalid one (400)."""
    response = send_query(client, url, text, SYNTAX_ACCEPT)
    if test.kind == "positive-syntax" and not response.is_success:
        return f"valid query refused with {response.status_code}: {response.text[:500]}"
    if test.kind == "negative-syntax" and response.status_code != 400:
        return f"invalid query answered with {response.status_code} instead of 400: {response.text[:300]}"
    return None


def check_evaluation_test(client: httpx.Client, url: str, test: QueryTest, text: str,
                          suite_dir: Path) -> str | None:
    """None if the endpoint's answer is the expected result, else what differs."""
    expected = read_expected(test.result, local_path(test.result, suite_dir))
    response = send_query(client, url, text, accept_for(test.result, expected.kind))
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:500]}"
    actual = read_response(response.headers.get("content-type"), response.content)
    ordered = order_variables(text) if expected.kind == "solutions" else ()
    return compare_answers(expected, actual, ordered, test.lax_cardinality)


def run_test(client: httpx.Client, url: str, test: QueryTest, suite_dir: Path) -> Outcome:
    """Run one query test and say how it went; an error of any kind is a failure."""
    try:
        text = query_text(test, suite_dir)
        if test.kind == "evaluation":
            problem = check_evaluation_test(client, url, test, text, suite_dir)
        else:
            problem = check_syntax_test(client, url, test, text)
    except Exception as error:  # noqa: BLE001 -- any error fails this test, not the run
        problem = f"{type(error).__name__}: {error}"
    return Outcome(test.iri, problem is None, problem or "")


def run_group(target: Target, number: int, data: DataSet, tests: list[QueryTest], workdir: Path,
              suite_dir: Path) -> list[Outcome]:
    """Serve one data set (the ``number``-th) and run the tests that use it."""
    folder = workdir / f"{number:03d}-{data.slug()}"[:120]
    folder.mkdir(parents=True, exist_ok=True)
    try:
        data_file = write_dataset(data, folder, suite_dir)
        with running_server(target, data_file, folder) as url, httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
            return [run_test(client, url, test, suite_dir) for test in tests]
    except Exception as error:  # noqa: BLE001 -- a server that fails to start fails its tests
        return [Outcome(test.iri, False, f"{type(error).__name__}: {error}") for test in tests]


def group_by_data(tests: list[QueryTest]) -> dict[DataSet, list[QueryTest]]:
    """The tests grouped by the data set they run on, in manifest order."""
    groups: dict[DataSet, list[QueryTest]] = defaultdict(list)
    for test in tests:
        groups[test.data].append(test)
    return dict(groups)


def run_query_suite(target: Target, tests: list[QueryTest], workdir: Path, workers: int = 2,
                    suite_dir: Path = SUITE_DIR) -> dict[str, Outcome]:
    """Run ``tests`` against ``target`` and return each test's outcome by test IRI."""
    groups = group_by_data(tests)
    with exact_literals(), ThreadPoolExecutor(max_workers=workers) as pool:
        batches = pool.map(lambda item: run_group(target, item[0], *item[1], workdir, suite_dir),
                           enumerate(groups.items()))
        return {outcome.iri: outcome for batch in batches for outcome in batch}
