"""Child processes: start each in a session of its own, stop it with its children.

Standard library only (bench/loadrun.py and its locustfile import it outside Django).
Used by `manage.py run_embedded` (the worker and the web server of `make run`), the
benchmarks and the end-to-end tests.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO

PR_SET_PDEATHSIG = 1


def stop_group(process: subprocess.Popen[bytes], *, grace: float = 30, leader_first: bool = False) -> None:
    """SIGTERM to a process started with start_new_session and its children (with
    `leader_first`, to the process alone, which stops its own children: a Celery worker
    then lets its running task finish); SIGKILL to them all after `grace` seconds if the
    process has not gone."""
    if process.poll() is not None:
        return
    if leader_first:
        process.send_signal(signal.SIGTERM)
    else:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def _die_with_parent() -> None:
    """In the child before exec: SIGTERM when the process that started it dies, however
    it dies (Linux), so a supervisor killed with SIGKILL leaves no process behind."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def start(command: Sequence[str], *, env: Mapping[str, str], cwd: str,
          output: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    """`command` in a session of its own, ended with this process."""
    return subprocess.Popen(list(command), cwd=cwd, env=dict(env), stdout=output,
                            stderr=subprocess.STDOUT if output else None,
                            start_new_session=True, preexec_fn=_die_with_parent)


@contextlib.contextmanager
def stop_signals() -> Iterator[list[int]]:
    """SIGINT (Ctrl-C) and SIGTERM, noted in the yielded list instead of raised."""
    received: list[int] = []
    previous = {sig: signal.signal(sig, lambda number, _frame: received.append(number))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield received
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def supervise(children: Mapping[str, subprocess.Popen[bytes]], *, grace: float,
              say: Callable[[str], None]) -> int:
    """Wait until one child exits or this process gets SIGINT or SIGTERM, then stop every
    child in order (SIGTERM, SIGKILL after `grace` s). 0 after a signal, 1 when a child
    exited by itself."""
    with stop_signals() as received:
        ended = None
        while not received and ended is None:
            ended = next((name for name, p in children.items() if p.poll() is not None), None)
            time.sleep(0.2)
        if ended is None:
            say(f"Stopping: a task still running gets {grace:g} s to finish, else it runs again at the next start.")
        else:
            say(f"The {ended} exited with status {children[ended].returncode}: stopping the rest.")
        for process in children.values():
            stop_group(process, grace=grace, leader_first=True)
    return 1 if ended else 0
