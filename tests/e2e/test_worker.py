"""The seed, uploaded through the views, analysed by a real Celery worker."""

from __future__ import annotations

import subprocess
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article, Event, Job, Quote, StoryPoint

pytestmark = pytest.mark.e2e

# A bound so a broken worker fails the test instead of hanging CI; not a speed limit.
GIVE_UP_AFTER_SECONDS = 600


def wait_for_jobs(event: Event, worker: subprocess.Popen[bytes]) -> list[Job]:
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker died; see var/e2e-worker.log"
        jobs = list(Job.objects.filter(event=event))
        if jobs and all(j.status in ("done", "failed") for j in jobs) and any(j.kind == "align" for j in jobs):
            return jobs
        time.sleep(0.5)
    pytest.fail("the worker did not finish; see var/e2e-worker.log")


def wait_for_review(client: Client, url: str, worker: subprocess.Popen[bytes]) -> object:
    """The review page once the worker has read the files (until then it shows progress)."""
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker died; see var/e2e-worker.log"
        review = client.get(url)
        if review.context and "formset" in review.context:
            return review
        assert b"Reading your files" in review.content
        time.sleep(0.5)
    pytest.fail("the worker did not read the upload; see var/e2e-worker.log")


def wait_for_articles(client: Client, url: str, worker: subprocess.Popen[bytes]) -> str:
    """Where the review page sends the reader once the worker has created the articles
    of a confirmed review (until then it shows "Creating the articles")."""
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker died; see var/e2e-worker.log"
        page = client.get(url)
        if page.status_code == 302:
            return str(page["Location"])
        assert b"Creating the articles" in page.content
        time.sleep(0.5)
    pytest.fail("the worker did not create the articles; see var/e2e-worker.log")


def test_a_real_worker_analyses_the_seed_uploaded_through_the_views(
    celery_worker_process: subprocess.Popen[bytes], client: Client, seed_bytes: bytes
) -> None:
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_user("e2e-reporter"))
    response = client.post(reverse("upload"), {
        "documents": [SimpleUploadedFile("seed.txt", seed_bytes)], "event_name": "Seed, by a worker"})
    review = wait_for_review(client, response["Location"], celery_worker_process)
    formset = review.context["formset"]  # type: ignore[attr-defined]
    data = {f"a-{k}": v for k, v in formset.management_form.initial.items()}
    data["event_name"] = "Seed, by a worker"
    for i, form in enumerate(formset.forms):
        for name in ("key", "title", "byline", "outlet", "published"):
            data[f"a-{i}-{name}"] = form.initial.get(name) or ""
        data[f"a-{i}-keep"] = "on"
    confirmed = client.post(response["Location"], data)
    assert confirmed["Location"] == response["Location"], "the worker creates the articles"
    opened = wait_for_articles(client, response["Location"], celery_worker_process)
    event = Event.objects.get(name="Seed, by a worker")
    assert opened == event.get_absolute_url()

    jobs = wait_for_jobs(event, celery_worker_process)

    assert [j.status for j in jobs if j.kind == "analyze"] == ["done"] * 3
    assert all(a.analysis_version for a in Article.objects.filter(event=event))
    for article in Article.objects.filter(event=event):
        assert Quote.objects.filter(article=article).exists(), article.title
    assert StoryPoint.objects.filter(event=event).exists()
    page = client.get(event.get_absolute_url())
    assert page.status_code == 200 and b"not reported" in page.content
