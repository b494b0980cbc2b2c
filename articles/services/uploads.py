"""Uploads: keep what was sent byte for byte, read it into drafts on a worker, and turn
reviewed drafts into articles of an event. The page and the API both come here."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import unicodedata
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.text import slugify

from articles.drafts import Draft, apply_choices
from articles.ingest import parse, whole_text, whole_text_article
from articles.ingest.types import IngestError, NoArticlesFound, ParsedArticle
from articles.models import Article, Event, JSONArrayLength, Outlet, Upload, fitted
from articles.services.editing import User, account
from articles.services.jobs import MAX_ATTEMPTS, queue_analyses, queue_confirm, queue_read
from articles.services.limits import ingest_limits, too_big
from articles.services.page_versions import pages_changed

log = logging.getLogger(__name__)

PARSER_VERSION = "ingest-3"
PASTED_NAME = "pasted.txt"  # the file name pasted text is kept under
# A note on an upload confirmed without review, for each article the event already had.
DUPLICATE_NOTE = "already in the event, not added again: "
UNEXPECTED_PARSE_HINT = ("This is our bug, and it has been logged; the file is kept as received. Meanwhile, copy "
                         "its text into a .txt file and upload that (for a ZIP, upload its files one by one).")


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


def upload_submit(*, files: Sequence[UploadedFile], event_name: str, event: Event | None, user: User,
                  confirm: bool = False) -> uuid.UUID:
    """The one way in for the upload page and the API: every file (pasted text is the
    file `pasted.txt`) is checked against the per-file cap before it is read, then
    kept by `upload_receive` and read on a worker. Raises UploadRefused (413) with nothing stored."""
    big = too_big(list(files))
    if big:
        limit_mb = settings.NEWSFRAME_MAX_UPLOAD_BYTES / 1_048_576
        raise UploadRefused(f"{', '.join(big)}: larger than the {limit_mb:.0f} MB limit. "
                            "Split it into smaller files or upload a ZIP of them.", 413)
    incoming = [IncomingFile(name=f.name or "upload", data=f.read(), content_type=f.content_type or "")
                for f in files]
    return upload_receive(files=incoming, event_name=event_name, event=event, user=user, confirm=confirm)



UNTITLED = "Untitled"  # the title of an article the file gives none


def article_title(title: str) -> str:
    """A title as an article takes it: "Untitled" when there is none, cut to the column."""
    return fitted(Article, "title", title.strip() or UNTITLED)


def draft_from_parsed(article: ParsedArticle) -> dict[str, object]:
    """A parsed article as the JSON Upload.draft stores (and `parse_dump` prints), its title,
    byline and outlet as the article will take them: the review form checks the columns'
    lengths, and refused a draft the parser made (a 400 naming a field nobody typed)."""
    draft = Draft.from_parsed(article)
    return replace(draft, title=article_title(draft.title), byline=fitted(Article, "byline", draft.byline.strip()),
                   outlet=fitted(Outlet, "name", draft.outlet.strip())).to_json()


def upload_review_save(*, uploads: Sequence[Upload], drafts: Sequence[Draft], event_name: str,
                       confirm: bool = False) -> bool:
    """Keep the reviewer's edits and choices (one review page of many) and the event name
    on the uploads, so the next page and the final confirm start from them. `confirm`:
    the review is done; a worker creates the articles (`upload_confirm_reviewed`), so a
    confirm of 20,000 returns at once. False when another request confirmed it first."""
    by_upload: dict[int, list[Draft]] = {}
    for draft in drafts:
        if draft.upload is not None:
            by_upload.setdefault(draft.upload, []).append(draft)
    states = [Upload.Status.PARSED, Upload.Status.FAILED] if confirm else [Upload.Status.PARSED]
    with transaction.atomic():
        locked = list(Upload.objects.select_for_update().defer("raw").filter(
            pk__in=[u.pk for u in uploads], status__in=states).order_by("pk"))
        chosen = dict(Event.objects.filter(pk__in={u.event_id for u in locked}).values_list("pk", "name"))
        for upload in locked:
            fields = ["event_name"]
            if upload.event_id and chosen.get(upload.event_id) != event_name.strip():
                upload.event = None  # the reviewer named another event than the one chosen
                fields.append("event")
            if upload.status == Upload.Status.PARSED:
                upload.draft = [d.to_reviewed_json() for d in by_upload.get(upload.pk, [])]
                fields.append("draft")
            if confirm:  # a failed upload of the batch is confirmed with it, as it always was
                upload.status, upload.read_queued_at = Upload.Status.CONFIRMING, timezone.now()
                fields += ["status", "read_queued_at"]
            upload.event_name = fitted(Upload, "event_name", event_name)
            upload.save(update_fields=fields)
        if confirm and locked:
            queue_confirm(str(locked[0].batch))
    return bool(locked)


def upload_confirm_reviewed(*, batch: str) -> bool:
    """Create the articles of a confirmed review (the task `confirm_upload`): the reviewer's
    choices applied to the drafts kept on the uploads, then `upload_confirm`. Articles the
    event has already are noted on the first upload. A second delivery does nothing."""
    uploads = list(Upload.objects.filter(batch=batch, status=Upload.Status.CONFIRMING).defer("raw")
                   .select_related("uploader").order_by("pk"))
    if not uploads:
        return False
    result = upload_confirm(uploads=uploads, drafts=apply_choices(drafts_of(uploads)),
                            event_name=uploads[0].event_name, user=uploads[0].uploader)
    if result.duplicates:
        Upload.objects.filter(pk=uploads[0].pk).update(
            notes=uploads[0].notes + [DUPLICATE_NOTE + title for title in result.duplicates])
    return bool(result.created or result.duplicates)


def drafts_of(uploads: Sequence[Upload]) -> list[Draft]:
    """The drafts of the parsed uploads (or those being confirmed), in order, each named
    by its upload and index."""
    readable = (Upload.Status.PARSED, Upload.Status.CONFIRMING)
    return [Draft.from_json(data, key=f"{u.pk}:{i}", upload=u.pk)
            for u in uploads if u.status in readable for i, data in enumerate(u.draft)]


def default_event_name(file_names: Sequence[str]) -> str:
    """A name for a new event the uploader left unnamed: the first file's name without its
    extension ("pasted coverage" for pasted text), made unique so that it never adds to an
    event that already exists. The review page shows it, to be changed before confirming."""
    stems = [name.rsplit("/", 1)[-1].rsplit(".", 1)[0] for name in file_names if name != PASTED_NAME]
    words = " ".join(stems[0].replace("_", " ").replace("-", " ").split()) if stems else ""
    base = fitted(Upload, "event_name", words or "Pasted coverage")
    name, n = base, 1
    while Event.objects.filter(name=name).exists():
        n += 1
        name = f"{base[:290]} ({n})"
    return name


def upload_receive(
    *, files: Sequence[IncomingFile], event_name: str, event: Event | None, user: User, confirm: bool = False,
    read_here: bool = False,
) -> uuid.UUID:
    """Keep every file byte for byte and queue its reading (`upload_read`, on a worker).
    Returns the batch id at once. `confirm`: add the articles found without review.
    `read_here`: read them in this process before returning (command-line imports)."""
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
                confirm_when_read=confirm,
                read_queued_at=timezone.now(),
            )
            if read_here:
                upload_read(upload_id=upload.pk)
            else:
                queue_read(upload)
    return batch


def upload_read(*, upload_id: int) -> bool:
    """Split a received upload into drafts (the task `read_upload`). A second delivery of
    the same upload does nothing; the fourth of one that keeps killing its worker marks
    it failed. With `confirm_when_read`, the drafts are then confirmed as they are."""
    upload = _claim_reading(upload_id)
    if upload is None:
        return False
    fields = _read_fields(upload, bytes(upload.raw))
    with transaction.atomic():  # one commit, so a poller sees received, then confirmed
        if fields["status"] == Upload.Status.PARSED:
            fields = _within_batch_cap(upload, fields)
        changed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.RECEIVED).update(**fields)
        if changed and upload.confirm_when_read and fields["status"] == Upload.Status.PARSED:
            _confirm_as_read(upload.pk)
    return bool(changed)


def _within_batch_cap(upload: Upload, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of a read upload, failed instead when its drafts would take the batch's
    over the cap. Files of one batch read on two workers at once count one after the other."""
    _lock(f"batch:{upload.batch}")
    cap = ingest_limits().max_batch_articles
    others = (Upload.objects.filter(batch=upload.batch, status=Upload.Status.PARSED).exclude(pk=upload.pk)
              .aggregate(n=Sum(JSONArrayLength("draft")))["n"] or 0)
    if others + len(fields["draft"]) <= cap:
        return fields
    return {**fields, "status": Upload.Status.FAILED, "draft": [],
            "error": f"{upload.original_name or 'This file'} holds {len(fields['draft']):,} articles; with the "
                     f"other files of this upload ({others:,}) that is over the limit of {cap:,} an upload.",
            "hint": "Upload the files in several smaller uploads, one after the other; this one is kept."}


def _confirm_as_read(upload_id: int) -> None:
    """`?confirm=1`: the drafts confirmed as they are; duplicates noted on the upload."""
    read = Upload.objects.get(pk=upload_id)
    result = upload_confirm(uploads=[read], drafts=drafts_of([read]), event_name=read.event_name,
                            user=read.uploader)
    if result.duplicates:
        notes = read.notes + [DUPLICATE_NOTE + title for title in result.duplicates]
        Upload.objects.filter(pk=read.pk).update(notes=notes)


def _claim_reading(upload_id: int) -> Upload | None:
    with transaction.atomic():
        upload = (Upload.objects.select_for_update(skip_locked=True)
                  .filter(pk=upload_id, status=Upload.Status.RECEIVED).first())
        if upload is None:
            return None
        if upload.read_attempts >= MAX_ATTEMPTS:
            upload.status = Upload.Status.FAILED
            upload.error = f"Reading {upload.original_name or 'the file'} stopped its worker {MAX_ATTEMPTS} times."
            upload.hint = UNEXPECTED_PARSE_HINT
            upload.save(update_fields=["status", "error", "hint"])
            return None
        upload.read_attempts += 1
        upload.save(update_fields=["read_attempts"])
    return upload


def upload_read_failed(*, upload_id: int, error: str, hint: str) -> None:
    """Reading gave up (a time limit): the upload says why; its bytes stay."""
    Upload.objects.filter(pk=upload_id, status=Upload.Status.RECEIVED).update(
        status=Upload.Status.FAILED, error=error, hint=hint, parser_version=PARSER_VERSION)


def uploads_sweep(*, stuck_after: dt.timedelta) -> int:
    """Send again the reading of uploads received longer than `stuck_after` ago and still
    unread, and the creating of articles confirmed as long ago and not yet made: its task
    was lost with a worker or a broker."""
    cutoff = timezone.now() - stuck_after
    with transaction.atomic():
        stuck = list(Upload.objects.select_for_update(skip_locked=True)
                     .filter(status__in=[Upload.Status.RECEIVED, Upload.Status.CONFIRMING], read_queued_at__lt=cutoff))
        Upload.objects.filter(pk__in=[u.pk for u in stuck]).update(read_queued_at=timezone.now())
        for upload in stuck:
            if upload.status == Upload.Status.RECEIVED:
                queue_read(upload)
        for batch in sorted({str(u.batch) for u in stuck if u.status == Upload.Status.CONFIRMING}):
            queue_confirm(batch)
    return len(stuck)


def _read_fields(upload: Upload, data: bytes) -> dict[str, Any]:
    """What reading the bytes sets on the upload: its drafts, or why it failed."""
    fields: dict[str, Any] = {"parser_version": PARSER_VERSION, "notes": []}
    try:
        result = parse(data, upload.original_name, limits=ingest_limits())
    except NoArticlesFound as exc:
        return {**fields, "status": Upload.Status.FAILED, "error": exc.message, "hint": exc.hint,
                "notes": ["no-articles"]}
    except IngestError as exc:
        return {**fields, "status": Upload.Status.FAILED, "error": exc.message, "hint": exc.hint}
    except SoftTimeLimitExceeded:
        raise  # the task says the file took too long (tasks.read_upload)
    except Exception as exc:
        # A parser bug (or a library's error we did not foresee) must not lose the upload nor
        # leave it to be read again and again by the sweep: keep the bytes, say so, log the traceback.
        log.exception("parsing upload %s (%r) failed unexpectedly", upload.pk, upload.original_name)
        return {**fields, "status": Upload.Status.FAILED, "hint": UNEXPECTED_PARSE_HINT,
                "error": f"{upload.original_name or 'The file'} could not be read ({type(exc).__name__})."}
    return {**fields, "status": Upload.Status.PARSED, "draft": [draft_from_parsed(a) for a in result.articles],
            "notes": list(result.notes), "error": "", "hint": ""}


def upload_take_whole_text(*, upload: Upload) -> None:
    """Take a text upload or web page in which no article was found as one article (the
    review page's offer): its text, a page's without markup. Only for that state: a
    confirmed, parsed or unreadable upload is refused with UploadRefused (409) and left as it is."""
    if upload.status != Upload.Status.FAILED or "no-articles" not in (upload.notes or []):
        raise UploadRefused("Only an upload in which no article was found can be taken as one article.", 409)
    try:
        text = whole_text(bytes(upload.raw), upload.original_name)
    except IngestError as exc:
        raise UploadRefused(f"{exc.message} {exc.hint}".strip(), 409) from None
    if not text.strip():
        raise UploadRefused(f"{upload.original_name or 'This file'} has no text to take as an article; "
                            "upload a file that holds the article's text.", 409)
    article = whole_text_article(text, title=upload.original_name.rsplit(".", 1)[0])
    with transaction.atomic():
        changed = Upload.objects.filter(pk=upload.pk, status=Upload.Status.FAILED).update(
            draft=[draft_from_parsed(article)], status=Upload.Status.PARSED, error="", hint="")
    if not changed:
        raise UploadRefused("This upload changed meanwhile; reload the page.", 409)


def upload_reparse(*, upload: Upload) -> None:
    """Parse the kept raw bytes again (a newer parser), here and now; the draft is replaced."""
    fields = _read_fields(upload, bytes(upload.raw))
    Upload.objects.filter(pk=upload.pk).update(**fields)
    for name, value in fields.items():
        setattr(upload, name, value)


# Cyrillic and Greek letters spelt in Latin ones, so an event named in Russian, Ukrainian,
# Serbian, Bulgarian or Greek gets a readable slug ("Новости дня" -> "novosti-dnya"), and the
# Latin letters that have no plain one inside them ("ł", "ß"). A script without a spelling
# here (Chinese, Arabic, Hebrew…) keeps its letters, as Django's Unicode slugs do
# ("新闻发布会"), where ASCII-only slugify left just "event".
_LATIN_SPELLING = str.maketrans({
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj",
    "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
    **dict(zip("αβγδεζηικλμνξοπρστυφω", "avgdeziiklmnxoprstyfo", strict=True)),
    "ς": "s", "θ": "th", "χ": "ch", "ψ": "ps",
    "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
})


def event_slug(name: str) -> str:
    """The base of a new event's slug (event_for_name makes it unique): at most 100
    characters, Latin, Cyrillic and Greek spelt in plain Latin letters, another script's
    letters kept (the event URLs take Unicode slugs)."""
    # Spelt before and after the marks come off: "й", "ё" and "ї" have spellings of their own,
    # which taking their marks off first would lose; a Greek accent ("ά") comes off, then its letter is spelt.
    spelt = unicodedata.normalize("NFC", name.lower()).translate(_LATIN_SPELLING)
    spelt = "".join(_unmarked(ch) for ch in spelt).translate(_LATIN_SPELLING)
    return slugify(spelt.replace("–", "-").replace("—", "-"), allow_unicode=True)[:100].strip("-") or "event"


def _unmarked(letter: str) -> str:
    """A letter without its marks where that leaves one we spell in plain Latin ("é" -> "e",
    "ά" -> "α"), else as it is: "が" keeps the mark that makes it "ga", not "ka"."""
    base = "".join(ch for ch in unicodedata.normalize("NFKD", letter) if not unicodedata.combining(ch))
    return base if base.translate(_LATIN_SPELLING).isascii() else letter


def event_for_name(name: str, *, user: User) -> Event:
    """The event called `name`, created with a unique slug if it is new. Call inside a
    transaction: two confirms naming one new event wait for each other here, so they
    add to one event instead of making two (or failing on the slug). New events take their
    slugs one at a time: "Port strike" and "Port Strike!" share a slug's base, and
    "Port strike 2" may want the suffix another name is given."""
    name = name.strip()
    _lock_name(name)
    existing = Event.objects.filter(name=name).first()
    if existing:
        return existing
    base = event_slug(name)
    _lock("event-slugs")
    slug, n = base, 1
    while Event.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    creator = account(user)
    return Event.objects.create(name=name, slug=slug, created_by=creator)


def _lock_name(name: str) -> None:
    """A transaction-long lock on an event name."""
    _lock(f"event:{name}")


def _lock(key: str) -> None:
    """A transaction-long lock on `key` (PostgreSQL; SQLite writes one at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])


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
        locked = list(Upload.objects.select_for_update().defer("raw", "draft")
                      .filter(pk__in=[u.pk for u in uploads]).order_by("pk"))
        done = next((u for u in locked if u.status == Upload.Status.CONFIRMED and u.event_id), None)
        if done is not None:
            return ConfirmResult(event=done.event, created=[], duplicates=[])  # type: ignore[arg-type]
        event = _chosen_event(locked) or event_for_name(event_name, user=user)
        event = Event.objects.select_for_update().get(pk=event.pk)
        pages_changed(event.pk)
        created, duplicates = _create_articles(event, uploads, drafts)
        Upload.objects.filter(pk__in=[u.pk for u in uploads]).update(
            status=Upload.Status.CONFIRMED, event=event
        )
        queue_analyses(event, created)
    return ConfirmResult(event=event, created=created, duplicates=duplicates)


def _chosen_event(uploads: Sequence[Upload]) -> Event | None:
    """The existing event the uploader chose (and the reviewer kept), found by id: renamed
    meanwhile, it is still the one, where finding it by name would start a new event."""
    chosen = next((u.event_id for u in uploads if u.event_id), None)
    return Event.objects.filter(pk=chosen).first() if chosen else None


def _create_articles(
    event: Event, uploads: Sequence[Upload], drafts: Sequence[Draft]
) -> tuple[list[Article], list[str]]:
    """New articles in one bulk insert (a confirm may hold 20,000), duplicates by title."""
    upload_by_source = {u.pk: u for u in uploads}
    known = set(Article.objects.filter(event=event).values_list("content_hash", flat=True))
    last = Article.objects.filter(event=event).order_by("-position").values_list("position", flat=True).first()
    position = 0 if last is None else last + 1
    rows: list[Article] = []
    duplicates: list[str] = []
    outlets = _outlets({d.outlet.strip() for d in drafts} - {""})
    for draft in drafts:
        body = draft.body.strip()
        digest = content_hash(body)
        title = article_title(draft.title)
        if digest in known:
            duplicates.append(title)
            continue
        known.add(digest)
        rows.append(Article(
            event=event, outlet=outlets.get(draft.outlet.strip()), upload=upload_by_source.get(draft.upload or 0),
            position=position, title=title,
            byline=fitted(Article, "byline", draft.byline.strip()), published=_parse_date(draft.published),
            url=fitted(Article, "url", draft.url), body=body, headings=list(draft.headings),
            content_hash=digest, word_count=len(body.split()),
        ))
        position += 1
    return Article.objects.bulk_create(rows, batch_size=500), duplicates


def _outlets(names: set[str]) -> dict[str, Outlet]:
    """The Outlet row of each name, made where missing."""
    return {name: Outlet.objects.get_or_create(name=fitted(Outlet, "name", name))[0] for name in sorted(names)}


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


def duplicate_titles(uploads: Iterable[Upload]) -> list[str]:
    """The titles a confirm did not add because the event had their text already."""
    return [note.removeprefix(DUPLICATE_NOTE) for u in uploads for note in u.notes if note.startswith(DUPLICATE_NOTE)]
