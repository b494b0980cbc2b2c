"""A real `celery worker` process on Redis and the PostgreSQL test database."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.db import connection

from articles.processes import start, stop_group
from newsframe.celery import app as celery_app
from tests.conftest import ROOT


def start_celery(*args: str, log_name: str) -> subprocess.Popen[bytes]:
    """`celery -A newsframe ARGS` on the test database and the test broker, in a session
    of its own (so it can be stopped, or killed, with all its children); output in var/LOG_NAME."""
    db = settings.DATABASES["default"]
    database_url = (f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
                    f"{connection.settings_dict['NAME']}")
    env = {**os.environ, "DATABASE_URL": database_url, "CELERY_BROKER_URL": settings.CELERY_BROKER_URL}
    with open(ROOT / "var" / log_name, "wb") as log:  # the child keeps its own descriptor
        # `start` ends it with pytest, even a killed pytest: a worker left behind would take
        # the next run's tasks from the test broker.
        return start([sys.executable, "-m", "celery", "-A", "newsframe", *args], cwd=str(ROOT), env=env,
                     output=log)


def start_worker(log_name: str = "e2e-worker.log", node: str = "e2e@%h") -> subprocess.Popen[bytes]:
    return start_celery("worker", "--concurrency=1", "--loglevel=INFO", "--without-gossip", "--without-mingle",
                        "-n", node, log_name=log_name)


@pytest.fixture
def worker_starter(transactional_db: None) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """Tasks go to Redis from here on; call the result to start a worker (a test may
    first look at the pages while nothing consumes the queue)."""
    if not settings.CELERY_BROKER_URL.startswith("redis://") or connection.vendor != "postgresql":
        pytest.fail("the end-to-end tests need PostgreSQL and Redis: run them with `make test`")
    celery_app.conf.task_always_eager = False
    with celery_app.connection_for_write() as conn:
        for queue in settings.CELERY_TASK_QUEUES:
            conn.default_channel.queue_purge(queue.name)
    started: list[subprocess.Popen[bytes]] = []

    def start() -> subprocess.Popen[bytes]:
        started.append(start_worker(node=f"e2e{len(started)}@%h"))
        return started[-1]

    try:
        yield start
    finally:
        for worker in started:
            stop_group(worker)


@pytest.fixture
def celery_worker_process(worker_starter: Callable[[], subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
    return worker_starter()
