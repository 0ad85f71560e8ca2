"""Map a corpus to N-Quads text in canonical order, article by article on every core.

The dataset is kept as text, not as pyoxigraph quads: half a million Python objects cost more
memory and time to hash, sort and serialise than the lines they print as. Each graph of an
article belongs to that article alone, so a worker process maps a batch of articles, prints
their quads with pyoxigraph's N-Quads serialiser and sorts them graph by graph; the parent only
sorts the blocks by graph name. The result is the same text ``canonical_order`` and
``serialize`` give (sorted by graph, subject, predicate, object; each quad once):

- an N-Quads line is ``S P O G .`` and no IRI can be a prefix of another one inside its ``<>``,
  so ordering the lines of one graph orders them by (S, P, O); where an object is a prefix of
  another (``"a"`` and ``"a"@en``) the line with the shorter one has a space there, which
  sorts first, as the shorter string does;
- the union of the graphs is the set of ``S P O`` prefixes, sorted, which is ``str(Triple)``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain

from pyoxigraph import Quad, RdfFormat, serialize

from kg.forked import forked_map, worker_count
from kg.mapping import Mapper
from kg.model import Extraction

#: Articles per task: big enough that sending the answer back costs little, small enough that
#: two workers finish together and the progress bar moves.
BATCH = 25

#: Below this many articles a worker process costs more (fork, sending text back) than it saves.
SERIAL_BELOW = 2 * BATCH


@dataclass
class Graphs:
    """N-Quads text by graph, and the union of the graphs as N-Triples statements.

    ``blocks`` maps a graph name (as N-Triples writes it, ``<iri>``) to its lines, sorted, each
    ending in a newline; ``triples`` holds each ``S P O`` of every graph once.
    """

    blocks: dict[str, str] = field(default_factory=dict)
    triples: set[str] = field(default_factory=set)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Add ``quads``, printed by pyoxigraph (so escaping is exactly the N-Quads dump's)."""
        text = serialize(quads, format=RdfFormat.N_QUADS).decode("utf-8")
        by_graph: dict[str, set[str]] = {}
        for line in text.splitlines():
            # A line ends " <graph> ." and the graph is the last " <" (a literal may hold " <").
            cut = line.rindex(" <", 0, len(line) - 2)
            by_graph.setdefault(line[cut + 1 : -2], set()).add(line)
            self.triples.add(line[:cut])
        self.merge(Graphs({graph: "".join(f"{line}\n" for line in sorted(lines)) for graph, lines in by_graph.items()}))

    def merge(self, other: Graphs) -> None:
        """Add ``other``'s graphs; a graph in both (an article read twice) is merged line by line."""
        for graph, text in other.blocks.items():
            mine = self.blocks.get(graph)
            self.blocks[graph] = text if mine is None else "".join(sorted(set(mine.splitlines(True)) | set(text.splitlines(True))))
        self.triples |= other.triples


@dataclass
class Dataset:
    """A mapped dataset: N-Quads blocks in canonical order and the sorted union of its graphs."""

    blocks: list[tuple[str, str]]  # (graph, its sorted lines each ending "\n"), sorted by graph
    triples: set[str]  # "S P O"; sorted only for the dump, validation does not need it
    quads: int

    def nquads_chunks(self) -> Iterable[bytes]:
        """The canonical N-Quads dump, one graph at a time (so it never exists twice in memory)."""
        for _, text in self.blocks:
            yield text.encode("utf-8")

    def ntriples(self, *, ordered: bool = True, tail: bytes = b"") -> bytes:
        """The union of the graphs as N-Triples, sorted (as ``union_triples``) when ``ordered``,
        followed by the N-Triples ``tail`` (one string, not a copy of it with the tail added).

        >>> Dataset([], {"<http://b> <http://p> <http://o>", "<http://a> <http://p> <http://o>"}, 2).ntriples(tail=b"#")
        b'<http://a> <http://p> <http://o> .\\n<http://b> <http://p> <http://o> .\\n#'
        """
        lines = (f"{t} .\n" for t in (sorted(self.triples) if ordered else self.triples))
        return "".join(chain(lines, [tail.decode("utf-8")])).encode("utf-8")

    def lines_of(self, graph_suffix: str) -> Iterable[str]:
        """The lines of the graphs whose IRI ends with ``graph_suffix``."""
        for graph, text in self.blocks:
            if graph.endswith(graph_suffix + ">"):
                yield from text.splitlines()


def sorted_dataset(graphs: Graphs) -> Dataset:
    """``graphs`` in canonical order: each block is sorted already, so only the graphs are."""
    return Dataset(blocks=sorted(graphs.blocks.items()), triples=graphs.triples,
                   quads=sum(text.count("\n") for text in graphs.blocks.values()))


# -- mapping articles in worker processes ---------------------------------------------------------

def _map_batch(mapper: Mapper, extractions: Sequence[Extraction], start: int, stop: int) -> tuple[int, Graphs]:
    graphs = Graphs()
    for extraction in extractions[start:stop]:
        graphs.add_quads(mapper.article_quads(extraction))
    return stop - start, graphs


def map_articles(mapper: Mapper, extractions: Sequence[Extraction], shared: Callable[[], Graphs], *,
                 workers: int | None = None, on_progress: Callable[[int], None] = lambda n: None,
                 meanwhile: Callable[[], object] = lambda: None) -> Graphs:
    """The quads of every article of ``extractions`` and the graphs ``shared()`` makes.

    ``shared`` maps what belongs to no one article (entities, findings); it is one more task
    for the workers, started first as the longest. ``meanwhile()`` is work for this process
    while they map; ``on_progress(n)`` is told each time n more articles are mapped.
    ``workers`` defaults to one per core, or none (all here) for a corpus too small to be worth
    a process.
    """
    if workers is None:
        workers = worker_count() if len(extractions) >= SERIAL_BELOW else 1
    batches = [(start, min(start + BATCH, len(extractions))) for start in range(0, len(extractions), BATCH)]

    def work(batch: tuple[int, int] | None) -> tuple[int, Graphs]:
        return (0, shared()) if batch is None else _map_batch(mapper, extractions, *batch)

    graphs = Graphs()
    for done, part in forked_map(work, [None, *batches], workers, ordered=False, meanwhile=meanwhile):
        graphs.merge(part)
        on_progress(done)
    return graphs
