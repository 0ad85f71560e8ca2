"""Run ``kg serve`` in a subprocess on a free local port, for tests and harnesses.

>>> free_port() > 0
True
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PortTaken(RuntimeError):
    """kg serve could not listen on the port it was given."""


class ServerProcess:
    """``kg serve ARGS...`` on 127.0.0.1 and a free port, as a context manager yielding its URL."""

    #: Starts on a new port after "cannot listen" (exit 2): the free port was taken meanwhile.
    #: kg serve prepares its dataset before it binds, seconds in which any outgoing connection on
    #: the machine may be given that port as its local one; kg serve then refuses it.
    ATTEMPTS = 3

    def __init__(self, *args: str | Path, settings: dict[str, object] | None = None, startup_s: float = 60) -> None:
        self.args = [str(a) for a in args]
        self.settings = []
        for name, value in (settings or {}).items():
            self.settings += ["--setting", name, str(value).lower() if isinstance(value, bool) else str(value)]
        self.use_port(free_port())
        self.startup_s = startup_s
        self.process: subprocess.Popen | None = None

    def use_port(self, port: int) -> None:
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.command = [sys.executable, "-m", "kg.cli", "serve", *self.args, "--host", "127.0.0.1", "--port", str(port),
                        *self.settings]

    def __enter__(self) -> str:
        for _ in range(self.ATTEMPTS - 1):
            try:
                return self.start()
            except PortTaken:
                self.use_port(free_port())
        return self.start()

    def start(self) -> str:
        """Start the server and wait until it answers; PortTaken if its port was taken meanwhile."""
        self.log = tempfile.TemporaryFile(mode="w+")  # a file, not a pipe: a full pipe would block the server
        # A session of its own, so that stopping it stops its worker processes too (a worker
        # whose parent was killed would otherwise outlive the test).
        self.process = subprocess.Popen(self.command, stdout=self.log, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True)
        deadline = time.monotonic() + self.startup_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.output()
                if self.process.returncode == 2 and f"cannot listen on 127.0.0.1:{self.port}" in output:
                    raise PortTaken(output)
                raise RuntimeError(f"kg serve exited with {self.process.returncode}:\n{output}")
            try:
                with urllib.request.urlopen(self.url + "/sparql?query=ASK%7B%7D", timeout=2):
                    return self.url
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.1)
        self.__exit__()
        raise RuntimeError(f"kg serve did not answer within {self.startup_s} s: {' '.join(self.command)}")

    def __exit__(self, *exc) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # whatever of the group is left
        except ProcessLookupError:
            pass

    def output(self) -> str:
        """What the server printed so far."""
        self.log.seek(0)
        return self.log.read()
