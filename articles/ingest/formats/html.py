"""Saved web pages: the article of one HTML page, read by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
import trafilatura

from articles.ingest.dates import find_date
from articles.ingest.decode import decode
from articles.ingest.formats.limits import spaces
from articles.ingest.types import NoArticlesFound, ParsedArticle, ParseResult


def parse_html(data: bytes, name: str) -> ParseResult:
    html = decode(data, name)
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
    )
    paragraphs: list[tuple[str, bool]] = []
    title = author = sitename = url = date = ""
    if document is not None and not isinstance(document, dict):
        title = document.title or ""
        author = document.author or ""
        sitename = document.sitename or ""
        url = document.url or ""
        date = document.date or ""
        paragraphs = _html_paragraphs(document.body, document.text or "")
    if paragraphs and paragraphs[0][1] and paragraphs[0][0] == title:
        paragraphs = paragraphs[1:]  # the page's own <h1> repeats the title
    if not title and paragraphs and paragraphs[0][1]:
        title, paragraphs = paragraphs[0][0], paragraphs[1:]
    while paragraphs and paragraphs[-1][1]:
        paragraphs.pop()
    if not paragraphs:
        raise NoArticlesFound(
            f"No article text found in {name or 'the page'}.",
            "Save the article page itself (not a front page or search results), or paste "
            "its text into a .txt file.",
            page_text(html),
        )
    article = ParsedArticle(
        title=spaces(title),
        body="\n\n".join(text for text, _ in paragraphs),
        published=find_date(date) if date else None,
        byline=spaces(author.replace("; ", ", ")),
        outlet=spaces(sitename),
        url=url,
        source_name=name,
        headings=tuple(i for i, (_, heading) in enumerate(paragraphs) if heading),
    )
    return ParseResult((article,))


def _html_paragraphs(body: Any, text: str) -> list[tuple[str, bool]]:
    """(text, is_heading) for each block of trafilatura's extracted tree."""
    if body is None:
        return [(spaces(line), False) for line in text.split("\n") if line.strip()]
    paragraphs: list[tuple[str, bool]] = []
    for element in body:
        if element.tag == "list":
            blocks = [(item, False) for item in element.iter("item")]
        else:
            blocks = [(element, element.tag == "head")]
        for block, heading in blocks:
            content = spaces("".join(block.itertext()))
            if content:
                paragraphs.append((content, heading))
    return paragraphs


# Elements that start a line of their own in a browser; text outside them runs on.
_BLOCKS = ("address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
           "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
           "section", "table", "td", "th", "tr", "ul")
_BREAK = "\ue000"  # a private-use character no page's text holds: where a block ends
# An XHTML page's `<?xml … encoding=…?>`: lxml refuses a decoded text that still declares one.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*>")


def page_text(html: str) -> str:
    """All the visible text of a page, one paragraph per block (blank-line separated),
    without markup, scripts or styles: what a page whose article trafilatura cannot find
    gives when it is taken whole."""
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError):  # nothing but whitespace or comments
        return ""
    for hidden in root.xpath("//head|//script|//style|//noscript|//template"):
        hidden.drop_tree()
    parts = (spaces(part) for part in "".join(_reading_order(root)).split(_BREAK))
    return "\n\n".join(part for part in parts if part)


def _reading_order(root: Any) -> Iterator[str]:
    """The text of `root` as a browser lays it out, a _BREAK around every block element.
    (Read, never written back: lxml refuses to set a text holding control characters,
    which a page's own text may hold.)"""
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        block = event in ("start", "end") and element.tag in _BLOCKS
        if event == "start":
            yield (_BREAK if block else "") + (element.text or "")
        elif element is not root:  # the end of an element, or a comment: its tail follows
            yield (_BREAK if block else "") + (element.tail or "")
