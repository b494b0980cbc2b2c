"""A correction sent from a page opened before a re-analysis replaced the quote: the
editor is told so (409 in place, or back to the article), never shown a 404 page."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from articles.models import Article, Quote
from articles.services import corrections, editing
from tests.corrections.conftest import reanalyse

pytestmark = pytest.mark.django_db


def replaced_quote(client: Client, article: Article) -> tuple[Quote, dict[str, str]]:
    """A machine quote, the correction form the article page gave for it (as a browser
    sends it), and a re-analysis that replaced the quote since."""
    quote = article.quotes.filter(attribution="machine").order_by("start").first()
    assert quote is not None
    page = client.get(article.get_absolute_url()).content.decode()
    form = re.search(rf'<form method="post" action="/quotes/{quote.pk}/correct/".*?</form>', page, re.S)
    assert form is not None
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(0)))
    reanalyse(article)
    assert not Quote.objects.filter(pk=quote.pk).exists(), "the re-analysis made new quote rows"
    return quote, {**fields, "speaker_name": "Someone Else", "kind": quote.kind, "note": "typed note"}


def test_with_js_the_editor_gets_a_409_quote_item_saying_the_quote_was_replaced(
    client: Client, editor: User, article: Article
) -> None:
    client.force_login(editor)
    quote, data = replaced_quote(client, article)
    response = client.post(reverse("quote_correct", args=[quote.pk]), data, headers={"X-Requested-With": "fetch"})
    assert response.status_code == 409
    html = response.content.decode()
    assert f'data-quote="{quote.pk}"' in html and 'class="correct-msg' in html  # what corrections.js swaps in
    assert corrections.QUOTE_GONE in html


def test_without_js_the_editor_is_sent_back_to_the_article_with_the_message(
    client: Client, editor: User, article: Article
) -> None:
    client.force_login(editor)
    quote, data = replaced_quote(client, article)
    response = client.post(reverse("quote_correct", args=[quote.pk]), data)
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    assert [str(m) for m in get_messages(response.wsgi_request)] == [corrections.QUOTE_GONE]


def test_the_service_says_a_deleted_quote_is_gone(editor: User, article: Article) -> None:
    quote = article.quotes.first()
    assert quote is not None
    Quote.objects.filter(pk=quote.pk).delete()
    with pytest.raises(editing.Gone, match="a new analysis replaced it"):
        corrections.quote_correct(quote=quote, user=editor, is_quote=False)
