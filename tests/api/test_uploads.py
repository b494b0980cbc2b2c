"""Scripted uploads through /api/uploads: a token, the browser path's checks and
limits, and a status URL to poll."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from articles.models import ApiToken, Article, Event, Quote, Upload

pytestmark = pytest.mark.django_db

EVENT = "Tillerson–Lavrov press conference, Moscow, 12 April 2017"


def post(client: Client, auth: dict[str, str], data: dict[str, Any], query: str = "") -> Any:
    return client.post(f"/api/uploads{query}", data, **auth)


def test_an_upload_without_a_token_is_refused(client: Client, seed_bytes: bytes) -> None:
    response = client.post("/api/uploads", {"text": seed_bytes.decode(), "event_name": EVENT})
    assert response.status_code == 401 and not Upload.objects.exists()


def test_a_wrong_or_revoked_token_is_refused(client: Client, seed_bytes: bytes, token: str) -> None:
    data = {"text": seed_bytes.decode(), "event_name": EVENT}
    assert client.post("/api/uploads", data, HTTP_AUTHORIZATION="Bearer not-a-token").status_code == 401
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.post("/api/uploads", data, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert not Upload.objects.exists()


def test_only_the_tokens_digest_is_stored(token: str) -> None:
    row = ApiToken.objects.get()
    assert token not in (row.digest, row.prefix) and row.digest == ApiToken.digest_of(token)


def test_a_confirmed_upload_adds_and_analyses_the_seed_articles(
    client: Client, auth: dict[str, str], seed_bytes: bytes, uploader: User, django_capture_on_commit_callbacks: Any
) -> None:
    file = SimpleUploadedFile("tillerson.txt", seed_bytes, content_type="text/plain")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, auth, {"files": [file], "event_name": EVENT}, query="?confirm=1")
    assert response.status_code == 201, response.content
    batch = response.json()
    [upload] = batch["uploads"]
    assert upload["status"] == "confirmed" and upload["article_count"] == 3 and batch["review_url"] is None
    event = Event.objects.get(slug=batch["event"])
    assert event.articles.count() == 3 and Quote.objects.filter(article__event=event).exists()
    assert Upload.objects.get().uploader == uploader

    polled = client.get(upload["status_url"], **auth).json()
    assert polled["status"] == "confirmed" and polled["articles_analysed"] == 3
    assert polled["event"] == event.slug and polled["event_url"].endswith(event.get_absolute_url())


def test_an_upload_without_confirm_waits_for_review(client: Client, auth: dict[str, str], seed_bytes: bytes) -> None:
    response = post(client, auth, {"text": seed_bytes.decode(), "event_name": EVENT})
    assert response.status_code == 201
    batch = response.json()
    assert batch["uploads"][0]["status"] == "parsed" and batch["uploads"][0]["article_count"] == 3
    assert batch["review_url"].endswith(f"/upload/{batch['batch']}/review/")
    assert not Article.objects.exists()


def test_an_upload_can_add_to_an_existing_event_by_slug(
    client: Client, auth: dict[str, str], seed_bytes: bytes
) -> None:
    event = Event.objects.create(name="Existing", slug="existing")
    response = post(client, auth, {"text": seed_bytes.decode(), "event": "existing"}, query="?confirm=1")
    assert response.status_code == 201 and response.json()["event"] == "existing"
    assert event.articles.count() == 3


def test_an_unknown_event_slug_is_a_400(client: Client, auth: dict[str, str]) -> None:
    response = post(client, auth, {"text": "Some text.", "event": "nope"})
    assert response.status_code == 400 and "nope" in response.json()["detail"]


def test_the_upload_forms_checks_apply(client: Client, auth: dict[str, str]) -> None:
    nothing = post(client, auth, {"event_name": EVENT})
    assert nothing.status_code == 400 and "at least one file" in nothing.json()["detail"]
    assert not Upload.objects.exists()
    unnamed = post(client, auth, {"files": [SimpleUploadedFile("senate-vote.txt", b"Some text.")]})
    assert unnamed.status_code < 500
    assert Upload.objects.get().event_name == "senate vote", "named after the file, as on the page"


@pytest.mark.parametrize(("size", "status"), [(-1, 201), (0, 201), (1, 413)])
def test_the_per_file_size_cap_is_the_browsers(
    client: Client, auth: dict[str, str], seed_bytes: bytes, settings: Any, size: int, status: int
) -> None:
    """Files of the cap minus one byte, the cap, and one byte more."""
    settings.NEWSFRAME_MAX_UPLOAD_BYTES = cap = len(seed_bytes)
    body = (seed_bytes + b"\n")[: cap + size]
    response = post(client, auth, {"files": [SimpleUploadedFile("seed.txt", body)], "event_name": EVENT})
    assert response.status_code == status, response.content
    assert Upload.objects.exists() == (status == 201)


def test_an_unreadable_file_is_a_422_saying_what_to_do(client: Client, auth: dict[str, str]) -> None:
    file = SimpleUploadedFile("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    response = post(client, auth, {"files": [file], "event_name": EVENT}, query="?confirm=1")
    assert response.status_code == 422
    [upload] = response.json()["uploads"]
    assert upload["status"] == "failed" and upload["error"] and upload["hint"]
    assert not Event.objects.exists()


def test_someone_elses_upload_status_is_not_found(
    client: Client, auth: dict[str, str], seed_bytes: bytes
) -> None:
    other = User.objects.create_user("other", "o@example.org", "another-long-password")
    theirs = Upload.objects.create(batch="00000000-0000-0000-0000-000000000001", original_name="x.txt",
                                   raw=b"x", size=1, sha256="0" * 64, uploader=other)
    assert client.get(f"/api/uploads/{theirs.pk}", **auth).status_code == 404
    assert client.get(f"/api/uploads/{theirs.pk}").status_code == 401


def test_an_unreadable_multipart_body_is_a_json_400(client: Client, auth: dict[str, str]) -> None:
    response = client.post("/api/uploads", b"--x\r\nnot a form", content_type="multipart/form-data", **auth)
    assert response.status_code == 400 and "multipart" in response.json()["detail"]


def test_too_many_files_is_a_json_413(client: Client, auth: dict[str, str], settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1
    files = [SimpleUploadedFile(f"{i}.txt", b"Some text.") for i in range(2)]
    response = post(client, auth, {"files": files, "event_name": EVENT})
    assert response.status_code == 413 and "at most 1 files" in response.json()["detail"]
    assert not Upload.objects.exists()


def test_a_text_field_named_files_is_refused_not_ignored(client: Client, auth: dict[str, str]) -> None:
    response = post(client, auth, {"files": "{}", "text": "Some text.", "event_name": EVENT})
    assert response.status_code == 400 and response.json()["detail"].startswith("files:")


def test_an_uploads_status_names_the_articles_the_event_had_already(
    client: Client, auth: dict[str, str], seed_bytes: bytes
) -> None:
    """Read by a worker (the answer a 202), a confirmed upload whose articles the event
    had already polled as `confirmed` with 0 articles and nothing saying why."""
    Event.objects.create(name="Existing", slug="existing")
    post(client, auth, {"text": seed_bytes.decode(), "event": "existing"}, query="?confirm=1")
    again = post(client, auth, {"text": seed_bytes.decode(), "event": "existing"}, query="?confirm=1").json()
    polled = client.get(again["uploads"][0]["status_url"], **auth).json()
    assert polled["status"] == "confirmed" and polled["article_count"] == 0
    assert polled["duplicates"] == again["duplicates"] and len(polled["duplicates"]) == 3


def test_a_confirmed_upload_tells_the_notes_its_review_page_would_show(
    client: Client, auth: dict[str, str], django_capture_on_commit_callbacks: Any
) -> None:
    """`?confirm=1` skipped the review page, and with it what the page says: an item skipped
    in reading and an article too short to be one were added or dropped without a word."""
    body = " ".join(["The council approved the budget on Tuesday after a long debate."] * 5)
    items = [{"title": "Council approves the budget", "body": body}, {"title": "No text here"},
             {"title": "Read more", "body": "A teaser of six words only."}]
    file = SimpleUploadedFile("scraped.json", json.dumps(items).encode(), content_type="application/json")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, auth, {"files": [file], "event_name": EVENT}, query="?confirm=1")
    [upload] = response.json()["uploads"]
    assert upload["status"] == "confirmed" and upload["article_count"] == 2
    skipped, short = upload["notes"]
    assert skipped.startswith("skipped item 2 of scraped.json")
    assert short.startswith("Only 6 words: 'Read more' is too short for an article")
    assert short.endswith("it was added: staff can delete it in the admin if it is not an article.")
    assert client.get(upload["status_url"], **auth).json()["notes"] == upload["notes"]
