"""What the API returns. Where it overlaps the event JSON, a schema extends the contract's
model (articles/contract.py), so a quote or an actor has one definition."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from ninja import Schema

from articles.contract import ActorJSON, AnalysedChars, PossibleJSON, QuoteJSON, Span
from articles.nlp.types import Voice


class ErrorOut(Schema):
    detail: str


class EventOut(Schema):
    slug: str
    name: str
    description: str
    created_at: dt.datetime
    article_count: int
    url: str
    json_url: str
    csv_url: str


class ArticleOut(Schema):
    id: int
    event: str
    position: int
    title: str
    outlet: str
    byline: str
    published: dt.date | None
    url: str
    word_count: int
    analysis_version: str
    analyzed_at: dt.datetime | None
    analysed_chars: AnalysedChars


class ArticleDetailOut(ArticleOut):
    """One part of the article's text: the whole of it unless it is long (`part_count` > 1)."""

    body: str
    headings: list[int]
    part: int
    part_count: int
    part_start: int
    part_end: int
    length: int
    next: str | None


class QuoteOut(QuoteJSON):
    """A quote as the event JSON writes it, with where it is."""

    id: int
    event: str
    article: int
    article_position: int
    outlet: str
    speaker_id: int | None


class ActorOut(ActorJSON):
    id: int
    event: str


class MemberOut(Span):
    claim: int
    article: int  # the article's id; its place in the event is article_position
    article_position: int
    voice: Voice
    speaker: str | None


PossibleOut = PossibleJSON  # `article` is the article's position, as in article_positions


class StoryPointOut(Schema):
    id: int  # the database id: stable while the event is not aligned again
    index: int  # the point's `id` in the event JSON and the CSV tables, and its #point-N on the event page
    event: str
    label: str
    order: float
    article_positions: list[int]
    missing_from: list[int]  # positions of analysed articles; empty when `omissions` is "complement"
    possibly_in: list[PossibleOut]
    members: list[MemberOut]  # the first MEMBERS_LISTED, in article order
    member_count: int


class UploadOut(Schema):
    id: int
    batch: uuid.UUID
    original_name: str
    size: int
    status: Literal["received", "parsed", "confirming", "confirmed", "failed"]
    error: str
    hint: str
    article_count: int
    articles_analysed: int
    event: str | None
    status_url: str
    event_url: str | None
    duplicates: list[str]  # titles of the articles the event had already: not added again
    notes: list[str]  # what the review page says: skipped or dropped in reading, articles too short to be one


class BatchOut(Schema):
    batch: uuid.UUID
    uploads: list[UploadOut]
    event: str | None
    duplicates: list[str]
    review_url: str | None


class Page(Schema):
    """A page of results; follow `next` (null on the last page)."""

    next: str | None
    next_cursor: str | None


class EventPage(Page):
    results: list[EventOut]


class ArticlePage(Page):
    results: list[ArticleOut]


class QuotePage(Page):
    results: list[QuoteOut]


class ActorPage(Page):
    results: list[ActorOut]


class StoryPointPage(Page):
    # "listed": each point's missing_from lists the articles that leave it out; "complement"
    # (events of over 100 articles): every article in neither article_positions, possibly_in
    # nor not_analysed.
    omissions: Literal["listed", "complement"]
    # Positions of the articles with no analysis (not yet, or it failed): nothing was read
    # from them, so they are in no point's missing_from.
    not_analysed: list[int]
    results: list[StoryPointOut]
