"""Apply the review page's edits to draft articles: edit, drop, merge, split.

Pure: drafts are dicts as made by uploads.draft_from_parsed (plus "key" and
"upload"); the result is the list of articles to create, in order."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

EDITABLE = ("title", "published", "byline", "outlet")


def apply_review(drafts: Sequence[Mapping[str, Any]], edits: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    by_key = {str(d["key"]): d for d in drafts}
    edited: list[dict[str, Any]] = []
    for edit in edits:
        base = by_key.get(str(edit.get("key")))
        if base is None:
            continue
        draft = dict(base)
        for field in EDITABLE:
            if field in edit and edit[field] is not None:
                value = edit[field]
                draft[field] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
        draft["_keep"] = edit.get("keep", True)
        draft["_merge"] = bool(edit.get("merge_with_next"))
        draft["_split"] = edit.get("split_at")
        edited.append(draft)
    return _finish(_merge(_split(edited)))


def _split(drafts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for draft in drafts:
        paragraphs = str(draft["body"]).split("\n\n")
        at = int(draft.get("_split") or 0)
        if not 1 <= at < len(paragraphs):
            out.append(draft)
            continue
        headings = list(draft.get("headings") or [])
        first = dict(draft, body="\n\n".join(paragraphs[:at]), headings=[h for h in headings if h < at])
        # The paragraph at the split becomes the new title when it reads like one.
        opener = paragraphs[at].strip()
        if at in headings or (len(opener) < 150 and not opener.endswith((".", "”", '"'))):
            title, body_from = opener, at + 1
        else:
            title, body_from = f"{draft['title']} (part 2)", at
        second = dict(
            draft,
            key=f"{draft['key']}/split",
            title=title,
            body="\n\n".join(paragraphs[body_from:]),
            headings=[h - body_from for h in headings if h >= body_from],
            _split=None,
        )
        out.extend([first, second])
    return out


def _merge(drafts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for draft in drafts:
        if out and out[-1].get("_merge"):
            previous = out[-1]
            offset = len(str(previous["body"]).split("\n\n"))
            previous["body"] = f"{previous['body']}\n\n{draft['body']}"
            previous["headings"] = list(previous.get("headings") or []) + [
                h + offset for h in draft.get("headings") or []
            ]
            previous["_merge"] = draft.get("_merge")
            previous["_keep"] = previous.get("_keep") or draft.get("_keep")
            continue
        out.append(draft)
    return out


def _finish(drafts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in d.items() if not k.startswith("_")}
        for d in drafts
        if d.get("_keep", True) and str(d.get("body", "")).strip()
    ]
