"""Uploads: keep what was sent byte for byte, parse it into a draft, and turn a
reviewed draft into articles of an event. The page and the API both come here."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils.text import slugify

from articles.drafts import Draft
from articles.ingest import parse, whole_text_article
from articles.ingest.decode import decode
from articles.ingest.types import IngestError, NoArticlesFound, ParsedArticle
from articles.models import Article, Event, Outlet, Upload, fitted
from articles.services.editing import User, account
from articles.services.jobs import queue_analysis
from articles.services.limits import ingest_limits, too_big

log = logging.getLogger(__name__)

PARSER_VERSION = "ingest-1"
UNEXPECTED_PARSE_HINT = "This is our bug, and it has been logged; the file is kept as received."


@dataclass(frozen=True)
class IncomingFile:
    name: str
    data: bytes
    content_type: str = ""


class UploadRefused(Exception):
    """An upload refused before anything was stored: the message says what to do,
    `status` is the HTTP status both the page and the API answer with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.message, self.status = message, status


def upload_submit(*, files: Sequence[UploadedFile], event_name: str, event: Event | None, user: User) -> uuid.UUID:
    """The one way in for the upload page and the API: every file (pasted text is the
    file `pasted.txt`) is checked against the per-file cap before it is read, then
    kept and parsed by `upload_receive`. Raises UploadRefused (413) with nothing stored."""
    big = too_big(list(files))
    if big:
        limit_mb = settings.NEWSFRAME_MAX_UPLOAD_BYTES / 1_048_576
        raise UploadRefused(f"{', '.join(big)}: larger than the {limit_mb:.0f} MB limit. "
                            "Split it into smaller files or upload a ZIP of them.", 413)
    incoming = [IncomingFile(name=f.name or "upload", data=f.read(), content_type=f.content_type or "")
                for f in files]
    return upload_receive(files=incoming, event_name=event_name, event=event, user=user)



def draft_from_parsed(article: ParsedArticle) -> dict[str, object]:
    """A parsed article as the JSON Upload.draft stores (and `parse_dump` prints)."""
    return Draft.from_parsed(article).to_json()


def drafts_of(uploads: Sequence[Upload]) -> list[Draft]:
    """The drafts of the parsed uploads, in order, each named by its upload and index."""
    return [Draft.from_json(data, key=f"{u.pk}:{i}", upload=u.pk)
            for u in uploads if u.status == Upload.Status.PARSED for i, data in enumerate(u.draft)]


def upload_receive(
    *, files: Sequence[IncomingFile], event_name: str, event: Event | None, user: User
) -> uuid.UUID:
    """Keep every file byte for byte, parse it, and store what it splits into
    as a draft for review. Returns the batch id; failures are recorded on the
    Upload rows (status failed, error, hint), never raised."""
    batch = uuid.uuid4()
    uploader = account(user)
    with transaction.atomic():
        for incoming in files:
            upload = Upload.objects.create(
                batch=batch,
                event=event,
                event_name=event.name if event else event_name,
                original_name=fitted(Upload, "original_name", incoming.name),
                content_type=fitted(Upload, "content_type", incoming.content_type),
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


def upload_take_whole_text(*, upload: Upload) -> None:
    """Take a text upload in which no article was found as one article (the review
    page's offer). Only for that state: a confirmed, parsed or unreadable upload is
    refused with UploadRefused (409) and left as it is."""
    if upload.status != Upload.Status.FAILED or "no-articles" not in (upload.notes or []):
        raise UploadRefused("Only an upload in which no article was found can be taken as one article.", 409)
    try:
        text = decode(bytes(upload.raw), upload.original_name)
    except IngestError as exc:
        raise UploadRefused(f"{exc.message} {exc.hint}".strip(), 409) from None
    article = whole_text_article(text, title=upload.original_name.rsplit(".", 1)[0])
    with transaction.atomic():
        changed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.FAILED).update(
            draft=[draft_from_parsed(article)], status=Upload.Status.PARSED, error="", hint="")
    if not changed:
        raise UploadRefused("This upload changed meanwhile; reload the page.", 409)


def upload_reparse(*, upload: Upload) -> None:
    """Parse the kept raw bytes again (a newer parser); the draft is replaced."""
    with transaction.atomic():
        _parse_into_draft(upload, bytes(upload.raw))


def event_for_name(name: str, *, user: User) -> Event:
    """The event called `name`, created with a unique slug if it is new. Call inside a
    transaction: two confirms naming one new event wait for each other here, so they
    add to one event instead of making two (or failing on the slug)."""
    name = name.strip()
    _lock_name(name)
    existing = Event.objects.filter(name=name).first()
    if existing:
        return existing
    base = slugify(name.replace("–", "-").replace("—", "-"))[:100] or "event"
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    creator = account(user)
    return Event.objects.create(name=name, slug=slug, created_by=creator)


def _lock_name(name: str) -> None:
    """A transaction-long lock on an event name (PostgreSQL; SQLite writes one at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"event:{name}"])


def content_hash(body: str) -> str:
    """Whitespace-insensitive, so a re-pasted article is recognised as the same."""
    return hashlib.sha256(" ".join(body.split()).encode()).hexdigest()


@dataclass(frozen=True)
class ConfirmResult:
    event: Event
    created: list[Article]
    duplicates: list[str]


def upload_confirm(
    *, uploads: Sequence[Upload], drafts: Sequence[Draft], event_name: str, user: User
) -> ConfirmResult:
    """Create the reviewed articles in one transaction and queue their analysis.
    Safe under concurrency: the uploads are locked, so a double submit confirms once (the
    second returns the event, nothing added); the event row is locked, so confirms into
    one event take positions one after the other and no article is lost."""
    with transaction.atomic():
        locked = list(Upload.objects.select_for_update().filter(pk__in=[u.pk for u in uploads]).order_by("pk"))
        done = next((u for u in locked if u.status == Upload.Status.CONFIRMED and u.event_id), None)
        if done is not None:
            return ConfirmResult(event=done.event, created=[], duplicates=[])  # type: ignore[arg-type]
        event = event_for_name(event_name, user=user)
        event = Event.objects.select_for_update().get(pk=event.pk)
        created, duplicates = _create_articles(event, uploads, drafts)
        Upload.objects.filter(pk__in=[u.pk for u in uploads]).update(
            status=Upload.Status.CONFIRMED, event=event
        )
        for article in created:
            queue_analysis(article)
    return ConfirmResult(event=event, created=created, duplicates=duplicates)


def _create_articles(
    event: Event, uploads: Sequence[Upload], drafts: Sequence[Draft]
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
        body = draft.body.strip()
        digest = content_hash(body)
        title = draft.title.strip() or "Untitled"
        if digest in known:
            duplicates.append(title)
            continue
        known.add(digest)
        outlet_name = draft.outlet.strip()
        outlet = None
        if outlet_name:
            if outlet_name not in outlets:
                outlets[outlet_name], _ = Outlet.objects.get_or_create(name=fitted(Outlet, "name", outlet_name))
            outlet = outlets[outlet_name]
        created.append(
            Article.objects.create(
                event=event,
                outlet=outlet,
                upload=upload_by_source.get(draft.upload or 0),
                position=position,
                title=fitted(Article, "title", title),
                byline=fitted(Article, "byline", draft.byline.strip()),
                published=_parse_date(draft.published),
                url=fitted(Article, "url", draft.url),
                body=body,
                headings=list(draft.headings),
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


