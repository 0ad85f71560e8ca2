"""`kg build`: articles in, a conforming dataset folder out, all at once or not at all."""

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest

import kg.extract
from kg.cli import main
from kg.dumps import DUMPS
from kg.model import Corpus, Extraction, Result, Span

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
GOOD = "language: en\n\nThe National Electoral Council said Nicolás Maduro won 51.2% of the vote.\n"


def load(dataset: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(dataset / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_real_articles_build_into_a_dataset_with_every_dump(shared_dataset):
    names = sorted(p.name for p in shared_dataset.iterdir())
    assert names == sorted([*(d[0] for d in DUMPS), "void.ttl", "build.json"])
    summary = json.loads((shared_dataset / "build.json").read_text())
    assert (summary["articles_read"], summary["articles_skipped"]) == (5, 0)


def test_every_span_anchor_is_exactly_the_text_between_its_offsets(shared_dataset):
    rows = load(shared_dataset).query(f"""
        PREFIX nif: <{NIF}>
        SELECT ?span ?begin ?end ?anchor ?text WHERE {{
          ?span nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ;
                nif:referenceContext ?context .
          ?context nif:isString ?text .
        }}""", use_default_graph_as_union=True)
    spans = [(r["span"].value, int(r["begin"].value), int(r["end"].value), r["anchor"].value, r["text"].value) for r in rows]
    assert len(spans) > 50
    mismatched = [(iri, anchor) for iri, b, e, anchor, text in spans if text[b:e] != anchor]
    assert mismatched == []


def test_two_builds_of_the_same_articles_are_identical(shared_corpus, shared_dataset, tmp_path):
    assert main(["build", str(shared_corpus), "-o", str(tmp_path / "again"), "--quiet"]) == 0
    for name, _, _ in DUMPS:
        assert (tmp_path / "again" / name).read_bytes() == (shared_dataset / name).read_bytes(), name


def test_the_nquads_dump_is_sorted_and_has_no_blank_nodes(shared_dataset):
    lines = (shared_dataset / "dataset.nq").read_text().splitlines()
    assert not any(line.startswith("_:") or " _:" in line for line in lines)


def test_the_store_serves_exactly_the_published_dump(shared_dataset):
    # Oxigraph keeps literals only in canonical form; kg writes nothing else, so a dataset that
    # goes into the store comes out byte for byte the same.
    published = (shared_dataset / "dataset.nq").read_bytes()
    dumped = load(shared_dataset).dump(format=ox.RdfFormat.N_QUADS)
    assert sorted(dumped.splitlines()) == sorted(published.splitlines())


def test_void_counts_the_triples_of_the_union(shared_dataset):
    union = ox.Store()
    union.load(path=str(shared_dataset / "union.ttl"), format=ox.RdfFormat.TURTLE)
    void = ox.Store()
    void.load(path=str(shared_dataset / "void.ttl"), format=ox.RdfFormat.TURTLE)
    [row] = void.query("PREFIX void: <http://rdfs.org/ns/void#> SELECT ?n WHERE { ?d a void:Dataset ; void:triples ?n }")
    assert int(row["n"].value) == len(union)


def bad_inputs(folder: Path) -> None:
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD)
    (folder / "b-copy.txt").write_text(GOOD)
    (folder / "c-latin1.txt").write_bytes("language: es\n\nDijo que ganó.".encode("latin-1"))
    (folder / "d-empty.txt").write_text("")
    (folder / "e-image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "f-date.txt").write_text("date: 2024-13-01\n\nText of the article.")


def test_bad_articles_are_skipped_with_a_line_each_and_counted(tmp_path, capsys):
    bad_inputs(tmp_path / "in")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 0
    out, err = capsys.readouterr()
    folder = tmp_path / "in"
    assert [line for line in err.splitlines() if line.startswith("skipped")] == [
        f"skipped {folder / 'b-copy.txt'}: duplicate of a-good.txt (same text)",
        f"skipped {folder / 'c-latin1.txt'}: not valid UTF-8 (line 3, byte offset 26: invalid continuation byte)",
        f"skipped {folder / 'd-empty.txt'}: empty article",
        f"skipped {folder / 'e-image.png'}: binary file (NUL byte at offset 8), not a text article",
        f"skipped {folder / 'f-date.txt'}: header date '2024-13-01' is not a valid date (month must be in 1..12)",
    ]
    assert "articles read     1\narticles skipped  5\n" in out


def test_strict_turns_any_skipped_article_into_a_failure_with_no_output(tmp_path, capsys):
    bad_inputs(tmp_path / "in")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--strict"]) == 1
    assert "kg build: 5 article(s) could not be read (--strict)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_dataset_that_does_not_conform_is_not_written_and_the_old_one_survives(tmp_path, monkeypatch, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--quiet"]) == 0
    before = (tmp_path / "out" / "dataset.nq").read_bytes()

    def impossible_share(articles, **_):
        corpus = real_extract(articles)
        [extraction] = corpus.extractions
        span = Span(0, 3)
        bad = Result("person/nicolas-maduro", Decimal("151"), "151%", Decimal("1"), "exact", "official", span, span)
        return Corpus((Extraction(extraction.article, extraction.mentions, (bad,)),), corpus.entities)

    real_extract = kg.extract.extract_corpus
    monkeypatch.setattr(kg.extract, "extract_corpus", impossible_share)
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "kg:voteShare" in err and "151" in err
    assert "kg build: the built dataset does not conform to the shapes" in err
    assert (tmp_path / "out" / "dataset.nq").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_a_folder_that_is_not_a_dataset_is_never_replaced(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(GOOD)
    (tmp_path / "precious").mkdir()
    (tmp_path / "precious" / "thesis.tex").write_text("years of work")
    assert main(["build", str(tmp_path / "in"), "-o", str(tmp_path / "precious")]) == 1
    assert f"{tmp_path / 'precious'}: exists and is not a kg dataset folder" in capsys.readouterr().err
    assert (tmp_path / "precious" / "thesis.tex").read_text() == "years of work"


def test_the_console_script_builds_and_prints_a_summary(shared_corpus, tmp_path):
    kg_command = Path(sys.executable).with_name("kg")
    done = subprocess.run([kg_command, "build", shared_corpus, "-o", tmp_path / "out"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == f"built {tmp_path / 'out'}"
    labels = [line.rsplit(maxsplit=1)[0] for line in done.stdout.splitlines()[1:]]
    assert labels == ["articles read", "articles skipped", "quads", "entities", "results", "claims", "findings", "seconds"]
