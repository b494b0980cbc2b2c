"""The event page's comparison, rendered once per version of the event.

Everything below the progress block (summary, chooser, table, quote diffs) depends only
on the event's rows and the query (`only`, `actor`, `articles`), never on who asks, so it
is rendered to HTML and kept in the "pages" cache (memory of this web process) under the
event's `content_version`, which every write that changes the page bumps in its own
transaction (services/page_versions.py). The stamp is read with the event, before any
row, so a page kept under the current stamp was built from rows at least as new as it:
a write is seen by the next request. The progress block and the site header are rendered
fresh each time."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.models import Event
from articles.web import pages
from articles.web.params import whole_number

FILTERS = ("shared", "missing")


def page_key(event: Event, ready: bool, only: str, actor: int | None, positions: Sequence[int]) -> str:
    query = f"{only}|{actor or ''}|{','.join(map(str, positions))}"
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    # created_at tells apart an event that reuses a deleted one's id (SQLite, tests).
    return f"event:{event.pk}:{event.created_at.timestamp()}:{event.content_version}:{int(ready)}:{digest}"


def event_body(event: Event, progress: dict[str, object], *, only: str, actor: str,
               chosen: Sequence[str]) -> SafeString:
    """The comparison's HTML for this query. Parameters are read first (junk is a 400
    before the cache is asked), and `only` values that filter nothing count as none."""
    only = only if only in FILTERS else ""
    actor_id = whole_number(actor, "actor")
    positions = pages.chosen_positions(chosen)
    key = page_key(event, bool(progress["ready"]), only, actor_id, positions)
    cache = caches["pages"]
    html = cache.get(key) if settings.NEWSFRAME_PAGE_CACHE_ENTRIES else None
    if html is None:
        context = pages.event_page(event, only=only, actor=str(actor_id or ""),
                                   chosen=[",".join(map(str, positions))], progress=progress)
        html = render_to_string("articles/_event_body.html", context)
        if settings.NEWSFRAME_PAGE_CACHE_ENTRIES:
            cache.set(key, html)
    return mark_safe(html)  # rendered by our template, which escaped it
