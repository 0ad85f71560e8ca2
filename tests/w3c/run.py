"""Run the W3C SPARQL 1.1 query and protocol tests against any endpoint and print the counts.

    python -m tests.w3c.run --target kg
    python -m tests.w3c.run --target oxigraph --mode per-dataset --show failures
    python -m tests.w3c.run --name myengine --path /sparql \\
        --serve-cmd "myengine serve {file} --port {port}"

A command template may use ``{bin}`` (this Python's scripts folder), ``{file}`` (the data set as
N-Quads), ``{dir}`` (an empty folder for the server's storage) and ``{port}``. Outcomes are
judged against the ``[NAME]`` table of expected_failures.toml (none listed for a new name).
The exit code is 0 when every test passes or fails as listed, 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .endpoint import TARGETS, Target
from .manifest import read_protocol_tests, read_query_tests, short_id
from .protocol_suite import run_protocol_suite
from .query_suite import MODES, run_query_suite
from .verdict import NOT_APPLICABLE, PASSED, judge, load_expected_failures, summary_lines


def make_parser() -> argparse.ArgumentParser:
    """The command line of the runner."""
    parser = argparse.ArgumentParser(prog="python -m tests.w3c.run", description=__doc__.splitlines()[0])
    parser.add_argument("--target", choices=sorted(TARGETS), help="a known target (default: kg)")
    parser.add_argument("--serve-cmd", help="command template that serves {file} on 127.0.0.1:{port}")
    parser.add_argument("--load-cmd", default="", help="command template run before --serve-cmd")
    parser.add_argument("--path", default="/sparql", help="query endpoint path for --serve-cmd (default /sparql)")
    parser.add_argument("--name", default="custom", help="name of a --serve-cmd target (its expected-failure table)")
    parser.add_argument("--suite", choices=("query", "protocol", "all"), default="all")
    parser.add_argument("--mode", choices=MODES, default="shared", help="how query tests get their data sets")
    parser.add_argument("--workers", type=int, default=2, help="servers running at once (default 2)")
    parser.add_argument("--show", choices=("failures", "all", "none"), default="failures",
                        help="which tests to list with their verdicts (default: failures)")
    return parser


def target_from(args: argparse.Namespace) -> Target:
    """The target the arguments name."""
    if args.serve_cmd:
        if args.target:
            raise SystemExit("give --target or --serve-cmd, not both")
        return Target.from_commands(args.name, args.serve_cmd, args.path, args.load_cmd)
    return TARGETS[args.target or "kg"]


def report(title: str, tests: list, outcomes: dict, target: Target, show: str) -> bool:
    """Print the counts (and the tests ``show`` asks for); True when every verdict is fine."""
    expected = load_expected_failures(target.name)
    groups: dict[str, list] = {}
    listed = []
    for test in tests:
        verdict = judge(outcomes[test.iri], expected.get(test.iri))
        groups.setdefault(getattr(test, "manifest", "protocol/manifest.ttl"), []).append(verdict)
        if show == "all" or (show == "failures" and verdict.status not in (PASSED, NOT_APPLICABLE)):
            listed.append((test, verdict))
    print(f"{title} against {target.name}:")
    for line in summary_lines(groups, "manifest-sparql11-query.ttl"):
        print(f"  {line}")
    for test, verdict in listed:
        print(f"  {verdict.status.upper()}: {short_id(test.iri)} ({test.name}): {verdict.message}")
    return all(v.ok for vs in groups.values() for v in vs)


def main(argv: list[str] | None = None) -> int:
    """Run the suites the arguments ask for; the exit code says whether all went as listed."""
    args = make_parser().parse_args(argv)
    target = target_from(args)
    ok = True
    with tempfile.TemporaryDirectory(prefix="w3c-") as workdir:
        if args.suite in ("query", "all"):
            started = time.monotonic()
            tests = read_query_tests()
            outcomes = run_query_suite(target, tests, Path(workdir) / "query", mode=args.mode, workers=args.workers)
            ok &= report("query tests", tests, outcomes, target, args.show)
            print(f"  ({time.monotonic() - started:.0f} s, mode {args.mode})")
        if args.suite in ("protocol", "all"):
            tests = read_protocol_tests()
            outcomes = run_protocol_suite(target, tests, Path(workdir) / "protocol")
            ok &= report("protocol tests", tests, outcomes, target, "none" if args.show == "none" else args.show)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
