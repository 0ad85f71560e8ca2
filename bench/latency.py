"""Query latency over HTTP: every query on every server, taking turns, with result counts.

For each query, each repetition sends it once to each server in a rotating order (so a burst
of machine noise lands on all of them alike, and none is always first). A request is timed from
sending to the last byte of the body, over a kept-alive connection. The answer is then counted
(solutions, or triples for DESCRIBE) to check that the servers agree. A server that takes more
than ``timeout_s`` on one request is recorded as a timeout for that query and restarted (neither
rdflib nor Oxigraph stops work on a query whose client went away); repetitions stop once a
server has spent ``budget_s`` on a query, and the figures say how many ran (``capped``).
"""

from __future__ import annotations

import http.client
import json
import statistics
import time
import urllib.parse
from dataclasses import dataclass, field

from rdflib import Graph

from bench.queries import BenchQuery
from bench.servers import Running, restart

SELECT_TYPE = "application/sparql-results+json"
GRAPH_TYPES = "application/n-triples, text/turtle;q=0.9"
#: rdflib's parser for each media type a DESCRIBE may come back in (rdflib-endpoint answers RDF/XML).
GRAPH_SYNTAXES = {"application/n-triples": "nt", "text/plain": "nt", "text/turtle": "turtle",
                  "application/rdf+xml": "xml", "application/xml": "xml", "application/ld+json": "json-ld"}


@dataclass
class Answer:
    seconds: float
    status: int
    body: bytes
    content_type: str


@dataclass
class Timing:
    """One server's figures for one query."""

    times: list[float] = field(default_factory=list)
    warmups: list[float] = field(default_factory=list)
    count: int | None = None
    status: int | None = None
    timeout: bool = False
    capped: bool = False
    error: str | None = None

    def summary(self) -> dict:
        """Median and 95th percentile in milliseconds, with what qualifies them."""
        # A server whose warm-up runs used up the budget has no timed run: its warm-ups stand in.
        ms = sorted(t * 1000 for t in (self.times or self.warmups))
        return {"from_warmups": not self.times and bool(self.warmups),
                "median_ms": round(statistics.median(ms), 3) if ms else None,
                "p95_ms": round(percentile(ms, 95), 3) if ms else None,
                "runs": len(ms), "results": self.count, "timeout": self.timeout, "capped": self.capped,
                "error": self.error}


def percentile(sorted_values: list[float], p: float) -> float:
    """The ``p``-th percentile by linear interpolation (numpy's default).

    >>> percentile([1, 2, 3, 4, 5], 95)
    4.8
    """
    k = (len(sorted_values) - 1) * p / 100
    low = int(k)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (k - low)


class Client:
    """A kept-alive HTTP connection to one server's SPARQL endpoint."""

    def __init__(self, url: str, timeout_s: float) -> None:
        parts = urllib.parse.urlsplit(url)
        self.host, self.port, self.path, self.timeout_s = parts.hostname, parts.port, parts.path, timeout_s
        self.connection: http.client.HTTPConnection | None = None

    def ask(self, query: BenchQuery) -> Answer:
        """Send ``query`` as an HTML-form POST and read the whole answer."""
        body = urllib.parse.urlencode({"query": query.text})
        headers = {"Content-Type": "application/x-www-form-urlencoded",
                   "Accept": GRAPH_TYPES if query.is_graph else SELECT_TYPE}
        for attempt in (1, 2):  # a kept-alive connection the server closed: reconnect once
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout_s)
            started = time.perf_counter()
            try:
                self.connection.request("POST", self.path, body, headers)
                response = self.connection.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                self.close()
                if attempt == 2:
                    raise
                continue
            except BaseException:
                self.close()
                raise
            seconds = time.perf_counter() - started
            return Answer(seconds, response.status, data, response.getheader("Content-Type", ""))
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def count_results(answer: Answer, query: BenchQuery) -> int:
    """Solutions in a JSON results answer, or triples in an RDF answer."""
    if not query.is_graph:
        return len(json.loads(answer.body)["results"]["bindings"])
    media = answer.content_type.split(";")[0].strip()
    syntax = GRAPH_SYNTAXES.get(media, "turtle")
    if answer.body.lstrip().startswith(b"<?xml") and b"<rdf:RDF" in answer.body[:2000]:
        syntax = "xml"  # rdflib-endpoint: RDF/XML under the label application/sparql-results+xml
    return len(Graph().parse(data=answer.body.decode("utf-8"), format=syntax))


def measure_query(servers: dict[str, Running], query: BenchQuery, *, reps: int, warmup: int,
                  timeout_s: float, budget_s: float, log=print) -> dict[str, Timing]:
    """Time ``query`` ``reps`` times on each server in turn; ``servers`` is updated on restarts."""
    timings = {name: Timing() for name in servers}
    clients = {name: Client(server.url, timeout_s) for name, server in servers.items()}
    spent = dict.fromkeys(servers, 0.0)
    names = list(servers)
    try:
        for rep in range(-warmup, reps):
            order = names[rep % len(names):] + names[:rep % len(names)]
            for name in order:
                timing = timings[name]
                if timing.timeout or timing.capped or timing.error:
                    continue
                try:
                    answer = clients[name].ask(query)
                except TimeoutError:
                    timing.timeout = True
                    log(f"  {query.name}: {name} took over {timeout_s:.0f} s; restarting it")
                    servers[name] = restart(servers[name])
                    clients[name] = Client(servers[name].url, timeout_s)
                    continue
                spent[name] += answer.seconds
                if answer.status != 200:
                    timing.status, timing.error = answer.status, answer.body[:300].decode("utf-8", "replace")
                    continue
                if timing.count is None:
                    timing.status, timing.count = answer.status, count_results(answer, query)
                (timing.times if rep >= 0 else timing.warmups).append(answer.seconds)
                if spent[name] > budget_s and rep < reps - 1:
                    timing.capped = True
                    log(f"  {query.name}: {name} spent {spent[name]:.0f} s; stopping after {len(timing.times)} runs")
    finally:
        for client in clients.values():
            client.close()
    return timings


def measure_latency(servers: dict[str, Running], queries: list[BenchQuery], *, reps: int, warmup: int = 2,
                    timeout_s: float = 30.0, budget_s: float = 30.0, log=print) -> dict[str, dict]:
    """Every query's figures per server, and whether the servers' result counts agree."""
    figures = {}
    for query in queries:
        timings = measure_query(servers, query, reps=reps, warmup=warmup, timeout_s=timeout_s, budget_s=budget_s, log=log)
        counts = {name: t.count for name, t in timings.items() if t.count is not None}
        figures[query.name] = {"kind": query.kind, "text": query.text,
                               "servers": {name: t.summary() for name, t in timings.items()},
                               "counts_agree": len(set(counts.values())) <= 1}
        line = "  ".join(f"{n} {t.summary()['median_ms']} ms ({t.count})" for n, t in timings.items())
        log(f"  {query.name:32} {line}")
    return figures
