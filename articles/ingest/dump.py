"""A decoded text dump -> articles: segment, drop furniture, rebuild paragraphs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from articles.ingest.banners import Banners
from articles.ingest.boilerplate import (
    BEFORE_FOOTER_RUN,
    LAST_ARTICLE_RUN,
    clean_paragraphs,
    credited_names,
    is_credit_line,
)
from articles.ingest.bylines import dateline_outlet
from articles.ingest.decode import iter_lines
from articles.ingest.invisible import without_invisible
from articles.ingest.reflow import Paragraph, reflow
from articles.ingest.segment import Block, Segmenter
from articles.ingest.storable import storable_article
from articles.ingest.types import NoArticlesFound, ParsedArticle, ParseResult

# Fewer words than this is a stray headline or a comment, not an article.
MIN_ARTICLE_WORDS = 25


def parse_dump(text: str, source_name: str = "") -> ParseResult:
    """All articles in a text dump; NoArticlesFound if there is none."""
    return parse_dump_lines(iter_lines(text), source_name, lambda: text)


def parse_dump_lines(
    lines: Iterable[str], source_name: str = "", whole_text: Callable[[], str] = str
) -> ParseResult:
    """All articles in a dump read line by line, one article held at a time.

    `whole_text` rebuilds the text for NoArticlesFound (which offers to take it whole);
    it is only called on that path, so a large dump is not kept as one string.
    """
    banners = Banners()
    # Invisible characters before a headline hid it, and its article was skipped with the
    # lines "before the first article": removed here already, before the segmenter reads.
    segmenter = Segmenter(banners.lines(without_invisible(line) for line in lines))
    notes: list[str] = []
    articles: list[ParsedArticle] = []
    short: list[str] = []  # the titles of the articles skipped as too short
    blocks = segmenter.blocks()
    block = next(blocks, None)
    while block is not None:
        following = next(blocks, None)  # one block ahead, to know which one is last
        article, block_notes = _article(block, source_name, last=following is None)
        block = following
        notes.extend(block_notes)
        if article.word_count < MIN_ARTICLE_WORDS:
            short.append(repr(article.title))
            notes.append(
                f"skipped {article.title!r}: {article.word_count} word(s), too short for an article"
            )
            continue
        if not article.outlet and (named := banners.outlet_of(article.title)):
            article = replace(article, outlet=named)
        if not articles and not article.outlet and segmenter.masthead:
            article = replace(article, outlet=segmenter.masthead)  # the page's masthead
        articles.append(article)
    if not articles and short:  # the headers were read: what was missing is text
        more = f" and {len(short) - 3} more" if len(short) > 3 else ""
        raise NoArticlesFound(
            f"No article found in {source_name or 'the text'}: {', '.join(short[:3])}{more} had "
            f"fewer than {MIN_ARTICLE_WORDS} words, too short for an article.",
            "Paste in the rest of the article's text, or take the whole text as one article.",
            whole_text(),
        )
    if not articles:
        raise NoArticlesFound(
            f"No article found in {source_name or 'the text'}.",
            "An article is recognised by a headline line of three words or more followed by its "
            "date or byline (or of two in sentence case, as \"Markets tumble\", over its byline), "
            "or by a headline after a '----' separator. Add those, or take the whole text as one article.",
            whole_text(),
        )
    # The segmenter's notes come first: they describe the dump before its articles.
    return ParseResult(tuple(articles), tuple(segmenter.notes + notes))


def whole_text_article(text: str, title: str = "") -> ParsedArticle:
    """The whole text as one article: for a dump in which no article was recognised.

    Without a title, the first line becomes the title when it is short enough to be one.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not title:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and len(lines[first].split()) <= 25:
            title = lines[first].strip()
            lines = lines[first + 1 :]
    paragraphs = [p for p in reflow(lines) if p.text]
    return storable_article(_build(title.strip(), paragraphs, source_name=""))[0]


def _article(block: Block, source_name: str, *, last: bool) -> tuple[ParsedArticle, list[str]]:
    run = BEFORE_FOOTER_RUN if block.cut_at_footer else LAST_ARTICLE_RUN if last else 0
    reflowed = reflow(block.lines)
    # A wire story may name its reporters only in its credit line.
    credited = next((credited_names(p.text) for p in reflowed if is_credit_line(p.text)), "")
    paragraphs, notes = clean_paragraphs(reflowed, min_headline_run=run)
    outlet = block.outlet
    if not outlet and paragraphs:
        outlet = dateline_outlet(paragraphs[0].text)
    article = _build(
        block.title,
        paragraphs,
        source_name=source_name,
        published=block.published,
        byline=block.byline or credited,
        outlet=outlet,
    )
    return article, notes



def _build(
    title: str,
    paragraphs: Sequence[Paragraph],
    *,
    source_name: str,
    published: dt.date | None = None,
    byline: str = "",
    outlet: str = "",
) -> ParsedArticle:
    # Headings at the very start or end of a body introduce nothing: keep them as text
    # only when followed by something.
    kept = list(paragraphs)
    while kept and kept[-1].heading:
        kept.pop()
    return ParsedArticle(
        title=title,
        body="\n\n".join(p.text for p in kept),
        published=published,
        byline=byline,
        outlet=outlet,
        source_name=source_name,
        headings=tuple(i for i, p in enumerate(kept) if p.heading),
    )
