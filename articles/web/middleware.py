"""Request guards that answer before a body is read: oversize requests get 413 and
too frequent uploads 429, each with a readable page; plus the 400 handler that turns
Django's "request data too big" (a 400 by default) into the same 413 page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from articles.services.limits import declared_length, upload_allowed
from articles.web.params import no_nul

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
    """handler400: an oversize form or too many files is a 413 the user can act on; a
    parameter we cannot read (BadRequest) says which."""
    if isinstance(exception, RequestDataTooBig | TooManyFilesSent):
        return too_large(request)
    message = str(exception) if isinstance(exception, BadRequest) else ""
    return render(request, "400.html", {"message": message}, status=400)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: the site's page, rendered with the request (Django's own view renders
    the template without it, so a signed-in person saw "Log in"), saying to reload the form."""
    return render(request, "403_csrf.html", status=403)


class ParameterGuardMiddleware:
    """A NUL in any query or form parameter is a 400 before a view sees it: PostgreSQL text
    cannot hold one, so a query with it would fail as a 500. JSON for the API."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        bad = no_nul(request.GET.lists())
        # Urlencoded forms only: reading a multipart body here would take its own error
        # (too many files, malformed) away from the view; forms refuse a NUL themselves, and
        # the API's upload checks its fields.
        if bad is None and request.method == "POST" and request.content_type == "application/x-www-form-urlencoded":
            bad = no_nul(request.POST.lists())
        if bad is None:
            return self.get_response(request)
        message = f"The parameter {bad!r} holds a NUL character; remove it and send again."
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": message}, status=400)
        return render(request, "400.html", {"message": message}, status=400)
