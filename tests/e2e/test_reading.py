"""Uploads are read by a worker, not in the request: the page and the API answer at once,
show progress while the files are read, and /healthz stays quick meanwhile."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Callable

import pytest
import requests
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from articles.models import ApiToken, Article, Upload
from articles.processes import stop_group
from bench.ingest import big_html
from tests.browser.test_upload_flow import log_in
from tests.conftest import SEED
from tests.e2e.test_worker import GIVE_UP_AFTER_SECONDS

pytestmark = pytest.mark.e2e

Starter = Callable[[], subprocess.Popen[bytes]]


@pytest.mark.browser
def test_the_review_page_shows_reading_then_the_articles_then_creating_them_by_itself(
    page: Page, live_server: object, worker_starter: Starter
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    log_in(page, base)
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_label("New event name").fill("Read by a worker")
    page.get_by_role("button", name="Find the articles").click()

    # No worker yet: the upload is kept and waits; the page says so instead of hanging.
    expect(page.get_by_role("heading", name="Reading your files")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("0 of 1 read")
    assert Upload.objects.get().status == Upload.Status.RECEIVED

    worker = worker_starter()
    # The page polls and reloads itself into the review once the worker has read the file.
    expect(page.get_by_role("heading", name="Check the articles we found")).to_be_visible(
        timeout=GIVE_UP_AFTER_SECONDS * 1000)
    expect(page.locator(".review-item")).to_have_count(3)

    # The confirm returns at once: the worker creates the articles. With the worker
    # stopped, the page says so and waits; a new worker takes the task and the page goes
    # on to the event by itself.
    stop_group(worker, leader_first=True)
    page.locator(".review-item").first.get_by_label("Keep this article").uncheck()
    page.get_by_role("button", name="Confirm and analyse").click()
    expect(page.get_by_role("heading", name="Creating the articles")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Creating articles")
    assert Upload.objects.get().status == Upload.Status.CONFIRMING
    assert not Article.objects.exists()
    worker_starter()
    expect(page.get_by_role("heading", name="Read by a worker")).to_be_visible(timeout=GIVE_UP_AFTER_SECONDS * 1000)
    expect(page.get_by_text("2 articles added; their analysis is queued.")).to_be_visible()
    assert Article.objects.filter(event__name="Read by a worker").count() == 2


def test_a_large_html_upload_is_accepted_at_once_and_read_by_the_worker(
    live_server: object, worker_starter: Starter
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    token = ApiToken.issue(User.objects.create_user("api-reporter"), name="e2e")[1]
    data = big_html(100_000)
    worker = worker_starter()

    started = time.monotonic()
    response = requests.post(f"{base}/api/uploads", headers={"Authorization": f"Bearer {token}"},
                             files={"files": ("long.html", data, "text/html")},
                             data={"event_name": "A long page"}, timeout=GIVE_UP_AFTER_SECONDS)
    accepted_after = time.monotonic() - started
    assert response.status_code == 202, response.text
    upload = response.json()["uploads"][0]
    assert upload["status"] == "received" and upload["size"] == len(data)

    health: list[float] = []
    status = upload["status"]
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while status == "received" and time.monotonic() < deadline:
        assert worker.poll() is None, "the worker died; see var/e2e-worker.log"
        asked = time.monotonic()
        assert requests.get(f"{base}/healthz", timeout=GIVE_UP_AFTER_SECONDS).text == "ok"
        health.append(time.monotonic() - asked)
        status = requests.get(upload["status_url"], headers={"Authorization": f"Bearer {token}"},
                              timeout=GIVE_UP_AFTER_SECONDS).json()["status"]
        time.sleep(0.5)
    read_after = time.monotonic() - started

    assert status == "parsed", status
    assert health, "the upload was read before /healthz could be asked: nothing was measured"
    print(f"\n{len(data) / 1e6:.1f} MB HTML: accepted in {accepted_after:.2f} s, read by the worker after "
          f"{read_after:.1f} s; /healthz meanwhile: {len(health)} answers, slowest {max(health) * 1000:.0f} ms")
    stored = Upload.objects.get(pk=upload["id"])
    assert bytes(stored.raw) == data
    assert len(stored.draft) == 1 and stored.draft[0]["body"].count("\n\n") == 100_000 - 1


def test_an_api_upload_with_confirm_is_confirmed_by_the_worker_once_read(
    live_server: object, worker_starter: Starter
) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    token = ApiToken.issue(User.objects.create_user("api-confirmer"), name="e2e")[1]
    headers = {"Authorization": f"Bearer {token}"}
    sent = {"files": ("seed.txt", SEED.read_bytes(), "text/plain")}
    response = requests.post(f"{base}/api/uploads?confirm=1", headers=headers, files=sent,
                             data={"event_name": "Confirmed by the worker"}, timeout=GIVE_UP_AFTER_SECONDS)
    assert response.status_code == 202, response.text
    assert response.json()["review_url"] is None
    worker = worker_starter()
    status_url = response.json()["uploads"][0]["status_url"]
    deadline = time.monotonic() + GIVE_UP_AFTER_SECONDS
    while (upload := requests.get(status_url, headers=headers, timeout=60).json())["status"] == "received":
        assert worker.poll() is None and time.monotonic() < deadline, "see var/e2e-worker.log"
        time.sleep(0.5)
    assert upload["status"] == "confirmed" and upload["article_count"] == 3
    assert upload["event"] == "confirmed-by-the-worker"
