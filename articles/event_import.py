"""Restore an event from its event JSON (an `export_event` file, or the output of
`analyze_dump --json`) as a new event, without running the NLP again.

The file is untrusted: its shape is checked with pydantic and every offset
against its article's body before one row is written, all in one transaction.
Human attributions come back as human, each with an audit row saying where
it came from, so later re-analysis keeps them exactly as it keeps an editor's."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from articles import services
from articles.models import (
    Actor,
    ActorAlias,
    Article,
    AttributionCorrection,
    Claim,
    Event,
    Job,
    Outlet,
    Quote,
    Signal,
    StoryPoint,
)
from articles.nlp.version import ANALYSIS_VERSION


class EventImportError(Exception):
    pass


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Span(_Loose):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> _Span:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


class QuoteIn(_Span):
    kind: Literal["direct", "indirect", "mixed"]
    speaker: str | None = Field(default=None, max_length=300)
    speaker_mention: str = ""
    cue: str = ""
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    attribution: Literal["machine", "human"] = "machine"
    orphaned: bool = False
    cue_start: int | None = Field(default=None, ge=0)
    cue_end: int | None = Field(default=None, ge=0)
    mention_start: int | None = Field(default=None, ge=0)
    mention_end: int | None = Field(default=None, ge=0)


class ClaimIn(_Span):
    voice: Literal["own", "attributed"]
    hedged: bool = False
    loaded: bool = False
    quote: int | None = Field(default=None, ge=0)
    speaker: str | None = Field(default=None, max_length=300)


class SignalIn(_Span):
    kind: Literal["reporting_verb", "hedge", "scare_quote", "loaded", "label"]
    category: str = ""
    actor: str | None = Field(default=None, max_length=300)
    in_quote: bool = False


class ArticleIn(_Loose):
    title: str = Field(max_length=500)
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    url: str = ""
    body: str = Field(min_length=1)
    headings: list[int] = []
    analysis_version: str = ""
    quotes: list[QuoteIn] = []
    not_quotes: list[QuoteIn] = []
    claims: list[ClaimIn] = []
    signals: list[SignalIn] = []


class MemberIn(_Span):
    article: int = Field(ge=0)


class StoryPointIn(_Loose):
    label: str
    members: list[MemberIn] = []
    missing_from: list[int] = []


class ActorIn(_Loose):
    name: str = Field(min_length=1, max_length=300)
    kind: Literal["person", "country", "organization", "document", "group"] = "person"
    title: str = ""
    aliases: list[str] = []


class EventIn(_Loose):
    event: dict[str, Any] = {}
    articles: list[ArticleIn] = Field(min_length=1)
    story_points: list[StoryPointIn] = []
    actors: list[ActorIn] = []


def parse_event_json(data: object) -> EventIn:
    try:
        parsed = EventIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EventImportError(f"not an event JSON: {where}: {first['msg']} ({exc.error_count()} error(s))") from None
    _check_offsets(parsed)
    return parsed


def _check_offsets(parsed: EventIn) -> None:
    for i, a in enumerate(parsed.articles):
        size = len(a.body)
        spans: list[tuple[str, _Span]] = [
            *(("quotes", q) for q in a.quotes), *(("not_quotes", q) for q in a.not_quotes),
            *(("claims", c) for c in a.claims), *(("signals", s) for s in a.signals),
        ]
        for key, span in spans:
            if span.end > size:
                raise EventImportError(f"articles.{i}.{key}: offset {span.end} is past the end of the body ({size})")
        for c in a.claims:
            if c.quote is not None and c.quote >= len(a.quotes):
                raise EventImportError(f"articles.{i}.claims: quote {c.quote} does not exist")
    for p in parsed.story_points:
        for index in (*(m.article for m in p.members), *p.missing_from):
            if not 0 <= index < len(parsed.articles):
                raise EventImportError(f"story point {p.label[:40]!r}: no article {index}")


def import_event(parsed: EventIn, *, event_name: str, source: str = "an event JSON file") -> Event:
    """Create a new event holding exactly what `parsed` describes."""
    name = event_name.strip()
    if not name:
        raise EventImportError("the new event needs a name")
    with transaction.atomic():
        if Event.objects.filter(name=name).exists():
            raise EventImportError(f"an event called {name!r} exists already; choose another name")
        event = services.event_for_name(name, user=None)
        event.description = str(parsed.event.get("description") or "")[:10_000]
        event.save(update_fields=["description"])
        actors = _actors(event, parsed)
        version = str(parsed.event.get("analysis_version") or ANALYSIS_VERSION)[:40]
        articles = [_article(event, position, a, version) for position, a in enumerate(parsed.articles)]
        claim_rows: dict[tuple[int, int, int, str], Claim] = {}
        for column, (row, a) in enumerate(zip(articles, parsed.articles, strict=True)):
            quotes = _quotes(row, a, actors, version, source)
            created = Claim.objects.bulk_create(_claim(row, i, c, quotes, actors) for i, c in enumerate(a.claims))
            for c in created:
                claim_rows.setdefault((column, c.start, c.end, c.text), c)
            Signal.objects.bulk_create(
                Signal(article=row, kind=s.kind, text=s.text[:500], start=s.start, end=s.end,
                       category=s.category[:40], actor=actors.get(s.actor) if s.actor else None,
                       in_quote=s.in_quote)
                for s in a.signals
            )
            Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=row, status=Job.Status.DONE,
                               finished_at=timezone.now())
        _story_points(event, parsed, articles, claim_rows)
        Job.objects.create(kind=Job.Kind.ALIGN, event=event, status=Job.Status.DONE, finished_at=timezone.now())
    return event


def _actors(event: Event, parsed: EventIn) -> dict[str, Actor]:
    listed = {a.name: a for a in parsed.actors}
    named = {q.speaker for a in parsed.articles for q in (*a.quotes, *a.not_quotes) if q.speaker}
    named |= {c.speaker for a in parsed.articles for c in a.claims if c.speaker}
    named |= {s.actor for a in parsed.articles for s in a.signals if s.actor}
    rows: dict[str, Actor] = {}
    for name in sorted(set(listed) | named):
        spec = listed.get(name)
        rows[name] = Actor.objects.create(event=event, name=name, kind=spec.kind if spec else "person",
                                          title=(spec.title if spec else "")[:300])
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=rows[spec.name], alias=alias[:300]) for spec in parsed.actors
         for alias in dict.fromkeys(spec.aliases) if alias],
        ignore_conflicts=True,
    )
    return rows


def _article(event: Event, position: int, a: ArticleIn, version: str) -> Article:
    outlet = Outlet.objects.get_or_create(name=a.outlet.strip()[:200])[0] if a.outlet.strip() else None
    return Article.objects.create(
        event=event, outlet=outlet, position=position, title=a.title or "Untitled", byline=a.byline[:300],
        published=a.published, url=a.url[:1000], body=a.body, headings=a.headings,
        content_hash=services.content_hash(a.body), word_count=len(a.body.split()),
        analysis_version=(a.analysis_version or version)[:40], analyzed_at=timezone.now(),
    )


def _quotes(article: Article, a: ArticleIn, actors: dict[str, Actor], version: str, source: str) -> list[Quote]:
    """Create the article's quotes; returns those of `a.quotes`, in order, for claims to point at."""
    rows = [
        Quote(article=article, position=i, text=q.text, start=q.start, end=q.end, kind=q.kind, cue=q.cue[:120],
              cue_start=q.cue_start, cue_end=q.cue_end, speaker_mention=q.speaker_mention[:300],
              mention_start=q.mention_start, mention_end=q.mention_end,
              speaker=actors.get(q.speaker) if q.speaker else None, confidence=q.confidence,
              attribution=q.attribution, is_quote=is_quote, orphaned=q.orphaned, analysis_version=version)
        for i, (q, is_quote) in enumerate([*((q, True) for q in a.quotes), *((q, False) for q in a.not_quotes)])
    ]
    created = Quote.objects.bulk_create(rows)
    AttributionCorrection.objects.bulk_create(
        AttributionCorrection(
            quote=q, article=article, before={},
            after={"speaker": q.speaker.name if q.speaker else None, "kind": q.kind, "is_quote": q.is_quote},
            note=f"imported with its human attribution from {source}"[:1000],
        )
        for q in created if q.attribution == Quote.Attribution.HUMAN
    )
    return created[: len(a.quotes)]


def _claim(article: Article, position: int, c: ClaimIn, quotes: list[Quote], actors: dict[str, Actor]) -> Claim:
    return Claim(
        article=article, position=position, text=c.text, start=c.start, end=c.end, voice=c.voice,
        hedged=c.hedged, loaded=c.loaded,
        quote=quotes[c.quote] if c.quote is not None else None,
        speaker=actors.get(c.speaker) if c.speaker else None,
    )


def _story_points(event: Event, parsed: EventIn, articles: list[Article],
                  claims: dict[tuple[int, int, int, str], Claim]) -> None:
    for order, p in enumerate(parsed.story_points):
        columns = sorted({m.article for m in p.members})
        point = StoryPoint.objects.create(
            event=event, label=p.label, order=float(order),
            article_positions=[articles[i].position for i in columns],
            missing_from=[articles[i].position for i in sorted(set(p.missing_from))],
        )
        member_ids = [claims[key].pk for m in p.members
                      if (key := (m.article, m.start, m.end, m.text)) in claims]
        Claim.objects.filter(pk__in=member_ids).update(story_point=point)
