"""Counts a reader scans are grouped by thousands ("400,000 words", not "400000 words")."""

from __future__ import annotations

from types import SimpleNamespace

from django.template.loader import render_to_string


def test_an_articles_word_count_is_grouped_by_thousands():
    article = SimpleNamespace(pk=1, title="A long one", outlet_name="The Ledger", byline="", published=None,
                              word_count=400000, get_absolute_url="/a/")
    card = SimpleNamespace(article=article, pending="Not analysed yet.")
    page = render_to_string("articles/_summary.html", {"summary": SimpleNamespace(cards=[card])})
    assert "400,000 words" in page
