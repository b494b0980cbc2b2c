"""The event page's comparison is cached under the event's content_version, and every
write that changes it bumps the version: the next request shows the write."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Actor, ActorCorrection, Article, Event, Outlet, Quote
from articles.services import actor_corrections, corrections
from articles.web import event_cache
from tests.api.conftest import small_event  # noqa: F401  (the fixture)
from tests.views.test_pages import _queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The comparisons built (cache misses), by event slug."""
    built: list[str] = []
    real = event_cache.pages.event_page

    def counting(event: Event, **kwargs: Any) -> dict[str, Any]:
        built.append(event.slug)
        return real(event, **kwargs)

    monkeypatch.setattr(event_cache.pages, "event_page", counting)
    return built


def test_the_comparison_is_built_once_while_the_event_is_unchanged(
    client: Client, small_event: Event, builds: list[str],  # noqa: F811
) -> None:
    url = small_event.get_absolute_url()
    first = client.get(url)
    cold = _queries(client, url + "?only=shared")
    warm = _queries(client, url + "?only=shared")
    again = client.get(url)
    assert first.content == again.content
    assert builds == [small_event.slug] * 2  # once per query, not per request
    assert warm <= 3 < cold  # the event and its progress


def test_the_query_is_part_of_the_key(client: Client, small_event: Event, builds: list[str]) -> None:  # noqa: F811
    url = small_event.get_absolute_url()
    for query in ("", "?articles=1,2", "?articles=2,1,2", "?only=missing", "?only=junk", "?actor="):
        assert client.get(url + query).status_code == 200
    # ?articles=2,1,2 is ?articles=1,2; an `only` that filters nothing and an empty actor are no filter.
    assert len(builds) == 3
    assert client.get(url + "?actor=x").status_code == 400


def test_the_user_is_not_cached(client: Client, small_event: Event, uploader: User) -> None:  # noqa: F811
    url = small_event.get_absolute_url()
    assert b"Log in" in client.get(url).content
    client.force_login(uploader)
    page = client.get(url).content
    assert b"Log out reporter" in page and b"Log in</a>" not in page


def test_a_correction_is_on_the_next_page(client: Client, small_event: Event, uploader: User) -> None:  # noqa: F811
    url = small_event.get_absolute_url()
    assert b"Carol Newcomer" not in client.get(url).content
    quote = Quote.objects.filter(article__event=small_event, article__position=0).get()
    carol = actor_corrections.actor_for_name(event=small_event, name="Carol Newcomer", user=uploader)
    corrections.quote_correct(quote=quote, user=uploader, speaker=carol)
    assert b"Carol Newcomer" in client.get(url).content


def test_a_page_is_not_kept_past_an_analysis_finishing(client: Client, small_event: Event) -> None:  # noqa: F811
    """`ready` (the table's empty message) is read fresh, and is part of the key."""
    bob = Actor.objects.get(event=small_event, name="Bob Other").pk  # no statement in a story point
    small_event.jobs.filter(kind="align").update(status="running")
    assert b"Story points appear when the analysis is done" in client.get(
        small_event.get_absolute_url() + f"?only=missing&actor={bob}").content
    small_event.jobs.filter(kind="align").update(status="done")
    assert b"No story points match this filter" in client.get(
        small_event.get_absolute_url() + f"?only=missing&actor={bob}").content


def _ann(event: Event) -> Actor:
    return Actor.objects.get(event=event, name="Ann Example")


WRITES: dict[str, Callable[[Event, User], object]] = {
    "quote corrected": lambda e, u: corrections.quote_correct(
        quote=Quote.objects.filter(article__event=e).first(), user=u, kind="indirect"),
    "quotes corrected in bulk": lambda e, u: corrections.quotes_correct(
        quotes=list(Quote.objects.filter(article__event=e)[:2]), user=u, is_quote=False),
    "actor edited": lambda e, u: actor_corrections.actor_edit(
        actor=_ann(e), user=u, name="Ann Renamed", kind="person", title=""),
    "actor created": lambda e, u: actor_corrections.actor_create(event=e, name="Dee New", user=u),
    "alias added": lambda e, u: actor_corrections.alias_add(actor=_ann(e), alias="A. Example", user=u),
    "alias removed": lambda e, u: actor_corrections.alias_remove(alias=_ann(e).aliases.get(alias="Ann"), user=u),
    "actors merged": lambda e, u: actor_corrections.actors_merge(
        source=Actor.objects.get(event=e, name="Bob Other"), target=_ann(e), user=u),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_editor_write_bumps_the_version(small_event: Event, uploader: User, write: str) -> None:  # noqa: F811
    before = small_event.content_version
    WRITES[write](small_event, uploader)
    small_event.refresh_from_db()
    assert small_event.content_version > before


def test_a_revert_bumps_the_version(small_event: Event, uploader: User) -> None:  # noqa: F811
    correction = actor_corrections.actor_edit(actor=_ann(small_event), user=uploader, name="Ann R", kind="person",
                                              title="")
    quote = Quote.objects.filter(article__event=small_event).first()
    assert quote is not None
    fix = corrections.quote_correct(quote=quote, user=uploader, kind="mixed")
    small_event.refresh_from_db()
    before = small_event.content_version
    actor_corrections.actor_correction_revert(correction=ActorCorrection.objects.get(pk=correction.pk), user=uploader)
    corrections.correction_revert(correction=fix, user=uploader)
    small_event.refresh_from_db()
    assert small_event.content_version == before + 2


@pytest.mark.parametrize(("model", "field", "value"), [
    (Article, "title", "Retitled in the admin"),
    (Outlet, "name", "Daily Renamed"),
    (Event, "description", "Described in the admin"),
])
def test_an_admin_edit_is_on_the_next_page(
    client: Client, small_event: Event, model: type, field: str, value: str,  # noqa: F811
) -> None:
    row = {Article: lambda: small_event.articles.get(position=0), Outlet: lambda: Outlet.objects.get(name="Daily One"),
           Event: lambda: small_event}[model]()
    from django.contrib.admin import site
    from django.test import RequestFactory

    url = small_event.get_absolute_url()
    client.get(url)
    admin = site._registry[model]
    setattr(row, field, value)
    request = RequestFactory().post("/")
    admin.save_model(request, row, None, True)
    small_event.refresh_from_db()
    assert small_event.content_version == 2  # before the write and after it
    if field != "description":
        assert value.encode() in client.get(url).content
