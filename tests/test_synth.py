"""The synthetic corpus: deterministic, in the article format, and true to its ground truth."""

from __future__ import annotations

import argparse
import datetime
import json
import re
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest

from kg import synth
from kg.articles import HEADER_KEYS, parse_article, read_articles
from kg.cli import COMMANDS
from kg.resources import REFERENCE_ENTITIES

N = 1500  # large enough for every template and phase to occur, small enough to be quick


@pytest.fixture(scope="module")
def corpus() -> list[synth.SyntheticArticle]:
    return list(synth.synthesize(N, seed=11))


def body_of(article: synth.SyntheticArticle) -> str:
    return article.text[article.truth["body_offset"] :]


def run_synth(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    synth.add_arguments(parser)
    return synth.run(parser.parse_args(list(argv)))


# Determinism -----------------------------------------------------------------------------


def test_same_seed_gives_identical_articles():
    assert list(synth.synthesize(200, seed=3)) == list(synth.synthesize(200, seed=3))


def test_a_small_corpus_is_a_prefix_of_a_larger_one():
    assert list(synth.synthesize(40, seed=5)) == list(synth.synthesize(400, seed=5))[:40]


def test_another_seed_gives_other_articles():
    first = [a.text for a in synth.synthesize(50, seed=0)]
    other = [a.text for a in synth.synthesize(50, seed=1)]
    assert sum(a == b for a, b in zip(first, other)) == 0


def test_file_names_follow_the_article_number():
    assert [a.name for a in synth.synthesize(3)] == ["000000.txt", "000001.txt", "000002.txt"]


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="must be 0 or more, not -1"):
        list(synth.synthesize(-1))


# The mix ---------------------------------------------------------------------------------
# The corpus is deterministic, so these shares never flake; the bounds state the intended mix.


def shares(values) -> dict[str, float]:
    counts = Counter(values)
    return {key: count / sum(counts.values()) for key, count in counts.items()}


def test_languages_are_mixed_forty_thirty_thirty(corpus):
    mix = shares(a.truth["language"] for a in corpus)
    assert set(mix) == {"en", "nb", "es"}
    assert 0.35 < mix["en"] < 0.45 and 0.25 < mix["nb"] < 0.35 and 0.25 < mix["es"] < 0.35


def test_about_a_tenth_of_articles_have_no_header(corpus):
    assert 0.07 < shares(a.truth["header"] for a in corpus)[False] < 0.13


def test_a_fifth_of_articles_report_the_venezuelan_election(corpus):
    key = "election/venezuela-2024-presidential"
    venezuela = shares(a.truth["election"] == key for a in corpus)
    assert 0.16 < venezuela[True] < 0.24


def test_every_election_phase_and_result_kind_occurs(corpus):
    assert {a.truth["election"] for a in corpus} == {e.key for e in synth.build_world(11)[0]}
    assert {a.truth["phase"] for a in corpus} == {"preview", "night", "after"}
    kinds = {r["kind"] for a in corpus for r in a.truth["results"]}
    assert kinds == {"official", "exit-poll", "opinion-poll", "opposition-tally"}
    bounds = {r["bound"] for a in corpus for r in a.truth["results"]}
    assert bounds == {"exact", "more-than", "less-than", "about"}


def test_elections_have_two_to_six_candidates():
    for election in synth.build_world(0)[0]:
        assert 2 <= len(election.candidates) <= 6
        final = election.stages[-1]["shares"]
        assert sum(final) <= 10000 and final[election.winner] == max(final)


# The format ------------------------------------------------------------------------------


def test_every_article_parses_as_the_format_says(corpus):
    for article in corpus:
        truth = article.truth
        header_lines = article.text[: truth["body_offset"]].split("\n")
        if truth["header"]:
            assert header_lines[-2:] == ["", ""], article.name  # one blank line ends the header
            keys = [line.split(": ", 1)[0] for line in header_lines[:-2]]
            assert set(keys) <= set(HEADER_KEYS) and len(keys) == len(set(keys)), article.name
            fields = dict(line.split(": ", 1) for line in header_lines[:-2])
            assert datetime.date.fromisoformat(fields["date"]).isoformat() == truth["date"]
            assert re.fullmatch(r"https://[a-z]+\.example\.(com|org|net)/\S+", fields["url"])
            assert fields.get("language", truth["language"]) == truth["language"]
        parsed = parse_article(article.text, path=Path(article.name))
        assert parsed.text == body_of(article), article.name  # so truth offsets are offsets into it
        assert unicodedata.is_normalized("NFC", article.text)


def test_a_written_corpus_reads_without_problems(tmp_path):
    synth.write_corpus(300, tmp_path / "articles", seed=2, progress=False)
    articles, problems = read_articles(tmp_path / "articles")
    assert problems == []
    assert len(articles) == 300


# Agreement with the ground truth ---------------------------------------------------------

NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def election_figures(seed: int) -> dict[tuple[str, str, str], set[Decimal]]:
    """Every figure the world holds, by (election, kind, candidate)."""
    figures: dict[tuple[str, str, str], set[Decimal]] = {}
    for e in synth.build_world(seed)[0]:
        sets = [("official", s) for s in e.stages] + [("opinion-poll", p) for p in e.opinion_polls]
        sets += [("exit-poll", e.exit_poll), ("opposition-tally", e.opposition_tally)]
        for kind, figure_set in sets:
            for candidate, share in zip(e.candidates, figure_set["shares"]):
                if share is not None:
                    key = (e.key, kind, candidate.key)
                    figures.setdefault(key, set()).add(Decimal(share) / 100)
    return figures


def agrees(value: Decimal, stated: Decimal, precision: Decimal, bound: str) -> bool:
    return {
        "exact": abs(value - stated) <= precision / 2,
        "more-than": stated < value < stated + 1,
        "less-than": stated - Decimal("0.5") <= value < stated,
        "about": abs(value - stated) <= 1,
    }[bound]


def test_every_reported_figure_is_in_the_text_where_the_truth_says(corpus):
    for article in corpus:
        body = body_of(article)
        for result in article.truth["results"]:
            assert body[result["begin"] : result["end"]] == result["share_text"], article.name
            written = NUMBER.search(result["share_text"]).group().replace(",", ".")
            assert written == result["share"], article.name


def test_every_reported_figure_agrees_with_the_election(corpus):
    figures = election_figures(11)
    for article in corpus:
        for r in article.truth["results"]:
            value = Decimal(r["value"])
            assert value in figures[(article.truth["election"], r["kind"], r["candidate"])]
            assert agrees(value, Decimal(r["share"]), Decimal(r["precision"]), r["bound"]), r


def test_decimal_commas_in_norwegian_and_spanish_points_in_english(corpus):
    for article in corpus:
        for result in article.truth["results"]:
            if result["precision"] != "1":
                mark = "." if article.truth["language"] == "en" else ","
                assert NUMBER.search(result["share_text"]).group()[-3:].count(mark) == 1


def test_counted_shares_are_written_in_the_text(corpus):
    counted = [r for a in corpus for r in a.truth["results"] if r["counted"]]
    assert {r["counted"] for r in counted} >= {"60", "80", "95", "96.9"}
    for article in corpus:
        for r in article.truth["results"]:
            if r["counted"]:
                assert r["counted_text"] in body_of(article)


def test_claims_are_in_the_text_and_quotes_are_marked(corpus):
    opening = {"“", "\"", "«", "– "}
    for article in corpus:
        body = body_of(article)
        for claim in article.truth["claims"]:
            assert body[claim["begin"] : claim["end"]] == claim["text"], article.name
            assert claim["speaker_text"] in body, article.name
            if claim["quoted"]:
                before = body[max(0, claim["begin"] - 2) : claim["begin"]]
                assert any(before.endswith(mark) for mark in opening), (article.name, before)


def test_misspelt_names_are_recorded_and_written(corpus):
    variants = [(a, v) for a in corpus for v in a.truth["variants"]]
    assert len(variants) > 50
    for article, variant in variants:
        assert variant["written"] != variant["canonical"]
        assert variant["written"] in body_of(article)


def test_venezuelan_actors_use_the_reference_table_keys(corpus):
    reference = REFERENCE_ENTITIES.read_text(encoding="utf-8")
    keys = {
        key
        for a in corpus
        if a.truth["election"].startswith("election/venezuela")
        for key in [r["candidate"] for r in a.truth["results"]]
        + [c["speaker"] for c in a.truth["claims"]]
        + [r["announced_by"] for r in a.truth["results"] if r["kind"] != "exit-poll"]
    }
    assert f"<{synth.load_venezuela().key}>" in reference
    # People missing from the table are always introduced by a role ("Chile's president X").
    introduced = {p.key for p in synth.load_venezuela().people if p.role or p.role_text}
    assert {key for key in keys if f"<{key}>" not in reference} <= introduced


# Writing and the command line ------------------------------------------------------------


def test_truth_file_matches_the_articles(tmp_path):
    counts = synth.write_corpus(30, tmp_path / "out", seed=4, truth=tmp_path / "t.jsonl",
                                progress=False)
    articles = list(synth.synthesize(30, seed=4))
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [a.truth for a in articles]
    for article in articles:
        assert (tmp_path / "out" / article.name).read_text(encoding="utf-8") == article.text
    assert counts["articles"] == 30
    assert counts["results"] == sum(len(a.truth["results"]) for a in articles)


def test_synth_is_a_kg_command():
    assert ("synth", "kg.synth") in [(c.name, c.module) for c in COMMANDS]


def test_cli_writes_the_same_bytes_twice_and_the_truth_beside_the_folder(tmp_path, capsys):
    assert run_synth("25", "-o", str(tmp_path / "a"), "--seed", "9") == 0
    assert run_synth("25", "-o", str(tmp_path / "b"), "--seed", "9") == 0
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == [f"{i:06d}.txt" for i in range(25)]
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a.truth.jsonl").read_bytes() == (tmp_path / "b.truth.jsonl").read_bytes()
    assert capsys.readouterr().out.startswith(f"wrote 25 articles (")


def test_cli_refuses_a_non_empty_folder_unless_forced(tmp_path, capsys):
    folder = tmp_path / "full"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    assert run_synth("3", "-o", str(folder)) == 2
    assert capsys.readouterr().err == (
        f"kg synth: {folder} is not empty; choose an empty folder or pass --force\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == ["keep.txt"]
    assert run_synth("3", "-o", str(folder), "--force", "--no-truth") == 0
    assert len(list(folder.iterdir())) == 4
    assert not (tmp_path / "full.truth.jsonl").exists()


def test_cli_refuses_a_negative_count(tmp_path, capsys):
    assert run_synth("-2", "-o", str(tmp_path / "x")) == 2
    assert capsys.readouterr().err == "kg synth: N must be 0 or more, not -2\n"


def test_dash_quotes_and_bullets_are_paragraphs_of_their_own(corpus):
    dash_quotes = [a for a in corpus if "\n– " in body_of(a) or body_of(a).startswith("– ")]
    assert len(dash_quotes) > 20
    for article in corpus:
        for line in body_of(article).split("\n"):
            if line.startswith(("– ", "- ")):
                # one sentence, nothing after it
                assert not re.search(r"[.»”] [A-ZÆØÅ]", line), line


def test_worker_processes_write_the_same_bytes(tmp_path):
    synth.write_corpus(1200, tmp_path / "one", seed=6, truth=tmp_path / "one.jsonl", progress=False)
    synth.write_corpus(1200, tmp_path / "two", seed=6, truth=tmp_path / "two.jsonl", progress=False,
                       jobs=2)
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_cli_refuses_no_workers(tmp_path, capsys):
    assert run_synth("5", "-o", str(tmp_path / "x"), "--jobs", "0") == 2
    assert capsys.readouterr().err == "kg synth: --jobs must be 1 or more, not 0\n"
    assert not (tmp_path / "x").exists()
