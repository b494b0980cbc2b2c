"""Analysis of one article: its job row, the NLP run, and its results stored;
the sweep that sends lost jobs again."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from articles.models import Article, Event, Job
from articles.queueing import enqueue, try_broker_again
from articles.services import actors as actor_store
from articles.services import analysis_store

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


def articles_requeue(*, articles: Iterable[Article]) -> int:
    """Queue a fresh analysis of each article (e.g. after a pipeline change)."""
    count = 0
    with transaction.atomic():
        for article in articles:
            queue_analysis(article)
            count += 1
    return count


def _claim_job(article_id: int) -> Job | None:
    """The article's job, claimed; None when it is already done or has been delivered
    too often (it is then marked failed)."""
    job = Job.objects.filter(article_id=article_id).claim()
    if job is not None and job.attempts > MAX_ATTEMPTS:
        # Each earlier delivery died with its worker (SIGKILL, OOM): stop, and let the
        # event's alignment go ahead without this article, or the event waits forever.
        article_analysis_failed(article_id=article_id,
                                error=f"gave up after {MAX_ATTEMPTS} attempts; see the worker log")
        return None
    return job


def article_analyze(*, article_id: int) -> bool:
    """Analyse one article and store the results; safe to run twice.
    Returns False when there was nothing to do."""
    from articles.nlp.analyze import analyze_doc
    from articles.nlp.pipeline import get_nlp

    job = _claim_job(article_id)
    if job is None:
        return False
    article = Article.objects.get(pk=article_id)
    text = article.body[: settings.NEWSFRAME_MAX_ARTICLE_CHARS]
    analysis = analyze_doc(get_nlp(settings.NEWSFRAME_SPACY_MODEL)(text))
    vectors = _claim_vectors([claim.text for claim in analysis.claims])
    with transaction.atomic():
        # One writer per event at a time: actors are shared across its articles.
        event = Event.objects.select_for_update().get(pk=article.event_id)
        actors = actor_store.resolve_actors(event, analysis.actors)
        analysis_store.replace_machine_output(article, analysis, actors, vectors)
        job.finish()
        _queue_alignment_if_complete(event)
    return True


def _claim_vectors(texts: list[str]) -> list[bytes] | None:
    """The claims' embeddings, stored with the analysis: embedding here, in each article's
    task, spreads the cost over the workers instead of the event's one alignment task.
    None when the model cannot load; the alignment then embeds and reports the error."""
    from articles.compare.embed import embed_alone, to_bytes

    try:
        return [to_bytes(vector) for vector in embed_alone(texts)]
    except RuntimeError:
        log.warning("claims left unembedded; the alignment will embed them", exc_info=True)
        return None


def article_analysis_failed(*, article_id: int, error: str) -> None:
    with transaction.atomic():
        job = Job.objects.filter(article_id=article_id).first()
        if job is None:
            return
        job.finish(failed=error)
        _queue_alignment_if_complete(Event.objects.select_for_update().get(pk=job.event_id))


def _queue_alignment_if_complete(event: Event) -> None:
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


