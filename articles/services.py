"""Workflows across models: the only place that writes uploads, articles and
analysis results. Each public function is keyword-only and transactional."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify

from articles import actor_store, analysis_store
from articles.event_import import ArticleIn, EventImportError, EventIn, audit_rows, claim_row, quote_rows
from articles.ingest import parse
from articles.ingest.types import IngestError, NoArticlesFound, ParsedArticle
from articles.limits import ingest_limits
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
    Upload,
)
from articles.queueing import enqueue, try_broker_again

log = logging.getLogger(__name__)

PARSER_VERSION = "ingest-1"
UNEXPECTED_PARSE_HINT = "This is our bug, and it has been logged; the file is kept as received."
MAX_ATTEMPTS = 3

User = AuthUser | AnonymousUser | None


@dataclass(frozen=True)
class IncomingFile:
    name: str
    data: bytes
    content_type: str = ""


# --- uploads -----------------------------------------------------------------


def draft_from_parsed(article: ParsedArticle) -> dict[str, object]:
    """A parsed article as JSON the review page edits."""
    return {
        "title": article.title,
        "body": article.body,
        "published": article.published.isoformat() if article.published else "",
        "byline": article.byline,
        "outlet": article.outlet,
        "url": article.url,
        "source_name": article.source_name,
        "headings": list(article.headings),
    }


def upload_receive(
    *, files: Sequence[IncomingFile], event_name: str, event: Event | None, user: User
) -> uuid.UUID:
    """Keep every file byte for byte, parse it, and store what it splits into
    as a draft for review. Returns the batch id; failures are recorded on the
    Upload rows (status failed, error, hint), never raised."""
    batch = uuid.uuid4()
    uploader = user if user is not None and user.is_authenticated else None
    with transaction.atomic():
        for incoming in files:
            upload = Upload.objects.create(
                batch=batch,
                event=event,
                event_name=event.name if event else event_name,
                original_name=incoming.name[:255],
                content_type=incoming.content_type[:120],
                raw=incoming.data,
                size=len(incoming.data),
                sha256=hashlib.sha256(incoming.data).hexdigest(),
                uploader=uploader,
            )
            _parse_into_draft(upload, incoming.data)
    return batch


def _parse_into_draft(upload: Upload, data: bytes) -> None:
    upload.parser_version = PARSER_VERSION
    try:
        result = parse(data, upload.original_name, limits=ingest_limits())
    except NoArticlesFound as exc:
        upload.status = Upload.Status.FAILED
        upload.error, upload.hint = exc.message, exc.hint
        upload.notes = ["no-articles"]
    except IngestError as exc:
        upload.status = Upload.Status.FAILED
        upload.error, upload.hint = exc.message, exc.hint
    except (ValueError, RecursionError, MemoryError, LookupError) as exc:
        # A parser bug must not lose the upload: keep the bytes, say so, and log the traceback.
        log.exception("parsing upload %s (%r) failed unexpectedly", upload.pk, upload.original_name)
        upload.status = Upload.Status.FAILED
        upload.error = f"{upload.original_name or 'The file'} could not be read ({type(exc).__name__})."
        upload.hint = UNEXPECTED_PARSE_HINT
    else:
        upload.status = Upload.Status.PARSED
        upload.draft = [draft_from_parsed(a) for a in result.articles]
        upload.notes = list(result.notes)
        upload.error = upload.hint = ""
    upload.save()


def upload_reparse(*, upload: Upload) -> None:
    """Parse the kept raw bytes again (a newer parser); the draft is replaced."""
    with transaction.atomic():
        _parse_into_draft(upload, bytes(upload.raw))


def event_for_name(name: str, *, user: User) -> Event:
    """The event called `name`, created with a unique slug if it is new."""
    name = name.strip()
    existing = Event.objects.filter(name=name).first()
    if existing:
        return existing
    base = slugify(name.replace("–", "-").replace("—", "-"))[:100] or "event"
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    creator = user if user is not None and user.is_authenticated else None
    return Event.objects.create(name=name, slug=slug, created_by=creator)


def content_hash(body: str) -> str:
    """Whitespace-insensitive, so a re-pasted article is recognised as the same."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


@dataclass(frozen=True)
class ConfirmResult:
    event: Event
    created: list[Article]
    duplicates: list[str]


def upload_confirm(
    *, uploads: Sequence[Upload], drafts: Sequence[dict[str, object]], event_name: str, user: User
) -> ConfirmResult:
    """Create the reviewed articles in one transaction and queue their analysis."""
    with transaction.atomic():
        event = event_for_name(event_name, user=user)
        created, duplicates = _create_articles(event, uploads, drafts)
        Upload.objects.filter(pk__in=[u.pk for u in uploads]).update(
            status=Upload.Status.CONFIRMED, event=event
        )
        for article in created:
            _queue_analysis(article)
    return ConfirmResult(event=event, created=created, duplicates=duplicates)


def _create_articles(
    event: Event, uploads: Sequence[Upload], drafts: Sequence[dict[str, object]]
) -> tuple[list[Article], list[str]]:
    upload_by_source = {u.pk: u for u in uploads}
    known = set(Article.objects.filter(event=event).values_list("content_hash", flat=True))
    next_position = (
        Article.objects.filter(event=event).order_by("-position").values_list("position", flat=True).first()
    )
    position = 0 if next_position is None else next_position + 1
    created: list[Article] = []
    duplicates: list[str] = []
    outlets: dict[str, Outlet] = {}
    for draft in drafts:
        body = str(draft["body"]).strip()
        digest = content_hash(body)
        title = str(draft.get("title") or "").strip() or "Untitled"
        if digest in known:
            duplicates.append(title)
            continue
        known.add(digest)
        outlet_name = str(draft.get("outlet") or "").strip()
        outlet = None
        if outlet_name:
            if outlet_name not in outlets:
                outlets[outlet_name], _ = Outlet.objects.get_or_create(name=outlet_name[:200])
            outlet = outlets[outlet_name]
        created.append(
            Article.objects.create(
                event=event,
                outlet=outlet,
                upload=upload_by_source.get(int(str(draft.get("upload") or 0))),
                position=position,
                title=title[:500],
                byline=str(draft.get("byline") or "").strip()[:300],
                published=_parse_date(draft.get("published")),
                url=str(draft.get("url") or "")[:1000],
                body=body,
                headings=list(draft.get("headings") or []),  # type: ignore[call-overload]
                content_hash=digest,
                word_count=len(body.split()),
            )
        )
        position += 1
    return created, duplicates


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


# --- analysis ----------------------------------------------------------------


def _queue_analysis(article: Article) -> None:
    Job.objects.update_or_create(
        article=article,
        defaults={
            "kind": Job.Kind.ANALYZE,
            "event": article.event,
            "status": Job.Status.QUEUED,
            "attempts": 0,
            "error": "",
            "queued_at": timezone.now(),
            "started_at": None,
            "finished_at": None,
        },
    )
    enqueue("articles.tasks.analyze_article", article.pk)


def articles_requeue(*, articles: Iterable[Article]) -> int:
    """Queue a fresh analysis of each article (e.g. after a pipeline change)."""
    count = 0
    with transaction.atomic():
        for article in articles:
            _queue_analysis(article)
            count += 1
    return count


def _claim_job(article_id: int) -> Job | None:
    """Mark the article's job running and count the delivery; None when it is
    already done or has been delivered too often (it is then marked failed)."""
    now = timezone.now()
    claimed = Job.objects.filter(
        article_id=article_id, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).update(status=Job.Status.RUNNING, attempts=F("attempts") + 1, started_at=now)
    if not claimed:
        return None
    job = Job.objects.get(article_id=article_id)
    if job.attempts > MAX_ATTEMPTS:
        # Each earlier delivery died with its worker (SIGKILL, OOM): stop, and let the
        # event's alignment go ahead without this article, or the event waits forever.
        article_analysis_failed(article_id=article_id,
                                error=f"gave up after {MAX_ATTEMPTS} attempts; see the worker log")
        return None
    return job


def _finish_job(job: Job, *, failed: str = "") -> None:
    job.status = Job.Status.FAILED if failed else Job.Status.DONE
    job.error = failed
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "finished_at"])


def article_analyze(*, article_id: int) -> bool:
    """Analyse one article and store the results; safe to run twice.
    Returns False when there was nothing to do."""
    from articles.nlp.analyze import analyze_doc
    from articles.nlp.pipeline import get_nlp

    job = _claim_job(article_id)
    if job is None:
        return False
    article = Article.objects.get(pk=article_id)
    text = article.body[: settings.NEWSFRAME_MAX_ARTICLE_CHARS]
    analysis = analyze_doc(get_nlp(settings.NEWSFRAME_SPACY_MODEL)(text))
    vectors = _claim_vectors([claim.text for claim in analysis.claims])
    with transaction.atomic():
        # One writer per event at a time: actors are shared across its articles.
        event = Event.objects.select_for_update().get(pk=article.event_id)
        actors = actor_store.resolve_actors(event, analysis.actors)
        analysis_store.replace_machine_output(article, analysis, actors, vectors)
        _finish_job(job)
        _queue_alignment_if_complete(event)
    return True


def _claim_vectors(texts: list[str]) -> list[bytes] | None:
    """The claims' embeddings, stored with the analysis: embedding here, in each article's
    task, spreads the cost over the workers instead of the event's one alignment task.
    None when the model cannot load; the alignment then embeds and reports the error."""
    from articles.compare.embed import embed_alone, to_bytes

    try:
        return [to_bytes(vector) for vector in embed_alone(texts)]
    except RuntimeError:
        log.warning("claims left unembedded; the alignment will embed them", exc_info=True)
        return None


def article_analysis_failed(*, article_id: int, error: str) -> None:
    with transaction.atomic():
        job = Job.objects.filter(article_id=article_id).first()
        if job is None:
            return
        _finish_job(job, failed=error[:2000])
        _queue_alignment_if_complete(Event.objects.select_for_update().get(pk=job.event_id))


def _queue_alignment_if_complete(event: Event) -> None:
    pending = Job.objects.filter(event=event, kind=Job.Kind.ANALYZE).exclude(
        status__in=[Job.Status.DONE, Job.Status.FAILED]
    )
    if pending.exists():
        return
    Job.objects.update_or_create(
        event=event,
        kind=Job.Kind.ALIGN,
        defaults={"status": Job.Status.QUEUED, "error": "", "queued_at": timezone.now(),
                  "started_at": None, "finished_at": None, "attempts": 0},
    )
    enqueue("articles.tasks.align_event", event.pk)


def jobs_sweep(*, stuck_after: dt.timedelta) -> int:
    """Send again every job queued or running for longer than `stuck_after`: its task was
    lost (a hard time limit acknowledges it, a broker that was down never got it). The
    delivery counter still bounds each job, so a poison pill is not swept forever."""
    cutoff = timezone.now() - stuck_after
    try_broker_again()
    # A running job counts from its start: a task that waited long in a busy queue is not lost.
    stale = Q(status=Job.Status.QUEUED) | Q(status=Job.Status.RUNNING, started_at__lt=cutoff)
    stuck = list(
        Job.objects.filter(stale, queued_at__lt=cutoff).values_list("pk", "kind", "article_id", "event_id")
    )
    with transaction.atomic():
        # queued_at is the sweep's clock: a job sent again is not swept again until it is stale again.
        Job.objects.filter(pk__in=[pk for pk, *_ in stuck]).update(queued_at=timezone.now())
        for _, kind, article_id, event_id in stuck:
            if kind == Job.Kind.ANALYZE:
                enqueue("articles.tasks.analyze_article", article_id)
            else:
                enqueue("articles.tasks.align_event", event_id)
    if stuck:
        log.warning("sweep: sent %d stuck job(s) again", len(stuck))
    return len(stuck)


# --- alignment ---------------------------------------------------------------


def event_align(*, event_id: int) -> bool:
    """Group the event's claims into story points (replacing the old ones)."""
    from articles.compare.align import align_claims
    from articles.compare.types import ClaimInput

    claimed = Job.objects.filter(
        event_id=event_id, kind=Job.Kind.ALIGN, status__in=[Job.Status.QUEUED, Job.Status.RUNNING]
    ).update(status=Job.Status.RUNNING, attempts=F("attempts") + 1, started_at=timezone.now())
    if not claimed:
        return False
    job = Job.objects.get(event_id=event_id, kind=Job.Kind.ALIGN)
    if job.attempts > MAX_ATTEMPTS:
        _finish_job(job, failed=f"gave up after {MAX_ATTEMPTS} attempts")
        return False
    positions = dict(Article.objects.filter(event_id=event_id).values_list("pk", "position"))
    ordered = sorted(positions.values())
    column = {pos: i for i, pos in enumerate(ordered)}
    claims = list(
        Claim.objects.filter(article__event_id=event_id)
        .order_by("article__position", "start")
        .values_list("pk", "article_id", "text", "voice", "speaker__name", "hedged", "embedding")
    )
    inputs = [
        ClaimInput(id=pk, article=column[positions[art]], text=text, voice=voice,
                   speaker=speaker, hedged=hedged)
        for pk, art, text, voice, speaker, hedged, _ in claims
    ]
    vectors = _stored_or_embedded([row[2] for row in claims], [row[-1] for row in claims])
    points = align_claims(inputs, len(ordered), vectors=vectors) if inputs else []
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event_id)
        actor_store.rename_to_most_used(event)
        StoryPoint.objects.filter(event_id=event_id).delete()
        for point in points:
            row = StoryPoint.objects.create(
                event_id=event_id,
                label=point.label,
                order=point.order,
                article_positions=[ordered[i] for i in point.articles],
                missing_from=[ordered[i] for i in point.missing_from],
            )
            Claim.objects.filter(pk__in=point.members).update(story_point=row)
        _finish_job(job)
    return True


def _stored_or_embedded(texts: list[str], stored: list[bytes | None]) -> np.ndarray:
    """Each claim's stored embedding; claims without one (imported, or analysed before
    embeddings were stored) are embedded now."""
    from articles.compare.embed import DIMENSION, embed_alone, from_bytes

    vectors = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    have = {i: blob for i, blob in enumerate(stored) if blob is not None}
    if have:
        vectors[list(have)] = from_bytes(list(have.values()))
    missing = [i for i in range(len(texts)) if i not in have]
    if missing:
        vectors[missing] = embed_alone([texts[i] for i in missing])
    return vectors


def event_align_failed(*, event_id: int, error: str) -> None:
    job = Job.objects.filter(event_id=event_id, kind=Job.Kind.ALIGN).first()
    if job is not None:
        _finish_job(job, failed=error[:2000])


# --- corrections -------------------------------------------------------------

# Corrections live in articles.corrections; re-exported for existing callers.
from articles.corrections import quote_correct as quote_correct  # noqa: E402

# --- import ------------------------------------------------------------------


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
            Signal.objects.bulk_create(analysis_store.signal_row(row, s, actors) for s in a.signals)
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
