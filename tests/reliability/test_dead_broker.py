"""Uploads while Redis is down: every page answers normally (no 500), the upload and its
articles are stored, their jobs stay queued; once Redis is back, the sweep sends them and a
real worker analyses them and aligns the event.

The slow test runs a live server and chromium against a broker that is stopped (its own
redis-server, on the port of CELERY_BROKER_URL), then starts it and a worker. The fast one
does the same requests in-process with the broker on a port nobody listens on."""

from __future__ import annotations

import io
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Page, expect

from articles import queueing
from articles.models import Article, Event, Job, Quote, StoryPoint, Upload
from articles.services import uploads
from newsframe.celery import app as celery_app
from tests.browser.test_upload_flow import log_in
from tests.conftest import SEED
from tests.reliability.conftest import ThrowawayRedis
from tests.reliability.test_worker_faults import _wait
from tests.views.test_upload import _post_upload, _review_post

SHARED_REDIS_PORT = 6379


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _sweep() -> str:
    """`manage.py sweep_jobs` with every queued job counting as stuck."""
    out = io.StringIO()
    call_command("sweep_jobs", older_than=0, stdout=out)
    return out.getvalue()


def _read_as_a_worker_would() -> None:
    """Run the reading task's service here: the upload's send failed with the broker."""
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.RECEIVED
    assert uploads.upload_read(upload_id=upload.pk)
    queueing.try_broker_again()  # what the sweep does before it sends


def _confirm_as_a_worker_would() -> Event:
    """Run the confirm task's service here: its send failed with the broker."""
    upload = Upload.objects.get()
    assert upload.status == Upload.Status.CONFIRMING and not Article.objects.exists()
    assert uploads.upload_confirm_reviewed(batch=str(upload.batch))
    return Event.objects.get(name="Broker down")


def _assert_stored_and_queued(event: Event) -> None:
    assert Upload.objects.get().status == Upload.Status.CONFIRMED
    assert Article.objects.filter(event=event).count() == 3
    jobs = Job.objects.filter(event=event)
    assert [(j.kind, j.status, j.attempts) for j in jobs] == [("analyze", "queued", 0)] * 3


@pytest.fixture
def stopped_broker(tmp_path: Path) -> Iterator[ThrowawayRedis]:
    """A redis-server of our own on the broker's port, not started yet."""
    port = urlparse(settings.CELERY_BROKER_URL).port
    if port is None or port == SHARED_REDIS_PORT:
        pytest.fail("this test stops and starts its broker: run it with CELERY_BROKER_URL on a port of its own, "
                    "e.g. redis://127.0.0.1:6391/0, never the shared Redis")
    if _listening(port):
        pytest.fail(f"something already listens on port {port}; this test needs the broker down")
    redis = ThrowawayRedis(port=port, directory=tmp_path)
    try:
        yield redis
    finally:
        if redis.process is not None:
            redis.kill()


@pytest.mark.slow
@pytest.mark.e2e
@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_uploads_while_the_broker_is_down_are_stored_and_analysed_once_it_is_back(
    page: Page, live_server: Any, stopped_broker: ThrowawayRedis, request: pytest.FixtureRequest,
) -> None:
    celery_app.conf.task_always_eager = False  # the live server sends real tasks (to nobody)
    statuses: list[tuple[int, str]] = []
    page.on("response", lambda response: statuses.append((response.status, response.url)))
    base = live_server.url
    log_in(page, base)
    page.set_input_files("input[name=documents]", str(SEED))
    page.get_by_label("New event name").fill("Broker down")
    page.get_by_role("button", name="Find the articles").click()
    # The file is kept, its reading waits for a worker the dead broker cannot reach.
    expect(page.get_by_role("heading", name="Reading your files")).to_be_visible()
    _read_as_a_worker_would()
    expect(page.get_by_role("heading", name="Check the articles we found")).to_be_visible()

    started = time.monotonic()
    with page.expect_response(lambda r: r.request.method == "POST") as confirm:
        page.get_by_role("button", name="Confirm and analyse").click()
    confirm_seconds = time.monotonic() - started
    # The confirm's task could not be sent: the review is kept, "confirming", for the sweep.
    expect(page.get_by_role("heading", name="Creating the articles")).to_be_visible()
    assert confirm.value.status == 302
    assert [s for s in statuses if s[0] >= 500] == []
    assert Upload.objects.get().status == Upload.Status.CONFIRMING and not Article.objects.exists()

    stopped_broker.start()
    worker = request.getfixturevalue("celery_worker_process")
    back = time.monotonic()
    swept = _sweep()
    # The worker creates the articles; the page, still polling, goes on to the event.
    expect(page.get_by_role("heading", name="Broker down")).to_be_visible(timeout=120_000)
    event = Event.objects.get(name="Broker down")
    _wait(event, worker)
    analysed_seconds = time.monotonic() - back

    assert swept.strip() == "sent 0 stuck job(s) and 1 upload(s) to read or confirm again"
    assert sorted(Job.objects.filter(event=event).values_list("kind", "status")) == (
        [("align", "done")] + [("analyze", "done")] * 3)
    for article in Article.objects.filter(event=event):
        assert article.analysis_version and article.analyzed_at, article.title
        assert Quote.objects.filter(article=article).exists(), article.title
    assert StoryPoint.objects.filter(event=event).exists()
    page.goto(f"{base}{event.get_absolute_url()}")
    expect(page.locator("table.side-by-side thead th")).to_have_count(4)
    assert [s for s in statuses if s[0] >= 500] == []
    print(f"\ndead broker: confirming 3 articles took {confirm_seconds:.2f} s "
          "(its one send refused, the confirm left to the sweep); "
          f"{len(statuses)} responses, none 5xx; after the restart, sweep + worker analysed and aligned "
          f"in {analysed_seconds:.1f} s")


@pytest.fixture
def broker_down(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Tasks sent from this process go to a port nobody listens on."""
    with socket.socket() as spare:
        spare.bind(("127.0.0.1", 0))
        url = f"redis://127.0.0.1:{spare.getsockname()[1]}/0"
    monkeypatch.setenv("CELERY_BROKER_WRITE_URL", url)  # Celery reads it before its own settings
    celery_app.conf.task_always_eager = False
    celery_app._after_fork()  # forget pooled connections to the live broker (Celery has no public reset)
    yield url
    monkeypatch.delenv("CELERY_BROKER_WRITE_URL")
    celery_app._after_fork()
    queueing.try_broker_again()  # later tests in this process have a broker


@pytest.mark.django_db
def test_with_the_broker_down_the_upload_flow_answers_and_leaves_the_jobs_queued(
    logged_in: Client, seed_bytes: bytes, broker_down: str, django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as read_sends:
        review_url = _post_upload(logged_in, "seed.txt", seed_bytes, event_name="Broker down")["Location"]  # type: ignore[index]
    assert len(read_sends) == 1
    assert b"Reading your files" in logged_in.get(review_url).content
    _read_as_a_worker_would()
    caplog.clear()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True) as sends:
        confirmed = _review_post(logged_in, review_url, "Broker down")
    confirm_seconds = time.monotonic() - started
    assert confirmed.status_code == 302  # type: ignore[attr-defined]
    assert len(sends) == 1  # the confirm_upload task, which creates the articles on a worker
    messages = [r.getMessage() for r in caplog.records if r.name == "articles.queueing"]
    assert sum("could not queue" in m for m in messages) == 1, messages
    assert b"Creating the articles" in logged_in.get(review_url).content
    event = _confirm_as_a_worker_would()  # what the sweep's resend runs once the broker is back
    assert logged_in.get(event.get_absolute_url()).status_code == 200
    _assert_stored_and_queued(event)
    print(f"\ndead broker, in-process: confirming 3 articles took {confirm_seconds:.2f} s")
