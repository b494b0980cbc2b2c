"""bytes -> articles. Pure: no Django, no ORM.

    parse(data, filename) -> ParseResult      txt/md, html, json, csv, rss/atom, zip
    whole_text(data, filename) -> str         a file's text, for taking it whole
    whole_text_article(text, title)           the whole text as one article
"""

from __future__ import annotations

from articles.ingest.dump import whole_text_article
from articles.ingest.formats import Limits, parse, whole_text
from articles.ingest.types import IngestError, NoArticlesFound, ParsedArticle, ParseResult

__all__ = [
    "IngestError",
    "Limits",
    "NoArticlesFound",
    "ParseResult",
    "ParsedArticle",
    "parse",
    "whole_text",
    "whole_text_article",
]
