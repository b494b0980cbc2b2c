"""A text dump -> article blocks (title, date, byline, outlet, raw body lines).

An article starts at a title-like line (short, no closing period, not a wrapped
sentence) that is followed within a few lines by a date stamp and/or a byline: that
pattern holds across blogs, wire copy and newspaper pages, while the body text between
articles does not show it. Some pages print the date or the outlet's name above the
headline ("BBC News" / "Home" / headline; "12.04.2017" / headline): those count too.
After an explicit separator ("----", "* * *") or two blank lines, a title-like line
starts an article even without a date or byline; so does a long Title Case line set
apart by blank lines between finished paragraphs.

Page furniture lines are dropped here (see boilerplate); a footer marker ("Post a
Comment", "Related stories") ends the block it is in, up to the next article. Blocks
are produced one at a time over a window of lines (see lines.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise

from articles.ingest.boilerplate import MIN_WORDS_BEFORE_FOOTER, is_credit_line
from articles.ingest.bylines import (
    Byline,
    clean_name,
    is_byline_line,
    is_name,
    outlet_name,
    outlet_shaped,
    parse_byline,
    read_dateline,
)
from articles.ingest.dates import DateStamp, is_clock, match_date_line, match_month_line
from articles.ingest.lines import BLANK, FOOTER, JUNK, SEP, TEXT, LineWindow
from articles.ingest.outlets import source_line_outlet, title_and_outlet
from articles.ingest.reflow import ends_sentence
from articles.ingest.wordlists import load_list

_MIN_TITLE_WORDS = 3  # "World News", "BBC News", "Al Jazeera" are page furniture
# ...but a two-word headline in sentence case ("Markets tumble") is one where its byline is
# the next line or a separator stands above it: "Last updated" over a date, or "Most read"
# after two blank lines, is still furniture.
_SHORT_TITLE_WORDS = 2
_MAX_TITLE_WORDS = 25
_MAX_TITLE_CHARS = 200
# A headline may end in "by" or "for" ("... nobody should be surprised by"), but not in
# an article or conjunction: a line ending so is a sentence wrapped at the line end.
_WRAP_ENDINGS = frozenset({"a", "an", "the", "and", "or", "nor", "but", "of", "that", "than"})
_HEADER_SPAN = 10  # lines after a title in which its date/byline may appear
_LOOKBACK = 8  # lines above a title in which a date or an outlet line may stand
_KICKER_WORDS = 4  # section labels and navigation above a headline: "News | Turkey"
_MAX_STANDFIRST = 3  # lines of standfirst between a title and its date or byline
_STANDFIRST_WORDS = 15
_DEK_WORDS = 6  # a title is rarely this long; a standfirst usually is
# A headline with no date or byline is only believed when it is long Title Case set
# apart by blank lines, with a full paragraph after it.
_BARE_TITLE_WORDS = 6
_BODY_WORDS = 8


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
    from articles.ingest.decode import iter_lines

    segmenter = Segmenter(iter_lines(text))
    blocks = tuple(segmenter.blocks())
    return Segmentation(blocks, tuple(segmenter.notes))


@dataclass
class _Header:
    title_line: int  # line number in the dump
    body_start: int  # text-line number where the body starts
    start_line: int = -1  # first line of the header (a date or outlet above the title)
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    meta_lines: set[int] = field(default_factory=set)

    def take(self, published: dt.date | None, byline: str, outlet: str) -> None:
        """Fill what the header does not know yet; the first line to say it wins."""
        self.published = self.published or published
        self.byline = self.byline or byline
        self.outlet = self.outlet or outlet


@dataclass
class _Scan:
    """What reading the lines under a title has found so far."""

    has_meta: bool = False
    names: str = ""  # a bare name, a byline only if a date follows or it is set apart
    names_at: int = -1
    names_used: int = 0
    standfirst: int = 0


class Segmenter:
    """Reads a dump's lines once and yields its article blocks in order."""

    def __init__(self, lines: Iterable[str]) -> None:
        self.window = LineWindow(lines)
        self.notes: list[str] = []
        # An outlet's name above the first article, however far: a copied page's masthead.
        self.masthead = ""

    def blocks(self) -> Iterator[Block]:
        w = self.window
        pending: _Header | None = None
        in_footer = False
        floor = 0  # a header may not reach above the previous one's body
        k = 0
        while w.has(k):
            if k > 0 and self._between(k, FOOTER):
                in_footer = True
            header = self._read_header(k, in_footer=in_footer, floor=floor)
            if header is None:
                if pending is None and not self.masthead:
                    self.masthead = outlet_name(self._text(k))
                if pending is None and k - w.first_content > 2 * _LOOKBACK:
                    # Nothing before the first article is kept but what a header may claim.
                    w.release(w.content(k - _LOOKBACK - 1) + 1)
                k += 1
                continue
            if pending is None:
                before = w.released_text + sum(
                    1 for j in range(w.first_content, k) if w.content(j) < header.start_line
                )
                if before:
                    self.notes.append(f"skipped {before} line(s) before the first article")
            else:
                yield self._block(pending, header.start_line)
            w.release(header.start_line)
            pending, in_footer = header, False
            floor = header.body_start
            k = max(header.body_start, k + 1)
        if pending is not None:
            w.read_all()
            yield self._block(pending, w.end)

    # -- headers -----------------------------------------------------------------

    def _read_header(self, k: int, *, in_footer: bool, floor: int) -> _Header | None:
        title = self._text(k)
        if not _is_title_like(title, self._text(k + 1)):
            return None
        if in_footer and is_name(title, max_words=4):
            return None  # a commenter's name above a comment date
        title_line = self.window.content(k)
        header = _Header(title_line=title_line, body_start=k + 1, start_line=title_line)
        scan = _Scan()
        q = self._scan_header(k, header, scan)
        if scan.names:
            end = scan.names_at + scan.names_used
            under_date = _one_person(scan.names) and self._paragraph_at(end)
            if scan.has_meta and (self._set_apart(end - 1) or under_date):
                header.byline = scan.names  # "Jane Doe" under the date, then the body
                self._consume(header, scan.names_at, scan.names_used)
            else:
                q = scan.names_at  # those name-like lines begin the body
        if _is_short_title(title) and not ((header.byline and scan.standfirst == 0) or self._after_separator(k)):
            return None
        # A date or outlet above is only this title's when text, not more navigation,
        # follows it ("BBC News" / "War in Syria" / "World" / the real headline).
        has_meta = scan.has_meta or bool(title_and_outlet(title)[1])
        if (has_meta or not self._label_above_title(k)) and self._look_back(k, floor, header):
            has_meta = True
        if not has_meta and not self._strong(k) and not self._bare_headline(k):
            return None
        header.body_start = q if has_meta else k + 1
        return header

    def _scan_header(self, k: int, header: _Header, scan: _Scan) -> int:
        """Read the lines under the title at k that belong to its header; the text-line
        number where the body starts."""
        q = k + 1
        while self.window.has(q) and q - k <= _HEADER_SPAN and not self._strong(q):
            used = self._meta_at(q, header, scan)
            if used:
                q += used
                continue
            if not scan.names and not header.byline:
                run, used = self._name_run(q)
                if run:
                    scan.names, scan.names_at, scan.names_used = run, q, used
                    q += used
                    continue
            dateline = read_dateline(self._text(q))
            if dateline is not None:  # the body's first line, and the header's evidence
                header.take(dateline.published, "", dateline.outlet)
                scan.has_meta = True
                break
            if (
                not scan.has_meta
                and not scan.names
                and scan.standfirst < _MAX_STANDFIRST
                and self._standfirst(q, scan.standfirst, self._text(k))
            ):
                scan.standfirst += 1  # stays in the body as its first paragraph
                q += 1
                continue
            break
        return q

    def _meta_at(self, q: int, header: _Header, scan: _Scan) -> int:
        """How many lines from q are a date, a header line, a byline or an outlet's
        name (taken into the header); 0 when line q is none of them."""
        line = self._text(q)
        stamp, used = self._date_at(q)
        if stamp is None:
            stamp, by = _date_with_byline(line)
            if by is not None:
                header.take(None, by.name, by.outlet)
                used = 1
        if stamp is not None:
            header.take(stamp.value, "", "")
            if scan.names and not header.byline:
                header.byline = scan.names  # a bare name is a byline when a date follows
                self._consume(header, scan.names_at, scan.names_used)
                scan.names = ""
        elif (meta := _meta_line(line)) is not None:
            header.take(meta.published, meta.byline, meta.outlet)
            used = 1
        elif (byline := self._byline_at(q))[0] is not None:
            header.take(None, byline[0].name, byline[0].outlet)
            used = byline[1]
        elif outlet := outlet_name(line) or self._unlisted_outlet(q, header):
            header.take(None, "", outlet)
            used = 1
        else:
            return 0
        scan.has_meta = True
        self._consume(header, q, used)
        return used

    def _unlisted_outlet(self, q: int, header: _Header) -> str:
        """A paper the outlet list does not know, read only where a header puts its name:
        under the byline and above the date ("By Jane Porter" / "The Daily Ledger" /
        "5 March 2024"). Elsewhere such a line may be the next article's headline."""
        if not header.byline or header.outlet or header.published or self._date_at(q + 1)[0] is None:
            return ""
        return outlet_shaped(self._text(q))

    def _paragraph_at(self, q: int) -> bool:
        """Line q opens a paragraph: capitalised and long, not a wrapped name's tail."""
        line = self._text(q)
        return _starts_upper(line) and len(line.split()) >= _BODY_WORDS

    def _label_above_title(self, k: int) -> bool:
        """Line k is navigation or a section label above the real headline: more
        navigation follows it ("War in Syria" / "World"), or a headline does
        ("Finance & economics" / "Why central banks are buying gold again")."""
        following = self._text(k + 1)
        return _is_kicker(following) or (
            _is_kicker(self._text(k)) and _is_title_like(following, self._text(k + 2))
        )

    def _look_back(self, k: int, floor: int, header: _Header) -> bool:
        """Claim a date stamp or an outlet's name printed above the title, with the
        section labels and navigation between them; True when one was found."""
        found = False
        j = k - 1
        while j >= max(floor, self.window.first_content) and k - j <= _LOOKBACK:
            line, at = self._text(j), self.window.content(j)
            stamp = match_date_line(line)
            joined = not self._gap_has(j + 1, BLANK)
            if stamp is not None and stamp.value is not None and header.published is None:
                if self._gap_has(j + 1, SEP) or self._between(j + 1, BLANK, at_least=2):
                    break
                header.published, header.start_line, found = stamp.value, at, True
            elif outlet_name(line) and joined and not header.outlet:
                header.outlet, header.start_line, found = outlet_name(line), at, True
            elif found and _is_kicker(line) and line.isupper():
                header.start_line = at  # "WORLD NEWS" above "April 12, 2017" above the title
            elif not _is_kicker(line) or not joined:
                break
            if self._strong(j):
                break
            j -= 1
        return found

    def _bare_headline(self, k: int) -> bool:
        """A Title Case headline with neither date nor byline, set apart by blank lines
        between the end of one story and the first paragraph of the next."""
        title = self._text(k)
        words = title.split()
        if len(words) < _BARE_TITLE_WORDS or title.isupper():
            return False
        small = load_list("function_words.txt")
        content = [w for w in words if w.lower().strip("\"“”‘’'") not in small]
        if not content or any(not w.lstrip("\"“‘'(")[:1].isupper() for w in content):
            return False
        if not (self._gap_has(k, BLANK) and self._gap_has(k + 1, BLANK)):
            return False
        previous, following = self._text(k - 1), self._text(k + 1)
        return (
            k - 1 >= self.window.first_content
            and ends_sentence(previous)
            and len(following.split()) >= _BODY_WORDS
            and following[:1].isupper()
        )

    def _date_at(self, q: int) -> tuple[DateStamp | None, int]:
        # Dates come split over lines ("12" / "April, 2017"); join up to three short ones.
        parts: list[str] = []
        for used in range(1, 4):
            if not self.window.has(q + used - 1):
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
        # No day in it: "Tuesday" / "October, 2019" is still the header's date line.
        for used in range(len(parts), 0, -1):
            stamp = match_month_line(" ".join(parts[:used]))
            if stamp is not None:
                return stamp, used
        return None, 0

    def _byline_at(self, q: int) -> tuple[Byline | None, int]:
        line = self._text(q)
        if line.lower().rstrip(":") == "by" and self.window.has(q + 1):
            run, used = self._name_run(q + 1)
            found = parse_byline(f"By {run or self._text(q + 1)}")
            return (found, 1 + (used or 1)) if found else (None, 0)
        found = parse_byline(line)
        if found is None and is_byline_line(line):
            found = Byline("")  # an editor's credit or a role line: header, not body
        return (found, 1) if found else (None, 0)

    def _name_run(self, q: int) -> tuple[str, int]:
        """A personal name on one line, or split one word a line ("Adam" / "Garrie")."""
        line = self._text(q)
        if is_name(line) and match_date_line(line) is None:
            return clean_name(line), 1
        words: list[str] = []
        for used in range(1, 4):
            if not self.window.has(q + used - 1):
                break
            part = self._text(q + used - 1)
            if len(part.split()) > 2 or (used > 1 and self._strong(q + used - 1)):
                break
            words.extend(part.split())
            if used > 1 and is_name(" ".join(words), max_words=4):
                # Take the longest run that is still a name.
                best = (" ".join(words), used)
                nxt = q + used
                if self.window.has(nxt) and len(self._text(nxt).split()) == 1:
                    longer = " ".join([*words, self._text(nxt)])
                    if is_name(longer, max_words=4) and used < 3:
                        return longer, used + 1
                return best
        return "", 0

    def _standfirst(self, q: int, seen: int, title: str) -> bool:
        line = self._text(q)
        if seen:
            return not ends_sentence(self._text(q - 1))
        words = len(line.split())
        # A dek with no full stop, right under the headline: "Shop owners fear the loss of
        # parking will drive away customers". A section label ("Finance & economics") has
        # no dek: the line under it is the title.
        dek = words >= _DEK_WORDS and not _is_kicker(title) and not self._gap_has(q, BLANK)
        return _starts_upper(line) and (
            words >= _STANDFIRST_WORDS or ends_sentence(line) or dek
        )

    # -- blocks ------------------------------------------------------------------

    def _block(self, header: _Header, end: int) -> Block:
        w = self.window
        body: list[str] = []
        words = 0
        cut = links = False
        source = ""
        for i in range(header.title_line + 1, end):
            kind = w.kind(i)
            if not source and kind in (JUNK, TEXT):
                source = source_line_outlet(w.line(i))  # "Source: The Herald" on a repost
            if i in header.meta_lines or kind == JUNK:
                continue
            if kind == FOOTER and words < MIN_WORDS_BEFORE_FOOTER:
                links = True  # "Related Topics" under the headline: chrome, not the end,
                continue  # and the short topic links under it go with it
            if links and kind != BLANK and _is_kicker(w.line(i)):
                continue
            links = False
            if kind == FOOTER:
                cut = True
                dropped = sum(1 for kind in w.kinds(i, end) if kind not in (BLANK, SEP, JUNK))
                self.notes.append(
                    f"dropped {dropped} line(s) of page footer from {w.line(i)!r} on"
                )
                break
            if kind in (BLANK, SEP):
                body.append("")
            else:
                body.append(w.line(i))
                words += len(body[-1].split())
        title, named = title_and_outlet(w.line(header.title_line))
        return Block(
            title=title,
            lines=tuple(body),
            published=header.published,
            byline=header.byline,
            outlet=header.outlet or named or source,
            cut_at_footer=cut,
        )

    # -- helpers -----------------------------------------------------------------

    def _text(self, k: int) -> str:
        return self.window.text(k) if k >= 0 else ""

    def _consume(self, header: _Header, q: int, used: int) -> None:
        header.meta_lines.update(self.window.content(j) for j in range(q, q + used))

    def _gap(self, k: int) -> list[str]:
        """Kinds of the lines between text lines k-1 and k (from the start for k=0)."""
        w = self.window
        if not w.has(k):
            return []
        # Before the first line still held, the gap was released with what preceded it.
        low = w.content(k - 1) + 1 if k > w.first_content else w.base
        return w.kinds(low, w.content(k))

    def _gap_has(self, k: int, kind: str) -> bool:
        return kind in self._gap(k)

    def _between(self, k: int, kind: str, *, at_least: int = 1) -> bool:
        """Whether `at_least` lines of `kind` lie between text lines k-1 and k."""
        return self._gap(k).count(kind) >= at_least

    def _strong(self, k: int) -> bool:
        """A hard boundary before text line k: start, separator, or 2+ blank lines."""
        if k == 0:
            return True
        gap = self._gap(k)
        # Two blank lines in a row; blanks around a dropped caption or ad are one break.
        return SEP in gap or any(a == b == BLANK for a, b in pairwise(gap))

    def _after_separator(self, k: int) -> bool:
        """A separator line ("-----", "* * *") between text line k and the one before."""
        return SEP in self._gap(k)

    def _set_apart(self, k: int) -> bool:
        """A blank, a separator or page furniture (share buttons) right after line k."""
        return self.window.kind(self.window.content(k) + 1) in (BLANK, SEP, JUNK)


@dataclass(frozen=True)
class _Meta:
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""


_META_SEPARATOR = re.compile(r"\s+[·•|/\-–—]\s+|\s*[·•|]\s*(?=\S)")
_PLACE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}")  # "LONDON", "NEW DELHI"


def _meta_line(line: str) -> _Meta | None:
    """A header line of parts set apart by "·", "•" or "|", each an outlet, a date or a
    byline, with an outlet or a date among them: "Fox News · 2016-09-29",
    "Jane Doe · CBC News · Posted: Mar 05, 2021 4:00 AM ET", "TNN | Updated: May 20, 2022"."""
    parts = [part for part in _META_SEPARATOR.split(line.strip()) if part]
    if len(parts) < 2:
        return None
    published: dt.date | None = None
    byline = outlet = ""
    dated = False
    for part in parts:
        stamp = match_date_line(part)
        if stamp is not None:
            published, dated = published or stamp.value, True
        elif is_clock(part):
            continue  # "Updated: 09/02/2022 - 14:20": the time of the date before it
        elif known := outlet_name(part):
            outlet = outlet or known
        elif (by := parse_byline(part)) is not None or is_name(part, max_words=4):
            byline = byline or (by.name if by is not None else clean_name(part))
            outlet = outlet or (by.outlet if by is not None else "")
        elif not _PLACE.fullmatch(part):  # "Apr 4th 2022 | LONDON": the place is no news
            return None
    return _Meta(published, byline, outlet) if dated or outlet else None


def _date_with_byline(line: str) -> tuple[DateStamp | None, Byline | None]:
    """WordPress style "Posted on April 12, 2017 by Jane Doe"."""
    date_part, by, name_part = line.rpartition(" by ")
    if not by:
        return None, None
    stamp = match_date_line(date_part)
    if stamp is None:
        return None, None
    byline = parse_byline(f"By {name_part}")
    if byline is None and len(name_part.split()) == 1:
        byline = Byline("")  # "April 5, 2022 by newsdesk": a login, not a name
    return (stamp, byline) if byline is not None else (None, None)


def _is_title_like(line: str, next_line: str) -> bool:
    """Could `line` be a headline? Short, capitalised, and not a wrapped sentence."""
    words = line.split()
    if not _MIN_TITLE_WORDS <= len(words) <= _MAX_TITLE_WORDS and not _is_short_title(line):
        return False
    if len(line) > _MAX_TITLE_CHARS:
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
    return (
        match_date_line(line) is None
        and not outlet_name(line)
        and not is_byline_line(line)
        and not is_credit_line(line)
    )


def _is_short_title(line: str) -> bool:
    """Two words in sentence case, a headline's shape ("Markets tumble", "Talks collapse"),
    not furniture's or a name's Title Case ("World News", "Jane Porter")."""
    words = line.split()
    return len(words) == _SHORT_TITLE_WORDS and words[1].isalpha() and words[1].islower()


def _one_person(names: str) -> bool:
    """A bare line that can only be a person's name: two to four words, not "The Hague"."""
    words = names.split()
    return 2 <= len(words) <= 4 and words[0].lower() not in {"the", "a", "an"}


def _is_kicker(line: str) -> bool:
    """A section label or navigation line: "WORLD NEWS", "News | Turkey", "Europe"."""
    return len(line.split()) <= _KICKER_WORDS and not ends_sentence(line)


def _starts_upper(line: str) -> bool:
    head = line.lstrip("“\"‘'([«")
    return bool(head) and (head[0].isupper() or head[0].isdigit())
