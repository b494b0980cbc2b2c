"""Articles whose first analysis has not run yet: the event page says so rather than
present their empty rows as findings ("No quotes found.", zeros, "not reported")."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Claim, Event, Job, StoryPoint

pytestmark = pytest.mark.django_db


def _event(statuses: list[str], analysed: list[bool]) -> tuple[Event, list[Article]]:
    event = Event.objects.create(name="Queued", slug="queued")
    articles = []
    for i, (status, done) in enumerate(zip(statuses, analysed, strict=True)):
        body = f"The mayor opened bridge {i} on Monday.\n\nIt cost a lot."
        article = Article.objects.create(event=event, position=i, title=f"Bridge {i}", body=body,
                                         content_hash=f"q{i}", word_count=len(body.split()),
                                         analyzed_at=timezone.now() if done else None)
        Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=article, status=status)
        articles.append(article)
    return event, articles


def test_queued_articles_are_said_not_analysed_not_found_empty(client: Client) -> None:
    event, _ = _event(["queued", "running", "queued"], [False, False, False])
    page = client.get(reverse("event", args=[event.slug])).content.decode()
    assert "0 of 3 articles done" in page
    assert page.count("Not analysed yet: its quotes") == 3
    assert "No quotes found." not in page and "None found." not in page
    assert "not analysed yet" in page  # the density charts' values, not 0.0 (0)
    assert "0.0 (0)" not in page


def test_a_failed_first_analysis_says_so_and_an_analysed_article_keeps_its_card(client: Client) -> None:
    event, articles = _event(["done", "failed"], [True, False])
    Job.objects.create(kind=Job.Kind.ALIGN, event=event, status="done")
    first = articles[0].body.split("\n\n")[0]
    point = StoryPoint.objects.create(event=event, label=first, order=0, article_positions=[0])
    point.members.add(Claim.objects.create(article=articles[0], text=first, start=0, end=len(first), voice="own"))
    page = client.get(reverse("event", args=[event.slug])).content.decode()
    assert page.count("Not analysed: its analysis failed") == 1
    assert "No quotes found." in page, "the analysed article found none"
    assert '<td class="unanalysed"><span>not analysed (failed)</span></td>' in page
    assert "<span>not reported</span>" not in page


def test_an_article_analysed_before_keeps_its_results_while_analysed_again(client: Client) -> None:
    event, _ = _event(["queued", "done"], [True, True])
    Job.objects.create(kind=Job.Kind.ALIGN, event=event, status="done")
    page = client.get(reverse("event", args=[event.slug])).content.decode()
    assert "Analysing again" in page and "Not analysed" not in page


def test_the_article_page_of_a_queued_article_says_it_is_not_analysed_yet(client: Client) -> None:
    _, articles = _event(["queued", "done"], [False, True])
    waiting = client.get(articles[0].get_absolute_url()).content.decode()
    assert "Not analysed yet: its quotes" in waiting and "No quotes found." not in waiting
    assert "0 quotes" not in waiting
    done = client.get(articles[1].get_absolute_url()).content.decode()
    assert "No quotes found." in done and "Not analysed" not in done


def test_facts_missing_lists_no_point_whose_only_gap_is_an_unanalysed_article(client: Client) -> None:
    """`?only=missing` is "facts missing from some outlet": an article never read leaves
    nothing out (its cell says "not analysed (failed)", not "not reported")."""
    event, articles = _event(["done", "done", "failed"], [True, True, False])
    Job.objects.create(kind=Job.Kind.ALIGN, event=event, status="done")
    for order, reporters in enumerate([articles[:2], articles[:1]]):
        label = f"Point {order}"
        point = StoryPoint.objects.create(event=event, label=label, order=order,
                                          article_positions=[a.position for a in reporters])
        for a in reporters:
            first = a.body.split("\n\n")[0]
            point.members.add(Claim.objects.create(article=a, text=first, start=0, end=len(first), voice="own"))
    rows = client.get(reverse("event", args=[event.slug]) + "?only=missing&articles=0,1,2").context["rows"]
    assert [r["point"].label for r in rows] == ["Point 1"], "point 0 is reported by every analysed article"
