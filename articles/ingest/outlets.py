"""Which news outlet a name, a web address or a "Source:" line refers to.

The outlets are data (`data/outlets.csv`: name, other names, web domains); an outlet
is always returned under the name in its first column, so "AP", "The Associated Press"
and "apnews.com" all give "Associated Press".
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache

from articles.ingest.wordlists import data_path

_URL = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?", re.I)
# "Source: RT", "via Reuters", "This article was originally published by The Conversation",
# "Originally published at theguardian.com", "Read the original on apnews.com",
# "Copyright 2022 The Associated Press. All rights reserved.", "© 2022 Reuters",
# "The post <title> appeared first on The Texas Tribune." (a feed repost), "From Sky News",
# "— Australian Associated Press" (a wire story's sign-off).
_SOURCE = re.compile(
    r"(?:source|sources|via|from|[-–—]{1,2}|distributed\s+by|courtesy(?:\s+of)?"
    r"|(?:this\s+(?:article|story|piece|post)\s+(?:was|is|has\s+been)?\s*)?"
    r"(?:originally\s+|first\s+)?(?:(?:re)?published|appeared|ran)\s+(?:by|in|on|at|from)"
    r"|read\s+(?:the\s+original|more|the\s+full\s+(?:article|story))\s+(?:at|on|in)"
    r"|the\s+post\s+.{1,200}?\s+appeared\s+first\s+on"
    r"|(?:copyright|©|\(c\))(?:\s*©)?(?:\s*\d{4}(?:\s*[-–]\s*\d{4})?)?(?:\s+by)?)"
    r"\s*[:\-–—]?\s*(?:the\s+website\s+of\s+)?(.{2,80}?)"
    # "... under a Creative Commons license", "... All rights reserved."
    r"(?:[.,]?\s+(?:under|with|on|and|as|all\s+rights)\s.{0,80}?)?[\s.]*",
    re.I,
)

_NAV_SPLIT = re.compile(r"\s+[-–—|]\s+")
_HOME = re.compile(r"(?:(?:back|go|return)\s+to\s+(?:the\s+)?)?(?:home\s*page|homepage|home|front\s+page)", re.I)


@dataclass(frozen=True)
class _Outlets:
    names: dict[str, str]  # any name in lower case -> the outlet's name
    domains: dict[str, str]  # domain -> the outlet's name


@cache
def _outlets() -> _Outlets:
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    with data_path("outlets.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        for row in rows:
            name = row["name"].strip()
            for alias in [name, *row["aliases"].split(";")]:
                names.setdefault(alias.strip().lower(), name)
            for domain in row["domains"].split(";"):
                domains.setdefault(domain.strip().lower(), name)
    names.pop("", None)
    domains.pop("", None)
    return _Outlets(names, domains)


def known_outlet(text: str) -> str:
    """The outlet `text` names, as its whole content (a name or a web address), or ""."""
    cleaned = " ".join(text.split()).strip(" .,;:-–—|·•/()")
    name = _outlets().names.get(cleaned.lower(), "") or outlet_from_url(cleaned)
    if not name and len(cleaned) < 80:
        # A logo's link text: "The Guardian - Back to home", "Home | Reuters".
        parts = [p for p in _NAV_SPLIT.split(cleaned) if not _HOME.fullmatch(p)]
        name = _outlets().names.get(parts[0].lower(), "") if len(parts) == 1 else ""
    return name


def outlet_from_url(text: str) -> str:
    """The outlet whose site `text` (a URL or bare domain, nothing else) is on, or ""."""
    m = _URL.fullmatch(text.strip()) if len(text) < 2000 else None
    if m is None:
        return ""
    host = m.group(1).lower()
    domains = _outlets().domains
    # The longest known suffix: "finance.yahoo.com" before "yahoo.com".
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = domains.get(".".join(parts[i:]))
        if name:
            return name
    return ""


def title_and_outlet(line: str) -> tuple[str, str]:
    """A page title copied with its site's name: "Headline - BBC News" -> ("Headline",
    "BBC News"), "Headline | The Independent" likewise; else (line, "")."""
    head, sep, tail = line.rpartition(" | ")
    if not sep:
        m = _TITLE_TAIL.fullmatch(line)
        head, tail = (m.group(1), m.group(2)) if m is not None else ("", "")
    outlet = known_outlet(tail) if len(head.split()) >= 3 else ""
    return (head.strip(), outlet) if outlet else (line, "")


_TITLE_TAIL = re.compile(r"(.+)\s[-–—]\s(.{2,50})")


def source_line_outlet(line: str) -> str:
    """The known outlet a credit line names: "Source: The Herald" -> "The Herald"."""
    m = _SOURCE.fullmatch(" ".join(line.split()))
    return known_outlet(m.group(1)) if m is not None else ""
