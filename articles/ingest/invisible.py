"""Characters a text carries unseen, cleaned the same way in every upload format.

A web page's or a scraper's text may hold zero-width spaces, word joiners, a BOM where
files were joined and soft hyphens: they are removed from every field (a title that
holds one looks like another and does not match it; a body's splits words for the
analysis). A title, byline or outlet is one line: its no-break and other Unicode spaces
become plain ones, runs of spaces one.
"""

from __future__ import annotations

import dataclasses

from articles.ingest.types import ParsedArticle

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"))  # a str.translate table removing them


def without_invisible(text: str) -> str:
    return text.translate(INVISIBLE)


def one_line(text: str) -> str:
    """A title, byline or outlet without invisible characters, its spaces plain (str.split
    takes no-break, narrow no-break and figure spaces as spaces) and single."""
    return " ".join(without_invisible(text).split())


def visible_article(article: ParsedArticle) -> ParsedArticle:
    """The article with its one-line fields as one_line makes them, and its body without
    invisible characters (its no-break spaces kept: "10\u00a0km" is written so on purpose)."""
    title, byline, outlet = one_line(article.title), one_line(article.byline), one_line(article.outlet)
    body = without_invisible(article.body)
    if (title, byline, outlet, body) == (article.title, article.byline, article.outlet, article.body):
        return article
    return dataclasses.replace(article, title=title, byline=byline, outlet=outlet, body=body)
