"""Text that PostgreSQL can store: no NUL and no lone UTF-16 surrogate.

A JSON upload may carry `\\u0000` or a lone `\\ud800` in any string; PostgreSQL's text
and jsonb refuse both, and UTF-8 cannot encode a surrogate. They carry no meaning in an
article, so they are removed from every field, and a note tells the reviewer.
"""

from __future__ import annotations

import dataclasses
import re

from articles.ingest.invisible import visible_article
from articles.ingest.types import ParsedArticle, ParseResult

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_TEXT_FIELDS = ("title", "body", "byline", "outlet", "url", "source_name")


def storable_text(text: str) -> tuple[str, int]:
    """`text` without the characters PostgreSQL text cannot hold, and how many there were."""
    return _UNSTORABLE.subn("", text)


def storable_article(article: ParsedArticle) -> tuple[ParsedArticle, str]:
    """The article with every text field storable, and a note when something was removed;
    invisible characters are removed (invisible.py) without one, as every format's pass here."""
    article = visible_article(article)
    cleaned = {name: storable_text(getattr(article, name)) for name in _TEXT_FIELDS}
    removed = sum(count for _, count in cleaned.values())
    if not removed:
        return article, ""
    text = {name: value for name, (value, _) in cleaned.items()}
    article = dataclasses.replace(
        article,
        title=text["title"],
        body=text["body"],
        byline=text["byline"],
        outlet=text["outlet"],
        url=text["url"],
        source_name=text["source_name"],
    )
    changed = [name for name, (_, count) in cleaned.items() if count]
    fields = ", ".join("author" if name == "byline" else name for name in changed)
    note = (
        f"removed {removed} character(s) that cannot be stored (NUL or invalid Unicode) "
        f"from the {fields} of {article.title or 'an untitled article'!r}"
    )
    return article, note


def storable_result(result: ParseResult) -> ParseResult:
    """The parse result with every article storable; a note for each article changed."""
    articles: list[ParsedArticle] = []
    added: list[str] = []
    for article in result.articles:
        cleaned, note = storable_article(article)
        articles.append(cleaned)
        if note:
            added.append(note)
    notes = [storable_text(note)[0] for note in result.notes]  # notes quote titles
    return ParseResult(tuple(articles), tuple(notes + added))
