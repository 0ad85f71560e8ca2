"""kg eval: the matching rules on a small case, the command line, and the floors reached on each gold set."""

import hashlib
import json
from pathlib import Path

import pytest

from kg.cli import main
from kg.eval import Score, evaluate_dirs, score_article
from kg.extract import extract_corpus
from kg.model import Article

from gold_sets import GOLD, GOLD_SET_BY_NAME, GOLD_SETS

TEXT = ("With 80% of ballots counted, the National Electoral Council of Venezuela said Nicolás Maduro had 51.20% "
        "of the vote. Maduro said it was a “triumph of peace”.")


def test_score_matches_by_spelling_share_within_precision_and_speaker():
    article = Article(Path("a.txt"), TEXT, hashlib.sha256(TEXT.encode()).hexdigest(), "en")
    corpus = extract_corpus([article])
    gold = {
        "entities": [{"name": "Nicolás Maduro", "type": "person", "surface_forms": ["Maduro"]},
                     {"name": "CNE", "type": "party", "surface_forms": ["National Electoral Council"]},
                     {"name": "Edmundo González", "type": "person", "surface_forms": []}],
        "results": [{"candidate": "Nicolas Maduro", "share_percent": 51.2, "kind": "official"}],
        "claims": [{"speaker": "Maduro", "text": "a triumph of peace"}],
    }
    scores = score_article(gold, corpus.extractions[0], corpus.entities)
    assert scores == {
        "entities": Score(2, 3, 3), "typed entities": Score(1, 3, 3), "results": Score(1, 1, 1),
        "claims": Score(1, 2, 1),  # the council's reported statement is extracted too, and not in this gold
    }
    assert (round(scores["entities"].f1, 4), scores["results"].f1) == (0.6667, 1.0)


def test_kg_eval_prints_a_table_per_article_with_a_total(tmp_path, capsys):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles" / "a.txt").write_text("language: en\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "gold" / "a.json").write_text(json.dumps(
        {"entities": [], "results": [{"candidate": "Nicolás Maduro", "share_percent": 51.2, "kind": "official"}],
         "claims": []}), encoding="utf-8")
    assert main(["eval", str(tmp_path / "gold"), str(tmp_path / "articles"), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert list(printed) == ["a", "total"]
    assert printed["a"]["results"] == {"matched": 1, "extracted": 1, "gold": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}


def test_kg_eval_refuses_a_missing_folder(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope"), str(tmp_path)]) == 2
    assert capsys.readouterr().out == f"kg eval: {tmp_path / 'nope'} is not a folder\n"


#: The F1 reached on each gold set when these floors were set; a change that lowers one fails here.
#: The held-out floors guard against regressions only: the extractor's generic fixes were made
#: after a first look at those sets (heldout: entities 0.85, typed 0.78, results 0.24, claims 0.60
#: at first; heldout2-dev: 0.86, 0.76, 0.59, 0.67), so they no longer measure unseen articles.
#: heldout2's test half was scored once, unseen, by the integrator (entities 0.87, typed 0.78,
#: results 0.57, claims 0.61: below the issue's bar of 0.9 / 0.9 / 0.9 / 0.75 on unseen articles).
#: It is now spent as development material too: general rules made after studying its failures
#: (kind cues in plural and definite forms, initials inside names, typing from the noun after a
#: name, the national electoral bodies of many countries) brought it to 0.94, 0.92, 0.98, 0.79.
#: heldout3 was scored once, unseen (entities 0.87, typed 0.84, results 0.47, claims 0.71), then
#: spent as development material too; its floor is what general rules made after studying it reach
#: (a table of the main parties of many countries, party members' figures, parallel tabulations as
#: exit polls, dash-quote tails, appositions naming the speaker, quoted nicknames: 0.96, 0.94, 0.90, 0.84).
#: heldout4 (9 articles on 9 more elections, written without looking at the extractor) was scored
#: once, unseen, after that round: entities 0.88, typed 0.82, results 0.47, claims 0.67. The round
#: lifted heldout3 from 0.47 to 0.90 on results but left unseen articles where they were: rules
#: fitted to one set's failures do not transfer. heldout4 is now spent as development material too:
#: the next round aimed at structure rather than cue words (the head of a figure's own phrase owns it,
#: the name a verb puts at a figure or that scores it, poll makers named before a poll noun, joint
#: lists with a slash, label matches kept to articles naming the country, reported clauses closed by
#: a quote, definite titles and unnamed spokespeople as speakers, "demanded that" as speech) plus
#: reference data (pollsters and parties of more countries). It reached 0.93, 0.89, 0.77, 0.84 on
#: heldout4. Two small sets written outside the repository (3 articles each, one before the round and
#: one midway, then both used for fitting too) went from 0.56 to 0.67 and from 0.35 to 0.75 on
#: results against the extractor before the round. Earlier-round figures were a known gap (the older
#: gold sets labelled "In the first round, X had won 48%" official, heldout3/4 unattributed) until round 3.
#: heldout5 (12 articles on 12 more elections, written blind) was scored once, unseen, after round 1
#: of issue #3: entities 0.89, typed 0.84, results 0.50, claims 0.69. It was then fitted in round 2
#: with general rules: a photo credit is a short capitalised line (a "The final picture: …" paragraph
#: lost every name), "X's <party>" gives the party the figure, a bare number joined to a percentage
#: by a tally link shares its unit, a pronoun refers to the previous sentence's subject, a name in a
#: relative clause owns no figure, plus reference parties of more countries with their English names:
#: 0.89, 0.86, 0.67, 0.69. Its kinds were a known gap until round 3: its gold labels a counted figure
#: whose source the sentence does not name unattributed, where the older sets carried the source over.
#: heldout6 (10 articles on 10 more elections, written blind) was scored once, unseen, after round 2:
#: entities 0.83, typed 0.73, results 0.41, claims 0.53. Round 2 lifted its own set and left unseen
#: articles where they were, as round 1 did.
#: Round 3 of issue #3 listed the misses of every set by class and fixed the largest classes with
#: general rules, studying heldout4, heldout5 and heldout6 too: all three are now fitted and measure
#: unseen articles no more (heldout7, written blind, is the next figure of record). The rules: a share
#: is official only when the text attributes it (the decided convention; the source-less first-round
#: figures of tests/gold/heldout were relabelled unattributed), a capital that acts names its country
#: ("Washington said"), a name that wins seats or a share is a party, names typed by their own words
#: (House, College, Wire; Casa, Banco, Noticias) and venues never entities, a country word after a
#: given name is a surname, a reported clause with a subject of its own keeps its quoted words, "según
#: ella" and "Ifølge ham" speak for the last person named, Spanish reported speech needs "que", live
#: blogs' present-tense speech verbs, owners after the figure ("went to", "de los votos al"), Spanish
#: exit polls ("encuesta de salida"), capitals, platforms and the US State Department in the reference
#: table. Before -> after (entities, typed, results, claims): heldout4 0.93/0.89/0.76/0.83 ->
#: 0.95/0.92/0.88/0.85, heldout5 0.89/0.86/0.67/0.69 -> 0.92/0.90/0.81/0.80, heldout6
#: 0.83/0.72/0.40/0.53 -> 0.89/0.83/0.55/0.74; heldout3 typed 0.94 -> 0.95, results 0.90 -> 0.96;
#: heldout2-test claims 0.80 -> 0.82; examples claims 0.942 -> 0.948; the rest unchanged.
#: heldout7 (12 articles on 12 more elections, written blind during round 3) was scored once, unseen,
#: after round 3: entities 0.85, typed 0.78, results 0.43, claims 0.58 (with the rules before round 3:
#: 0.84, 0.76, 0.46, 0.51): the claim rules carried over, the result rules did not. It is the figure
#: of record and untouched.
#: Round 4 of issue #3 fitted heldout7 too (it measures unseen articles no more; heldout8, written blind,
#: is next), results first, with general rules: a party minted from an article's words belongs to the
#: article's country (key and English name "X (Country)" / "X of Country"; another country's party
#: label in an article about a third country is that country's own party), a list's lines take the
#: source of the paragraph ending in a colon above them, a lone word with a vote share of its own is a
#: party and a tally goes on after a comma, a title held over a place is not part of the name after it,
#: Norwegian transcriptions get their English spelling, "elections committee" is an electoral body, the
#: party after a person's genitive owns a figure, an interview's questions are no claims. Before ->
#: after (entities, typed, results, claims): heldout6 0.89/0.84/0.56/0.74 -> 0.90/0.85/0.73/0.74,
#: heldout7 0.85/0.78/0.43/0.58 -> 0.85/0.79/0.54/0.61; heldout4 entities 0.951 -> 0.953; heldout2-test
#: entities 0.966 -> 0.962 and typed 0.958 -> 0.954 (an Icelandic "De grønne" now minted); the rest
#: unchanged. Most of heldout7's remaining result misses are parties the text names in its own language
#: ("Samlingspartiet", "Smer") that the gold names in English: reference data, not rules.
#: heldout8 (12 articles on 12 more elections, written blind during round 4) was scored once after
#: round 4: entities 0.83, typed 0.75, results 0.54, claims 0.60 (with the rules before round 4:
#: 0.83, 0.74, 0.49, 0.60): the result rules carried over in part, the rest not. Round 4 saw some
#: result-list lines of two of its articles by accident (a search over tests/heldout*); without those
#: two the figures are 0.83, 0.75, 0.61, 0.60. It is the figure of record and untouched.
#: The floors are the figures reached, truncated.
FLOORS = {
    "shared": {"entities": 0.99, "typed entities": 0.99, "results": 1.0, "claims": 0.92},
    "examples": {"entities": 0.99, "typed entities": 0.99, "results": 1.0, "claims": 0.94},
    "heldout": {"entities": 0.96, "typed entities": 0.96, "results": 0.88, "claims": 0.88},
    "heldout2-dev": {"entities": 0.99, "typed entities": 0.99, "results": 1.0, "claims": 0.90},
    "heldout2-test": {"entities": 0.96, "typed entities": 0.95, "results": 0.97, "claims": 0.82},
    "heldout3": {"entities": 0.96, "typed entities": 0.95, "results": 0.96, "claims": 0.86},
    "heldout4": {"entities": 0.95, "typed entities": 0.92, "results": 0.88, "claims": 0.85},
    "heldout5": {"entities": 0.92, "typed entities": 0.90, "results": 0.81, "claims": 0.79},  # claims 0.7999…
    "heldout6": {"entities": 0.90, "typed entities": 0.84, "results": 0.72, "claims": 0.74},
    "heldout7": {"entities": 0.85, "typed entities": 0.79, "results": 0.54, "claims": 0.60},
    "heldout8": {"entities": 0.82, "typed entities": 0.74, "results": 0.54, "claims": 0.60},
}


@pytest.mark.parametrize("gold_set", [s.name for s in GOLD_SETS])  # a set without floors fails
def test_extraction_stays_above_the_f1_it_reached(gold_set, shared_corpus):
    articles = shared_corpus if gold_set == "shared" else GOLD_SET_BY_NAME[gold_set].articles
    total = evaluate_dirs(GOLD / gold_set, articles)["total"]
    assert {c: s.f1 >= FLOORS[gold_set][c] for c, s in total.items()} == {c: True for c in FLOORS[gold_set]}
