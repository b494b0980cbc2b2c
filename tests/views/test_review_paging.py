"""A dump of 20,000 articles reviews page by page and confirms whole: each page is
bounded, edits made on one page survive the move to another, and no request carries
more form fields than Django accepts."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article, Event, Job, Upload

ARTICLES = 20_000


def _dump(count: int) -> bytes:
    return json.dumps([{"title": f"Story {n}", "body": f"Report number {n}. The council met on Monday."}
                       for n in range(count)]).encode()


def _page_data(page: object, event_name: str, **changes: str) -> dict[str, str]:
    """The review form of one page as a browser would send it, with `changes`."""
    formset = page.context["formset"]  # type: ignore[attr-defined]
    data = {f"a-{k}": str(v) for k, v in formset.management_form.initial.items()}
    data["event_name"] = event_name
    for i, form in enumerate(formset.forms):
        for name in ("key", "title", "byline", "outlet", "published"):
            data[f"a-{i}-{name}"] = form.initial.get(name) or ""
        if form.initial.get("keep", True):
            data[f"a-{i}-keep"] = "on"
    data.update(changes)
    return data


@pytest.mark.django_db
def test_twenty_thousand_articles_review_by_pages_and_confirm(
    logged_in: Client, django_capture_on_commit_callbacks: Any,
) -> None:
    upload = logged_in.post("/upload/", {"documents": [SimpleUploadedFile("many.json", _dump(ARTICLES))],
                                         "event_name": "Many"})
    review_url = upload["Location"]

    started = time.monotonic()
    first = logged_in.get(review_url)
    first_seconds = time.monotonic() - started
    assert first.status_code == 200
    assert len(first.context["formset"].forms) == 50
    assert b"page 1 of 400" in first.content
    assert len(re.findall(rb'name="a-\d+-', first.content)) < 1000  # Django's DATA_UPLOAD_MAX_NUMBER_FIELDS

    # An edit on page 1, then to the last page: the edit is kept.
    moved = logged_in.post(review_url, _page_data(first, "Many renamed", **{"a-0-title": "Edited first story",
                                                                             "go_to_page": "400"}))
    assert moved["Location"].endswith("?page=400")
    last = logged_in.get(moved["Location"])
    assert [f.initial["title"] for f in last.context["formset"].forms][-1] == f"Story {ARTICLES - 1}"
    assert last.context["event_form"].initial["event_name"] == "Many renamed"
    back = logged_in.get(review_url)
    assert back.context["formset"].forms[0].initial["title"] == "Edited first story"

    # Drop the last article on the last page and confirm every page at once.
    data = _page_data(last, "Many renamed")
    del data["a-49-keep"]
    started = time.monotonic()
    with django_capture_on_commit_callbacks() as queued:
        confirmed = logged_in.post(review_url, data)
    confirm_seconds = time.monotonic() - started
    # The request kept the choices and queued the creating of the articles on a worker.
    assert confirmed["Location"] == review_url
    assert Upload.objects.get().status == Upload.Status.CONFIRMING and not Event.objects.exists()
    started = time.monotonic()
    for task in queued:  # the worker's confirm_upload, in-process here
        task()
    create_seconds = time.monotonic() - started
    event = Event.objects.get(name="Many renamed")
    assert logged_in.get(review_url)["Location"] == event.get_absolute_url()
    assert Article.objects.filter(event=event).count() == ARTICLES - 1
    assert Article.objects.get(event=event, position=0).title == "Edited first story"
    assert not Article.objects.filter(event=event, title=f"Story {ARTICLES - 1}").exists()
    assert Job.objects.filter(event=event, kind="analyze", status="queued").count() == ARTICLES - 1
    print(f"\n{ARTICLES:,} drafts: a review page in {first_seconds:.2f} s ({len(first.content) / 1024:.0f} KB), "
          f"the confirm of all in {confirm_seconds:.1f} s, the worker's creating of the articles in "
          f"{create_seconds:.1f} s")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [3, 53])
def test_only_an_article_with_a_next_one_offers_to_merge_with_it(logged_in: Client, count: int) -> None:
    """The last article's "Merge with the next one" merged with nothing, silently."""
    upload = logged_in.post("/upload/", {"documents": [SimpleUploadedFile("few.json", _dump(count))],
                                         "event_name": "Few"})
    pages = [logged_in.get(upload["Location"] + f"?page={n}").content.decode() for n in (1, 2)]
    offers = [page.count("Merge with the next one") for page in pages]
    assert offers == ([2, 2] if count == 3 else [50, 2])  # page 2 of 3 articles is page 1 again
