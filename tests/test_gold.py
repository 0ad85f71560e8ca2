"""The gold annotations and the articles they annotate are well formed and agree.

Three gold sets, one JSON file per article, named by the article's file stem:

- ``shared``: the real articles in ``../shared/corpus`` (read at run time, never copied);
- ``examples``: the bundled corpus in ``kg/data/articles``;
- ``heldout``: articles about other elections in ``tests/heldout/articles``, kept out of
  the bundled corpus so that extraction can be measured on text it was not tuned on.

This file parses article headers itself (``key: value`` lines, then one blank line) so that
it checks the data independently of ``kg.articles``.
"""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
GOLD = ROOT / "tests" / "gold"
ARTICLE_DIRS = {
    "shared": ROOT.parent / "shared" / "corpus",
    "examples": ROOT / "kg" / "data" / "articles",
    "heldout": ROOT / "tests" / "heldout" / "articles",
}
OWN_SETS = ("examples", "heldout")

ENTITY_TYPES = {"person", "organization", "party", "country", "election"}
RESULT_KINDS = {"official", "exit-poll", "opinion-poll", "opposition-tally", "unattributed"}
HEADER_KEYS = {"url", "title", "publisher", "date", "language"}
LANGUAGES = {"en", "nb", "es"}
#: Bundled articles written without a header on purpose: the reader must cope with them.
HEADERLESS = {"es_01_cne_boletin_sin_cabecera"}
HEADER_LINE = re.compile(r"^([a-z_]+): (.*)$")


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split an article into its header fields and its body.

    >>> split_header("url: https://x.example/a\\nlanguage: en\\n\\nBody.\\n")
    ({'url': 'https://x.example/a', 'language': 'en'}, 'Body.\\n')
    >>> split_header("No header: here.\\n")
    ({}, 'No header: here.\\n')
    """
    lines = text.split("\n")
    header: dict[str, str] = {}
    for number, line in enumerate(lines):
        match = HEADER_LINE.match(line)
        if match:
            header[match.group(1)] = match.group(2)
            continue
        if header and line == "":
            return header, "\n".join(lines[number + 1 :])
        break
    return {}, text


def read_body(path: Path) -> str:
    """The text of an article after its header, as the extractor will see it."""
    return split_header(path.read_text(encoding="utf-8"))[1]


def list_gold() -> list[tuple[str, Path]]:
    return [(name, path) for name in ARTICLE_DIRS for path in sorted((GOLD / name).glob("*.json"))]


def list_own_articles() -> list[tuple[str, Path]]:
    return [(name, path) for name in OWN_SETS for path in sorted(ARTICLE_DIRS[name].glob("*.txt"))]


GOLD_FILES = list_gold()
GOLD_IDS = [f"{name}/{path.stem}" for name, path in GOLD_FILES]
OWN_ARTICLES = list_own_articles()
OWN_IDS = [f"{name}/{path.stem}" for name, path in OWN_ARTICLES]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def article_for(name: str, gold_path: Path) -> Path:
    return ARTICLE_DIRS[name] / f"{gold_path.stem}.txt"


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def find_format_errors(gold: dict) -> list[str]:
    """Every way a gold document departs from the format, as readable messages."""
    errors = []
    if set(gold) != {"entities", "results", "claims"}:
        return [f"top-level keys {sorted(gold)}"]
    names = [entity.get("name") for entity in gold["entities"]]
    if len(names) != len(set(names)):
        errors.append(f"duplicate entity names in {names}")
    for entity in gold["entities"]:
        if set(entity) != {"name", "type", "surface_forms"}:
            errors.append(f"entity keys {sorted(entity)}")
            continue
        forms = entity["surface_forms"]
        if not isinstance(entity["name"], str) or not entity["name"]:
            errors.append(f"entity name {entity['name']!r}")
        if entity["type"] not in ENTITY_TYPES:
            errors.append(f"{entity['name']}: type {entity['type']!r}")
        if not forms or len(forms) != len(set(forms)) or not all(isinstance(f, str) and f for f in forms):
            errors.append(f"{entity['name']}: surface forms {forms!r}")
    for result in gold["results"]:
        if set(result) != {"candidate", "share_percent", "reported_by", "counted_percent", "kind"}:
            errors.append(f"result keys {sorted(result)}")
            continue
        if not isinstance(result["candidate"], str) or not result["candidate"]:
            errors.append(f"result candidate {result['candidate']!r}")
        if not is_number(result["share_percent"]) or not 0 <= result["share_percent"] <= 100:
            errors.append(f"{result['candidate']}: share {result['share_percent']!r}")
        counted = result["counted_percent"]
        if counted is not None and (not is_number(counted) or not 0 < counted <= 100):
            errors.append(f"{result['candidate']}: counted {counted!r}")
        if result["reported_by"] is not None and not isinstance(result["reported_by"], str):
            errors.append(f"{result['candidate']}: reported_by {result['reported_by']!r}")
        if result["kind"] not in RESULT_KINDS:
            errors.append(f"{result['candidate']}: kind {result['kind']!r}")
    for claim in gold["claims"]:
        if set(claim) != {"speaker", "text"}:
            errors.append(f"claim keys {sorted(claim)}")
        elif not all(isinstance(claim[key], str) and claim[key] for key in ("speaker", "text")):
            errors.append(f"claim {claim!r}")
    return errors


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_gold_file_follows_the_format(name, path):
    assert find_format_errors(load_gold(path)) == []


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_gold_file_has_an_article_with_the_same_stem(name, path):
    assert article_for(name, path).is_file()


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_every_surface_form_occurs_verbatim_in_the_article(name, path):
    body = read_body(article_for(name, path))
    missing = [
        (entity["name"], form)
        for entity in load_gold(path)["entities"]
        for form in entity["surface_forms"]
        if form not in body
    ]
    assert missing == []


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_every_claim_text_occurs_verbatim_in_the_article(name, path):
    body = read_body(article_for(name, path))
    missing = [claim for claim in load_gold(path)["claims"] if claim["text"] not in body]
    assert missing == []


@pytest.mark.parametrize(("name", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_results_name_candidates_and_sources_among_the_entities(name, path):
    gold = load_gold(path)
    types = {entity["name"]: entity["type"] for entity in gold["entities"]}
    strays = [
        result
        for result in gold["results"]
        if types.get(result["candidate"]) != "person"
        or (result["reported_by"] is not None and result["reported_by"] not in types)
    ]
    assert strays == []


def test_a_canonical_name_has_one_type_across_all_gold_files():
    types: dict[str, set[str]] = {}
    for _, path in GOLD_FILES:
        for entity in load_gold(path)["entities"]:
            types.setdefault(entity["name"], set()).add(entity["type"])
    assert {name: kinds for name, kinds in types.items() if len(kinds) > 1} == {}


def test_every_speaker_is_a_canonical_entity_name():
    names = {entity["name"] for _, path in GOLD_FILES for entity in load_gold(path)["entities"]}
    speakers = {claim["speaker"] for _, path in GOLD_FILES for claim in load_gold(path)["claims"]}
    assert speakers - names == set()


@pytest.mark.parametrize("name", list(ARTICLE_DIRS), ids=list(ARTICLE_DIRS))
def test_every_article_has_a_gold_file(name):
    articles = {path.stem for path in ARTICLE_DIRS[name].glob("*.txt")}
    golds = {path.stem for path in (GOLD / name).glob("*.json")}
    assert articles and articles == golds


@pytest.mark.parametrize(("name", "path"), OWN_ARTICLES, ids=OWN_IDS)
def test_article_has_a_complete_header_unless_meant_to_lack_one(name, path):
    header, _ = split_header(path.read_text(encoding="utf-8"))
    if path.stem in HEADERLESS:
        assert header == {}
        return
    assert set(header) == HEADER_KEYS
    assert header["url"].startswith("https://")
    assert datetime.date.fromisoformat(header["date"]).isoformat() == header["date"]
    assert header["language"] == path.stem.split("_")[0]


@pytest.mark.parametrize(("name", "path"), OWN_ARTICLES, ids=OWN_IDS)
def test_article_is_a_news_story_of_150_to_450_words(name, path):
    assert 150 <= len(read_body(path).split()) <= 450


def test_bundled_corpus_has_at_least_eight_articles_in_english_norwegian_and_spanish():
    languages = [path.stem.split("_")[0] for path in ARTICLE_DIRS["examples"].glob("*.txt")]
    assert set(languages) == LANGUAGES
    assert len(languages) >= 8
