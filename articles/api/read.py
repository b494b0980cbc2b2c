"""The read side: events, articles, quotes, actors and story points, as the pages
show them (precomputed rows, a fixed number of queries per page of results)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Path, Query, Router
from ninja.errors import HttpError

from articles.api.pagination import CURSOR_PATTERN, DEFAULT_LIMIT, MAX_LIMIT, paginate
from articles.api.schemas import (
    ActorPage,
    ArticleDetailOut,
    ArticlePage,
    ErrorOut,
    EventOut,
    EventPage,
    QuotePage,
    StoryPointPage,
)
from articles.contract import Attribution
from articles.models import Actor, Article, Claim, Event, Quote, StoryPoint, text_deferred
from articles.nlp.types import QuoteKind, SourceType
from articles.services.event_json import omissions, quote_json
from articles.services.exports import article_columns, point_numbers
from articles.web.parts import PART_CHARS, PART_PARAGRAPHS, SEPARATOR, body_parts

router = Router(tags=["data"])

SLUG = r"^[-\w]+$"  # Django's Unicode slug, as the event URLs take (articles.urls.EventSlug)
MAX_ID = 2**63 - 1  # a bigint primary key

Limit = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="rows per page")
Cursor = Query(None, pattern=CURSOR_PATTERN, description="the previous page's `next_cursor`")
EXAMPLE_SLUG = "tillerson-lavrov-press-conference-moscow-12-april-2017"  # the sample event (seeds/)
Slug = Path(..., pattern=SLUG, max_length=120, description="the event's slug", example=EXAMPLE_SLUG)


def _event(slug: str) -> Event:
    return get_object_or_404(Event, slug=slug)


def _event_out(request: HttpRequest, event: Event, article_count: int) -> dict[str, Any]:
    return {
        "slug": event.slug, "name": event.name, "description": event.description,
        "created_at": event.created_at, "article_count": article_count,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "json_url": request.build_absolute_uri(reverse("event_export_json", args=[event.slug])),
        "csv_url": request.build_absolute_uri(reverse("event_export_zip", args=[event.slug])),
    }


def _article_out(a: Article, slug: str) -> dict[str, Any]:
    return {
        "id": a.pk, "event": slug, "position": a.position, "title": a.title, "outlet": a.outlet_name,
        "byline": a.byline, "published": a.published, "url": a.url, "word_count": a.word_count,
        "analysis_version": a.analysis_version, "analyzed_at": a.analyzed_at,
        "analysed_chars": a.analysed_chars,
    }


@router.get("/events", response={200: EventPage, 400: ErrorOut}, summary="Events, oldest first")
def list_events(request: HttpRequest, cursor: str | None = Cursor, limit: int = Limit) -> dict[str, Any]:
    page = paginate(request, Event.objects.all(), key="pk", cursor=cursor, limit=limit)
    counts = dict(Article.objects.filter(event__in=page.rows).values("event").annotate(n=Count("pk"))
                  .values_list("event", "n"))
    return {"next": page.next, "next_cursor": page.next_cursor,
            "results": [_event_out(request, e, counts.get(e.pk, 0)) for e in page.rows]}


@router.get("/events/{slug}", response={200: EventOut, 400: ErrorOut, 404: ErrorOut}, summary="One event")
def get_event(request: HttpRequest, slug: str = Slug) -> dict[str, Any]:
    event = _event(slug)
    return _event_out(request, event, event.articles.count())


@router.get("/events/{slug}/articles", response={200: ArticlePage, 400: ErrorOut, 404: ErrorOut},
            summary="An event's articles, in their order on the event page")
def list_articles(request: HttpRequest, slug: str = Slug, cursor: str | None = Cursor,
                  limit: int = Limit) -> dict[str, Any]:
    event = _event(slug)
    articles = text_deferred(event.articles.select_related("outlet"), via="")
    page = paginate(request, articles, key="position", cursor=cursor, limit=limit)
    return {"next": page.next, "next_cursor": page.next_cursor,
            "results": [_article_out(a, slug) for a in page.rows]}


@router.get(
    "/articles/{article_id}", response={200: ArticleDetailOut, 400: ErrorOut, 404: ErrorOut},
    summary="One article with its text, a part at a time when it is long",
    description=(
        f"`body` is the text of part `part` of `part_count`: the whole text unless the article is longer "
        f"than one part ({PART_PARAGRAPHS} paragraphs or {PART_CHARS:,} characters, as on the article page). "
        "Follow `next` (`?part=N`) for the following part; null on the last. `part_start` and `part_end` "
        "are the part's character offsets in the whole text (`length` characters), so a quote's `start` "
        "is at `start - part_start` of this `body`; `headings` are the heading paragraphs of this part, "
        "numbered from the article's first paragraph."
    ),
)
def get_article(request: HttpRequest, article_id: int = Path(..., ge=1, le=MAX_ID),
                part: int = Query(1, ge=1, le=MAX_ID, description="which part of a long text")) -> dict[str, Any]:
    article = get_object_or_404(Article.objects.select_related("event", "outlet"), pk=article_id)
    parts = body_parts(article.body)
    if part > len(parts):
        raise HttpError(404, f"This article has {len(parts)} part{'s' if len(parts) != 1 else ''}.")
    start, end = parts[part - 1]
    first = article.body.count(SEPARATOR, 0, start)
    last = first + article.body.count(SEPARATOR, start, end)
    following = (request.build_absolute_uri(f"{reverse('api:get_article', args=[article.pk])}?part={part + 1}")
                 if part < len(parts) else None)
    return {**_article_out(article, article.event.slug), "body": article.body[start:end],
            "headings": [h for h in article.headings or [] if first <= h <= last],
            "part": part, "part_count": len(parts), "part_start": start, "part_end": end,
            "length": len(article.body), "next": following}


@router.get("/events/{slug}/quotes", response={200: QuotePage, 400: ErrorOut, 404: ErrorOut},
            summary="An event's quotes, filtered by speaker, kind, outlet or attribution")
def list_quotes(
    request: HttpRequest,
    slug: str = Slug,
    speaker: str | None = Query(None, max_length=300, description="the speaker's canonical name (any case), "
                                "or an unnamed source's phrase; one the event does not have is a 400"),
    kind: QuoteKind | None = Query(None),
    source_type: SourceType | None = Query(None, description="`anonymous`, `group`, ...: unnamed sources"),
    outlet: str | None = Query(None, max_length=200, description="the outlet's name (any case); one no article "
                               "of the event is from is a 400"),
    attribution: Attribution | None = Query(
        None, description="`human`: corrected by an editor"),
    cursor: str | None = Cursor,
    limit: int = Limit,
) -> dict[str, Any]:
    event = _event(slug)
    quotes = text_deferred(Quote.objects.filter(article__event=event, is_quote=True)
                           .select_related("article__outlet", "speaker"))
    _check_of_event(event, speaker=speaker, outlet=outlet)
    if speaker:
        quotes = quotes.filter(Q(speaker__name__iexact=speaker) | Q(source_phrase__iexact=speaker))
    if source_type:
        quotes = quotes.filter(source_type=source_type)
    if kind:
        quotes = quotes.filter(kind=kind)
    if outlet:
        quotes = quotes.filter(article__outlet__name__iexact=outlet)
    if attribution:
        quotes = quotes.filter(attribution=attribution)
    page = paginate(request, quotes, key="pk", cursor=cursor, limit=limit)
    return {"next": page.next, "next_cursor": page.next_cursor, "results": [
        {**quote_json(q, speaker=q.source_name, attribution=q.attribution, orphaned=q.orphaned,
                      actor=q.speaker_id is not None),
         "id": q.pk, "event": slug, "article": q.article_id, "article_position": q.article.position,
         "outlet": q.article.outlet_name, "speaker_id": q.speaker_id}
        for q in page.rows
    ]}


def _check_of_event(event: Event, *, speaker: str | None, outlet: str | None) -> None:
    """A speaker or outlet the event does not have (a name taken from another event, or
    misspelt) is a 400 saying so, as the event page's ?actor= of another event is: an empty
    list would read as "not quoted here"."""
    quoted = Quote.objects.filter(article__event=event, source_phrase__iexact=speaker)
    if speaker and not (event.actors.filter(name__iexact=speaker).exists() or quoted.exists()):
        raise HttpError(400, f"speaker: {speaker!r} is not a speaker of this event (the name may come from another "
                             f"event): /api/events/{event.slug}/actors lists its speakers by name; or leave out "
                             "speaker= for every quote.")
    if outlet and not event.articles.filter(outlet__name__iexact=outlet).exists():
        raise HttpError(400, f"outlet: no article of this event is from {outlet!r} (the name may come from another "
                             f"event): /api/events/{event.slug}/articles names each article's outlet; or leave out "
                             "outlet= for every quote.")


@router.get("/events/{slug}/actors", response={200: ActorPage, 400: ErrorOut, 404: ErrorOut},
            summary="The people, countries and organisations of an event")
def list_actors(request: HttpRequest, slug: str = Slug, cursor: str | None = Cursor,
                limit: int = Limit) -> dict[str, Any]:
    event = _event(slug)
    page = paginate(request, Actor.objects.filter(event=event).prefetch_related("aliases"),
                    key="pk", cursor=cursor, limit=limit)
    return {"next": page.next, "next_cursor": page.next_cursor, "results": [
        {"id": a.pk, "event": slug, "name": a.name, "kind": a.kind, "title": a.title,
         "aliases": [al.alias for al in a.aliases.all()]}
        for a in page.rows
    ]}


MEMBERS_LISTED = 50  # per story point: a page of 200 points stays a few megabytes at most


def _first_members(point_ids: list[int]) -> tuple[dict[int, list[Claim]], dict[int, int]]:
    """Each point's first MEMBERS_LISTED sentences in article order, and how many it has:
    one query each, ranked in the database, however many sentences the points hold."""
    Member = StoryPoint.members.through
    rows = Member.objects.filter(storypoint_id__in=point_ids)
    ranked = (rows.annotate(rank=Window(RowNumber(), partition_by=F("storypoint_id"),
                                        order_by=[F("claim__article__position"), F("claim__start"), F("claim_id")]))
              .filter(rank__lte=MEMBERS_LISTED).order_by("storypoint_id", "rank")
              .values_list("storypoint_id", "claim_id"))
    pairs = list(ranked)
    claims = Claim.objects.filter(pk__in={claim for _, claim in pairs}).select_related("article", "speaker")
    by_id = {c.pk: c for c in text_deferred(claims)}
    members: dict[int, list[Claim]] = {pk: [] for pk in point_ids}
    for point, claim in pairs:
        members[point].append(by_id[claim])
    counts = dict(rows.values("storypoint_id").annotate(n=Count("pk")).values_list("storypoint_id", "n"))
    return members, counts


@router.get("/events/{slug}/story-points", response={200: StoryPointPage, 400: ErrorOut, 404: ErrorOut},
            summary="The same fact across articles, and the articles that leave it out",
            description=(f"Ordered by id; `order` is the order of the rows on the event page. `members`: "
                         f"the first {MEMBERS_LISTED} sentences of a point, in article order, of `member_count` "
                         "(a fact of a 3,000-article event may have thousands; the event JSON export has them all)."))
def list_story_points(request: HttpRequest, slug: str = Slug, cursor: str | None = Cursor,
                      limit: int = Limit) -> dict[str, Any]:
    event = _event(slug)
    page = paginate(request, StoryPoint.objects.filter(event=event), key="pk", cursor=cursor, limit=limit)
    members, counts = _first_members([p.pk for p in page.rows])
    columns = article_columns(event)
    analysed = columns.analysed_positions()  # the others were not read: never "missing"
    listed = omissions(len(columns.positions)) == "listed"
    numbers = point_numbers(event.pk)
    return {"next": page.next, "next_cursor": page.next_cursor, "omissions": omissions(len(columns.positions)),
            "not_analysed": columns.not_analysed_positions(), "results": [
        {"id": p.pk, "index": numbers.get(p.pk, -1), "event": slug, "label": p.label, "order": p.order,
         "article_positions": list(p.article_positions),
         "missing_from": p.missing_positions(analysed) if listed else [],
         "possibly_in": [{k: e[k] for k in ("article", "text", "start", "end", "score")} for e in p.possibly_in],
         "members": [{"claim": c.pk, "article": c.article_id, "article_position": c.article.position,
                      "text": c.text, "start": c.start, "end": c.end, "voice": c.voice,
                      "speaker": c.speaker.name if c.speaker else None} for c in members[p.pk]],
         "member_count": counts.get(p.pk, 0)}
        for p in page.rows
    ]}
