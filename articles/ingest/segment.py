"""A text dump -> article blocks (title, date, byline, outlet, raw body lines).

An article starts at a title-like line (short, no closing period, not a wrapped
sentence) that is followed within a few lines by a date stamp and/or a byline: that
pattern holds across blogs, wire copy and newspaper pages, while the body text between
articles does not show it. After an explicit separator ("----", "* * *") or two blank
lines, a title-like line starts an article even without a date or byline.

Page furniture lines are dropped here (see boilerplate); a footer marker ("Post a
Comment", "Related stories") ends the block it is in, up to the next article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from articles.ingest.boilerplate import is_boilerplate, is_footer_marker
from articles.ingest.bylines import Byline, clean_name, is_name, outlet_name, parse_byline
from articles.ingest.dates import DateStamp, match_date_line
from articles.ingest.reflow import ends_sentence

_SEPARATOR = re.compile(r"(?:[-*=_~#•·+]\s*){3,}")
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 200
# A headline may end in "by" or "for" ("... nobody should be surprised by"), but not in
# an article or conjunction: a line ending so is a sentence wrapped at the line end.
_WRAP_ENDINGS = frozenset({"a", "an", "the", "and", "or", "nor", "but", "of", "that", "than"})
_HEADER_SPAN = 10  # lines after a title in which its date/byline may appear
_STANDFIRST_WORDS = 15  # a title is rarely this long; a standfirst usually is

_BLANK, _SEP, _JUNK, _FOOTER, _TEXT = "blank", "sep", "junk", "footer", "text"


@dataclass(frozen=True)
class Block:
    title: str
    lines: tuple[str, ...]
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    cut_at_footer: bool = False


@dataclass(frozen=True)
class Segmentation:
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = ()


def segment(text: str) -> Segmentation:
    """Split a dump into article blocks; body lines keep their wraps and blank lines."""
    return _Segmenter(text.split("\n")).run()


@dataclass
class _Header:
    title_line: int  # index into the raw lines
    body_start: int  # index into the content positions
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    meta_lines: set[int] = field(default_factory=set)


class _Segmenter:
    def __init__(self, lines: list[str]) -> None:
        self.lines = [line.strip() for line in lines]
        self.kinds = [_kind(line) for line in self.lines]
        # Positions of real text lines: headers are read over these, skipping junk.
        self.content = [i for i, kind in enumerate(self.kinds) if kind == _TEXT]

    def run(self) -> Segmentation:
        headers: list[_Header] = []
        in_footer = False
        k = 0
        while k < len(self.content):
            if k > 0 and self._between(k, _FOOTER):
                in_footer = True
            header = self._read_header(k, in_footer=in_footer)
            if header is None:
                k += 1
                continue
            headers.append(header)
            in_footer = False
            k = max(header.body_start, k + 1)
        return self._blocks(headers)

    # -- headers -----------------------------------------------------------------

    def _read_header(self, k: int, *, in_footer: bool) -> _Header | None:
        title = self._text(k)
        if not _is_title_like(title, self._text(k + 1)):
            return None
        if in_footer and is_name(title, max_words=4):
            return None  # a commenter's name above a comment date
        header = _Header(title_line=self.content[k], body_start=k + 1)
        has_meta = False
        names, names_at, names_used = "", -1, 0
        standfirst = 0
        q = k + 1
        while q < len(self.content) and q - k <= _HEADER_SPAN and not self._strong(q):
            stamp, used = self._date_at(q)
            if stamp is None:
                stamp, by = _date_with_byline(self._text(q))
                if by is not None:
                    header.byline = header.byline or by.name
                    header.outlet = header.outlet or by.outlet
                    used = 1
            if stamp is not None:
                if header.published is None:
                    header.published = stamp.value
                if names and not header.byline:
                    header.byline = names  # a bare name is a byline when a date follows
                    self._consume(header, names_at, names_used)
                    names = ""
                has_meta = True
                self._consume(header, q, used)
                q += used
                continue
            byline, used = self._byline_at(q)
            if byline is not None:
                header.byline = header.byline or byline.name
                header.outlet = header.outlet or byline.outlet
                has_meta = True
                self._consume(header, q, used)
                q += used
                continue
            outlet = outlet_name(self._text(q))
            if outlet:
                header.outlet = header.outlet or outlet
                has_meta = True
                self._consume(header, q, 1)
                q += 1
                continue
            if not names and not header.byline:
                run, used = self._name_run(q)
                if run:
                    names, names_at, names_used = run, q, used
                    q += used
                    continue
            if not has_meta and not names and standfirst < 3 and self._standfirst(q, standfirst):
                standfirst += 1  # stays in the body as its first paragraph
                q += 1
                continue
            break
        if names:
            if has_meta and self._blank_after(names_at + names_used - 1):
                header.byline = names  # "Jane Doe" set apart under the date
                self._consume(header, names_at, names_used)
            else:
                q = names_at  # those name-like lines begin the body
        if not has_meta and not self._strong(k):
            return None
        header.body_start = q if has_meta else k + 1
        return header

    def _date_at(self, q: int) -> tuple[DateStamp | None, int]:
        # Dates come split over lines ("12" / "April, 2017"); join up to three short ones.
        parts: list[str] = []
        for used in range(1, 4):
            if q + used - 1 >= len(self.content):
                break
            line = self._text(q + used - 1)
            # A whole stamp may be long; the pieces of a split one are short.
            if len(line.split()) > (12 if used == 1 else 4) or (
                used > 1 and self._strong(q + used - 1)
            ):
                break
            parts.append(line)
            stamp = match_date_line(" ".join(parts))
            if stamp is not None:
                return stamp, used
        return None, 0

    def _byline_at(self, q: int) -> tuple[Byline | None, int]:
        line = self._text(q)
        if line.lower().rstrip(":") == "by" and q + 1 < len(self.content):
            run, used = self._name_run(q + 1)
            found = parse_byline(f"By {run or self._text(q + 1)}")
            return (found, 1 + (used or 1)) if found else (None, 0)
        found = parse_byline(line)
        return (found, 1) if found else (None, 0)

    def _name_run(self, q: int) -> tuple[str, int]:
        """A personal name on one line, or split one word a line ("Adam" / "Garrie")."""
        line = self._text(q)
        if is_name(line) and match_date_line(line) is None:
            return clean_name(line), 1
        words: list[str] = []
        for used in range(1, 4):
            if q + used - 1 >= len(self.content):
                break
            part = self._text(q + used - 1)
            if len(part.split()) > 2 or (used > 1 and self._strong(q + used - 1)):
                break
            words.extend(part.split())
            if used > 1 and is_name(" ".join(words), max_words=4):
                # Take the longest run that is still a name.
                best = (" ".join(words), used)
                nxt = q + used
                if nxt < len(self.content) and len(self._text(nxt).split()) == 1:
                    longer = " ".join([*words, self._text(nxt)])
                    if is_name(longer, max_words=4) and used < 3:
                        return longer, used + 1
                return best
        return "", 0

    def _standfirst(self, q: int, seen: int) -> bool:
        line = self._text(q)
        if seen:
            return not ends_sentence(self._text(q - 1))
        return _starts_upper(line) and (
            len(line.split()) >= _STANDFIRST_WORDS or ends_sentence(line)
        )

    # -- blocks ------------------------------------------------------------------

    def _blocks(self, headers: Sequence[_Header]) -> Segmentation:
        notes: list[str] = []
        if headers:
            before = sum(1 for i in self.content if i < headers[0].title_line)
            if before:
                notes.append(f"skipped {before} line(s) before the first article")
        blocks: list[Block] = []
        for n, header in enumerate(headers):
            end = headers[n + 1].title_line if n + 1 < len(headers) else len(self.lines)
            body: list[str] = []
            cut = False
            for i in range(header.title_line + 1, end):
                if i in header.meta_lines or self.kinds[i] == _JUNK:
                    continue
                if self.kinds[i] == _FOOTER:
                    cut = True
                    dropped = sum(1 for j in range(i, end) if self.kinds[j] == _TEXT)
                    notes.append(
                        f"dropped {dropped + 1} line(s) of page footer from {self.lines[i]!r} on"
                    )
                    break
                body.append("" if self.kinds[i] in (_BLANK, _SEP) else self.lines[i])
            blocks.append(
                Block(
                    title=self.lines[header.title_line],
                    lines=tuple(body),
                    published=header.published,
                    byline=header.byline,
                    outlet=header.outlet,
                    cut_at_footer=cut,
                )
            )
        return Segmentation(tuple(blocks), tuple(notes))

    # -- helpers -----------------------------------------------------------------

    def _text(self, k: int) -> str:
        return self.lines[self.content[k]] if 0 <= k < len(self.content) else ""

    def _consume(self, header: _Header, q: int, used: int) -> None:
        header.meta_lines.update(self.content[q : q + used])

    def _between(self, k: int, kind: str) -> bool:
        """Whether a line of `kind` lies between content lines k-1 and k."""
        low = self.content[k - 1] + 1 if k > 0 else 0
        return any(self.kinds[i] == kind for i in range(low, self.content[k]))

    def _strong(self, k: int) -> bool:
        """A hard boundary before content line k: start, separator, or 2+ blank lines."""
        if k == 0:
            return True
        low, high = self.content[k - 1] + 1, self.content[k]
        gap = self.kinds[low:high]
        return _SEP in gap or gap.count(_BLANK) >= 2

    def _blank_after(self, k: int) -> bool:
        raw = self.content[k] + 1
        return raw >= len(self.lines) or self.kinds[raw] in (_BLANK, _SEP)


def _date_with_byline(line: str) -> tuple[DateStamp | None, Byline | None]:
    """WordPress style "Posted on April 12, 2017 by Jane Doe"."""
    date_part, by, name_part = line.rpartition(" by ")
    if not by:
        return None, None
    stamp = match_date_line(date_part)
    byline = parse_byline(f"By {name_part}") if stamp is not None else None
    return (stamp, byline) if byline is not None else (None, None)


def _kind(line: str) -> str:
    if not line:
        return _BLANK
    if _SEPARATOR.fullmatch(line):
        return _SEP
    if is_footer_marker(line):
        return _FOOTER
    if is_boilerplate(line):
        return _JUNK
    return _TEXT


def _is_title_like(line: str, next_line: str) -> bool:
    """Could `line` be a headline? Short, capitalised, and not a wrapped sentence."""
    words = line.split()
    if not 2 <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    if not _starts_upper(line):
        return False
    bare = line.rstrip("”\"’')]").rstrip()
    if bare.endswith((",", ";", ":", "-", "—", "–")):
        return False
    if bare.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$|\.\.\.$", bare):
        return False  # a sentence, unless it ends in "U.S." or an ellipsis
    if words[-1].lower() in _WRAP_ENDINGS:
        return False  # "... from the": a sentence wrapped at the line end
    if next_line[:1].islower():
        return False  # the next line continues it
    return match_date_line(line) is None


def _starts_upper(line: str) -> bool:
    head = line.lstrip("“\"‘'([«")
    return bool(head) and (head[0].isupper() or head[0].isdigit())
