"""The event and article pages read quotes, claims and signals through indexes.

The tables are filled like a busy instance's (many events), analysed, and each of
the page's queries is EXPLAINed: a sequential scan of a big table for one event's
rows means an index is missing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Claim, Event, Quote, Signal
from tests.views.test_pages import make_event

pytestmark = pytest.mark.django_db

WATCHED = ("articles_quote", "articles_claim", "articles_signal")
OTHER_EVENTS = 40
ARTICLES_EACH = 10
ROWS_EACH = 12


def fill_other_events() -> None:
    """Other events' rows, so that one event is a small share of every table."""
    body = "Someone said something. " * 20
    for e in range(OTHER_EVENTS):
        event = Event.objects.create(name=f"busy {e}", slug=f"busy-{e}")
        articles = Article.objects.bulk_create(
            Article(event=event, position=i, title=f"t{i}", body=body, content_hash=f"b{e}-{i}")
            for i in range(ARTICLES_EACH)
        )
        Quote.objects.bulk_create(
            Quote(article=a, text="something", start=k, end=k + 9, kind="direct") for a in articles
            for k in range(ROWS_EACH)
        )
        Claim.objects.bulk_create(
            Claim(article=a, text="Someone said something.", start=k, end=k + 23, voice="own")
            for a in articles for k in range(ROWS_EACH)
        )
        Signal.objects.bulk_create(
            Signal(article=a, kind="hedge", text="said", start=k, end=k + 4) for a in articles
            for k in range(ROWS_EACH)
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _plans_of(client: Client, url: str) -> list[tuple[str, str]]:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    plans = []
    with connection.cursor() as cursor:
        for query in ctx.captured_queries:
            sql = query["sql"]
            if sql.lstrip().upper().startswith("SELECT") and any(t in sql for t in WATCHED):
                cursor.execute("EXPLAIN " + sql)
                plans.append((sql, "\n".join(row[0] for row in cursor.fetchall())))
    return plans


def _sequential_scans(plans: list[tuple[str, str]]) -> list[str]:
    return [f"{plan}\n-- for: {sql}" for sql, plan in plans
            if any(f"Seq Scan on {table}" in plan for table in WATCHED)]


@pytest.fixture
def busy_event() -> Event:
    if connection.vendor != "postgresql":
        pytest.fail("these tests read PostgreSQL plans: run them with `make test`")
    event = make_event(6)
    fill_other_events()
    return event


def test_the_event_page_reads_quotes_and_claims_through_indexes(client: Client, busy_event: Event) -> None:
    plans = _plans_of(client, busy_event.get_absolute_url())
    assert plans, "the event page should query quotes and claims"
    assert _sequential_scans(plans) == []


def test_the_article_page_reads_quotes_and_signals_through_indexes(client: Client, busy_event: Event) -> None:
    article = busy_event.articles.first()
    assert article is not None
    plans = _plans_of(client, article.get_absolute_url())
    assert plans
    assert _sequential_scans(plans) == []


def test_the_check_sees_a_missing_index(client: Client, busy_event: Event) -> None:
    """Without the indexes on quotes' article, the same page scans the quotes table."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
                       ["articles_quote", "%(article_id%"])
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
    scans = _sequential_scans(_plans_of(client, busy_event.get_absolute_url()))
    assert any("Seq Scan on articles_quote" in s for s in scans)
