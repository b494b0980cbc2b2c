"""A throwaway Redis (its own port, append-only, in a temp dir) that the slow tests may
kill and restart, and a real Celery worker on it. The shared Redis on 6379 is never touched."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings

from tests.e2e.conftest import celery_worker_process, worker_starter  # noqa: F401  (the real worker fixtures)

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


def free_port() -> int:
    """A loopback port nobody listens on now (the kernel picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PG_BIN = Path("/usr/lib/postgresql/15/bin")


@dataclass
class ThrowawayPostgres:
    """A PostgreSQL cluster of the test's own (initdb in a temp dir, its own port, trust auth)
    that the test may restart; the shared server on 5432 is never touched. The binaries run as
    `postgres` when we are root: initdb and postgres refuse to run as root."""

    port: int
    directory: Path

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/newsframe"

    def _run(self, program: str, *args: str) -> None:
        as_postgres = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        done = subprocess.run([*as_postgres, str(PG_BIN / program), *args], capture_output=True, text=True)
        if done.returncode:
            pytest.fail(f"{program} {' '.join(args)} failed ({done.returncode}): {done.stderr or done.stdout}"
                        f"; server log: {self.directory / 'server.log'}")

    def _ctl(self, action: str, *args: str) -> None:
        # Options again on each (re)start, and -w: pg_ctl returns once the server accepts connections.
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1"
        self._run("pg_ctl", action, "-D", str(self.directory / "data"), "-l", str(self.directory / "server.log"),
                  "-w", "-t", "120", "-o", options, *args)

    def start(self) -> None:
        """A new cluster with an empty `newsframe` database."""
        missing = [p for p in (PG_BIN / "initdb", PG_BIN / "pg_ctl") if not p.exists()]
        if missing or (os.geteuid() == 0 and shutil.which("runuser") is None):
            pytest.fail(f"the PostgreSQL restart test needs PostgreSQL 15's server binaries in {PG_BIN} "
                        "(Debian: apt-get install postgresql-15) and, as root, runuser (util-linux)")
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self._run("initdb", "--auth=trust", "-U", "postgres", "--no-sync", "-D", str(self.directory / "data"))
        self._ctl("start")
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "newsframe")

    def restart(self, mode: str) -> None:
        """`fast` rolls back open transactions and closes every connection; `immediate` is a
        crash: no shutdown checkpoint, the server replays its WAL when it starts."""
        self._ctl("restart", "-m", mode)

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate")


@pytest.fixture
def throwaway_postgres() -> Iterator[ThrowawayPostgres]:
    directory = Path(tempfile.mkdtemp(prefix="newsframe-postgres-"))
    cluster = ThrowawayPostgres(port=free_port(), directory=directory)
    try:
        cluster.start()
        yield cluster
    finally:
        if (directory / "data" / "postmaster.pid").exists():
            cluster.stop()
        shutil.rmtree(directory, ignore_errors=True)
