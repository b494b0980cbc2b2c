"""Speaker colours and badges, the same for an actor on every page of an event.

An actor's colour class (`sp-N`, the Okabe–Ito palette in static/css/newsframe.css) and
badge (initials, made unique within the event) follow its rank among the event's
speakers, most quoted in the whole event first: the event page (whichever articles it
compares) and every article page agree. The ranking is one aggregate over the event's
quotes (by speaker, in the database); the event page runs it once per version of the
event (its body is cached), and article pages share it (web/versioned.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count

from articles.models import SHOWN_QUOTES, Actor, Event, Quote
from articles.web.versioned import per_version

PALETTE_SIZE = 8  # Okabe–Ito colours in static/css/newsframe.css (.sp-0 … .sp-7)


@dataclass
class SpeakerStyle:
    actor: Actor
    css: str
    quotes: int = 0
    badge: str = ""  # the actor's initials, made unique within the event


class Look(NamedTuple):
    css: str
    badge: str


def unique_badge(initials: str, name: str, taken: set[str]) -> str:
    """Two actors of an event never share a badge ("AG" for Al Gore and Amy Garcia):
    the more quoted keeps the initials, the other gets more of the family name
    ("AGa"), else a number. Adds the badge to `taken`."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    last = words[-1] if words else ""
    candidates = [initials, *(initials[:-1] + last[:k].capitalize() for k in range(2, len(last) + 1))]
    badge = next((c for c in candidates if c not in taken), "")
    number = 2
    while not badge:
        badge = f"{initials}{number}" if f"{initials}{number}" not in taken else ""
        number += 1
    taken.add(badge)
    return badge


def looks(ranked: list[tuple[int, str]]) -> dict[int, Look]:
    """Colour and badge per actor id, from (actor id, name) most quoted first."""
    taken: set[str] = set()
    return {actor_id: Look(f"sp-{rank % PALETTE_SIZE}", unique_badge(Actor(name=name).initials, name, taken))
            for rank, (actor_id, name) in enumerate(ranked)}


def _ranked(event: Event) -> list[tuple[int, str]]:
    """The event's quoted actors, most quoted first (ties: the older actor first)."""
    rows = (Quote.objects.filter(SHOWN_QUOTES, article__event_id=event.pk, speaker__isnull=False)
            .values("speaker_id", "speaker__name").annotate(n=Count("pk")).order_by("-n", "speaker_id")
            .values_list("speaker_id", "speaker__name"))
    return list(rows)


def event_looks(event: Event) -> dict[int, Look]:
    """Every quoted actor's colour and badge in this event, ranked once per version of
    the event (every correction and analysis bumps it), not on every article page view."""
    return per_version(event, "speakers", lambda: looks(_ranked(event)))


def styled(actors: dict[int, Actor], counts: Counter[int], palette: dict[int, Look]) -> dict[int, SpeakerStyle]:
    """SpeakerStyle of each actor quoted on a page (`counts`: its quotes there), most quoted
    there first, in the event's colours. An actor the palette lacks (quoted since it was
    read) gets no colour rather than another actor's."""
    return {actor_id: SpeakerStyle(actor=actors[actor_id], quotes=n,
                                   css=palette[actor_id].css if actor_id in palette else "sp-none",
                                   badge=palette[actor_id].badge if actor_id in palette else "")
            for actor_id, n in counts.most_common()}
