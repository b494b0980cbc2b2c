"""Dispatch an upload on its name and content, and read the non-text formats.

txt/md -> text dump (see dump.py); html -> trafilatura; json -> a list of article
objects; zip -> each entry by the rules above, never recursing into nested archives.
Zip entries are read in chunks and their decompressed size counted as read, so a
lying header or a zip bomb is stopped at the cap rather than trusted.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import PurePosixPath
from typing import Any

from articles.ingest.dates import find_date
from articles.ingest.decode import decode, decode_lines
from articles.ingest.dump import parse_dump_lines
from articles.ingest.reflow import reflow
from articles.ingest.storable import storable_result
from articles.ingest.types import IngestError, NoArticlesFound, ParsedArticle, ParseResult

TEXT_EXTENSIONS = frozenset({".txt", ".text", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSON_EXTENSIONS = frozenset({".json"})
ZIP_EXTENSIONS = frozenset({".zip"})
_SUPPORTED = ".txt, .md, .html, .json or .zip"
_CHUNK = 64 * 1024
# Below this many decompressed bytes the ratio test is skipped: a small file of
# repeated characters compresses very well without being a bomb.
_RATIO_FLOOR = 1024 * 1024
# Archive furniture that macOS and Windows add; not user content.
_ZIP_JUNK = re.compile(r"(?:^|/)(?:__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")
_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 10 * _MB
    max_total_bytes: int = 50 * _MB  # all entries of a zip, decompressed
    max_zip_entries: int = 1000
    max_zip_ratio: int = 100  # decompressed / compressed
    max_json_depth: int = 20


def parse(data: bytes, filename: str, *, limits: Limits | None = None) -> ParseResult:
    """All articles in an upload. Raises IngestError (or NoArticlesFound) with a hint."""
    limits = limits or Limits()
    if len(data) > limits.max_file_bytes:
        raise IngestError(
            f"{filename or 'The file'} is {len(data) / _MB:.1f} MB; the limit is "
            f"{limits.max_file_bytes / _MB:.0f} MB.",
            "Split the coverage into several smaller uploads.",
        )
    return _parse_one(data, filename, limits, inside_zip=False)


def _parse_one(data: bytes, name: str, limits: Limits, *, inside_zip: bool) -> ParseResult:
    # Each entry of a zip is cleaned on its own, so its notes name the entry.
    return storable_result(_parse_format(data, name, limits, inside_zip=inside_zip))


def _parse_format(data: bytes, name: str, limits: Limits, *, inside_zip: bool) -> ParseResult:
    label = name or "The file"
    if not data or data.isspace():  # not data.strip(): that copies the whole upload
        raise IngestError(f"{label} is empty.", "Upload a file that contains the articles.")
    kind = _kind(data, name)
    if kind == "zip":
        if inside_zip:
            raise IngestError(f"{label} is an archive inside the archive.", "Unpack it first.")
        return _parse_zip(data, name, limits)
    if kind == "html":
        return _parse_html(data, name)
    if kind == "json":
        return _parse_json(data, name, limits)
    return parse_dump_lines(decode_lines(data, name), name, lambda: decode(data, name))


def _kind(data: bytes, name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    for kind, extensions in (
        ("text", TEXT_EXTENSIONS),
        ("html", HTML_EXTENSIONS),
        ("json", JSON_EXTENSIONS),
        ("zip", ZIP_EXTENSIONS),
    ):
        if suffix in extensions:
            return kind
    if suffix:
        raise IngestError(
            f"{name} has an unsupported type ({suffix}).",
            f"Upload {_SUPPORTED}; for a PDF or Word file, copy the text into a .txt file.",
        )
    # No extension: look at the content.
    if data.startswith(b"PK\x03\x04"):
        return "zip"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith((b"[", b"{")):
        return "json"
    return "text"


# -- HTML ----------------------------------------------------------------------------


def _parse_html(data: bytes, name: str) -> ParseResult:
    import trafilatura

    html = decode(data, name)
    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
    )
    paragraphs: list[tuple[str, bool]] = []
    title = author = sitename = url = date = ""
    if document is not None and not isinstance(document, dict):
        title = document.title or ""
        author = document.author or ""
        sitename = document.sitename or ""
        url = document.url or ""
        date = document.date or ""
        paragraphs = _html_paragraphs(document.body, document.text or "")
    if paragraphs and paragraphs[0][1] and paragraphs[0][0] == title:
        paragraphs = paragraphs[1:]  # the page's own <h1> repeats the title
    if not title and paragraphs and paragraphs[0][1]:
        title, paragraphs = paragraphs[0][0], paragraphs[1:]
    while paragraphs and paragraphs[-1][1]:
        paragraphs.pop()
    if not paragraphs:
        raise NoArticlesFound(
            f"No article text found in {name or 'the page'}.",
            "Save the article page itself (not a front page or search results), or paste "
            "its text into a .txt file.",
            trafilatura.html2txt(html) or "",
        )
    article = ParsedArticle(
        title=_spaces(title),
        body="\n\n".join(text for text, _ in paragraphs),
        published=find_date(date) if date else None,
        byline=_spaces(author.replace("; ", ", ")),
        outlet=_spaces(sitename),
        url=url,
        source_name=name,
        headings=tuple(i for i, (_, heading) in enumerate(paragraphs) if heading),
    )
    return ParseResult((article,))


def _html_paragraphs(body: Any, text: str) -> list[tuple[str, bool]]:
    """(text, is_heading) for each block of trafilatura's extracted tree."""
    if body is None:
        return [(_spaces(line), False) for line in text.split("\n") if line.strip()]
    paragraphs: list[tuple[str, bool]] = []
    for element in body:
        if element.tag == "list":
            blocks = [(item, False) for item in element.iter("item")]
        else:
            blocks = [(element, element.tag == "head")]
        for block, heading in blocks:
            content = _spaces("".join(block.itertext()))
            if content:
                paragraphs.append((content, heading))
    return paragraphs


def _spaces(text: str) -> str:
    # Collapse layout whitespace only; a no-break space is content and stays.
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


# -- JSON ----------------------------------------------------------------------------

_TITLE_KEYS = ("title", "headline", "name")
_BODY_KEYS = ("body", "text", "content", "article", "articleBody")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "datePublished", "pubDate")
_BYLINE_KEYS = ("byline", "author", "authors", "by")
_OUTLET_KEYS = ("outlet", "source", "site", "sitename", "publisher", "publication")
_URL_KEYS = ("url", "link", "href")


def _parse_json(data: bytes, name: str, limits: Limits) -> ParseResult:
    label = name or "The JSON file"
    text = decode(data, name)
    try:
        value = json.loads(text)
    except RecursionError as exc:
        raise _too_deep(label, limits) from exc
    except json.JSONDecodeError as exc:
        raise IngestError(
            f"{label} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}.",
            "Check the file in a JSON validator, or upload the articles as text.",
        ) from exc
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise IngestError(
            f"{label} is not JSON we can read: {exc}.",
            "Check the file in a JSON validator, or upload the articles as text.",
        ) from exc
    if _depth(value) > limits.max_json_depth:
        raise _too_deep(label, limits)
    items = _json_items(value, label)
    articles: list[ParsedArticle] = []
    notes: list[str] = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise _shape_error(label, f"item {n} is {_json_type(item)}, not an object")
        article = _json_article(item, name)
        if article is None:
            notes.append(f"skipped item {n} of {label}: it has no body or text")
            continue
        articles.append(article)
    if not articles:
        raise NoArticlesFound(
            f"No article with a body found in {label}.",
            'Give each object a "title" and a "body" (or "text").',
            text,
        )
    return ParseResult(tuple(articles), tuple(notes))


def _json_items(value: Any, label: str) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        if isinstance(value.get("articles"), list):
            return list(value["articles"])
        if _first(value, _BODY_KEYS):
            return [value]  # a single article object
        raise _shape_error(label, f"it is an object with keys {sorted(value)[:8]}")
    raise _shape_error(label, f"it is {_json_type(value)}")


def _json_article(item: dict[str, Any], name: str) -> ParsedArticle | None:
    body = _first(item, _BODY_KEYS)
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body)
    if not isinstance(body, str) or not body.strip():
        return None
    outlet = _first(item, _OUTLET_KEYS)
    if isinstance(outlet, dict):
        outlet = outlet.get("name", "")
    byline = _first(item, _BYLINE_KEYS)
    if isinstance(byline, list):
        byline = ", ".join(
            str(a.get("name", "")) if isinstance(a, dict) else str(a) for a in byline
        )
    elif isinstance(byline, dict):
        byline = byline.get("name", "")
    return ParsedArticle(
        title=_spaces(str(_first(item, _TITLE_KEYS) or "")),
        body="\n\n".join(_json_paragraphs(body)),
        published=_json_date(_first(item, _DATE_KEYS)),
        byline=_spaces(str(byline or "")),
        outlet=_spaces(str(outlet or "")),
        url=str(_first(item, _URL_KEYS) or ""),
        source_name=name,
    )


def _json_paragraphs(body: str) -> list[str]:
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if "\n\n" in body.replace("\r\n", "\n"):
        return [p.text for p in reflow(lines)]  # blank lines mark paragraphs
    return [_spaces(line) for line in lines if line.strip()]  # one paragraph a line


def _json_date(value: Any) -> Any:
    if isinstance(value, str):
        return find_date(value)
    return None


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if item.get(key) not in (None, "", []):
            return item[key]
    return None


def _depth(value: Any) -> int:
    # Iterative, so a deep document cannot exhaust the Python stack here.
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node.values())
        elif isinstance(node, list):
            deepest = max(deepest, depth)
            stack.extend((child, depth + 1) for child in node)
    return deepest


def _json_type(value: Any) -> str:
    names = {str: "a string", int: "a number", float: "a number", bool: "true/false"}
    if value is None:
        return "null"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return names.get(type(value), type(value).__name__)


def _shape_error(label: str, what: str) -> IngestError:
    return IngestError(
        f"{label} does not hold articles: {what}.",
        'Use a list of objects with "title" and "body" (or "text"), optionally "published", '
        '"byline", "outlet" and "url"; or an object {"articles": [...]}.',
    )


def _too_deep(label: str, limits: Limits) -> IngestError:
    return IngestError(
        f"{label} is nested more than {limits.max_json_depth} levels deep.",
        'Use a flat list of article objects, or {"articles": [...]}.',
    )


# -- ZIP -----------------------------------------------------------------------------


def _parse_zip(data: bytes, name: str, limits: Limits) -> ParseResult:
    """Articles of every readable entry. Unsafe paths ("../x", "/etc/x"), nested
    archives, unsupported and unreadable entries are skipped with a note; a bomb, an
    oversize entry, too many entries or a corrupt archive rejects the whole upload."""
    label = name or "The archive"
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _corrupt(label) from exc
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.max_zip_entries:
            raise IngestError(
                f"{label} has {len(entries)} entries; the limit is {limits.max_zip_entries}.",
                "Split it into several smaller archives.",
            )
        articles: list[ParsedArticle] = []
        notes: list[str] = []
        counter = _Counter(archive_size=len(data))
        for info in entries:
            entry = info.filename
            skip = _skip_reason(info)
            if skip == "silent":
                continue
            if skip:
                notes.append(f"skipped {entry!r}: {skip}")
                continue
            content = _read_entry(archive, info, counter, limits, label)
            if content is None:
                notes.append(f"skipped {entry!r}: compressed with a method we cannot read")
                continue
            try:
                result = _parse_one(content, entry, limits, inside_zip=True)
            except IngestError as exc:
                notes.append(f"skipped {entry!r}: {exc.message}")
                continue
            finally:
                del content
            articles.extend(replace(a, source_name=entry) for a in result.articles)
            notes.extend(f"{entry}: {note}" for note in result.notes)
    if not articles:
        raise IngestError(
            f"No article found in any file of {label}.",
            "Put .txt, .md, .html or .json files in the archive. "
            + ("Skipped: " + "; ".join(notes) if notes else "The archive is empty."),
        )
    return ParseResult(tuple(articles), tuple(notes))


def _skip_reason(info: zipfile.ZipInfo) -> str:
    entry = info.filename
    if info.is_dir() or _ZIP_JUNK.search(entry):
        return "silent"
    parts = re.split(r"[\\/]", entry)
    if entry.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", entry) or ".." in parts:
        return "unsafe path (absolute or outside the archive)"
    suffix = PurePosixPath(entry).suffix.lower()
    if suffix in ZIP_EXTENSIONS:
        return "archives inside the archive are not opened; unpack it first"
    if suffix not in TEXT_EXTENSIONS | HTML_EXTENSIONS | JSON_EXTENSIONS:
        return f"unsupported type ({suffix or 'no extension'})"
    if info.flag_bits & 0x1:
        return "encrypted"
    return ""


@dataclass
class _Counter:
    archive_size: int
    total: int = 0


def _read_entry(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    counter: _Counter,
    limits: Limits,
    label: str,
) -> bytes | None:
    """The entry's bytes, counted as they decompress; raises at any cap."""
    buffer = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                buffer += chunk
                counter.total += len(chunk)
                _check_caps(len(buffer), info, counter, limits, label)
    except IngestError:
        raise  # a cap was hit; IngestError is a ValueError, so let it pass the next line
    except NotImplementedError:
        return None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
        raise _corrupt(label) from exc
    return bytes(buffer)


def _check_caps(
    entry_size: int, info: zipfile.ZipInfo, counter: _Counter, limits: Limits, label: str
) -> None:
    if entry_size > limits.max_file_bytes:
        raise IngestError(
            f"{info.filename!r} in {label} decompresses to more than "
            f"{limits.max_file_bytes / _MB:.0f} MB.",
            "Split it into smaller files.",
        )
    if counter.total > limits.max_total_bytes:
        raise _bomb(label, f"decompresses to more than {limits.max_total_bytes / _MB:.0f} MB")
    # The compressed size comes from the header, which may lie; the archive's real
    # length bounds it, so the whole-archive ratio is checked as well.
    entry_ratio = entry_size / max(info.compress_size, 1)
    total_ratio = counter.total / max(counter.archive_size, 1)
    if entry_size > _RATIO_FLOOR and entry_ratio > limits.max_zip_ratio:
        raise _bomb(label, f"{info.filename!r} expands more than {limits.max_zip_ratio} times")
    if counter.total > _RATIO_FLOOR and total_ratio > limits.max_zip_ratio:
        raise _bomb(label, f"it expands more than {limits.max_zip_ratio} times")


def _bomb(label: str, what: str) -> IngestError:
    return IngestError(
        f"{label} looks like a zip bomb: {what}.",
        "Upload the articles themselves, or a normal archive of text, HTML or JSON files.",
    )


def _corrupt(label: str) -> IngestError:
    return IngestError(
        f"{label} is not a readable ZIP archive (corrupt or truncated).",
        "Create the archive again, or upload the files one by one.",
    )


__all__ = ["Limits", "NoArticlesFound", "parse"]
