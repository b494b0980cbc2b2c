"""Slow: a real worker on a throwaway Redis, killed and starved while it works.

SIGKILL of the pool child at five points, SIGKILL of the whole worker (main process and
child) with celery beat running, a poison pill, the broker restarted with 200 tasks queued,
and the worker's database connections cut mid-analysis with pg_terminate_backend on the
shared server (test_postgres_restart.py restarts a real throwaway cluster)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection
from django.db.models import Count

from articles.drafts import Draft
from articles.models import Article, Event, Job, Quote, Signal, Upload
from articles.processes import stop_group
from articles.services import jobs, uploads
from tests.e2e.conftest import start_celery, start_worker
from tests.reliability.conftest import ThrowawayRedis, pool_children

pytestmark = [pytest.mark.slow, pytest.mark.e2e]

GIVE_UP_AFTER_SECONDS = 1200  # only so a broken worker fails the test instead of hanging it
SPEAKERS = ["Sergei Lavrov", "Rex Tillerson", "Vladimir Putin", "Maria Zakharova", "Sean Spicer"]


def _body(n: int, repeat: int = 1) -> str:
    speaker = SPEAKERS[n % len(SPEAKERS)]
    paragraph = (f"\"The talks on Syria were frank and we made progress on point {n},\" {speaker} said on "
                 f"Wednesday in Moscow. The ministers met for several hours, an official said, and "
                 f"discussed the alleged chemical attack in report number {n}. {speaker} insisted the "
                 "relationship was at a low point.")
    return "\n\n".join([paragraph] * repeat)


def _queue_articles(name: str, bodies: list[str]) -> Event:
    batch = uploads.upload_receive(files=[uploads.IncomingFile(f"{name}.txt", b"kept")], event_name=name,
                                    event=None, user=None)
    upload = Upload.objects.get(batch=batch)
    drafts = [Draft(title=f"{name} {i}", body=body, upload=upload.pk) for i, body in enumerate(bodies)]
    return uploads.upload_confirm(uploads=[upload], drafts=drafts, event_name=name, user=None).event


def _wait(event: Event, worker: subprocess.Popen[bytes], *, during: Callable[[], None] = lambda: None,
          sweep_after: float | None = None) -> list[Job]:
    """Until every job of the event has finished. `during` runs each turn (it kills things);
    `sweep_after` plays celery beat with a short stuck-after, for the tests that lose tasks."""
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker's main process died; see var/e2e-worker.log"
        during()
        rows = list(Job.objects.filter(event=event))
        analyses = [j for j in rows if j.kind == Job.Kind.ANALYZE]
        aligned = any(j.kind == Job.Kind.ALIGN and j.status in ("done", "failed") for j in rows)
        if analyses and all(j.status in ("done", "failed") for j in analyses) and aligned:
            return rows
        if sweep_after is not None:
            jobs.jobs_sweep(stuck_after=dt.timedelta(seconds=sweep_after))
        time.sleep(0.05)
    pytest.fail("the work did not finish; see var/e2e-worker.log")


def _assert_one_clean_analysis_each(event: Event) -> None:
    articles = list(Article.objects.filter(event=event))
    assert all(a.analysis_version and a.analyzed_at for a in articles)
    duplicates = (Quote.objects.filter(article__event=event).values("article", "start", "end")
                  .annotate(n=Count("id")).filter(n__gt=1).count()
                  + Signal.objects.filter(article__event=event).values("article", "start", "end", "kind")
                  .annotate(n=Count("id")).filter(n__gt=1).count())
    assert duplicates == 0
    versions = set(Quote.objects.filter(article__event=event).values_list("analysis_version", flat=True))
    assert len(versions) == 1, "every quote comes from the current analysis"


def _kill_child(worker: subprocess.Popen[bytes]) -> bool:
    children = pool_children(worker.pid)
    for pid in children:
        os.kill(pid, signal.SIGKILL)
    return bool(children)


def test_a_worker_child_killed_at_five_points_loses_no_article_and_duplicates_nothing(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes],
) -> None:
    event = _queue_articles("Killed worker", [_body(n) for n in range(50)])
    kill_at = [0, 10, 20, 30, 40]  # articles done when each kill happens
    kills: list[tuple[float, int]] = []  # (wall-clock time, the article that was running)

    def kill_when_due() -> None:
        if not kill_at:
            return
        done = Job.objects.filter(event=event, kind="analyze", status="done").count()
        # The latest claim is the one the child is on; a killed job's row says "running"
        # until its task comes round again, so each article is killed at most once.
        running = (Job.objects.filter(event=event, kind="analyze", status="running")
                   .exclude(article_id__in=[article for _, article in kills]).order_by("-started_at").first())
        if done >= kill_at[0] and running is not None and _kill_child(celery_worker_process):
            kills.append((time.time(), running.article_id or 0))
            kill_at.pop(0)

    _wait(event, celery_worker_process, during=kill_when_due)

    jobs = Job.objects.filter(event=event, kind="analyze")
    assert len(kills) == 5
    assert jobs.filter(status="done").count() == 50
    assert max(jobs.values_list("attempts", flat=True)) <= 2
    _assert_one_clean_analysis_each(event)
    # Recovery: from the kill to the next analysis stored (a new child is working again), and to
    # the killed article's own analysis (its task went back to the end of the queue).
    finished = sorted(j.finished_at.timestamp() for j in jobs if j.finished_at)
    back = [next(t for t in finished if t > when) - when for when, _ in kills]
    redone = [Job.objects.get(article_id=article).finished_at.timestamp() - when  # type: ignore[union-attr]
              for when, article in kills]
    print(f"\nsigkill: 50/50 analysed after 5 kills; working again after {[f'{t:.1f}s' for t in back]}; "
          f"killed article analysed after {[f'{t:.1f}s' for t in redone]}")


def _gone(pid: int) -> bool:
    """The process has died (and its new parent reaped it) within ten seconds."""
    deadline = time.monotonic() + 10
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.05)
    return not os.path.exists(f"/proc/{pid}")


def _kill_the_whole_worker_mid_job(event: Event, worker: subprocess.Popen[bytes], article: Article) -> float:
    """SIGKILL to the worker's process group (main process and pool child) once `article` has
    been analysed for a second; the time of the kill."""
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker's main process died; see var/e2e-worker.log"
        job = Job.objects.get(article=article)
        assert job.status in ("queued", "running"), "the long article finished before the kill"
        if job.status == "running" and job.started_at and time.time() - job.started_at.timestamp() > 1:
            children = pool_children(worker.pid)
            os.killpg(worker.pid, signal.SIGKILL)
            killed_at = time.time()
            worker.wait()
            assert children and all(_gone(pid) for pid in children)
            return killed_at
        time.sleep(0.05)
    pytest.fail("the long article never ran; see var/e2e-worker.log")


def test_a_whole_worker_killed_has_its_job_sent_again_within_two_minutes_and_run_once(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes], tmp_path: Path,
) -> None:
    # The real stack's parts: celery beat with the default schedule (the sweep every 30 s) and
    # the default heartbeat; nothing here plays beat or shortens a setting.
    beat = start_celery("beat", "--loglevel=INFO", "--schedule", str(tmp_path / "schedule"), log_name="e2e-beat.log")
    fresh: list[subprocess.Popen[bytes]] = []
    try:
        # Article 10 is long (seconds of spaCy): the worker dies in the middle of it.
        event = _queue_articles("Whole worker killed", [_body(n, repeat=150 if n == 10 else 1) for n in range(50)])
        long_one = Article.objects.get(event=event, title="Whole worker killed 10")
        killed_at = _kill_the_whole_worker_mid_job(event, celery_worker_process, long_one)
        at_kill = Job.objects.get(article=long_one)
        held = subprocess.run(["redis-cli", "-p", str(throwaway_redis.port), "hlen", "unacked"],
                              capture_output=True, text=True).stdout.strip()
        fresh.append(start_worker(log_name="e2e-worker-fresh.log", node="fresh@%h"))
        _wait(event, fresh[0])
    finally:
        for process in [*fresh, beat]:
            stop_group(process)

    analyses = Job.objects.filter(event=event, kind="analyze")
    assert analyses.filter(status="done").count() == 50
    assert Job.objects.get(event=event, kind="align").status == "done"
    # Exactly once: the killed job was claimed twice (the dead worker, then the fresh one),
    # every other job once, and each article holds the rows of one analysis.
    assert sorted(analyses.values_list("attempts", flat=True)) == [1] * 49 + [2]
    job = Job.objects.get(article=long_one)
    assert job.attempts == 2 and job.worker != at_kill.worker and job.worker.startswith(at_kill.worker.split(":")[0])
    _assert_one_clean_analysis_each(event)
    # The sweep sets queued_at when it sends a job again.
    resent = job.queued_at.timestamp() - killed_at
    silent = job.queued_at.timestamp() - at_kill.heartbeat_at.timestamp()  # type: ignore[union-attr]
    claimed = job.started_at.timestamp() - killed_at  # type: ignore[union-attr]
    redone = job.finished_at.timestamp() - killed_at  # type: ignore[union-attr]
    print(f"\nkill -9 of the whole worker: 50/50 analysed once (the killed job twice claimed, 49 once); "
          f"messages held by the dead worker: {held}; the killed job sent again by the sweep {resent:.1f} s after "
          f"the kill ({silent:.1f} s after its last heartbeat), claimed by the fresh worker after {claimed:.1f} s, "
          f"analysed after {redone:.1f} s")
    assert 0 < resent <= 120, "a killed worker's job must be sent again within 2 minutes"


def test_a_poison_pill_fails_after_three_deliveries_and_the_other_49_finish(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes],
) -> None:
    bodies = [_body(n) for n in range(49)] + [_body(99, repeat=300)]  # the last one is long: seconds of spaCy
    event = _queue_articles("Poison pill", bodies)
    poison = Article.objects.get(event=event, title="Poison pill 49")
    killed_at_attempt: list[int] = []

    def kill_the_poison() -> None:
        job = Job.objects.get(article=poison)
        # The delivery past the limit only marks the job failed; that one is left alone.
        crashes_it = job.status == "running" and job.attempts <= jobs.MAX_ATTEMPTS
        if crashes_it and job.attempts not in killed_at_attempt and _kill_child(celery_worker_process):
            killed_at_attempt.append(job.attempts)

    started = time.monotonic()
    _wait(event, celery_worker_process, during=kill_the_poison)

    job = Job.objects.get(article=poison)
    assert job.status == "failed" and "gave up after 3 attempts" in job.error
    assert killed_at_attempt == [1, 2, 3]
    assert Job.objects.filter(event=event, kind="analyze", status="done").count() == 49
    assert Job.objects.get(event=event, kind="align").status == "done"
    print(f"\npoison pill: failed after {len(killed_at_attempt)} crashed deliveries; 49/49 others done "
          f"in {time.monotonic() - started:.0f} s")


def test_the_broker_killed_and_restarted_with_200_tasks_queued_loses_none(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes],
) -> None:
    event = _queue_articles("Broker restart", [_body(n) for n in range(200)])
    restarted: list[float] = []

    def restart_once() -> None:
        if not restarted and Job.objects.filter(event=event, status="done").count() >= 10:
            throwaway_redis.restart()
            restarted.append(time.monotonic())

    _wait(event, celery_worker_process, during=restart_once, sweep_after=60)

    assert restarted
    assert Job.objects.filter(event=event, kind="analyze", status="done").count() == 200
    _assert_one_clean_analysis_each(event)
    print(f"\nredis restart: 200/200 analysed; finished {time.monotonic() - restarted[0]:.0f} s after the restart")


def test_database_connections_cut_mid_analysis_lose_nothing_and_leave_no_half_write(
    throwaway_redis: ThrowawayRedis, celery_worker_process: subprocess.Popen[bytes],
) -> None:
    event = _queue_articles("Database cut", [_body(n, repeat=20) for n in range(20)])
    cuts: list[int] = []

    def cut_when_running() -> None:
        if len(cuts) < 3 and Job.objects.filter(event=event, status="running").exists():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                               "WHERE datname = current_database() AND pid <> pg_backend_pid()")
                terminated = cursor.fetchone()[0]
            if terminated:
                cuts.append(terminated)
                time.sleep(1)

    _wait(event, celery_worker_process, during=cut_when_running, sweep_after=60)

    assert len(cuts) == 3
    assert Job.objects.filter(event=event, kind="analyze", status="done").count() == 20
    _assert_one_clean_analysis_each(event)
    print(f"\ndatabase cut: {len(cuts)} cuts ({sum(cuts)} connections); 20/20 analysed")

