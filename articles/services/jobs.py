"""Job rows: queue an article's analysis or an event's alignment (sent after the
commit), and the sweep that sends lost jobs again. Light: the web side queues work
without importing what runs it."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Event, Job, Upload
from articles.queueing import enqueue, try_broker_again

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def queue_analysis(article: Article) -> None:
    """(Re)set the article's job to queued and send its task after the commit."""
    Job.objects.update_or_create(
        article=article,
        defaults={
            "kind": Job.Kind.ANALYZE,
            "event": article.event,
            "status": Job.Status.QUEUED,
            "attempts": 0,
            "error": "",
            "queued_at": timezone.now(),
            "started_at": None,
            "finished_at": None,
        },
    )
    enqueue("articles.tasks.analyze_article", article.pk)


def queue_analyses(event: Event, articles: Sequence[Article]) -> None:
    """Queue the analysis of new articles: their Job rows in one insert and one task that
    sends theirs from a worker (`analyses_dispatch`), so a confirm of 20,000 articles
    does not send 20,000 messages inside the request."""
    if not articles:
        return
    now = timezone.now()
    Job.objects.bulk_create([Job(article=a, event=event, kind=Job.Kind.ANALYZE, status=Job.Status.QUEUED,
                                 queued_at=now) for a in articles], batch_size=1000)
    positions = [a.position for a in articles]
    enqueue("articles.tasks.dispatch_analyses", event.pk, min(positions), max(positions))


def analyses_dispatch(*, event_id: int, first: int, last: int) -> int:
    """Send the analysis task of each queued article of the event between two positions."""
    queued = (Job.objects.filter(event_id=event_id, kind=Job.Kind.ANALYZE, status=Job.Status.QUEUED,
                                 article__position__range=(first, last))
              .order_by("article__position").values_list("article_id", flat=True))
    count = 0
    for article_id in queued.iterator(chunk_size=1000):
        enqueue("articles.tasks.analyze_article", article_id)
        count += 1
    return count


def queue_read(upload: Upload) -> None:
    """Send the reading of a received upload. With no broker it is read at once, so a
    caller in the embedded default's in-process mode finds the drafts on return."""
    enqueue("articles.tasks.read_upload", upload.pk, at_once_in_process=True)


def articles_requeue(*, articles: Iterable[Article]) -> int:
    """Queue a fresh analysis of each article (e.g. after a pipeline change)."""
    count = 0
    with transaction.atomic():
        for article in articles:
            queue_analysis(article)
            count += 1
    return count


def queue_alignment_if_complete(event: Event) -> None:
    """Queue the event's alignment once none of its analyses is pending."""
    pending = Job.objects.filter(event=event, kind=Job.Kind.ANALYZE).exclude(
        status__in=[Job.Status.DONE, Job.Status.FAILED]
    )
    if pending.exists():
        return
    Job.objects.update_or_create(
        event=event,
        kind=Job.Kind.ALIGN,
        defaults={"status": Job.Status.QUEUED, "error": "", "queued_at": timezone.now(),
                  "started_at": None, "finished_at": None, "attempts": 0},
    )
    enqueue("articles.tasks.align_event", event.pk)


def jobs_sweep(*, stuck_after: dt.timedelta) -> int:
    """Send again every job queued or running for longer than `stuck_after`: its task was
    lost (a hard time limit acknowledges it, a broker that was down never got it). The
    delivery counter still bounds each job, so a poison pill is not swept forever."""
    cutoff = timezone.now() - stuck_after
    try_broker_again()
    # A running job counts from its start: a task that waited long in a busy queue is not lost.
    stale = Q(status=Job.Status.QUEUED) | Q(status=Job.Status.RUNNING, started_at__lt=cutoff)
    stuck = list(
        Job.objects.filter(stale, queued_at__lt=cutoff).values_list("pk", "kind", "article_id", "event_id")
    )
    with transaction.atomic():
        # queued_at is the sweep's clock: a job sent again is not swept again until it is stale again.
        Job.objects.filter(pk__in=[pk for pk, *_ in stuck]).update(queued_at=timezone.now())
        for _, kind, article_id, event_id in stuck:
            if kind == Job.Kind.ANALYZE:
                enqueue("articles.tasks.analyze_article", article_id)
            else:
                enqueue("articles.tasks.align_event", event_id)
    if stuck:
        log.warning("sweep: sent %d stuck job(s) again", len(stuck))
    return len(stuck)


