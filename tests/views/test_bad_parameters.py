"""Every parameter we parse answers 400 with a message when it cannot be read, never 500."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from articles.models import Actor, ApiToken, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(db: None) -> Event:
    return Event.objects.create(name="Params", slug="params")


@pytest.mark.parametrize("query", ["actor=%C2%B2", "articles=%C2%B2", "articles=1,%C2%B2",
                                   "actor=99999999999999999999"])
def test_an_unreadable_number_on_the_event_page_is_a_400_that_says_which(
        client: Client, event: Event, query: str) -> None:
    response = client.get(f"/events/{event.slug}/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.content.decode()


def test_an_actor_of_another_event_on_the_event_page_is_a_400_that_says_what_to_do(
        client: Client, event: Event) -> None:
    other = Event.objects.create(name="Other", slug="other")
    theirs = Actor.objects.create(event=other, name="Ann Example")
    response = client.get(f"/events/{event.slug}/?actor={theirs.pk}")
    assert response.status_code == 400
    page = response.content.decode()
    assert f"actor {theirs.pk} is not a speaker of this event" in page and "Speaker menu" in page
    assert client.get(f"/events/{other.slug}/?actor={theirs.pk}").status_code == 200


def test_a_nul_in_an_api_filter_is_a_json_400(client: Client, event: Event) -> None:
    response = client.get(f"/api/events/{event.slug}/quotes?speaker=%00")
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_a_nul_in_an_api_upload_field_is_a_json_400(client: Client, uploader: User) -> None:
    token = ApiToken.issue(uploader)[1]
    response = client.post("/api/uploads", {"text": "Some text.", "event": "x\x00y"},
                           HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_the_admin_autocomplete_refuses_an_unreadable_event(client: Client) -> None:
    admin = User.objects.create_superuser("root", "r@example.org", "a-long-enough-password")
    client.force_login(admin)
    response = client.get("/admin/autocomplete/?app_label=articles&model_name=quote&field_name=speaker"
                          "&term=a&event=%C2%B2")
    assert response.status_code == 400
