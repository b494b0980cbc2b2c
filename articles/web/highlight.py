"""Cut a piece of article text into segments carrying highlight classes.

Pure: spans in, segments out; `to_html` escapes every segment's text, class and
title with format_html, so untrusted article text never becomes markup."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from itertools import pairwise

from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    css: str           # e.g. "hl-quote sp-2", "hl-hedge"
    title: str = ""    # tooltip / accessible description
    badge: str = ""    # shown before the span (speaker initials)
    href: str = ""     # where the badge links to (the speaker's page)
    spoken: str = ""   # what a screen reader hears where a badgeless mark starts ("hedge")


@dataclass(frozen=True)
class Segment:
    text: str
    css: str = ""
    title: str = ""
    badge: str = ""
    href: str = ""
    opens: tuple[tuple[str, str], ...] = ()  # (kind class, words) of each badgeless mark starting here


class MarkIndex:
    """One text's marks, to find those over a span in O(log n + found) rather than by
    scanning them all (a long article has many marks and many spans to highlight)."""

    def __init__(self, marks: Sequence[Mark]) -> None:
        self.order = sorted(range(len(marks)), key=lambda i: marks[i].start)
        self.marks = list(marks)
        self.starts = [marks[i].start for i in self.order]
        self.longest = max((m.end - m.start for m in marks), default=0)

    def over(self, start: int, end: int) -> list[Mark]:
        """The marks overlapping [start, end), in their given order (it decides class order)."""
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        found = sorted(i for i in self.order[lo:hi] if self.marks[i].end > start)
        return [self.marks[i] for i in found]


def segments(text: str, offset: int, marks: Sequence[Mark]) -> list[Segment]:
    """`text` is body[offset:offset+len(text)]; marks are in body offsets.
    Overlapping marks nest by combining their classes."""
    end = offset + len(text)
    inside = [m for m in marks if m.start < end and m.end > offset]
    if not inside:
        return [Segment(text)] if text else []
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
        starting = [m for m in covering if m.start == a and m.badge]
        badge = "".join(m.badge for m in starting)
        out.append(Segment(
            text=text[a - offset:b - offset],
            css=" ".join(dict.fromkeys(c for m in covering for c in m.css.split())),
            title="; ".join(dict.fromkeys(m.title for m in covering if m.title)),
            badge=badge,
            href=next((m.href for m in starting if m.href), ""),
            opens=tuple((m.css.split()[0], m.spoken) for m in covering if m.start == a and m.spoken and not m.badge),
        ))
    return out


def to_html(pieces: Sequence[Segment]) -> SafeString:
    """Segments as HTML. Every text, class, title and link is escaped here (the
    standard library's html.escape, quotes included) before the result is marked
    safe: this is the one place highlighted text becomes markup. Done in Python
    rather than a template loop because the event page renders thousands of
    segments and a template include per cell dominated its time."""
    out = []
    for seg in pieces:
        text = escape(seg.text)
        if not seg.css:
            out.append(text)
            continue
        title = f' title="{escape(seg.title)}"' if seg.title else ""
        badge = ""
        # A screen reader names the badge by what it stands for, not by its initials or "?",
        # and hears a pause before the quote's words. The name starts with the initials
        # shown (WCAG 2.5.3, label in name): a voice-control user says "click RT".
        named = f' aria-label="{escape(seg.badge)}: {escape(seg.title)}"' if seg.title else ""
        pause = '<span class="sr-only">: </span>'
        if seg.badge and seg.href:
            badge = f'<a class="badge" href="{escape(seg.href)}"{title}{named}>{escape(seg.badge)}</a>{pause}'
        elif seg.badge:
            # Focusable, so a tap on a phone (no hover, no tooltip) shows what it stands for. The
            # meaning is hidden text, not aria-label: screen readers may ignore an aria-label
            # on an element with no role, and say only "?".
            shown = escape(seg.badge)
            if seg.title:
                shown = f'<span aria-hidden="true">{shown}</span><span class="sr-only">{escape(seg.title)}</span>'
            badge = f'<abbr class="badge" tabindex="0"{title}>{shown}</abbr>{pause}'
        # What colour alone tells a sighted reader (a loaded word, a hedge), said in words;
        # classed by its kind, so that switching the kind off silences it (newsframe.css).
        said = "".join(f'<span class="sr-only said-{escape(kind)}">({escape(words)}) </span>'
                       for kind, words in seg.opens)
        out.append(f'<span class="{escape(seg.css)}"{title}>{badge}{said}{text}</span>')
    return mark_safe("".join(out))  # every piece above is escaped
