"""Thin Celery tasks: ids in, a service call, retries on transient errors."""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from articles.services import alignment, analysis, jobs, uploads
from articles.services.jobs import TRANSIENT

log = logging.getLogger(__name__)

RETRY = {
    "autoretry_for": TRANSIENT,
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(name="articles.tasks.analyze_article", **RETRY)
def analyze_article(article_id: int) -> bool:
    try:
        return analysis.article_analyze(article_id=article_id)
    except TRANSIENT:
        raise
    except SoftTimeLimitExceeded:
        analysis.article_analysis_failed(article_id=article_id, error="analysis took too long")
        return False
    except Exception as exc:
        log.exception("analysis of article %s failed", article_id)
        analysis.article_analysis_failed(article_id=article_id, error=f"{type(exc).__name__}: {exc}")
        return False


@shared_task(name="articles.tasks.dispatch_analyses", **RETRY)
def dispatch_analyses(event_id: int, first: int, last: int) -> int:
    return jobs.analyses_dispatch(event_id=event_id, first=first, last=last)


@shared_task(name="articles.tasks.read_upload", **RETRY)
def read_upload(upload_id: int) -> bool:
    try:
        return uploads.upload_read(upload_id=upload_id)
    except SoftTimeLimitExceeded:
        limit = settings.CELERY_TASK_SOFT_TIME_LIMIT
        uploads.upload_read_failed(upload_id=upload_id, error=f"Reading this file took longer than {limit} s.",
                                   hint="Split it into several smaller files and upload those; this one is kept.")
        return False


@shared_task(name="articles.tasks.confirm_upload", **RETRY)
def confirm_upload(batch: str) -> bool:
    """The articles of a confirmed review, created on a worker (a confirm may hold 20,000)."""
    return uploads.upload_confirm_reviewed(batch=batch)


@shared_task(name="articles.tasks.align_event", **RETRY)
def align_event(event_id: int) -> bool:
    try:
        return alignment.event_align(event_id=event_id)
    except TRANSIENT:
        raise
    except Exception as exc:
        log.exception("alignment of event %s failed", event_id)
        alignment.event_align_failed(event_id=event_id, error=f"{type(exc).__name__}: {exc}")
        return False


@shared_task(name="articles.tasks.sweep_jobs", **RETRY)
def sweep_jobs() -> int:
    """Run by `celery beat` (CELERY_BEAT_SCHEDULE); `manage.py sweep_jobs` does the same."""
    stuck_after = dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS)
    return jobs.jobs_sweep(stuck_after=stuck_after) + uploads.uploads_sweep(stuck_after=stuck_after)
