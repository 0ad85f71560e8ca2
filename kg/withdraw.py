"""``kg withdraw ARTICLE_IRI``: the command's entry points; the work is in :mod:`kg.ingest`."""

from kg.ingest import add_withdraw_arguments as add_arguments
from kg.ingest import run_withdraw as run

__all__ = ["add_arguments", "run"]
