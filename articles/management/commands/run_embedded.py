"""run_embedded: the embedded default in one command; what `make run` runs.

Migrates the database (SQLite under var/), makes the local admin, loads seeds/ (their
analyses are queued), puts back in the queue what a killed worker had taken, then runs the
web server, a Celery worker (one pool process) and Celery beat (the sweep) side by side
until Ctrl-C or SIGTERM, which stops them all. If one exits, the others are stopped too.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from articles.processes import start, stop_group, supervise
from newsframe.broker import requeue_claimed


class Command(BaseCommand):
    help = "Migrate, load the seeds, then run the web server, a Celery worker and beat until Ctrl-C."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--addr", default="127.0.0.1:8000", help="where the web server listens")
        parser.add_argument("--no-seeds", action="store_true", help="do not load seeds/")
        parser.add_argument("--grace", type=float, default=10.0, metavar="SECONDS",
                            help="how long a running task may take to finish when stopping")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise CommandError("NEWSFRAME_TASKS_IN_PROCESS is set, so no worker would get a task: unset it.")
        var = Path(settings.VAR_DIR)
        var.mkdir(parents=True, exist_ok=True)
        with _alone(var / "run_embedded.lock"):
            call_command("migrate", interactive=False, verbosity=0)
            call_command("ensure_admin")
            if not options["no_seeds"]:
                call_command("load_seeds")
            # No worker reads the broker's folders now: what one had taken, it lost.
            in_files = settings.CELERY_BROKER_URL.startswith("filesystem://")
            if in_files and (taken := requeue_claimed(settings.CELERY_BROKER_TRANSPORT_OPTIONS)):
                self.stdout.write(f"{taken} task(s) taken by a worker that stopped are queued again.")
            connections.close_all()
            status = self.serve(var, options["addr"], options["grace"])
        if status:
            sys.exit(status)

    def serve(self, var: Path, addr: str, grace: float) -> int:
        celery = [sys.executable, "-m", "celery", "-A", "newsframe"]
        commands = {
            "web server": [sys.executable, str(settings.BASE_DIR / "manage.py"), "runserver", "--noreload", addr],
            # Beat apart from the worker (not `worker --beat`), so the supervisor sees it die too.
            "beat": [*celery, "beat", "--loglevel=INFO", "--schedule", str(var / "celerybeat-schedule")],
            "worker": [*celery, "worker", "--concurrency=1", "--loglevel=INFO", "--without-gossip",
                       "--without-mingle", "--without-heartbeat", "-n", "embedded@%h"],
        }  # started, and stopped, in this order: the worker last, to finish its task
        started: dict[str, subprocess.Popen[bytes]] = {}
        try:
            for name, command in commands.items():
                started[name] = start(command, env=os.environ, cwd=str(settings.BASE_DIR))
            self.stdout.write(f"newsframe is at http://{addr}/ — Ctrl-C stops the web server, beat and the worker.")
            return supervise(started, grace=grace, say=self.stdout.write)
        finally:
            for process in started.values():
                stop_group(process, grace=grace, leader_first=True)


@contextlib.contextmanager
def _alone(path: Path) -> Iterator[None]:
    """One run_embedded per var/: a second worker would take the first one's messages
    for lost and queue them again."""
    with path.open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CommandError(f"Another run_embedded (make run) is using {path.parent}: stop it first.") from None
        yield
