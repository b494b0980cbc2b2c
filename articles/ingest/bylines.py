"""Who wrote an article and for which outlet, as its header or dateline says.

Handles "By Jane Doe", "By Jane Doe, Reuters", "Jane Doe | The Guardian",
"Shaun Walker in Moscow and Julian Borger in Washington", and datelines such as
"MOSCOW (Reuters) -". Bare names ("Jane Doe", or "Adam" / "Garrie" split over two
lines) are only names by position; `segment` decides that, this module checks shape.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from articles.ingest.dates import find_date
from articles.ingest.outlets import known_outlet
from articles.ingest.wordlists import load_list

# Letters in any script ("José Núñez"), initials ("J.R."), "O’Brien", "Smith-Jones".
_NAME_WORD = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]+(?:[-'’][^\W\d_]+)*\.?")
_BY = re.compile(
    r"(?:(?:words|written|story|text|posted|analysis|opinion|commentary|review|column"
    r"|report(?:ed|ing)?)\s+)?by[:\s]+(.+)",
    re.I,
)
_DATELINE = re.compile(
    r"(?P<place>[A-Z][^()/]{0,78}?)??\s*(?:--)?"
    r"(?:\((?P<paren>[^()]{2,40})\)|/(?P<slash>[A-Za-z][^/]{1,38})/)\s*(?:--|[-–—:])"
)
_PLACE_AFTER_OUTLET = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}")
_WITH_AGENCY = re.compile(r"(.+?)\s+(?:with|and|/)\s+(.+)", re.I)
_FOR_OUTLET = re.compile(r"(.+?),?\s+for\s+(.+)", re.I)
# "Reporter: Jane Doe", "Author: Jane Doe", "Words: Jane Doe".
_LABELLED = re.compile(r"(?:reporter|author|writer|words|text|story|reporting)\s*:\s*(.+)", re.I)
# Credits that name no author: never a headline, never the byline.
_CREDIT = re.compile(
    r"(?:edited|produced|photographs?|photos?|pictures?|illustrations?|graphics|video|design"
    r"|fact[- ]checked|additional reporting|translated)\s+by\b",
    re.I,
)
# A role line says who, not what: a verb or a number makes it a sentence or a headline.
_NOT_ROLE_WORDS = frozenset({"is", "was", "are", "were", "has", "have", "says", "said", "to", "the"})
_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|bureau|chief"
    r"|analyst|producer|journalist)s?\b",
    re.I,
)
_OUTLET_WORDS = re.compile(
    r"\b(?:News|Times|Post|Press|Agency|Journal|Herald|Tribune|Daily|Today|Guardian|Telegraph"
    r"|Network|Media|TV|Radio|Magazine|Gazette|Chronicle|Observer|Wire|Insider|Ledger|Courier"
    r"|Register|Inquirer|Bulletin|Dispatch|Sentinel|Examiner|Globe|Star|Mail)\b|\.com\b"
)


@dataclass(frozen=True)
class Byline:
    name: str
    outlet: str = ""


def parse_byline(line: str) -> Byline | None:
    """An explicit byline line: "By Jane Doe, Reuters", "Jane Doe | The Guardian",
    "Reporter: Jane Doe", "By Staff Reporter", "Jane Doe Diplomatic editor"."""
    text = " ".join(line.split())
    by = _BY.fullmatch(text) or _LABELLED.fullmatch(text)
    if by is not None:
        # "BY JANE DOE", "By JANE DOE and JOHN ROE": shout-cased bylines are names too.
        return _by_whom(_unshout(by.group(1)))
    if "|" in text or " - " in text or " — " in text:
        return _split_name_outlet(text, require_outlet=True)
    if text.lower() in _desk_bylines():
        return Byline(text)  # "Express News Service": a desk, not a person
    return _name_with_role(text)


def is_byline_line(line: str) -> bool:
    """A line that only credits people: a byline, an editor's or photographer's credit,
    or a reporter's role on its own ("Local government reporter"). Never a headline."""
    text = " ".join(line.split())
    return (
        parse_byline(text) is not None
        or _CREDIT.match(text) is not None
        or _BY.fullmatch(text) is not None
        or is_role_line(text)
    )


def is_role_line(line: str) -> bool:
    """A reporter's role alone: "Local government reporter", "Diplomatic Editor".
    Two or three words ending in one role: "Police detain reporters" is a headline."""
    words = line.split()
    last = words[-1].strip(",.") if words else ""
    return (
        2 <= len(words) <= 3
        and _ROLE.fullmatch(last) is not None
        and not last.lower().endswith("s")
        and not any(w.lower() in _NOT_ROLE_WORDS or w[:1].isdigit() for w in words)
    )


@cache
def _desk_bylines() -> frozenset[str]:
    return frozenset(entry.lower() for entry in load_list("desk_bylines.txt"))


def _by_whom(text: str) -> Byline | None:
    """What follows "By": names with an outlet, a desk ("Staff Reporter", "Our
    Correspondent"), or a role before the name ("political reporter Jane Doe")."""
    words = text.split()
    if _is_desk(words):  # "Staff Reporter"; "Reuters Staff" is also its outlet's
        return Byline(text, outlet_name(" ".join(words[:-1])))
    with_agency = _WITH_AGENCY.fullmatch(text)  # "France 24 with Reuters": the outlet's
    if with_agency and (known := outlet_name(with_agency.group(1))):
        return Byline("", known) if outlet_name(with_agency.group(2)) else None
    for_outlet = _FOR_OUTLET.fullmatch(text)
    if for_outlet and (known := outlet_name(for_outlet.group(2))):  # "Jane Doe for MailOnline"
        found = _split_name_outlet(for_outlet.group(1), require_outlet=False)
        return Byline(found.name, known) if found is not None and found.name else None
    role_end = next((i for i, w in enumerate(words[:4]) if _ROLE.fullmatch(w)), -1)
    if role_end >= 0 and words[0].islower():
        text = " ".join(words[role_end + 1 :])
    return _split_name_outlet(text, require_outlet=False) or _name_then_role(text)


def _is_desk(words: list[str]) -> bool:
    """ "Staff Reporter", "Our Correspondent": a role with no person's name before it."""
    return (
        0 < len(words) <= 4
        and _ROLE.fullmatch(words[-1]) is not None
        and words[0][:1].isupper()
        and not any(is_name(" ".join(words[:i])) for i in range(2, len(words)))
    )


def _unshout(text: str) -> str:
    """Title-case the ALL-CAPS words of a byline, leaving "and"/"in" and initials."""
    words = text.split(" ")
    if not any(w.isupper() and len(w) > 3 for w in words):
        return text
    connectors = load_list("name_connectors.txt")
    return " ".join(
        w.lower() if w.lower() in connectors
        else w.title() if w.isupper() and len(w) > 1 and "." not in w
        else w
        for w in words
    )


def _name_with_role(text: str) -> Byline | None:
    """ "Jane Doe, Staff Writer", "Jane Doe Diplomatic editor": a name and a role."""
    name, comma, role = text.partition(",")
    if not comma:
        return _name_then_role(text)
    name = name.strip()
    if (outlet := outlet_name(role)) and is_name(name):
        return Byline(clean_name(name), outlet)  # "Jane Doe, CNN"
    if not _ROLE.search(role) or len(role.split()) > 5:
        return None
    return Byline(clean_name(name)) if is_name(name) and not _ROLE.search(name) else None


def _name_then_role(text: str) -> Byline | None:
    """ "Patrick Wintour Diplomatic editor": a two- or three-word name, then a role."""
    words = text.split()
    for cut in (2, 3):
        name, role = " ".join(words[:cut]), " ".join(words[cut:])
        if role and is_role_line(role) and is_name(name):
            return Byline(clean_name(name))
    return None


def outlet_name(text: str) -> str:
    """The known news outlet that `text` names (see outlets.csv), else "".
    A place may follow the name, as in a broadcaster's credit: "BBC News, Cardiff"."""
    outlet = known_outlet(text)
    head, comma, place = text.partition(",")
    if not outlet and comma and _PLACE_AFTER_OUTLET.fullmatch(place.strip()):
        outlet = known_outlet(head)
    return outlet


@dataclass(frozen=True)
class Dateline:
    outlet: str
    published: dt.date | None = None


def read_dateline(paragraph: str) -> Dateline | None:
    """The outlet (and date, when it has a year) of a wire or press-release dateline
    opening a paragraph: "MOSCOW (Reuters) -", "(Bloomberg) --", "ANCHORAGE, Alaska (AP) —",
    "OSLO, Feb. 21, 2023 /PRNewswire/ --", "SAN FRANCISCO--(BUSINESS WIRE)--March 3, 2021--"."""
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    place = (m.group("place") or "").strip(" -–—,")
    if place and not (place.split()[0].isupper() and len(place.split()[0]) > 1):
        return None  # "Officials (Reuters) -" is a sentence, not a dateline
    inside = " ".join((m.group("paren") or m.group("slash")).split())
    outlet = outlet_name(inside) or (inside if _OUTLET_WORDS.search(inside) else "")
    if not outlet:
        return None
    # The date stands in the place part or right after the outlet: "--March 3, 2021--".
    after = paragraph[m.end() : m.end() + 24].partition("--")[0]
    return Dateline(outlet, find_date(place) or find_date(after))


def dateline_outlet(paragraph: str) -> str:
    """The outlet in a wire dateline: "MOSCOW (Reuters) - ..." -> "Reuters"."""
    dateline = read_dateline(paragraph)
    return dateline.outlet if dateline is not None else ""


def is_name(text: str, *, max_words: int = 12) -> bool:
    """Shaped like one or more personal names: capitalised words joined by connectors."""
    words = text.replace(",", " , ").split()
    if not words or len(words) > max_words:
        return False
    connectors = load_list("name_connectors.txt")
    if _ROLE.search(text):
        return False  # "Staff Writer", "Moscow Correspondent"
    names = 0
    for word in words:
        if word == "," or word.lower() in connectors:
            continue
        if (
            not _NAME_WORD.fullmatch(word)
            or not word[0].isupper()
            or (word.isupper() and len(word) > 3)
        ):
            return False
        names += 1
    return 2 <= names <= max_words and words[0].lower() not in connectors


def clean_name(text: str) -> str:
    """Drop locations from a Guardian-style byline: "Jane Doe in Moscow" -> "Jane Doe"."""
    text = " ".join(text.split())
    text = re.sub(r"\s+in\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*(?=\s+and\s|\s*,|$)", "", text)
    return text.strip(" ,;")


def _split_name_outlet(text: str, *, require_outlet: bool) -> Byline | None:
    parts = [part.strip() for part in re.split(r"\s*(?:\||,|\s-\s|\s—\s|\s–\s)\s*", text)]
    parts = [part for part in parts if part]
    if not parts:
        return None
    name_parts: list[str] = []
    outlet = ""
    for part in parts:
        if not outlet and (known := outlet_name(part) or outlet_shaped(part)):
            outlet = known
        elif not outlet and is_name(part) and not _ROLE.search(part):
            name_parts.append(part)
        elif name_parts or outlet:
            continue  # a role or place after the name: "Moscow correspondent"
        else:
            return None
    if require_outlet and not outlet:
        return None
    if not name_parts and not outlet:
        return None
    return Byline(clean_name(", ".join(name_parts)), outlet)


def outlet_shaped(text: str) -> str:
    """`text` when it reads like a paper's name the outlet list does not know ("The Daily
    Ledger", "Metro Tribune"): at most five words, one of them a newspaper word."""
    return text if _OUTLET_WORDS.search(text) and len(text.split()) <= 5 else ""
