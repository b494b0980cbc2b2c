"""Values derived from an event's rows, kept per version of the event.

Every write that changes what the event's pages show bumps `Event.content_version` in its
own transaction (services/page_versions.py), so a value computed from the rows and kept
under the version stamp read with the event is never older than the rows that request
could see. Kept in this web process's memory (the "pages" cache, as the event page's body,
web/event_cache.py); with NEWSFRAME_PAGE_CACHE_ENTRIES at 0 nothing is kept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.cache import caches

from articles.models import Event
from articles.services.export_limits import is_large

T = TypeVar("T")
_MISSING = object()


def version_key(event: Event) -> str:
    # created_at tells apart an event that reuses a deleted one's id (SQLite, tests).
    return f"{event.pk}:{event.created_at.timestamp()}:{event.content_version}"


def per_version(event: Event, name: str, compute: Callable[[], T]) -> T:
    """`compute()`, once per version of `event` in this process."""
    if not settings.NEWSFRAME_PAGE_CACHE_ENTRIES:
        return compute()
    cache = caches["pages"]
    key = f"{name}:{version_key(event)}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value)
    return value  # type: ignore[return-value]


def large(event: Event) -> bool:
    """Whether the event counts as large (services/export_limits.py): four aggregates over
    its rows, so once per version, not on every page build or download."""
    return per_version(event, "large", lambda: is_large(event))
