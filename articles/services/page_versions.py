"""The version stamp of an event's pages (Event.content_version), bumped by every write
that changes what the event page shows: an analysis stored, an alignment, articles
added or imported, an editor's correction, an admin edit. The event page is cached
under the stamp (web/event_cache.py), so a write is seen on the next request.

Call `pages_changed` inside the writing transaction, first: the bump commits with the
write (a reader that sees the new stamp sees the new rows), and it takes the event row's
lock, which analysis and alignment take first too, so the lock order stays event, then
its rows."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet

from articles.models import Event


def pages_changed(*event_ids: int | None) -> None:
    ids = sorted({pk for pk in event_ids if pk is not None})
    if ids:
        Event.objects.filter(pk__in=ids).update(content_version=F("content_version") + 1)


def pages_changed_for(rows: QuerySet[Any], event_path: str) -> None:
    """Bump the events of `rows` (any queryset), reached by `event_path` ("event_id",
    "article__event_id", "articles__event_id" for an outlet)."""
    pages_changed(*rows.values_list(event_path, flat=True).distinct())
