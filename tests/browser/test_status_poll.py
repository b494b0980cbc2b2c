"""The event page's progress box, polled while the analysis runs: updated in place (a
screen reader announces changes to a live region it knows, not to a new element), and a
failed poll (a 503 while the server restarts) is retried, not the end of the updates."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from articles.models import Article, Event, Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_progress_box_is_updated_in_place_and_polling_survives_a_failed_poll(page: Page, live_server) -> None:
    event = Event.objects.create(name="Polled", slug="polled")
    for i in range(2):
        article = Article.objects.create(event=event, position=i, title=f"A{i}", body="Some text.",
                                         content_hash=f"h{i}", word_count=2)
        Job.objects.create(kind="analyze", event=event, article=article, status="queued")
    failed: list[str] = []

    def fail_once(route: Route) -> None:
        if not failed:
            failed.append(route.request.url)
            route.fulfill(status=503, body="restarting")
        else:
            route.continue_()

    page.route("**/events/polled/status/", fail_once)
    page.goto(f"{live_server.url}/events/polled/")
    box = page.locator("#event-status")
    expect(box).to_have_attribute("role", "status")
    page.evaluate("document.getElementById('event-status').dataset.marked = 'the first box'")
    expect(box).to_contain_text("0 of 2")
    Job.objects.filter(article__position=0).update(status="done")
    expect(box).to_contain_text("1 of 2", timeout=20_000)
    assert failed, "the first poll was answered 503"
    assert page.evaluate("document.getElementById('event-status').dataset.marked") == "the first box"


def test_a_reanalysis_started_in_the_admin_shows_progress_then_the_page_reloads(
    page: Page, live_server, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Staff's "Analyse again" (Articles → select → action) queues the analyses under the
    earlier, finished alignment: the page shows and polls the progress block all the same.
    No task is sent: the test moves the jobs on as workers would."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from articles.services import jobs

    sent: list[tuple[object, ...]] = []
    monkeypatch.setattr(jobs, "enqueue", lambda *args, **kwargs: sent.append(args))

    event = Event.objects.create(name="Again", slug="again")
    for i in range(3):
        article = Article.objects.create(event=event, position=i, title=f"A{i}", body="Some text.",
                                         content_hash=f"g{i}", word_count=2, analyzed_at=timezone.now())
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
    Job.objects.create(kind="align", event=event, status="done")
    User.objects.create_superuser("staff", "staff@example.org", "a long staff password")
    page.goto(f"{live_server.url}/admin/login/?next=/admin/articles/article/%3Fevent__id__exact%3D{event.pk}")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("a long staff password")
    page.get_by_role("button", name="Log in").click()
    page.locator("#action-toggle").check()
    page.locator("select[name=action]").select_option(label="Analyse again (keeps editors' corrections)")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("Queued 3 article(s) for analysis.")).to_be_visible()
    page.goto(f"{live_server.url}/events/again/")
    box = page.locator("#event-status")
    expect(box).to_contain_text("Analysing again: 0 of 3 articles done")
    expect(box).to_have_attribute("data-poll", "/events/again/status/")
    assert sent and sent[0][0] == "articles.tasks.dispatch_analyses"
    # The last analysis queues the alignment again in its own transaction.
    Job.objects.filter(event=event, kind="analyze").update(status="done")
    Job.objects.filter(event=event, kind="align").update(status="queued")
    expect(box).to_contain_text("3 of 3 articles done, aligning claims (queued)", timeout=20_000)
    Job.objects.filter(event=event, kind="align").update(status="done")
    expect(page.locator("#event-status[data-poll]")).to_have_count(0, timeout=20_000)
