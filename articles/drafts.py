"""A draft article: what the parser found, as the review step shows and edits it, before
it becomes an Article. Pure: no Django. Stored on Upload.draft as `to_json()`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
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
    split_at: int | None = None  # the paragraph number (from 1, as listed) the second part starts at

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


def apply_choices(drafts: Sequence[Draft]) -> list[Draft]:
    """Split, then merge, then drop: the articles to create, in order."""
    return [d for d in _merge(_split(list(drafts))) if d.keep and d.body.strip()]


def split_refusal(body: str, split_at: int | None, *, article: str) -> str:
    """Why "split before paragraph `split_at`" cannot split `article` (its text `body`), or
    "" when it can: _split leaves a draft whole when the number is past its last paragraph."""
    count = len(body.split("\n\n"))
    if split_at is None or split_at <= count:
        return ""
    if count == 1:
        return f"{article} has only 1 paragraph: it cannot be split; leave “Split before paragraph” empty."
    return (f"{article} has only {count} paragraphs: give the number of the paragraph the new article "
            f"starts with, from 2 to {count}, or leave “Split before paragraph” empty.")


def _split(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        paragraphs = draft.body.split("\n\n")
        at = int(draft.split_at or 0) - 1  # the reviewer counts paragraphs from 1, as the page lists them
        if not 1 <= at < len(paragraphs):
            out.append(draft)
            continue
        headings = list(draft.headings)
        # "Merge with the next" of a split draft is its second part's: the first stays apart.
        first = replace(draft, body="\n\n".join(paragraphs[:at]), headings=[h for h in headings if h < at],
                        merge_with_next=False)
        # The paragraph at the split becomes the new title when it reads like one and text
        # follows it (a short last paragraph as a title would leave an empty, dropped part).
        opener = paragraphs[at].strip()
        if at + 1 < len(paragraphs) and (at in headings or _reads_like_title(opener)):
            title, body_from = opener, at + 1
        else:
            title, body_from = f"{draft.title} (part 2)", at
        second = replace(draft, key=f"{draft.key}/split", title=title, body="\n\n".join(paragraphs[body_from:]),
                         headings=[h - body_from for h in headings if h >= body_from], split_at=None)
        out.extend([first, second])
    return out


def _reads_like_title(paragraph: str) -> bool:
    return len(paragraph) < 150 and not paragraph.endswith((".", "”", '"'))


def _merge(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        if out and out[-1].merge_with_next:
            previous = out[-1]
            offset = len(previous.body.split("\n\n"))
            out[-1] = replace(previous, body=f"{previous.body}\n\n{draft.body}",
                              headings=[*previous.headings, *(h + offset for h in draft.headings)],
                              merge_with_next=draft.merge_with_next, keep=previous.keep or draft.keep)
            continue
        out.append(draft)
    return out
