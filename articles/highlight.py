"""Cut a piece of article text into segments carrying highlight classes.

Pure: spans in, segments out; the template escapes each segment's text, so
untrusted article text never becomes markup."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str           # e.g. "hl-quote sp-2", "hl-hedge"
    title: str = ""    # tooltip / accessible description
    badge: str = ""    # shown before the span (speaker initials)


@dataclass(frozen=True)
class Segment:
    text: str
    css: str = ""
    title: str = ""
    badge: str = ""


def segments(text: str, offset: int, marks: Sequence[Mark]) -> list[Segment]:
    """`text` is body[offset:offset+len(text)]; marks are in body offsets.
    Overlapping marks nest by combining their classes."""
    end = offset + len(text)
    inside = [m for m in marks if m.start < end and m.end > offset]
    cuts = {offset, end}
    for m in inside:
        cuts.add(max(m.start, offset))
        cuts.add(min(m.end, end))
    points = sorted(cuts)
    out: list[Segment] = []
    for a, b in pairwise(points):
        if a == b:
            continue
        covering = [m for m in inside if m.start <= a and m.end >= b]
        badge = "".join(m.badge for m in covering if m.start == a and m.badge)
        out.append(Segment(
            text=text[a - offset:b - offset],
            css=" ".join(dict.fromkeys(c for m in covering for c in m.css.split())),
            title="; ".join(dict.fromkeys(m.title for m in covering if m.title)),
            badge=badge,
        ))
    return out
