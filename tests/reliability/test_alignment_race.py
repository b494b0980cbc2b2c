"""Claims deleted while the event is being aligned (an "analyse again", an admin edit or
delete of an article): the alignment stores its story points without them instead of
failing at the commit, and the alignment queued by that change still runs."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from articles import tasks
from articles.compare.types import ClaimInput, PossibleReport, StoryPointResult
from articles.models import Article, Claim, Event, Job, StoryPoint
from articles.services import alignment, jobs

SENTENCE = "Tillerson met Lavrov in Moscow."


@pytest.fixture
def event(monkeypatch: pytest.MonkeyPatch) -> Event:
    monkeypatch.setattr(jobs, "enqueue", lambda name, *args, **kw: None)
    monkeypatch.setattr(alignment, "embed_alone",
                        lambda texts: np.zeros((len(texts), alignment.DIMENSION), np.float32))
    event = Event.objects.create(name="Race", slug="race")
    for i in range(3):
        article = Article.objects.create(event=event, position=i, title=f"T{i}", body=SENTENCE,
                                         content_hash=f"h{i}", word_count=5)
        Job.objects.create(event=event, article=article, kind=Job.Kind.ANALYZE, status=Job.Status.DONE)
        Claim.objects.create(article=article, text=SENTENCE[:20], start=0, end=20, voice="own")
    Job.objects.create(event=event, kind=Job.Kind.ALIGN, status=Job.Status.QUEUED)
    return event


def _one_point(inputs: Sequence[ClaimInput]) -> list[StoryPointResult]:
    return [StoryPointResult(label="met", members=tuple(c.id for c in inputs[:2]), articles=(0, 1),
                             missing_from=(), order=0.0,
                             possibly_in=(PossibleReport(article=2, claim=inputs[2].id, score=0.5),))]


@pytest.mark.django_db(transaction=True)
def test_an_article_analysed_again_while_the_event_is_aligned(
    event: Event, monkeypatch: pytest.MonkeyPatch,
) -> None:
    first, second, third = event.articles.order_by("position")

    def align_while_reanalysed(inputs: Sequence[ClaimInput], n: int, vectors: object = None) -> list[StoryPointResult]:
        # meanwhile, on another worker, the first and third articles are analysed again
        for article in (first, third):
            Claim.objects.filter(article=article).delete()
            Claim.objects.create(article=article, text=SENTENCE[:20], start=0, end=20, voice="own")
        jobs.queue_alignment_if_complete(event)
        return _one_point(inputs)
    monkeypatch.setattr(alignment, "align_claims", align_while_reanalysed)
    assert tasks.align_event(event.pk) is True
    job = Job.objects.get(event=event, kind=Job.Kind.ALIGN)
    assert job.status == Job.Status.QUEUED  # for the alignment the analyses queued
    point = StoryPoint.objects.get(event=event)
    assert list(point.members.values_list("article_id", flat=True)) == [second.pk]
    assert point.possibly_in == []

    monkeypatch.setattr(alignment, "align_claims", lambda inputs, n, vectors=None: _one_point(inputs))
    assert tasks.align_event(event.pk) is True  # the queued alignment finds its job
    assert Job.objects.get(pk=job.pk).status == Job.Status.DONE
    assert StoryPoint.objects.get(event=event).members.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_point_whose_claims_all_went_is_dropped(event: Event, monkeypatch: pytest.MonkeyPatch) -> None:
    def align_while_deleted(inputs: Sequence[ClaimInput], n: int, vectors: object = None) -> list[StoryPointResult]:
        Article.objects.filter(event=event, position__lt=2).delete()
        return _one_point(inputs)
    monkeypatch.setattr(alignment, "align_claims", align_while_deleted)
    assert tasks.align_event(event.pk) is True
    assert not StoryPoint.objects.filter(event=event).exists()
