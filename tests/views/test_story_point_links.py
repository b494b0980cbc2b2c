"""Citing a story point: each row has an anchor named by the point's id in the event JSON
and the CSV tables (the API gives it as `index`), and an actor's quotes link to their
sentence in the article."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Actor, Article, Event, Quote, StoryPoint
from articles.services.exports import event_json
from tests.browser.test_story_points_phone import _event

pytestmark = pytest.mark.django_db


def test_each_story_point_row_has_an_anchor_and_a_link_named_by_its_export_id(client: Client) -> None:
    event = _event()
    page = client.get(event.get_absolute_url()).content.decode()
    exported = event_json(event)["story_points"]
    assert [p["id"] for p in exported] == [0, 1]
    shared, single = exported
    assert '<tr class="shared" id="point-0">' in page
    assert '<a class="permalink" href="#point-0"' in page
    # The fact only one outlet reports is folded under the table, anchored all the same.
    assert '<li id="point-1">' in page and 'href="#point-1"' in page
    assert "link to this story point" in page
    api = client.get(f"/api/events/{event.slug}/story-points").json()["results"]
    by_label = {p["label"]: p for p in api}
    assert by_label[shared["label"]]["index"] == 0 and by_label[single["label"]]["index"] == 1
    assert by_label[shared["label"]]["id"] == StoryPoint.objects.get(event=event, order=0).pk


def test_an_actors_quotes_link_to_their_paragraph_in_the_article(client: Client) -> None:
    event = Event.objects.create(name="Link", slug="link")
    body = "First paragraph.\n\nThe mayor said: “We will build it.”\n\nLast one."
    article = Article.objects.create(event=event, position=0, title="Bridge", body=body, content_hash="l0",
                                     word_count=len(body.split()))
    actor = Actor.objects.create(event=event, name="Ann Mayor")
    start = body.index("We will")
    Quote.objects.create(article=article, text="We will build it.", start=start, end=start + 17, kind="direct",
                         speaker=actor)
    page = client.get(actor.get_absolute_url()).content.decode()
    link = reverse("article_at", args=[event.slug, 0, start])
    assert f'href="{link}"' in page
    assert client.get(link)["Location"] == f"{article.get_absolute_url()}#p1"
    assert client.get(reverse("article_at", args=[event.slug, 0, 10**6]))["Location"].endswith("#p2")
    assert client.get(reverse("article_at", args=[event.slug, 9, 0])).status_code == 404
