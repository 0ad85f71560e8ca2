"""Run the query tests of the W3C suite against a target endpoint over the SPARQL 1.1 Protocol.

Two ways to give each test its data set:

- ``per-dataset``: one server per distinct data set, the test's files in the server's real
  default graph and named graphs. Tests that share a data set share a server.
- ``shared`` (fewer start-ups): tests without named graphs and without FROM in their query run
  on one server that holds every default-graph file as a named graph (named by the file's
  IRI); each query picks its files with the Protocol's ``default-graph-uri`` (an unknown IRI
  for an empty default graph), which also leaves it no named graphs. The other tests still get
  a server of their own data set, as in ``per-dataset``.

Each query is sent by GET when its URL stays short, else by direct POST, with ``BASE <query
file IRI>`` put before it: a query's relative IRIs resolve against its file's IRI in the suite
and the Protocol has no other way to pass a base IRI.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from .compare import compare_answers
from .dataset import write_dataset
from .endpoint import Target, running_server
from .manifest import SUITE_DIR, SUITE_IRI, DataSet, QueryTest, local_path
from .queries import has_dataset_clause, order_variables
from .results import GRAPH_ACCEPT, accept_for, read_expected, read_response
from .terms import exact_literals
from .verdict import Outcome

MODES = ("per-dataset", "shared")
MAX_GET_QUERY_CHARS = 2000
REQUEST_TIMEOUT_S = 30.0
SYNTAX_ACCEPT = f"application/sparql-results+json, {GRAPH_ACCEPT}"
EMPTY_GRAPH = SUITE_IRI + "no-such-graph"  # a graph no data set has: an empty default graph


@dataclass(frozen=True)
class ServerRun:
    """One server to start, the tests to run on it, and whether they pick data by protocol."""

    data: DataSet
    tests: tuple[QueryTest, ...]
    by_protocol: bool = False


def query_text(test: QueryTest, suite_dir: Path = SUITE_DIR) -> str:
    """The test's query with its file's IRI as base."""
    text = local_path(test.query, suite_dir).read_text(encoding="utf-8").lstrip("\ufeff")
    return f"BASE <{test.query}>\n{text}"


def dataset_params(test: QueryTest) -> list[tuple[str, str]]:
    """The Protocol parameters that make the test's default-graph files its default graph.

    >>> dataset_params(QueryTest("t", "n", "m", "evaluation", None, "q")) == [("default-graph-uri", EMPTY_GRAPH)]
    True
    """
    return [("default-graph-uri", iri) for iri in test.data.default or (EMPTY_GRAPH,)]


def send_query(client: httpx.Client, url: str, text: str, accept: str,
               params: list[tuple[str, str]] = ()) -> httpx.Response:
    """Send a query by GET, or by direct POST when it is too long for a URL."""
    headers = {"Accept": accept}
    if len(text) <= MAX_GET_QUERY_CHARS:
        return client.get(url, params=[("query", text), *params], headers=headers)
    return client.post(url, params=list(params), content=text.encode("utf-8"),
                       headers={**headers, "Content-Type": "application/sparql-query; charset=utf-8"})


def check_syntax_test(client: httpx.Client, url: str, test: QueryTest, text: str,
                      params: list[tuple[str, str]]) -> str | None:
    """None if the endpoint accepts a valid query (2xx) or rejects an invalid one (400)."""
    response = send_query(client, url, text, SYNTAX_ACCEPT, params)
    if test.kind == "positive-syntax" and not response.is_success:
        return f"valid query refused with {response.status_code}: {response.text[:500]}"
    if test.kind == "negative-syntax" and response.status_code != 400:
        return f"invalid query answered with {response.status_code} instead of 400: {response.text[:300]}"
    return None


def check_evaluation_test(client: httpx.Client, url: str, test: QueryTest, text: str,
                          params: list[tuple[str, str]], suite_dir: Path) -> str | None:
    """None if the endpoint's answer is the expected result, else what differs."""
    expected = read_expected(test.result, local_path(test.result, suite_dir))
    response = send_query(client, url, text, accept_for(test.result, expected.kind), params)
    if response.status_code != 200:
        return f"HTTP {response.status_code}: {response.text[:500]}"
    actual = read_response(response.headers.get("content-type"), response.content)
    ordered = order_variables(text) if expected.kind == "solutions" else ()
    return compare_answers(expected, actual, ordered, test.lax_cardinality)


def run_test(client: httpx.Client, url: str, test: QueryTest, by_protocol: bool, suite_dir: Path) -> Outcome:
    """Run one query test and say how it went; an error of any kind is a failure."""
    try:
        text = query_text(test, suite_dir)
        params = dataset_params(test) if by_protocol else []
        if test.kind == "evaluation":
            problem = check_evaluation_test(client, url, test, text, params, suite_dir)
        else:
            problem = check_syntax_test(client, url, test, text, params)
    except Exception as error:  # noqa: BLE001 -- any error fails this test, not the run
        problem = f"{type(error).__name__}: {error}"
    return Outcome(test.iri, problem is None, problem or "")


def plan_runs(tests: list[QueryTest], mode: str, suite_dir: Path = SUITE_DIR) -> list[ServerRun]:
    """The servers to start for ``tests`` in ``mode``, each with its tests in manifest order."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}: expected one of {', '.join(MODES)}")
    shared = [] if mode == "per-dataset" else [
        t for t in tests if not t.data.named and not has_dataset_clause(query_text(t, suite_dir))]
    groups: dict[DataSet, list[QueryTest]] = {}
    for test in tests:
        if test not in shared:
            groups.setdefault(test.data, []).append(test)
    runs = [ServerRun(data, tuple(group)) for data, group in groups.items()]
    if shared:
        files = sorted({iri for test in shared for iri in test.data.default})
        runs.insert(0, ServerRun(DataSet(named=tuple((f, f) for f in files)), tuple(shared), by_protocol=True))
    return runs


def serve_and_run(target: Target, data_file: Path, run: ServerRun, suite_dir: Path) -> list[Outcome]:
    """Serve one data file and run the tests planned on it."""
    try:
        with running_server(target, data_file, data_file.parent) as url, \
                httpx.Client(timeout=REQUEST_TIMEOUT_S) as client:
            return [run_test(client, url, test, run.by_protocol, suite_dir) for test in run.tests]
    except Exception as error:  # noqa: BLE001 -- a server that fails to start fails its tests
        return [Outcome(test.iri, False, f"{type(error).__name__}: {error}") for test in run.tests]


def write_data_files(runs: list[ServerRun], workdir: Path, suite_dir: Path) -> list[Path]:
    """Write each run's data set as N-Quads into a folder of its own (numbered: slugs may repeat)."""
    files = []
    for number, run in enumerate(runs):
        folder = workdir / f"{number:03d}-{'shared' if run.by_protocol else run.data.slug()}"[:120]
        folder.mkdir(parents=True, exist_ok=True)
        files.append(write_dataset(run.data, folder, suite_dir))
    return files


def run_query_suite(target: Target, tests: list[QueryTest], workdir: Path, *, mode: str = "per-dataset",
                    workers: int = 2, suite_dir: Path = SUITE_DIR) -> dict[str, Outcome]:
    """Run ``tests`` against ``target``, ``workers`` servers at a time; outcomes by test IRI."""
    runs = plan_runs(tests, mode, suite_dir)
    with exact_literals():
        files = write_data_files(runs, workdir, suite_dir)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            batches = pool.map(lambda pair: serve_and_run(target, pair[0], pair[1], suite_dir), zip(files, runs))
            return {outcome.iri: outcome for batch in batches for outcome in batch}
