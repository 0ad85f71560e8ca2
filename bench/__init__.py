"""The "fast at scale" benchmark: build, query latency, throughput and validation, in one run.

``python -m bench`` (or ``make bench``) synthesises articles, builds them with ``kg build``,
serves the same dataset with ``kg serve``, Oxigraph server and rdflib-endpoint, and measures
each in turn; it prints a table with ratios and writes it all as JSON (see README "Benchmarks").
Modules: :mod:`bench.datasets` (articles, build, peak memory), :mod:`bench.servers` (the three
servers), :mod:`bench.queries` (query texts), :mod:`bench.latency` (timed turns),
:mod:`bench.load` (throughput), :mod:`bench.validation`, :mod:`bench.report`.
"""
