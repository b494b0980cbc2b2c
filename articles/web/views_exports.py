"""Download views: an event's results as files (the event JSON, one CSV table,
or every table in one ZIP), built by articles.services.exports like `export_event`
and streamed as they are written. Exports of large events are limited
(articles.services.export_limits): a refusal is a 429 page saying when to retry."""

from __future__ import annotations

from collections.abc import Iterator

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from articles.models import Event
from articles.services.export_limits import Refusal, export_admit, export_done
from articles.services.exports import TABLES, ExportStream, Format, export_stream
from articles.web.client_address import client_address
from articles.web.versioned import large


class _Chunks:
    """The export's bytes; closing it (the server always does, read to the end or not)
    frees the large-export slot it holds."""

    def __init__(self, chunks: Iterator[bytes], slot: str) -> None:
        self.chunks, self.slot = chunks, slot

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        return next(self.chunks)

    def close(self) -> None:
        slot, self.slot = self.slot, ""
        export_done(slot)


def _attachment(file: ExportStream, slot: str = "") -> StreamingHttpResponse:
    response = StreamingHttpResponse(_Chunks(file.chunks, slot), content_type=file.content_type)
    # A slug may hold letters of any script ("新闻"): filename* carries them, filename an ASCII stand-in.
    response["Content-Disposition"] = content_disposition_header(True, file.name) or "attachment"  # None: inline only
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _refused(request: HttpRequest, refusal: Refusal) -> HttpResponse:
    context = {"refusal": refusal, "minutes": -(-refusal.retry_after // 60),
               "per_hour": settings.NEWSFRAME_LARGE_EXPORTS_PER_HOUR}
    response = render(request, "429_export.html", context, status=429)
    response["Retry-After"] = str(refusal.retry_after)
    return response


def _download(request: HttpRequest, slug: str, fmt: Format, table: str | None = None) -> HttpResponseBase:
    """CSV cells that a spreadsheet would run as formulas are neutralised unless `?exact=1`."""
    event = get_object_or_404(Event, slug=slug)
    file = export_stream(event, fmt, table=table, exact=request.GET.get("exact") == "1")
    if not large(event):
        return _attachment(file)
    anonymous = not request.user.is_authenticated
    slot, refusal = export_admit(address=client_address(request) if anonymous else None)
    if refusal is not None:
        return _refused(request, refusal)
    return _attachment(file, slot)


@require_safe
def event_export_json(request: HttpRequest, slug: str) -> HttpResponseBase:
    return _download(request, slug, "json")


@require_safe
def event_export_zip(request: HttpRequest, slug: str) -> HttpResponseBase:
    return _download(request, slug, "csv")


@require_safe
def event_export_table(request: HttpRequest, slug: str, table: str) -> HttpResponseBase:
    if table not in TABLES:
        raise Http404("No such table.")
    return _download(request, slug, "csv", table)
