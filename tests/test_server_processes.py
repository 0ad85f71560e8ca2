"""kg.server.processes: several server processes (granian's workers) share the port; stopping the parent stops them all."""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import httpx

from kg.server.testing import ServerProcess

FIXTURE = Path(__file__).parent / "fixtures" / "server" / "small.trig"
NAMES = 'SELECT ?n WHERE { <https://example.org/kg/id/person/ana-lopez> <http://schema.org/name> ?n } ORDER BY ?n'


def child_pids(pid: int) -> list[int]:
    """The direct children of ``pid`` (from /proc)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return sorted(int(c) for c in children)


def test_three_processes_answer_on_one_port_and_stop_together():
    server = ServerProcess(FIXTURE, settings={"processes": 3})
    with server as url:
        children = child_pids(server.process.pid)
        # a new connection each time, so that more than one process answers
        answers = {httpx.get(url + "/sparql", params={"query": NAMES}).text for _ in range(12)}
    assert len(children) == 3
    assert len(answers) == 1 and '"Ana L\u00f3pez"' in answers.pop()
    assert [pid for pid in children if os.path.exists(f"/proc/{pid}")] == []


def test_a_server_with_writes_on_keeps_one_process(tmp_path):
    token = tmp_path / "token"
    token.write_text("secret")
    server = ServerProcess(FIXTURE, "--write-token-file", token, settings={"processes": 3})
    with server:
        servers = [pid for pid in child_pids(server.process.pid) if b"kg.cli" in Path(f"/proc/{pid}/cmdline").read_bytes()]
    assert len(servers) == 1  # granian's one worker; no other process answers (nor writes)


def test_a_second_server_on_a_port_in_use_exits_with_a_plain_error():
    first = ServerProcess(FIXTURE, settings={"processes": 2})
    with first:
        second = subprocess.run(first.command, capture_output=True, text=True, timeout=60)
        answer = httpx.get(first.url + "/sparql", params={"query": NAMES})
    assert second.returncode == 2
    assert second.stderr.splitlines()[-1] == f"kg serve: cannot listen on 127.0.0.1:{first.port}: [Errno 98] Address already in use"
    assert answer.status_code == 200


def test_a_test_server_whose_port_was_taken_starts_again_on_another():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        server = ServerProcess(FIXTURE, settings={"processes": 1})
        server.use_port(taken.getsockname()[1])
        with server as url:
            answer = httpx.get(url + "/sparql", params={"query": NAMES})
        assert server.port != taken.getsockname()[1]
    assert answer.status_code == 200


def test_the_temporary_store_of_served_rdf_files_is_removed_once_the_server_stops(tmp_path, monkeypatch):
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    server = ServerProcess(FIXTURE, settings={"processes": 1})
    with server as url:
        during = len(list(tmp_path.glob("kg-serve-*")))
        assert httpx.get(url + "/sparql", params={"query": NAMES}).status_code == 200
    server.process.wait(timeout=10)
    assert (during, server.process.returncode, [p.name for p in tmp_path.glob("kg-serve-*")]) == (1, 0, [])
