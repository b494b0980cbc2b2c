"""A throwaway Redis (its own port, append-only, in a temp dir) that the slow tests may
kill and restart, and a real Celery worker on it. The shared Redis on 6379 is never touched."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.e2e.conftest import celery_worker_process  # noqa: F401  (the real worker fixture)

THROWAWAY_PORT = 6390


@dataclass
class ThrowawayRedis:
    port: int
    directory: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--appendonly", "yes",
             "--appendfsync", "always", "--save", "", "--maxmemory-policy", "noeviction",
             "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            ping = subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True)
            if ping.stdout.strip() == b"PONG":
                return
            time.sleep(0.1)
        pytest.fail(f"the throwaway redis on port {self.port} did not start")

    def kill(self) -> None:
        """SIGKILL, as a crash: only what the append-only file holds survives."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def restart(self) -> None:
        self.kill()
        self.start()


@pytest.fixture(scope="session")
def throwaway_redis() -> Iterator[ThrowawayRedis]:
    port = urlparse(settings.CELERY_BROKER_URL).port
    if port != THROWAWAY_PORT:
        pytest.fail(f"the slow reliability tests restart their broker: run them with `make reliability` "
                    f"(CELERY_BROKER_URL=redis://127.0.0.1:{THROWAWAY_PORT}/0), not on the shared Redis")
    directory = Path(tempfile.mkdtemp(prefix="newsframe-redis-"))
    redis = ThrowawayRedis(port=THROWAWAY_PORT, directory=directory)
    redis.start()
    try:
        yield redis
    finally:
        redis.kill()
        shutil.rmtree(directory, ignore_errors=True)


def pool_children(worker_pid: int) -> list[int]:
    """The pids of the worker's pool processes (the ones that run tasks)."""
    path = Path(f"/proc/{worker_pid}/task/{worker_pid}/children")
    try:
        return [int(pid) for pid in path.read_text().split()]
    except FileNotFoundError:
        return []
