"""Pasted text travels as a file part: with JavaScript, a text larger than the form-field
limit reaches the review page (streamed to disk by Django's upload handlers); without it,
the same text is the old form field and gets the readable 413 page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import TemporaryUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from playwright.sync_api import Browser, Page, expect

from articles.models import Upload
from tests.browser.test_upload_flow import log_in
from tests.browser_fixtures import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the live server's upload handler received: (field, file name, content type, size, on disk).
stored_parts: list[tuple[str, str, str, int, bool]] = []


class RecordingTemporaryFileUploadHandler(TemporaryFileUploadHandler):
    """Django's handler that streams a file part to a temporary file, noting each part it stored."""

    def file_complete(self, file_size: int) -> Any:
        stored = super().file_complete(file_size)
        on_disk = isinstance(stored, TemporaryUploadedFile) and Path(stored.temporary_file_path()).is_file()
        stored_parts.append((self.field_name, self.file_name or "", self.content_type or "", file_size, on_disk))
        return stored


def test_pasted_text_over_the_form_field_limit_goes_up_as_a_file_part(
    page: Page, browser: Browser, live_server: Any, settings: Any, seed_bytes: bytes,
) -> None:
    text = seed_bytes.decode()
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = len(seed_bytes) // 3
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = len(seed_bytes) // 6
    settings.FILE_UPLOAD_HANDLERS = [
        "django.core.files.uploadhandler.MemoryFileUploadHandler",
        f"{__name__}.RecordingTemporaryFileUploadHandler",
    ]
    stored_parts.clear()
    base = live_server.url
    log_in(page, base)

    # The control: the same text from a page without JavaScript is a form field over the limit.
    no_js = browser.new_context(java_script_enabled=False)
    no_js.add_cookies(page.context.cookies())
    plain = no_js.new_page()
    plain.goto(f"{base}/upload/")
    plain.get_by_label("Or paste the coverage").fill(text)
    plain.get_by_label("New event name").fill("Pasted without JS")
    with plain.expect_response(lambda r: r.request.method == "POST") as refused:
        plain.get_by_role("button", name="Find the articles").click()
    assert refused.value.status == 413
    expect(plain.get_by_role("heading", name="That upload is too large")).to_be_visible()
    no_js.close()
    assert not Upload.objects.exists()

    page.get_by_label("Or paste the coverage").fill(text)
    page.get_by_label("New event name").fill("Pasted in a browser")
    page.get_by_role("button", name="Find the articles").click()

    expect(page.get_by_role("heading", name="Check the articles we found")).to_be_visible()
    expect(page.locator(".review-item")).to_have_count(3)
    shot(page, "paste-as-file-review")
    assert stored_parts == [("pasted", "pasted.txt", "text/plain", len(seed_bytes), True)]
    upload = Upload.objects.get()
    assert (upload.original_name, bytes(upload.raw)) == ("pasted.txt", seed_bytes)
