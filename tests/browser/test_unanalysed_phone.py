"""During the first analysis, on a phone: each queued article's summary card says it is
not analysed yet (no "No quotes found."), and nothing makes the page scroll sideways."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from articles.models import Article, Event, Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_queued_articles_say_not_analysed_yet_on_a_phone(page: Page, live_server: object) -> None:
    event = Event.objects.create(name="First run", slug="first-run")
    for i in range(3):
        article = Article.objects.create(event=event, position=i, title=f"Story {i}", body="Some text here.",
                                         content_hash=f"f{i}", word_count=3)
        Job.objects.create(kind="analyze", event=event, article=article, status="queued")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}")  # type: ignore[attr-defined]
    expect(page.locator("#event-status")).to_contain_text("0 of 3 articles done")
    cards = page.locator(".summary-card")
    expect(cards).to_have_count(3)
    for i in range(3):
        expect(cards.nth(i).get_by_role("note")).to_contain_text("Not analysed yet")
    expect(page.get_by_text("No quotes found.")).to_have_count(0)
    expect(page.get_by_text("None found.")).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
