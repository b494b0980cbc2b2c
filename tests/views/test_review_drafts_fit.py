"""The review form takes back every draft the parser made: a JSON article with no title,
a byline longer than its column, an outlet longer than its column. And a draft the
reviewer drops is not checked at all."""

from __future__ import annotations

import json
from typing import Any

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from articles.models import Article

pytestmark = pytest.mark.django_db

LONG_BYLINE = [f"Reporter Number {i}" for i in range(30)]  # joined: over 300 characters
LONG_OUTLET = "The Very Long Name Of A Regional Morning Newspaper " * 5  # over 200 characters


def browser_form(page: Any) -> dict[str, str]:
    """The review form as a browser sends it: its fields' values, ticked boxes only."""
    [form] = [f for f in lxml.html.fromstring(page.content).forms if "a-TOTAL_FORMS" in f.inputs]
    return dict(form.form_values())


def review(client: Client, articles: list[dict[str, Any]]) -> tuple[str, dict[str, str]]:
    upload = client.post("/upload/", {"documents": [SimpleUploadedFile("a.json", json.dumps(articles).encode())],
                                      "event_name": "Budget"})
    assert upload.status_code == 302, upload.content[:500]
    url = upload["Location"]
    return url, browser_form(client.get(url))


def test_a_draft_with_no_title_and_long_byline_and_outlet_confirms_as_sent(
    logged_in: Client, django_capture_on_commit_callbacks: Any
) -> None:
    url, form = review(logged_in, [
        {"body": "The council met on Monday and voted on the budget. It passed."},
        {"title": "Second", "body": "The mayor said the vote was fair. Critics disagreed.",
         "byline": LONG_BYLINE, "outlet": LONG_OUTLET},
    ])
    assert form["a-0-title"] == "Untitled"
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = logged_in.post(url, form)
    assert confirmed.status_code == 302, confirmed.content.decode()[:3000]
    first, second = Article.objects.order_by("position")
    assert first.title == "Untitled"
    assert len(second.byline) == 300 and second.byline.startswith("Reporter Number 0")
    assert second.outlet is not None and second.outlet.name == LONG_OUTLET[:200].strip()


def test_a_dropped_draft_is_not_checked(logged_in: Client, django_capture_on_commit_callbacks: Any) -> None:
    url, form = review(logged_in, [
        {"title": "Kept", "body": "The council met on Monday and voted on the budget. It passed."},
        {"title": "Dropped", "body": "The mayor said the vote was fair. Critics disagreed."},
    ])
    del form["a-1-keep"]
    form["a-1-title"] = ""  # emptied by the reviewer, who then unticked it
    form["a-1-split_at"] = "9"  # past its last paragraph
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = logged_in.post(url, form)
    assert confirmed.status_code == 302, confirmed.content.decode()[:3000]
    assert list(Article.objects.values_list("title", flat=True)) == ["Kept"]


def test_a_kept_draft_is_still_checked(logged_in: Client) -> None:
    url, form = review(logged_in, [{"title": "Kept", "body": "The council met on Monday. It voted."}])
    form["a-0-title"] = ""
    assert logged_in.post(url, form).status_code == 400
    assert not Article.objects.exists()
