"""A dump's lines, read lazily: the segmenter looks a few lines back and ahead, and
what lies behind the article being built is released, so a large dump is never held
whole as a list of lines (see bench/ingest.py for the peak).

Lines are stripped and classified once, as they are read: blank, separator, page
furniture ("junk", which includes photo captions and credits), footer marker, or text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from articles.ingest.boilerplate import caption_lines, is_boilerplate, is_footer_marker

BLANK, SEP, JUNK, FOOTER, TEXT = "blank", "sep", "junk", "footer", "text"

# Captions are found over chunks of lines with a few lines of context on each side:
# a label, its credit and its caption never span more than the context.
_CHUNK = 512
_CONTEXT = 8


def flag_captions(lines: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each stripped line with whether it is a photo caption or credit."""
    source = iter(lines)
    window = [line.strip() for line in islice(source, _CHUNK + _CONTEXT)]
    before = 0
    while window:
        exhausted = len(window) < before + _CHUNK + _CONTEXT
        end = len(window) if exhausted else before + _CHUNK
        flagged = caption_lines(window)
        for i in range(before, end):
            yield window[i], i in flagged
        if exhausted:
            return
        window = window[end - _CONTEXT :]
        before = _CONTEXT
        window.extend(line.strip() for line in islice(source, _CHUNK))


def line_kind(line: str) -> str:
    if not line:
        return BLANK
    if _is_separator(line):
        return SEP
    if is_footer_marker(line):
        return FOOTER
    if is_boilerplate(line):
        return JUNK
    return TEXT


def _is_separator(line: str) -> bool:
    # "----", "* * *", "=====": three or more marks, nothing else.
    marks = line.replace(" ", "")
    return len(marks) >= 3 and all(ch in "-*=_~#•·+" for ch in marks)


class LineWindow:
    """Stripped lines with their kinds, addressed by their number in the whole dump.

    `content(k)` is the line number of the k-th text line. Lines before `release(n)`
    are forgotten; asking for them is a bug.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._source = flag_captions(lines)
        self._lines: list[str] = []
        self._kinds: list[str] = []
        self._base = 0  # line number of _lines[0]
        self._content: list[int] = []
        self._cbase = 0  # text-line number of _content[0]
        self.done = False
        self.released_text = 0  # text lines forgotten by release()

    def has(self, k: int) -> bool:
        """Whether text line k exists; reads up to the line after it."""
        if k + 1 >= self._cbase + len(self._content):  # the common case needs no read
            self._fill(k + 1)
        return k < self._cbase + len(self._content)

    def content(self, k: int) -> int:
        return self._content[k - self._cbase]

    def text(self, k: int) -> str:
        """The k-th text line, "" when there is none."""
        return self.line(self.content(k)) if k >= self._cbase and self.has(k) else ""

    def line(self, i: int) -> str:
        return self._lines[i - self._base]

    def kind(self, i: int) -> str:
        """The kind of line i; past the end of the dump, a blank."""
        self._fill_lines(i)
        index = i - self._base
        return self._kinds[index] if index < len(self._kinds) else BLANK

    def kinds(self, low: int, high: int) -> list[str]:
        self._fill_lines(high - 1)
        return self._kinds[low - self._base : high - self._base]

    @property
    def base(self) -> int:
        """The first line still held."""
        return self._base

    @property
    def first_content(self) -> int:
        return self._cbase

    @property
    def end(self) -> int:
        """One past the last line read so far (the end of the dump once `done`)."""
        return self._base + len(self._lines)

    def read_all(self) -> None:
        while not self.done:
            self._read_one()

    def release(self, line: int) -> None:
        """Forget the lines before `line`."""
        drop = min(max(0, line - self._base), len(self._lines))
        del self._lines[:drop]
        del self._kinds[:drop]
        self._base += drop
        gone = 0
        while gone < len(self._content) and self._content[gone] < line:
            gone += 1
        del self._content[:gone]
        self._cbase += gone
        self.released_text += gone

    def _fill(self, k: int) -> None:
        while not self.done and self._cbase + len(self._content) <= k:
            self._read_one()

    def _fill_lines(self, i: int) -> None:
        while not self.done and self._base + len(self._lines) <= i:
            self._read_one()

    def _read_one(self) -> None:
        try:
            line, caption = next(self._source)
        except StopIteration:
            self.done = True
            return
        kind = JUNK if caption else line_kind(line)
        self._lines.append(line)
        self._kinds.append(kind)
        if kind == TEXT:
            self._content.append(self._base + len(self._lines) - 1)
