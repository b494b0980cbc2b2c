"""On a phone there is no hover: a tap on a quote's "?" badge (no named speaker) shows
the source as the text names it, which only a tooltip held before."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from articles.models import Article, Event, Job, Quote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_tap_on_the_unnamed_sources_badge_shows_the_source(page: Page, live_server: object) -> None:
    event = Event.objects.create(name="Unnamed sources", slug="unnamed-sources")
    body = "The plan will fail, administration officials said on Monday."
    article = Article.objects.create(event=event, position=0, title="Plan", body=body, content_hash="u0",
                                     word_count=len(body.split()), analysis_version="test")
    Job.objects.create(kind="analyze", event=event, article=article, status="done")
    Job.objects.create(kind="align", event=event, status="done")
    Quote.objects.create(article=article, text="The plan will fail", start=0, end=18, kind="indirect",
                         source_type="anonymous", source_phrase="administration officials",
                         speaker_mention="administration officials", confidence=0.9)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}")  # type: ignore[attr-defined]
    badge = page.locator("abbr.badge[tabindex]", has_text="?").first
    tip = "getComputedStyle(document.activeElement, '::after').content"
    badge.click()  # a tap focuses it the same way (this page has no touch screen)
    assert "administration officials" in page.evaluate(tip)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
