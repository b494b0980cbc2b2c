"""Request guards that answer before a body is read: oversize requests get 413 and
too frequent uploads 429, each with a readable page; plus the 400 handler that turns
Django's "request data too big" (a 400 by default) into the same 413 page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from articles.services.limits import declared_length, upload_allowed

_MB = 1024 * 1024


def too_large(request: HttpRequest) -> HttpResponse:
    context = {
        "max_file_mb": settings.NEWSFRAME_MAX_UPLOAD_BYTES / _MB,
        "max_request_mb": settings.NEWSFRAME_MAX_REQUEST_BYTES / _MB,
        "max_form_mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE / _MB,
        "max_files": settings.DATA_UPLOAD_MAX_NUMBER_FILES,
    }
    return render(request, "413.html", context, status=413)


class UploadGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST":
            # Refused on the declared length alone, so the body is never streamed to disk.
            if declared_length(request.META) > settings.NEWSFRAME_MAX_REQUEST_BYTES:
                return too_large(request)
            user = getattr(request, "user", None)
            if (user is not None and user.is_authenticated and request.path == reverse("upload")
                    and not upload_allowed(user.pk)):
                response = render(request, "429.html", {"per_hour": settings.NEWSFRAME_UPLOADS_PER_HOUR},
                                  status=429)
                response["Retry-After"] = "3600"
                return response
        return self.get_response(request)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: an oversize form or too many files is a 413 the user can act on."""
    if isinstance(exception, RequestDataTooBig | TooManyFilesSent):
        return too_large(request)
    return render(request, "400.html", status=400)
