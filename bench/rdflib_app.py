"""The rdflib-endpoint peer: an ASGI app serving a dataset folder's ``dataset.nq`` with rdflib.

The Dataset has ``default_union=True``, so a query's default graph is the union of the named
graphs, once per triple (rdflib's memory store keeps each triple once with its contexts), the
same view kg serves. The folder comes from ``BENCH_RDFLIB_DATASET``; run it with
``uvicorn bench.rdflib_app:app``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint


def load_dataset(folder: Path) -> Dataset:
    """The named graphs of ``folder/dataset.nq`` in an rdflib Dataset whose default graph is their union."""
    dataset = Dataset(default_union=True)
    dataset.parse(folder / "dataset.nq", format="nquads")
    return dataset


_started = time.perf_counter()
_dataset = load_dataset(Path(os.environ["BENCH_RDFLIB_DATASET"]))
app = SparqlEndpoint(graph=_dataset, path="/sparql", title="rdflib-endpoint (kg bench)")
print(f"rdflib-endpoint: loaded in {time.perf_counter() - _started:.1f} s", file=sys.stderr, flush=True)
