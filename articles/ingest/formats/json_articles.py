"""JSON: a list of article objects, {"articles": [...]}, one article object, or JSON
Lines (an object a line)."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Any

from articles.ingest.dates import find_date
from articles.ingest.decode import decode
from articles.ingest.formats.html import page_text
from articles.ingest.formats.limits import Limits, spaces, too_many_articles
from articles.ingest.reflow import reflow
from articles.ingest.types import IngestError, ParsedArticle, ParseResult

_TITLE_KEYS = ("title", "headline", "name")
_BODY_KEYS = ("body", "text", "content", "article", "articleBody")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "datePublished", "pubDate")
_BYLINE_KEYS = ("byline", "author", "authors", "by")
_OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher", "publication")
_URL_KEYS = ("url", "link", "href")
# A field written as HTML (WordPress's "content": {"rendered": "<p>…</p>"}) has tags, or at
# least entities ("Talks end &#8211; no deal"); a "<" or "&" of plain text ("x < y",
# "AT&T", "A<B and C>D") is neither. A tag is a known element's name, bare or with
# attributes written as attributes (name=value).
_ATTRIBUTES = r"""(?:\s+[a-z][a-z0-9_:-]*\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*\s*/?"""
# With a block tag the field is HTML: its paragraphs are its blocks, not its blank lines.
_BLOCKS = ("p|div|h[1-6]|li|ul|ol|blockquote|section|article|main|header|footer|aside|figure|figcaption|"
           "table|tr|td|th|pre")
_BLOCK = re.compile(rf"<(?:/(?:{_BLOCKS})\s*|(?:{_BLOCKS}|br|hr){_ATTRIBUTES})>", re.IGNORECASE)
# Without, it is text with at most inline tags (a link, an emphasis): they go, its words stay.
_INLINES = "a|abbr|b|cite|code|em|font|i|mark|q|s|small|span|strong|sub|sup|time|u"
_INLINE = re.compile(rf"<(?:/(?:{_INLINES})\s*|(?:{_INLINES}|img|wbr){_ATTRIBUTES})>|<!--.*?-->",
                     re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.IGNORECASE)
# The records skipped that are named one by one; the rest are counted in one note. A table
# of a million rows without text made a note each, all stored with the upload and shown on
# its review page.
NAMED_SKIPS = 20


def parse_json(data: bytes, name: str, limits: Limits) -> ParseResult:
    label = name or "The JSON file"
    text = decode(data, name)
    try:
        value = _loads(text)
    except RecursionError as exc:
        raise _too_deep(label, limits) from exc
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{label} is not valid JSON ({exc.msg}, line {exc.lineno}, column {exc.colno}).",
            "Check the file in a JSON validator, or upload the articles as text.",
        ) from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise IngestError(
            f"{label} is not JSON we can read: {exc}.",
            "Check the file in a JSON validator, or upload the articles as text.",
        ) from exc
    if _depth(value) > limits.max_json_depth:
        raise _too_deep(label, limits)
    items = _json_items(value, label)
    # Not NoArticlesFound: its offer to take the whole text as one article would make
    # the JSON source itself the article's text.
    nothing = IngestError(
        f"No article with a body found in {label}.",
        'Give each object a "title" and a "body" (or "text"), then upload it again.',
    )
    return articles_of_records(((f"skipped item {n} of {label}: it has no body or text", _object(item, n, label))
                                for n, item in enumerate(items, start=1)), name, nothing, limits)


def articles_of_records(records: Iterable[tuple[str, dict[str, Any] | None]], name: str,
                        nothing: IngestError, limits: Limits) -> ParseResult:
    """The articles of records read as JSON objects are (a CSV's rows, a feed's items),
    each given with the note to make if it holds no article; `nothing` is raised when none
    does. Past `limits.max_articles` it stops: a 10 MB table of two-word rows (2.4 million)
    took half a minute and half a gigabyte to be refused after."""
    articles: list[ParsedArticle] = []
    notes: list[str] = []
    unnamed = 0
    for skipped, fields in records:
        article = article_of_fields(fields, name) if fields is not None else None
        if article is not None:
            articles.append(article)
            if len(articles) > limits.max_articles:
                raise too_many_articles(name or "The file", f"holds more than {limits.max_articles:,} articles", limits)
        elif len(notes) < NAMED_SKIPS:
            notes.append(skipped)
        else:
            unnamed += 1
    if not articles:
        raise nothing
    if unnamed:
        notes.append(f"and {unnamed:,} more skipped in {name or 'the file'}")
    return ParseResult(tuple(articles), tuple(notes))


def _object(item: Any, n: int, label: str) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise _shape_error(label, f"item {n} is {_json_type(item)}, not an object")
    return item


def _loads(text: str) -> Any:
    """One JSON value, or JSON Lines (one value a line, as scrapers write them: Scrapy's
    `-o items.jsonl`) as the list of its lines' values."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg != "Extra data":
            raise
        values, offset = [], 0
        for line in text.split("\n"):  # not splitlines(): a string may hold a raw U+2028
            if line.strip():
                try:
                    values.append(json.loads(line))
                except json.JSONDecodeError as broken:
                    if not values:  # not JSON Lines: the first value spans lines
                        raise exc from None
                    raise json.JSONDecodeError(broken.msg, text, offset + broken.pos) from None
            offset += len(line) + 1
        return values


def _json_items(value: Any, label: str) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if isinstance(value.get("articles"), list):
            return list(value["articles"])
        if _first(value, _BODY_KEYS):
            return [value]  # a single article object
        raise _shape_error(label, f"it is an object whose fields ({', '.join(sorted(value)[:8])}) hold no body")
    raise _shape_error(label, f"it is {_json_type(value)}")


def article_of_fields(item: dict[str, Any], name: str) -> ParsedArticle | None:
    """The article of one object's fields (or one CSV row's, renamed to them); None
    without a body."""
    body = _unmarked(_text(_first(item, _BODY_KEYS), "\n\n"))
    if not body.strip():
        return None
    url = _first(item, _URL_KEYS)
    return ParsedArticle(
        title=spaces(_unmarked(_text(_first(item, _TITLE_KEYS), " "))),
        body="\n\n".join(_json_paragraphs(body)),
        published=_json_date(_first(item, _DATE_KEYS)),
        byline=spaces(_text(_first(item, _BYLINE_KEYS), ", ")),
        outlet=spaces(_text(_first(item, _OUTLET_KEYS), ", ")),
        url=_text(url[0] if isinstance(url, list) else url, ""),  # the first of several links
        source_name=name,
    )


def _text(value: Any, sep: str) -> str:
    """A field's value as text: a string as it is, a number as written, a list's items'
    texts joined by `sep`, an object's "rendered" (WordPress), "text" or "name"; else
    nothing (str() would put Python's repr of a list or object into the article)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        return sep.join(text for text in (_text(part, sep) for part in value) if text)
    if isinstance(value, dict):
        return _text(_first(value, ("rendered", "text", "name")), sep)
    return ""


def _unmarked(text: str) -> str:
    """An HTML field's visible text, one paragraph per block (the reader of saved pages'
    own); a plain-text field as it is, its inline tags (a link, an emphasis) taken out and
    entities decoded (its line breaks still part paragraphs, which in HTML they would not).
    One inline tag does not make a text HTML: it lost every paragraph."""
    if _BLOCK.search(text):
        return page_text(text)
    text = _INLINE.sub("", text)
    return html.unescape(text) if _ENTITY.search(text) else text


def _json_paragraphs(body: str) -> list[str]:
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "\n\n" in body.replace("\r\n", "\n"):
        return [p.text for p in reflow(lines)]  # blank lines mark paragraphs
    return [spaces(line) for line in lines if line.strip()]  # one paragraph a line


def _json_date(value: Any) -> Any:
    if isinstance(value, str):
        return find_date(value)
    return None


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if item.get(key) not in (None, "", []):
            return item[key]
    return None


def _depth(value: Any) -> int:
    # Iterative, so a deep document cannot exhaust the Python stack here.
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node)
    return deepest


def _json_type(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return names.get(type(value), type(value).__name__)


def _shape_error(label: str, what: str) -> IngestError:
    return IngestError(
        f"{label} does not hold articles: {what}.",
        'Use one object, or a list of objects, with "title" and "body" (or "text"), optionally '
        '"published", "byline", "outlet" and "url"; or an object {"articles": [...]}.',
    )


def _too_deep(label: str, limits: Limits) -> IngestError:
    return IngestError(
        f"{label} is nested more than {limits.max_json_depth} levels deep.",
        'Use a flat list of article objects, or {"articles": [...]}.',
    )
