"""Queue a task after the current transaction commits, so the worker sees the rows.

Arguments go through a JSON round trip even when tasks run in-process (no
broker configured), so the embedded mode exercises what a real worker receives.
"""

from __future__ import annotations

import json
import logging

from celery import current_app
from django.db import transaction

log = logging.getLogger(__name__)


def enqueue(task_name: str, *args: int | str) -> None:
    payload = json.loads(json.dumps(list(args)))

    def send() -> None:
        import articles.tasks  # noqa: F401  (registers the tasks)

        try:
            current_app.tasks[task_name].apply_async(args=payload)
        except Exception:
            # The job row stays "queued": the sweep (or `requeue_stale`) sends it again.
            log.exception("could not queue %s%s", task_name, tuple(payload))

    transaction.on_commit(send)
