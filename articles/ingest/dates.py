"""Publication dates as news pages print them.

`match_date_line` answers "is this header line a date stamp, and which date?";
`find_date` pulls the first date out of a metadata string (JSON, HTML meta).
Numeric dates with slashes are read month-first (US), with dots day-first (Europe),
unless a part above 12 settles it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from articles.ingest.wordlists import load_patterns

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?,?"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"

_ISO = rf"(?P<iy>{_YEAR})[-/.](?P<im>[01]?\d)[-/.](?P<id>[0-3]?\d)"
_DMY = rf"(?P<dd>{_DAY})\s+(?:of\s+)?(?P<dm>{_MONTH}),?\s+(?P<dy>{_YEAR})"
_MDY = rf"(?P<mm>{_MONTH})\s+(?P<md>{_DAY}),?\s+(?P<my>{_YEAR})"
_NUM = rf"(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR})"
_DATE = rf"(?:{_ISO}|{_DMY}|{_MDY}|{_NUM})"
# A whole stamp may print a two-digit year ("04/04/22 10:14 AM ET"); inside running text
# (find_date) "4/4/22" is as often a score or a fraction, so only stamps read it.
_NUM_SHORT = rf"(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)(?P=sep)(?P<ny>{_YEAR}|\d\d)"
_STAMP_DATE = rf"(?:{_ISO}|{_DMY}|{_MDY}|{_NUM_SHORT})"

_TIME = r"\d{1,2}(?:[:.]\d{2}){1,2}(?:\.\d+)?\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?"
_ZONE = r"(?:z|[a-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})"
_JOIN = r"(?:\s*(?:,|at|@|-|–|—|\||·|•|/|t)\s*|\s+)"
_TAIL = rf"(?:{_JOIN}(?:{_TIME})(?:,?\s*{_ZONE})?)?"  # "10:14 BST", "10:14, UK"
_RELATIVE = (
    r"\d+\s+(?:sec(?:ond)?s?|min(?:ute)?s?|h(?:ou)?rs?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:yesterday|today)"
)

_DATE_RE = re.compile(_DATE, re.IGNORECASE)
_CLOCK = re.compile(r"(?<![\d/.:])(?:[01]?\d|2[0-3])[:.][0-5]\d(?![\d/.])")
_AM_PM = re.compile(r"\d\s*[ap]\.?\s?m\b\.?", re.IGNORECASE)
# CNN prints the time first: "Updated 3:45 PM EDT, Wed April 12, 2017".
_HEAD = rf"(?:(?:{_TIME})(?:\s*{_ZONE})?{_JOIN})?"
_STAMP_RE = re.compile(
    rf"{_HEAD}(?:{_WEEKDAY}\s*)?(?:{_STAMP_DATE}){_TAIL}\.?",
    re.IGNORECASE,
)
# A bare time between stamp parts: "April 12, 2017 / 4:09 PM / Updated 7 years ago".
_TIME_RE = re.compile(rf"(?:{_TIME})(?:\s*{_ZONE})?", re.IGNORECASE)
_RELATIVE_RE = re.compile(_RELATIVE, re.IGNORECASE)
# "October, 2019" (a day line may stand above it): a date line that names no day.
_MONTH_YEAR_RE = re.compile(rf"(?:{_WEEKDAY}\s*)?{_MONTH},?\s+{_YEAR}", re.IGNORECASE)


@dataclass(frozen=True)
class DateStamp:
    """A line recognised as a date stamp; `value` is None when it names no day
    ("Updated 3 hours ago") or the day does not exist ("31 April 2017")."""

    value: dt.date | None
    text: str


def match_date_line(line: str) -> DateStamp | None:
    """The date stamp that `line` consists of, or None if the line says more than that.

    Accepts a leading label ("Published:", "Last modified on"), weekday, time and zone:
    "Wed 12 Apr 2017 14.03 BST", "Published: April 12, 2017 10:03 a.m. ET", "12 April, 2017".
    """
    rest = line.strip().strip("|·•").strip()
    if not rest or len(rest) > 80:
        return None
    # Several labelled stamps on one line ("Published ... | Updated ...") count as one;
    # the first one wins because it is the publication date on every site we know.
    parts = [part for part in re.split(r"\s*[|·•]\s*|\s+/\s+", rest) if part]
    stamps = [
        stamp
        for part in parts
        if (stamp := _match_one(part)) is not None or not _TIME_RE.fullmatch(_strip_label(part))
    ]
    if not stamps or any(stamp is None for stamp in stamps):
        return None
    values = [stamp.value for stamp in stamps if stamp is not None and stamp.value]
    if len(stamps) < len(parts) and not values:
        return None  # only times and "3 hours ago": a clock, not a date line
    return DateStamp(values[0] if values else None, line.strip())


def _match_one(part: str) -> DateStamp | None:
    text = _strip_label(part)
    if _RELATIVE_RE.fullmatch(text):
        return DateStamp(None, part)
    m = _STAMP_RE.fullmatch(text)
    if m is None:
        return None
    return DateStamp(_to_date(m), part)


def is_clock(text: str) -> bool:
    """A time of day alone: "14:20", "9:00pm", "10:14 AM IST"."""
    return _TIME_RE.fullmatch(text.strip()) is not None


def match_month_line(line: str) -> DateStamp | None:
    """A header line naming a month but no day ("October, 2019", "Tuesday October 2019"):
    a date line whose value is unknown. Apart from `match_date_line`, because in body
    text such a line is as often the tail of a date split over lines."""
    text = _strip_label(" ".join(line.split()))
    return DateStamp(None, line.strip()) if _MONTH_YEAR_RE.fullmatch(text) else None


def find_date(text: str) -> dt.date | None:
    """The first valid date anywhere in `text` (ISO, RFC 2822, "April 12, 2017", ...)."""
    for m in _DATE_RE.finditer(text):
        value = _to_date(m)
        if value is not None:
            return value
    return None


def _strip_label(text: str) -> str:
    text = text.strip()
    labels = load_patterns("date_prefixes.txt")
    m = re.match(rf"(?:{labels.pattern})\s*[:\-–—]?\s+", text + " ", re.IGNORECASE)
    if m is not None:
        text = text[m.end() :].strip()
    return text


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("iy"):
            return dt.date(int(g["iy"]), int(g["im"]), int(g["id"]))
        if g.get("dd"):
            return dt.date(int(g["dy"]), _month(g["dm"]), _day(g["dd"]))
        if g.get("mm"):
            return dt.date(int(g["my"]), _month(g["mm"]), _day(g["md"]))
        if g.get("n1"):
            first, second = int(g["n1"]), int(g["n2"])
            year = int(g["ny"]) if len(g["ny"]) == 4 else 2000 + int(g["ny"])
            day_first = g["sep"] == "." or first > 12 or _clock_24h(m.string)
            if day_first:
                return dt.date(year, second, first)
            return dt.date(year, first, second)
    except ValueError:
        return None
    return None


def _clock_24h(text: str) -> bool:
    """A time with no am/pm ("05/03/2021 - 10:15"): printed outside the US, where a
    numeric date puts the day first. "04/03/2022 4:30 PM EDT" stays month-first."""
    return _CLOCK.search(text) is not None and _AM_PM.search(text) is None


def _month(name: str) -> int:
    return _MONTHS[name.strip(".").lower()[:3]]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())  # type: ignore[union-attr]
