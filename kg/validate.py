"""Validate RDF against kg's SHACL shapes and ontology: the library calls and ``kg validate``.

:func:`load_rdf` reads a file in any common syntax (or a built dataset folder) into a
:class:`rdflib.Dataset`; :func:`validate_graph` checks the union of its graphs and returns a
:class:`ValidationReport`; :func:`validate_ntriples` does the same for N-Triples bytes (what the
build and the writes have, from pyoxigraph, without an rdflib graph). Exceptions::

    ValueError
     └── RdfInputError    a file that cannot be read or parsed; names the file (and line)

The engine is shifty (pyshifty), a SHACL Core and SHACL-SPARQL engine in Rust: it validates a
1,000-article dataset in about a fifteenth of pySHACL's time and a one-article graph in a few
milliseconds, where pySHACL spends 150 ms on any graph at all. pySHACL stays the reference:
tests/test_shapes.py runs every case through both and requires the same violations.

Inference is off: the shapes check what the data states. The ontology's ``rdfs:subClassOf``
triples are added to the data, so ``sh:class schema:Organization`` accepts a
``schema:GovernmentOrganization``: SHACL follows subclass links in the data graph itself. RDFS
inference would also apply the ontology's ``rdfs:domain`` and ``rdfs:range``, typing any object
of ``kg:holder`` a ``schema:Person`` and so making every ``sh:class`` check on it vacuous.

Shapes and ontology are parsed and planned once per process; the build validates many times.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

import shifty
from rdflib import BNode, Dataset, Graph, Node
from rdflib.collection import Collection
from rdflib.exceptions import ParserError
from rdflib.namespace import RDF, RDFS, SH
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.plugins.parsers.nquads import NQuadsParser
from rdflib.plugins.parsers.ntriples import W3CNTriplesParser

from kg.namespaces import bind_prefixes
from kg.resources import resource_dir

#: The syntaxes ``--format`` accepts (rdflib's plugin names).
FORMATS: tuple[str, ...] = ("turtle", "nt", "nquads", "trig", "json-ld", "xml", "n3")

#: The syntax each file extension means.
EXTENSIONS: dict[str, str] = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".n3": "n3",
}

#: The file of a built dataset folder that holds every graph.
DATASET_FILE = "dataset.nq"

#: rdflib's line parsers say which regular expression failed; people need the text it met.
_EATEN = re.compile(r"^Failed to eat .* at (.*)$", re.DOTALL)

#: rdflib's RDF/XML handler puts the position in its message: ``SYSTEM-ID:LINE:COLUMN: why``.
_RDFXML_POSITION = re.compile(r"^.*?:(\d+):\d+: (.*)$", re.DOTALL)


class RdfInputError(ValueError):
    """RDF input that cannot be read or parsed; ``str()`` is ``FILE:LINE: message``."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None):
        self.path, self.reason, self.line = str(path), reason, line
        where = self.path if line is None else f"{self.path}:{line}"
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL result, every term in kg's compact form (``kg:voteShare``, ``<iri>``)."""

    focus_node: str
    path: str
    value: str
    message: str
    severity: str
    shape: str
    constraint: str


@dataclass(frozen=True)
class ValidationReport:
    """Whether data conforms to kg's shapes, and each violation sorted by focus node."""

    conforms: bool
    results: tuple[Violation, ...]
    report_graph: Graph = field(repr=False, compare=False)

    def to_text(self) -> str:
        """The report for people: a verdict line, then one block per violation."""
        if self.conforms:
            return "Conforms: the data satisfies every kg shape."
        blocks = [f"Does not conform: {len(self.results)} violation(s)."]
        for result in self.results:
            blocks.append(
                f"{result.severity} of {result.shape} ({result.constraint})\n"
                f"  focus node: {result.focus_node}\n"
                f"  path:       {result.path or '-'}\n"
                f"  value:      {result.value or '-'}\n"
                f"  message:    {result.message}"
            )
        return "\n\n".join(blocks)

    def to_json(self) -> dict:
        """The report as a JSON-ready dict: ``conforms`` and a list of ``results``."""
        return {"conforms": self.conforms, "results": [asdict(r) for r in self.results]}


def choose_format(path: Path, format: str | None = None) -> str:
    """The rdflib syntax name for ``path``: ``format`` if given, else from its extension.

    >>> choose_format(Path("data.TTL"))
    'turtle'
    >>> choose_format(Path("data.txt"), "nquads")
    'nquads'
    """
    if format is not None:
        if format not in FORMATS:
            raise RdfInputError(path, f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
        return format
    try:
        return EXTENSIONS[path.suffix.lower()]
    except KeyError:
        known = " ".join(sorted(EXTENSIONS))
        reason = f"cannot tell the syntax from the extension; use --format or one of {known}"
        raise RdfInputError(path, reason) from None


def load_rdf(path: Path | str, *, format: str | None = None) -> Dataset:
    """Parse the RDF file ``path`` (or a built dataset folder's ``dataset.nq``) into a Dataset."""
    path = Path(path)
    if path.is_dir():
        path = path / DATASET_FILE
        if not path.is_file():
            raise RdfInputError(path, "not a built dataset folder: it has no dataset.nq")
    syntax = choose_format(path, format)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise RdfInputError(path, error.strerror or str(error)) from None
    dataset = bind_prefixes(Dataset())
    try:
        dataset.parse(data=data, format=syntax, publicID=path.resolve().as_uri())
    except Exception as error:  # each rdflib parser raises its own kinds; all are bad input here
        line, reason = locate_error(error, data, syntax)
        raise RdfInputError(path, reason, line) from error
    return dataset


def locate_error(error: Exception, data: bytes, syntax: str) -> tuple[int | None, str]:
    """The line (1-based, when known) and the parser's message for a failed parse."""
    if isinstance(error, BadSyntax):  # Turtle, TriG, N3: ``lines`` counts the newlines before
        return error.lines + 1, error._why
    if isinstance(error, json.JSONDecodeError):
        return error.lineno, error.msg
    if hasattr(error, "getLineNumber"):  # xml.sax.SAXParseException from the RDF/XML parser
        return error.getLineNumber(), error.getMessage()
    if syntax in ("nt", "nquads") and isinstance(error, ParserError):
        found = find_bad_line(data.decode("utf-8", errors="replace"), syntax)
        if found:
            return found
    if syntax == "xml" and (match := _RDFXML_POSITION.match(str(error))):
        return int(match[1]), match[2]
    if isinstance(error, UnicodeDecodeError):
        return data.count(b"\n", 0, error.start) + 1, f"not UTF-8: {error.reason}"
    return None, f"not valid {syntax}: {error or type(error).__name__}"


class _NullSink:
    """A sink that drops what the N-Triples and N-Quads parsers give it."""

    def triple(self, *_):
        pass

    def add(self, *_):
        pass

    def get_context(self, *_):
        return self

    @property
    def default_context(self):
        return self


def find_bad_line(text: str, syntax: str) -> tuple[int, str] | None:
    """The first line of N-Triples or N-Quads ``text`` that does not parse, and why.

    rdflib's line parsers report the bad line's content but not its number, so this parses
    line by line (the formats allow no statement across lines).

    >>> find_bad_line('<http://a> <http://b> <http://c> .\\n<http://a> <http://b> .\\n', "nt")
    (2, 'Unrecognised object type')
    """
    parser = NQuadsParser() if syntax == "nquads" else W3CNTriplesParser()
    parser.sink = _NullSink()
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        parser.line = line
        try:
            parser.parseline()
        except ParserError as error:
            return number, _EATEN.sub(r"unexpected text: \1", str(error))
    return None


@cache
def load_shapes() -> Graph:
    """The shapes in shapes/, parsed once per process."""
    shapes = bind_prefixes(Graph())
    for path in sorted(resource_dir("shapes").glob("*.ttl")):
        shapes.parse(path, format="turtle")
    return shapes


@cache
def prepared_shapes() -> shifty.PreparedValidator:
    """kg's shapes parsed and planned by shifty, once per process."""
    return shifty.PreparedValidator(load_shapes().serialize(format="turtle", encoding="utf-8"))


@cache
def load_ontology() -> Graph:
    """The kg ontology, parsed once per process."""
    return bind_prefixes(Graph()).parse(resource_dir("ontology") / "kg.ttl", format="turtle")


@cache
def load_class_hierarchy() -> bytes:
    """The ontology's ``rdfs:subClassOf`` triples as N-Triples: all of it that validation reads.

    Labels, comments and ``owl:oneOf`` lists would only make every validated graph bigger.
    """
    hierarchy = Graph()
    for triple in load_ontology().triples((None, RDFS.subClassOf, None)):
        hierarchy.add(triple)
    return hierarchy.serialize(format="nt", encoding="utf-8")


def union_graph(data: Graph) -> Graph:
    """One graph with the triples of every graph in ``data`` (a plain Graph is returned as is).

    >>> ds = Dataset()
    >>> from rdflib import URIRef as U
    >>> _ = ds.graph(U("http://g/1")).add((U("http://a"), U("http://p"), U("http://b")))
    >>> _ = ds.graph(U("http://g/2")).add((U("http://a"), U("http://p"), U("http://c")))
    >>> len(union_graph(ds))
    2
    """
    if not isinstance(data, Dataset) and not data.context_aware:
        return data
    union = bind_prefixes(Graph())
    for s, p, o, _ in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_graph(data: Graph) -> ValidationReport:
    """Validate the union of ``data``'s graphs against kg's shapes, with the ontology's classes."""
    return validate_ntriples(union_graph(data).serialize(format="nt", encoding="utf-8"))


def validate_ntriples(data: bytes, *, shapes: shifty.PreparedValidator | None = None,
                      shape_names: Sequence[str] | None = None, with_classes: bool = False) -> ValidationReport:
    """Validate the N-Triples ``data`` against kg's shapes (or ``shapes``), with the ontology's classes.

    ``shape_names`` limits validation to those shapes as entry points.
    ``with_classes`` says ``data`` ends with :func:`load_class_hierarchy` already: the build
    appends it when it prints the union, which saves a copy of the whole data here.
    """
    source = data if with_classes else data + b"\n" + load_class_hierarchy()
    conforms, report_graph, _ = (shapes or prepared_shapes()).validate(
        source, infer=False, graph_mode="data", shape_names=shape_names
    )
    bind_prefixes(report_graph)
    describe_result_paths(report_graph, load_shapes())
    results = tuple(
        sorted(read_violation(report_graph, r) for r in report_graph.objects(None, SH.result))
    )
    return ValidationReport(conforms=bool(conforms), results=results, report_graph=report_graph)


def describe_result_paths(report: Graph, shapes: Graph) -> None:
    """Give each result whose ``sh:resultPath`` is an undescribed blank node its shape's path.

    shifty names a complex path (``[ sh:inversePath prov:wasDerivedFrom ]``) by a fresh blank
    node and leaves out its description, which SHACL 3.6.2.3 asks for; kg's property shapes
    are named, so the path is the one their ``sh:path`` gives in the shapes graph.
    """
    for result, path in list(report.subject_objects(SH.resultPath)):
        shape = report.value(result, SH.sourceShape)
        described = shapes.value(shape, SH.path) if shape is not None else None
        if isinstance(path, BNode) and not any(report.predicate_objects(path)) and described is not None:
            report.set((result, SH.resultPath, described))
            copy_description(shapes, report, described)


def copy_description(source: Graph, target: Graph, node: Node) -> None:
    """Copy ``node``'s triples from ``source`` and, through blank nodes, all they lead to."""
    todo, seen = [node], set()
    while todo:
        current = todo.pop()
        if current in seen or not isinstance(current, BNode):
            continue
        seen.add(current)
        for predicate, value in source.predicate_objects(current):
            target.add((current, predicate, value))
            todo.append(value)


def read_violation(report: Graph, result: Node) -> Violation:
    """One ``sh:ValidationResult`` of ``report`` as a :class:`Violation`."""

    def show(predicate) -> str:
        term = report.value(result, predicate)
        return "" if term is None else render_term(report, term)

    messages = sorted(str(m) for m in report.objects(result, SH.resultMessage))
    path = report.value(result, SH.resultPath)
    return Violation(
        focus_node=show(SH.focusNode),
        path="" if path is None else render_path(report, path),
        value=show(SH.value),
        message="; ".join(messages),
        severity=show(SH.resultSeverity).removeprefix("sh:"),
        shape=show(SH.sourceShape),
        constraint=show(SH.sourceConstraintComponent),
    )


def render_term(graph: Graph, term: Node) -> str:
    """``term`` in Turtle form, compacted with ``graph``'s prefixes (kg's, once bound)."""
    return term.n3(graph.namespace_manager)


#: SHACL's path operators (SHACL 2.3.1) and how SPARQL property paths write them.
_PATH_OPERATORS = {
    SH.inversePath: "^{}",
    SH.zeroOrMorePath: "{}*",
    SH.oneOrMorePath: "{}+",
    SH.zeroOrOnePath: "{}?",
}


def render_path(graph: Graph, path: Node) -> str:
    """A SHACL property path in SPARQL property-path syntax, such as ``^prov:wasDerivedFrom``."""
    if not isinstance(path, BNode):
        return render_term(graph, path)
    if graph.value(path, RDF.first) is not None:
        return "/".join(render_path(graph, step) for step in Collection(graph, path))
    for operator, template in _PATH_OPERATORS.items():
        if (inner := graph.value(path, operator)) is not None:
            return template.format(render_path(graph, inner))
    if (choices := graph.value(path, SH.alternativePath)) is not None:
        return "(" + "|".join(render_path(graph, c) for c in Collection(graph, choices)) + ")"
    return render_term(graph, path)


def validate_addition(data: Dataset, dataset_folder: Path) -> ValidationReport:
    """The report on ``data`` as an addition to a built dataset, in the context it would join.

    The same check as ``POST /validate``: only the focus nodes the addition touches, and what
    the shapes reach from them, are validated (see kg.incremental).
    """
    import pyoxigraph as ox

    from kg.incremental import validate_change
    from kg.server.sources import is_dataset_folder, prepare_dataset_folder
    from kg.store import open_read_only
    from kg.writes import skolemise

    if not is_dataset_folder(dataset_folder):
        raise RdfInputError(dataset_folder, "not a built dataset folder (no dataset.nq)")
    served = prepare_dataset_folder(dataset_folder)
    candidates = ox.NamedNode(served.base_iri + "graph/candidates")
    quads = [
        ox.Quad(q.subject, q.predicate, q.object, candidates if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name)
        for q in ox.parse(data.serialize(format="nquads").encode(), format=ox.RdfFormat.N_QUADS)
    ]
    return validate_change(open_read_only(served.store_path), skolemise(quads, served.base_iri))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of ``kg validate``."""
    parser.add_argument("path", type=Path, help="an RDF file, or a built dataset folder")
    parser.add_argument(
        "--format", choices=FORMATS, help="the syntax, when the extension does not say"
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--against", type=Path, metavar="DATASET",
        help="check PATH as an addition to this built dataset: together with the published "
        "graph it would join, reporting only what the addition causes or touches",
    )


def run(args: argparse.Namespace) -> int:
    """Validate ``args.path``: 0 conforms, 1 does not (report printed), 2 bad input."""
    try:
        data = load_rdf(args.path, format=args.format)
        if args.against is not None:
            report = validate_addition(data, args.against)
        else:
            report = validate_graph(data)
    except RdfInputError as error:
        print(f"kg validate: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        print(report.to_text())
    return 0 if report.conforms else 1
