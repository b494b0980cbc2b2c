"""What opens a body before its text: saved pages and JSON exports often start with page
furniture ("Site Mobile Navigation") and the headline again, the title itself or the
print edition's Title Case headline. Kept, a headline reads as text: its capitalised
words become actors ("Trump Lashes Out") and its wording counts twice."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from articles.ingest.boilerplate import is_boilerplate, is_title_case
from articles.ingest.invisible import one_line
from articles.ingest.types import ParsedArticle, ParseResult

# Furniture paragraphs looked past at the start; more than this and the body has begun.
_MAX_LEADING_FURNITURE = 2
_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE_END = (".", "?", "!", ":", ";", ",", "”", '"')


def without_repeated_headline(result: ParseResult) -> ParseResult:
    """Each article without the furniture and repeated headline its body opens with; a
    note per article changed."""
    articles, notes = [], []
    for article in result.articles:
        cut = _opening_paragraphs(article)
        title = article.title
        if not title and cut and _is_headline(article.paragraphs[cut - 1]):
            title = one_line(article.paragraphs[cut - 1])  # a title is one line, its spaces plain
            notes.append(f"took the line the text of an untitled article opens with as its title: {title!r}")
        elif cut:
            notes.append(f"dropped the headline or page furniture at the start of the text of {article.title!r}")
        if cut:
            headings = tuple(h - cut for h in article.headings if h >= cut)
            article = dataclasses.replace(article, title=title, body="\n\n".join(article.paragraphs[cut:]),
                                          headings=headings)
        articles.append(article)
    if not notes:
        return result
    return ParseResult(tuple(articles), result.notes + tuple(notes))


def _opening_paragraphs(article: ParsedArticle) -> int:
    """How many paragraphs open the body before its text (never all of them)."""
    paragraphs = article.paragraphs
    last = len(paragraphs) - 1
    cut = 0
    while cut < min(last, _MAX_LEADING_FURNITURE) and is_boilerplate(paragraphs[cut]):
        cut += 1
    # An untitled article (a JSON item with no title) opens with its headline as a page would.
    opens_page = cut > 0 or not article.title
    if cut < last and is_repeated_headline(paragraphs[cut], article.title, after_furniture=opens_page):
        cut += 1
    return cut


def is_repeated_headline(text: str, title: str, *, after_furniture: bool) -> bool:
    """The title again, or after page furniture a Title Case line without a sentence's
    end: the page's other headline ("Governor Appoints Ex-Aide to Fill Kerry’s Seat")."""
    if title and comparable(text) == comparable(title):
        return True
    return after_furniture and _is_headline(text)


def _is_headline(text: str) -> bool:
    return not is_boilerplate(text) and is_title_case(text) and not text.rstrip().endswith(_SENTENCE_END)


def comparable(text: str) -> str:
    """Case, quote glyphs, punctuation and spacing aside: 'Fume At "Worst"' is 'fume at worst'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())
