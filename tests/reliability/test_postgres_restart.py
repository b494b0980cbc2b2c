"""Slow: PostgreSQL really restarted, once with `-m fast` and once as a crash (`-m immediate`),
while a real Celery worker analyses: every article ends analysed once, nothing half-written.

The cluster is the test's own (ThrowawayPostgres, its own port) and so is the broker, so the
shared services stay up. pytest's own Django connection is on the shared server, so the
database side runs in a subprocess on the throwaway cluster (pg_restart_flow): it queues the
articles and reports the jobs as JSON lines; this test restarts the cluster when a line says
an analysis is running, then checks the flow's summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import pytest

from articles.processes import stop_group
from tests.conftest import ROOT
from tests.reliability.conftest import ThrowawayPostgres, ThrowawayRedis, free_port

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

ARTICLES = 30
RESTARTS = [(5, "fast"), (15, "immediate")]  # (analyses done, pg_ctl's shutdown mode)


@dataclass(frozen=True)
class Restart:
    mode: str
    began: float  # time.time()
    back: float  # time.time() when the server accepted connections again
    running: int  # the article being analysed when it began


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[ThrowawayRedis]:
    redis = ThrowawayRedis(port=free_port(), directory=tmp_path)
    redis.start()
    try:
        yield redis
    finally:
        redis.kill()


def _start(command: list[str], env: dict[str, str], log: IO[bytes], stdout: IO[bytes] | int | None = None,
           ) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", *command], cwd=ROOT, env=env, stderr=log,
                            stdout=log if stdout is None else stdout, start_new_session=True)


def _restart_mid_analysis(flow: subprocess.Popen[bytes], worker: subprocess.Popen[bytes],
                          cluster: ThrowawayPostgres) -> tuple[list[Restart], dict[str, Any]]:
    """Read the flow's reports, restart the cluster as RESTARTS says; the flow's summary."""
    assert flow.stdout is not None
    due = list(RESTARTS)
    restarts: list[Restart] = []
    for line in flow.stdout:
        assert worker.poll() is None, "the worker's main process died; see var/pg-restart-worker.log"
        report = json.loads(line)
        if "summary" in report:
            return restarts, report["summary"]
        if due and report.get("done", -1) >= due[0][0] and report.get("running"):
            _, mode = due.pop(0)
            began = time.time()
            cluster.restart(mode)
            restarts.append(Restart(mode, began, time.time(), report["running"][0]))
            print(f"\npostgres restart -m {mode} after {report['done']} analyses: down for "
                  f"{restarts[-1].back - began:.1f} s")
    pytest.fail("the flow ended without its summary (it gives up after 20 min); "
                "see var/pg-restart-flow.log and var/pg-restart-worker.log")


def test_postgres_restarted_twice_mid_analysis_loses_no_work_and_half_writes_nothing(
    throwaway_postgres: ThrowawayPostgres, own_redis: ThrowawayRedis,
) -> None:
    env = {**os.environ, "DATABASE_URL": throwaway_postgres.url,
           "CELERY_BROKER_URL": f"redis://127.0.0.1:{own_redis.port}/0"}
    with open(ROOT / "var" / "pg-restart-worker.log", "wb") as worker_log, \
         open(ROOT / "var" / "pg-restart-flow.log", "wb") as flow_log:
        flow = _start(["tests.reliability.pg_restart_flow", str(ARTICLES)], env, flow_log, stdout=subprocess.PIPE)
        worker = _start(["celery", "-A", "newsframe", "worker", "--concurrency=1", "--loglevel=INFO",
                         "--without-gossip", "--without-mingle", "-n", "pg-restart@%h"], env, worker_log)
        try:
            restarts, summary = _restart_mid_analysis(flow, worker, throwaway_postgres)
        finally:
            stop_group(flow)
            stop_group(worker)

    attempts = {int(a): n for a, n in summary["attempts"].items()}
    finished = sorted(summary["finished"].values())
    assert [r.mode for r in restarts] == ["fast", "immediate"]
    server_log = (throwaway_postgres.directory / "server.log").read_text()
    assert "automatic recovery in progress" in server_log, "the immediate restart was a crash: WAL replayed"
    assert (summary["articles"], summary["done"], summary["failed"]) == (ARTICLES, ARTICLES, [])
    assert summary["align"] == "done"
    assert summary["unclean"] == ""  # every article analysed, 0 duplicate rows, quotes of one analysis
    assert summary["half_written"] == []  # every article's rows are exactly a fresh analysis of its text
    assert max(attempts.values()) <= 2
    # The restarts hit analyses in flight (their next write found the connection gone): not a vacuous pass.
    assert any(attempts[r.running] == 2 for r in restarts)
    for r in restarts:
        again = next(t for t in finished if t > r.back) - r.back
        redone = summary["finished"][str(r.running)] - r.back
        print(f"postgres restart -m {r.mode}: analysing again {again:.1f} s after it was back; the article cut "
              f"mid-analysis (attempts {attempts[r.running]}) analysed after {redone:.1f} s")
    print(f"postgres restarts: {summary['done']}/{ARTICLES} analysed, alignment {summary['align']}, "
          f"{summary['quotes']} quotes, 0 duplicate or half-written rows; attempts "
          f"{sorted(attempts.values()).count(2)}x2, flow saw the database down {summary['down_turns']} turn(s)")
