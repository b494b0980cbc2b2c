"""A small event written as rows (no NLP), and API tokens."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles.api.read import EXAMPLE_SLUG
from articles.models import Actor, ActorAlias, ApiToken, Article, Claim, Event, Job, Outlet, Quote, StoryPoint

BODY = ("Ann Example said the attack was “a brutal crime”. Bob Other insisted it was not. "
        "Officials reportedly disagreed.")
CRIME, NOT = BODY.index("a brutal crime"), BODY.index("it was not")


@pytest.fixture
def small_event(db: None) -> Event:
    """Under the slug the OpenAPI schema gives as its example, so schemathesis reaches
    real rows. Seven articles from two outlets; Ann quoted directly in each, Bob indirectly
    in the odd ones (one of Bob's quotes corrected by an editor); one story point."""
    event = Event.objects.create(name="Small event", slug=EXAMPLE_SLUG)
    ann = Actor.objects.create(event=event, name="Ann Example", kind="person", title="minister")
    bob = Actor.objects.create(event=event, name="Bob Other", kind="person")
    ActorAlias.objects.create(actor=ann, alias="Ann")
    outlets = [Outlet.objects.get_or_create(name=n)[0] for n in ("Daily One", "Wire Two")]
    point = StoryPoint.objects.create(event=event, label="The attack was a crime", order=0,
                                      article_positions=[0, 2])
    for i in range(7):
        article = Article.objects.create(event=event, outlet=outlets[i % 2], position=i, title=f"Article {i}",
                                         body=BODY, content_hash=f"h{i}", word_count=len(BODY.split()),
                                         analysis_version="test", analyzed_at=timezone.now())
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        Quote.objects.create(article=article, text="a brutal crime", start=CRIME, end=CRIME + 14, kind="direct",
                             cue="said", speaker=ann, confidence=0.9)
        if i % 2:
            Quote.objects.create(article=article, text="it was not", start=NOT, end=NOT + 10, kind="indirect",
                                 cue="insisted", speaker=bob, confidence=0.6,
                                 attribution="human" if i == 1 else "machine")
        claim = Claim.objects.create(article=article, text=BODY[:49], start=0, end=49, voice="attributed",
                                     speaker=ann)
        if i in (0, 2):
            point.members.add(claim)
    Job.objects.create(kind="align", event=event, status="done")
    return event


@pytest.fixture
def token(uploader: User) -> str:
    return ApiToken.issue(uploader, name="tests")[1]


@pytest.fixture
def auth(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
