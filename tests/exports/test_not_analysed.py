"""An article with no analysis (its analysis failed, or has not run) was never read: the
exports and the API must not count it as leaving a story point out, as the event page
does not ("not analysed (failed)"). Written as rows, no NLP."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from django.db.models import F
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import Article, Claim, Event, Job, StoryPoint
from articles.services.event_import import EventImportError, event_import, parse_event_json
from articles.services.exports import event_json

pytestmark = pytest.mark.django_db

BODY = "The council approved the budget on Monday. Critics said the plan cuts libraries."


def three_articles(event_name: str = "Budget vote") -> Event:
    """Article 0 reports the one story point, article 1 was analysed and leaves it out,
    article 2's analysis failed (it was never analysed)."""
    event = Event.objects.create(name=event_name, slug="budget-vote")
    point = StoryPoint.objects.create(event=event, label="The council approved the budget", order=0,
                                      article_positions=[0])
    for i in range(3):
        analysed = i < 2
        article = Article.objects.create(event=event, position=i, title=f"Article {i}", body=f"{i}. {BODY}",
                                         content_hash=f"h{i}", word_count=14,
                                         analysis_version="test" if analysed else "",
                                         analyzed_at=timezone.now() if analysed else None)
        Job.objects.create(kind="analyze", event=event, article=article,
                           status="done" if analysed else "failed", error="" if analysed else "boom")
        if i == 0:
            point.members.add(Claim.objects.create(article=article, text=BODY[:42], start=3, end=45, voice="own"))
    Job.objects.create(kind="align", event=event, status="done")
    return event


def body(response: Any) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_failed_article_is_not_missing_from_the_event_json(client: Client) -> None:
    event = three_articles()
    data = json.loads(body(client.get(reverse("event_export_json", args=[event.slug]))))
    [point] = data["story_points"]
    assert point["reported_by"] == [0]
    assert point["missing_from"] == [1], "the failed article was never read: it leaves nothing out"
    assert point["not_analysed"] == [2]
    assert data["event"]["not_analysed"] == [2]
    assert data["event"]["complete"] is False, "an article failed: the file is not the whole result"
    page = client.get(event.get_absolute_url()).content.decode()
    assert "not analysed (failed)" in page and page.count("not reported</span>") == 1


def test_a_failed_article_is_not_missing_in_story_points_csv(client: Client) -> None:
    event = three_articles()
    text = body(client.get(reverse("event_export_table", args=[event.slug, "story_points"]))).decode()
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row["missing_from"] == "1" and row["not_analysed"] == "2"


def test_a_failed_article_is_not_missing_in_the_api(client: Client) -> None:
    event = three_articles()
    page = client.get(f"/api/events/{event.slug}/story-points").json()
    [point] = page["results"]
    assert point["missing_from"] == [1] and page["not_analysed"] == [2]


def test_the_api_speaks_positions_and_the_export_columns(client: Client) -> None:
    event = three_articles()
    Article.objects.filter(event=event).update(position=F("position") + 10)
    StoryPoint.objects.filter(event=event).update(article_positions=[10])
    page = client.get(f"/api/events/{event.slug}/story-points").json()
    assert page["results"][0]["missing_from"] == [11] and page["not_analysed"] == [12]
    data = event_json(event)
    assert data["event"]["not_analysed"] == [2] and data["story_points"][0]["missing_from"] == [1]


def test_an_article_waiting_for_its_first_analysis_is_not_missing_either() -> None:
    event = three_articles()
    Job.objects.filter(article__position=2).update(status="queued", error="")
    [point] = event_json(event)["story_points"]
    assert point["missing_from"] == [1] and point["not_analysed"] == [2]


def test_the_export_is_complete_once_every_article_is_analysed() -> None:
    event = three_articles()
    Article.objects.filter(position=2).update(analyzed_at=timezone.now())
    Job.objects.filter(article__position=2).update(status="done", error="")
    data = event_json(event)
    assert data["event"]["complete"] is True and data["event"]["not_analysed"] == []
    assert data["story_points"][0]["missing_from"] == [1, 2]


def test_an_imported_copy_keeps_the_article_unanalysed() -> None:
    data = event_json(three_articles())
    copy = event_import(parsed=parse_event_json(data), event_name="A copy")
    failed = copy.articles.get(position=2)
    assert failed.analyzed_at is None and failed.job.status == "failed"
    again = event_json(copy)
    assert again["event"]["not_analysed"] == [2] and again["story_points"][0]["missing_from"] == [1]


@pytest.mark.parametrize("listed", [[3], [-1], ["2"], "2", [True]])
def test_a_file_that_names_no_article_of_its_own_as_not_analysed_is_refused(listed: object) -> None:
    data = event_json(three_articles())
    data["event"]["not_analysed"] = listed
    with pytest.raises(EventImportError, match=r"^event.not_analysed: not a list of article numbers of this file$"):
        parse_event_json(data)
