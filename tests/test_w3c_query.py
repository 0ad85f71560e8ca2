"""The W3C SPARQL 1.1 query tests, sent over HTTP to a real ``kg serve`` on 127.0.0.1.

Every evaluation and syntax test of manifest-sparql11-query.ttl (and the manifests it includes)
is one pytest test. ``kg`` is the target; ``oxigraph`` (Oxigraph's own server) runs the same
harness as its reference, so a failure there points at the harness or the test, not at kg.
Oxigraph starts in a blink, so it gets a server per data set; kg takes seconds to start, so it
runs in the harness's "shared" mode (one server for the tests without named graphs, each query
picking its files by default-graph-uri; a server of their own for the others), which gives the
same verdicts as a server per data set (checked with ``python -m tests.w3c.run``).
A test listed in tests/w3c/expected_failures.toml for its target must fail (shown as xfail);
any other must pass. The counts per manifest are printed at the end of the run.
"""

from __future__ import annotations

import pytest

from w3c.endpoint import TARGETS
from w3c.manifest import read_query_tests
from w3c.plugin import summary_of
from w3c.query_suite import run_query_suite
from w3c.verdict import judge, load_expected_failures, report, summary_lines

QUERY_TESTS = read_query_tests()
TARGET_NAMES = ("kg", "oxigraph")
MODES = {"kg": "shared", "oxigraph": "per-dataset"}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=TARGET_NAMES)
def query_verdicts(request, tmp_path_factory):
    """Run the whole query suite once per target and judge every test."""
    target = TARGETS[request.param]
    outcomes = run_query_suite(target, QUERY_TESTS, tmp_path_factory.mktemp(f"w3c-query-{target.name}"),
                               mode=MODES[target.name])
    expected = load_expected_failures(target.name)
    verdicts = {t.iri: judge(outcomes[t.iri], expected.get(t.iri)) for t in QUERY_TESTS}
    groups: dict[str, list] = {}
    for test in QUERY_TESTS:
        groups.setdefault(test.manifest, []).append(verdicts[test.iri])
    summary_of(request.config).add(f"query tests against {target.name} ({MODES[target.name]} mode):",
                                   summary_lines(groups, "manifest-sparql11-query.ttl"))
    return verdicts


@pytest.mark.parametrize("test", QUERY_TESTS, ids=[t.id for t in QUERY_TESTS])
def test_w3c_query(test, query_verdicts):
    report(test.name, test.iri, query_verdicts[test.iri])


@pytest.mark.parametrize("target", TARGET_NAMES)
def test_expected_failures_name_query_or_protocol_tests(target):
    from w3c.manifest import read_protocol_tests

    known = {t.iri for t in QUERY_TESTS} | {t.iri for t in read_protocol_tests()}
    assert sorted(set(load_expected_failures(target)) - known) == []
