"""The README documents every command and option the CLI has, so that none goes unexplained."""

import argparse
from pathlib import Path

import pytest

from kg.cli import COMMANDS, make_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def command_options() -> list[tuple[str, str]]:
    parser = make_parser()
    [commands] = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    pairs = []
    for name, sub in commands.choices.items():
        for action in sub._actions:
            if action.option_strings and action.dest != "help":
                pairs.append((name, max(action.option_strings, key=len)))
    return pairs


@pytest.mark.parametrize("command", [c.name for c in COMMANDS])
def test_every_command_has_a_readme_heading(command):
    assert f"### `kg {command}" in README


@pytest.mark.parametrize("command, option", command_options(), ids=lambda v: v)
def test_every_option_is_in_the_readme(command, option):
    assert f"`{option}" in README, f"kg {command} {option} is not documented in README.md"


@pytest.mark.parametrize("target", ["make run", "make test"])
def test_the_two_commands_open_the_readme(target):
    assert target in README.split("## ")[0]
