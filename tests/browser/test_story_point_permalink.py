"""Citing a story point in chromium, on a phone: each row's "#N" link is reached by the
keyboard, puts the row's address in the location bar and marks the row; an address with
a folded fact's anchor opens the fold; an actor's quote opens its paragraph."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from articles.models import Actor, Article, Quote, Signal
from tests.browser.test_story_points_phone import _event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TARGETED = "rgb(255, 243, 196)"  # #fff3c4, the :target colour of newsframe.css


def test_a_row_link_is_reached_by_the_keyboard_and_marks_its_row(page: Page, live_server: object) -> None:
    event = _event()
    url = f"{live_server.url}{event.get_absolute_url()}"  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(url)
    link = page.locator('tr#point-0 a.permalink')
    expect(link).to_be_visible()
    box = link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390, "the link fits a phone's width"
    expect(link).to_have_accessible_name("#0 link to this story point")
    page.locator("#compare form.filters button").focus()
    for _ in range(40):  # the keyboard's way there: Tab from the filter's button
        page.keyboard.press("Tab")
        if link.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the row's link is not in the tab order")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{url}#point-0")
    expect(page.locator("tr#point-0 > th")).to_have_css("background-color", TARGETED)


def test_an_address_of_a_folded_fact_opens_its_fold(page: Page, live_server: object) -> None:
    event = _event()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}#point-1")  # type: ignore[attr-defined]
    fact = page.locator("li#point-1")
    expect(fact).to_be_visible()
    expect(fact).to_contain_text("four million pounds")
    expect(fact).to_have_css("background-color", TARGETED)


def test_an_actors_quote_opens_its_paragraph(page: Page, live_server: object) -> None:
    event = _event()
    article = Article.objects.get(event=event, position=0)
    actor = Actor.objects.create(event=event, name="Ann Mayor")
    start = article.body.index("It will cost")
    Quote.objects.create(article=article, text="It will cost four million pounds.", start=start,
                         end=start + 33, kind="indirect", speaker=actor)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{actor.get_absolute_url()}")  # type: ignore[attr-defined]
    page.get_by_role("link", name="in the article").first.click()
    expect(page).to_have_url(f"{live_server.url}{article.get_absolute_url()}#p1")  # type: ignore[attr-defined]
    expect(page.locator("#p1")).to_contain_text("It will cost four million pounds")


def test_an_actors_long_labels_stay_inside_a_phone(page: Page, live_server: object) -> None:
    event = _event()
    article = Article.objects.get(event=event, position=0)
    actor = Actor.objects.create(event=event, name="Ann Mayor")
    label = "the council's long-serving and much-criticised chairwoman of the harbour committee"
    Signal.objects.create(article=article, kind=Signal.Kind.LABEL, text=label, start=0, end=len(label), actor=actor)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{actor.get_absolute_url()}")  # type: ignore[attr-defined]
    term = page.locator(".actor-facts .term", has_text="harbour committee")
    expect(term).to_be_visible()
    box = term.bounding_box()
    assert box is not None and box["x"] + box["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
