"""An event named in another script gets a readable slug its pages open at: Cyrillic and
Greek spelt in Latin letters, a script we do not spell (Chinese, Arabic, Hebrew) kept."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from articles.services.uploads import event_for_name, event_slug


@pytest.mark.parametrize(("name", "slug"), [
    ("Новости дня", "novosti-dnya"),
    ("Київ: «Новини» дня", "kiyiv-novini-dnya"),
    ("Ёлка в Йошкар-Оле", "yolka-v-yoshkar-ole"),
    ("Ђоковић осваја турнир", "djokovic-osvaja-turnir"),
    ("Ειδήσεις της ημέρας", "eidiseis-tis-imeras"),
    ("Port strike — day 2", "port-strike-day-2"),
    ("Café São Paulo", "cafe-sao-paulo"),
    ("Łódź ßtraße", "lodz-sstrasse"),
    ("新闻发布会", "新闻发布会"),  # no spelling of ours: its letters kept ("event" before)
    ("مؤتمر صحفي في موسكو", "مؤتمر-صحفي-في-موسكو"),
    ("מסיבת עיתונאים בירושלים", "מסיבת-עיתונאים-בירושלים"),
    ("東京でニュースが", "東京でニュースが"),  # the mark that makes "が" stays
    ("!!!", "event"),  # no letter at all
])
def test_event_slugs_spell_latin_cyrillic_and_greek_and_keep_other_scripts(name: str, slug: str) -> None:
    assert event_slug(name) == slug


@pytest.mark.django_db
def test_an_event_named_in_cyrillic_opens_at_its_slug(client: Client) -> None:
    """"Новости дня" had the slug "event" (and the next such event "event-2")."""
    with transaction.atomic():
        first = event_for_name("Новости дня", user=None)
        second = event_for_name("Новости дня!", user=None)
    assert (first.slug, second.slug) == ("novosti-dnya", "novosti-dnya-2")
    response = client.get(first.get_absolute_url())
    assert first.get_absolute_url() == "/events/novosti-dnya/"
    assert response.status_code == 200
    assert "Новости дня" in response.content.decode()


@pytest.mark.django_db
def test_events_named_in_chinese_arabic_and_hebrew_open_at_their_own_slugs(client: Client) -> None:
    """They were all "event", "event-2", "event-3": unreadable, and the API's slug pattern
    (ASCII) refused any Unicode one."""
    with transaction.atomic():
        events = [event_for_name(name, user=None)
                  for name in ("新闻发布会", "新闻发布会!", "مؤتمر صحفي", "מסיבת עיתונאים")]
    assert [e.slug for e in events] == ["新闻发布会", "新闻发布会-2", "مؤتمر-صحفي", "מסיבת-עיתונאים"]
    for event in events:
        page = client.get(event.get_absolute_url())
        assert page.status_code == 200
        assert event.name in page.content.decode()
        assert client.get(f"/api/events/{event.slug}").json()["slug"] == event.slug
    download = client.get(reverse("event_export_table", args=[events[0].slug, "articles"]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == (
        "attachment; filename*=utf-8''%E6%96%B0%E9%97%BB%E5%8F%91%E5%B8%83%E4%BC%9A-articles.csv")
