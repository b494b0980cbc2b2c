"""Dispatch an upload to the reader of its format.

One module per format: text dumps (articles/ingest/dump.py), html.py (and mhtml.py, a
page saved as one file), json_articles.py, csv_articles.py, feeds.py and zip_archive.py; registry.py lists them
with their extensions for the web side.
A file with no extension is recognised by its first bytes.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from articles.ingest.body_opening import without_repeated_headline
from articles.ingest.decode import decode, decode_lines
from articles.ingest.dump import parse_dump_lines
from articles.ingest.formats.csv_articles import is_table, parse_csv
from articles.ingest.formats.feeds import is_feed, parse_feed
from articles.ingest.formats.html import page_text, parse_html
from articles.ingest.formats.json_articles import parse_json
from articles.ingest.formats.limits import MB, Limits, too_many_articles
from articles.ingest.formats.mhtml import mhtml_page
from articles.ingest.formats.registry import FORMATS, OTHER_KINDS_HINT, extension_list, format_of
from articles.ingest.formats.zip_archive import parse_zip
from articles.ingest.markdown import plain_lines, plain_lines_if_markdown
from articles.ingest.storable import storable_result
from articles.ingest.types import IngestError, NoArticlesFound, ParseResult


def parse(data: bytes, filename: str, *, limits: Limits | None = None) -> ParseResult:
    """All articles in an upload. Raises IngestError (or NoArticlesFound) with a hint."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        raise IngestError(
            f"{filename or 'The file'} is {len(data) / MB:.1f} MB; the limit is "
            f"{limits.max_file_bytes / MB:.0f} MB.",
            "Split the coverage into several smaller uploads.",
        )
    result = _parse_one(data, filename, limits, inside_zip=False)
    if len(result.articles) > limits.max_articles:
        raise too_many_articles(filename or "The file", f"holds {len(result.articles):,} articles", limits)
    return result


def whole_text(data: bytes, filename: str) -> str:
    """The text of a file in which no article was found, to be taken as one article: a web
    page's visible text without its markup, a text file's as decoded. Raises IngestError for
    other kinds (JSON and ZIP hold articles of their own, or nothing to take)."""
    kind = _kind(data, filename)
    if kind == "mhtml":
        data, kind = mhtml_page(data, filename), "html"
    if kind == "html":
        return page_text(decode(data, filename))
    if kind != "text":
        raise IngestError(f"{filename or 'The file'} cannot be taken as one article.",
                          "Only a text file or a web page can; copy the article's text into a .txt file.")
    return decode(data, filename)


def _parse_one(data: bytes, name: str, limits: Limits, *, inside_zip: bool) -> ParseResult:
    # Each entry of a zip is cleaned on its own, so its notes name the entry.
    return without_repeated_headline(storable_result(_parse_format(data, name, limits, inside_zip=inside_zip)))


def _parse_format(data: bytes, name: str, limits: Limits, *, inside_zip: bool) -> ParseResult:
    label = name or "The file"
    if not data or data.isspace():  # not data.strip(): that copies the whole upload
        raise IngestError(f"{label} is empty.", "Upload a file that contains the articles.")
    kind = _kind(data, name)
    if kind == "zip":
        if inside_zip:
            raise IngestError(f"{label} is an archive inside the archive.", "Unpack it first.")
        return parse_zip(data, name, limits, lambda entry, entry_name: _parse_one(
            entry, entry_name, limits, inside_zip=True))
    if kind == "html":
        return parse_html(data, name)
    if kind == "mhtml":
        return parse_html(mhtml_page(data, name), name)
    if kind == "json":
        return parse_json(data, name, limits)
    if kind == "csv":
        return parse_csv(data, name, limits)
    if kind == "feed":
        return parse_feed(data, name, limits)
    if _head(data).startswith((b"[", b"{")):  # JSON pasted in the text box, or named .txt
        try:
            return parse_json(data, name, limits)
        except IngestError:
            pass  # a text that only starts like JSON: "[UPDATED] Council approves budget"
    lines = decode_lines(data, name)
    # A .md file is Markdown; a text under another name may be (pasted in the text box).
    is_md = PurePosixPath(name).suffix.lower() == ".md"
    lines = plain_lines(lines) if is_md else plain_lines_if_markdown(lines)
    return parse_dump_lines(lines, name, lambda: decode(data, name))


# What may come before a page's <!doctype html> or <html>: a UTF-8 byte order mark, an
# XHTML page's <?xml …?> declaration, and comments such as a saved page's
# "<!-- saved from url=… -->"; without skipping them such a page was read as plain text.
_PAGE_PREAMBLE = re.compile(rb"\A(?:\xef\xbb\xbf)?(?:\s+|<\?xml[^>]*>|<!--.*?-->)*", re.DOTALL)


_PAGE_STARTS = (b"<!doctype html", b"<html")


def _kind(data: bytes, name: str) -> str:
    declared = format_of(name)
    head = _head(data)
    if declared is not None and declared.kind == "text":
        # what was pasted in the text box (or named .txt) may be a page's source, a feed or a table
        if head.startswith(_PAGE_STARTS):
            return "html"
        if is_feed(head):
            return "feed"
        if is_table(data[:4096]):
            return "csv"
    if declared is not None:
        return declared.kind
    suffix = PurePosixPath(name).suffix.lower()
    if suffix:
        raise IngestError(
            f"{name} has an unsupported type ({suffix}).",
            f"Upload {extension_list()}; {OTHER_KINDS_HINT}.",
        )
    # No extension: look at the content.
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(_PAGE_STARTS):
        return "html"
    if head.startswith((b"from: <saved by", b"mime-version:")) and b"multipart/related" in head:
        return "mhtml"
    if head.startswith((b"[", b"{")):
        return "json"
    if is_feed(head):
        return "feed"
    return "text"


def _head(data: bytes) -> bytes:
    """The file's first bytes, lowered, after what may precede a page (_PAGE_PREAMBLE)."""
    return _PAGE_PREAMBLE.sub(b"", data[:4096].lower(), count=1)


__all__ = ["FORMATS", "Limits", "NoArticlesFound", "parse", "whole_text"]
