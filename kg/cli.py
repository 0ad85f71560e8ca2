"""The ``kg`` command: one sub-command per stage a user runs.

Each sub-command lives in the module that owns its work; that module provides
``add_arguments(parser)`` and ``run(args) -> int`` (the exit code). The table below is the
only list of commands, so ``kg --help`` and the README test read from one place.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import NamedTuple


class Command(NamedTuple):
    name: str
    module: str
    help: str


COMMANDS: tuple[Command, ...] = (
    Command("build", "kg.build", "Build a folder of articles into a validated RDF dataset."),
    Command("validate", "kg.validate", "Validate an RDF file or dataset against kg's shapes."),
    Command("eval", "kg.eval", "Score the extractor on a folder of articles against gold annotations."),
    Command("synth", "kg.synth", "Write N synthetic election articles for testing at scale."),
    Command("serve", "kg.server.cli", "Serve a dataset over SPARQL 1.1 and as linked data (default :8000)."),
    Command("ingest", "kg.ingest", "Add articles to a live store: extract, link, validate, add (no rebuild)."),
    Command("withdraw", "kg.withdraw", "Remove an article's graphs and what only it supported from a live store."),
    Command("publish", "kg.remote", "Load a built dataset into an external SPARQL 1.1 store, graph by graph."),
)


def make_parser() -> argparse.ArgumentParser:
    """The argument parser of ``kg`` with every sub-command's options."""
    from kg import __version__

    parser = argparse.ArgumentParser(prog="kg", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        module = importlib.import_module(command.module)
        sub = commands.add_parser(command.name, help=command.help, description=command.help)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run ``kg`` with ``argv`` and return its exit code."""
    args = make_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
