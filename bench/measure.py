"""Run a command and print, as JSON, its wall time, exit code and peak resident memory.

``python -m bench.measure TIMEOUT_S -- COMMAND...``: the peak memory is ``ru_maxrss`` of the
waited-for children of this small process, i.e. of the command alone (and its own children).
A command still running after TIMEOUT_S is killed and reported with ``"timeout": true``.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time


def main(argv: list[str]) -> int:
    timeout_s, command = float(argv[0]), argv[argv.index("--") + 1:]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout_s)
        timeout = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        timeout = True
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"seconds": round(seconds, 3), "returncode": process.returncode, "timeout": timeout,
                      "peak_rss_mib": round(peak_kib / 1024, 1),
                      "stderr_tail": stderr.decode("utf-8", "replace")[-2000:]}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
