"""Synthetic election coverage: ``kg synth N -o DIR`` writes N articles and their ground truth.

The articles follow the format ``kg build`` reads (an optional ``key: value`` header, a blank
line, the body) and report elections the way real coverage does: partial counts, rounding,
decimal commas, exit polls, opinion polls, opposition tallies, quotes and reported speech,
misspelt names, distracting numbers. Names, elections and sentences come from the data files in
``kg/data/synth/`` (invented countries and people, plus the 2024 Venezuelan election with its
real actors so that the reference table is exercised). Article ``i`` depends only on ``i`` and
the seed, so ``synth 1000`` is a prefix of ``synth 10000``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from kg.synth.world import build_world, load_venezuela
from kg.synth.writer import (
    Writer, choose_day, title_slots, write_header, write_preview, write_report,
)

__all__ = ["SyntheticArticle", "add_arguments", "build_world", "load_venezuela", "make_article",
           "run", "synthesize", "write_corpus"]

LANGUAGES = ("en", "nb", "es")
LANGUAGE_WEIGHTS = (4, 3, 3)


class SyntheticArticle(NamedTuple):
    """One generated article: its file name, its file text and what it states."""

    name: str
    text: str
    truth: dict[str, Any]


def make_article(index: int, seed: int = 0) -> SyntheticArticle:
    """Article number ``index`` of the corpus of ``seed``, the same whatever the corpus size."""
    rng = random.Random(f"kg-synth:{seed}:{index}")
    elections, weights = build_world(seed)
    election = rng.choices(elections, weights)[0]
    lang = rng.choices(LANGUAGES, LANGUAGE_WEIGHTS)[0]
    phase, day = choose_day(rng, election)
    w = Writer(rng, election, lang, day)
    title = w.pick("titles", lang, phase).format(**title_slots(w))
    if rng.random() < 0.05:  # some sources repeat the headline as the first line of the body
        w.add(title, paragraph=True)
    (write_preview if phase == "preview" else write_report)(w)
    date = election.date + datetime.timedelta(days=day)
    header = write_header(rng, w, title, date, index) if rng.random() >= 0.1 else ""
    body = "".join(w.parts)
    name = f"{index:06d}.txt"
    truth = {"name": name, "election": election.key, "language": lang, "phase": phase,
             "date": date.isoformat(), "header": bool(header), "body_offset": len(header),
             **w.truth}
    return SyntheticArticle(name, header + body + "\n", truth)


def synthesize(n: int, *, seed: int = 0) -> Iterator[SyntheticArticle]:
    """The first ``n`` articles of the synthetic corpus of ``seed``.

    >>> [a.name for a in synthesize(2)]
    ['000000.txt', '000001.txt']
    >>> next(synthesize(1, seed=7)) == next(synthesize(5, seed=7))
    True
    """
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    for index in range(n):
        yield make_article(index, seed)


CHUNK = 500  # articles per unit of work handed to a worker process


def encode_articles(job: tuple[int, int, int, bool]) -> list[tuple[str, bytes, str, int, int]]:
    """Articles ``start`` to ``stop`` of a seed, ready to write: name, bytes, truth line, counts."""
    start, stop, seed, with_truth = job
    encoded = []
    for index in range(start, stop):
        article = make_article(index, seed)
        line = ""
        if with_truth:
            line = json.dumps(article.truth, ensure_ascii=False, separators=(",", ":"))
        encoded.append((article.name, article.text.encode("utf-8"), line,
                        len(article.truth["results"]), len(article.truth["claims"])))
    return encoded


def encode_corpus(n: int, seed: int, with_truth: bool, jobs: int) -> Iterator[list[tuple]]:
    """The encoded articles in order, chunk by chunk, made by ``jobs`` processes."""
    work = [(start, min(start + CHUNK, n), seed, with_truth) for start in range(0, n, CHUNK)]
    if jobs <= 1 or len(work) < 2:
        yield from map(encode_articles, work)
        return
    # Every article depends only on its number and the seed, so workers cannot change the
    # output; imap keeps the order. Spawn, not fork: the parent may run threads (tqdm).
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(encode_articles, work)


def write_corpus(n: int, out_dir: Path, *, seed: int = 0, truth: Path | None = None,
                 progress: bool = True, jobs: int = 1) -> dict[str, int]:
    """Write ``n`` articles into ``out_dir`` (and their truth as JSON lines); return counts."""
    from tqdm import tqdm

    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    out_dir.mkdir(parents=True, exist_ok=True)
    if truth:
        truth.parent.mkdir(parents=True, exist_ok=True)
    counts = {"articles": 0, "bytes": 0, "results": 0, "claims": 0}
    truth_file = truth.open("w", encoding="utf-8") if truth else None
    try:
        with tqdm(total=n, unit="article", disable=not progress) as bar:
            for chunk in encode_corpus(n, seed, truth_file is not None, jobs):
                for name, data, line, results, claims in chunk:
                    with open(os.path.join(out_dir, name), "wb") as file:
                        file.write(data)
                    if truth_file:
                        truth_file.write(line + "\n")
                    counts["bytes"] += len(data)
                    counts["results"] += results
                    counts["claims"] += claims
                counts["articles"] += len(chunk)
                bar.update(len(chunk))
    finally:
        if truth_file:
            truth_file.close()
    return counts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``kg synth``."""
    parser.add_argument("n", type=int, metavar="N", help="how many articles to write")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                        help="folder to write the articles into (must be empty or new)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the corpus (default 0)")
    parser.add_argument("--truth", type=Path, metavar="FILE",
                        help="ground-truth JSON lines file (default: DIR.truth.jsonl beside DIR)")
    parser.add_argument("--no-truth", action="store_true", help="do not write the ground truth")
    parser.add_argument("--force", action="store_true", help="write into a non-empty DIR")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="J",
                        help="worker processes (default: one per CPU); the output is the same")


def run(args: argparse.Namespace) -> int:
    """Write the synthetic corpus ``kg synth`` was asked for; 2 on bad arguments."""
    out_dir: Path = args.output
    if args.n < 0:
        print(f"kg synth: N must be 0 or more, not {args.n}", file=sys.stderr)
        return 2
    if args.jobs < 1:
        print(f"kg synth: --jobs must be 1 or more, not {args.jobs}", file=sys.stderr)
        return 2
    if out_dir.exists() and not out_dir.is_dir():
        print(f"kg synth: {out_dir} exists and is not a folder", file=sys.stderr)
        return 2
    if out_dir.is_dir() and any(out_dir.iterdir()) and not args.force:
        print(f"kg synth: {out_dir} is not empty; choose an empty folder or pass --force",
              file=sys.stderr)
        return 2
    beside = out_dir.with_name(out_dir.name + ".truth.jsonl")
    truth = None if args.no_truth else args.truth or beside
    started = time.perf_counter()
    counts = write_corpus(args.n, out_dir, seed=args.seed, truth=truth,
                          progress=sys.stderr.isatty(), jobs=args.jobs)
    seconds = time.perf_counter() - started
    print(f"wrote {counts['articles']} articles ({counts['bytes'] / 1e6:.1f} MB, "
          f"{counts['results']} results, {counts['claims']} claims) to {out_dir} "
          f"in {seconds:.1f} s" + (f"; truth in {truth}" if truth else ""))
    return 0
