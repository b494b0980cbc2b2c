"""A draft article: what the parser found, as the review step shows and edits it, before
it becomes an Article. Pure: no Django. Stored on Upload.draft as `to_json()`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from articles.ingest.types import ParsedArticle

STORED = ("title", "body", "published", "byline", "outlet", "url", "source_name", "headings")
CHOICES = ("keep", "merge_with_next", "split_at")  # the reviewer's, kept between review pages


@dataclass
class Draft:
    title: str
    body: str
    published: str = ""      # ISO date or ""
    byline: str = ""
    outlet: str = ""
    url: str = ""
    source_name: str = ""
    headings: list[int] = field(default_factory=list)  # paragraph indexes that are headings
    key: str = ""             # "upload pk:index", how the review form names it
    upload: int | None = None  # the Upload it came from
    # The reviewer's choices (web/review.apply_review reads them).
    keep: bool = True
    merge_with_next: bool = False
    split_at: int | None = None

    @classmethod
    def from_parsed(cls, article: ParsedArticle) -> Draft:
        return cls(title=article.title, body=article.body,
                   published=article.published.isoformat() if article.published else "",
                   byline=article.byline, outlet=article.outlet, url=article.url,
                   source_name=article.source_name, headings=list(article.headings))

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, key: str = "", upload: int | None = None) -> Draft:
        """A stored draft (Upload.draft item); unknown keys are ignored."""
        values = {k: v for k, v in data.items() if k in _FIELDS}
        values.setdefault("title", "")
        values.setdefault("body", "")
        return cls(**{**values, "key": key or values.get("key", ""),
                      "upload": upload if upload is not None else values.get("upload")})

    def to_json(self) -> dict[str, Any]:
        """What Upload.draft stores (the parser's findings, not the reviewer's choices)."""
        return self._fields(STORED)

    def review_initial(self) -> dict[str, Any]:
        """The review form's initial values: the stored fields and the choices so far."""
        return {**self.to_reviewed_json(), "key": self.key}

    def to_reviewed_json(self) -> dict[str, Any]:
        """What Upload.draft stores once a review page was saved: the choices as well."""
        return self._fields(STORED + CHOICES)

    def _fields(self, names: tuple[str, ...]) -> dict[str, Any]:
        data = asdict(self)
        return {k: data[k] for k in names}


_FIELDS = frozenset(f.name for f in fields(Draft))
