"""Where the time of a call goes, by our module and the library it spends it in.

py-spy samples this process from outside (no instrumentation, so our many small
functions are not inflated the way a tracing profiler inflates them). Each sample is
credited to the innermost of our own modules (articles/…) on its stack, and to the
library the sample is in when that is not our code ("articles/nlp/headline_case.py → spacy").
The table answers "what dominates" in BENCHMARKS.md without a flame graph."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

OURS = "/articles/"
RATE = 100  # samples per second
FRAME = re.compile(r"^(?P<function>.*) \((?P<path>[^():]*)(?::\d+)?\)$")


def py_spy() -> str:
    """The py-spy executable installed with the dev extras."""
    found = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if found is None:
        raise RuntimeError("py-spy is missing: pip install -e '.[dev]'")
    return found


def where_time_goes(call: Callable[[], object], *, pid: int | None = None) -> list[tuple[str, float]]:
    """Run `call` while py-spy samples process `pid` (this one by default): the places
    its samples fell in, with their share, largest first."""
    with sampled([pid or os.getpid()]) as places:
        call()
    return places


@contextmanager
def sampled(pids: list[int], *, idle: bool = False, subprocesses: bool = False) -> Iterator[list[tuple[str, float]]]:
    """py-spy on each of `pids` while the block runs; the list it yields is filled with
    (place, share) of all their samples when the block ends. `idle` keeps samples of
    threads waiting (on a lock, the database), `subprocesses` follows forked children
    (a Celery worker's pool)."""
    places: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        outputs = [Path(tmp) / f"stacks-{pid}.txt" for pid in pids]
        spies = [
            subprocess.Popen(
                [py_spy(), "record", "--pid", str(pid), "--rate", str(RATE), "--format", "raw",
                 "--full-filenames", "--nonblocking", "--output", str(out),
                 *(["--idle"] if idle else []), *(["--subprocesses"] if subprocesses else [])],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            for pid, out in zip(pids, outputs, strict=True)
        ]
        time.sleep(1.0)  # let them attach before the work starts
        try:
            yield places
        finally:
            for spy in spies:
                spy.send_signal(signal.SIGINT)  # py-spy writes its file on interrupt
            for spy in spies:
                spy.wait()
            places.extend(shares("\n".join(out.read_text() for out in outputs if out.exists())))


def shares(folded: str) -> list[tuple[str, float]]:
    """Folded stacks ("frame;frame;… count" per line) → (place, share), largest first."""
    places: Counter[str] = Counter()
    for line in folded.splitlines():
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        places[_place(stack.split(";"))] += int(count)
    total = sum(places.values()) or 1
    return [(place, n / total) for place, n in places.most_common()]


def _place(frames: list[str]) -> str:
    paths = [m.group("path") if (m := FRAME.match(f)) else "" for f in frames]
    ours = [p for p in paths if OURS in p and "site-packages" not in p]
    owner = "articles/" + ours[-1].split(OURS, 1)[1] if ours else "(outside our code)"
    leaf = paths[-1] if paths else ""
    if OURS in leaf and "site-packages" not in leaf:
        return owner
    return f"{owner} → {_library(leaf)}"


def _library(path: str) -> str:
    marker = "site-packages/"
    if marker in path:
        return path.split(marker, 1)[1].split("/", 1)[0]
    return "python" if "/lib/python" in path else (path.rsplit("/", 1)[-1] or "native")


def table(places: list[tuple[str, float]], *, top: int = 8) -> list[str]:
    """Markdown rows: the `top` places and the rest together."""
    rows = ["| where | share of samples |", "|---|---|"]
    rows += [f"| `{place}` | {share:.0%} |" for place, share in places[:top]]
    rest = sum(share for _, share in places[top:])
    if rest:
        rows.append(f"| everything else | {rest:.0%} |")
    return rows
