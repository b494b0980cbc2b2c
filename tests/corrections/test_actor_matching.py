"""A re-analysis matches what it finds to the event's stored actors; an actor an editor
made ("Melania Trump", for a quote the machine gave her husband) must not take the
husband's mentions because it comes first."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from articles.models import Actor, ActorAlias, Article, Event
from articles.nlp.types import ActorRef
from articles.services.actor_corrections import actor_edit
from articles.services.actors import rename_to_most_used, resolve_actors

pytestmark = pytest.mark.django_db


def _actor(event: Event, name: str, *aliases: str) -> Actor:
    actor = Actor.objects.create(event=event, name=name, kind="person")
    for alias in (name, *aliases):
        ActorAlias.objects.create(actor=actor, alias=alias)
    return actor


def test_a_bare_family_name_goes_to_the_actor_who_was_called_so_not_to_the_first_of_the_family() -> None:
    event = Event.objects.create(name="Couple", slug="couple")
    wife = _actor(event, "Ann Hale")  # made by an editor, first
    husband = _actor(event, "Carl Hale", "Hale", "Mr. Hale")
    found = resolve_actors(event, [ActorRef("Hale", "person", ("Mr. Hale",)), ActorRef("Hale", "person")])
    assert found["Hale"] == husband
    assert not ActorAlias.objects.filter(actor=wife, alias__in=["Hale", "Mr. Hale"]).exists()


def test_honorifics_keep_a_wife_and_her_husband_apart() -> None:
    event = Event.objects.create(name="Couple 2", slug="couple-2")
    wife = _actor(event, "Ann Hale", "Mrs. Hale")
    assert resolve_actors(event, [ActorRef("Hale", "person", ("Mr. Hale",))])["Hale"] != wife


def test_what_an_article_teaches_about_an_actor_counts_for_its_other_actors() -> None:
    # Stored from another outlet: "Hale" with no honorific. This article has Mr. Hale
    # first, then his wife: she must not join him through the bare stored name.
    event = Event.objects.create(name="Couple 3", slug="couple-3")
    stored = _actor(event, "Hale", "Governor Hale")
    found = resolve_actors(event, [ActorRef("Hale", "person", ("Mr. Hale",)), ActorRef("Ann Hale", "person")])
    assert found["Hale"] == stored
    assert found["Ann Hale"] != stored


def test_an_editors_name_survives_the_alignments_renaming(editor: User) -> None:
    event = Event.objects.create(name="Renamed", slug="renamed")
    body = ("Sergey Lavrov said. Sergey Lavrov added. Sergei Lavrov spoke. "
            "Maria Zakharova said. Maria Zakharova added. Mariya Zakharova spoke.")
    Article.objects.create(event=event, position=0, title="A", body=body, content_hash="h")
    lavrov = _actor(event, "Sergey Lavrov", "Sergei Lavrov", "Lavrov")
    zakharova = _actor(event, "Mariya Zakharova", "Maria Zakharova")
    actor_edit(actor=lavrov, user=editor, name="Sergei Lavrov", kind="person", title="Foreign Minister")
    rename_to_most_used(event)  # what each alignment of the event does
    lavrov.refresh_from_db()
    zakharova.refresh_from_db()
    assert lavrov.name == "Sergei Lavrov"
    assert zakharova.name == "Maria Zakharova"  # a machine-named actor is still renamed
