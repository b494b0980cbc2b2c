"""Limits on the exports of large events: public GETs whose cost grows with the event.

An export of a small event costs a few milliseconds and is never limited. One of a
large event (estimated over NEWSFRAME_LARGE_EXPORT_BYTES) takes a web worker for
seconds, so: at most NEWSFRAME_LARGE_EXPORTS_AT_ONCE stream at a time across all web
processes (a slot in the "ratelimit" cache, freed when the stream ends, and by expiry
if its process dies), so the other pages and /healthz always find a free worker; and an
anonymous address gets NEWSFRAME_LARGE_EXPORTS_PER_HOUR of them an hour. A refusal says
how many seconds to wait (429 with Retry-After)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError
from django.db.models import Sum

from articles.models import Claim, Event, Quote, Signal
from articles.services.limits import window_wait

log = logging.getLogger(__name__)

WINDOW_SECONDS = 3600
SLOT_SECONDS = 120  # a slot left by a dead process frees itself after this; gunicorn kills a stuck worker sooner
BUSY_RETRY_SECONDS = 10
# What one row or one word adds to the event JSON, about (measured on generated events).
BYTES_PER_ROW = 300
BYTES_PER_WORD = 7


@dataclass(frozen=True)
class Refusal:
    reason: str  # "busy": another large export is streaming; "rate": this address had its share
    retry_after: int  # seconds


def estimated_bytes(event: Event) -> int:
    """About how large the event JSON would be, from counts the database keeps cheaply."""
    words = event.articles.aggregate(words=Sum("word_count"))
    rows = sum(model.objects.filter(article__event=event).count() for model in (Quote, Claim, Signal))
    return (words["words"] or 0) * BYTES_PER_WORD + rows * BYTES_PER_ROW


def is_large(event: Event) -> bool:
    return estimated_bytes(event) > settings.NEWSFRAME_LARGE_EXPORT_BYTES


def _take_slot() -> str | None:
    cache = caches["ratelimit"]
    for i in range(settings.NEWSFRAME_LARGE_EXPORTS_AT_ONCE):
        key = f"exports:slot:{i}"
        if cache.add(key, time.time(), timeout=SLOT_SECONDS):
            return key
    return None


def export_admit(*, address: str | None) -> tuple[str, Refusal | None]:
    """Admit one large export: (slot, None), the slot to free with `export_done` when the
    stream ends; or ("", why not). `address` is None for a signed-in user (no hourly limit).
    With the cache unavailable the export goes ahead: the limit protects, it must not break."""
    slot = None
    try:
        slot = _take_slot()
        if slot is None:  # not counted against the address: it may retry in a few seconds
            return "", Refusal("busy", BUSY_RETRY_SECONDS)
        per_hour = settings.NEWSFRAME_LARGE_EXPORTS_PER_HOUR
        if address is not None and (wait := window_wait("exports", address, per_hour, WINDOW_SECONDS)):
            export_done(slot)
            return "", Refusal("rate", wait)
    except (DatabaseError, ValueError):
        log.exception("export limits unavailable; letting the export through")
        return slot or "", None
    return slot, None


def export_done(slot: str) -> None:
    if not slot:
        return
    try:
        caches["ratelimit"].delete(slot)
    except DatabaseError:
        log.exception("could not free the export slot %s; it expires in %d s", slot, SLOT_SECONDS)
