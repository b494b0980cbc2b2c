"""Fair queues: a three-article event confirmed while a 1,000-article upload is being
analysed is ready within twice the time it takes on an idle worker (issue 16). The big
batch's analyses go to the broker at a lower priority (services.jobs.BULK_PRIORITY)."""

from __future__ import annotations

import subprocess
import time

import pytest

from articles.models import Event, Job
from tests.reliability.conftest import ThrowawayRedis
from tests.reliability.test_worker_faults import GIVE_UP_AFTER_SECONDS, _body, _queue_articles, _wait

pytestmark = [pytest.mark.slow, pytest.mark.e2e]  # `make reliability`: a throwaway Redis on 6390

BACKLOG = 1000


def _ready_after(name: str, count: int, worker: subprocess.Popen[bytes]) -> tuple[Event, float]:
    started = time.monotonic()
    event = _queue_articles(name, [_body(n) for n in range(count)])
    _wait(event, worker)
    return event, time.monotonic() - started


def _analysed(event: Event) -> int:
    return Job.objects.filter(event=event, kind="analyze", status="done").count()


def test_a_small_event_is_not_starved_by_a_big_upload(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes],
) -> None:
    _ready_after("Warm-up", 1, celery_worker_process)  # the worker loads its models once
    _, idle_seconds = _ready_after("Small, idle worker", 3, celery_worker_process)

    big = _queue_articles("Big upload", [_body(n) for n in range(BACKLOG)])
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while _analysed(big) < 3:  # the worker is deep in the big upload's queue
        assert celery_worker_process.poll() is None and time.monotonic() < deadline
        time.sleep(0.2)
    small, busy_seconds = _ready_after("Small, busy worker", 3, celery_worker_process)
    backlog_left = BACKLOG - _analysed(big)

    print(f"\nfairness: a 3-article event ready in {idle_seconds:.1f} s on an idle worker, "
          f"{busy_seconds:.1f} s behind a {BACKLOG}-article upload ({backlog_left} of its analyses "
          f"still queued): {busy_seconds / idle_seconds:.2f}x")
    assert backlog_left > BACKLOG // 2, "the big upload finished first: nothing was measured"
    assert busy_seconds <= 2 * idle_seconds
    assert Job.objects.filter(event=small, status="done").count() == 4  # three analyses and the alignment
