"""Reading RDF in any syntax, the validation report, and ``kg validate``'s exit codes."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, SH

from kg.cli import main
from kg.validate import (
    RdfInputError,
    ValidationReport,
    Violation,
    load_class_hierarchy,
    load_rdf,
    load_shapes,
    union_graph,
    validate_graph,
)

FIXTURE = Path(__file__).parent / "fixtures" / "minimal.trig"
RESULT = "<https://example.org/kg/id/result/3f1c0a9d2b7e4c51>"
SHARE_151 = Violation(
    focus_node=RESULT,
    path="kg:voteShare",
    value='"151"^^xsd:decimal',
    message="A result has exactly one kg:voteShare, an xsd:decimal percentage from 0 to 100.",
    severity="Violation",
    shape="kg:ResultVoteShareShape",
    constraint="sh:MaxInclusiveConstraintComponent",
)
#: The misprinted result no longer agrees with the reported figure it belongs to (51.2).
DISAGREES_WITH_FIGURE = Violation(
    focus_node=RESULT,
    path="kg:reportsFigure",
    value="",
    message="A result reports (kg:reportsFigure) only a figure with its own kg:candidate, kg:election, "
            "kg:resultKind, kg:voteShare, kg:sharePrecision, kg:shareBound and kg:countedShare.",
    severity="Violation",
    shape="kg:MembershipAgreementShape",
    constraint="sh:MaxCountConstraintComponent",
)


def write_share_151(folder: Path) -> Path:
    """The fixture with Maduro's 51.2 % misprinted as 151 %."""
    path = folder / "share-151.trig"
    text = FIXTURE.read_text(encoding="utf-8")
    path.write_text(text.replace('kg:voteShare "51.2"^^xsd:decimal', 'kg:voteShare "151"^^xsd:decimal', 1), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fixture_union() -> Graph:
    return union_graph(load_rdf(FIXTURE))


# --- reading RDF ----------------------------------------------------------------------------

# (file name, rdflib syntax to write it in, whether the syntax keeps named graphs)
SYNTAXES = [
    ("data.trig", "trig", True),
    ("data.nq", "nquads", True),
    ("data.jsonld", "json-ld", True),
    ("data.json", "json-ld", True),
    ("data.ttl", "turtle", False),
    ("data.nt", "nt", False),
    ("data.rdf", "xml", False),
    ("data.xml", "xml", False),
    ("data.owl", "xml", False),
    ("data.n3", "n3", False),
]


@pytest.mark.parametrize(("name", "syntax", "quads"), SYNTAXES, ids=[s[0] for s in SYNTAXES])
def test_load_rdf_reads_each_syntax_by_extension(tmp_path, fixture_union, name, syntax, quads):
    source = load_rdf(FIXTURE) if quads else fixture_union
    path = tmp_path / name
    path.write_text(source.serialize(format=syntax), encoding="utf-8")
    loaded = load_rdf(path)
    assert isinstance(loaded, Dataset)
    # Compared with rdflib's own reading of the file: its Turtle writer turns "80"^^xsd:decimal
    # into 80.0, so a round trip is not always term-for-term.
    expected = union_graph(Dataset().parse(path, format=syntax))
    assert len(expected) == len(fixture_union)
    assert isomorphic(union_graph(loaded), expected)
    if quads:
        assert {g.identifier for g in loaded.graphs() if len(g)} == {g.identifier for g in source.graphs() if len(g)}


def test_load_rdf_takes_the_format_over_the_extension(tmp_path, fixture_union):
    (tmp_path / "data.txt").write_text(fixture_union.serialize(format="nt"), encoding="utf-8")
    assert isomorphic(union_graph(load_rdf(tmp_path / "data.txt", format="nt")), fixture_union)


def test_load_rdf_reads_a_built_dataset_folder_through_its_dataset_nq(tmp_path, fixture_union):
    (tmp_path / "dataset.nq").write_text(load_rdf(FIXTURE).serialize(format="nquads"), encoding="utf-8")
    (tmp_path / "union.ttl").write_text("this file is not read", encoding="utf-8")
    assert isomorphic(union_graph(load_rdf(tmp_path)), fixture_union)


# (id, file name, content, line, parser's message)
BAD_SYNTAX = [
    ("turtle", "bad.ttl", "@prefix a: <http://a/> .\na:x a:y a:z .\na:x a:y .\n", 3, "objectList expected"),
    ("trig", "bad.trig", "@prefix a: <http://a/> .\n<http://g> {\na:x a:y a:z .\na:x a:y }\n", 4,
     "objectList expected"),
    ("n3", "bad.n3", "@prefix a: <http://a/> .\n\nb:x a:y a:z .\n", 3, 'Prefix "b:" not bound'),
    ("n-triples", "bad.nt", '<http://a> <http://b> <http://c> .\n\n<http://a> <http://b> "x\n', 3,
     'unexpected text: "x'),
    ("n-quads", "bad.nq", "<http://a> <http://b> <http://c> <http://g> .\n<http://a> <http://b> <http://c> <http://g> <http://h> .\n",
     2, "unexpected text:  <http://h> ."),
    ("rdf-xml-not-xml", "bad.rdf",
     '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
     '<rdf:Description rdf:about="http://a">\n</rdf:RDF>\n', 4, "mismatched tag"),
    ("rdf-xml-not-rdf", "bad.rdf",
     '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
     '<rdf:Description rdf:about="http://a">\n  <rdf:li rdf:resource="http://b" rdf:parseType="Literal"/>\n'
     "</rdf:Description>\n</rdf:RDF>\n", 4,
     "Invalid property attribute URI: http://www.w3.org/1999/02/22-rdf-syntax-ns#parseType"),
    ("json-ld", "bad.jsonld", '{\n  "@id": "http://a",\n  "http://b": "x",\n}\n', 4,
     "Expecting property name enclosed in double quotes"),
    ("not-utf-8", "bad.ttl", '<http://a> <http://b> "ok" .\n<http://a> <http://b> "\xff" .\n', 2,
     "not UTF-8: invalid start byte"),
]


@pytest.mark.parametrize(("name", "content", "line", "message"), [b[1:] for b in BAD_SYNTAX], ids=[b[0] for b in BAD_SYNTAX])
def test_bad_syntax_names_the_file_line_and_parser_message(tmp_path, name, content, line, message):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if "\xff" in content else content.encode("utf-8"))
    with pytest.raises(RdfInputError) as caught:
        load_rdf(path)
    assert (caught.value.path, caught.value.line, caught.value.reason) == (str(path), line, message)
    assert str(caught.value) == f"{path}:{line}: {message}"


# (id, path below tmp_path, format, message)
BAD_INPUT = [
    ("missing-file", "missing.ttl", None, "No such file or directory"),
    ("unknown-extension", "data.csv", None,
     "cannot tell the syntax from the extension; use --format or one of "
     ".json .jsonld .n3 .nq .nt .owl .rdf .trig .ttl .xml"),
    ("unknown-format", "data.ttl", "csv", "unknown format 'csv'; use one of turtle, nt, nquads, trig, json-ld, xml, n3"),
    ("folder-without-dataset", "empty/dataset.nq", None, "not a built dataset folder: it has no dataset.nq"),
]


@pytest.mark.parametrize(("name", "format", "message"), [b[1:] for b in BAD_INPUT], ids=[b[0] for b in BAD_INPUT])
def test_bad_input_is_an_rdf_input_error_naming_the_file(tmp_path, name, format, message):
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "data.ttl").write_text("", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    target = tmp_path / "empty" if name.startswith("empty/") else tmp_path / name
    with pytest.raises(RdfInputError) as caught:
        load_rdf(target, format=format)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == f"{tmp_path / name}: {message}"


# --- the report -----------------------------------------------------------------------------


def test_fixture_conforms():
    report = validate_graph(load_rdf(FIXTURE))
    assert (report.conforms, report.results) == (True, ())
    assert report.to_text() == "Conforms: the data satisfies every kg shape."
    assert report.to_json() == {"conforms": True, "results": []}


def test_report_names_focus_path_value_message_and_shape(tmp_path):
    report = validate_graph(load_rdf(write_share_151(tmp_path)))
    assert report.results == (DISAGREES_WITH_FIGURE, SHARE_151)
    assert report.to_json() == {"conforms": False, "results": [DISAGREES_WITH_FIGURE.__dict__, SHARE_151.__dict__]}
    assert report.to_text() == (
        "Does not conform: 2 violation(s).\n\n"
        "Violation of kg:MembershipAgreementShape (sh:MaxCountConstraintComponent)\n"
        f"  focus node: {RESULT}\n"
        "  path:       kg:reportsFigure\n"
        "  value:      -\n"
        f"  message:    {DISAGREES_WITH_FIGURE.message}\n\n"
        "Violation of kg:ResultVoteShareShape (sh:MaxInclusiveConstraintComponent)\n"
        f"  focus node: {RESULT}\n"
        "  path:       kg:voteShare\n"
        '  value:      "151"^^xsd:decimal\n'
        "  message:    A result has exactly one kg:voteShare, an xsd:decimal percentage from 0 to 100."
    )
    report_node = report.report_graph.value(predicate=RDF.type, object=SH.ValidationReport)
    assert report.report_graph.value(report_node, SH.conforms).toPython() is False


def test_data_that_ends_with_the_class_hierarchy_gets_the_report_the_bare_data_gets(tmp_path):
    from kg.validate import validate_ntriples

    bare = union_graph(load_rdf(write_share_151(tmp_path))).serialize(format="nt", encoding="utf-8")
    joined = validate_ntriples(bare + b"\n" + load_class_hierarchy(), with_classes=True)
    assert joined.results == validate_ntriples(bare).results == (DISAGREES_WITH_FIGURE, SHARE_151)
    assert not joined.conforms


def test_results_are_sorted_by_focus_node(tmp_path):
    text = write_share_151(tmp_path).read_text(encoding="utf-8")
    text = text.replace('kg:voteShare "51.2"^^xsd:decimal', 'kg:voteShare "-1"^^xsd:decimal', 1)
    report = validate_graph(Dataset().parse(data=text, format="trig"))
    assert [(r.focus_node, r.constraint) for r in report.results] == [
        (RESULT, "sh:MaxCountConstraintComponent"),
        (RESULT, "sh:MaxInclusiveConstraintComponent"),
        ("<https://example.org/kg/id/result/8e02b6d4a1c97f30>", "sh:MaxCountConstraintComponent"),
        ("<https://example.org/kg/id/result/8e02b6d4a1c97f30>", "sh:MinInclusiveConstraintComponent"),
    ]


def test_a_plain_graph_is_validated_as_it_is(fixture_union):
    assert validate_graph(fixture_union).conforms


def test_validation_reads_the_union_of_named_graphs(fixture_union):
    # The result is in the article's graph, the article it points at in the provenance graph:
    # only their union satisfies kg:ResultSourceShape's sh:class.
    dataset = load_rdf(FIXTURE)
    assert len([g for g in dataset.graphs() if len(g)]) == 5
    assert validate_graph(dataset).conforms


def test_shapes_and_class_hierarchy_are_loaded_once():
    assert load_shapes() is load_shapes()
    assert load_class_hierarchy() is load_class_hierarchy()


def test_report_is_a_dataclass_of_strings():
    assert ValidationReport.__dataclass_fields__.keys() == {"conforms", "results", "report_graph"}
    assert Violation.__dataclass_fields__.keys() == {
        "focus_node", "path", "value", "message", "severity", "shape", "constraint"}


# --- kg validate ----------------------------------------------------------------------------


def test_cli_exits_0_when_the_data_conforms(capsys):
    assert main(["validate", str(FIXTURE)]) == 0
    assert capsys.readouterr().out == "Conforms: the data satisfies every kg shape.\n"


def test_cli_exits_1_and_prints_the_report_when_it_does_not(tmp_path, capsys):
    assert main(["validate", str(write_share_151(tmp_path))]) == 1
    out = capsys.readouterr().out
    assert out.startswith("Does not conform: 2 violation(s).\n\nViolation of kg:MembershipAgreementShape")
    assert "Violation of kg:ResultVoteShareShape" in out
    assert f"  focus node: {RESULT}\n" in out


def test_cli_json_report(tmp_path, capsys):
    assert main(["validate", str(write_share_151(tmp_path)), "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == {
        "conforms": False, "results": [DISAGREES_WITH_FIGURE.__dict__, SHARE_151.__dict__]}


def test_cli_reads_the_format_option(tmp_path, capsys):
    path = tmp_path / "data.txt"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["validate", str(path), "--format", "trig"]) == 0


@pytest.mark.parametrize(("name", "content", "line", "message"), [b[1:] for b in BAD_SYNTAX], ids=[b[0] for b in BAD_SYNTAX])
def test_cli_exits_2_with_one_line_file_line_message(tmp_path, capsys, name, content, line, message):
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1") if "\xff" in content else content.encode("utf-8"))
    assert main(["validate", str(path)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"kg validate: {path}:{line}: {message}\n")


def test_installed_kg_command_validates(tmp_path):
    kg = Path(sys.executable).parent / "kg"
    bad = tmp_path / "bad.ttl"
    bad.write_text("<http://a> <http://b> .\n", encoding="utf-8")
    conforming = subprocess.run([kg, "validate", FIXTURE], capture_output=True, text=True, check=False)
    broken = subprocess.run([kg, "validate", bad], capture_output=True, text=True, check=False)
    assert (conforming.returncode, conforming.stdout) == (0, "Conforms: the data satisfies every kg shape.\n")
    assert (broken.returncode, broken.stdout, broken.stderr) == (
        2, "", f"kg validate: {bad}:1: objectList expected\n")


def test_against_a_dataset_an_addition_is_checked_in_the_context_it_would_join(bundled_dataset, tmp_path, capsys):
    # Alone, a second English name is fine; joined to the published person it breaks the one
    # name per language rule, and only in context can that be seen.
    addition = tmp_path / "second-name.ttl"
    addition.write_text(
        '<https://example.org/kg/id/person/nicolas-maduro> <http://schema.org/name> "Nick Maduro"@en .\n'
    )
    assert main(["validate", str(addition)]) == 0
    capsys.readouterr()
    assert main(["validate", str(addition), "--against", str(bundled_dataset), "--json"]) == 1
    [violation] = json.loads(capsys.readouterr().out)["results"]
    assert (violation["focus_node"], violation["path"], violation["shape"]) == (
        "<https://example.org/kg/id/person/nicolas-maduro>", "schema:name", "kg:EntityNameShape",
    )


def test_against_something_that_is_not_a_dataset_is_an_error(tmp_path, capsys):
    addition = tmp_path / "a.ttl"
    addition.write_text("<http://x/a> <http://x/b> <http://x/c> .\n")
    assert main(["validate", str(addition), "--against", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"kg validate: {tmp_path}: not a built dataset folder (no dataset.nq)\n"
