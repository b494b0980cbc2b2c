"""Geometry of the summary charts, computed server-side.

Pure functions: numbers in, frozen dataclasses out. Templates draw them as SVG
(`templates/articles/_chart_bars.svg.html`, `_chart_stack.svg.html`) and escape
every label, so no untrusted text is ever assembled into markup here. Every bar
carries its value as text, so a chart reads without colour."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 360.0        # SVG user units; the SVG scales down to its container
LABEL_WIDTH = 108.0  # left column for the bar labels (about 15 characters a line)
VALUE_WIDTH = 128.0  # right column for the value text (about 22 characters)
LABEL_CHARS = 15
LABEL_LINES = 3      # a label wraps onto this many lines before it is shortened
ROW = 22.0
LINE = 13.0          # one more label line makes the row this much taller
BAR = 14.0


@dataclass(frozen=True)
class BarItem:
    label: str
    value: float
    text: str        # the value as read aloud / printed next to the bar
    css: str = ""    # e.g. the speaker's colour class "sp-2"


@dataclass(frozen=True)
class LabelLine:
    text: str
    y: float         # baseline


@dataclass(frozen=True)
class Bar:
    label: str       # as shown (wrapped onto `lines`); `full_label` is for the text alternative
    full_label: str
    text: str
    css: str
    y: float         # top of the bar
    width: float     # bar length in user units (0 for a zero value)
    text_y: float    # baseline for the value
    lines: tuple[LabelLine, ...] = ()


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    width: float
    height: float
    label_x: float
    bar_x: float
    bar_height: float
    value_x: float


def bar_chart(items: Sequence[BarItem], *, scale_max: float | None = None) -> BarChart:
    """Horizontal bars, one row per item. `scale_max` puts several charts on one
    scale (the largest value of all of them), so their bars compare honestly. A label
    longer than a line wraps (`wrap`) and its row grows to hold it: "President Trump
    (unknown)" reads whole, not "President Trum…"."""
    top = max([scale_max or 0.0, *(i.value for i in items)], default=0.0)
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    bars = []
    row_top = 0.0
    for item in items:
        lines = wrap(item.label)
        height = ROW + LINE * (len(lines) - 1)
        middle = row_top + height / 2
        first = middle + 4 - LINE * (len(lines) - 1) / 2
        bars.append(Bar(
            label=" ".join(lines),
            full_label=item.label,
            text=item.text,
            css=item.css,
            y=middle - BAR / 2,
            width=round(span * item.value / top, 1) if top > 0 and item.value > 0 else 0.0,
            text_y=middle + 4,
            lines=tuple(LabelLine(text, round(first + LINE * k, 1)) for k, text in enumerate(lines)),
        ))
        row_top += height
    return BarChart(
        bars=tuple(bars), width=WIDTH, height=max(row_top, ROW), label_x=0.0, bar_x=LABEL_WIDTH,
        bar_height=BAR, value_x=LABEL_WIDTH + span + 6,
    )


def distinct_labels(labels: Sequence[str]) -> list[str]:
    """Labels numbered 1, 2, … when two would read the same once wrapped and shortened to fit."""
    fitted = [tuple(wrap(label)) for label in labels]
    if len(set(fitted)) == len(fitted):
        return list(labels)
    return [f"{i}. {label}" for i, label in enumerate(labels, 1)]


def wrap(label: str) -> list[str]:
    """A label as lines of at most LABEL_CHARS, broken between words (a longer word is
    cut); past LABEL_LINES lines, the last one ends in "…"."""
    lines = textwrap.wrap(label, LABEL_CHARS, break_on_hyphens=False)
    if len(lines) > LABEL_LINES:
        lines = [*lines[:LABEL_LINES - 1], _fit(lines[LABEL_LINES - 1] + " " + lines[LABEL_LINES])]
    return lines or [""]


def _fit(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[:LABEL_CHARS - 1].rstrip() + "…"


@dataclass(frozen=True)
class StackPart:
    label: str
    count: int
    share: float     # in [0, 1]
    css: str
    x: float         # left edge, user units
    width: float
    percent: int     # rounded share, for the text


@dataclass(frozen=True)
class Stack:
    parts: tuple[StackPart, ...]
    total: int
    width: float
    height: float


def stack(parts: Sequence[tuple[str, int, str]], *, width: float = WIDTH, height: float = 16.0) -> Stack:
    """One bar split into (label, count, css) parts, left to right. Empty when every
    count is zero, so the template can say "none" instead of drawing a blank bar."""
    total = sum(count for _, count, _ in parts)
    out = []
    x = 0.0
    for label, count, css in parts:
        share = count / total if total else 0.0
        w = round(width * share, 1)
        out.append(StackPart(label=label, count=count, share=share, css=css, x=round(x, 1),
                             width=w, percent=round(100 * share)))
        x += width * share
    return Stack(parts=tuple(out), total=total, width=width, height=height)
