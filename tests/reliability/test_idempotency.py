"""The same article analysed twice at once, and ten times in a row, leaves the same rows as once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection

from articles.models import ActorAlias, Article, Claim, Job, Quote, Signal
from articles.services import analysis
from tests.conftest import confirm_upload


def _rows(article: Article) -> dict[str, list[tuple[object, ...]]]:
    """Everything an analysis writes, without ids (they change on every replacement)."""
    return {
        "quotes": sorted(Quote.objects.filter(article=article).values_list(
            "start", "end", "kind", "speaker__name", "attribution", "text")),
        "claims": sorted(Claim.objects.filter(article=article).values_list(
            "start", "end", "voice", "hedged", "loaded", "speaker__name")),
        "signals": sorted(Signal.objects.filter(article=article).values_list("start", "end", "kind", "category")),
        "actors": sorted(ActorAlias.objects.filter(actor__event=article.event).values_list("actor__name", "alias")),
        "jobs": sorted(Job.objects.filter(event=article.event).values_list("kind", "status")),
    }


@pytest.fixture
def article(transactional_db: None, seed_bytes: bytes, django_capture_on_commit_callbacks: Any) -> Article:
    with django_capture_on_commit_callbacks(execute=True):
        return confirm_upload(seed_bytes, "Idempotent").created[0]


def _queue_again(article: Article) -> None:
    Job.objects.filter(article=article).update(status=Job.Status.QUEUED, attempts=0)


@pytest.mark.slow  # eleven analyses and alignments: minutes, so in `make reliability`
def test_ten_analyses_in_a_row_leave_the_rows_of_one(article: Article) -> None:
    once = _rows(article)
    assert once["quotes"] and once["claims"]
    for _ in range(10):
        _queue_again(article)
        assert analysis.article_analyze(article_id=article.pk)
    assert _rows(article) == once


def test_two_analyses_at_once_leave_the_rows_of_one(article: Article) -> None:
    once = _rows(article)
    _queue_again(article)
    start = threading.Barrier(2)
    results: list[bool] = []
    errors: list[BaseException] = []

    def analyse() -> None:
        try:
            start.wait()
            results.append(analysis.article_analyze(article_id=article.pk))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=analyse) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert errors == []
    # The claim lets one through: the other finds the job running in a live worker (this
    # process) and leaves it, or comes after it is done.
    assert sorted(results) == [False, True]
    assert _rows(article) == once
    assert Job.objects.get(article=article).status == Job.Status.DONE
