"""Queue a task after the current transaction commits, so the worker sees the rows.

Arguments go through a JSON round trip even when tasks run in-process
(NEWSFRAME_TASKS_IN_PROCESS, the unit tests), so that mode exercises what a real
worker receives.

A send that fails leaves its Job row queued for the sweep. After a failure the
broker is not tried again for BROKER_PAUSE_SECONDS: a broker host that drops
packets costs each send its connect timeout, and a confirm of 50 articles would
otherwise wait for 50 of them.
"""

from __future__ import annotations

import json
import logging
import time

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as BrokerError

log = logging.getLogger(__name__)

BROKER_PAUSE_SECONDS = 10.0
_broker_down_until = 0.0  # time.monotonic() before which sends are left to the sweep


def enqueue(task_name: str, *args: int | str, at_once_in_process: bool = False, priority: int = 0) -> None:
    """Send the task once the transaction commits. `at_once_in_process`: with no broker,
    run it now, inside the transaction (reading an upload touches only the row just
    made, and a caller that waits for the result need not commit first). `priority`:
    0 (the default) is served first; see jobs.BULK_PRIORITY."""
    payload = json.loads(json.dumps(list(args)))

    def send() -> None:
        global _broker_down_until
        eager = current_app.conf.task_always_eager
        if not eager and time.monotonic() < _broker_down_until:
            log.warning("broker unreachable moments ago: %s%s left queued for the sweep", task_name, tuple(payload))
            return
        try:
            if eager:
                # In-process mode runs the task here, so it needs the task registered: Celery's
                # own discovery (newsframe/celery.py autodiscovers) imports the task modules.
                if task_name not in current_app.tasks:
                    current_app.loader.import_default_modules()
                current_app.tasks[task_name].apply_async(args=payload)
            else:
                # By name: a web process sends work without importing what runs it.
                current_app.send_task(task_name, args=payload, priority=priority)
        except (BrokerError, OSError):
            _broker_down_until = time.monotonic() + BROKER_PAUSE_SECONDS
            log.exception("could not queue %s%s; the sweep will send it", task_name, tuple(payload))
        except Exception:
            # The job row stays "queued": the sweep (or `requeue_stale`) sends it again.
            log.exception("could not queue %s%s", task_name, tuple(payload))

    if at_once_in_process and current_app.conf.task_always_eager:
        send()
    else:
        transaction.on_commit(send)


def try_broker_again() -> None:
    """Forget a recent send failure: the sweep's sends are the retry."""
    global _broker_down_until
    _broker_down_until = 0.0
