"""An article longer than NEWSFRAME_MAX_ARTICLE_CHARS is analysed up to that character:
the event JSON, articles.csv and the import say how far (`analysed_chars`), so its place in
a story point's `missing_from` reads "not in the part analysed", as the event page says."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from articles.models import Article, Event, Job
from articles.services.event_import import event_import, parse_event_json
from articles.services.exports import event_json
from tests.exports.conftest import SEED_EVENT
from tests.exports.test_downloads import body, rows

pytestmark = pytest.mark.django_db

PARAGRAPH = "The council met again on Monday to discuss the budget for the coming year in detail."


@pytest.fixture
def cut_event() -> Event:
    """One article cut after 1,000 characters by its analysis, one read whole."""
    event = Event.objects.create(name="Budget", slug="budget")
    for position, (paragraphs, cut) in enumerate(((20, 1000), (2, None))):
        body = "\n\n".join([PARAGRAPH] * paragraphs)
        article = Article.objects.create(event=event, position=position, title=f"Budget {position}", body=body,
                                         content_hash=f"h{position}", analysis_version="test",
                                         analyzed_at=timezone.now(), analysed_chars=cut)
        Job.objects.create(kind="analyze", event=event, article=article, status="done")
    Job.objects.create(kind="align", event=event, status="done")
    return event


def test_the_event_json_and_articles_csv_say_where_the_analysis_stopped(client: Client, cut_event: Event) -> None:
    data = json.loads(body(client.get(f"/events/{cut_event.slug}/export/event.json")))
    assert [a["analysed_chars"] for a in data["articles"]] == [1000, None]
    table = rows(body(client.get(f"/events/{cut_event.slug}/export/articles.csv")).decode())
    assert [r["analysed_chars"] for r in table] == ["1000", ""]


def test_an_exported_event_imported_again_keeps_it(cut_event: Event, tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    call_command("export_event", cut_event.slug, "--out", str(path), stdout=io.StringIO())
    copy = event_import(parsed=parse_event_json(json.loads(path.read_text())), event_name="A copy")
    assert list(copy.articles.order_by("position").values_list("analysed_chars", flat=True)) == [1000, None]
    assert [a["analysed_chars"] for a in event_json(copy)["articles"]] == [1000, None]


def test_a_file_cannot_say_it_read_more_than_the_body(cut_event: Event) -> None:
    data = event_json(cut_event)
    data["articles"][1]["analysed_chars"] = 10_000  # more than its body: it read the whole of it
    copy = event_import(parsed=parse_event_json(data), event_name="A copy")
    assert copy.articles.get(position=1).analysed_chars is None


def test_the_analysis_stores_how_much_it_read(
    settings: Any, db: None, django_capture_on_commit_callbacks: Any,
) -> None:
    from articles.management.commands.import_dump import import_file
    from tests.conftest import SEED

    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000
    with django_capture_on_commit_callbacks(execute=True):
        event = import_file(SEED, SEED_EVENT).event
    articles = list(event.articles.all())
    assert any(len(a.body) > 1000 for a in articles)
    assert {a.pk: a.analysed_chars for a in articles} == {a.pk: 1000 if len(a.body) > 1000 else None for a in articles}
    exported = event_json(event)["articles"]
    assert [a["analysed_chars"] for a in exported] == [a.analysed_chars for a in sorted(articles, key=by_position)]


def by_position(article: Article) -> int:
    return article.position


def test_a_file_from_before_the_field_was_cut_at_the_setting(cut_event: Event, settings: Any) -> None:
    """An old export (no analysed_chars) of an article longer than the setting: its analysis
    read that much, as the migration takes of stored articles; one that says null read it whole."""
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000
    data = event_json(cut_event)
    old = json.loads(json.dumps(data))
    for article in old["articles"]:
        del article["analysed_chars"]
    copy = event_import(parsed=parse_event_json(old), event_name="An old copy")
    assert list(copy.articles.order_by("position").values_list("analysed_chars", flat=True)) == [1000, None]
    data["articles"][0]["analysed_chars"] = None
    whole = event_import(parsed=parse_event_json(data), event_name="A copy read whole")
    assert whole.articles.get(position=0).analysed_chars is None
