"""A quote an editor decided whose words left the text (the text edited in the admin) is
kept, flagged orphaned; its old offsets point at other words now, which must not be shown
as that quote."""

from __future__ import annotations

import pytest
from django.test import Client

from articles.models import Actor, Article, Event, Quote

NEW_BODY = "The council met on Monday. It voted to keep the parks open until ten."


def edited_article() -> tuple[Event, Actor, Article]:
    """An event whose article's text an admin edit replaced by NEW_BODY, and its mayor."""
    event = Event.objects.create(name="Parks", slug="parks")
    mayor = Actor.objects.create(event=event, name="Ada Moreno")
    article = Article.objects.create(event=event, position=0, title="Parks stay open", body=NEW_BODY,
                                     content_hash="parks", word_count=len(NEW_BODY.split()))
    return event, mayor, article


@pytest.mark.django_db
def test_an_orphaned_quote_highlights_no_words_on_the_event_and_article_pages(client: Client) -> None:
    event, mayor, article = edited_article()
    Quote.objects.create(article=article, text="We will close the parks", start=27, end=50, kind="direct",
                         speaker=mayor, attribution="human", orphaned=True)
    for url in (event.get_absolute_url(), article.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "open until ten" in html
        assert "quote — Ada Moreno" not in html, url  # the highlight's title


@pytest.mark.django_db
def test_an_orphaned_quote_counts_nowhere_the_pages_count_or_compare_quotes(client: Client) -> None:
    # Not highlighted (above), it still filled the speaker chart, the unnamed-source share,
    # "Same quote, different words" and the article's quote count: a quote the reader
    # cannot find in the text.
    event, mayor, edited = edited_article()
    other_body = "“We will close the parks at dusk,” the mayor said on Monday."
    other = Article.objects.create(event=event, position=1, title="Parks to close", body=other_body,
                                   content_hash="parks-2", word_count=len(other_body.split()))
    Quote.objects.create(article=edited, text="We will close the parks at dusk", start=27, end=58, kind="direct",
                         speaker=mayor, attribution="human", orphaned=True)
    Quote.objects.create(article=edited, text="the parks cost too much", start=0, end=20, kind="indirect",
                         source_phrase="an official", source_type="anonymous", attribution="human", orphaned=True)
    Quote.objects.create(article=other, text="We will close the parks at dusk", start=1, end=32, kind="direct",
                         speaker=mayor)
    page = client.get(event.get_absolute_url()).content.decode()
    assert page.count("<li>Ada Moreno: 1 quote, 7 words</li>") == 1  # in the other article's card only
    assert "No quote appears in more than one of these articles." in page
    assert "<dd>0 · 0%" in page and "<dd>1 ·" not in page  # neither article quotes an unnamed source
    article_page = client.get(edited.get_absolute_url()).content.decode()
    assert "We will close the parks" not in article_page and "an official" not in article_page
