"""An editor corrects the speaker of a "He said" quote on the seed's article page,
in place, and sees the correction on the event page; plus the review queue."""

from __future__ import annotations

import re
import shutil

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import Page, expect

from articles.models import Article, Claim, Quote
from tests.browser_fixtures import SCREENSHOTS, shot
from tests.conftest import ROOT
from tests.corrections.conftest import editors_group

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCS = ROOT / "docs" / "screenshots"


def log_in_as_editor(page: Page, base: str) -> None:
    user = User.objects.create_user("browser-editor", password="a-long-browser-password", is_staff=True)
    user.groups.add(editors_group())
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username").fill("browser-editor")
    page.get_by_label("Password").fill("a-long-browser-password")
    page.get_by_role("button", name="Log in").click()


def publish(page: Page, name: str) -> None:
    """A viewport-sized screenshot (readable in the README), also copied to docs/."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    DOCS.mkdir(parents=True, exist_ok=True)
    shutil.copy(SCREENSHOTS / f"{name}.png", DOCS / f"{name}.png")


def test_an_editor_corrects_he_said_in_place_and_sees_it_on_the_event_page(page: Page, live_server: object) -> None:
    base = live_server.url  # type: ignore[attr-defined]
    call_command("load_seeds")
    quote = Quote.objects.get(text__startswith="a successful ouster of a dictator")
    assert quote.speaker_mention == "He" and quote.speaker is not None
    # Whoever the machine picked, the editor names the other one of the two ministers.
    target = "Sergey Lavrov" if quote.speaker.name == "Rex Tillerson" else "Rex Tillerson"
    article = Article.objects.select_related("event").get(pk=quote.article_id)
    log_in_as_editor(page, base)
    # The event page before the correction: its comparison is now cached (web/event_cache.py),
    # and must not be what the page shows after it.
    page.goto(base + article.event.get_absolute_url())
    expect(page.locator("#compare .speaker-key li", has_text=target)).to_be_attached()
    before = page.locator("#compare .speaker-key li", has_text=target).inner_text()

    page.goto(f"{base}/admin/articles/quote/?article__event__id__exact={article.event_id}")
    expect(page.locator("#result_list mark").first).to_be_visible()
    publish(page, "review-queue")

    page.goto(base + article.get_absolute_url())
    item = page.locator(f"#q-{quote.pk}")
    expect(item).to_contain_text(quote.speaker.name)
    item.locator("summary", has_text="correct").click()
    item.get_by_label("Speaker").fill(target)
    item.get_by_label("Note").fill("checked against the transcript")
    item.scroll_into_view_if_needed()
    publish(page, "correct-in-page")
    item.get_by_role("button", name="Save correction").click()

    fresh = page.locator(f"#q-{quote.pk}")
    expect(fresh.locator(".correct-msg")).to_have_text("Correction saved.")
    expect(fresh.locator(".q-speaker")).to_have_text(target)
    expect(fresh).to_contain_text("corrected by an editor")
    assert page.url.endswith(article.get_absolute_url()), "corrected in place, without leaving the page"
    shot(page, "correct-in-page-saved")

    quote.refresh_from_db()
    assert quote.speaker is not None and quote.speaker.name == target and quote.attribution == "human"
    page.goto(base + article.event.get_absolute_url())
    # The speaker key counts quotes event-wide, the corrected one included.
    tillerson_quotes = Quote.objects.filter(article__event=article.event, speaker=quote.speaker, is_quote=True).count()
    key = page.locator("#compare .speaker-key li", has_text=target)
    expect(key).to_contain_text(re.compile(rf"\({tillerson_quotes}\b"))
    assert key.inner_text() != before, "the page shown before the correction was served again"
    if Claim.objects.filter(quote=quote, story_points__isnull=False).exists():
        expect(page.locator(f'[title*="{target} (corrected by an editor)"]').first).to_be_attached()
    shot(page, "event-after-correction")
