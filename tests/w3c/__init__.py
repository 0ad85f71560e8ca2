"""A harness that runs the W3C SPARQL 1.1 test suite against a SPARQL endpoint over HTTP.

The suite's files live in ``../shared/w3c-rdf-tests/sparql/sparql11`` beside the clone. The
harness reads its manifests (:mod:`.manifest`), writes each test's data set to an N-Quads file
(:mod:`.dataset`), starts one server per data set (:mod:`.endpoint`), sends each query over the
SPARQL 1.1 Protocol and compares the answer as the manifest says (:mod:`.results`,
:mod:`.compare`, :mod:`.query_suite`, :mod:`.protocol_suite`), then judges each outcome against
the list of expected failures (:mod:`.verdict`, ``expected_failures.toml``).
"""
