"""Staff delete an event or an article in the admin (the README says how it aligns again):
Django's confirmation page refused it for superusers too once the article had a quote,
because the quote and actor admins refuse deleting one by one ("not a quote" and merging
instead), which Django read as a missing permission over the cascade."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Actor, ActorCorrection, Article, Claim, Event, Job, Quote
from articles.services import actor_corrections
from bench.pages import build_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss() -> User:
    return User.objects.create_superuser("boss", "boss@example.org", "a-long-test-password")


@pytest.fixture
def boss_client(client: Client, boss: User) -> Client:
    client.force_login(boss)
    return client


def analysed_event(boss: User) -> tuple[Event, Article]:
    event = Event.objects.create(name="Budget vote", slug="budget-vote")
    article = Article.objects.create(event=event, position=0, title="Vote", body="“No,” said Jane Smith.",
                                     content_hash="v", analysis_version="test", analyzed_at=timezone.now())
    speaker = Actor.objects.create(event=event, name="Jane Smith")
    actor_corrections.record_create(actor=speaker, user=boss)
    Quote.objects.create(article=article, text="No,", start=1, end=4, kind="direct", speaker=speaker)
    return event, article


def test_a_superuser_deletes_an_analysed_article(boss_client: Client, boss: User) -> None:
    _, article = analysed_event(boss)
    url = reverse("admin:articles_article_delete", args=[article.pk])
    assert boss_client.get(url).status_code == 200
    assert boss_client.post(url, {"post": "yes"}).status_code == 302
    assert not Article.objects.exists() and not Quote.objects.exists()


def test_a_superuser_deletes_an_analysed_event(boss_client: Client, boss: User) -> None:
    event, _ = analysed_event(boss)
    url = reverse("admin:articles_event_delete", args=[event.pk])
    assert boss_client.post(url, {"post": "yes"}).status_code == 302
    assert not Event.objects.exists() and not Actor.objects.exists() and not ActorCorrection.objects.exists()


def test_the_list_action_deletes_analysed_articles(boss_client: Client, boss: User) -> None:
    _, article = analysed_event(boss)
    response = boss_client.post(reverse("admin:articles_article_changelist"),
                                {"action": "delete_selected", "_selected_action": [article.pk], "post": "yes"})
    assert response.status_code == 302 and not Article.objects.exists()


def test_a_quote_alone_still_cannot_be_deleted(boss_client: Client, boss: User) -> None:
    analysed_event(boss)
    assert boss_client.get(reverse("admin:articles_quote_delete", args=[Quote.objects.get().pk])).status_code == 403


# --- the confirmation counts what goes: its size does not grow with the event -------------


def confirmation(client: Client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_the_event_confirmation_counts_the_rows_and_does_not_grow_with_the_articles(boss_client: Client) -> None:
    small, large = build_event(3)[0], build_event(60)[0]
    pages = {n: confirmation(boss_client, reverse("admin:articles_event_delete", args=[event.pk]))
             for n, event in ((3, small), (60, large))}
    page, _ = pages[60]
    assert "Articles: 60</li>" in page and f"Jobs: {Job.objects.filter(event=large).count()}</li>" in page
    assert f"Quotes: {Quote.objects.filter(article__event=large).count()}</li>" in page
    assert f"Claims: {Claim.objects.filter(article__event=large).count()}</li>" in page
    assert "Generated article" not in page, "the articles are counted, not listed"
    assert pages[3][1] == pages[60][1], "the same queries for 3 and 60 articles"
    assert abs(len(pages[60][0]) - len(pages[3][0])) < 200, "the same page, give or take the figures"
    assert boss_client.post(reverse("admin:articles_event_delete", args=[large.pk]), {"post": "yes"}).status_code == 302
    assert not Article.objects.filter(event_id=large.pk).exists() and not Job.objects.filter(event_id=large.pk).exists()
    assert Article.objects.filter(event=small).count() == 3


def test_the_list_action_counts_the_rows_of_the_selected_articles(boss_client: Client) -> None:
    event = build_event(60)[0]
    chosen = list(Article.objects.filter(event=event).values_list("pk", flat=True)[:40])
    url = reverse("admin:articles_article_changelist")
    page = boss_client.post(url, {"action": "delete_selected", "_selected_action": chosen}).content.decode()
    quotes = Quote.objects.filter(article__in=chosen).count()
    assert "Articles: 40</li>" in page and f"Quotes: {quotes}</li>" in page and "Generated article" in page
    assert page.count("Generated article") == 40, "the selected articles are named, what goes with them counted"
    assert page.count("<li>") < 40 + 20, "no quote, claim or signal listed"
    confirmed = {"action": "delete_selected", "_selected_action": chosen, "post": "yes"}
    assert boss_client.post(url, confirmed).status_code == 302
    assert Article.objects.filter(event=event).count() == 20 and not Quote.objects.filter(article__in=chosen).exists()


def test_staff_without_the_delete_permission_are_refused(client: Client, boss: User) -> None:
    event, _ = analysed_event(boss)
    staff = User.objects.create_user("staff", password="a-long-test-password", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_event", "change_event", "view_article"]))
    client.force_login(staff)
    url = reverse("admin:articles_event_delete", args=[event.pk])
    assert client.get(url).status_code == 403 and client.post(url, {"post": "yes"}).status_code == 403
    assert Event.objects.exists() and Article.objects.exists()


def test_staff_who_may_delete_events_but_not_articles_are_told_and_refused(client: Client, boss: User) -> None:
    event, _ = analysed_event(boss)
    staff = User.objects.create_user("staff", password="a-long-test-password", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["view_event", "delete_event"]))
    client.force_login(staff)
    url = reverse("admin:articles_event_delete", args=[event.pk])
    page = client.get(url).content.decode()
    assert "delete the following types of objects" in page and "<li>article</li>" in page
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert Event.objects.exists() and Article.objects.exists()
