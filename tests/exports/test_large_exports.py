"""Exports of large events are limited: one streams at a time, an anonymous address
gets a few an hour, and a refusal is a 429 page saying when to retry. Exports of small
events never are. "Large" is set to 0 bytes here, so a generated event of three
articles counts as large."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client

from articles.models import Event
from articles.services.export_limits import BUSY_RETRY_SECONDS, estimated_bytes
from bench.pages import build_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(settings: Any) -> Event:
    settings.NEWSFRAME_LARGE_EXPORT_BYTES = 0
    settings.NEWSFRAME_LARGE_EXPORTS_PER_HOUR = 3
    return build_event(3)[0]


def url(event: Event, name: str = "event.json") -> str:
    return f"{event.get_absolute_url()}export/{name}"


def read(response: object) -> bytes:
    return b"".join(response.streaming_content)  # type: ignore[attr-defined]


def test_an_anonymous_address_gets_a_few_large_exports_an_hour_then_a_429_saying_when(
    client: Client, event: Event
) -> None:
    for name in ("event.json", "csv.zip", "quotes.csv"):
        response = client.get(url(event, name))
        assert response.status_code == 200
        read(response)
    refused = client.get(url(event))
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 0 < wait <= 3600
    page = refused.content.decode()
    assert f"Try again in {-(-wait // 60)} minute" in page and "sign in" in page
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert other.get(url(event)).status_code == 200, "the limit is per address"


def test_behind_a_proxy_each_client_has_its_own_hour(event: Event, settings: Any) -> None:
    settings.NEWSFRAME_PROXIES = 1
    first = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    for _ in range(settings.NEWSFRAME_LARGE_EXPORTS_PER_HOUR):
        read(first.get(url(event)))
    assert first.get(url(event)).status_code == 429
    second = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert second.get(url(event)).status_code == 200, "the proxy's address is not one client"


def test_a_signed_in_user_has_no_hourly_limit(client: Client, event: Event, uploader: User) -> None:
    client.force_login(uploader)
    for _ in range(5):
        response = client.get(url(event))
        assert response.status_code == 200
        read(response)


def test_one_large_export_streams_at_a_time_and_frees_its_slot_when_closed(
    client: Client, event: Event, uploader: User
) -> None:
    client.force_login(uploader)
    first = client.get(url(event))  # streaming, not read yet: it holds the slot
    assert first.status_code == 200
    busy = client.get(url(event, "csv.zip"))
    assert busy.status_code == 429 and busy["Retry-After"] == str(BUSY_RETRY_SECONDS)
    assert f"Try again in {BUSY_RETRY_SECONDS} seconds" in busy.content.decode()
    read(first)  # read to the end: the test client then closes it, as a server does
    second = client.get(url(event))
    assert second.status_code == 200
    close_unread(second)  # a client that went away before the first byte: the slot is freed too
    assert client.get(url(event)).status_code == 200


def close_unread(response: Any) -> None:
    """What a server does with a response it will not send: close it (without the test
    database connection being closed by the request_finished signal, as the test client does)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def test_waiting_for_a_busy_slot_does_not_use_up_the_hour(client: Client, event: Event) -> None:
    held = client.get(url(event))  # the first of three, holding the slot
    for _ in range(5):
        busy = client.get(url(event))
        assert busy.status_code == 429 and busy["Retry-After"] == str(BUSY_RETRY_SECONDS)
    read(held)
    for _ in range(2):
        response = client.get(url(event))
        assert response.status_code == 200
        read(response)
    refused = client.get(url(event))
    assert refused.status_code == 429 and "sign in" in refused.content.decode(), "the hour's three are used"


def test_small_events_are_never_limited(client: Client, settings: Any) -> None:
    settings.NEWSFRAME_LARGE_EXPORTS_PER_HOUR = 1
    small = build_event(3)[0]
    assert estimated_bytes(small) < settings.NEWSFRAME_LARGE_EXPORT_BYTES
    held = client.get(url(small))
    for _ in range(5):
        assert client.get(url(small)).status_code == 200
    read(held)


def test_the_estimate_follows_the_json(event: Event) -> None:
    from articles.services.exports import export_stream

    size = sum(len(chunk) for chunk in export_stream(event, "json").chunks)
    assert size / 3 < estimated_bytes(event) < size * 3
