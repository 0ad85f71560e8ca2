"""``kg build``: a folder of articles in, a validated RDF dataset folder out.

read → extract and link → find disagreements → map to quads → validate → write. The output
appears all at once or not at all: everything is written to a temporary folder beside the
target and moved into place only when the dataset conforms to the shapes.
"""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing import get_context
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg import __version__
from kg.articles import ArticleError, Problem, read_articles
from kg.assemble import Dataset, Graphs, map_articles, sorted_dataset
from kg.dumps import (
    SUMMARY_FILE, UnionCounts, canonical_order, count_statements, describe_dataset, union_triples, write_summary,
    write_text_dumps, write_void,
)
from kg.findings import find_disagreements
from kg.iris import Minter
from kg.mapping import Mapper, publisher_entities
from kg.model import Corpus
from kg.namespaces import DEFAULT_BASE
from kg.progress import progress_bar, progress_counter, say


class BuildError(Exception):
    """A build that must stop; the message says why. ``report`` holds a SHACL report, if any."""

    def __init__(self, message: str, *, report=None):
        super().__init__(message)
        self.report = report


@dataclass
class BuildSummary:
    """What a build read, skipped and produced."""

    articles_read: int = 0
    articles_skipped: int = 0
    quads: int = 0
    entities: int = 0
    results: int = 0
    claims: int = 0
    findings: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            f"articles read     {self.articles_read}",
            f"articles skipped  {self.articles_skipped}",
            f"quads             {self.quads}",
            f"entities          {self.entities}",
            f"results           {self.results}",
            f"claims            {self.claims}",
            f"findings          {self.findings}",
            f"seconds           {self.seconds:.2f}",
        ]


def run_iri(corpus: Corpus, minter: Minter):
    """The extraction run that makes ``corpus``: this kg version over these articles."""
    return minter.run(__version__, [e.article.key for e in corpus.extractions])


def build_quads(corpus: Corpus, *, base: str = DEFAULT_BASE, show_progress: bool = False) -> list[Quad]:
    """Every quad of the dataset for ``corpus``, deduplicated and in canonical order."""
    minter = Minter(base)
    mapper = Mapper(minter, version=__version__, run=run_iri(corpus, minter))
    entities = {**publisher_entities(corpus), **corpus.entities}
    quads: list[Quad] = list(mapper.entity_quads(entities.values()))
    for extraction in progress_bar(corpus.extractions, "mapping", show_progress):
        quads.extend(mapper.article_quads(extraction))
    quads.extend(mapper.finding_quads(find_disagreements(corpus)))
    return canonical_order(quads)


def map_dataset(corpus: Corpus, *, base: str = DEFAULT_BASE, show_progress: bool = False,
                workers: int | None = None) -> Dataset:
    """The dataset for ``corpus`` as canonical N-Quads text: the quads of :func:`build_quads`.

    The articles, the entities and the findings are mapped in worker processes (``workers``,
    default one per core) while this process readies the shapes for validation.
    """
    minter = Minter(base)
    mapper = Mapper(minter, version=__version__, run=run_iri(corpus, minter))

    def shared_graphs() -> Graphs:
        graphs = Graphs()
        entities = {**publisher_entities(corpus), **corpus.entities}
        graphs.add_quads(mapper.entity_quads(entities.values()))
        graphs.add_quads(mapper.finding_quads(find_disagreements(corpus)))
        return graphs

    def ready_validation() -> None:
        from kg.validate import load_class_hierarchy, prepared_shapes

        prepared_shapes(), load_class_hierarchy()  # parsed here, inherited by the validating process

    with progress_counter("mapping", show_progress, total=len(corpus.extractions)) as advance:
        graphs = map_articles(mapper, corpus.extractions, shared_graphs, workers=workers, on_progress=advance,
                              meanwhile=ready_validation)
    return sorted_dataset(graphs)


def build_dataset(
    articles_dir: Path,
    out_dir: Path,
    *,
    base: str = DEFAULT_BASE,
    strict: bool = False,
    show_progress: bool = False,
) -> BuildSummary:
    """Build the articles in ``articles_dir`` into a validated dataset folder ``out_dir``."""
    started = time.perf_counter()
    articles_dir, out_dir = Path(articles_dir), Path(out_dir)
    check_output_folder(out_dir)
    try:
        articles, problems = read_articles(articles_dir)
    except ArticleError as error:
        raise BuildError(str(error)) from None
    for problem in problems:
        say(f"skipped {problem}")
    if strict and problems:
        raise BuildError(f"{len(problems)} article(s) could not be read (--strict)")
    if not articles:
        raise BuildError(f"{articles_dir}: no articles to build")

    say(f"extracting from {len(articles)} articles", show_progress)
    from kg.extract import extract_corpus  # heavy (language tables, matchers): only when building

    corpus = extract_corpus(
        articles, progress=lambda items, label: progress_bar(items, label, show_progress, total=len(articles))
    )
    dataset = map_dataset(corpus, base=base, show_progress=show_progress)

    say(f"validating {dataset.quads} quads against the shapes, writing the dumps meanwhile", show_progress)
    summary = None
    from kg.validate import load_class_hierarchy

    with validation_in_background(dataset.ntriples(ordered=False, tail=b"\n" + load_class_hierarchy())) as pending:
        counts = count_statements(dataset.triples)

        def write(folder: Path) -> None:
            nonlocal summary
            write_dataset(folder, dataset, counts, base=base, run=run_iri(corpus, Minter(base)))
            report = pending()
            if not report.conforms:
                raise BuildError("the built dataset does not conform to the shapes", report=report)
            summary = summarise_counts(corpus, dataset, counts, problems, started)
            write_summary({**asdict(summary), "base": base, "version": __version__}, folder)

        publish(out_dir, write)
    return summary


def write_dataset(folder: Path, dataset: Dataset, counts: UnionCounts, *, base: str, run) -> None:
    """Write the dumps of ``dataset`` and its VoID description (from ``counts``) into ``folder``."""
    write_text_dumps(dataset.nquads_chunks(), dataset.ntriples(), folder)
    write_void(describe_dataset(counts, base=base, run=run), folder)


@contextmanager
def validation_in_background(ntriples: bytes) -> Iterator[Callable[[], object]]:
    """Validate the union ``ntriples`` (ending with the ontology's class hierarchy, see
    :func:`kg.validate.validate_ntriples`) in a forked process; the yielded function waits for the report.

    shifty holds the GIL while it validates, so a thread would not help. One process, not
    two with half of the shapes each: about half of a
    shifty call is reading and indexing the data whatever the shapes, so a second process
    paid that again (8 s of CPU at 1,000 articles, and the memory twice) while this one
    writes the dumps on the other core anyway. The fork inherits the text and the prepared
    shapes instead of receiving them through a pipe; ``gc.freeze`` keeps the child's collector
    off the parent's objects, which would otherwise be copied page by page.
    """
    global _PENDING
    _PENDING = ntriples
    del ntriples
    gc.freeze()
    try:
        with ProcessPoolExecutor(1, mp_context=get_context("fork")) as pool:
            future = pool.submit(_validate_pending)  # forks now
            _PENDING = None  # the child has its copy; the parent's can go
            gc.unfreeze()
            yield future.result
            future.cancel()
    finally:
        _PENDING = None
        gc.unfreeze()


_PENDING: bytes | None = None


def _validate_pending():
    from kg.validate import validate_ntriples

    return validate_ntriples(_PENDING, with_classes=True)


def validate_quads(quads: list[Quad]):
    """The SHACL report on ``quads`` (their union) against kg's shapes and ontology."""
    return validate_union(union_triples(quads))


def validate_union(union: list[Triple]):
    """The SHACL report on the union of a dataset's graphs against kg's shapes and ontology."""
    from kg.validate import validate_ntriples

    return validate_ntriples(serialize(union, format=RdfFormat.N_TRIPLES))


def summarise_counts(corpus: Corpus, dataset: Dataset, counts: UnionCounts, problems: list[Problem],
                     started: float) -> BuildSummary:
    """The summary of a build from the text form of its dataset and the union's VoID counts.

    The union holds each (subject, rdf:type, class) once, so VoID's class counts are the
    distinct typed instances.
    """
    from kg.namespaces import KG, SCHEMA

    instances = {term.value: n for term, n in counts.classes.items()}
    return BuildSummary(
        articles_read=len(corpus.extractions),
        articles_skipped=len(problems),
        quads=dataset.quads,
        entities=len({line.split(" ", 1)[0] for line in dataset.lines_of("graph/entities")}),
        results=instances.get(str(KG.ReportedResult), 0),
        claims=instances.get(str(SCHEMA.Claim), 0),
        findings=instances.get(str(KG.ResultComparison), 0),
        seconds=time.perf_counter() - started,
        problems=[str(p) for p in problems],
    )


def check_output_folder(out_dir: Path) -> None:
    """Refuse to replace a folder that is not an earlier kg dataset (it may hold someone's files)."""
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / SUMMARY_FILE).exists())):
        raise BuildError(f"{out_dir}: exists and is not a kg dataset folder; choose another -o")


def publish(out_dir: Path, write: Callable[[Path], None]) -> None:
    """Let ``write`` fill a temporary folder beside ``out_dir``, then swap it into place."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        write(staging)
        replace_folder(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def replace_folder(new: Path, target: Path) -> None:
    """Put ``new`` where ``target`` is, keeping the old one until the new one is in place."""
    if not target.exists():
        os.replace(new, target)
        return
    retired = target.with_name(f".{target.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    os.replace(target, retired)
    os.replace(new, target)
    shutil.rmtree(retired, ignore_errors=True)


# -- the command ------------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("articles", type=Path, metavar="ARTICLES_DIR", help="folder of article files")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT_DIR",
                        help="dataset folder to write (replaced whole, only when the build succeeds)")
    parser.add_argument("--base", default=os.environ.get("KG_BASE_IRI", DEFAULT_BASE),
                        help=f"base IRI of everything minted (default: $KG_BASE_IRI or {DEFAULT_BASE})")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 1) when any article cannot be read, instead of skipping it")
    parser.add_argument("--quiet", action="store_true", help="no progress bar and no summary")


def run(args: argparse.Namespace) -> int:
    show = not args.quiet and sys.stderr.isatty()
    try:
        summary = build_dataset(args.articles, args.output, base=args.base, strict=args.strict, show_progress=show)
    except BuildError as error:
        if error.report is not None:
            print(error.report.to_text(), file=sys.stderr)
        print(f"kg build: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(f"built {args.output}")
        print("\n".join(summary.lines()))
    return 0
