"""A body longer than NEWSFRAME_MAX_ARTICLE_CHARS is analysed up to that character: its
page says where the analysis stopped, rather than let the rest pass for analysed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, Claim, Event, Job, StoryPoint
from articles.services.event_json import analysed_chars

pytestmark = pytest.mark.django_db

PARAGRAPH = "The council met again on Monday to discuss the budget for the coming year in detail."


def article(paragraphs: int) -> Article:
    """An article analysed with NEWSFRAME_MAX_ARTICLE_CHARS at 1000 (the analysis stores what it read)."""
    event = Event.objects.create(name="Budget", slug="budget")
    body = "\n\n".join([PARAGRAPH] * paragraphs)
    return Article.objects.create(event=event, position=0, title="Budget", body=body, content_hash="h",
                                  analysis_version="test", analyzed_at=timezone.now(),
                                  analysed_chars=analysed_chars(body, 1000))


def test_the_page_says_where_the_analysis_of_a_long_article_stopped(client: Client, settings: object) -> None:
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000  # type: ignore[attr-defined]
    page = client.get(article(20).get_absolute_url()).content.decode()
    # 86 characters a paragraph with its blank line: character 1,000 is in paragraph 12
    assert "Analysed up to character 1,000 (in paragraph 12 of 20)" in page


def test_a_whole_analysed_article_says_nothing_of_it(client: Client, settings: object) -> None:
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000  # type: ignore[attr-defined]
    assert "Analysed up to" not in client.get(article(5).get_absolute_url()).content.decode()


def test_a_fact_an_article_cut_by_the_analysis_does_not_report_is_not_called_missing(
    client: Client, settings: object,
) -> None:
    """Its analysis read the first NEWSFRAME_MAX_ARTICLE_CHARS characters: the fact may be
    in the rest, so the cell says where the search stopped rather than a bare "not reported"."""
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000  # type: ignore[attr-defined]
    long = article(20)
    short = Article.objects.create(event=long.event, position=1, title="Brief", body=PARAGRAPH, content_hash="b",
                                   analysis_version="test", analyzed_at=timezone.now())
    point = StoryPoint.objects.create(event=long.event, label="The vote passed", order=0, article_positions=[2, 3])
    for position in (2, 3):  # two report it: a row of the table, not a fact "only in" one
        reporting = Article.objects.create(event=long.event, position=position, title=f"Other {position}",
                                           body=f"The vote passed. {position}", content_hash=f"o{position}",
                                           analysis_version="test", analyzed_at=timezone.now())
        point.members.add(Claim.objects.create(article=reporting, text="The vote passed.", start=0, end=16,
                                               voice="own"))
    Job.objects.create(kind=Job.Kind.ALIGN, event=long.event, status="done")
    page = client.get(long.event.get_absolute_url()).content.decode()
    assert page.count("<span>not reported</span></td>") == 1, "the short article was read whole"
    assert "not reported in its first 1,000 characters" in page
    assert short.pk
