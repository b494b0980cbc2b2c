"""An event named in another script gets a readable ASCII slug its page opens at."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.test import Client

from articles.services.uploads import event_for_name, event_slug


@pytest.mark.parametrize(("name", "slug"), [
    ("Новости дня", "novosti-dnya"),
    ("Київ: «Новини» дня", "kiyiv-novini-dnya"),
    ("Ёлка в Йошкар-Оле", "yolka-v-yoshkar-ole"),
    ("Ђоковић осваја турнир", "djokovic-osvaja-turnir"),
    ("Ειδήσεις της ημέρας", "eidiseis-tis-imeras"),
    ("Port strike — day 2", "port-strike-day-2"),
    ("Café São Paulo", "cafe-sao-paulo"),
    ("新闻", "event"),  # no spelling of its own: the fallback as before
])
def test_event_slugs_spell_cyrillic_and_greek_in_latin_letters(name: str, slug: str) -> None:
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
