"""Views of a large event's page that are not yet kept in the page cache are limited per
address when not signed in: each costs a web worker seconds on a large event, and every
filter, actor and choice of columns is a view of its own. Kept views are served to all;
small events and signed-in users are never limited. "Large" is set to 0 bytes here, so
a generated event of three articles counts as large."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Event
from bench.pages import build_event

pytestmark = pytest.mark.django_db

VIEWS = ("", "?only=shared", "?only=missing", "?articles=1,2")


@pytest.fixture
def event(settings: Any) -> Event:
    settings.NEWSFRAME_LARGE_EXPORT_BYTES = 0
    settings.NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE = 3
    return build_event(3)[0]


def test_an_address_builds_a_few_new_views_a_minute_then_a_429_saying_when(client: Client, event: Event) -> None:
    url = event.get_absolute_url()
    for query in VIEWS[:3]:
        assert client.get(url + query).status_code == 200
    refused = client.get(url + VIEWS[3])
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 0 < wait <= 60
    page = refused.content.decode()
    assert f"Try again in {wait} second" in page and "sign in" in page and event.name in page
    assert client.get(url + VIEWS[0]).status_code == 200, "a view already kept is served"
    assert Client(REMOTE_ADDR="192.0.2.7").get(url + VIEWS[3]).status_code == 200, "the limit is per address"


def test_a_signed_in_user_is_not_limited(client: Client, event: Event, uploader: User) -> None:
    client.force_login(uploader)
    for query in VIEWS:
        assert client.get(event.get_absolute_url() + query).status_code == 200


def test_small_events_are_not_limited(client: Client, event: Event, settings: Any) -> None:
    settings.NEWSFRAME_LARGE_EXPORT_BYTES = 10**12
    for query in VIEWS:
        assert client.get(event.get_absolute_url() + query).status_code == 200
