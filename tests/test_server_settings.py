"""Server settings: typed parsing, and every setting and serve option documented in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from kg.server import cli
from kg.server.settings import SETTINGS, make_settings

README = (Path(__file__).parents[1] / "README.md").read_text()


@pytest.mark.parametrize("setting", SETTINGS, ids=[s.name for s in SETTINGS])
def test_every_setting_is_documented(setting):
    assert f"| `{setting.name}` |" in README


def test_every_serve_option_is_documented():
    parser = argparse.ArgumentParser()
    cli.add_arguments(parser)
    options = [o for action in parser._actions for o in action.option_strings if o.startswith("--") and o != "--help"]
    assert [o for o in options if f"`{o}" not in README] == []


@pytest.mark.parametrize("pairs, expected", [
    ([("query_time_limit_ms", "250")], ("query_time_limit_ms", 250)),
    ([("union_default_graph", "false")], ("union_default_graph", False)),
    ([("cors", "on")], ("cors", True)),
], ids=["integer", "false", "on"])
def test_settings_are_typed_like_their_default(pairs, expected):
    assert make_settings(pairs)[expected[0]] == expected[1]


def test_a_bad_setting_value_names_the_setting():
    with pytest.raises(ValueError, match="^setting max_rows: expected an integer, got 'many'$"):
        make_settings([("max_rows", "many")])
