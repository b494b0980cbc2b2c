"""Restore an event from its event JSON (an `export_event` file, or the output of
`analyze_dump --json`) as a new event, without running the NLP again.

The file is untrusted: its shape is checked with pydantic and every offset
against its article's body before one row is written. `event_import` checks
the file, then writes its rows in one transaction.
Human attributions come back as human, each with an audit row saying where
it came from, so later re-analysis keeps them exactly as it keeps an editor's."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from django.db import transaction
from django.utils import timezone
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

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
from articles.services.analysis_store import signal_row
from articles.services.uploads import content_hash, event_for_name


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

    @property
    def description(self) -> str:
        return str(self.event.get("description") or "")[:10_000]

    @property
    def analysis_version(self) -> str:
        """What the file says made it; an `analyze_dump` file may not say, and is this version's."""
        return str(self.event.get("analysis_version") or ANALYSIS_VERSION)[:40]


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



# The rows the file describes, unsaved: `event_import` below writes them.


def quote_rows(article: Article, a: ArticleIn, actors: dict[str, Actor], version: str) -> list[Quote]:
    """`a.quotes`, then the editors' "not a quote"s, numbered in that order."""
    return [
        Quote(article=article, position=i, text=q.text, start=q.start, end=q.end, kind=q.kind, cue=q.cue[:120],
              cue_start=q.cue_start, cue_end=q.cue_end, speaker_mention=q.speaker_mention[:300],
              mention_start=q.mention_start, mention_end=q.mention_end,
              speaker=actors.get(q.speaker) if q.speaker else None, confidence=q.confidence,
              attribution=q.attribution, is_quote=is_quote, orphaned=q.orphaned, analysis_version=version)
        for i, (q, is_quote) in enumerate([*((q, True) for q in a.quotes), *((q, False) for q in a.not_quotes)])
    ]


def audit_rows(article: Article, quotes: list[Quote], source: str) -> list[AttributionCorrection]:
    """One per human quote (saved), saying where its attribution came from."""
    return [
        AttributionCorrection(
            quote=q, article=article, before={},
            after={"speaker": q.speaker.name if q.speaker else None, "kind": q.kind, "is_quote": q.is_quote},
            note=f"imported with its human attribution from {source}"[:1000],
        )
        for q in quotes if q.attribution == Quote.Attribution.HUMAN
    ]


def claim_row(article: Article, position: int, c: ClaimIn, quotes: list[Quote], actors: dict[str, Actor]) -> Claim:
    """`quotes` are the saved rows of the article's `quotes`, which `c.quote` indexes."""
    return Claim(
        article=article, position=position, text=c.text, start=c.start, end=c.end, voice=c.voice,
        hedged=c.hedged, loaded=c.loaded,
        quote=quotes[c.quote] if c.quote is not None else None,
        speaker=actors.get(c.speaker) if c.speaker else None,
    )




def event_import(*, parsed: EventIn, event_name: str, source: str = "an event JSON file") -> Event:
    """A new event holding exactly what `parsed` (see event_import.parse_event_json)
    describes, without running the NLP again; it looks analysed, jobs done."""
    name = event_name.strip()
    if not name:
        raise EventImportError("the new event needs a name")
    with transaction.atomic():
        if Event.objects.filter(name=name).exists():
            raise EventImportError(f"an event called {name!r} exists already; choose another name")
        event = event_for_name(name, user=None)
        event.description = parsed.description
        event.save(update_fields=["description"])
        actors = _import_actors(event, parsed)
        version = parsed.analysis_version
        articles = [_import_article(event, position, a, version) for position, a in enumerate(parsed.articles)]
        claims: dict[tuple[int, int, int, str], Claim] = {}
        for column, (row, a) in enumerate(zip(articles, parsed.articles, strict=True)):
            quotes = Quote.objects.bulk_create(quote_rows(row, a, actors, version))
            AttributionCorrection.objects.bulk_create(audit_rows(row, quotes, source))
            quoted = quotes[: len(a.quotes)]
            for c in Claim.objects.bulk_create(claim_row(row, i, c, quoted, actors) for i, c in enumerate(a.claims)):
                claims.setdefault((column, c.start, c.end, c.text), c)
            Signal.objects.bulk_create(signal_row(row, s, actors) for s in a.signals)
            Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=row, status=Job.Status.DONE,
                               finished_at=timezone.now())
        _import_story_points(event, parsed, articles, claims)
        Job.objects.create(kind=Job.Kind.ALIGN, event=event, status=Job.Status.DONE, finished_at=timezone.now())
    return event


def _import_actors(event: Event, parsed: EventIn) -> dict[str, Actor]:
    """Every listed or named actor, by name."""
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


def _import_article(event: Event, position: int, a: ArticleIn, version: str) -> Article:
    outlet = Outlet.objects.get_or_create(name=a.outlet.strip()[:200])[0] if a.outlet.strip() else None
    return Article.objects.create(
        event=event, outlet=outlet, position=position, title=a.title or "Untitled", byline=a.byline[:300],
        published=a.published, url=a.url[:1000], body=a.body, headings=a.headings,
        content_hash=content_hash(a.body), word_count=len(a.body.split()),
        analysis_version=(a.analysis_version or version)[:40], analyzed_at=timezone.now(),
    )


def _import_story_points(event: Event, parsed: EventIn, articles: list[Article],
                         claims: dict[tuple[int, int, int, str], Claim]) -> None:
    """`claims` holds the saved claims by (article column, start, end, text): how members name them."""
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
