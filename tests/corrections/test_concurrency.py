"""Two database connections (two threads): stale editor forms conflict instead of
overwriting, and a correction committed while a re-analysis runs survives it."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection, transaction

from articles.models import Actor, Quote
from articles.services import analysis, corrections, editing, jobs
from tests.corrections.conftest import make_article

pytestmark = pytest.mark.django_db(transaction=True)


def in_thread(target: Callable[[], Any], results: list[Any]) -> threading.Thread:
    def run() -> None:
        try:
            results.append(target())
        except Exception as exc:
            results.append(exc)
        finally:
            connection.close()  # each thread had its own connection
    thread = threading.Thread(target=run)
    thread.start()
    return thread


def wait_until(condition: Callable[[], bool]) -> None:
    """A bounded wait that only keeps a broken test from hanging."""
    for _ in range(600):
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_two_editors_saving_from_stale_forms_do_not_overwrite_each_other(editor: User) -> None:
    article = make_article()
    quote = article.quotes.get(text__contains="successful ouster")
    names = list(Actor.objects.filter(event=article.event).values_list("pk", flat=True)[:2])
    barrier = threading.Barrier(2)
    results: list[Any] = []

    def save(actor_id: int) -> Any:
        barrier.wait()
        return corrections.quote_correct(quote=quote, user=editor, speaker=Actor.objects.get(pk=actor_id),
                                         expected_revision=0)

    threads = [in_thread(lambda a=a: save(a), results) for a in names]  # type: ignore[misc]
    for t in threads:
        t.join(60)
    conflicts = [r for r in results if isinstance(r, editing.Conflict)]
    saved = [r for r in results if not isinstance(r, Exception)]
    assert len(saved) == 1 and len(conflicts) == 1, results
    quote.refresh_from_db()
    assert quote.speaker_id == saved[0].after["speaker_id"] and quote.revision == 1
    assert Actor.objects.get(pk=quote.speaker_id).name in str(conflicts[0])
    print(f"\nconcurrent saves: 1 saved, 1 conflict: {conflicts[0]}")


def test_a_correction_committed_during_reanalysis_survives_it(editor: User) -> None:
    article = make_article()
    quote = article.quotes.get(text__contains="successful ouster")
    tillerson = Actor.objects.filter(event=article.event).exclude(pk=quote.speaker_id).order_by("name").first()
    holding, release = threading.Event(), threading.Event()
    results: list[Any] = []

    def correct() -> Any:
        with transaction.atomic():
            record = corrections.quote_correct(quote=quote, user=editor, speaker=tillerson)
            holding.set()
            release.wait(60)  # the editor's transaction is still open: the quote row is locked
        return record

    def analyse() -> Any:
        jobs.articles_requeue(articles=[article])
        return analysis.article_analyze(article_id=article.pk)

    editor_thread = in_thread(correct, results)
    wait_until(holding.is_set)
    analysis_thread = in_thread(analyse, results)

    def analysis_is_waiting_for_the_lock() -> bool:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_locks WHERE NOT granted")
            return bool(cursor.fetchone()[0])

    wait_until(analysis_is_waiting_for_the_lock)
    release.set()
    editor_thread.join(60)
    analysis_thread.join(120)
    assert not [r for r in results if isinstance(r, Exception)], results
    quote.refresh_from_db()
    assert quote.speaker == tillerson and quote.attribution == "human"
    over_it = Quote.objects.filter(article=article, start__lt=quote.end, end__gt=quote.start).exclude(pk=quote.pk)
    assert not over_it.exists(), "the analysis wrote a machine quote over the corrected one"
