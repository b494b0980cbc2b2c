"""A person uploads the seed, reviews it, edits an outlet, confirms, and compares."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser_fixtures import shot
from tests.conftest import SEED

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Page, base: str) -> None:
    User.objects.create_user("browser-reporter", password="a-long-browser-password")
    page.goto(f"{base}/accounts/login/?next=/upload/")
    page.get_by_label("Username").fill("browser-reporter")
    page.get_by_label("Password").fill("a-long-browser-password")
    page.get_by_role("button", name="Log in").click()


def test_upload_review_edit_confirm_and_compare(page: Page, live_server: object) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    log_in(page, base)
    expect(page.get_by_role("heading", name="Upload coverage")).to_be_visible()
    page.set_input_files("input[type=file]", str(SEED))
    page.get_by_label("New event name").fill("Seed in a browser")
    shot(page, "upload")
    page.get_by_role("button", name="Find the articles").click()

    expect(page.get_by_role("heading", name="Check the articles we found")).to_be_visible()
    items = page.locator(".review-item")
    expect(items).to_have_count(3)
    items.nth(1).get_by_label("Outlet").fill("The Duran")
    shot(page, "review")
    page.get_by_role("button", name="Confirm and analyse").click()

    expect(page.get_by_role("heading", name="Seed in a browser")).to_be_visible()
    expect(page.locator("table.side-by-side thead th")).to_have_count(4)
    expect(page.locator("table.side-by-side")).to_contain_text("The Duran")
    expect(page.locator("td.missing").first).to_contain_text("not reported")
    shot(page, "event")


def test_the_event_page_works_at_phone_width(page: Page, live_server: object) -> None:
    from django.core.management import call_command

    call_command("load_seeds")
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url)  # type: ignore[attr-defined]
    page.get_by_role("link", name="Tillerson–Lavrov press conference").click()
    table = page.locator(".table-scroll")
    expect(table).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "the page itself must not scroll sideways; only the table does"
    toggle = page.get_by_role("checkbox", name="Loaded words")
    toggle.uncheck()
    assert "off-hl-loaded" in (page.locator("body").get_attribute("class") or "")
    shot(page, "event-phone")
