"""Template context every page gets: the upload formats, from the one registry."""

from __future__ import annotations

from django.http import HttpRequest

from articles.ingest.formats.registry import accept_attribute, extension_list, in_brief


def upload_formats(request: HttpRequest) -> dict[str, str]:
    return {"upload_accept": accept_attribute(), "upload_extensions": extension_list(), "upload_formats": in_brief()}
