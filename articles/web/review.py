"""Apply the review page's edits to draft articles: edit, drop, merge, split.

Pure: takes the drafts (articles.drafts.Draft) and the review form's cleaned data, one
mapping per article; returns the drafts to create, in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from articles.drafts import Draft

EDITABLE = ("title", "published", "byline", "outlet")


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


def apply_choices(drafts: Sequence[Draft]) -> list[Draft]:
    """Split, then merge, then drop: the articles to create, in order."""
    return [d for d in _merge(_split(list(drafts))) if d.keep and d.body.strip()]


def _edited(base: Draft, edit: Mapping[str, Any]) -> Draft:
    changes: dict[str, Any] = {}
    for name in EDITABLE:
        value = edit.get(name)
        if value is not None:
            changes[name] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return replace(base, **changes, keep=edit.get("keep", True), merge_with_next=bool(edit.get("merge_with_next")),
                   split_at=edit.get("split_at"))


def _split(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for draft in drafts:
        paragraphs = draft.body.split("\n\n")
        at = int(draft.split_at or 0)
        if not 1 <= at < len(paragraphs):
            out.append(draft)
            continue
        headings = list(draft.headings)
        first = replace(draft, body="\n\n".join(paragraphs[:at]), headings=[h for h in headings if h < at])
        # The paragraph at the split becomes the new title when it reads like one.
        opener = paragraphs[at].strip()
        if at in headings or (len(opener) < 150 and not opener.endswith((".", "”", '"'))):
            title, body_from = opener, at + 1
        else:
            title, body_from = f"{draft.title} (part 2)", at
        second = replace(draft, key=f"{draft.key}/split", title=title, body="\n\n".join(paragraphs[body_from:]),
                         headings=[h - body_from for h in headings if h >= body_from], split_at=None)
        out.extend([first, second])
    return out


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
