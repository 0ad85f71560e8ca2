"""Judge test outcomes against the list of expected failures, and count them per manifest.

``expected_failures.toml`` has one table per target (``[kg]``, ``[oxigraph]``), each line a
W3C test IRI and the reason it fails. A listed test must still fail: once it passes, the
verdict is "unexpected pass" and the suite fails until the line is removed.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

EXPECTED_FAILURES_FILE = Path(__file__).with_name("expected_failures.toml")

PASSED = "passed"
EXPECTED_FAILURE = "expected failure"
FAILED = "failed"
UNEXPECTED_PASS = "unexpected pass"
NOT_APPLICABLE = "not applicable"


@dataclass(frozen=True)
class Outcome:
    """Whether one W3C test passed, and if not, why (or why it does not apply)."""

    iri: str
    passed: bool
    message: str = ""
    applicable: bool = True


@dataclass(frozen=True)
class Verdict:
    """An outcome judged against the expected-failure list."""

    status: str
    message: str

    @property
    def ok(self) -> bool:
        """Whether this verdict lets the suite pass."""
        return self.status not in (FAILED, UNEXPECTED_PASS)


def load_expected_failures(target: str, path: Path = EXPECTED_FAILURES_FILE) -> dict[str, str]:
    """The expected failures of ``target``: test IRI to reason (empty for an unlisted target)."""
    with path.open("rb") as source:
        tables = tomllib.load(source)
    listed = tables.get(target, {})
    for iri, reason in listed.items():
        if not isinstance(reason, str) or not reason.strip():
            raise ValueError(f"{path}: [{target}] {iri} needs a reason (a non-empty string)")
    return dict(listed)


def judge(outcome: Outcome, reason: str | None) -> Verdict:
    """The verdict on an outcome, given the reason it is listed as failing (None: not listed).

    >>> judge(Outcome("t", True), None).status, judge(Outcome("t", False, "boom"), "known").status
    ('passed', 'expected failure')
    >>> judge(Outcome("t", True), "known").status, judge(Outcome("t", False, "boom"), None).message
    ('unexpected pass', 'boom')
    """
    if not outcome.applicable:
        return Verdict(NOT_APPLICABLE, outcome.message)
    if reason is None:
        return Verdict(PASSED, "") if outcome.passed else Verdict(FAILED, outcome.message)
    if outcome.passed:
        return Verdict(UNEXPECTED_PASS, f"passes now: remove it from {EXPECTED_FAILURES_FILE.name} ({reason})")
    return Verdict(EXPECTED_FAILURE, f"{reason} [{outcome.message}]")


def summary_line(name: str, statuses: Iterable[str]) -> str:
    """One line of counts, e.g. ``aggregates: 40 passed, 2 expected failures, 0 failed``.

    >>> summary_line("bind", [PASSED, PASSED, EXPECTED_FAILURE])
    'bind: 2 passed, 1 expected failures, 0 failed'
    >>> summary_line("protocol", [PASSED, NOT_APPLICABLE, UNEXPECTED_PASS])
    'protocol: 1 passed, 0 expected failures, 0 failed, 1 unexpected passes, 1 not applicable'
    """
    counts = Counter(statuses)
    line = f"{name}: {counts[PASSED]} passed, {counts[EXPECTED_FAILURE]} expected failures, {counts[FAILED]} failed"
    if counts[UNEXPECTED_PASS]:
        line += f", {counts[UNEXPECTED_PASS]} unexpected passes"
    if counts[NOT_APPLICABLE]:
        line += f", {counts[NOT_APPLICABLE]} not applicable"
    return line


def summary_lines(groups: dict[str, list[Verdict]], total_name: str) -> list[str]:
    """A count line per group, then one for all of them under ``total_name``."""
    lines = [summary_line(name, (v.status for v in verdicts)) for name, verdicts in groups.items()]
    if len(groups) > 1:
        lines.append(summary_line(total_name, (v.status for vs in groups.values() for v in vs)))
    return lines


def report(name: str, iri: str, verdict: Verdict) -> None:
    """Turn a verdict into the pytest outcome: a failure, an expected failure, or a pass."""
    import pytest

    if verdict.status in (FAILED, UNEXPECTED_PASS):
        pytest.fail(f"{name} ({iri}): {verdict.status}: {verdict.message}", pytrace=False)
    if verdict.status == EXPECTED_FAILURE:
        pytest.xfail(verdict.message)
