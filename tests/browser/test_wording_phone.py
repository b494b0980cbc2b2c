"""The table of loaded words by actor on a phone in chromium: the page never scrolls
sideways, one outlet is shown beside the actors (chosen above the table), and a word's
sentences open from the keyboard with their state exposed; without scripts the table
scrolls sideways in its own box, which says so."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from articles.models import Actor, Article, Claim, Event, Job, Outlet, Signal
from tests.browser_fixtures import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
OUTLETS = ["The Northern Evening Chronicle and Weekly Advertiser", "Wire Two"]
# (body, [(loaded word, its sentence)]) per article; each sentence names Ann Example.
ARTICLES = [
    ("Ann Example slammed the harbour plan.\n\nAnn Example called it a fiasco, critics said.",
     ["slammed", "fiasco"]),
    ("Ann Example criticised the harbour plan.\n\nFor Ann Example the vote was a debacle.",
     ["debacle"]),
]


def _event() -> Event:
    event = Event.objects.create(name="Harbour plan", slug="harbour-plan")
    actor = Actor.objects.create(event=event, name="Ann Example", kind="person")
    for i, (body, words) in enumerate(ARTICLES):
        article = Article.objects.create(event=event, outlet=Outlet.objects.create(name=OUTLETS[i]), position=i,
                                         title=f"Harbour story {i}", body=body, content_hash=f"h{i}",
                                         word_count=len(body.split()))
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        at = 0
        for sentence in body.split("\n\n"):
            at = body.index(sentence, at)
            Claim.objects.create(article=article, text=sentence, start=at, end=at + len(sentence), voice="own")
            Signal.objects.create(article=article, kind="label", text=actor.name, start=at,
                                  end=at + len(actor.name), category="name", actor=actor)
        for word in words:
            start = body.index(word)
            Signal.objects.create(article=article, kind="loaded", text=word, start=start, end=start + len(word),
                                  category="emotive")
    Job.objects.create(kind="align", event=event, status="done")
    return event


def _page_overflow(page: Page) -> Any:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_a_phone_shows_one_outlets_words_and_opens_a_word_from_the_keyboard(page: Page, live_server: Any) -> None:
    event = _event()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    table = page.locator("table.wording")
    headers = table.locator("thead th")
    expect(headers.nth(1)).to_be_visible()
    expect(headers.nth(2)).to_be_hidden()
    assert _page_overflow(page) <= 0
    region = page.get_by_role("region", name="Loaded words and scare quotes in each outlet’s own voice, by actor")
    assert region.evaluate("e => e.scrollWidth - e.clientWidth") <= 0  # nothing hides off to the side
    # Keyboard only: the arrow key moves the outlet choice, Tab reaches the first shown word.
    chooser = page.locator(".wording-part .column-chooser")
    chooser.get_by_role("radio", name=OUTLETS[0]).focus()
    page.keyboard.press("ArrowDown")
    expect(chooser.get_by_role("radio", name=OUTLETS[1])).to_be_checked()
    expect(headers.nth(2)).to_be_visible()
    expect(headers.nth(1)).to_be_hidden()
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.tagName") == "SUMMARY":
            break
    word = table.locator("details.word", has_text="debacle").first  # the whole article's row
    summary = word.locator("summary")
    expect(summary).to_be_focused()
    expect(summary).to_have_text("debacle only here")
    sentence = word.get_by_role("link", name="For Ann Example the vote was a debacle.")
    expect(sentence).to_be_hidden()
    page.keyboard.press("Enter")
    expect(sentence).to_be_visible()
    assert _expanded(page, "debacle") is True
    assert _page_overflow(page) <= 0
    shot(page, "wording-phone")
    page.keyboard.press("Enter")
    expect(sentence).to_be_hidden()
    assert _expanded(page, "debacle") is False


def _expanded(page: Page, term: str) -> bool | None:
    """What chromium tells a screen reader about the first disclosure of the word: its expanded state."""
    cdp = page.context.new_cdp_session(page)
    try:
        for node in cdp.send("Accessibility.getFullAXTree")["nodes"]:
            if node.get("role", {}).get("value") == "DisclosureTriangle" and \
                    node.get("name", {}).get("value", "").startswith(term):
                states = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
                return states.get("expanded")
        return None
    finally:
        cdp.detach()


def test_without_scripts_the_table_scrolls_in_its_own_box_with_a_cue(browser: Browser, live_server: Any) -> None:
    event = _event()
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}{event.get_absolute_url()}")
        region = page.get_by_role("region", name="Loaded words and scare quotes in each outlet’s own voice, by actor")
        assert region.evaluate("e => e.scrollWidth - e.clientWidth") > 0
        assert _page_overflow(page) <= 0
        expect(page.locator(".wording-part .scroll-cue")).to_be_visible()
        expect(page.locator(".wording-part .column-chooser")).to_be_hidden()
        region.locator("tbody th", has_text="Ann Example").scroll_into_view_if_needed()
        region.evaluate("e => { e.scrollLeft = e.scrollWidth }")
        expect(region.locator("tbody th", has_text="Ann Example")).to_be_in_viewport()  # the row header stays
    finally:
        context.close()
