"""What ``kg serve`` serves: a built dataset folder, a folder of articles, or RDF files.

Each becomes a :class:`ServedDataset`: an on-disk store the query workers open read-only, the
base IRI, the dump files and the VoID file. A dataset folder keeps its store in ``store/``,
reloaded when ``dataset.nq`` is newer; RDF files are loaded into a temporary store.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from kg.namespaces import DEFAULT_BASE
from kg.store import UNION_MARKER, load_files, open_store, rdf_format_for

DATASET_FILE = "dataset.nq"
STORE_DIR = "store"
LOADED_STAMP = ".loaded"
DUMP_FILES = ("dataset.nq", "dataset.trig", "dataset.jsonld", "union.ttl")


@dataclass
class ServedDataset:
    """A store ready for the workers, and what the pages say about it."""

    store_path: Path
    base_iri: str
    title: str
    dumps: dict[str, Path] = field(default_factory=dict)
    void: Path | None = None
    summary: dict = field(default_factory=dict)
    temporary: Path | None = None  # removed when the server stops

    def close(self) -> None:
        """Remove the temporary store, if any."""
        if self.temporary is not None:
            shutil.rmtree(self.temporary, ignore_errors=True)


def is_dataset_folder(path: Path) -> bool:
    """Whether ``path`` is a folder written by ``kg build``."""
    return path.is_dir() and (path / DATASET_FILE).is_file()


def store_is_current(folder: Path) -> bool:
    """Whether ``folder/store`` was loaded from the present ``dataset.nq``."""
    stamp = folder / STORE_DIR / LOADED_STAMP
    fresh = stamp.is_file() and stamp.stat().st_mtime >= (folder / DATASET_FILE).stat().st_mtime
    return fresh and (folder / STORE_DIR / UNION_MARKER).is_file()


def prepare_dataset_folder(folder: Path, *, base: str | None = None) -> ServedDataset:
    """Open a built dataset, (re)loading its persistent store when it is missing or stale."""
    store_path = folder / STORE_DIR
    if not store_is_current(folder):
        shutil.rmtree(store_path, ignore_errors=True)
        store = open_store(store_path)
        load_files(store, [folder / DATASET_FILE])
        store.materialise_union(store_path)
        del store  # close it: the query workers open it read-only
        (store_path / LOADED_STAMP).touch()
    summary_file = folder / "build.json"
    summary = json.loads(summary_file.read_text()) if summary_file.is_file() else {}
    return ServedDataset(
        store_path=store_path,
        base_iri=base or summary.get("base") or DEFAULT_BASE,
        title=f"kg: {folder.resolve().name}, what the news says",
        dumps={name: folder / name for name in DUMP_FILES if (folder / name).is_file()},
        void=folder / "void.ttl" if (folder / "void.ttl").is_file() else None,
        summary=summary,
    )


def prepare_files(files: list[Path], named: list[tuple[str, Path]], *, base: str | None = None) -> ServedDataset:
    """Load RDF files into a temporary store: ``files`` as they are (TriG and N-Quads keep their
    graphs, triples go to the default graph), each ``(iri, file)`` of ``named`` into graph ``iri``."""
    for path in [*files, *(p for _, p in named)]:
        rdf_format_for(path)  # fail on an unknown extension before loading anything
        if not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such file")
    temporary = Path(tempfile.mkdtemp(prefix="kg-serve-"))
    store = open_store(temporary / STORE_DIR)
    load_files(store, files)
    for iri, path in named:
        store.load(Path(path).read_bytes(), rdf_format_for(path), graph=iri)
    dump = temporary / DATASET_FILE
    dump.write_bytes(store.dump())
    del store
    names = ", ".join(Path(p).name for p in [*files, *(p for _, p in named)])
    return ServedDataset(
        store_path=temporary / STORE_DIR,
        base_iri=base or DEFAULT_BASE,
        title=f"kg: {names}",
        dumps={DATASET_FILE: dump},
        temporary=temporary,
    )


def prepare_articles(articles: Path, out_dir: Path, *, base: str | None = None) -> ServedDataset:
    """Build a folder of articles into ``out_dir`` with ``kg build``, then serve that."""
    from kg.build import build_dataset

    build_dataset(articles, out_dir, base=base or DEFAULT_BASE)
    return prepare_dataset_folder(out_dir, base=base)


def prepare_source(
    paths: list[Path], *, named: list[tuple[str, Path]] = (), out_dir: Path, base: str | None = None
) -> ServedDataset:
    """The dataset to serve for ``kg serve PATH...``: a dataset folder, an articles folder, or files."""
    if len(paths) == 1 and is_dataset_folder(paths[0]):
        return prepare_dataset_folder(paths[0], base=base)
    if len(paths) == 1 and paths[0].is_dir():
        return prepare_articles(paths[0], out_dir, base=base)
    folders = [p for p in paths if p.is_dir()]
    if folders:
        raise ValueError(f"{folders[0]}: a folder can only be served alone")
    return prepare_files(list(paths), list(named), base=base)
