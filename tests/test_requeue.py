"""Analysing again (requeue_stale, the admin's action) queues one dispatch per event,
not a task per article from the request."""

from __future__ import annotations

import pytest
from django.utils import timezone

from articles.models import Article, Event, Job
from articles.services import jobs
from tests.api.conftest import small_event  # noqa: F401  (the fixture)

pytestmark = pytest.mark.django_db


def test_a_requeue_resets_the_jobs_and_sends_one_dispatch_per_event(
    small_event: Event, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: sent.append((name, *args)))
    Job.objects.filter(article__position=3).delete()  # an article that never had a job gets one
    Job.objects.filter(article__position=1).update(status="failed", error="boom", attempts=4)
    count = jobs.articles_requeue(articles=small_event.articles.filter(position__gte=1))
    assert count == 6
    assert sent == [("articles.tasks.dispatch_analyses", small_event.pk, 1, 6)]
    requeued = Job.objects.filter(kind="analyze", article__position__gte=1)
    assert requeued.count() == 6
    assert set(requeued.values_list("status", "attempts", "error")) == {("queued", 0, "")}
    assert Job.objects.get(article__position=0).status == "done"


def test_the_dispatch_sends_the_requeued_analyses(small_event: Event, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: sent.append((name, *args)))
    jobs.articles_requeue(articles=list(small_event.articles.filter(position__in=[2, 5])))
    assert sent == [("articles.tasks.dispatch_analyses", small_event.pk, 2, 5)]
    sent.clear()
    assert jobs.analyses_dispatch(event_id=small_event.pk, first=2, last=5) == 2
    ids = dict(Article.objects.filter(event=small_event).values_list("position", "pk"))
    assert sent == [("articles.tasks.analyze_article", ids[2]), ("articles.tasks.analyze_article", ids[5])]


def test_an_alignment_queued_again_while_it_runs_stays_queued_for_the_new_task(
    small_event: Event, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    # A new article's analysis ends while the event is being aligned: the running alignment
    # read the claims before that article had any, so its end must not mark the job done
    # (the task sent for the new article would then find nothing to do, for good).
    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: sent.append((name, *args)))
    align = Job.objects.filter(event=small_event, kind="align")
    align.update(status="queued")
    with jobs.working_on(align) as running:
        assert running is not None
        jobs.queue_alignment_if_complete(small_event)  # the late article's analysis is done
        assert running.finish() is False
    assert align.get().status == "queued"
    assert sent == [("articles.tasks.align_event", small_event.pk)]
    with jobs.working_on(align) as again:
        assert again is not None and again.finish() is True
    assert align.get().status == "done"


def test_an_alignment_queued_again_belongs_to_no_worker(
    small_event: Event, monkeypatch: pytest.MonkeyPatch,  # noqa: F811
) -> None:
    # Like every other path that queues a job again: a queued job shows no owner in the
    # admin, and no old heartbeat.
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: None)
    align = Job.objects.filter(event=small_event, kind="align")
    align.update(status="done", worker="elsewhere:42", heartbeat_at=timezone.now())
    jobs.queue_alignment_if_complete(small_event)
    assert align.values_list("status", "worker", "heartbeat_at").get() == ("queued", "", None)
