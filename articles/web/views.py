"""Thin views: fetch what the user may see, call one service, render."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from articles.drafts import Draft, apply_choices
from articles.ingest.dump import MIN_ARTICLE_WORDS
from articles.ingest.formats.registry import is_skipped_entry
from articles.models import Actor, Article, Event, Upload
from articles.services.uploads import (
    UploadRefused,
    drafts_of,
    duplicate_titles,
    upload_review_save,
    upload_submit,
    upload_take_whole_text,
)
from articles.web import pages
from articles.web.article_page import article_page
from articles.web.client_address import client_address
from articles.web.event_cache import PageBusy, event_body
from articles.web.forms import ReviewEventForm, ReviewFormSet, UploadForm
from articles.web.params import whole_number
from articles.web.parts import paragraph_url
from articles.web.review import ReviewPager, too_short, with_edits
from articles.web.review_duplicates import already_in, repeats, target_event

# The paragraphs of a draft listed on the review page; the rest are counted, not shown.
REVIEW_PARAGRAPHS = 200


HOME_EVENTS = 100  # the newest; the API lists them all


def home(request: HttpRequest) -> HttpResponse:
    events = list(Event.objects.annotate(article_count=Count("articles")).order_by("-created_at")[:HOME_EVENTS])
    older = Event.objects.count() - len(events) if len(events) == HOME_EVENTS else 0
    return render(request, "articles/home.html", {"events": events, "older": older})


def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers ask for /favicon.ico whatever the page says; send them to the icon."""
    return redirect(static("img/favicon.svg"), permanent=True)


def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@login_required
@require_http_methods(["GET", "POST"])
def upload_new(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None,
                      initial={"event": whole_number(request.GET.get("event", ""), "event")})
    if request.method == "GET" or not form.is_valid():
        status = 400 if request.method == "POST" else 200
        return render(request, "articles/upload.html", {"form": form}, status=status)
    try:
        batch = upload_submit(files=form.files_to_keep(), event_name=form.cleaned_data["event_name"],
                              event=form.cleaned_data["event"], user=request.user)
    except UploadRefused as refused:
        form.add_error(None, refused.message)
        return render(request, "articles/upload.html", {"form": form}, status=refused.status)
    uploads = list(Upload.objects.filter(batch=batch))
    if all(u.status == Upload.Status.FAILED for u in uploads):
        return render(request, "articles/upload.html", {"form": form, "failed": uploads}, status=400)
    return redirect("upload_review", batch=batch)


def _visible_upload(request: HttpRequest, pk: int) -> Upload:
    """The upload, if this user may see it; someone else's is 403, as for a batch."""
    upload = Upload.objects.visible_to(request.user).filter(pk=pk).first()
    if upload is None:
        raise PermissionDenied if Upload.objects.filter(pk=pk).exists() else Http404("No such upload.")
    return upload


def _batch_uploads(request: HttpRequest, batch: uuid.UUID, *, drafts: bool = True) -> list[Upload]:
    """The batch's uploads without their raw bytes (up to 10 MB each), and without their
    drafts unless asked (a status poll needs only the statuses)."""
    rows = Upload.objects.filter(batch=batch).defer("raw", *(() if drafts else ("draft",)))
    uploads = list(rows.order_by("pk"))
    if not uploads:
        raise Http404("No such upload.")
    if Upload.objects.visible_to(request.user).filter(batch=batch).count() != len(uploads):
        raise PermissionDenied
    return uploads


@login_required
@require_http_methods(["GET", "POST"])
def upload_review(request: HttpRequest, batch: uuid.UUID) -> HttpResponse:
    """The drafts of a batch, REVIEW_PAGE_SIZE at a time: a page's edits are kept when
    another page is shown, and the confirm takes every page's (no form-field limit)."""
    uploads = _batch_uploads(request, batch)
    if any(u.status == Upload.Status.CONFIRMED for u in uploads):
        return _to_event(request, uploads)
    if any(u.status in (Upload.Status.RECEIVED, Upload.Status.CONFIRMING) for u in uploads):
        if request.method == "POST":  # a second submit while the first confirm is at work
            return redirect("upload_review", batch=batch)
        return render(request, "articles/review_reading.html", _reading(batch, uploads))
    drafts = drafts_of(uploads)
    pager = ReviewPager(len(drafts), settings.NEWSFRAME_REVIEW_PAGE_SIZE,
                        whole_number(request.GET.get("page", ""), "page") or 1)
    shown = drafts[pager.first:pager.last]
    chosen = uploads[0].event  # an existing event chosen at upload: its name now, if renamed since
    duplicates = already_in(target_event(chosen, uploads[0].event_name), shown)
    repeated = repeats(drafts[:pager.last], pager.first)
    # A text the event already has, or an earlier article of the batch, would be refused
    # at the confirm: unticked, and said why.
    # "number" is the article's as the page lists it, for the form's messages.
    formset = ReviewFormSet(request.POST or None, prefix="a", initial=[
        {**d.review_initial(), "number": pager.first + i + 1,
         **({"keep": False} if d.key in duplicates or d.key in repeated else {})}
        for i, d in enumerate(shown)])
    event_form = ReviewEventForm(request.POST or None,
                                 initial={"event_name": chosen.name if chosen else uploads[0].event_name})
    if request.method == "POST" and formset.is_valid() and event_form.is_valid():
        edited = with_edits(drafts, [f.cleaned_data for f in formset.forms])
        name = event_form.cleaned_data["event_name"]
        go_to = whole_number(request.POST.get("go_to_page", ""), "go_to_page")
        if go_to is not None:
            upload_review_save(uploads=uploads, drafts=edited, event_name=name)
            return redirect(f"{reverse('upload_review', args=[batch])}?page={pager.clamp(go_to)}")
        return _confirm(request, uploads, edited, name)
    rows = [(form, draft, draft.body.split("\n\n", REVIEW_PARAGRAPHS)[:REVIEW_PARAGRAPHS], duplicates.get(draft.key),
             repeated.get(draft.key), too_short(draft)) for form, draft in zip(formset.forms, shown, strict=False)]
    status = 400 if request.method == "POST" else 200
    return render(request, "articles/review.html", {
        "formset": formset, "rows": rows, "event_form": event_form, "uploads": _with_skipped(uploads), "pager": pager,
        "chosen_event": chosen,
        "draft_count": len(drafts), "paragraphs_shown": REVIEW_PARAGRAPHS, "min_article_words": MIN_ARTICLE_WORDS,
    }, status=status)


def _with_skipped(uploads: list[Upload]) -> list[tuple[Upload, list[str], list[str]]]:
    """Each upload with the files of it that were not read (problems, with what to do)
    apart from its other notes."""
    return [(u, [n for n in u.notes if is_skipped_entry(n)],
             [n for n in u.notes if not is_skipped_entry(n) and n != "no-articles"]) for u in uploads]


def _confirm(request: HttpRequest, uploads: list[Upload], drafts: list[Draft], event_name: str) -> HttpResponse:
    """The edits kept and the articles left to a worker to create; the review page shows
    its progress, then goes on to the event page (at once when tasks run in-process)."""
    confirm = bool(apply_choices(drafts))
    upload_review_save(uploads=uploads, drafts=drafts, event_name=event_name, confirm=confirm)
    if not confirm:
        messages.error(request, "Every article was dropped: tick “Keep this article” on at least one, "
                                "or upload a file again (Upload, at the top of the page).")
        return redirect("upload_review", batch=uploads[0].batch)
    uploads = _batch_uploads(request, uploads[0].batch, drafts=False)
    if any(u.status == Upload.Status.CONFIRMED for u in uploads):
        return _to_event(request, uploads)
    return redirect("upload_review", batch=uploads[0].batch)


def _to_event(request: HttpRequest, uploads: list[Upload]) -> HttpResponse:
    """A confirmed batch: on to its event, saying what was added."""
    event = next((u.event for u in uploads if u.event), None)
    if event is None:
        return redirect("home")
    duplicates = duplicate_titles(uploads)
    if duplicates:
        shown = "; ".join(duplicates[:20]) + (f" and {len(duplicates) - 20} more" if len(duplicates) > 20 else "")
        messages.warning(request, "Already in this event, not added again: " + shown)
    added = Article.objects.filter(upload__in=uploads).count()
    messages.success(request, f"{added} article{pluralize(added)} added; {'their' if added != 1 else 'its'} "
                              "analysis is queued.")
    return redirect("event", slug=event.slug)


def _reading(batch: uuid.UUID, uploads: list[Upload]) -> dict[str, object]:
    """The progress of a batch being read, or having its articles created."""
    unread = sum(u.status == Upload.Status.RECEIVED for u in uploads)
    confirming = any(u.status == Upload.Status.CONFIRMING for u in uploads)
    return {"batch": batch, "uploads": uploads, "reading": bool(unread), "read_count": len(uploads) - unread,
            "confirming": confirming, "working": bool(unread) or confirming}


@login_required
def upload_status(request: HttpRequest, batch: uuid.UUID) -> HttpResponse:
    """The review page's progress while a worker reads the files (polled by the page)."""
    return render(request, "articles/_upload_status.html",
                  _reading(batch, _batch_uploads(request, batch, drafts=False)))


@login_required
@require_POST
def upload_whole_text(request: HttpRequest, pk: int) -> HttpResponse:
    """Take an upload in which no article was found as one article."""
    upload = _visible_upload(request, pk)
    try:
        upload_take_whole_text(upload=upload)
    except UploadRefused as refused:
        messages.error(request, refused.message)
    return redirect("upload_review", batch=upload.batch)


@login_required
def upload_raw(request: HttpRequest, pk: int) -> HttpResponse:
    """The upload exactly as received, as an attachment that is never rendered."""
    upload = _visible_upload(request, pk)
    response = HttpResponse(bytes(upload.raw), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="upload-{upload.pk}.bin"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def event_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """The progress block fresh; the comparison from the cache while the event is unchanged."""
    event = get_object_or_404(Event, slug=slug)
    progress = pages.event_progress(event)
    address = None if request.user.is_authenticated else client_address(request)
    try:
        body = event_body(event, progress, only=request.GET.get("only", ""), actor=request.GET.get("actor", ""),
                          chosen=request.GET.getlist("articles"), address=address)
    except PageBusy as busy:
        response = render(request, "429_views.html", {
            "event": event, "retry_after": busy.retry_after,
            "per_minute": settings.NEWSFRAME_LARGE_EVENT_VIEWS_PER_MINUTE}, status=429)
        response["Retry-After"] = str(busy.retry_after)
        return response
    return render(request, "articles/event.html", {**progress, "body": body})


def event_status(request: HttpRequest, slug: str) -> HttpResponse:
    event = get_object_or_404(Event, slug=slug)
    return render(request, "articles/_event_status.html", pages.event_progress(event))


def article_detail(request: HttpRequest, slug: str, position: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("event", "outlet", "job"), event__slug=slug,
                                position=position)
    part = whole_number(request.GET.get("part", ""), "part")
    return render(request, "articles/article.html", article_page(article, part))


def article_at(request: HttpRequest, slug: str, position: int, offset: int) -> HttpResponse:
    """The paragraph holding a character offset of an article (its part, `#pN`): what a list
    that does not read the articles' text (an actor's quotes) links a sentence to."""
    article = get_object_or_404(Article.objects.select_related("event"), event__slug=slug, position=position)
    return redirect(paragraph_url(article, min(offset, len(article.body))))


def actor_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("event"), event__slug=slug, pk=pk)
    return render(request, "articles/actor.html", pages.actor_page(actor))
