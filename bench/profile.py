"""Where ``kg build`` spends its time, stage by stage, from a py-spy profile of a real build.

``python -m bench.profile ARTICLES_DIR [-o OUT_DIR]`` runs ``kg build`` under py-spy (a sampling
profiler: it reads the process from outside, so the build runs at full speed; it follows the
build's worker and validating processes) and prints the share of samples per stage; ``python -m bench.profile --folded FILE`` reads an existing profile
(py-spy's ``--format raw``: one collapsed stack per line, then its sample count). A sample
counts for the innermost stage function on its stack, so nested stages are not counted twice.
Samples are taken in every process at once, so with workers the shares are of CPU time, not
of the wall-clock time of the build.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from bench.servers import REPO, find_tool, kg_command

#: Stage -> the functions (as py-spy names them, "function (file)") that do its work. Order is
#: outermost first: the last stage found on a stack wins.
STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("startup (imports)", ("<module> (kg/cli.py", "make_parser (kg/cli.py")),
    ("read", ("read_articles (kg/articles.py",)),
    ("extract", ("extract_corpus (kg/extract/__init__.py",)),
    ("extract: receive the workers' answers", ("per_article (kg/extract/__init__.py",)),
    ("extract: find mentions", ("find_mentions (kg/extract/mentions.py",)),
    ("link", ("link_mentions (kg/link.py",)),
    ("extract: results, roles, statements", ("_extract_article (kg/extract/__init__.py",)),
    ("link: cluster claims", ("cluster_statements (",)),
    ("map", ("build_quads (kg/build.py", "map_dataset (kg/build.py")),
    ("map: articles (workers)", ("_map_batch (kg/assemble.py",)),
    ("map: entities and findings (worker)", ("shared_graphs (kg/build.py",)),
    ("map: find disagreements", ("find_disagreements (kg/findings.py",)),
    ("map: print and sort N-Quads", ("add_quads (kg/assemble.py",)),
    ("map: merge the workers' graphs", ("merge (kg/assemble.py",)),
    ("map: ready the shapes", ("ready_validation (kg/build.py",)),
    ("map: sort and deduplicate", ("canonical_order (kg/dumps.py", "sorted_dataset (kg/assemble.py")),
    ("validate: union as N-Triples", ("validate_union (kg/build.py", "ntriples (kg/assemble.py")),
    ("union of the graphs", ("union_triples (kg/dumps.py",)),
    ("validate: shifty", ("validate_ntriples (kg/validate.py",)),
    ("summarise", ("summarise_counts (kg/build.py", "count_statements (kg/dumps.py")),
    ("write", ("publish (kg/build.py",)),
    ("write: dumps", ("write_dataset (kg/build.py", "write_text_dumps (kg/dumps.py")),
)


def stage_of(stack: str) -> str:
    """The innermost stage whose function is on ``stack`` (frames separated by ';').

    >>> stage_of("<module> (kg/cli.py:6);build_dataset (kg/build.py:112);build_quads (kg/build.py:80);x (y.py:1)")
    'map'
    >>> stage_of("main (z.py:1)")
    'other'
    """
    frames = stack.split(";")
    best, depth = "other", -1
    for stage, markers in STAGES:
        for i, frame in enumerate(frames):
            if i > depth and any(frame.startswith(m) for m in markers):
                best, depth = stage, i
    return best


def read_folded(path: Path) -> Counter:
    """Samples per stage in a py-spy raw (collapsed stacks) file."""
    counts: Counter = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, samples = line.rpartition(" ")
        if stack and samples.isdigit():
            counts[stage_of(stack)] += int(samples)
    return counts


def hot_functions(path: Path, stage: str, top: int = 8) -> list[tuple[str, int]]:
    """The leaf frames that take most samples within ``stage`` (what to optimise first)."""
    counts: Counter = Counter()
    for line in path.read_text(errors="replace").splitlines():
        stack, _, samples = line.rpartition(" ")
        if stack and samples.isdigit() and stage_of(stack) == stage:
            counts[stack.split(";")[-1].split(" (")[0] + " (" + stack.split(";")[-1].split(" (")[-1]] += int(samples)
    return counts.most_common(top)


def table(counts: Counter, rate: int) -> dict:
    """Seconds and share per stage."""
    total = sum(counts.values()) or 1
    return {stage: {"seconds": round(n / rate, 1), "share": round(n / total, 3)}
            for stage, n in sorted(counts.items(), key=lambda item: -item[1])}


def profile_build(articles: Path, out: Path, folded: Path, rate: int) -> None:
    """Run ``kg build`` under py-spy, writing collapsed stacks to ``folded``."""
    subprocess.run([find_tool("py-spy"), "record", "--subprocesses", "--rate", str(rate), "--format", "raw", "-o", str(folded), "--",
                    *kg_command(), "build", str(articles), "-o", str(out), "--quiet"], cwd=REPO, check=True,
                   stdout=sys.stderr)  # py-spy talks on stdout; ours is the JSON report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, help="folder of articles to build under py-spy")
    parser.add_argument("-o", "--output", type=Path, help="dataset folder to write (default: a temporary one)")
    parser.add_argument("--folded", type=Path, help="read this py-spy raw profile instead of running a build")
    parser.add_argument("--rate", type=int, default=50, help="samples per second (default: 50)")
    parser.add_argument("--top", type=int, default=0, help="also list the N hottest functions of each big stage")
    args = parser.parse_args(argv)
    if args.folded is None:
        if args.articles is None:
            parser.error("give ARTICLES or --folded")
        args.folded = Path(tempfile.mkdtemp()) / "build.folded"
        profile_build(args.articles, args.output or args.folded.parent / "dataset", args.folded, args.rate)
    stages = table(read_folded(args.folded), args.rate)
    report = {"profile": str(args.folded), "rate": args.rate, "stages": stages}
    if args.top:
        report["hot"] = {s: hot_functions(args.folded, s, args.top) for s, f in stages.items() if f["share"] >= 0.05}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
