"""Restore an event from its event JSON (an `export_event` file, or the output of
`analyze_dump --json`) as a new event, without running the NLP again.

The file is untrusted: its shape is checked with pydantic and every offset
against its article's body before one row is written. `event_import` checks
the file, then writes its rows in one transaction.
Human attributions come back as human, each with an audit row saying where
it came from, so later re-analysis keeps them exactly as it keeps an editor's."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from pydantic import ValidationError

from articles.contract import UNNAMED_SOURCES, ArticleJSON, ClaimJSON, EventJSON, Span
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
    fitted,
)
from articles.nlp.version import ANALYSIS_VERSION
from articles.services.analysis_store import signal_row, source_fields
from articles.services.event_json import analysed_chars
from articles.services.page_versions import pages_changed
from articles.services.uploads import article_title, content_hash, event_for_name


class EventImportError(Exception):
    pass


def _description(parsed: EventJSON) -> str:
    return str(parsed.event.get("description") or "")[:10_000]


def _analysis_version(parsed: EventJSON) -> str:
    """What the file says made it; an `analyze_dump` file may not say, and is this version's."""
    return fitted(Article, "analysis_version", str(parsed.event.get("analysis_version") or ANALYSIS_VERSION))


@dataclass(frozen=True)
class ParsedEvent:
    """An event JSON checked whole, with what the checks found that the import needs."""

    file: EventJSON
    not_analysed: frozenset[int]  # see _not_analysed


def parse_event_json(data: object) -> ParsedEvent:
    try:
        parsed = EventJSON.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EventImportError(f"not an event JSON: {where}: {first['msg']} ({exc.error_count()} error(s))") from None
    _check_offsets(parsed)
    return ParsedEvent(file=parsed, not_analysed=_not_analysed(parsed))


NOT_ANALYSED_ERROR = "It was not analysed in the file it was imported from: analyse it again."


def _not_analysed(parsed: EventJSON) -> frozenset[int]:
    """The columns the file says have no analysis (`event.not_analysed`): imported without
    one, as failed, so that nothing counts them as leaving a story point out."""
    listed = parsed.event.get("not_analysed") or []
    if not isinstance(listed, list) or not all(type(i) is int and 0 <= i < len(parsed.articles) for i in listed):
        raise EventImportError("event.not_analysed: not a list of article numbers of this file")
    return frozenset(listed)


def _check_offsets(parsed: EventJSON) -> None:
    for i, a in enumerate(parsed.articles):
        size = len(a.body)
        spans: list[tuple[str, Span]] = [
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
        for index in (*(m.article for m in p.members), *p.missing_from, *(e.article for e in p.possibly_in),
                      *p.not_analysed):
            if not 0 <= index < len(parsed.articles):
                raise EventImportError(f"story point {p.label[:40]!r}: no article {index}")



# The rows the file describes, unsaved: `event_import` below writes them.


def quote_rows(article: Article, a: ArticleJSON, actors: dict[str, Actor], version: str) -> list[Quote]:
    """`a.quotes`, then the editors' "not a quote"s, numbered in that order."""
    return [
        Quote(article=article, position=i, text=q.text, start=q.start, end=q.end, kind=q.kind,
              cue=fitted(Quote, "cue", q.cue), cue_start=q.cue_start, cue_end=q.cue_end,
              speaker_mention=fitted(Quote, "speaker_mention", q.speaker_mention),
              mention_start=q.mention_start, mention_end=q.mention_end,
              **source_fields(q.speaker, q.source_type, actors), confidence=q.confidence,
              attribution=q.attribution, is_quote=is_quote, orphaned=q.orphaned, analysis_version=version)
        for i, (q, is_quote) in enumerate([*((q, True) for q in a.quotes), *((q, False) for q in a.not_quotes)])
    ]


def audit_rows(article: Article, quotes: list[Quote], source: str) -> list[AttributionCorrection]:
    """One per human quote (saved), saying where its attribution came from."""
    return [
        AttributionCorrection(
            quote=q, article=article, before={},
            after={"speaker": q.speaker.name if q.speaker else None, "kind": q.kind, "is_quote": q.is_quote},
            note=fitted(AttributionCorrection, "note", f"imported with its human attribution from {source}"),
        )
        for q in quotes if q.attribution == Quote.Attribution.HUMAN
    ]


def claim_row(article: Article, position: int, c: ClaimJSON, quotes: list[Quote], actors: dict[str, Actor]) -> Claim:
    """`quotes` are the saved rows of the article's `quotes`, which `c.quote` indexes."""
    return Claim(
        article=article, position=position, text=c.text, start=c.start, end=c.end, voice=c.voice,
        hedged=c.hedged, loaded=c.loaded,
        quote=quotes[c.quote] if c.quote is not None else None,
        speaker=actors.get(c.speaker) if c.speaker else None,
    )




def event_import(*, parsed: ParsedEvent, event_name: str, source: str = "an event JSON file") -> Event:
    """A new event holding exactly what `parsed` (see event_import.parse_event_json)
    describes, without running the NLP again; it looks analysed, jobs done."""
    unread, file = parsed.not_analysed, parsed.file
    name = event_name.strip()
    if not name:
        raise EventImportError("the new event needs a name")
    with transaction.atomic():
        if Event.objects.filter(name=name).exists():
            raise EventImportError(f"an event called {name!r} exists already; choose another name")
        event = event_for_name(name, user=None)
        pages_changed(event.pk)
        event.description = _description(file)
        event.save(update_fields=["description"])
        actors = _import_actors(event, file)
        version = _analysis_version(file)
        articles = [_import_article(event, position, a, version, analysed=position not in unread)
                    for position, a in enumerate(file.articles)]
        claims: dict[tuple[int, int, int, str], Claim] = {}
        for column, (row, a) in enumerate(zip(articles, file.articles, strict=True)):
            quotes = Quote.objects.bulk_create(quote_rows(row, a, actors, version))
            AttributionCorrection.objects.bulk_create(audit_rows(row, quotes, source))
            quoted = quotes[: len(a.quotes)]
            for c in Claim.objects.bulk_create(claim_row(row, i, c, quoted, actors) for i, c in enumerate(a.claims)):
                claims.setdefault((column, c.start, c.end, c.text), c)
            Signal.objects.bulk_create(signal_row(row, s, actors) for s in a.signals)
            Job.objects.create(kind=Job.Kind.ANALYZE, event=event, article=row, finished_at=timezone.now(),
                               **({"status": Job.Status.FAILED, "error": NOT_ANALYSED_ERROR} if column in unread
                                  else {"status": Job.Status.DONE}))
        _import_story_points(event, file, articles, claims)
        Job.objects.create(kind=Job.Kind.ALIGN, event=event, status=Job.Status.DONE, finished_at=timezone.now())
    return event


def _import_actors(event: Event, parsed: EventJSON) -> dict[str, Actor]:
    """Every listed or named actor, by name."""
    listed = {a.name: a for a in parsed.actors}
    named = {q.speaker for a in parsed.articles for q in (*a.quotes, *a.not_quotes)
             if q.speaker and q.source_type not in UNNAMED_SOURCES}
    named |= {c.speaker for a in parsed.articles for c in a.claims if c.speaker}
    named |= {s.actor for a in parsed.articles for s in a.signals if s.actor}
    rows: dict[str, Actor] = {}
    for name in sorted(set(listed) | named):
        spec = listed.get(name)
        rows[name] = Actor.objects.create(event=event, name=name, kind=spec.kind if spec else "person",
                                          title=fitted(Actor, "title", spec.title if spec else ""))
    ActorAlias.objects.bulk_create(
        [ActorAlias(actor=rows[spec.name], alias=fitted(ActorAlias, "alias", alias)) for spec in parsed.actors
         for alias in dict.fromkeys(spec.aliases) if alias],
        ignore_conflicts=True,
    )
    return rows


def _import_article(event: Event, position: int, a: ArticleJSON, version: str, *, analysed: bool) -> Article:
    outlet_name = fitted(Outlet, "name", a.outlet.strip())
    outlet = Outlet.objects.get_or_create(name=outlet_name)[0] if outlet_name else None
    return Article.objects.create(
        event=event, outlet=outlet, position=position, title=article_title(a.title),
        byline=fitted(Article, "byline", a.byline),
        published=a.published, url=fitted(Article, "url", a.url), body=a.body, headings=a.headings,
        content_hash=content_hash(a.body), word_count=len(a.body.split()),
        analysis_version=fitted(Article, "analysis_version", a.analysis_version or version) if analysed else "",
        analyzed_at=timezone.now() if analysed else None,
        analysed_chars=_analysed_chars(a) if analysed else None,
    )


def _analysed_chars(a: ArticleJSON) -> int | None:
    """How much of the body the file's analysis read, at most all of it. A file written
    before the field (no key) says nothing: its analysis read NEWSFRAME_MAX_ARTICLE_CHARS,
    as migration 0011 takes of the articles stored then."""
    if "analysed_chars" not in a.model_fields_set:
        return analysed_chars(a.body, settings.NEWSFRAME_MAX_ARTICLE_CHARS)
    return a.analysed_chars if (a.analysed_chars or 0) < len(a.body) else None


def _import_story_points(event: Event, parsed: EventJSON, articles: list[Article],
                         claims: dict[tuple[int, int, int, str], Claim]) -> None:
    """`claims` holds the saved claims by (article column, start, end, text): how members and
    possible reports name them. The missing articles are the rest, as the aligner's are."""
    def claim_of(article: int, start: int, end: int, text: str) -> Claim | None:
        return claims.get((article, start, end, text))

    rows = StoryPoint.objects.bulk_create(
        StoryPoint(
            event=event, label=p.label, order=float(order),
            article_positions=[articles[i].position for i in sorted({m.article for m in p.members})],
            possibly_in=[{"article": articles[e.article].position, "text": e.text, "start": e.start, "end": e.end,
                          "score": e.score,
                          "claim": getattr(claim_of(e.article, e.start, e.end, e.text), "pk", None)}
                         for e in p.possibly_in],
        )
        for order, p in enumerate(parsed.story_points)
    )
    Member = StoryPoint.members.through
    links = {
        (row.pk, claim.pk)
        for row, p in zip(rows, parsed.story_points, strict=True)
        for m in p.members
        if (claim := claim_of(m.article, m.start, m.end, m.text)) is not None
    }
    Member.objects.bulk_create(Member(storypoint_id=point, claim_id=claim) for point, claim in sorted(links))
