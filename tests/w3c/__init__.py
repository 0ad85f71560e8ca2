"""A harness that runs the W3C SPARQL 1.1 test suite against a SPARQL endpoint over HTTP.

The suite's files live in ``../shared/w3c-rdf-tests/sparql/sparql11`` beside the clone. The
harness reads the manifests (:mod:`.manifest`), writes each test's data set as N-Quads
(:mod:`.dataset`), starts servers on 127.0.0.1 (:mod:`.endpoint`), sends each query over the
SPARQL 1.1 Protocol and compares the answer as the suite's conventions say (:mod:`.query_suite`,
:mod:`.protocol_suite`, :mod:`.results`, :mod:`.compare`, :mod:`.terms`, :mod:`.queries`), then
judges each outcome against ``expected_failures.toml`` (:mod:`.verdict`). The pytest modules
``tests/test_w3c_*.py`` print the counts per manifest through :mod:`.plugin`;
``python -m tests.w3c.run`` does the same for any endpoint.
"""
