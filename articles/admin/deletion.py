"""What the admin's delete confirmation shows: how many rows of each kind go, counted.

Django's confirmation collects and lists every row the deletion cascades to: an event
of a thousand analysed articles made a page of hundreds of thousands of items, and held
them all in memory. Here the cascade is walked over the models' relations, not their
rows, and each kind of row is counted with one COUNT query, whatever the event's size.
"""

from __future__ import annotations

from collections import defaultdict
from functools import reduce
from operator import or_
from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import Q, QuerySet
from django.db.models.deletion import get_candidate_relations_to_delete
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst

LISTED_MAX = 100  # the selected rows named on the page (the list action can select thousands)

Querysets = dict[type[models.Model], list[QuerySet[Any]]]


def _cascade(rows: QuerySet[Any], going: Querysets, blocking: Querysets, kept: Querysets, *,
             path: frozenset[type[models.Model]] = frozenset(), top: bool = True) -> None:
    """Every queryset of rows the deletion of `rows` reaches, by model: deleted with it
    (CASCADE), refusing it (PROTECT, RESTRICT) or, next to the selected rows, left
    behind without them (SET_NULL and the like)."""
    model = rows.model
    going[model].append(rows)
    for field in get_candidate_relations_to_delete(model._meta):
        relation: Any = field  # a reverse relation (ForeignObjectRel), typed as a field
        related: type[models.Model] = relation.related_model
        reached = related._base_manager.filter(**{f"{relation.field.name}__in": rows.values("pk")})
        on_delete = relation.on_delete
        if on_delete is models.CASCADE and related not in path:
            _cascade(reached, going, blocking, kept, path=path | {model}, top=False)
        elif on_delete in (models.PROTECT, models.RESTRICT):
            blocking[related].append(reached)
        elif top and on_delete is not models.DO_NOTHING:
            kept[related].append(reached)


def _count(model: type[models.Model], querysets: list[QuerySet[Any]]) -> int:
    """One COUNT of the rows of several paths (a job is the event's and its article's)."""
    reached = reduce(or_, (Q(pk__in=qs.values("pk")) for qs in querysets))
    return model._base_manager.filter(reached).count()


def _counts(querysets: Querysets) -> dict[type[models.Model], int]:
    counted = {model: _count(model, qss) for model, qss in querysets.items()}
    return {model: n for model, n in counted.items() if n}


def _link(obj: models.Model) -> str:
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return f"{capfirst(opts.verbose_name)}: {obj}"
    return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)


def _plural(model: type[models.Model], n: int) -> str:
    return str(model._meta.verbose_name if n == 1 else model._meta.verbose_name_plural)


def deletion_summary(model_admin: admin.ModelAdmin, objs: Any, request: HttpRequest,
                     ) -> tuple[list[Any], dict[str, int], set[str], list[str]]:
    """get_deleted_objects's four answers (the rows to list, the count of each kind, the
    kinds the user may not delete, what protects them), from counts: the selected rows
    are listed (at most LISTED_MAX), what goes with them only counted."""
    selected = objs if isinstance(objs, QuerySet) else model_admin.model._base_manager.filter(
        pk__in=[obj.pk for obj in objs])
    going: Querysets = defaultdict(list)
    blocking: Querysets = defaultdict(list)
    kept: Querysets = defaultdict(list)
    _cascade(selected, going, blocking, kept)
    counts = _counts(going)
    registry = model_admin.admin_site._registry
    perms_needed = {str(model._meta.verbose_name) for model in counts
                    if model in registry and not registry[model].has_delete_permission(request)}
    protected = [f"{n} {_plural(model, n)}" for model, n in _counts(blocking).items()]
    shown = list(selected.order_by("pk")[:LISTED_MAX + 1])
    listed: list[Any] = [_link(obj) for obj in shown[:LISTED_MAX]]
    if len(shown) > LISTED_MAX:
        listed.append(f"… and {counts[selected.model] - LISTED_MAX} more")
    listed += [f"Kept, no longer tied to it: {n} {_plural(model, n)}"
               for model, n in _counts(kept).items() if model not in counts]
    return listed, {str(m._meta.verbose_name_plural): n for m, n in counts.items()}, perms_needed, protected
