"""The seed event, analysed in-process, with two editors' decisions on its quotes."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User

from articles.management.commands.import_dump import import_file
from articles.models import Actor, Event, Quote
from articles.services.corrections import quote_correct
from tests.conftest import SEED

SEED_EVENT = "Tillerson–Lavrov press conference, Moscow, 12 April 2017"


@pytest.fixture
def seed_event(db: None, django_capture_on_commit_callbacks: Any) -> Event:
    with django_capture_on_commit_callbacks(execute=True):
        event = import_file(SEED, SEED_EVENT).event
    assert event.story_points.exists(), "the alignment did not run"
    return event


@pytest.fixture
def corrected_event(seed_event: Event, uploader: User) -> Event:
    """One quote given to another speaker, one marked "not a quote", both by an editor."""
    quotes = list(Quote.objects.filter(article__event=seed_event, speaker__isnull=False)
                  .order_by("article__position", "start"))
    other = Actor.objects.filter(event=seed_event).exclude(pk=quotes[0].speaker_id).order_by("name").first()
    quote_correct(quote=quotes[0], user=uploader, speaker=other, note="the byline, not the minister")
    quote_correct(quote=quotes[-1], user=uploader, is_quote=False)
    return seed_event


_EXPORTED: dict[str, Any] = {}


@pytest.fixture
def analysed_event(request: pytest.FixtureRequest, db: None) -> Event:
    """The corrected seed event, analysed once per session: the first test analyses
    it (about 12 s), the later ones rebuild it from that export with event_import,
    which test_roundtrip proves exact."""
    from articles.services.event_import import event_import, parse_event_json
    from articles.services.exports import event_json

    if "seed" not in _EXPORTED:
        event: Event = request.getfixturevalue("corrected_event")
        _EXPORTED["seed"] = event_json(event)
        return event
    return event_import(parsed=parse_event_json(_EXPORTED["seed"]), event_name=SEED_EVENT)
