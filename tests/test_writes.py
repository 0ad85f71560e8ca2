"""Incremental validation equals a full validation, and kg ingest / withdraw on a dataset's store."""

import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.build import validate_quads
from kg.incremental import published, validate_alone, validate_change
from kg.store import open_read_only
from kg.writes import Change, apply_change

BASE = "https://example.org/kg/"
G = ox.NamedNode(BASE + "graph/contrib")
MADURO = ox.NamedNode(BASE + "id/person/nicolas-maduro")
SCHEMA = "http://schema.org/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
INGEST = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def store(bundled_dataset):
    from kg.server.sources import prepare_dataset_folder

    return open_read_only(prepare_dataset_folder(bundled_dataset).store_path)


def full_report(store, adds=(), removes=()):
    quads = (set(published(store)) - set(removes)) | set(adds)
    return validate_quads(list(quads))


# Cases where the answer depends on the published graph: alone, each one conforms.
CASES = {
    "second-name-on-published-person": ({ox.Quad(MADURO, ox.NamedNode(SCHEMA + "name"), ox.Literal("Nick Maduro", language="en"), G)}, set()),
    "untyping-a-person-breaks-what-points-at-him": (set(), {ox.Quad(MADURO, RDF_TYPE, ox.NamedNode(SCHEMA + "Person"), ox.NamedNode(BASE + "graph/entities"))}),
}


@pytest.mark.parametrize("adds, removes", CASES.values(), ids=CASES.keys())
def test_incremental_report_equals_full_validation(store, adds, removes):
    incremental = validate_change(store, adds, removes)
    full = full_report(store, adds, removes)
    assert incremental.conforms is full.conforms is False
    assert incremental.results == full.results
    assert validate_alone(adds).conforms is True


def test_a_conforming_change_is_conforming_both_ways(store):
    adds = {ox.Quad(MADURO, ox.NamedNode(SCHEMA + "alternateName"), ox.Literal("N. M. Moros", language="en"), G)}
    assert validate_change(store, adds).conforms is full_report(store, adds).conforms is True


def kg(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True, **kwargs)


def test_ingest_links_reingest_changes_nothing_withdraw_restores(bundled_dataset, tmp_path):
    dataset = tmp_path / "dataset"
    shutil.copytree(bundled_dataset, dataset)
    first = kg("ingest", INGEST / "en_90_late_count.txt", "-d", dataset)
    assert first.returncode == 0, first.stderr
    article = first.stdout.split()[1]
    store = open_read_only(dataset / "store")
    mentions = {q.object.value for q in store.match(ox.NamedNode(article), ox.NamedNode(SCHEMA + "mentions"))}
    assert BASE + "id/person/nicolas-maduro" in mentions
    assert full_report(store).conforms
    after = store.dump()
    again = kg("ingest", INGEST / "en_90_late_count.txt", "-d", dataset)
    assert "nothing changed" in again.stdout and "+0 -0 quads" in again.stdout
    assert open_read_only(dataset / "store").dump() == after
    withdrawn = kg("withdraw", article, "-d", dataset)
    assert withdrawn.returncode == 0, withdrawn.stderr
    store = open_read_only(dataset / "store")
    assert not list(store.match(ox.NamedNode(article)))
    assert full_report(store).conforms
    # what only the article supported is gone: its publisher's description
    assert not list(store.match(ox.NamedNode(BASE + "id/organization/the-harbour-courier")))
