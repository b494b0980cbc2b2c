"""The event, article and actor pages read precomputed rows, in a fixed number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Actor, Article, Claim, Event, Job, Quote, Signal, StoryPoint

pytestmark = pytest.mark.django_db


def make_event(n_articles: int, quotes_each: int = 3) -> Event:
    event = Event.objects.create(name=f"E{n_articles}", slug=f"e{n_articles}")
    speaker = Actor.objects.create(event=event, name="Ann Example", kind="person")
    point = StoryPoint.objects.create(event=event, label="A fact", order=0, article_positions=[0],
                                      missing_from=list(range(1, n_articles)))
    for i in range(n_articles):
        body = "Ann Example said the attack was “a brutal crime”. Officials reportedly disagreed."
        article = Article.objects.create(event=event, position=i, title=f"T{i} <b>x</b>", body=body,
                                         content_hash=f"h{i}", word_count=12)
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        for q in range(quotes_each):
            Quote.objects.create(article=article, text="a brutal crime", start=29, end=43, kind="direct",
                                 cue="said", speaker=speaker, confidence=0.9, position=q)
        Claim.objects.create(article=article, text=body[:50], start=0, end=50, voice="attributed",
                             story_point=point if i == 0 else None, speaker=speaker)
        Signal.objects.create(article=article, kind="loaded", text="brutal", start=31, end=37,
                              category="pejorative", in_quote=True)
        Signal.objects.create(article=article, kind="hedge", text="reportedly", start=56, end=66,
                              category="epistemic")
    Job.objects.create(kind="align", event=event, status="done")
    return event


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_the_event_page_query_count_does_not_grow_with_articles(client: Client) -> None:
    small, big = make_event(2), make_event(12, quotes_each=6)
    assert _queries(client, small.get_absolute_url()) == _queries(client, big.get_absolute_url())


def test_the_article_page_query_count_does_not_grow_with_quotes(client: Client) -> None:
    few, many = make_event(1, quotes_each=1), make_event(3, quotes_each=20)
    a = Article.objects.get(event=few)
    b = Article.objects.filter(event=many).first()
    assert b is not None
    assert _queries(client, a.get_absolute_url()) == _queries(client, b.get_absolute_url())


def test_untrusted_titles_are_escaped(client: Client) -> None:
    event = make_event(1)
    page = client.get(event.get_absolute_url()).content
    assert b"<b>x</b>" not in page and b"&lt;b&gt;x&lt;/b&gt;" in page


def test_a_story_point_missing_from_an_article_says_not_reported(client: Client) -> None:
    event = make_event(2)
    page = client.get(event.get_absolute_url() + "?only=missing").content.decode()
    assert "not reported" in page and "A fact" in page


def test_the_actor_page_lists_the_actors_quotes(client: Client) -> None:
    event = make_event(2)
    actor = Actor.objects.get(event=event)
    page = client.get(reverse("actor", args=[event.slug, actor.pk])).content.decode()
    assert "Ann Example" in page and page.count("a brutal crime") == 6


def test_the_home_page_lists_events(client: Client) -> None:
    make_event(2)
    page = client.get(reverse("home")).content.decode()
    assert "E2" in page and "2 articles" in page
