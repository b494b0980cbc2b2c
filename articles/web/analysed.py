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
    """WAITING or FAILED per article without results, by pk; one query. An article analysed
    before keeps its results through a re-analysis (`analyzed_at` stays), and one with no
    job at all (imported with its analysis) has them too."""
    status = dict(Job.objects.filter(article_id__in=[a.pk for a in articles], kind=Job.Kind.ANALYZE)
                  .values_list("article_id", "status"))
    states: dict[int, str] = {}
    for a in articles:
        if a.analyzed_at is not None:
            continue
        if status.get(a.pk) in (Job.Status.QUEUED, Job.Status.RUNNING):
            states[a.pk] = WAITING
        elif status.get(a.pk) == Job.Status.FAILED:
            states[a.pk] = FAILED
    return states
