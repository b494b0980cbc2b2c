"""Restore an event from its event JSON (an `export_event` file, or the output of
`analyze_dump --json`) as a new event, without running the NLP again.

The file is untrusted: its shape is checked with pydantic and every offset
against its article's body before one row is written. This module reads the file
and describes its rows; `services.event_import` writes them, in one transaction.
Human attributions come back as human, each with an audit row saying where
it came from, so later re-analysis keeps them exactly as it keeps an editor's."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from articles.models import Actor, Article, AttributionCorrection, Claim, Quote
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



# The rows the file describes, unsaved: `services.event_import` writes them.


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


