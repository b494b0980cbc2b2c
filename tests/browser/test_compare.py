"""A researcher compares the seed event in chromium: highlights on and off, the
omission filter, the article and actor pages, a phone-width layout, the keyboard."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect

from tests.browser_fixtures import SCREENSHOTS, shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENT = "Tillerson–Lavrov press conference"
# Each toggle, and the element whose look it changes.
TOGGLES = {
    "hl-quote": ("Quotes by speaker", "#compare span.hl-quote"),
    "hl-verb": ("Reporting verbs by stance", "#compare span.hl-verb"),
    "hl-hedge": ("Hedges and scare quotes", "#compare span.hl-hedge"),
    "hl-loaded": ("Loaded words in the outlet’s voice", "#compare span.hl-loaded"),
    "hl-own": ("Own-voice claims", "td.hl-own"),
}
STYLE = """e => { const s = getComputedStyle(e);
  return [s.backgroundColor, s.boxShadow, s.borderBottomStyle, s.textDecorationLine, s.outlineStyle,
          s.fontWeight].join('|'); }"""


@pytest.fixture
def seed_url(live_server: object) -> str:
    call_command("load_seeds")
    return live_server.url  # type: ignore[attr-defined, no-any-return]


def open_event(page: Page, base: str) -> None:
    page.goto(base)
    page.get_by_role("link", name=EVENT).click()
    expect(page.get_by_role("heading", name="Side by side")).to_be_visible()


def test_each_highlight_can_be_switched_off_and_on(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    shot(page, "event")
    page.evaluate("document.querySelectorAll('details.only-in').forEach(d => { d.open = true; })")
    page.evaluate("document.getElementById('compare').scrollIntoView()")
    page.screenshot(path=str(SCREENSHOTS / "event-compare.png"))  # the viewport: what the README shows
    for css, (label, selector) in TOGGLES.items():
        target = page.locator(selector).first
        expect(target).to_be_visible()
        before = target.evaluate(STYLE)
        box = page.get_by_role("checkbox", name=label, exact=True)
        box.uncheck()
        assert f"off-{css}" in (page.locator("body").get_attribute("class") or "")
        assert target.evaluate(STYLE) != before, f"{label}: unticking changed nothing"
        box.check()
        assert target.evaluate(STYLE) == before, f"{label}: ticking again did not restore it"


def test_the_omission_filter_shows_only_facts_some_outlet_leaves_out(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    every = page.locator("table.side-by-side tbody tr").count()
    page.get_by_label("Show", exact=True).select_option("missing")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"only=missing"))
    rows = page.locator("table.side-by-side tbody tr")
    assert 0 < rows.count() <= every
    for i in range(rows.count()):
        expect(rows.nth(i).locator("td.missing")).not_to_have_count(0)
    # The veto is reported by the wire article alone (issue 14's pair model keeps the second
    # article's rejection sentence as "possibly reported"): a row of the table, with that
    # sentence, not folded under "Only in", which says the others do not report it.
    veto = rows.filter(has_text="vetoed a draft resolution")
    expect(veto).to_have_count(1)
    expect(veto.locator("td.possibly")).to_have_count(1)
    expect(page.locator("details.only-in", has_text="vetoed a draft resolution")).to_have_count(0)
    shot(page, "event-missing")


def test_the_article_page_links_quotes_to_their_speakers(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    page.locator("table.side-by-side thead").get_by_role("link", name="Russia vetoes UN Security Council").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Russia vetoes")
    expect(page.locator(".body span.hl-hedge", has_text="alleged").first).to_be_visible()
    shot(page, "article")
    page.get_by_role("checkbox", name="Hedges and scare quotes").uncheck()
    assert "off-hl-hedge" in (page.locator("body").get_attribute("class") or "")
    page.locator(".quote-list").get_by_role("link", name="United States").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("United States")


def test_the_actor_page_shows_one_actor_across_the_articles(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    page.locator(".speaker-key").get_by_role("link", name="Sergey Lavrov").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sergey Lavrov")
    sections = page.locator("section.actor-article")
    expect(sections).to_have_count(2)  # quoted and named in the first two articles
    expect(sections.nth(0)).to_contain_text("Russian Foreign Secretary")
    expect(sections.nth(1)).to_contain_text("Russian Foreign Minister")
    expect(sections.nth(1)).to_contain_text("accurately went on to describe")
    shot(page, "actor")


def test_at_phone_width_the_page_fits_and_shows_one_outlet_at_a_time(page: Page, seed_url: str) -> None:
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("", "articles/1/"):
        open_event(page, seed_url)
        if path:
            page.goto(page.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path or "event page"
    open_event(page, seed_url)
    region = page.get_by_role("region", name="Story points by article (scrolls sideways)")
    headers = page.locator("table.side-by-side thead .col-outlet")
    expect(headers.nth(0)).to_be_visible()
    expect(headers.nth(1)).to_be_hidden()
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "one outlet beside the facts fits"
    page.locator("#compare .column-chooser input").nth(1).check()
    expect(headers.nth(1)).to_be_visible()
    expect(headers.nth(0)).to_be_hidden()
    shot(page, "event-phone")


def test_the_keyboard_reaches_the_content_and_the_article_chooser(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.get_by_text("choose which").click()
    page.get_by_role("checkbox", name="CHECKMATE").uncheck()
    page.get_by_role("button", name="Compare these").click()
    expect(page.locator("table.side-by-side thead th")).to_have_count(3)
    expect(page).to_have_url(re.compile(r"\?articles=0&articles=2(#main)?$"))


def _luminance(css_colour: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_colour)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_focus_ring_stands_out_from_the_page(page: Page, seed_url: str) -> None:
    open_event(page, seed_url)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    ring, background = page.evaluate("""() => [getComputedStyle(document.activeElement).outlineColor,
                                               getComputedStyle(document.body).backgroundColor]""")
    lighter, darker = sorted((_luminance(ring), _luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 3, f"focus ring {ring} on {background}"
