"""Analysis of one article: the NLP run and its results stored. Run by the workers
(tasks.analyze_article); queueing it is services.jobs."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

from articles.compare.embed import embed_alone, to_bytes
from articles.models import Article, Event, Job
from articles.nlp.analyze import analyze_text
from articles.nlp.pipeline import get_nlp
from articles.services import actors as actor_store
from articles.services import analysis_store
from articles.services.event_json import analysed_chars
from articles.services.jobs import MAX_ATTEMPTS, held_here, queue_alignment_if_complete, working_on
from articles.services.page_versions import pages_changed

log = logging.getLogger(__name__)


def _gave_up(job: Job, article_id: int) -> bool:
    """True when the job has been delivered too often (it is then marked failed)."""
    if job.attempts <= MAX_ATTEMPTS:
        return False
    # Each earlier delivery died with its worker (SIGKILL, OOM): stop, and let the
    # event's alignment go ahead without this article, or the event waits forever.
    article_analysis_failed(article_id=article_id,
                            error=f"gave up after {MAX_ATTEMPTS} attempts; see the worker log")
    return True


def article_analyze(*, article_id: int) -> bool:
    """Analyse one article and store the results; safe to run twice.
    Returns False when there was nothing to do."""
    with working_on(Job.objects.filter(article_id=article_id)) as job:
        if job is None or _gave_up(job, article_id):
            return False
        article = Article.objects.get(pk=article_id)
        text = article.body[: settings.NEWSFRAME_MAX_ARTICLE_CHARS]
        article.analysed_chars = analysed_chars(article.body, settings.NEWSFRAME_MAX_ARTICLE_CHARS)  # stored with it
        analysis = analyze_text(get_nlp(settings.NEWSFRAME_SPACY_MODEL), text)
        vectors = _claim_vectors([claim.text for claim in analysis.claims])
        with transaction.atomic():
            # One writer per event at a time: actors are shared across its articles.
            event = Event.objects.select_for_update().get(pk=article.event_id)
            if held_here(Job.objects.filter(pk=job.pk)) is None:
                # Queued again while this ran (its text edited, "analyse again"): the task sent
                # with it stores the analysis of the text as it is now, maybe already has.
                return False
            pages_changed(event.pk)
            actors = actor_store.resolve_actors(event, analysis.actors)
            analysis_store.replace_machine_output(article, analysis, actors, vectors)
            job.finish()
            queue_alignment_if_complete(event)
    return True


def _claim_vectors(texts: list[str]) -> list[bytes] | None:
    """The claims' embeddings, stored with the analysis: embedding here, in each article's
    task, spreads the cost over the workers instead of the event's one alignment task.
    None when the model cannot load; the alignment then embeds and reports the error."""
    try:
        return [to_bytes(vector) for vector in embed_alone(texts)]
    except RuntimeError:
        log.warning("claims left unembedded; the alignment will embed them", exc_info=True)
        return None


def article_analysis_failed(*, article_id: int, error: str) -> None:
    """The analysis this process was running failed: its job says so and the event's
    alignment goes ahead without it, unless an "analyse again" queued it meanwhile."""
    with transaction.atomic():
        job = held_here(Job.objects.filter(article_id=article_id))
        if job is None or not job.fail(error):
            return
        queue_alignment_if_complete(Event.objects.select_for_update().get(pk=job.event_id))


