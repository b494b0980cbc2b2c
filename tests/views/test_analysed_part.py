"""A body longer than NEWSFRAME_MAX_ARTICLE_CHARS is analysed up to that character: its
page says where the analysis stopped, rather than let the rest pass for analysed."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article, Event

pytestmark = pytest.mark.django_db

PARAGRAPH = "The council met again on Monday to discuss the budget for the coming year in detail."


def article(paragraphs: int) -> Article:
    event = Event.objects.create(name="Budget", slug="budget")
    return Article.objects.create(event=event, position=0, title="Budget", body="\n\n".join([PARAGRAPH] * paragraphs),
                                  content_hash="h", analysis_version="test", analyzed_at=timezone.now())


def test_the_page_says_where_the_analysis_of_a_long_article_stopped(client: Client, settings: object) -> None:
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000  # type: ignore[attr-defined]
    page = client.get(article(20).get_absolute_url()).content.decode()
    # 86 characters a paragraph with its blank line: character 1,000 is in paragraph 12
    assert "Analysed up to character 1,000 (in paragraph 12 of 20)" in page


def test_a_whole_analysed_article_says_nothing_of_it(client: Client, settings: object) -> None:
    settings.NEWSFRAME_MAX_ARTICLE_CHARS = 1000  # type: ignore[attr-defined]
    assert "Analysed up to" not in client.get(article(5).get_absolute_url()).content.decode()
