"""The API docs page renders in chromium under our CSP, loading nothing from another host."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from tests.browser_fixtures import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_offline_under_the_csp(page: Page, live_server: Any) -> None:
    host = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: elsewhere.append(r.url) if urlsplit(r.url).netloc not in (host, "") else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{live_server.url}/api/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)  # bounded: fail, don't hang
    assert "newsframe API" in page.inner_text(".swagger-ui .info .title")
    page.get_by_text("/api/events/{slug}/quotes", exact=True).wait_for(timeout=20_000)
    shot(page, "api-docs")
    assert elsewhere == [] and not [e for e in errors if "Content Security Policy" in e]



def test_the_api_docs_fit_a_phone(browser: Browser, live_server: Any) -> None:
    # is_mobile: chromium honours the page's viewport tag as a phone does (without one it lays the page out at 980 px)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=3)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/api/docs")
        page.wait_for_selector(".swagger-ui .info .title", timeout=20_000)  # bounded: fail, don't hang
        assert page.evaluate("window.innerWidth") == 390
    finally:
        context.close()
