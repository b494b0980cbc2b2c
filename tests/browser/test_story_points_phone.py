"""Story points on a phone in chromium: one outlet beside the facts at a time (chosen
above the table), "possibly reported" quoting and linking the closest sentence, and
the facts only one outlet reports folded under the table."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from articles.models import Actor, Article, Claim, Event, Job, Outlet, Quote, StoryPoint
from tests.browser_fixtures import shot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODIES = [
    "The council approved the harbour plan on Monday.\n\nIt will cost four million pounds.",
    "Councillors backed the harbour scheme at Monday's meeting.\n\nThe mayor was absent.",
    "Fishermen protested outside the town hall.\n\nA vote on the quay was held, officials said.",
]


def _event() -> Event:
    event = Event.objects.create(name="Harbour plan", slug="harbour-plan")
    articles = []
    for i, body in enumerate(BODIES):
        outlet = Outlet.objects.get_or_create(name=["Daily One", "Wire Two", "Coast Three"][i])[0]
        article = Article.objects.create(event=event, outlet=outlet, position=i, title=f"Harbour story {i}",
                                         body=body, content_hash=f"h{i}", word_count=len(body.split()))
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        articles.append(article)
    Job.objects.create(kind="align", event=event, status="done")
    first = BODIES[0].split("\n\n")[0]
    second = BODIES[1].split("\n\n")[0]
    maybe = "A vote on the quay was held, officials said."
    shared = StoryPoint.objects.create(
        event=event, label=first, order=0, article_positions=[0, 1],
        possibly_in=[{"article": 2, "claim": None, "text": maybe, "start": BODIES[2].index(maybe),
                      "end": BODIES[2].index(maybe) + len(maybe), "score": 0.41}])
    shared.members.add(Claim.objects.create(article=articles[0], text=first, start=0, end=len(first), voice="own"),
                       Claim.objects.create(article=articles[1], text=second, start=0, end=len(second), voice="own"))
    cost = BODIES[0].split("\n\n")[1]
    single = StoryPoint.objects.create(event=event, label=cost, order=1, article_positions=[0])
    at = BODIES[0].index(cost)
    single.members.add(Claim.objects.create(article=articles[0], text=cost, start=at, end=at + len(cost), voice="own"))
    return event


def test_a_phone_shows_one_outlet_at_a_time_and_links_the_possible_report(page: Page, live_server: object) -> None:
    event = _event()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}")  # type: ignore[attr-defined]
    headers = page.locator("table.side-by-side thead .col-outlet")
    chooser = page.locator("#compare .column-chooser")
    expect(chooser).to_be_visible()
    expect(headers.nth(0)).to_be_visible()
    expect(headers.nth(1)).to_be_hidden()
    chooser.get_by_role("radio", name="Coast Three").check()
    expect(headers.nth(2)).to_be_visible()
    expect(headers.nth(0)).to_be_hidden()
    cell = page.locator("td.possibly").first
    expect(cell).to_be_visible()
    expect(cell).to_contain_text("possibly reported")
    shot(page, "event-phone-possibly")
    folded = page.locator("details.only-in")
    expect(folded).to_have_count(1)
    expect(folded.locator("li")).to_be_hidden()
    folded.locator("summary").click()
    expect(folded.locator("li")).to_contain_text("four million pounds")
    cell.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server.url}/events/harbour-plan/articles/2/#p1")  # type: ignore[attr-defined]
    expect(page.locator("#p1")).to_contain_text("A vote on the quay was held")


def test_a_phone_says_when_no_story_point_matches_the_filter(page: Page, live_server: object) -> None:
    event = _event()
    StoryPoint.objects.filter(event=event, article_positions=[0, 1]).delete()
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}?only=shared")  # type: ignore[attr-defined]
    expect(page.locator("#compare table.side-by-side")).to_contain_text("No story points match this filter")
    expect(page.get_by_text("No story points match this filter")).to_be_visible()


def test_a_long_speakers_name_keeps_the_event_page_inside_a_phone(page: Page, live_server: object) -> None:
    event = _event()
    article = Article.objects.get(event=event, position=2)
    actor = Actor.objects.create(event=event, name="Democratic Congressional Campaign Committee")
    start = article.body.index("A vote")
    Quote.objects.create(article=article, text="A vote on the quay was held", start=start, end=start + 27,
                         kind="indirect", speaker=actor)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}{event.get_absolute_url()}")  # type: ignore[attr-defined]
    expect(page.locator("#filter-actor option", has_text=actor.name)).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    select = page.locator("#filter-actor").bounding_box()
    assert select is not None and select["x"] + select["width"] <= 390
