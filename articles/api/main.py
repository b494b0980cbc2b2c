"""The NinjaAPI instance: routes, error shapes and conditional GETs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.cache import get_conditional_response, set_response_etag
from ninja import NinjaAPI
from ninja.errors import ValidationError

from articles.api.read import router as read_router
from articles.api.uploads import router as upload_router


class NewsframeAPI(NinjaAPI):
    def create_response(self, request: HttpRequest, data: Any, *, status: int | None = None,
                        temporal_response: HttpResponse | None = None) -> HttpResponse:
        """Every successful GET carries an ETag of its body; a client that sends it
        back in If-None-Match gets 304 Not Modified while the resource is unchanged."""
        response = super().create_response(request, data, status=status, temporal_response=temporal_response)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response["Cache-Control"] = "no-cache"  # may be stored, but revalidated: data changes as workers run
        set_response_etag(response)
        return get_conditional_response(request, etag=response["ETag"], response=response) or response


api = NewsframeAPI(
    title="newsframe API",
    version="1",
    description=(
        "Read-only access to events, articles, quotes, actors and story points, and token-authenticated "
        "uploads for scripted collection. Lists are cursor-paginated: follow `next`. Every GET response "
        "has an ETag; send it back in If-None-Match to get 304 while nothing changed."
    ),
    urls_namespace="api",
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # One error shape for every 400: {"detail": "..."}, naming the parameter at fault.
    parts = []
    for error in exc.errors[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "form", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else str(error.get("msg", "invalid")))
    return api.create_response(request, {"detail": "; ".join(parts) or "invalid request"}, status=400)


@api.exception_handler(MultiPartParserError)
def _unreadable_form(request: HttpRequest, exc: MultiPartParserError) -> HttpResponse:
    # Django would answer with its HTML 400 page; an API client gets JSON.
    return api.create_response(request, {"detail": f"The multipart form could not be read: {exc}"}, status=400)


@api.exception_handler(RequestDataTooBig)
@api.exception_handler(TooManyFilesSent)
def _too_much(request: HttpRequest, exc: Exception) -> HttpResponse:
    limits = (f"at most {settings.DATA_UPLOAD_MAX_NUMBER_FILES} files, "
              f"{settings.NEWSFRAME_MAX_UPLOAD_BYTES // 1_048_576} MB each")
    return api.create_response(request, {"detail": f"Too much in one request ({limits}): send it in parts."},
                               status=413)


api.add_router("/", read_router)
api.add_router("/", upload_router)
