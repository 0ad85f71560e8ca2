"""Every set of articles the project holds builds into a dataset that conforms to the shapes.

The held-out sets stand for articles nobody has fitted the extractor to; a build that stops on
one of them (a shape violation from an unusual layout, a subheading, a table) is what a user
would meet first on their own articles.
"""

from pathlib import Path

import pytest

from kg.build import build_dataset

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "shared-corpus": ROOT.parent / "shared" / "corpus",
    "examples": ROOT / "kg" / "data" / "articles",
    "heldout": ROOT / "tests" / "heldout" / "articles",
    "heldout2-dev": ROOT / "tests" / "heldout2" / "dev" / "articles",
    "heldout2-test": ROOT / "tests" / "heldout2" / "test" / "articles",
    "heldout3": ROOT / "tests" / "heldout3" / "articles",
    "heldout4": ROOT / "tests" / "heldout4" / "articles",
    "heldout5": ROOT / "tests" / "heldout5" / "articles",
    "heldout6": ROOT / "tests" / "heldout6" / "articles",
    "heldout7": ROOT / "tests" / "heldout7" / "articles",
}


@pytest.mark.parametrize("folder", SETS.values(), ids=SETS.keys())
def test_each_set_of_articles_builds_into_a_conforming_dataset(folder, tmp_path):
    summary = build_dataset(folder, tmp_path / "dataset")
    assert summary.articles_skipped == 0
    assert summary.articles_read == len(list(folder.glob("*.txt")))
    assert (tmp_path / "dataset" / "dataset.nq").stat().st_size > 0
