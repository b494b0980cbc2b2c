"""Analysing again (requeue_stale, the admin's action) queues one dispatch per event,
not a task per article from the request."""

from __future__ import annotations

import pytest

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
