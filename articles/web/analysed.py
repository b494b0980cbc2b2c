"""Which compared articles have no analysis to show yet, so the event page says so
rather than present their empty rows as findings ("No quotes found", "not reported")."""

from __future__ import annotations

from collections.abc import Sequence

from articles.models import Article, Job

WAITING = "waiting"  # queued or running, never analysed before
FAILED = "failed"    # its analysis gave up, and it was never analysed before

SAY = {
    WAITING: "Not analysed yet: its quotes, claims and wording appear here when its analysis is done.",
    FAILED: "Not analysed: its analysis failed (the progress block above says why).",
}


def unanalysed(articles: Sequence[Article]) -> dict[int, str]:
    """WAITING or FAILED per article without results, by pk. An article analysed before
    keeps its results through a re-analysis (`analyzed_at` stays), and one with no job at
    all (imported with its analysis) has them too. Reads each article's `job`: select it
    with the articles (`select_related("job")`), or it costs a query per article."""
    states: dict[int, str] = {}
    for a in articles:
        if a.analyzed_at is not None:
            continue
        status = _job_status(a)
        if status in (Job.Status.QUEUED, Job.Status.RUNNING):
            states[a.pk] = WAITING
        elif status == Job.Status.FAILED:
            states[a.pk] = FAILED
    return states


def _job_status(article: Article) -> str | None:
    try:
        job = article.job
    except Job.DoesNotExist:
        return None
    return job.status if job.kind == Job.Kind.ANALYZE else None
