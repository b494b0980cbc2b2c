"""Refusals a person can meet (a form sent after the session changed, a page they may
not open) answer with the site's own page saying what to do, not Django's bare one."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from articles.models import Upload

pytestmark = pytest.mark.django_db


def test_a_form_sent_without_a_valid_csrf_token_gets_a_page_that_says_what_to_do(uploader: User) -> None:
    # e.g. the upload page left open while the person signed in again in another tab
    client = Client(enforce_csrf_checks=True)
    client.force_login(uploader)
    response = client.post(reverse("upload"), {"text": "Some coverage.", "event_name": "x"})
    page = response.content.decode()
    assert response.status_code == 403
    assert "Reload the page" in page and 'href="/"' in page
    assert "DEBUG" not in page
    assert f"Log out {uploader.username}" in page  # the page knows who is signed in


def test_an_upload_of_someone_else_is_refused_with_the_sites_page(logged_in: Client) -> None:
    other = User.objects.create_user("other", "o@example.org", "another-long-password")
    upload = Upload.objects.create(uploader=other, original_name="theirs.txt", raw=b"text", size=4, sha256="0" * 64,
                                   batch=uuid.uuid4(), status="parsed")
    response = logged_in.get(reverse("upload_raw", args=[upload.pk]))
    assert response.status_code == 403
    assert 'href="/"' in response.content.decode()
