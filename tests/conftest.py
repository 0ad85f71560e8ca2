"""Fixtures shared across the suite: the corpora and the datasets built from them.

Session-scoped fixtures are read-only: a test that changes a dataset copies it first.
"""

from pathlib import Path

import pytest

from kg.build import build_dataset
from kg.resources import BUNDLED_ARTICLES

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """The real articles the project started from, beside the repository (CI has them too)."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.fail(f"{corpus} is missing: clone kg with ../shared beside it, as CI does")
    return corpus


@pytest.fixture(scope="session")
def shared_dataset(shared_corpus, tmp_path_factory) -> Path:
    """The real articles, built into a dataset folder."""
    out = tmp_path_factory.mktemp("shared") / "dataset"
    build_dataset(shared_corpus, out)
    return out


@pytest.fixture(scope="session")
def bundled_dataset(tmp_path_factory) -> Path:
    """The bundled example articles (the default input of `make run`), built."""
    out = tmp_path_factory.mktemp("bundled") / "dataset"
    build_dataset(BUNDLED_ARTICLES, out)
    return out
