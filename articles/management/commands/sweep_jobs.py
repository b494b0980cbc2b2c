"""sweep_jobs: send again the jobs whose task was lost (what `celery beat` runs every few minutes)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.services import jobs, uploads


class Command(BaseCommand):
    help = "Queue again every job queued or running for longer than twice the task time limit."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than", type=int, default=settings.NEWSFRAME_STUCK_AFTER_SECONDS, metavar="SECONDS",
            help="how long a job may sit queued or running before it counts as lost "
                 "(default: NEWSFRAME_STUCK_AFTER_SECONDS, twice the hard time limit)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        stuck_after = dt.timedelta(seconds=options["older_than"])
        count = jobs.jobs_sweep(stuck_after=stuck_after)
        unread = uploads.uploads_sweep(stuck_after=stuck_after)
        self.stdout.write(f"sent {count} stuck job(s) and {unread} upload(s) to read or confirm again")
