"""The rdflib-endpoint peer: rdflib-endpoint's app over a dataset folder's ``dataset.nq``, loaded once.

``python -m bench.rdflib_app DATASET --host 127.0.0.1 --port N`` loads the named graphs into an
rdflib Dataset with ``default_union=True`` (a query's default graph is the union of the named
graphs, once per triple, the view kg serves), binds the port, and serves from a forked child:
uvicorn running rdflib-endpoint's ``SparqlEndpoint`` over the inherited Dataset, with uvicorn's
defaults and ``--log-level warning``, as ``uvicorn bench.rdflib_app:app`` did before.

Why a parent and a child: rdflib keeps working on a query whose client has gone, so the harness
restarts a server that took too long. Loading 4 M quads into rdflib takes over ten minutes, and
a restart used to pay that again. Now a restart kills the child's process group (see
``bench.servers.restart``); the parent sees its child die of SIGKILL and forks a new one from
the data it holds, in about a second. The parent logs its one load and every child it forks,
so a reader of the log (or a test) can tell that nothing was loaded twice. SIGTERM to the parent
stops the child and the parent; a child whose parent dies is killed by the kernel
(``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import signal
import socket
import sys
import time
import traceback
from pathlib import Path

import uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def load_dataset(folder: Path) -> Dataset:
    """The named graphs of ``folder/dataset.nq`` in an rdflib Dataset whose default graph is their union."""
    dataset = Dataset(default_union=True)
    dataset.parse(folder / "dataset.nq", format="nquads")
    return dataset


def make_app(dataset: Dataset) -> SparqlEndpoint:
    """rdflib-endpoint's FastAPI app answering SPARQL over ``dataset`` at ``/sparql``."""
    return SparqlEndpoint(graph=dataset, path="/sparql", title="rdflib-endpoint (kg bench)")


def log(message: str) -> None:
    print(f"rdflib-endpoint: {message}", file=sys.stderr, flush=True)


def die_with_parent() -> None:
    """Ask the kernel to SIGKILL this process when its parent dies (so no child outlives a killed parent)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def fork_child(config: uvicorn.Config, listener: socket.socket) -> int:
    """Fork a child that serves ``config``'s app on ``listener`` in a process group of its own."""
    pid = os.fork()
    if pid:
        os.setpgid(pid, pid)  # also here, so that a kill of the group can never come before the child's own call
        return pid
    code = 1
    try:
        os.setpgid(0, 0)
        die_with_parent()
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # uvicorn installs its own; not the parent's
        uvicorn.Server(config).run(sockets=[listener])
        code = 0
    except BaseException:
        traceback.print_exc()
    finally:
        os._exit(code)


def stop_child(pid: int) -> None:
    """Kill the child's process group and reap it (it holds no state worth a graceful stop)."""
    try:
        os.killpg(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def serve(folder: Path, host: str, port: int) -> int:
    """Load ``folder`` once, then serve it from forked children, forking a new one whenever one is killed."""
    started = time.perf_counter()
    dataset = load_dataset(folder)
    loaded = time.perf_counter()
    log(f"loaded {folder / 'dataset.nq'} in {loaded - started:.1f} s (load 1, the only one)")
    config = uvicorn.Config(make_app(dataset), host=host, port=port, log_level="warning")
    config.load()  # the app's middleware and uvicorn's protocol classes, once, before the forks
    listener = config.bind_socket()
    gc.collect()
    gc.freeze()  # the children's collectors leave the loaded objects alone: no page-by-page copies
    log(f"app made, port bound, objects collected and frozen in {time.perf_counter() - loaded:.1f} s")

    def terminate(signum, frame):
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, terminate)
    children, child = 0, 0
    try:
        while True:
            child, children = fork_child(config, listener), children + 1
            log(f"child {children} (pid {child}) forked from the loaded data")
            _, status = os.waitpid(child, 0)
            if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                log(f"child {children} exited by itself (status {status}); stopping")
                child = 0
                return 1
            log(f"child {children} was killed (a restart)")
            child = 0
    finally:
        if child:
            stop_child(child)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.rdflib_app", description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="a built dataset folder (with dataset.nq)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if not (args.dataset / "dataset.nq").is_file():
        parser.error(f"{args.dataset / 'dataset.nq'}: no such file (give a folder that kg build wrote)")
    return serve(args.dataset, args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
