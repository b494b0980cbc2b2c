"""Cursor (keyset) pagination: a page is the rows after the last one seen, in a
fixed order, so pages neither skip nor repeat rows while an event grows.

The cursor is the sort key of the last row of the previous page (an id, or an
article's position), given out as `next_cursor`; it is a plain number, so every
value the schema allows is one the API accepts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest

DEFAULT_LIMIT = 50
MAX_LIMIT = 200
CURSOR_PATTERN = r"^[0-9]{1,18}$"  # below 2**63: a bigint key

M = TypeVar("M", bound=Model)


@dataclass(frozen=True)
class PageOf(Generic[M]):
    rows: list[M]
    next: str | None
    next_cursor: str | None


def paginate(request: HttpRequest, queryset: QuerySet[M], *, key: str, cursor: str | None,
             limit: int) -> PageOf[M]:
    """One page of `queryset` in ascending order of `key`, an integer unique within it."""
    ordered = queryset.order_by(key)
    if cursor:
        ordered = ordered.filter(**{f"{key}__gt": int(cursor)})
    rows = list(ordered[: limit + 1])
    if len(rows) <= limit:
        return PageOf(rows=rows, next=None, next_cursor=None)
    rows = rows[:limit]
    token = str(getattr(rows[-1], key))
    query = request.GET.copy()
    query["cursor"] = token
    return PageOf(rows=rows, next=f"{request.build_absolute_uri(request.path)}?{query.urlencode()}",
                  next_cursor=token)
