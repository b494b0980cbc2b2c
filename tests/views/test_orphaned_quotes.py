"""A quote an editor decided whose words left the text (the text edited in the admin) is
kept, flagged orphaned; its old offsets point at other words now, which must not be shown
as that quote."""

from __future__ import annotations

import pytest
from django.test import Client

from articles.models import Actor, Article, Event, Quote

NEW_BODY = "The council met on Monday. It voted to keep the parks open until ten."


@pytest.mark.django_db
def test_an_orphaned_quote_highlights_no_words_on_the_event_and_article_pages(client: Client) -> None:
    event = Event.objects.create(name="Parks", slug="parks")
    mayor = Actor.objects.create(event=event, name="Ada Moreno")
    article = Article.objects.create(event=event, position=0, title="Parks stay open", body=NEW_BODY,
                                     content_hash="parks", word_count=len(NEW_BODY.split()))
    Quote.objects.create(article=article, text="We will close the parks", start=27, end=50, kind="direct",
                         speaker=mayor, attribution="human", orphaned=True)
    for url in (event.get_absolute_url(), article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "open until ten" in html
        assert "quote — Ada Moreno" not in html, url  # the highlight's title
