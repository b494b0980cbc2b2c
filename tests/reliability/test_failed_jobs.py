"""A task that fails for good marks its job failed only while it still holds it: a job
queued again meanwhile ("analyse again", an analysis that ended while the event was being
aligned) stays queued for the task sent with it, or that task would find nothing to claim."""

from __future__ import annotations

import pytest

from articles import tasks
from articles.models import Article, Event, Job
from articles.services import alignment, analysis, jobs

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, ...]]:
    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: sent.append((name, *args)))
    return sent


@pytest.fixture
def event() -> Event:
    event = Event.objects.create(name="Failing", slug="failing")
    article = Article.objects.create(event=event, position=0, title="T", body="Text.", content_hash="h")
    Job.objects.create(event=event, article=article, kind=Job.Kind.ANALYZE, status=Job.Status.DONE)
    Job.objects.create(event=event, kind=Job.Kind.ALIGN, status=Job.Status.QUEUED)
    return event


def _align_raising(monkeypatch: pytest.MonkeyPatch, event: Event, *, requeued: bool) -> None:
    def broken(event_id: int, job: Job) -> None:
        if requeued:  # an analysis ended meanwhile and queued the alignment again
            jobs.queue_alignment_if_complete(event)
        raise ValueError("a bug")
    monkeypatch.setattr(alignment, "_align", broken)


def test_a_failed_alignment_leaves_the_one_queued_meanwhile_to_its_task(
    event: Event, sent: list[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    _align_raising(monkeypatch, event, requeued=True)
    assert tasks.align_event(event.pk) is False
    job = Job.objects.get(event=event, kind=Job.Kind.ALIGN)
    assert (job.status, job.error) == (Job.Status.QUEUED, "")
    assert sent == [("articles.tasks.align_event", event.pk)]
    monkeypatch.setattr(alignment, "_align", lambda event_id, job: job.finish())
    assert tasks.align_event(event.pk) is True  # the queued task finds its job
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE


def test_a_failed_alignment_is_marked_failed(
    event: Event, sent: list[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    _align_raising(monkeypatch, event, requeued=False)
    assert tasks.align_event(event.pk) is False
    job = Job.objects.get(event=event, kind=Job.Kind.ALIGN)
    assert (job.status, job.error) == (Job.Status.FAILED, "ValueError: a bug")


@pytest.mark.parametrize("again", [False, True])
def test_a_failed_analysis_leaves_an_analyse_again_queued(
    event: Event, sent: list[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch, again: bool,
) -> None:
    article = event.articles.get()
    Job.objects.filter(article=article).update(status=Job.Status.QUEUED)

    def broken(*args: object) -> None:
        if again:  # an editor's "analyse again" while this analysis runs
            jobs.articles_requeue(articles=[article])
        raise ValueError("a bug")
    monkeypatch.setattr(analysis, "get_nlp", lambda name: None)
    monkeypatch.setattr(analysis, "analyze_text", broken)
    assert tasks.analyze_article(article.pk) is False
    job = Job.objects.get(article=article)
    if again:
        assert job.status == Job.Status.QUEUED
        assert ("articles.tasks.align_event", event.pk) not in sent
    else:
        assert (job.status, job.error) == (Job.Status.FAILED, "ValueError: a bug")
        assert ("articles.tasks.align_event", event.pk) in sent  # goes ahead without it
