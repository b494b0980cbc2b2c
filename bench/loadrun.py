"""A locust run against the app under gunicorn on loopback, and what it measured.

Used by bench/pages.py (readers per event size) and tests/reliability/test_load.py
(readers and uploaders). Locust runs only as a subprocess (`bench/locustfile.py`): it
monkey-patches with gevent, which must never happen inside a Django process. This module
imports nothing but the standard library (and articles.processes, which imports nothing
else), so the locustfile can use `upload_text` from it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from articles.processes import stop_group

ROOT = Path(__file__).resolve().parent.parent
LOCUSTFILE = ROOT / "bench" / "locustfile.py"
GUNICORN_CONFIG = "python:newsframe.gunicorn_conf"
# One request at a time a worker (newsframe/gunicorn_conf.py), 2 × cores + 1 workers
# (gunicorn's rule of thumb): a page is CPU-bound Python (templates) with short waits on
# PostgreSQL, and an upload is parsed inside its request, so threads in one process would
# queue on the GIL. More processes than cores keep both cores busy while some wait
# on the database, and let a 10 ms page share the cores with a 150 ms event page instead of
# queueing behind it.
GUNICORN_WORKERS = 2 * (os.cpu_count() or 1) + 1
TARGETS_ENV = "NEWSFRAME_LOAD_TARGETS"


def upload_text(name: str) -> str:
    """A small text dump (one article) whose bytes follow from its file name, so the
    test can check that each stored upload is exactly what was sent."""
    n = int(hashlib.sha256(name.encode()).hexdigest()[:6], 16)
    return (f"Talks in Moscow end without a deal on Syria ({name})\n"
            f"Load Gazette {n % 7}, 12 April 2017\n\n"
            f"\"The talks on Syria were frank and we made progress on point {n},\" Sergei Lavrov said on "
            "Wednesday in Moscow. The ministers met for several hours, an official said.\n\n"
            "Rex Tillerson insisted the relationship was at a low point, and said both sides would keep "
            f"talking about report number {n % 1000}.\n")


def database_url(settings_dict: Mapping[str, Any]) -> str:
    """The database this process is connected to, for the server it starts."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{settings_dict['NAME']}"
    return (f"postgres://{settings_dict['USER']}@{settings_dict['HOST'] or '127.0.0.1'}:"
            f"{settings_dict['PORT'] or 5432}/{settings_dict['NAME']}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str

    def pids(self) -> list[int]:
        """The master and its workers."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [self.process.pid, *(int(pid) for pid in path.read_text().split())]

    def rss_mib(self) -> dict[int, float]:
        rss = {}
        for pid in self.pids():
            status = Path(f"/proc/{pid}/status").read_text()
            kib = next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))
            rss[pid] = int(kib) / 1024
        return rss


@contextmanager
def gunicorn(database: str, log: Path, workers: int = GUNICORN_WORKERS, *, timeout: int | None = None,
             worker_class: str | None = None) -> Iterator[Server]:
    """The app under gunicorn on a free loopback port, serving `database`, with the settings
    `make serve` uses (newsframe/gunicorn_conf.py; `timeout` and `worker_class` override
    theirs); stopped on exit."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database, "DEBUG": "0", "NEWSFRAME_HTTPS": "0"}
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--config", GUNICORN_CONFIG, "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), *(["--timeout", str(timeout)] if timeout else []),
             *(["--worker-class", worker_class] if worker_class else [])],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        server = Server(process, f"http://127.0.0.1:{port}")
        try:
            _wait_until_up(server, log, workers)
            yield server
        finally:
            stop_group(process)


def _wait_until_up(server: Server, log: Path, workers: int) -> None:
    deadline = time.monotonic() + 60  # only so a server that cannot start fails instead of hanging
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
                if response.status == 200 and len(server.pids()) == workers + 1:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer on {server.url}; see {log}")


def warm_up(server: Server, paths: list[str], rounds: int = 3) -> None:
    """Each path a few times per worker, so lazy imports and first-request caches are in
    the "before" memory figure rather than counted as growth."""
    for _ in range(rounds * GUNICORN_WORKERS):
        for path in paths:
            with urllib.request.urlopen(server.url + path, timeout=60) as response:
                response.read()


@dataclass(frozen=True)
class EndpointStats:
    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float
    per_second: float


@dataclass(frozen=True)
class LoadResult:
    endpoints: dict[str, EndpointStats]  # by locust request name, and "Aggregated"
    failures: list[dict[str, str]]  # locust's failures.csv rows: Method, Name, Error, Occurrences
    exit_code: int


def run_locust(server: Server, *, targets: dict[str, Any], users: int, spawn_rate: int, seconds: int,
               workdir: Path, user_classes: tuple[str, ...] = ()) -> LoadResult:
    """Locust headless for `seconds`, then what it counted. `targets` (see the locustfile)
    says which pages the readers fetch and which accounts the uploaders log in with.

    Counts and percentiles come from locust's JSON file, written once every user has
    stopped; its CSV is rewritten on a one-second tick and can miss the last requests
    (1099 of 1100 in one run), which would break counting uploads one by one. The
    failures CSV is kept for its error messages."""
    workdir.mkdir(parents=True, exist_ok=True)
    targets_file = workdir / "targets.json"
    targets_file.write_text(json.dumps(targets))
    prefix = workdir / "locust"
    env = {**os.environ, TARGETS_ENV: str(targets_file), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "locust", "-f", str(LOCUSTFILE), "--headless", "-u", str(users),
               "-r", str(spawn_rate), "-t", f"{seconds}s", "--host", server.url, "--csv", str(prefix),
               "--json-file", str(prefix), "--stop-timeout", "30", "--loglevel", "WARNING", "--only-summary",
               *user_classes]
    with (workdir / "locust.log").open("wb") as log:
        finished = subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  timeout=seconds + 120)
    entries = json.loads(Path(f"{prefix}.json").read_text())
    with Path(f"{prefix}_failures.csv").open(newline="") as f:
        failures = list(csv.DictReader(f))
    started = min(e["start_time"] for e in entries)
    span = max(e["last_request_timestamp"] or started for e in entries) - started
    endpoints = {e["name"]: _summarise(e["name"], [e], span) for e in sorted(entries, key=lambda e: e["name"])}
    endpoints["Aggregated"] = _summarise("Aggregated", entries, span)
    return LoadResult(endpoints=endpoints, failures=failures, exit_code=finished.returncode)


def _summarise(name: str, entries: list[dict[str, Any]], seconds: float) -> EndpointStats:
    """One endpoint (or all of them) from locust's entries over the run's `seconds`: the
    histogram of response times (rounded by locust: to 10 ms past 100 ms, to 100 ms past
    1 s) gives the percentiles."""
    histogram: Counter[float] = Counter()
    for entry in entries:
        histogram.update({float(ms): count for ms, count in entry["response_times"].items()})
    requests = sum(e["num_requests"] for e in entries)
    return EndpointStats(name=name, requests=requests, failures=sum(e["num_failures"] for e in entries),
                         median_ms=_percentile(histogram, 0.5), p95_ms=_percentile(histogram, 0.95),
                         per_second=requests / max(seconds, 1e-9))


def _percentile(histogram: Counter[float], fraction: float) -> float:
    """Locust's own rule (stats.calculate_response_time_percentile), so the figures match
    its printed summary: the largest response time with at most `fraction` of the
    requests faster than it."""
    total = sum(histogram.values())
    at_or_above = 0
    for ms in sorted(histogram, reverse=True):
        at_or_above += histogram[ms]
        if total - at_or_above <= int(total * fraction):
            return ms
    return float("nan")


def stats_table(result: LoadResult, *, goal_ms: dict[str, float] | None = None) -> str:
    """A Markdown table: per endpoint, requests, failures, median and p95, and the p95 goal
    where one is set (printed beside the figure, never asserted)."""
    goals = goal_ms or {}
    lines = ["| endpoint | requests | failures | req/s | median ms | p95 ms | p95 goal |",
             "|---|---:|---:|---:|---:|---:|---|"]
    for s in result.endpoints.values():
        goal = goals.get(s.name)
        verdict = "" if goal is None else f"< {goal:.0f} ms: {'meets' if s.p95_ms < goal else 'misses'}"
        lines.append(f"| {s.name} | {s.requests} | {s.failures} | {s.per_second:.1f} | {s.median_ms:.0f} | "
                     f"{s.p95_ms:.0f} | {verdict} |")
    return "\n".join(lines)
