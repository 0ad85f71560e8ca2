"""The gold annotations and the articles they annotate are well formed and agree.

Every gold set is one row of ``GOLD_SETS``: an articles folder, a gold folder holding one JSON
file per article (named by the article's file stem), and the rules that hold for that set:

- ``shared``: the real articles in ``../shared/corpus`` (read at run time, never copied);
- ``examples``: the bundled corpus in ``kg/data/articles``;
- ``heldout``: articles about other elections in ``tests/heldout/articles``, kept out of the
  bundled corpus so that extraction can be measured on text it was not tuned on;
- ``heldout2-dev`` and ``heldout2-test``: two more sets of eight articles about further
  elections, one used while improving the extractor, the other measured once, at the end.

Articles are read with :func:`kg.articles.read_article`, so every check holds for the text the
extractor sees (the NFC-normalised body), not for the bytes on disk.
"""

from __future__ import annotations

import collections
import json
from functools import cache
from pathlib import Path

import pytest

from kg.articles import HEADER_KEYS, read_article, split_header
from kg.model import Article

from gold_sets import GOLD_SETS, GoldSet

ENTITY_TYPES = {"person", "organization", "party", "country", "election"}
SPEAKER_TYPES = {"person", "organization", "party", "country"}
#: A person runs for president; in a parliamentary election the parties (and lists) are the candidates.
CANDIDATE_TYPES = {"person", "party"}
RESULT_KINDS = {"official", "exit-poll", "opinion-poll", "opposition-tally", "unattributed"}
ENTITY_KEYS = {"name", "type", "surface_forms"}
RESULT_KEYS = {"candidate", "share_percent", "reported_by", "counted_percent", "kind"}

SET_IDS = [gold_set.name for gold_set in GOLD_SETS]

# Per-file cases come from the gold folders, which are in the repository, so a missing
# articles folder (../shared beside the clone) makes every case of its set fail, not vanish.
GOLD_FILES = [(s, path) for s in GOLD_SETS for path in sorted(s.gold.glob("*.json"))]
GOLD_IDS = [f"{s.name}/{path.stem}" for s, path in GOLD_FILES]
SELF_CONTAINED = [(s, path) for s, path in GOLD_FILES if s.self_contained]
SELF_CONTAINED_IDS = [f"{s.name}/{path.stem}" for s, path in SELF_CONTAINED]
OWN_ARTICLES = [(s, path) for s in GOLD_SETS if s.own for path in sorted(s.articles.glob("*.txt"))]
OWN_IDS = [f"{s.name}/{path.stem}" for s, path in OWN_ARTICLES]


@cache
def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def load_article(path: Path) -> Article:
    return read_article(path)


def article_for(gold_set: GoldSet, gold_path: Path) -> Path:
    return gold_set.articles / f"{gold_path.stem}.txt"


def is_number(value: object) -> bool:
    """Whether ``value`` is an int or float (a bool is not a number here).

    >>> [is_number(v) for v in (3, 4.5, True, "7", None)]
    [True, True, False, False, False]
    """
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def find_entity_errors(entity: dict) -> list[str]:
    """Every way one gold entity departs from the format, as readable messages.

    >>> find_entity_errors({"name": "Lula", "type": "person", "surface_forms": ["Lula"]})
    []
    >>> find_entity_errors({"name": "Lula", "type": "man", "surface_forms": ["Lula", "Lula"]})
    ["Lula: type 'man'", "Lula: surface forms ['Lula', 'Lula']"]
    """
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
    """Every way one gold result departs from the format, as readable messages.

    >>> find_result_errors({"candidate": "Lula", "share_percent": 101, "reported_by": None,
    ...                     "counted_percent": 0, "kind": "rumour"})
    ['Lula: share 101', 'Lula: counted 0', "Lula: kind 'rumour'"]
    """
    if set(result) != RESULT_KEYS:
        return [f"result keys {sorted(result)}"]
    errors = []
    candidate, share = result["candidate"], result["share_percent"]
    counted, source = result["counted_percent"], result["reported_by"]
    if not isinstance(candidate, str) or not candidate:
        errors.append(f"result candidate {candidate!r}")
    if not is_number(share) or not 0 <= share <= 100:
        errors.append(f"{candidate}: share {share!r}")
    if counted is not None and (not is_number(counted) or not 0 < counted <= 100):
        errors.append(f"{candidate}: counted {counted!r}")
    if source is not None and not isinstance(source, str):
        errors.append(f"{candidate}: reported_by {source!r}")
    if result["kind"] not in RESULT_KINDS:
        errors.append(f"{candidate}: kind {result['kind']!r}")
    return errors


def find_format_errors(gold: dict) -> list[str]:
    """Every way a gold document departs from the format, as readable messages.

    >>> find_format_errors({"entities": [], "results": [],
    ...                     "claims": [{"speaker": "", "text": "x"}]})
    ["claim {'speaker': '', 'text': 'x'}"]
    >>> find_format_errors({"entities": []})
    ["top-level keys ['entities']"]
    """
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


def entity_types(gold: dict) -> dict[str, str]:
    """The type of each canonical entity name of one gold document.

    >>> entity_types({"entities": [{"name": "Chile", "type": "country", "surface_forms": []}]})
    {'Chile': 'country'}
    """
    return {entity["name"]: entity["type"] for entity in gold["entities"]}


# --- each set as a whole ---------------------------------------------------------------------


@pytest.mark.parametrize("gold_set", GOLD_SETS, ids=SET_IDS)
def test_articles_and_gold_files_pair_up_by_stem(gold_set):
    assert gold_set.articles.is_dir(), f"{gold_set.articles}: articles folder missing"
    articles = {path.stem for path in gold_set.articles.glob("*.txt")}
    golds = {path.stem for path in gold_set.gold.glob("*.json")}
    assert len(articles) >= gold_set.min_articles
    if gold_set.language_counts is not None:
        assert len(articles) == sum(gold_set.language_counts.values())
    assert articles == golds
    assert gold_set.headerless <= articles
    assert gold_set.dateless <= articles


@pytest.mark.parametrize("gold_set", GOLD_SETS, ids=SET_IDS)
def test_set_has_its_mix_of_languages(gold_set):
    languages = collections.Counter(
        load_article(path).language for path in sorted(gold_set.articles.glob("*.txt"))
    )
    if gold_set.language_counts is not None:
        assert dict(languages) == gold_set.language_counts
    if gold_set.languages is not None:
        assert set(languages) == gold_set.languages


# --- each gold file and its article ---------------------------------------------------------


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_gold_file_follows_the_format(gold_set, path):
    assert find_format_errors(load_gold(path)) == []


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_gold_file_has_an_article_with_the_same_stem(gold_set, path):
    assert article_for(gold_set, path).is_file()


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_every_surface_form_occurs_verbatim_in_the_article(gold_set, path):
    text = load_article(article_for(gold_set, path)).text
    missing = [
        (entity["name"], form)
        for entity in load_gold(path)["entities"]
        for form in entity["surface_forms"]
        if form not in text
    ]
    assert missing == []


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_every_claim_text_occurs_verbatim_in_the_article(gold_set, path):
    text = load_article(article_for(gold_set, path)).text
    missing = [claim for claim in load_gold(path)["claims"] if claim["text"] not in text]
    assert missing == []


@pytest.mark.parametrize(("gold_set", "path"), GOLD_FILES, ids=GOLD_IDS)
def test_results_name_candidates_and_sources_among_the_entities(gold_set, path):
    gold = load_gold(path)
    types = entity_types(gold)
    strays = [
        result
        for result in gold["results"]
        if types.get(result["candidate"]) not in CANDIDATE_TYPES
        or (result["reported_by"] is not None and result["reported_by"] not in types)
    ]
    assert strays == []


@pytest.mark.parametrize(("gold_set", "path"), SELF_CONTAINED, ids=SELF_CONTAINED_IDS)
def test_every_speaker_is_a_person_organisation_party_or_country_of_the_article(gold_set, path):
    gold = load_gold(path)
    types = entity_types(gold)
    strays = [claim for claim in gold["claims"] if types.get(claim["speaker"]) not in SPEAKER_TYPES]
    assert strays == []


@pytest.mark.parametrize(("gold_set", "path"), SELF_CONTAINED, ids=SELF_CONTAINED_IDS)
def test_article_names_exactly_one_election(gold_set, path):
    elections = [entity for entity in load_gold(path)["entities"] if entity["type"] == "election"]
    assert len(elections) == 1


# --- the articles written for kg ------------------------------------------------------------


@pytest.mark.parametrize(("gold_set", "path"), OWN_ARTICLES, ids=OWN_IDS)
def test_article_has_a_complete_header_unless_meant_to_lack_one(gold_set, path):
    content = path.read_text(encoding="utf-8")
    header, _ = split_header(content)
    article = load_article(path)
    if path.stem in gold_set.headerless:
        assert header == {}
        assert (article.url, article.title, article.publisher, article.date) == (None,) * 4
        return
    if path.stem in gold_set.dateless:
        assert {"url", "title", "publisher"} <= set(header) <= set(HEADER_KEYS) - {"date"}
        assert article.date is None
    else:
        assert set(header) == set(HEADER_KEYS)
        assert article.date.isoformat() == header["date"]
    # Written plainly: lowercase keys, one space after the colon, a blank line after the header.
    assert content.startswith("".join(f"{key}: {value}\n" for key, value in header.items()) + "\n")
    assert article.url.startswith("https://")
    assert ".example." in article.url
    assert article.title and article.publisher
    assert header.get("language", article.language) == path.stem.split("_")[0]


@pytest.mark.parametrize(("gold_set", "path"), OWN_ARTICLES, ids=OWN_IDS)
def test_article_language_is_the_one_its_file_name_starts_with(gold_set, path):
    assert load_article(path).language == path.stem.split("_")[0]


@pytest.mark.parametrize(("gold_set", "path"), OWN_ARTICLES, ids=OWN_IDS)
def test_article_is_a_news_story_of_the_sets_length(gold_set, path):
    low, high = gold_set.words
    assert low <= len(load_article(path).text.split()) <= high


# --- across sets ----------------------------------------------------------------------------


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


def elections_of(gold_set: GoldSet) -> set[str]:
    """The canonical names of the elections a set's gold files name."""
    return {
        entity["name"]
        for path in sorted(gold_set.gold.glob("*.json"))
        for entity in load_gold(path)["entities"]
        if entity["type"] == "election"
    }


@pytest.mark.parametrize("gold_set", [s for s in GOLD_SETS if s.held_out],
                         ids=[s.name for s in GOLD_SETS if s.held_out])
def test_held_out_set_covers_elections_no_other_set_names(gold_set):
    others = set().union(*(elections_of(s) for s in GOLD_SETS if s is not gold_set))
    assert elections_of(gold_set)
    assert elections_of(gold_set) & others == set()
