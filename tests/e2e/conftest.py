"""A real `celery worker` process on Redis and the PostgreSQL test database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.db import connection

from bench.loadrun import stop_group
from newsframe.celery import app as celery_app
from tests.conftest import ROOT


@pytest.fixture
def start_worker(transactional_db: None) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """Tasks go to Redis from here on; call the result to start a worker (a test may
    first look at the pages while nothing consumes the queue)."""
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://") or connection.vendor != "postgresql":
        pytest.fail("the end-to-end tests need PostgreSQL and Redis: run them with `make test`")
    db = settings.DATABASES["default"]
    database_url = (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
                    f"{connection.settings_dict['NAME']}")
    celery_app.conf.task_always_eager = False
    with celery_app.connection_for_write() as conn:
        conn.default_channel.queue_purge("celery")
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": broker}
    log = open(ROOT / "var" / "e2e-worker.log", "wb")  # noqa: SIM115  (closed below)
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        started.append(subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "newsframe", "worker", "--concurrency=1",
             "--loglevel=INFO", "--without-gossip", "--without-mingle", "-n", f"e2e{len(started)}@%h"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        ))
        return started[-1]

    try:
        yield start
    finally:
        for worker in started:
            stop_group(worker)
        log.close()


@pytest.fixture
def celery_worker_process(start_worker: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
    return start_worker()
