"""A long article body cut into parts, so that its page renders in bounded time and size.

A part holds at most PART_PARAGRAPHS paragraphs and PART_CHARS characters; it starts at
a paragraph, except when one paragraph alone is longer than PART_CHARS: that one is cut
(at a space where there is one) and goes on in the next part. Parts are character
ranges of the body, so highlights (body offsets) need no translation. Pure: no Django
models, no database."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

PART_PARAGRAPHS = 200
PART_CHARS = 100_000
SEPARATOR = "\n\n"


def _cut(body: str, start: int, end: int, chars: int, parts: list[tuple[int, int]]) -> int:
    """Cut [start, end) into pieces of at most `chars`; all but the last go to `parts`.
    Returns where the last piece starts."""
    while end - start > chars:
        space = body.rfind(" ", start + chars // 2, start + chars)
        cut = start + chars if space == -1 else space + 1
        parts.append((start, cut))
        start = cut
    return start


def body_parts(body: str, *, paragraphs: int = PART_PARAGRAPHS, chars: int = PART_CHARS) -> list[tuple[int, int]]:
    """The (start, end) offsets of each part of `body`, in order, covering it all."""
    parts: list[tuple[int, int]] = []
    start = count = pos = 0
    while True:
        found = body.find(SEPARATOR, pos)
        end = len(body) if found == -1 else found
        if count and (count >= paragraphs or end - start > chars):
            parts.append((start, pos - len(SEPARATOR)))
            start, count = pos, 0
        start = _cut(body, start, end, chars, parts)
        count += 1
        if found == -1:
            parts.append((start, len(body)))
            return parts
        pos = end + len(SEPARATOR)


def part_of(parts: list[tuple[int, int]], offset: int) -> int:
    """The 1-based number of the part holding the body offset."""
    return max(1, bisect_right([start for start, _ in parts], offset))


def part_query(parts: list[tuple[int, int]], offset: int) -> str:
    """`?part=N` for the part holding `offset`; "" when the body has one part."""
    return f"?part={part_of(parts, offset)}" if len(parts) > 1 else ""


def parts_of(article: Any) -> list[tuple[int, int]]:
    """body_parts of an article (anything with a `body`), worked out once per instance."""
    parts: list[tuple[int, int]] | None = getattr(article, "_body_parts", None)
    if parts is None:
        parts = body_parts(article.body)
        article._body_parts = parts
    return parts


def offset_url(article: Any, offset: int, anchor: str) -> str:
    """The article page's address showing the body offset, with `#anchor`."""
    return f"{article.get_absolute_url()}{part_query(parts_of(article), offset)}#{anchor}"


def paragraph_url(article: Any, offset: int) -> str:
    """The article page's address of the paragraph holding the body offset (`#pN`, numbered
    as the article page numbers them); the breaks are found once per instance."""
    breaks: list[int] | None = getattr(article, "_paragraph_breaks", None)
    if breaks is None:
        breaks = [m.start() for m in re.finditer(SEPARATOR, article.body)]
        article._paragraph_breaks = breaks
    return offset_url(article, offset, f"p{bisect_right(breaks, offset - 1)}")
