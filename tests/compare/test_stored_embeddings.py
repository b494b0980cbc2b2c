"""Each analysis stores its claims' embeddings; the event's alignment uses them, and
embeds only the claims that have none (imported, or analysed by an older release)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from articles.compare.embed import embed, from_bytes
from articles.models import Claim, Event, Job, StoryPoint
from articles.services import alignment
from tests.conftest import confirm_upload


@pytest.fixture
def event(db: None, seed_bytes: bytes, django_capture_on_commit_callbacks: Any) -> Event:
    with django_capture_on_commit_callbacks(execute=True):
        return confirm_upload(seed_bytes, "Stored embeddings").event


def _points(event: Event) -> list[tuple[str, list[str]]]:
    return sorted(
        (point.label, sorted(point.members.values_list("text", flat=True)))
        for point in StoryPoint.objects.filter(event=event)
    )


def test_every_claim_of_an_analysis_carries_its_embedding(event: Event) -> None:
    claims = list(Claim.objects.filter(article__event=event).order_by("pk"))
    assert len(claims) > 10
    assert all(claim.embedding is not None for claim in claims)
    np.testing.assert_allclose(from_bytes([c.embedding for c in claims]),
                               embed([c.text for c in claims]), atol=1e-4)


def test_claims_without_a_stored_embedding_align_as_if_they_had_one(event: Event) -> None:
    aligned = _points(event)
    assert any(len(members) > 1 for _, members in aligned)  # the seed's shared story points
    first_article = Claim.objects.filter(article__event=event).order_by("article__position").first()
    assert first_article is not None
    Claim.objects.filter(article_id=first_article.article_id).update(embedding=None)
    Job.objects.filter(event=event, kind=Job.Kind.ALIGN).update(status=Job.Status.QUEUED, attempts=0)
    assert alignment.event_align(event_id=event.pk)
    assert _points(event) == aligned


def test_pages_read_claims_without_their_embedding(event: Event) -> None:
    claim = Claim.objects.filter(article__event=event).first()
    assert claim is not None
    assert "embedding" in claim.get_deferred_fields()
    assert "embedding" in claim.article.claims.first().get_deferred_fields()
