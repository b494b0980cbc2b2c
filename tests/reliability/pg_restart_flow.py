"""The database side of test_postgres_restart, run as `python -m tests.reliability.pg_restart_flow N`
with DATABASE_URL and CELERY_BROKER_URL of the test's own PostgreSQL cluster and Redis.

It migrates, queues N articles, then prints one JSON line per turn (jobs done, the analyses
running) until every job has finished, playing celery beat with a short stuck-after as it goes;
the test reads those lines and restarts the cluster under it. Turns that find the database
gone print {"db": "down"} and try again. Last comes {"summary": ...}: the jobs, and whether
each article's stored rows are exactly a fresh analysis of its text (no half-written analysis).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsframe.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import InterfaceError, OperationalError, connection  # noqa: E402

from articles.models import Article, Claim, Event, Job, Quote, Signal  # noqa: E402
from articles.nlp.types import ArticleAnalysis  # noqa: E402
from articles.services import jobs  # noqa: E402
from tests.reliability.test_worker_faults import (  # noqa: E402
    GIVE_UP_AFTER_SECONDS,
    _assert_one_clean_analysis_each,
    _body,
    _queue_articles,
)

SWEEP_STUCK_AFTER = dt.timedelta(seconds=60)  # far above one analysis here: only lost tasks are swept
TURN_SECONDS = 0.25

Rows = dict[str, list[tuple[Any, ...]]]


def _say(**report: object) -> None:
    print(json.dumps(report), flush=True)


def _turn(event: Event) -> bool:
    """Report the jobs and sweep; True once every job has finished."""
    rows = list(Job.objects.filter(event=event).values_list("kind", "status", "article_id"))
    analyses = [(status, article) for kind, status, article in rows if kind == Job.Kind.ANALYZE]
    aligned = any(kind == Job.Kind.ALIGN and status in ("done", "failed") for kind, status, _ in rows)
    _say(t=time.time(), done=sum(status == "done" for status, _ in analyses),
         running=[article for status, article in analyses if status == "running"], aligned=aligned)
    if all(status in ("done", "failed") for status, _ in analyses) and aligned:
        return True
    jobs.jobs_sweep(stuck_after=SWEEP_STUCK_AFTER)
    return False


def _stored(article: Article) -> Rows:
    return {
        "version": [(article.analysis_version, article.analyzed_at is not None)],
        "quotes": sorted(Quote.objects.filter(article=article).values_list("start", "end", "kind", "analysis_version")),
        "claims": sorted(Claim.objects.filter(article=article).values_list(
            "start", "end", "voice", "hedged", "loaded", "quote__start", "quote__end")),
        "signals": sorted(Signal.objects.filter(article=article).values_list("start", "end", "kind", "category")),
    }


def _expected(analysis: ArticleAnalysis) -> Rows:
    quotes = analysis.quotes
    return {
        "version": [(analysis.version, True)],
        "quotes": sorted((q.start, q.end, q.kind, analysis.version) for q in quotes),
        "claims": sorted(
            (c.start, c.end, c.voice, c.hedged, c.loaded,
             *((quotes[c.quote_index].start, quotes[c.quote_index].end) if c.quote_index is not None else (None, None)))
            for c in analysis.claims),
        "signals": sorted((s.start, s.end, s.kind, s.category[:40]) for s in analysis.signals),
    }


def _half_written(event: Event) -> list[int]:
    """The articles whose stored rows differ from a fresh analysis of their text."""
    from articles.nlp.analyze import analyze_text
    from articles.nlp.pipeline import get_nlp

    nlp = get_nlp(settings.NEWSFRAME_SPACY_MODEL)
    return [article.pk for article in Article.objects.filter(event=event).order_by("pk")
            if _stored(article) != _expected(analyze_text(nlp, article.body[: settings.NEWSFRAME_MAX_ARTICLE_CHARS]))]


def _summary(event: Event, down_turns: int) -> dict[str, object]:
    jobs = Job.objects.filter(event=event, kind=Job.Kind.ANALYZE)
    try:
        _assert_one_clean_analysis_each(event)
        unclean = ""
    except AssertionError as failure:
        unclean = f"{failure}" or "an article without its analysis, a duplicate row or a stale quote"
    return {
        "articles": Article.objects.filter(event=event).count(),
        "done": jobs.filter(status="done").count(),
        "failed": list(jobs.filter(status="failed").values_list("article_id", "error")),
        "attempts": {str(a): n for a, n in jobs.values_list("article_id", "attempts")},
        "finished": {str(a): t.timestamp() for a, t in jobs.values_list("article_id", "finished_at") if t},
        "align": Job.objects.get(event=event, kind=Job.Kind.ALIGN).status,
        "quotes": Quote.objects.filter(article__event=event).count(),
        "unclean": unclean,
        "half_written": _half_written(event),
        "down_turns": down_turns,
    }


def main(count: int) -> int:
    call_command("migrate", verbosity=0)
    event = _queue_articles("Postgres restart", [_body(n, repeat=10) for n in range(count)])
    _say(event=event.pk)
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    down_turns = 0
    while time.monotonic() < deadline:
        try:
            if _turn(event):
                _say(summary=_summary(event, down_turns))
                return 0
        except (OperationalError, InterfaceError) as gone:
            # The test is restarting the cluster: drop the dead connection, try next turn.
            down_turns += 1
            _say(t=time.time(), db="down", error=str(gone).splitlines()[0] if str(gone) else type(gone).__name__)
            connection.close()
        time.sleep(TURN_SECONDS)
    _say(gave_up=True)
    return 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
