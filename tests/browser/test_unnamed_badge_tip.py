"""The tip a focused "?" badge shows (the source as written, newsframe.css) stays on the
screen: a badge near the right edge of a narrow column opened it past the edge, where the
column's scroll box clipped it."""

from __future__ import annotations

import pytest
from playwright.sync_api import CDPSession, Page

from articles.models import Article, Event, Job, Quote

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SOURCE = "senior administration officials who spoke on the condition of anonymity"
# Lead sentences whose quote starts after more and more words, so that some "?" badge sits
# near the right edge of its column whatever the width.
OPENINGS = ["", "On Monday,", "In a statement late on Monday,", "Speaking to reporters in the capital on Monday,",
            "In the capital, where the talks went on late into the night after the vote on Monday,"]


def _event() -> Event:
    event = Event.objects.create(name="Unnamed sources", slug="unnamed-sources")
    Job.objects.create(kind="align", event=event, status="done")
    for position in range(3):
        opening = " ".join(OPENINGS[(position + n) % len(OPENINGS)] for n in range(2))
        words = "the plan will fail before the winter"
        body = f"{opening} {words}, {SOURCE} said.".strip()
        article = Article.objects.create(event=event, position=position, title=f"Plan {position}", body=body,
                                         content_hash=f"tip{position}", word_count=len(body.split()),
                                         analysis_version="test")
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
        start = body.index(words)
        Quote.objects.create(article=article, text=words, start=start, end=start + len(words), kind="indirect",
                             source_type="anonymous", source_phrase=SOURCE, speaker_mention=SOURCE, confidence=0.9)
    return event


def _tip_box(cdp: CDPSession, index: int) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of the `index`th badge's ::after box, as laid out."""
    root = cdp.send("DOM.getDocument", {"depth": -1, "pierce": True})["root"]
    found = cdp.send("DOM.querySelectorAll", {"nodeId": root["nodeId"], "selector": "abbr.badge[tabindex]"})
    node = cdp.send("DOM.describeNode", {"nodeId": found["nodeIds"][index], "depth": 1})["node"]
    after = next(p for p in node.get("pseudoElements", []) if p["pseudoType"] == "after")
    quad = cdp.send("DOM.getBoxModel", {"backendNodeId": after["backendNodeId"]})["model"]["border"]
    xs, ys = quad[0::2], quad[1::2]
    return min(xs), min(ys), max(xs), max(ys)


# The sides of the box that scrolls the badge's column sideways (it clips what passes them).
SCROLL_BOX = ("b => { const r = b.closest('.scroll-x, .table-scroll').getBoundingClientRect();"
              " return [r.left, r.right]; }")


@pytest.mark.parametrize("width", [390, 1280])
def test_the_tip_of_every_unnamed_sources_badge_lies_inside_the_viewport_and_its_column(
    page: Page, live_server: object, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live_server.url}{_event().get_absolute_url()}")  # type: ignore[attr-defined]
    cdp = page.context.new_cdp_session(page)
    badges = page.locator("abbr.badge[tabindex]")
    near_the_right = 0
    for i in range(badges.count()):
        badge = badges.nth(i)
        badge.evaluate("b => b.scrollIntoView({block: 'center', inline: 'nearest'})")
        badge.focus()
        left, top, right, bottom = _tip_box(cdp, i)
        box_left, box_right = badge.evaluate(SCROLL_BOX)
        assert left >= 0 and right <= width and top >= 0 and bottom <= 844, (i, left, top, right, bottom)
        assert box_left <= left and right <= box_right, (i, left, right, box_left, box_right)
        assert right - left > 100  # still a tip one reads, not a sliver
        badge_box = badge.bounding_box()
        assert badge_box is not None
        near_the_right += badge_box["x"] > box_right - 200
    assert near_the_right  # the case that clipped the tip was tried
