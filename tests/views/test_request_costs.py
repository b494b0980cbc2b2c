"""What a page view costs in queries where the answer only changes with the event's
version: the size check of a large event's page and the ranking of its speakers are
computed once per version, not on every cache miss or article page view."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from articles.models import Event
from articles.services import corrections
from bench.pages import build_event
from tests.views.test_pages import _queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(settings: Any) -> Event:
    settings.NEWSFRAME_LARGE_EXPORT_BYTES = 0  # every event is large: anonymous builds are counted
    settings.NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE = 100
    return build_event(3)[0]


def test_an_anonymous_cache_miss_sizes_the_event_once_per_version(client: Client, event: Event) -> None:
    url = event.get_absolute_url()
    first = _queries(client, url)
    later = [_queries(client, url + query) for query in ("?only=shared", "?only=missing")]
    assert all(n <= first - 4 for n in later), (first, later)  # no SUM of words, no 3 row counts
    quote = event.articles.first().quotes.exclude(speaker=None).first()  # type: ignore[union-attr]
    corrections.quote_correct(quote=quote, user=None, kind="mixed")
    assert _queries(client, url + "?only=shared") >= first, "a write sizes the event again"


def test_article_pages_share_the_speaker_ranking_of_the_event_version(client: Client, event: Event) -> None:
    first, second = event.articles.order_by("position")[:2]
    cold = _queries(client, first.get_absolute_url())
    warm = _queries(client, second.get_absolute_url())
    assert warm == cold - 1
    quote = first.quotes.exclude(speaker=None).first()
    assert quote is not None
    corrections.quote_correct(quote=quote, user=None, kind="mixed")
    assert _queries(client, second.get_absolute_url()) == cold, "a correction ranks the speakers again"
