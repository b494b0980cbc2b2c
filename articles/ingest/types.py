"""What the ingest layer returns: plain frozen dataclasses, no ORM."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ParsedArticle:
    """One article found in an upload.

    `body` holds paragraphs separated by exactly one blank line ("\\n\\n").
    `headings` are the indices (into body.split("\\n\\n")) of paragraphs that are
    section headings or numbered subheads kept inside the article.
    """

    title: str
    body: str
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    url: str = ""
    source_name: str = ""
    headings: tuple[int, ...] = field(default=())

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n\n") if self.body else []

    @property
    def word_count(self) -> int:
        return len(self.body.split())


@dataclass(frozen=True)
class ParseResult:
    """The articles of an upload, plus readable notes on what was skipped."""

    articles: tuple[ParsedArticle, ...]
    notes: tuple[str, ...] = ()


class IngestError(ValueError):
    """An upload we cannot read. `message` says what is wrong, `hint` what to do."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NoArticlesFound(IngestError):
    """The text decoded but no article could be found; the caller may offer to
    take the whole text as one article (see ingest.whole_text_article)."""

    def __init__(self, message: str, hint: str = "", text: str = "") -> None:
        super().__init__(message, hint)
        self.text = text
