"""Scoring the extractor against gold annotations: ``kg eval GOLD_DIR ARTICLES_DIR [--json]``.

The articles of ARTICLES_DIR are extracted together (as ``kg build`` does) and each article with a
gold file ``GOLD_DIR/<stem>.json`` is scored. Gold format::

    {"entities": [{"name", "type", "surface_forms": [...]}],
     "results": [{"candidate", "share_percent", "reported_by", "counted_percent", "kind"}],
     "claims": [{"speaker", "text"}]}

Matching rules, one gold item to at most one extracted item (greedy, in gold order):

- **entities**: the extracted entities are those the article mentions. A gold entity matches one
  whose spellings (its names, aliases and the anchors of its mentions in the article), folded for
  case and accents, include the gold name or one of its surface forms.
- **typed entities**: as entities, and the types agree (a government organisation is an organisation).
- **results**: the candidate matches as an entity does, the share is within half the extracted
  figure's precision of the gold share (51.2 matches 51.20 and 51,2), and the kinds are equal.
- **claims**: the speaker matches as an entity does, and the texts share at least 60% of the gold
  text's words and 20% of the extracted text's words (folded, punctuation ignored).

Precision, recall and F1 are given per article and category, and micro-averaged over all articles.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from kg.extract.text import fold
from kg.model import Corpus, Entity, Extraction

CATEGORIES = ("entities", "typed entities", "results", "claims")
CLAIM_GOLD_SHARE = 0.6
CLAIM_EXTRACTED_SHARE = 0.2


@dataclass(frozen=True)
class Score:
    """Counts of one category: matched, extracted and gold items."""

    matched: int
    extracted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.extracted + other.extracted, self.gold + other.gold)

    def as_dict(self) -> dict[str, float | int]:
        return {"matched": self.matched, "extracted": self.extracted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def score_article(gold: dict, extraction: Extraction, entities: dict[str, Entity]) -> dict[str, Score]:
    """The scores of one article's extraction against its gold annotations."""
    text = extraction.article.text
    forms: dict[str, set[str]] = {}
    for m in extraction.mentions:
        forms.setdefault(m.entity, set()).add(fold(text[m.span.begin:m.span.end]))
    for key in list(forms):
        entity = entities[key]
        forms[key] |= {fold(n) for n in entity.names.values()} | {fold(a) for _, a in entity.aliases}

    def names(key: str | None, name: str) -> bool:
        return key is not None and fold(name) in _spellings(key, forms, entities)

    gold_entities = gold.get("entities", [])
    extracted = sorted(forms)
    entity_match = _match(gold_entities, extracted,
                          lambda g, k: any(fold(n) in forms[k] for n in [g["name"], *g.get("surface_forms", [])]))
    typed = sum(1 for g, k in entity_match if _kind(entities[k].kind) == g["type"])
    results = _match(gold.get("results", []), list(extraction.results),
                     lambda g, r: names(r.candidate, g["candidate"]) and r.kind == g["kind"]
                     and abs(r.share - Decimal(str(g["share_percent"]))) <= r.precision / 2)
    claims = _match(gold.get("claims", []), list(extraction.claims),
                    lambda g, c: names(c.speaker, g["speaker"]) and _texts_overlap(g["text"], c.text))
    return {
        "entities": Score(len(entity_match), len(extracted), len(gold_entities)),
        "typed entities": Score(typed, len(extracted), len(gold_entities)),
        "results": Score(len(results), len(extraction.results), len(gold.get("results", []))),
        "claims": Score(len(claims), len(extraction.claims), len(gold.get("claims", []))),
    }


def _spellings(key: str, forms: dict[str, set[str]], entities: dict[str, Entity]) -> set[str]:
    if key in forms:
        return forms[key]
    entity = entities.get(key)
    return {fold(n) for n in entity.names.values()} | {fold(a) for _, a in entity.aliases} if entity else set()


def _kind(kind: str) -> str:
    return "organization" if kind == "government-organization" else kind


def _match(gold: list, extracted: list, fits: Callable) -> list[tuple]:
    taken: set[int] = set()
    pairs = []
    for g in gold:
        for i, item in enumerate(extracted):
            if i not in taken and fits(g, item):
                taken.add(i)
                pairs.append((g, item))
                break
    return pairs


def _texts_overlap(gold: str, extracted: str) -> bool:
    """Whether two wordings share enough words to be the same statement.

    >>> _texts_overlap("serious concerns", "serious concerns that the outcome does not reflect")
    True
    >>> _texts_overlap("cries fraud", "a triumph of peace and stability")
    False
    """
    g, x = set(re.findall(r"\w+", fold(gold))), set(re.findall(r"\w+", fold(extracted)))
    shared = len(g & x)
    return bool(g) and bool(x) and shared >= CLAIM_GOLD_SHARE * len(g) and shared >= CLAIM_EXTRACTED_SHARE * len(x)


def evaluate(corpus: Corpus, gold_dir: Path) -> dict[str, dict[str, Score]]:
    """Scores per article stem (and ``"total"``, micro-averaged) for every article with a gold file."""
    scores: dict[str, dict[str, Score]] = {}
    for extraction in sorted(corpus.extractions, key=lambda e: e.article.stem):
        gold_file = gold_dir / f"{extraction.article.stem}.json"
        if gold_file.exists():
            gold = _read_gold(gold_file)
            scores[extraction.article.stem] = score_article(gold, extraction, corpus.entities)
    total = {c: sum((s[c] for s in scores.values()), Score(0, 0, 0)) for c in CATEGORIES}
    return {**scores, "total": total}


def _read_gold(path: Path) -> dict:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"{path}: not a readable gold JSON file: {error}") from error
    if not isinstance(gold, dict):
        raise SystemExit(f"{path}: a gold file holds one JSON object")
    return gold


def evaluate_dirs(gold_dir: Path, articles_dir: Path) -> dict[str, dict[str, Score]]:
    """Read ``articles_dir``, extract it and score it against ``gold_dir``."""
    from kg.articles import read_articles
    from kg.extract import extract_corpus

    articles, problems = read_articles(articles_dir)
    if not articles:
        raise SystemExit(f"{articles_dir}: no articles to evaluate ({'; '.join(map(str, problems)) or 'empty'})")
    return evaluate(extract_corpus(articles), gold_dir)


def format_table(scores: dict[str, dict[str, Score]]) -> str:
    """The scores as a plain-text table: one row per article, P/R/F1 per category."""
    width = max([len(k) for k in scores] + [7])
    head = f"{'article':<{width}}  " + "  ".join(f"{c:^20}" for c in CATEGORIES)
    sub = f"{'':<{width}}  " + "  ".join(f"{'P':>6}{'R':>7}{'F1':>7}" for _ in CATEGORIES)
    rows = [head, sub]
    for stem, by_category in scores.items():
        cells = "  ".join(f"{s.precision:6.2f}{s.recall:7.2f}{s.f1:7.2f}" for s in (by_category[c] for c in CATEGORIES))
        rows.append(f"{stem:<{width}}  {cells}")
    return "\n".join(rows)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold_dir", type=Path, metavar="GOLD_DIR", help="folder of <article stem>.json gold files")
    parser.add_argument("articles_dir", type=Path, metavar="ARTICLES_DIR", help="folder of articles to extract")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")


def run(args: argparse.Namespace) -> int:
    for folder in (args.gold_dir, args.articles_dir):
        if not folder.is_dir():
            print(f"kg eval: {folder} is not a folder")
            return 2
    scores = evaluate_dirs(args.gold_dir, args.articles_dir)
    if args.json:
        print(json.dumps({stem: {c: s.as_dict() for c, s in cats.items()} for stem, cats in scores.items()}, indent=2))
    else:
        print(format_table(scores))
    return 0


