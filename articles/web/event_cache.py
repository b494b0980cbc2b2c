"""The event page's comparison, rendered once per version of the event.

Everything below the progress block (summary, chooser, table, quote diffs) depends only
on the event's rows and the query (`only`, `actor`, `articles`), never on who asks, so it
is rendered to HTML and kept in the "pages" cache (memory of this web process) under the
event's `content_version`, which every write that changes the page bumps in its own
transaction (services/page_versions.py). The stamp is read with the event, before any
row, so a page kept under the current stamp was built from rows at least as new as it:
a write is seen by the next request. The progress block and the site header are rendered
fresh each time.

Building the comparison of a large event takes a web worker for seconds, and every
filter, actor and choice of columns is a page of its own: an address not signed in gets
NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE such builds a minute (`PageBusy`, a 429 saying when
to retry), so one client stepping through every combination cannot take all workers.
Pages already kept are served to everyone, always."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import BadRequest
from django.db import DatabaseError
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from articles.models import Event
from articles.services.limits import window_wait
from articles.web import pages
from articles.web.params import whole_number
from articles.web.versioned import large, version_key

log = logging.getLogger(__name__)

FILTERS = ("shared", "missing")
BUILD_WINDOW_SECONDS = 60


class PageBusy(Exception):
    """This address built its share of large event pages this minute."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


def page_key(event: Event, ready: bool, only: str, actor: int | None, positions: Sequence[int]) -> str:
    query = f"{only}|{actor or ''}|{','.join(map(str, positions))}"
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    return f"event:{version_key(event)}:{int(ready)}:{digest}"


def event_body(event: Event, progress: dict[str, object], *, only: str, actor: str,
               chosen: Sequence[str], address: str | None = None) -> SafeString:
    """The comparison's HTML for this query. Parameters are read first (junk, or an actor
    of another event, is a 400 before the cache is asked), and `only` values that filter
    nothing count as none.
    `address`: the client's, when not signed in (PageBusy past its share of builds)."""
    only = only if only in FILTERS else ""
    actor_id = whole_number(actor, "actor")
    # An actor of another event (a link copied across events) would filter every row out.
    if actor_id is not None and not event.actors.filter(pk=actor_id).exists():
        raise BadRequest(f"actor {actor_id} is not a speaker of this event (the link may come from another "
                         "event's page): choose a speaker in the page's Speaker menu, or remove actor= from the "
                         "address to see every story point.")
    positions = pages.chosen_positions(chosen)
    key = page_key(event, bool(progress["ready"]), only, actor_id, positions)
    cache = caches["pages"]
    html = cache.get(key) if settings.NEWSFRAME_PAGE_CACHE_ENTRIES else None
    if html is None:
        _admit_build(event, address)
        context = pages.event_page(event, only=only, actor=str(actor_id or ""),
                                   chosen=[",".join(map(str, positions))], progress=progress)
        html = render_to_string("articles/_event_body.html", context)
        if settings.NEWSFRAME_PAGE_CACHE_ENTRIES:
            cache.set(key, html)
    return mark_safe(html)  # rendered by our template, which escaped it


def _admit_build(event: Event, address: str | None) -> None:
    """Count one build of a large event's page against the address; the cache unavailable
    lets it through."""
    if address is None or not large(event):
        return
    try:
        wait = window_wait("pages", address, settings.NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE, BUILD_WINDOW_SECONDS)
    except (DatabaseError, ValueError):
        log.exception("page build limit unavailable; building the page")
        return
    if wait:
        raise PageBusy(wait)
