"""Reading an upload on the worker ends, whatever the file holds: read, or failed with
what to do. An error nobody foresaw must not leave the upload `received` for the sweep
to send again and again (three times, half an hour) until it "stopped its worker"."""

from __future__ import annotations

import io
import json
import logging
import lzma
import zipfile
from typing import Any

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Upload
from articles.services.uploads import UNEXPECTED_PARSE_HINT, IncomingFile, upload_receive

pytestmark = pytest.mark.django_db

ARTICLE = b"Talks end without a deal\n\nThe ministers met for three hours and agreed on very little.\n"


def _corrupt_lzma_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("a.txt", ARTICLE * 50)
    raw = bytearray(buffer.getvalue())
    info = zipfile.ZipFile(io.BytesIO(bytes(raw))).infolist()[0]
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 4, start + 40):
        raw[i] ^= 0x5A
    return bytes(raw)


def _received(name: str, data: bytes, capture: Any, user: User | None = None) -> Upload:
    with capture(execute=True):  # the worker's read_upload, in-process
        batch = upload_receive(files=[IncomingFile(name, data)], event_name="Reading", event=None, user=user)
    return Upload.objects.get(batch=batch)


def test_a_zip_with_a_corrupt_lzma_entry_fails_at_once_with_what_to_do(
    django_capture_on_commit_callbacks: Any,
) -> None:
    upload = _received("coverage.zip", _corrupt_lzma_zip(), django_capture_on_commit_callbacks)
    assert (upload.status, upload.read_attempts) == (Upload.Status.FAILED, 1)
    assert "not a readable ZIP archive" in upload.error and "Create the archive again" in upload.hint


def test_an_unforeseen_error_while_reading_fails_the_upload_with_a_hint_and_a_logged_traceback(
    django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    logged_in: Client, uploader: User,
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise lzma.LZMAError("Invalid or unsupported options")  # no ValueError, no OSError

    monkeypatch.setattr("articles.services.uploads.parse", broken)
    with caplog.at_level(logging.ERROR, logger="articles.services.uploads"):
        upload = _received("notes.txt", ARTICLE, django_capture_on_commit_callbacks, uploader)
    assert upload.status == Upload.Status.FAILED and upload.hint == UNEXPECTED_PARSE_HINT
    assert upload.error == "notes.txt could not be read (LZMAError)." and bytes(upload.raw) == ARTICLE
    assert any(record.exc_info for record in caplog.records)
    page = logged_in.get(reverse("upload_review", args=[upload.batch])).content.decode()
    assert "notes.txt could not be read" in page and "copy its text into a .txt file" in page


def test_a_file_that_takes_too_long_is_still_failed_by_the_time_limit_not_as_a_bug(
    django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    def slow(*args: object, **kwargs: object) -> None:
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("articles.services.uploads.parse", slow)
    upload = _received("long.txt", ARTICLE, django_capture_on_commit_callbacks)
    assert upload.status == Upload.Status.FAILED and "took longer than" in upload.error


def _feed(count: int, start: int = 0) -> bytes:
    return json.dumps([{"title": f"Story {n}", "body": f"Report {n} on the talks."}
                       for n in range(start, start + count)]).encode()


def test_a_file_of_more_articles_than_the_cap_is_refused_on_the_page_with_what_to_do(
    logged_in: Client, settings: Any,
) -> None:
    settings.NEWSFRAME_MAX_UPLOAD_ARTICLES = 3
    response = logged_in.post(reverse("upload"), {"documents": [SimpleUploadedFile("feed.json", _feed(4))],
                                                   "event_name": "Caps"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "feed.json holds more than 3 articles; the limit is 3 a file." in page and "Split it into files" in page
    assert bytes(Upload.objects.get().raw) == _feed(4)


def test_the_files_of_one_upload_over_the_batch_cap_fail_from_the_one_that_passes_it(
    logged_in: Client, settings: Any,
) -> None:
    settings.NEWSFRAME_MAX_BATCH_ARTICLES = 3
    response = logged_in.post(reverse("upload"), {"documents": [
        SimpleUploadedFile("a.json", _feed(2)), SimpleUploadedFile("b.json", _feed(2, start=2))], "event_name": "Caps"})
    first, second = Upload.objects.order_by("pk")
    assert (first.status, len(first.draft)) == (Upload.Status.PARSED, 2)
    assert (second.status, second.draft) == (Upload.Status.FAILED, [])
    assert "over the limit of 3 an upload" in second.error and "several smaller uploads" in second.hint
    page = logged_in.get(response["Location"]).content.decode()
    assert "b.json</strong>: b.json holds 2 articles" in page and page.count('class="review-item"') == 2
