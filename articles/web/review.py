"""Apply the review page's edits to draft articles: edit, drop, merge, split
(the choices themselves are applied by articles.drafts.apply_choices, on the worker that
creates the articles).

Pure: takes the drafts (articles.drafts.Draft) and the review form's cleaned data, one
mapping per article; returns the drafts to create, in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from articles.drafts import Draft, apply_choices
from articles.ingest.dump import MIN_ARTICLE_WORDS

EDITABLE = ("title", "published", "byline", "outlet")


def too_short(draft: Draft) -> int | None:
    """The draft's word count when it is under MIN_ARTICLE_WORDS, else None. A text dump
    skips such an article (there it is a stray headline the segmenter took for one); a
    format that marks each article itself (JSON, a page, a CSV row, a feed item) keeps it,
    and the review says so: a teaser, or a page whose text was not read, for the reviewer
    to drop, merge or keep."""
    words = len(draft.body.split())
    return words if words < MIN_ARTICLE_WORDS else None


def short_note(words: int, title: str, *, added: bool) -> str:
    """What the review page says of an article under MIN_ARTICLE_WORDS (too_short), in
    plain words: the API's uploads tell it too. `added`: confirmed without review, so what
    to do is no longer the review's drop, merge or keep."""
    todo = ("it was added: staff can delete it in the admin if it is not an article." if added else
            "drop it, merge it with the next one if it belongs there, or keep it if it is the whole article.")
    return (f"Only {words} word{'' if words == 1 else 's'}: {title!r} is too short for an article (a text dump's "
            f"article under {MIN_ARTICLE_WORDS} words is skipped). It may be a teaser, or a page whose text could "
            f"not be read: {todo}")


def apply_review(drafts: Sequence[Draft], edits: Sequence[Mapping[str, Any]]) -> list[Draft]:
    """The articles to create from the drafts that have an edit (one review page holding
    them all)."""
    by_key = {d.key: d for d in drafts}
    return apply_choices([_edited(by_key[str(e.get("key"))], e) for e in edits if str(e.get("key")) in by_key])


def with_edits(drafts: Sequence[Draft], edits: Sequence[Mapping[str, Any]]) -> list[Draft]:
    """Every draft, those of one review page with that page's edits: what is saved
    before another page is shown."""
    by_key = {str(e.get("key")): e for e in edits}
    return [_edited(d, by_key[d.key]) if d.key in by_key else d for d in drafts]


def _edited(base: Draft, edit: Mapping[str, Any]) -> Draft:
    changes: dict[str, Any] = {}
    for name in EDITABLE:
        if name not in edit:
            continue
        value = edit[name]
        if value is None:  # a field the reviewer emptied (a cleared date): cleared, not kept
            changes[name] = ""
        else:
            changes[name] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return replace(base, **changes, keep=edit.get("keep", True), merge_with_next=bool(edit.get("merge_with_next")),
                   split_at=edit.get("split_at"))


@dataclass(frozen=True)
class ReviewPager:
    """Which drafts one review page shows: `size` of `count`, page `number` (1-based)."""

    count: int
    size: int
    requested: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.size))

    def clamp(self, number: int) -> int:
        return min(max(number, 1), self.pages)

    @property
    def number(self) -> int:
        return self.clamp(self.requested)

    @property
    def first(self) -> int:
        return (self.number - 1) * self.size

    @property
    def last(self) -> int:
        return min(self.first + self.size, self.count)
