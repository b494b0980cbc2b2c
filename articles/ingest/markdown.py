"""Markdown's syntax off the lines of a .md file, so its articles read as a text dump's:
"# Council approves budget" is a headline line, "*By Jane Porter*" a byline, and a
link's words stay without its address."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
# Emphasis around words (not the "* * *" or "***" of a separator line, not a bullet "* ").
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![\w*])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")


def plain_lines(lines: Iterable[str]) -> Iterator[str]:
    for line in lines:
        yield plain_line(line)


# A text under another name (pasted in the text box, kept as pasted.txt) is Markdown when
# its first lines hold a heading ("# Council approves budget"): a link or emphasis alone
# is not enough, as "*priority*" or "[sic]" in plain text are the writer's own.
_MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+\w")
_SNIFF_LINES = 400


def plain_lines_if_markdown(lines: Iterator[str]) -> Iterator[str]:
    """`lines` as plain_lines makes them when their start looks like Markdown, else as they are."""
    head = list(islice(lines, _SNIFF_LINES))
    whole = chain(head, lines)
    return plain_lines(whole) if any(_MARKDOWN_HEADING.match(line) for line in head) else whole


def plain_line(line: str) -> str:
    if not re.search(r"\w", line):
        return line  # a separator line ("***", "---", "* * *") stays one
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _LINK.sub(r"\1", _IMAGE.sub(r"\1", line))
    return _EMPHASIS.sub(r"\2", _STRONG.sub(r"\2", line))
