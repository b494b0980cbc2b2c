"""Upload steps are valid only in the states they are for, and a refused paste is shown
again as it was sent (issue 17's findings, through the pages)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article, Upload

pytestmark = pytest.mark.django_db

ZIP_WITHOUT_ARTICLES = b"PK\x05\x06" + b"\x00" * 18  # an empty archive


def _upload(client: Client, name: str, data: bytes) -> Upload:
    client.post(reverse("upload"), {"documents": [SimpleUploadedFile(name, data)], "event_name": "States"})
    return Upload.objects.latest("pk")


def test_whole_text_is_refused_for_a_binary_or_zip_upload_with_a_message(logged_in: Client) -> None:
    for name, data in [("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4), ("a.zip", ZIP_WITHOUT_ARTICLES)]:
        upload = _upload(logged_in, name, data)
        response = logged_in.post(reverse("upload_whole_text", args=[upload.pk]), follow=True)
        assert response.status_code == 200, name
        upload.refresh_from_db()
        assert upload.status == Upload.Status.FAILED and upload.draft == []


def test_a_web_page_without_an_article_taken_whole_gives_its_text_not_its_markup(logged_in: Client) -> None:
    page = (b"<!doctype html><html><head><title>Front page</title><style>body{color:red}</style>"
            b"<script>var tracking = 1;</script></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a>"
            b"</nav></body></html>")
    upload = _upload(logged_in, "front.html", page)
    assert upload.status == Upload.Status.FAILED and "no-articles" in upload.notes
    logged_in.post(reverse("upload_whole_text", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == Upload.Status.PARSED
    assert [(d["title"], d["body"]) for d in upload.draft] == [("front", "Home World")]


def test_whole_text_does_not_reopen_a_confirmed_upload(
    logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: Any,
) -> None:
    upload = _upload(logged_in, "seed.txt", seed_bytes)
    drafts = {f"a-{i}-{k}": v for i, d in enumerate(upload.draft)
              for k, v in {"key": f"{upload.pk}:{i}", "keep": "on", "title": d["title"] or "T"}.items()}
    with django_capture_on_commit_callbacks(execute=True):  # the worker's confirm_upload, in-process
        logged_in.post(reverse("upload_review", args=[upload.batch]), {
            "a-TOTAL_FORMS": len(upload.draft), "a-INITIAL_FORMS": len(upload.draft), "event_name": "States",
            **drafts})
    upload.refresh_from_db()
    assert upload.status == Upload.Status.CONFIRMED
    count = Article.objects.count()
    logged_in.post(reverse("upload_whole_text", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.status == Upload.Status.CONFIRMED and Article.objects.count() == count


def test_a_refused_paste_keeps_the_event_name_as_typed(logged_in: Client) -> None:
    response = logged_in.post(reverse("upload"), {
        "pasted": SimpleUploadedFile("pasted.txt", b"Hello there.", "text/plain"), "event_name": "My event"})
    page = response.content.decode()
    assert 'value="My event"' in page and "[&#x27;My event&#x27;]" not in page
