"""Staff delete an event or an article in the admin (the README says how it aligns again):
Django's confirmation page refused it for superusers too once the article had a quote,
because the quote and actor admins refuse deleting one by one ("not a quote" and merging
instead), which Django read as a missing permission over the cascade."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Actor, ActorCorrection, Article, Event, Quote
from articles.services import actor_corrections

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
