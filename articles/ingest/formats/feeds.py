"""RSS 2.0 (and 1.0) and Atom feeds that carry their articles' full text: each item an
article, read as a JSON object is (json_articles' articles_of_records), so the HTML of its
content is cleaned as a saved page's text is.

The XML is read by expat with every entity declaration refused (what defusedxml does,
which newsframe does not depend on): no external entity is ever resolved, and no
"billion laughs" of nested entities expands.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn
from urllib.parse import urljoin, urlsplit
from xml.parsers import expat

from articles.ingest.decode import decode
from articles.ingest.formats.json_articles import articles_of_records
from articles.ingest.formats.limits import Limits, spaces
from articles.ingest.types import IngestError, ParseResult

# A description or summary is often a teaser of a sentence or two: under this many words
# it is not taken for the article's text.
MIN_SUMMARY_WORDS = 80
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_TAG = re.compile(r"<[^>]+>")
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


class _Refused(Exception):
    """An entity declaration or an external entity: the feed is not read."""


def parse_feed(data: bytes, name: str, limits: Limits) -> ParseResult:
    label = name or "The feed"
    root = _xml_tree(data, label)
    kind = _local(root.tag)
    if kind == "rss" or kind == "RDF":
        channel = _child(root, "channel")
        items = [e for e in root.iter() if _local(e.tag) == "item"]
    elif kind == "feed":
        channel, items = root, _children(root, "entry")
    else:
        raise IngestError(f"{label} is XML but not an RSS or Atom feed (its root is <{kind}>).",
                          "Upload the feed itself (RSS or Atom), or the articles as text or JSON.")
    outlet = _text(_child(channel, "title")) if channel is not None else ""
    base = _feed_base(root, channel)
    nothing = IngestError(
        f"No article's full text found in {label}: its {len(items)} item(s) carry at most a summary.",
        "Save each article's page (.html) and upload those, or export the full text from your feed reader.",
    )
    try:
        return articles_of_records((_record(n, item, label, outlet, base) for n, item in enumerate(items, start=1)),
                                   name, nothing, limits)
    except RecursionError as exc:  # ElementTree writes out an Atom entry's XHTML recursively
        raise IngestError(f"{label} holds XHTML nested too deeply to read.",
                          "Upload the feed as its server sends it, or the articles as text or JSON.") from exc


def _record(n: int, item: ET.Element, label: str, outlet: str, base: str) -> tuple[str, dict[str, Any] | None]:
    body, summary_words = _item_body(item)
    title = spaces(_TAG.sub(" ", _text(_child(item, "title")))) or "untitled"
    skipped = f"skipped item {n} of {label} ({title!r}): " + (
        f"only a summary of {summary_words} words" if summary_words else "no text")
    return skipped, (_item_fields(item, body, outlet, base) if body else None)


def is_feed(head: bytes) -> bool:
    """Whether a file's first bytes (lowered, after an XML declaration) open a feed."""
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf"))


def _xml_tree(data: bytes, label: str) -> ET.Element:
    # Decoded as any text upload is (a byte-order mark, UTF-16, a legacy code page); its
    # declaration goes, as it may name the encoding the text no longer has.
    text = _XML_DECLARATION.sub("", decode(data, label), count=1)
    builder = ET.TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.StartElementHandler = lambda tag, attrs: builder.start(_clark(tag), {_clark(k): v for k, v in attrs.items()})
    parser.EndElementHandler = lambda tag: builder.end(_clark(tag))
    parser.CharacterDataHandler = builder.data
    parser.SkippedEntityHandler = lambda entity, _parameter: builder.data(_html_entity(entity))
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(text, True)
        return builder.close()
    except _Refused as exc:
        raise IngestError(f"{label} declares XML entities, which are not read.",
                          "Upload the feed as its server sends it, without a DTD of entities.") from exc
    except expat.ExpatError as exc:
        raise IngestError(f"{label} is not well-formed XML ({exc}).",
                          "Save the feed again from its address, or upload the articles as text or JSON.") from exc


def _html_entity(entity: str) -> str:
    """An entity a feed's external DTD would define, which expat skips unread (RSS 0.91's
    DOCTYPE names Netscape's DTD of HTML's entities): "Caf&eacute;" lost its letter."""
    text = html.unescape(f"&{entity};")
    return "" if text == f"&{entity};" else text


def _refuse(*_args: Any) -> NoReturn:
    raise _Refused


def _clark(name: str) -> str:
    # expat's "uri}local" -> ElementTree's "{uri}local"
    return "{" + name if "}" in name else name


def _item_body(item: ET.Element) -> tuple[str, int]:
    """The item's full text (its HTML), and else the words of a summary too short to take."""
    for tag in ("encoded", "content"):  # content:encoded (RSS), content (Atom)
        element = _child(item, tag)
        if element is not None and _markup(element).strip():
            return _markup(element), 0
    summaries = [_markup(e) for e in item if _local(e.tag) in ("description", "summary")]
    words = max((len(_TAG.sub(" ", s).split()) for s in summaries), default=0)
    if words >= MIN_SUMMARY_WORDS:
        return max(summaries, key=len), 0
    return "", words


def _feed_base(root: ET.Element, channel: ET.Element | None) -> str:
    """What an item's relative link is relative to: the feed's xml:base, else the site
    the feed links to (Atom's <link href>, RSS's <link>)."""
    declared = root.get(_XML_BASE) or (channel.get(_XML_BASE) if channel is not None else None)
    site = next((e.get("href") or _text(e) for e in (channel if channel is not None else root)
                 if _local(e.tag) == "link" and e.get("rel", "alternate") == "alternate"), "")
    return declared or spaces(site)


def _absolute(link: str, base: str) -> str:
    """The item's link made absolute, or nothing. Atom allows relative links
    ("/2024/03/budget"): stored as they were they led nowhere, and the article's URL field
    refused them when an editor saved the article."""
    if not link:
        return ""
    try:
        url = urlsplit(urljoin(base, link))
    except ValueError:  # "http://[oops"
        return ""
    return url.geturl() if url.scheme in ("http", "https") and url.netloc else ""


def _item_fields(item: ET.Element, body: str, outlet: str, base: str) -> dict[str, Any]:
    link = next((e.get("href") or _text(e) for e in item if _local(e.tag) == "link"
                 and e.get("rel", "alternate") == "alternate"), "")
    link = _absolute(spaces(link), urljoin(base, item.get(_XML_BASE) or ""))
    authors = [_text(_child(e, "name")) if _child(e, "name") is not None else _text(e)
               for e in item if _local(e.tag) in ("author", "creator")]
    dates = {_local(e.tag): _text(e) for e in item if _local(e.tag) in ("pubDate", "published", "date", "updated")}
    source = _child(item, "source")  # the outlet an aggregator's item names
    named = (_text(_child(source, "title")) or _text(source)) if source is not None else ""
    return {
        "title": _markup(_child(item, "title")),
        "body": body,
        "published": _date(next((dates[k] for k in ("pubDate", "published", "date", "updated") if dates.get(k)), "")),
        "byline": [spaces(a) for a in authors if a.strip()],
        "outlet": spaces(named) or outlet,
        "url": link,
    }


def _date(value: str) -> str | None:
    """An item's date as the JSON reader reads it: RSS's RFC 822 ("Mon, 07 Dec 26 10:00:00
    GMT", whose two-digit year the JSON reader does not take), else as written (Atom's ISO)."""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return value or None


def _markup(element: ET.Element | None) -> str:
    """An element's content as text that may hold HTML: escaped HTML (RSS) is its text; an
    Atom content of type "xhtml" is its child elements, written out."""
    if element is None:
        return ""
    if len(element) and element.get("type") == "xhtml":
        for descendant in element.iter():  # <xhtml:p> as <p>, for the page reader
            descendant.tag = _local(descendant.tag)
        return "".join(ET.tostring(child, encoding="unicode") for child in element)
    return "".join(element.itertext())


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(element: ET.Element | None, local: str) -> ET.Element | None:
    if element is None:
        return None
    return next((e for e in element if _local(e.tag) == local), None)


def _children(element: ET.Element, local: str) -> list[ET.Element]:
    return [e for e in element if _local(e.tag) == local]
