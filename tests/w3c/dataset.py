"""Write the data set of a test into one N-Quads file a server can load.

The default-graph files go into the default graph; each named-graph file goes into the graph the
manifest names (for ``qt:graphData`` the file's own IRI, for the protocol's ``ut:graphData`` its
``rdfs:label``). Each file is parsed on its own with its IRI as base, so blank nodes of different
files stay distinct, as they are in the W3C data sets.
"""

from __future__ import annotations

import warnings
from pathlib import Path

from rdflib import Dataset, URIRef
from rdflib.util import guess_format

from .manifest import SUITE_DIR, DataSet, local_path
from .terms import exact_literals


def parse_into(graph, iri: str, suite_dir: Path) -> None:
    """Parse the suite file at ``iri`` into ``graph`` with ``iri`` as base."""
    path = local_path(iri, suite_dir)
    rdf_format = guess_format(path.name)
    if rdf_format is None:
        raise ValueError(f"{path}: no RDF syntax known for this file extension")
    graph.parse(path, format=rdf_format, publicID=iri)


def build_dataset(data: DataSet, suite_dir: Path = SUITE_DIR) -> Dataset:
    """An rdflib Dataset holding the files of ``data`` in their graphs."""
    dataset = Dataset()
    with exact_literals():
        for iri in data.default:
            parse_into(dataset.default_graph, iri, suite_dir)
        for name, iri in data.named:
            parse_into(dataset.graph(URIRef(name)), iri, suite_dir)
    return dataset


def write_dataset(data: DataSet, folder: Path, suite_dir: Path = SUITE_DIR) -> Path:
    """Write ``data`` as ``folder/data.nq`` and return that path."""
    path = folder / "data.nq"
    dataset = build_dataset(data, suite_dir)
    with warnings.catch_warnings():  # rdflib 7.6's own N-Quads writer calls its deprecated Dataset.contexts
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.serialize(path, format="nquads", encoding="utf-8")
    return path
