"""The W3C SPARQL 1.1 Protocol tests that apply to a query endpoint, sent to a real ``kg serve``.

Each test of protocol/manifest.ttl is one pytest test: its HTTP requests are sent as the
manifest writes them and the responses checked (status class, media type, ASK answer). The
update tests do not apply to kg's read-only endpoint and are reported as not applicable, with
the reason, in the summary printed at the end of the run. ``oxigraph`` is the reference target.
"""

from __future__ import annotations

import pytest

from w3c.endpoint import TARGETS
from w3c.manifest import read_protocol_tests
from w3c.plugin import summary_of
from w3c.protocol_suite import run_protocol_suite
from w3c.verdict import NOT_APPLICABLE, judge, load_expected_failures, report, summary_lines

PROTOCOL_TESTS = read_protocol_tests()
TARGET_NAMES = ("kg", "oxigraph")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=TARGET_NAMES)
def protocol_verdicts(request, tmp_path_factory):
    """Run the protocol tests once per target and judge each."""
    target = TARGETS[request.param]
    outcomes = run_protocol_suite(target, PROTOCOL_TESTS, tmp_path_factory.mktemp(f"w3c-protocol-{target.name}"))
    expected = load_expected_failures(target.name)
    verdicts = {t.iri: judge(outcomes[t.iri], expected.get(t.iri)) for t in PROTOCOL_TESTS}
    summary_of(request.config).add(f"protocol tests against {target.name}:",
                                   summary_lines({"protocol/manifest.ttl": list(verdicts.values())}, ""))
    return verdicts


@pytest.mark.parametrize("test", PROTOCOL_TESTS, ids=[t.id for t in PROTOCOL_TESTS])
def test_w3c_protocol(test, protocol_verdicts):
    verdict = protocol_verdicts[test.iri]
    report(test.name, test.iri, verdict)
    if verdict.status == NOT_APPLICABLE:
        assert verdict.message.startswith("SPARQL Update operation")


def test_every_protocol_test_is_classified():
    from w3c.protocol_suite import APPLICABILITY, test_name

    assert sorted(test_name(t) for t in PROTOCOL_TESTS) == sorted(APPLICABILITY)
