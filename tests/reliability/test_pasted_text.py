"""Pasted text on the server: the file part the page's JS sends is handled like any uploaded
file (streamed to disk, kept byte for byte, named pasted.txt, under the per-file cap), and
the form field sent without JS is bounded too. The browser half is tests/browser/test_paste_as_file.py;
the field over DATA_UPLOAD_MAX_MEMORY_SIZE (a 413 page) is in test_guards.py."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from articles.models import Upload

pytestmark = pytest.mark.django_db


def _paste(client: Client, text: bytes, *, as_file: bool, event_name: str) -> HttpResponse:
    """What the upload page sends with JS (a file part, whatever the client names it) or without."""
    pasted = {"pasted": SimpleUploadedFile("../../clipboard.exe", text, "text/plain")} if as_file else {
        "text": text.decode()}
    return client.post(reverse("upload"), {**pasted, "event_name": event_name})


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2048, FILE_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_a_pasted_file_part_larger_than_the_form_limit_is_kept_as_received_under_our_name(
    logged_in: Client, seed_bytes: bytes,
) -> None:
    response = _paste(logged_in, seed_bytes, as_file=True, event_name="Pasted as a file")
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert (upload.original_name, bytes(upload.raw)) == ("pasted.txt", seed_bytes)
    assert upload.status == Upload.Status.PARSED
    assert len(upload.draft) == 3


def test_without_js_pasted_text_is_stored_as_pasted_txt(logged_in: Client, seed_bytes: bytes) -> None:
    response = _paste(logged_in, seed_bytes, as_file=False, event_name="Pasted field")
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert (upload.original_name, bytes(upload.raw)) == ("pasted.txt", seed_bytes)


@pytest.mark.parametrize("as_file", [True, False], ids=["file part", "form field"])
@override_settings(NEWSFRAME_MAX_UPLOAD_BYTES=1000)
def test_pasted_text_over_the_per_file_cap_gets_413_and_is_not_stored(
    logged_in: Client, seed_bytes: bytes, as_file: bool,
) -> None:
    response = _paste(logged_in, seed_bytes, as_file=as_file, event_name="Too long")
    assert response.status_code == 413
    assert b"pasted.txt: larger than the" in response.content
    assert not Upload.objects.exists()


def test_a_pasted_file_part_comes_back_in_the_box_when_the_form_is_refused(
    logged_in: Client, seed_bytes: bytes,
) -> None:
    response = logged_in.post(reverse("upload"), {
        "pasted": SimpleUploadedFile("blob", seed_bytes, "text/plain"), "event": "999999"})
    assert response.status_code == 400
    assert "That event is no longer there" in response.content.decode()
    assert response.context["form"]["text"].value() == seed_bytes.decode()
    assert not Upload.objects.exists()


def test_pasted_text_with_no_event_name_is_kept_under_a_name_to_change_in_review(
    logged_in: Client, seed_bytes: bytes,
) -> None:
    response = _paste(logged_in, seed_bytes, as_file=True, event_name="")
    assert response.status_code == 302
    assert Upload.objects.get().event_name == "Pasted coverage"
