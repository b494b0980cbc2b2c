"""Banner lines that head each article of a dump: a run of marks, then the article's
name, perhaps a number and its outlet ("===== ARTICLE 2 (Fox News) — Headline",
"### Headline ###", "*** 3. Headline — (The Daily Ledger)"). Each becomes what the
segmenter already reads: a separator and the headline; the outlet is given to the
article of that headline."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from articles.ingest.body_opening import comparable, is_repeated_headline
from articles.ingest.boilerplate import is_boilerplate

SEPARATOR = "-----"
_BANNER = re.compile(
    r"\s*(?P<marks>([=#*~_+-])\2{2,})\s*(?P<text>[^=#*~_+\s-].*?)\s*(?P<closing>([=#*~_+-])\5{2,})?\s*"
)
_NUMBER = re.compile(r"(?:article|story|item|part|no\.?|#)\s*\d+\s*[.:)\]]?\s*|\d+\s*[.:)\]]\s+", re.IGNORECASE)
_OUTLET_FIRST = re.compile(r"\((?P<outlet>[^()]{2,60})\)\s*[-–—:|]?\s*(?P<title>.+)")
_OUTLET_LAST = re.compile(r"(?P<title>.+?)\s+[-–—|]\s+\(?(?P<outlet>[^()\-–—|]{2,60}?)\)?")


class Banners:
    """A dump's lines with each banner written out as a separator and the headline; the
    headline printed again under its banner (after page furniture, perhaps the print
    edition's) is dropped: it would start an article of its own, leaving the banner's
    empty. The outlets the banners name are kept by headline (`outlet_of`), since an
    outlet the lists do not know, on a line of its own, would read as text."""

    def __init__(self) -> None:
        self._outlets: dict[str, str] = {}

    def lines(self, lines: Iterable[str]) -> Iterator[str]:
        title = ""  # the headline of the banner just read, until the first text line under it
        furniture = False
        for line in lines:
            banner = read_banner(line)
            if banner is None:
                if title and line.strip():
                    if is_boilerplate(line):
                        furniture = True  # dropped by the segmenter anyway
                        continue
                    repeated = is_repeated_headline(line.strip(), title, after_furniture=furniture)
                    title = ""
                    if repeated:
                        continue
                yield line
                continue
            title, outlet = banner
            furniture = False
            if outlet:
                self._outlets.setdefault(comparable(title), outlet)
            yield SEPARATOR
            yield title
            yield ""

    def outlet_of(self, title: str) -> str:
        return self._outlets.get(comparable(title), "")


def read_banner(line: str) -> tuple[str, str] | None:
    """(headline, outlet) of a banner line, else None. The outlet is the part in
    parentheses before the headline, or after a dash at the end only in parentheses."""
    m = _BANNER.fullmatch(line)
    if m is None:
        return None
    text = m.group("text")
    numbered = _NUMBER.match(text)
    if numbered is not None and numbered.end() < len(text):
        text = text[numbered.end():]
    first = _OUTLET_FIRST.fullmatch(text)
    if first is not None:
        return first.group("title").strip(), first.group("outlet").strip()
    last = _OUTLET_LAST.fullmatch(text)
    if last is not None and text.rstrip().endswith(")"):
        return last.group("title").strip(), last.group("outlet").strip()
    # "### Section" alone is a Markdown heading inside an article, not a banner.
    if m.group("marks").startswith("#") and not m.group("closing") and numbered is None:
        return None
    return text.strip(), ""
