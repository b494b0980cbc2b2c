"""Alignment of an event: its claims grouped into story points."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from django.db import transaction

from articles.compare.align import align_claims
from articles.compare.embed import DIMENSION, embed_alone, from_bytes
from articles.compare.types import ClaimInput, StoryPointResult
from articles.models import Article, Claim, Event, Job, StoryPoint
from articles.services import actors as actor_store
from articles.services.jobs import MAX_ATTEMPTS, held_here, working_on
from articles.services.page_versions import pages_changed


def event_align(*, event_id: int) -> bool:
    """Group the event's claims into story points (replacing the old ones)."""
    with working_on(Job.objects.filter(event_id=event_id, kind=Job.Kind.ALIGN)) as job:
        if job is None:
            return False
        if job.attempts > MAX_ATTEMPTS:
            job.finish(failed=f"gave up after {MAX_ATTEMPTS} attempts")
            return False
        _align(event_id, job)
    return True


def _align(event_id: int, job: Job) -> None:
    positions = dict(Article.objects.filter(event_id=event_id).values_list("pk", "position"))
    ordered = sorted(positions.values())
    column = {pos: i for i, pos in enumerate(ordered)}
    claims = list(
        Claim.objects.filter(article__event_id=event_id)
        .order_by("article__position", "start")
        .values_list("pk", "article_id", "text", "voice", "speaker__name", "hedged", "start", "end", "embedding")
    )
    inputs = [
        ClaimInput(id=pk, article=column[positions[art]], text=text, voice=voice,
                   speaker=speaker, hedged=hedged)
        for pk, art, text, voice, speaker, hedged, *_ in claims
    ]
    vectors = _stored_or_embedded([row[2] for row in claims], [row[8] for row in claims])
    points = align_claims(inputs, len(ordered), vectors=vectors) if inputs else []
    with transaction.atomic():
        # Whatever deletes claims (an analysis, an admin edit or delete) first bumps this row's
        # content_version, so it waits for this lock: the claims present now stay until the commit.
        event = Event.objects.select_for_update().get(pk=event_id)
        pages_changed(event.pk)
        actor_store.rename_to_most_used(event)
        StoryPoint.objects.filter(event_id=event_id).delete()
        _store_points(event_id, _without_gone(points, event_id), ordered, claims)
        job.finish()


def _without_gone(points: list[StoryPointResult], event_id: int) -> list[StoryPointResult]:
    """The story points without the claims deleted since they were read (an article analysed
    again, edited or deleted meanwhile; that change queues the alignment again): a member
    row for a gone claim would fail the commit. A point left without members goes."""
    present = set(Claim.objects.filter(article__event_id=event_id).values_list("pk", flat=True))
    kept = []
    for point in points:
        members = tuple(pk for pk in point.members if pk in present)
        if members:
            kept.append(replace(point, members=members,
                                possibly_in=tuple(p for p in point.possibly_in if p.claim in present)))
    return kept


def _store_points(event_id: int, points: list[StoryPointResult], ordered: list[int],
                  claims: list[tuple[Any, ...]]) -> None:
    """The story points and their members, in three statements whatever their number.
    `ordered` maps an aligner column to an article position; `claims` are the aligned rows."""
    spans = {row[0]: row for row in claims}  # pk -> (pk, article_id, text, ..., start, end, embedding)
    rows = StoryPoint.objects.bulk_create(
        StoryPoint(
            event_id=event_id, label=point.label, order=point.order,
            article_positions=[ordered[i] for i in point.articles],
            possibly_in=[{"article": ordered[p.article], "claim": p.claim, "text": spans[p.claim][2],
                          "start": spans[p.claim][6], "end": spans[p.claim][7], "score": round(p.score, 3)}
                         for p in point.possibly_in],
        )
        for point in points
    )
    Member = StoryPoint.members.through
    Member.objects.bulk_create(
        [Member(storypoint_id=row.pk, claim_id=claim_id)
         for row, point in zip(rows, points, strict=True) for claim_id in dict.fromkeys(point.members)],
        batch_size=5000,
    )


def _stored_or_embedded(texts: list[str], stored: list[bytes | None]) -> np.ndarray:
    """Each claim's stored embedding; claims without one (imported, or analysed before
    embeddings were stored) are embedded now."""
    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    have = {i: blob for i, blob in enumerate(stored) if blob is not None}
    if have:
        vectors[list(have)] = from_bytes(list(have.values()))
    missing = [i for i in range(len(texts)) if i not in have]
    if missing:
        vectors[missing] = embed_alone([texts[i] for i in missing])
    return vectors


def event_align_failed(*, event_id: int, error: str) -> None:
    """The alignment this process was running failed: its job says so, unless it was
    queued again meanwhile (then the task sent with it aligns the event)."""
    job = held_here(Job.objects.filter(event_id=event_id, kind=Job.Kind.ALIGN))
    if job is not None:
        job.fail(error)


