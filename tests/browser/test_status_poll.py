"""The event page's progress box, polled while the analysis runs: updated in place (a
screen reader announces changes to a live region it knows, not to a new element), and a
failed poll (a 503 while the server restarts) is retried, not the end of the updates."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from articles.models import Article, Event, Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_progress_box_is_updated_in_place_and_polling_survives_a_failed_poll(page: Page, live_server) -> None:
    event = Event.objects.create(name="Polled", slug="polled")
    for i in range(2):
        article = Article.objects.create(event=event, position=i, title=f"A{i}", body="Some text.",
                                         content_hash=f"h{i}", word_count=2)
        Job.objects.create(kind="analyze", event=event, article=article, status="queued")
    failed: list[str] = []

    def fail_once(route: Route) -> None:
        if not failed:
            failed.append(route.request.url)
            route.fulfill(status=503, body="restarting")
        else:
            route.continue_()

    page.route("**/events/polled/status/", fail_once)
    page.goto(f"{live_server.url}/events/polled/")
    box = page.locator("#event-status")
    expect(box).to_have_attribute("role", "status")
    page.evaluate("document.getElementById('event-status').dataset.marked = 'the first box'")
    expect(box).to_contain_text("0 of 2")
    Job.objects.filter(article__position=0).update(status="done")
    expect(box).to_contain_text("1 of 2", timeout=20_000)
    assert failed, "the first poll was answered 503"
    assert page.evaluate("document.getElementById('event-status').dataset.marked") == "the first box"
