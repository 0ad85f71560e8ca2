"""Print the W3C conformance counts at the end of a pytest run, whatever ``-s`` or ``-q`` say.

The test modules register one :class:`W3CSummary` on the running pytest (no conftest needed)
and add a section per suite and target; pytest calls its ``pytest_terminal_summary`` hook when
the run ends.
"""

from __future__ import annotations

PLUGIN_NAME = "w3c-summary"


class W3CSummary:
    """Sections of count lines, printed under one heading at the end of the run."""

    def __init__(self) -> None:
        self.sections: dict[str, list[str]] = {}

    def add(self, title: str, lines: list[str]) -> None:
        """Add (or replace) the section ``title``."""
        self.sections[title] = lines

    def pytest_terminal_summary(self, terminalreporter) -> None:
        """Write every section to the terminal report."""
        if not self.sections:
            return
        terminalreporter.write_sep("=", "W3C SPARQL 1.1 conformance")
        for title, lines in self.sections.items():
            terminalreporter.write_line(title)
            for line in lines:
                terminalreporter.write_line(f"  {line}")


def summary_of(config) -> W3CSummary:
    """The run's W3CSummary, registered on first use."""
    summary = config.pluginmanager.get_plugin(PLUGIN_NAME)
    if summary is None:
        summary = W3CSummary()
        config.pluginmanager.register(summary, PLUGIN_NAME)
    return summary
