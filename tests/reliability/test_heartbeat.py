"""A running job's heartbeat: the claim and the sweep tell a dead worker from a slow one.
(The whole-worker kill -9 on a real worker and celery beat: test_worker_faults.py.)"""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import time
from typing import Any

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.utils import timezone

from articles.models import Article, Event, Job
from articles.services import jobs

HOST = socket.gethostname()


@pytest.fixture
def job(db: None) -> Job:
    event = Event.objects.create(name="Heartbeat", slug="heartbeat")
    return Job.objects.create(kind=Job.Kind.ALIGN, event=event)


def _running(job: Job, *, worker: str, beat_ago: float) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, attempts=1, worker=worker,
                                         heartbeat_at=timezone.now() - dt.timedelta(seconds=beat_ago))


def _claim(job: Job) -> Job | None:
    with jobs.working_on(Job.objects.filter(pk=job.pk)) as claimed:
        return claimed


def _dead_pid() -> int:
    gone = subprocess.Popen(["true"])
    gone.wait()
    return gone.pid


def test_a_running_job_whose_worker_beats_is_left_to_it(job: Job) -> None:
    _running(job, worker=f"{HOST}:{os.getppid()}", beat_ago=5)  # a live process of this host
    assert _claim(job) is None
    _running(job, worker="another-host:7", beat_ago=5)
    assert _claim(job) is None
    assert Job.objects.get(pk=job.pk).attempts == 1


def test_a_running_job_of_a_dead_process_of_this_host_is_taken_at_once(job: Job) -> None:
    # A pool child SIGKILLed: its main process sends the task again within seconds.
    _running(job, worker=f"{HOST}:{_dead_pid()}", beat_ago=1)
    claimed = _claim(job)
    assert claimed is not None and claimed.attempts == 2 and claimed.worker == jobs.worker_name()


def test_a_running_job_whose_worker_went_silent_is_taken(job: Job, settings: Any) -> None:
    _running(job, worker="another-host:7", beat_ago=settings.NEWSFRAME_ABANDONED_AFTER_SECONDS + 1)
    claimed = _claim(job)
    assert claimed is not None and claimed.attempts == 2


def test_a_block_that_raises_gives_the_job_back_for_its_retry(job: Job) -> None:
    with pytest.raises(OperationalError), jobs.working_on(Job.objects.filter(pk=job.pk)):
        raise OperationalError("the database went away")
    given_back = Job.objects.get(pk=job.pk)
    assert (given_back.status, given_back.worker, given_back.heartbeat_at) == (Job.Status.QUEUED, "", None)
    # Had the database refused that too, this process's retry would still take its own job.
    _running(job, worker=jobs.worker_name(), beat_ago=1)
    assert _claim(job) is not None


def test_the_sweep_sends_a_silent_job_again_once_and_leaves_a_beating_one(
    job: Job, settings: Any, django_capture_on_commit_callbacks: Any,
) -> None:
    other = Job.objects.create(kind=Job.Kind.ALIGN, event=Event.objects.create(name="Other", slug="other"))
    _running(job, worker="another-host:7", beat_ago=settings.NEWSFRAME_ABANDONED_AFTER_SECONDS + 1)
    _running(other, worker="another-host:8", beat_ago=settings.NEWSFRAME_ABANDONED_AFTER_SECONDS - 10)
    stuck_after = dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS)
    with django_capture_on_commit_callbacks() as sent:
        assert jobs.jobs_sweep(stuck_after=stuck_after) == 1
        assert jobs.jobs_sweep(stuck_after=stuck_after) == 0
    assert len(sent) == 1
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    assert Job.objects.get(pk=other.pk).status == Job.Status.RUNNING


@pytest.mark.django_db(transaction=True)
def test_the_heartbeat_beats_while_the_block_runs_and_stops_after() -> None:
    event = Event.objects.create(name="Beating", slug="beating")
    job = Job.objects.create(kind=Job.Kind.ALIGN, event=event)
    with override_settings(NEWSFRAME_HEARTBEAT_SECONDS=1), \
            jobs.working_on(Job.objects.filter(pk=job.pk)) as claimed:
        assert claimed is not None and claimed.heartbeat_at is not None
        time.sleep(2.5)
        beaten = Job.objects.get(pk=job.pk).heartbeat_at
        assert beaten is not None and beaten > claimed.heartbeat_at
        claimed.finish()
    time.sleep(1.5)
    assert Job.objects.get(pk=job.pk).heartbeat_at == beaten


def _queued_analyses(event: Event, count: int, *, ago: dt.timedelta) -> None:
    for i in range(count):
        article = Article.objects.create(event=event, position=i, title=f"A{i}", body="Text.", content_hash=f"h{i}")
        Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=article, queued_at=timezone.now() - ago)


def test_the_sweep_leaves_a_backlog_that_workers_are_taking_and_sends_a_stalled_one_behind_small_events(
    db: None, settings: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A large upload's analyses wait in the broker for hours: sending them all again every
    # sweep, at the default priority, put them before every small event confirmed after.
    stuck_after = dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS)
    big = Event.objects.create(name="Big", slug="big")
    _queued_analyses(big, jobs.SMALL_BATCH + 5, ago=stuck_after * 2)
    taken = Job.objects.filter(event=big).order_by("pk")[:1].get()
    Job.objects.filter(pk=taken.pk).update(status=Job.Status.DONE, started_at=timezone.now() - stuck_after / 2)
    sent: list[tuple[str, int]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, priority=0, **kw: sent.append((name, priority)))
    assert jobs.jobs_sweep(stuck_after=stuck_after) == 0, "a worker took one of its jobs lately"
    Job.objects.filter(event=big).update(started_at=timezone.now() - stuck_after * 2)
    assert jobs.jobs_sweep(stuck_after=stuck_after) == jobs.SMALL_BATCH + 4
    assert set(sent) == {("articles.tasks.analyze_article", jobs.BULK_PRIORITY)}
