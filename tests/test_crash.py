"""A real `kg ingest` process killed with SIGKILL mid-write leaves a store that opens, conforms,
and holds all of the ingest or none of it."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import validate_quads
from kg.incremental import published
from kg.server.sources import prepare_dataset_folder
from kg.store import open_read_only
from kg.writes import PAUSE_VARIABLE

ARTICLE = Path(__file__).parent / "fixtures" / "ingest" / "nb_91_sen_opptelling.txt"


def state(store_dir: Path) -> tuple[bytes, bytes]:
    store = open_read_only(store_dir)
    return store.dump(ox.RdfFormat.N_QUADS), store.dump(ox.RdfFormat.N_TRIPLES)


@pytest.fixture(scope="module")
def expected(bundled_dataset, tmp_path_factory):
    """The store before, and after an ingest that ran to the end."""
    prepare_dataset_folder(bundled_dataset)
    done = tmp_path_factory.mktemp("complete") / "dataset"
    shutil.copytree(bundled_dataset, done)
    subprocess.run([sys.executable, "-m", "kg.cli", "ingest", ARTICLE, "-d", done], check=True, capture_output=True)
    return state(bundled_dataset / "store"), state(done / "store")


@pytest.mark.parametrize("pause, outcome", [
    ("before-commit:120", "none"), ("after-commit:120", "all"), ("before-commit:0", "either"),
], ids=["before-commit", "after-commit", "during-commit"])
def test_sigkill_leaves_all_or_none(bundled_dataset, tmp_path, expected, pause, outcome):
    dataset = tmp_path / "dataset"
    shutil.copytree(bundled_dataset, dataset)
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", str(ARTICLE), "-d", str(dataset)],
                               stderr=subprocess.PIPE, text=True, env={**os.environ, PAUSE_VARIABLE: pause})
    try:
        line = process.stderr.readline()  # the write announces its pause, then sleeps there
        assert line.startswith("kg: pausing"), line
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    before, after = expected
    now = state(dataset / "store")
    assert now in ({"none": [before], "all": [after], "either": [before, after]}[outcome])
    assert validate_quads(list(published(open_read_only(dataset / "store")))).conforms
