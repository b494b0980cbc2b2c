"""The request guards and headers: 413 pages, the upload rate limit, CSP and the
security headers, raw uploads as attachments, and the sweep of lost jobs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Job, Upload
from articles.services import analysis, jobs
from articles.services.uploads import drafts_of, upload_confirm

pytestmark = pytest.mark.django_db


def test_a_request_declaring_more_than_the_cap_gets_a_readable_413_before_its_body_is_read(
    logged_in: Client,
) -> None:
    response = logged_in.post(reverse("upload"), b"", content_type="application/octet-stream",
                              CONTENT_LENGTH=str(settings.NEWSFRAME_MAX_REQUEST_BYTES + 1))
    assert response.status_code == 413
    assert b"That upload is too large" in response.content
    assert not Upload.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=2048)
def test_pasted_text_over_the_form_limit_gets_413_not_a_bare_400(logged_in: Client) -> None:
    response = logged_in.post(reverse("upload"), {"text": "x" * 5000, "event_name": "Pasted"})
    assert response.status_code == 413
    assert b"of pasted text" in response.content
    assert not Upload.objects.exists()


@override_settings(DATA_UPLOAD_MAX_NUMBER_FILES=2)
def test_too_many_files_at_once_gets_413(logged_in: Client) -> None:
    files = [SimpleUploadedFile(f"f{i}.txt", b"text") for i in range(3)]
    response = logged_in.post(reverse("upload"), {"documents": files, "event_name": "Many"})
    assert response.status_code == 413


@override_settings(NEWSFRAME_UPLOADS_PER_HOUR=3)
def test_a_user_past_the_hourly_upload_limit_gets_429_and_others_do_not(
    logged_in: Client, seed_bytes: bytes, django_user_model: type,
) -> None:
    def upload(client: Client) -> int:
        return client.post(reverse("upload"), {
            "documents": [SimpleUploadedFile("seed.txt", seed_bytes)], "event_name": "Rate"}).status_code

    assert [upload(logged_in) for _ in range(4)] == [302, 302, 302, 429]
    assert Upload.objects.count() == 3
    other = Client()
    other.force_login(django_user_model.objects.create_user("other-reporter"))
    assert upload(other) == 302


def test_pages_send_a_csp_without_inline_scripts_and_the_security_headers(client: Client) -> None:
    response = client.get(reverse("home"))
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["default-src"]
    assert policy["object-src"] == "'none'" and policy["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_error_pages_are_readable_and_carry_the_csp(client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_raw_upload_is_served_as_an_attachment_that_is_never_sniffed(logged_in: Client) -> None:
    hostile = b"<html><script>alert(1)</script></html>"
    logged_in.post(reverse("upload"), {
        "documents": [SimpleUploadedFile("<script>x</script>.html", hostile, "text/html")], "event_name": "Raw"})
    upload = Upload.objects.get()
    response = logged_in.get(reverse("upload_raw", args=[upload.pk]))
    assert response.content == hostile
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == f'attachment; filename="upload-{upload.pk}.bin"'
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.fixture
def analysed(logged_in: Client, seed_bytes: bytes, django_capture_on_commit_callbacks: Any) -> Article:
    """One article of the seed, analysed in-process (its tasks run when the transaction commits)."""
    with django_capture_on_commit_callbacks(execute=True):
        return _analysed_article(logged_in, seed_bytes)


def _analysed_article(logged_in: Client, seed_bytes: bytes) -> Article:
    response = logged_in.post(reverse("upload"), {
        "documents": [SimpleUploadedFile("seed.txt", seed_bytes)], "event_name": "Sweep"})
    received = list(Upload.objects.filter(batch=response["Location"].split("/")[2]))
    drafts = drafts_of(received)[:1]
    result = upload_confirm(uploads=received, drafts=drafts, event_name="Sweep", user=None)
    return result.created[0]


def test_the_sweep_sends_a_lost_job_again_and_leaves_fresh_ones_alone(
    analysed: Article, django_capture_on_commit_callbacks: Any,
) -> None:
    article = analysed
    # A task lost while running: its worker was killed, the row still says running and
    # nothing has beaten for it since.
    long_ago = timezone.now() - dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS + 60)
    Job.objects.filter(article=article).update(status=Job.Status.RUNNING, attempts=1,
                                               queued_at=long_ago, started_at=long_ago, heartbeat_at=long_ago)
    fresh = Job.objects.filter(kind=Job.Kind.ALIGN).get()
    assert fresh.status == Job.Status.DONE

    with django_capture_on_commit_callbacks(execute=True):
        call_command("sweep_jobs")

    job = Job.objects.get(article=article)
    assert job.status == Job.Status.DONE and job.attempts == 2
    assert jobs.jobs_sweep(stuck_after=dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS)) == 0


def test_the_sweep_does_not_resend_a_running_job_whose_worker_beats(analysed: Article) -> None:
    article = analysed
    queued_long_ago = timezone.now() - dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS + 60)
    Job.objects.filter(article=article).update(status=Job.Status.RUNNING, queued_at=queued_long_ago,
                                               started_at=queued_long_ago, heartbeat_at=timezone.now())
    assert jobs.jobs_sweep(stuck_after=dt.timedelta(seconds=settings.NEWSFRAME_STUCK_AFTER_SECONDS)) == 0


def test_a_job_delivered_more_than_three_times_is_marked_failed_without_running(analysed: Article) -> None:
    article = analysed
    # The last delivery's worker died: it has not beaten since.
    Job.objects.filter(article=article).update(status=Job.Status.RUNNING, attempts=jobs.MAX_ATTEMPTS,
                                               heartbeat_at=timezone.now() - dt.timedelta(hours=1))
    assert analysis.article_analyze(article_id=article.pk) is False
    job = Job.objects.get(article=article)
    assert job.status == Job.Status.FAILED and "gave up after 3 attempts" in job.error
    # The event is not left waiting for it: its alignment is queued without it.
    assert Job.objects.get(event=article.event, kind=Job.Kind.ALIGN).status == Job.Status.QUEUED
