"""``kg serve``: serve a dataset, a folder of articles or RDF files over SPARQL and as linked data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.resources import BUNDLED_ARTICLES
from kg.server.settings import SETTINGS, make_settings

DEFAULT_OUT = Path("build/dataset")


def parse_named_graph(text: str) -> tuple[str, Path]:
    """``IRI=FILE`` as a pair, for ``--named-graph``.

    >>> parse_named_graph("http://example.org/g=data/g.ttl")
    ('http://example.org/g', PosixPath('data/g.ttl'))
    """
    iri, sep, path = text.rpartition("=")
    if not sep or not iri or not path:
        raise argparse.ArgumentTypeError(f"expected IRI=FILE, got {text!r}")
    return iri, Path(path)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, metavar="DATASET_OR_ARTICLES",
                        help="a dataset folder (kg build's output), a folder of articles (built first) or RDF "
                             "files (.ttl, .trig, .nq, .nt, .rdf, .jsonld); default: the bundled articles")
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument("--named-graph", action="append", default=[], type=parse_named_graph, metavar="IRI=FILE",
                        help="load FILE's triples into the named graph IRI (repeatable)")
    parser.add_argument("--base", default=None, help="base IRI of the served graph (default: the dataset's)")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT,
                        help=f"where a folder of articles is built (default: {DEFAULT_OUT})")
    parser.add_argument("--store", metavar="URL",
                        help="serve an external SPARQL 1.1 store (filled by kg publish) instead of a local dataset")
    parser.add_argument("--write-token-file", type=Path, metavar="FILE",
                        help="turn writes on (/update, /rdf-graphs, /articles) with the token in FILE "
                             "(default: $KG_WRITE_TOKEN; no token: writes off)")
    names = ", ".join(s.name for s in SETTINGS)
    parser.add_argument("--setting", nargs=2, action="append", default=[], metavar=("NAME", "VALUE"),
                        help=f"set a server setting (repeatable): {names}")


def run(args: argparse.Namespace) -> int:
    import os

    from kg.build import BuildError
    from kg.server.app import create_app
    from kg.server.processes import process_count, serve
    from kg.server.writes import TOKEN_VARIABLE
    from kg.server.sources import prepare_source

    try:
        settings = make_settings([tuple(pair) for pair in args.setting])
        paths = args.paths or [BUNDLED_ARTICLES]
        base = args.base or settings["base_iri"] or None
        if args.store:
            from kg.remote import remote_dataset

            dataset = remote_dataset(args.store, base=base)
        else:
            dataset = prepare_source(paths, named=args.named_graph, out_dir=args.output, base=base)
        token = args.write_token_file.read_text().strip() if args.write_token_file else None
    except (ValueError, OSError, BuildError) as error:
        print(f"kg serve: {error}", file=sys.stderr)
        return 2
    processes = process_count(int(settings["processes"]), writes_on=bool(token or os.environ.get(TOKEN_VARIABLE)))
    temporary = dataset.temporary
    dataset.temporary = None  # removed here once every server process (granian's forked workers) has stopped
    app = create_app(dataset, settings, write_token=token)
    print(f"kg serve: http://{args.host}:{args.port}/ (SPARQL at /sparql)", file=sys.stderr)
    try:
        return serve(app, args.host, args.port, processes)
    finally:
        dataset.temporary = temporary
        dataset.close()
