"""The drafts of a review page whose text the target event already has: the confirm
would refuse them ("Already in this event, not added again"), so the review says so
before, per draft, naming the article that has the text (same content hash)."""

from __future__ import annotations

from collections.abc import Sequence

from articles.drafts import Draft
from articles.models import Article, Event
from articles.services.uploads import content_hash


def target_event(chosen: Event | None, event_name: str) -> Event | None:
    """The event the confirm would add to: the one chosen at upload, else the existing
    event of that name (the confirm adds to it too), else none yet."""
    if chosen is not None:
        return chosen
    return Event.objects.filter(name=event_name.strip()).first() if event_name.strip() else None


def already_in(event: Event | None, drafts: Sequence[Draft]) -> dict[str, Article]:
    """Draft key -> the event's article with the same text; one query for the page."""
    if event is None or not drafts:
        return {}
    digests = {d.key: content_hash(d.body.strip()) for d in drafts}
    found = {a.content_hash: a for a in Article.objects.filter(event=event, content_hash__in=set(digests.values()))
             .select_related("event").only("pk", "position", "title", "content_hash", "event__slug")}
    return {key: found[digest] for key, digest in digests.items() if digest in found}


def repeats(drafts: Sequence[Draft], first_shown: int) -> dict[str, int]:
    """Shown draft key -> the number (from 1, as the review lists them) of the first draft
    of the batch with the same text: the same file chosen twice, or a ZIP holding two
    copies. The confirm adds only the first. `drafts` are the batch's up to the last shown
    one (a later draft cannot be an earlier copy); those from `first_shown` on are shown."""
    first_with: dict[str, int] = {}
    found: dict[str, int] = {}
    for index, draft in enumerate(drafts):
        number = first_with.setdefault(content_hash(draft.body.strip()), index + 1)
        if number != index + 1 and index >= first_shown:
            found[draft.key] = number
    return found
