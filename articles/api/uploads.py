"""Uploads for scripted collection: the browser path's validation, limits and
services, behind a token. `?confirm=1` skips the review step and queues the
analysis at once; otherwise the batch waits on its review page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile as DjangoUploadedFile
from django.db.models import Count, Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.datastructures import MultiValueDict
from ninja import File, Form, Path, Query, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile

from articles.api.auth import TokenAuth
from articles.api.schemas import BatchOut, ErrorOut, UploadOut
from articles.ingest.dump import MIN_ARTICLE_WORDS
from articles.ingest.formats.registry import extension_list
from articles.models import Article, Event, Upload
from articles.services.limits import upload_allowed
from articles.services.uploads import DUPLICATE_NOTE, UploadRefused, drafts_of, duplicate_titles, upload_submit
from articles.web.forms import UploadForm
from articles.web.params import no_nul
from articles.web.review import short_note, too_short

router = Router(tags=["uploads"], auth=TokenAuth())

MAX_ID = 2**63 - 1
EXAMPLE_TEXT = (
    "Tillerson and Lavrov meet in Moscow\n\nMOSCOW, April 12 — Secretary of State Rex Tillerson said relations "
    "between the United States and Russia were at a low point. Foreign Minister Sergei Lavrov said Moscow "
    "wanted to understand Washington's real intentions."
)


def upload_out(request: HttpRequest, upload: Upload) -> dict[str, Any]:
    if upload.status == Upload.Status.CONFIRMED:
        counts = Article.objects.filter(upload=upload).aggregate(
            n=Count("pk"), done=Count("pk", filter=Q(job__status="done")))
        article_count, analysed = counts["n"], counts["done"]
    else:
        drafted = upload.status in (Upload.Status.PARSED, Upload.Status.CONFIRMING)
        article_count, analysed = (len(upload.draft) if drafted else 0), 0
    event = upload.event
    return {
        "id": upload.pk, "batch": upload.batch, "original_name": upload.original_name, "size": upload.size,
        "status": upload.status, "error": upload.error, "hint": upload.hint,
        "article_count": article_count, "articles_analysed": analysed,
        "event": event.slug if event else None,
        "status_url": request.build_absolute_uri(reverse("api:get_upload", args=[upload.pk])),
        "event_url": request.build_absolute_uri(event.get_absolute_url()) if event else None,
        "duplicates": duplicate_titles([upload]),
        "notes": review_notes(upload),
    }


def review_notes(upload: Upload) -> list[str]:
    """What the review page says about the upload (a `?confirm=1` upload has no review
    page): what was skipped or dropped in reading it (a ZIP's files not read among them),
    and each article too short to be one, by the words of the review page. The articles
    the event had already are `duplicates`."""
    notes = [note for note in upload.notes if note != "no-articles" and not note.startswith(DUPLICATE_NOTE)]
    if upload.status == Upload.Status.CONFIRMED:
        short = Article.objects.filter(upload=upload, word_count__lt=MIN_ARTICLE_WORDS).order_by("position")
        notes += [short_note(words, title, added=True) for words, title in short.values_list("word_count", "title")]
    elif upload.status in (Upload.Status.PARSED, Upload.Status.CONFIRMING):
        drafts = drafts_of([upload])
        notes += [short_note(words, d.title, added=False) for d in drafts if (words := too_short(d)) is not None]
    return notes


@router.post(
    "/uploads",
    response={201: BatchOut, 202: BatchOut, 400: ErrorOut, 401: ErrorOut, 413: ErrorOut, 422: BatchOut, 429: ErrorOut},
    summary="Upload coverage (files and/or pasted text) into an event",
    description=(
        f"Multipart form: `files` (any number of {extension_list()}), `text`, and either `event` "
        "(an existing event's slug) or `event_name` (a new event; left empty, it is named after the first "
        "file, or \"Pasted coverage\", never an existing event's name). The same checks and limits as the "
        "upload page. With `?confirm=1` the articles found are added and analysed without review; "
        "otherwise review them at the batch's review page. Each upload's `notes` say what its review page "
        "would (what was skipped or dropped in reading it, articles too short to be one), and `duplicates` "
        "the articles the event had already. The files are kept at once and read by a "
        "worker: 202 while they are being read (status `received`), then poll each upload's `status_url` "
        "until it is `parsed` (review), `confirmed` or `failed` (a review confirmed on its page is "
        "`confirming` while a worker creates its articles). 201: read already (tasks run in-process, "
        "no worker). 422: nothing could be read (each upload says why and what to do)."
    ),
)
def create_upload(
    request: HttpRequest,
    files: File[list[UploadedFile]] = None,  # type: ignore[assignment]
    text: str = Form("", example=EXAMPLE_TEXT, description="pasted coverage (one or more articles)"),
    event_name: str = Form("", max_length=300, example="Tillerson–Lavrov press conference, Moscow, 12 April 2017",
                           description="a new event's name (default: the first file's name)"),
    event: str = Form("", max_length=120, description="an existing event's slug"),
    confirm: bool = Query(False, description="add the articles and start the analysis without review"),
) -> Status[dict[str, Any]]:
    if "files" in request.POST:
        # A part without a filename arrives as text; ignoring it would lose the upload silently.
        raise HttpError(400, "files: send each file as a file part (with a filename), not as a text field.")
    bad = no_nul([("text", [text]), ("event_name", [event_name]), ("event", [event])])
    if bad is not None:
        raise HttpError(400, f"The parameter {bad!r} holds a NUL character; remove it and send again.")
    documents: list[DjangoUploadedFile] = list(files or [])
    if not upload_allowed(request.auth.user_id):  # type: ignore[attr-defined]
        raise HttpError(429, f"More than {settings.NEWSFRAME_UPLOADS_PER_HOUR} uploads in an hour; "
                             "try again within the hour.")
    target = None
    if event.strip():
        target = Event.objects.filter(slug=event.strip()).first()
        if target is None:
            raise HttpError(400, f"No event with the slug {event.strip()[:120]!r}; leave `event` empty and "
                                 "give `event_name` to start a new one.")
    form = UploadForm(
        {"text": text, "event_name": event_name, "event": str(target.pk) if target else ""},
        MultiValueDict({"documents": documents}),
    )
    if not form.is_valid():
        raise HttpError(400, " ".join(str(m) for messages in form.errors.values() for m in messages))
    try:
        batch = upload_submit(files=form.files_to_keep(), event_name=form.cleaned_data["event_name"],
                              event=form.cleaned_data["event"], user=request.user, confirm=confirm)
    except UploadRefused as refused:
        raise HttpError(refused.status, refused.message) from None
    uploads = list(Upload.objects.filter(batch=batch).select_related("event").order_by("pk"))
    reading = any(u.status == Upload.Status.RECEIVED for u in uploads)
    readable = [u for u in uploads if u.status in (Upload.Status.PARSED, Upload.Status.CONFIRMED)]
    out = [upload_out(request, u) for u in uploads]
    event_slug = next((u["event"] for u in out if u["event"]), None)
    review = (request.build_absolute_uri(reverse("upload_review", args=[batch]))
              if (readable or reading) and not confirm else None)
    duplicates = duplicate_titles(uploads)
    return Status(202 if reading else 201 if readable else 422, {
        "batch": batch, "uploads": out, "event": event_slug, "duplicates": duplicates, "review_url": review})


@router.get("/uploads/{upload_id}", response={200: UploadOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut},
            summary="An upload's status: poll it after uploading")
def get_upload(request: HttpRequest, upload_id: int = Path(..., ge=1, le=MAX_ID)) -> dict[str, Any]:
    # The pages' rule (Upload.objects.visible_to); someone else's upload is as good as
    # absent here: its existence is not for others to learn.
    uploads = Upload.objects.visible_to(request.user).select_related("event")
    return upload_out(request, get_object_or_404(uploads, pk=upload_id))
