"""The second held-out sets and their gold annotations are well formed and agree.

Two sets of articles about elections the extractor's rules were not written against:

- ``dev``: ``tests/heldout2/dev/articles`` with gold in ``tests/gold/heldout2-dev``, used
  while improving the extractor;
- ``test``: ``tests/heldout2/test/articles`` with gold in ``tests/gold/heldout2-test``,
  measured once, at the end.

Each set holds eight articles: three in English, three in Spanish, two in Norwegian bokmål,
one of them written without a header on purpose. This file parses article headers itself
(``key: value`` lines, then one blank line) so that it checks the data independently of
``kg.articles``.
"""

from __future__ import annotations

import collections
import datetime
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SETS = {
    "dev": (ROOT / "tests" / "heldout2" / "dev" / "articles", ROOT / "tests" / "gold" / "heldout2-dev"),
    "test": (ROOT / "tests" / "heldout2" / "test" / "articles", ROOT / "tests" / "gold" / "heldout2-test"),
}
#: Articles written without a header on purpose, one per set: the reader must cope with them.
HEADERLESS = {"dev": "es_22_bolivia_2020_arce", "test": "en_33_sri_lanka_2024_dissanayake"}
LANGUAGE_COUNTS = {"en": 3, "es": 3, "nb": 2}

ENTITY_TYPES = {"person", "organization", "party", "country", "election"}
RESULT_KINDS = {"official", "exit-poll", "opinion-poll", "opposition-tally", "unattributed"}
ENTITY_KEYS = {"name", "type", "surface_forms"}
RESULT_KEYS = {"candidate", "share_percent", "reported_by", "counted_percent", "kind"}
HEADER_KEYS = {"url", "title", "publisher", "date", "language"}
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


def list_pairs() -> list[tuple[str, Path, Path]]:
    """Every (set, article, gold) triple, paired by file stem."""
    return [
        (name, path, gold_dir / f"{path.stem}.json")
        for name, (article_dir, gold_dir) in SETS.items()
        for path in sorted(article_dir.glob("*.txt"))
    ]


PAIRS = list_pairs()
PAIR_IDS = [f"{name}/{path.stem}" for name, path, _ in PAIRS]


def read_body(path: Path) -> str:
    """The text of an article after its header, as the extractor will see it."""
    return split_header(path.read_text(encoding="utf-8"))[1]


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def find_entity_errors(entity: dict) -> list[str]:
    """Every way one gold entity departs from the format, as readable messages."""
    if set(entity) != ENTITY_KEYS:
        return [f"entity keys {sorted(entity)}"]
    forms = entity["surface_forms"]
    errors = []
    if not isinstance(entity["name"], str) or not entity["name"]:
        errors.append(f"entity name {entity['name']!r}")
    if entity["type"] not in ENTITY_TYPES:
        errors.append(f"{entity['name']}: type {entity['type']!r}")
    if not forms or len(forms) != len(set(forms)) or not all(isinstance(f, str) and f for f in forms):
        errors.append(f"{entity['name']}: surface forms {forms!r}")
    return errors


def find_result_errors(result: dict) -> list[str]:
    """Every way one gold result departs from the format, as readable messages."""
    if set(result) != RESULT_KEYS:
        return [f"result keys {sorted(result)}"]
    errors = []
    share, counted, source = result["share_percent"], result["counted_percent"], result["reported_by"]
    if not is_number(share) or not 0 <= share <= 100:
        errors.append(f"{result['candidate']}: share {share!r}")
    if counted is not None and (not is_number(counted) or not 0 < counted <= 100):
        errors.append(f"{result['candidate']}: counted {counted!r}")
    if source is not None and not isinstance(source, str):
        errors.append(f"{result['candidate']}: reported_by {source!r}")
    if result["kind"] not in RESULT_KINDS:
        errors.append(f"{result['candidate']}: kind {result['kind']!r}")
    return errors


def find_format_errors(gold: dict) -> list[str]:
    """Every way a gold document departs from the format, as readable messages."""
    if set(gold) != {"entities", "results", "claims"}:
        return [f"top-level keys {sorted(gold)}"]
    names = [entity.get("name") for entity in gold["entities"]]
    errors = [f"duplicate entity names in {names}"] if len(names) != len(set(names)) else []
    errors += [error for entity in gold["entities"] for error in find_entity_errors(entity)]
    errors += [error for result in gold["results"] for error in find_result_errors(result)]
    for claim in gold["claims"]:
        if set(claim) != {"speaker", "text"} or not all(
            isinstance(claim[key], str) and claim[key] for key in ("speaker", "text")
        ):
            errors.append(f"claim {claim!r}")
    return errors


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_gold_file_follows_the_format(name, article, gold):
    assert find_format_errors(load_gold(gold)) == []


@pytest.mark.parametrize("name", list(SETS), ids=list(SETS))
def test_articles_and_gold_files_pair_up_by_stem(name):
    article_dir, gold_dir = SETS[name]
    articles = {path.stem for path in article_dir.glob("*.txt")}
    golds = {path.stem for path in gold_dir.glob("*.json")}
    assert len(articles) == 8
    assert articles == golds


@pytest.mark.parametrize("name", list(SETS), ids=list(SETS))
def test_set_has_three_english_three_spanish_and_two_norwegian_articles(name):
    languages = collections.Counter(path.stem.split("_")[0] for path in SETS[name][0].glob("*.txt"))
    assert dict(languages) == LANGUAGE_COUNTS


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_every_surface_form_occurs_verbatim_in_the_article(name, article, gold):
    body = read_body(article)
    missing = [
        (entity["name"], form)
        for entity in load_gold(gold)["entities"]
        for form in entity["surface_forms"]
        if form not in body
    ]
    assert missing == []


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_every_claim_text_occurs_verbatim_in_the_article(name, article, gold):
    body = read_body(article)
    missing = [claim for claim in load_gold(gold)["claims"] if claim["text"] not in body]
    assert missing == []


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_results_name_candidates_and_sources_among_the_entities(name, article, gold):
    annotations = load_gold(gold)
    types = {entity["name"]: entity["type"] for entity in annotations["entities"]}
    strays = [
        result
        for result in annotations["results"]
        if types.get(result["candidate"]) != "person"
        or (result["reported_by"] is not None and result["reported_by"] not in types)
    ]
    assert strays == []


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_every_speaker_is_a_person_organisation_party_or_country_of_the_article(name, article, gold):
    annotations = load_gold(gold)
    types = {entity["name"]: entity["type"] for entity in annotations["entities"]}
    strays = [
        claim
        for claim in annotations["claims"]
        if types.get(claim["speaker"]) not in {"person", "organization", "party", "country"}
    ]
    assert strays == []


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_article_names_exactly_one_election(name, article, gold):
    elections = [entity for entity in load_gold(gold)["entities"] if entity["type"] == "election"]
    assert len(elections) == 1


def test_a_canonical_name_has_one_type_across_both_sets():
    types: dict[str, set[str]] = {}
    for _, _, gold in PAIRS:
        for entity in load_gold(gold)["entities"]:
            types.setdefault(entity["name"], set()).add(entity["type"])
    assert {name: kinds for name, kinds in types.items() if len(kinds) > 1} == {}


def test_dev_and_test_sets_cover_different_elections():
    def elections(set_name: str) -> set[str]:
        return {
            entity["name"]
            for name, _, gold in PAIRS
            if name == set_name
            for entity in load_gold(gold)["entities"]
            if entity["type"] == "election"
        }

    assert elections("dev") & elections("test") == set()


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_article_has_a_complete_header_unless_meant_to_lack_one(name, article, gold):
    header, _ = split_header(article.read_text(encoding="utf-8"))
    if article.stem == HEADERLESS[name]:
        assert header == {}
        return
    assert set(header) == HEADER_KEYS
    assert header["url"].startswith("https://")
    assert ".example." in header["url"]
    assert datetime.date.fromisoformat(header["date"]).isoformat() == header["date"]
    assert header["language"] == article.stem.split("_")[0]


@pytest.mark.parametrize(("name", "article", "gold"), PAIRS, ids=PAIR_IDS)
def test_article_is_a_news_story_of_150_to_400_words(name, article, gold):
    assert 150 <= len(read_body(article).split()) <= 400
