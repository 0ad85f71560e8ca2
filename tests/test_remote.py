"""An external store: a real Oxigraph server (the `oxigraph` command from PyPI) on 127.0.0.1,
filled by `kg publish` and served by `kg serve --store URL`."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from kg.remote import RemoteStore, endpoints_for
from kg.server.sources import prepare_dataset_folder
from kg.server.testing import ServerProcess, free_port
from kg.store import open_read_only

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
BASE = "https://example.org/kg/"
JSON = {"Accept": "application/sparql-results+json"}


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("oxigraph-log") / "log").open("w")
    process = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        for _ in range(300):  # up to 30 s to start
            try:
                urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def published_url(oxigraph, bundled_dataset):
    result = subprocess.run([sys.executable, "-m", "kg.cli", "publish", str(bundled_dataset), "--to", oxigraph],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return oxigraph


def test_publish_loads_every_graph_and_the_union_once(published_url, bundled_dataset):
    local = open_read_only(prepare_dataset_folder(bundled_dataset).store_path)
    remote = RemoteStore(endpoints_for(published_url))
    assert remote.list_graphs() == local.list_graphs()
    assert remote.count_quads() == local.count_quads()
    triples = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert next(remote.query(triples).rows)[0].value == next(local.query(triples).rows)[0].value


def test_serve_over_the_remote_store(published_url):
    with ServerProcess("--store", published_url) as url:
        count = httpx.get(url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s a <http://schema.org/NewsArticle> }"},
                          headers=JSON).json()
        assert count["results"]["bindings"][0]["n"]["value"] == "10"
        page = httpx.get(url + "/id/person/nicolas-maduro", headers={"Accept": "text/turtle"})
        assert page.status_code == 200 and "Maduro" in page.text
        home = httpx.get(url + "/", headers={"Accept": "application/json"}).json()
        assert home["counts"]["articles"] == 10
        names = home["queries"]
        assert names and httpx.get(url + f"/queries/{names[0]}", headers=JSON).status_code == 200
