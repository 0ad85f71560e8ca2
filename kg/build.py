"""``kg build``: a folder of articles in, a validated RDF dataset folder out.

read → extract and link → find disagreements → map to quads → validate → write. The output
appears all at once or not at all: everything is written to a temporary folder beside the
target and moved into place only when the dataset conforms to the shapes.
"""

from __future__ import annotations

import argparse
from collections import Counter
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
from kg.dumps import (
    SUMMARY_FILE, canonical_order, union_triples, void_triples, write_dumps, write_summary, write_void,
)
from kg.findings import find_disagreements
from kg.iris import Minter
from kg.mapping import Mapper, publisher_entities
from kg.model import Corpus
from kg.namespaces import DEFAULT_BASE
from kg.progress import progress_bar, say


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
    quads = build_quads(corpus, base=base, show_progress=show_progress)

    say(f"validating {len(quads)} quads against the shapes", show_progress)
    union = union_triples(quads)  # once: validation, the triple dumps and VoID all read it
    report = validate_union(union)
    if not report.conforms:
        raise BuildError("the built dataset does not conform to the shapes", report=report)

    summary = summarise(corpus, quads, problems, started)
    write_atomically(out_dir, quads, union, summary, base=base, run=run_iri(corpus, Minter(base)))
    return summary


def validate_quads(quads: list[Quad]):
    """The SHACL report on ``quads`` (their union) against kg's shapes and ontology."""
    return validate_union(union_triples(quads))


def validate_union(union: list[Triple]):
    """The SHACL report on the union of a dataset's graphs against kg's shapes and ontology."""
    from kg.validate import validate_ntriples

    return validate_ntriples(serialize(union, format=RdfFormat.N_TRIPLES))


def summarise(corpus: Corpus, quads: list[Quad], problems: list[Problem], started: float) -> BuildSummary:
    from kg.namespaces import KG, RDF, SCHEMA

    # Distinct (subject, class) pairs: a subject may have several types, and a claim is typed
    # in every article graph that carries it.
    typed = {(q.subject, q.object.value) for q in quads if q.predicate.value == str(RDF.type)}
    instances = Counter(cls for _, cls in typed)
    return BuildSummary(
        articles_read=len(corpus.extractions),
        articles_skipped=len(problems),
        quads=len(quads),
        entities=len({q.subject for q in quads if q.graph_name.value.endswith("graph/entities")}),
        results=instances[str(KG.ReportedResult)],
        claims=instances[str(SCHEMA.Claim)],
        findings=instances[str(KG.ResultComparison)],
        seconds=time.perf_counter() - started,
        problems=[str(p) for p in problems],
    )


def check_output_folder(out_dir: Path) -> None:
    """Refuse to replace a folder that is not an earlier kg dataset (it may hold someone's files)."""
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / SUMMARY_FILE).exists())):
        raise BuildError(f"{out_dir}: exists and is not a kg dataset folder; choose another -o")


def write_atomically(out_dir: Path, quads: list[Quad], union: list[Triple], summary: BuildSummary, *,
                     base: str, run) -> None:
    """Write the dataset to a temporary folder beside ``out_dir``, then swap it into place."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        write_dumps(quads, union, staging)
        write_void(void_triples(union, base=base, run=run), staging)
        write_summary({**asdict(summary), "base": base, "version": __version__}, staging)
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
