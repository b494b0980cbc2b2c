"""Download views: an event's results as files (the event JSON, one CSV table,
or every table in one ZIP), built by articles.services.exports like `export_event`
and streamed as they are written."""

from __future__ import annotations

from django.http import Http404, HttpRequest, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from articles.models import Event
from articles.services.exports import TABLES, ExportStream, Format, export_stream


def _attachment(file: ExportStream) -> StreamingHttpResponse:
    response = StreamingHttpResponse(file.chunks, content_type=file.content_type)
    # Slugs are [-a-zA-Z0-9_], so the name needs no quoting beyond the quotes.
    response["Content-Disposition"] = f'attachment; filename="{file.name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _download(request: HttpRequest, slug: str, fmt: Format, table: str | None = None) -> HttpResponseBase:
    """CSV cells that a spreadsheet would run as formulas are neutralised unless `?exact=1`."""
    event = get_object_or_404(Event, slug=slug)
    return _attachment(export_stream(event, fmt, table=table, exact=request.GET.get("exact") == "1"))


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
