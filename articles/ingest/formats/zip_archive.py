"""ZIP: each entry read by its own format, never recursing into nested archives.

Entries are read in chunks and their decompressed size counted as read, so a lying
header or a zip bomb is stopped at the cap rather than trusted.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from articles.ingest.formats.limits import MB, Limits
from articles.ingest.formats.registry import (
    OTHER_KINDS_HINT,
    extension_list,
    format_of,
    read_in_archives,
    skipped_entry_note,
)
from articles.ingest.types import IngestError, ParsedArticle, ParseResult

_CHUNK = 64 * 1024
# Below this many decompressed bytes the ratio test is skipped: a small file of
# repeated characters compresses very well without being a bomb.
_RATIO_FLOOR = 1024 * 1024
# Archive furniture that macOS and Windows add; not user content.
_ZIP_JUNK = re.compile(r"(?:^|/)(?:__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)")

EntryParser = Callable[[bytes, str], ParseResult]


def parse_zip(data: bytes, name: str, limits: Limits, parse_entry: EntryParser) -> ParseResult:
    """Articles of every readable entry. Unsafe paths ("../x", "/etc/x"), nested
    archives, unsupported, corrupt and unreadable entries are skipped with a note; a
    bomb, an oversize entry, too many entries or a corrupt archive (its directory, or
    its only readable-looking entries) rejects the whole upload."""
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
        found = _Found(_Counter(archive_size=len(data)))
        resources = _saved_page_folders([info.filename for info in entries])
        unread: dict[str, int] = dict.fromkeys(resources, 0)
        for info in entries:
            folder = next((f for f in resources if info.filename.startswith(f)), None)
            if folder is None:
                _read_one(archive, info, found, limits, label, parse_entry)
            elif not info.is_dir():
                unread[folder] += 1
        found.notes.extend(f"{folder}: {n} file{'s' if n != 1 else ''} a browser saved with the page "
                           f"{resources[folder]!r} (styles, scripts, images, frames), not read"
                           for folder, n in unread.items() if n)
    if not found.articles:
        raise _nothing_found(label, found)
    return ParseResult(tuple(found.articles), tuple(found.notes))


# "Save page as…, complete" writes NAME.html beside a folder NAME_files (NAME-Dateien,
# NAME_fichiers… in other languages) of the page's styles, scripts, images and frames.
_RESOURCE_FOLDER = re.compile(r"[_-][^\W\d_]+")
# A browser saves no text files with a page: a folder holding one is the user's
# ("budget.html" beside "budget_notes/story.txt") and is read; so is one of files we read
# only ("election.html" beside "election_coverage/times.html"), as a browser's holds the
# page's styles, scripts or images.
_USERS_OWN = (".txt", ".text", ".md")


def _saved_page_folders(names: list[str]) -> dict[str, str]:
    """The folders ("dir/NAME_files/") a browser saved with a page of the archive, each
    with that page's entry name."""
    pages = {str(PurePosixPath(n).with_suffix("")): n for n in names
             if PurePosixPath(n).suffix.lower() in (".html", ".htm")}
    folders: dict[str, str] = {}
    for folder in {str(parent) for n in names for parent in PurePosixPath(n).parents if str(parent) != "."}:
        for cut in (i for i, c in enumerate(folder) if c in "_-"):
            if folder[:cut] in pages and _RESOURCE_FOLDER.fullmatch(folder[cut:]):
                folders[f"{folder}/"] = pages[folder[:cut]]
    return {folder: page for folder, page in folders.items()
            if not any(n.startswith(folder) and n.lower().endswith(_USERS_OWN) for n in names)
            and any(n.startswith(folder) and not n.endswith("/") and not _read(n) for n in names)}


def _read(entry: str) -> bool:
    return read_in_archives(PurePosixPath(entry).suffix.lower())


@dataclass
class _Found:
    """What the entries read so far gave: articles, notes, and whether one was corrupt."""

    counter: _Counter
    articles: list[ParsedArticle] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    corrupt: bool = False


def _read_one(archive: zipfile.ZipFile, info: zipfile.ZipInfo, found: _Found, limits: Limits, label: str,
              parse_entry: EntryParser) -> None:
    entry = info.filename
    skip = _skip_reason(info)
    if skip == "silent":
        return
    if skip:
        found.notes.append(skipped_entry_note(entry, skip))
        return
    try:
        content = _read_entry(archive, info, found.counter, limits, label)
    except _UnreadableEntry as exc:
        found.notes.append(skipped_entry_note(entry, str(exc)))
        found.corrupt = found.corrupt or exc.corrupt
        return
    try:
        result = parse_entry(content, entry)
    except IngestError as exc:
        found.notes.append(skipped_entry_note(entry, f"{exc.message} {exc.hint}".strip()))
        return
    finally:
        del content
    found.articles.extend(replace(a, source_name=entry) for a in result.articles)
    found.notes.extend(f"{entry}: {note}" for note in result.notes)


def _nothing_found(label: str, found: _Found) -> IngestError:
    skipped = "Skipped: " + "; ".join(found.notes) if found.notes else "The archive is empty."
    if found.corrupt:
        return IngestError(_corrupt(label).message, f"{_corrupt(label).hint} {skipped}")
    return IngestError(f"No article found in any file of {label}.",
                       f"Put {extension_list(in_archives=True)} files in the archive. {skipped}")


def _skip_reason(info: zipfile.ZipInfo) -> str:
    entry = info.filename
    if info.is_dir() or _ZIP_JUNK.search(entry):
        return "silent"
    parts = re.split(r"[\\/]", entry)
    if entry.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", entry) or ".." in parts:
        return "unsafe path (absolute or outside the archive); zip the files again from the folder that holds them"
    suffix = PurePosixPath(entry).suffix.lower()
    declared = format_of(entry)
    if declared is not None and not declared.in_archives:
        return "archives inside the archive are not opened; unpack it first"
    if not read_in_archives(suffix):
        return (f"unsupported type ({suffix or 'no extension'}); only {extension_list(in_archives=True)} files are "
                f"read ({OTHER_KINDS_HINT})")
    if info.flag_bits & 0x1:
        return "encrypted; zip it again without a password"
    return ""


class _UnreadableEntry(Exception):
    """One entry that cannot be decompressed: skipped with this reason, the others are read."""

    def __init__(self, reason: str, *, corrupt: bool) -> None:
        super().__init__(reason)
        self.corrupt = corrupt


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
) -> bytes:
    """The entry's bytes, counted as they decompress; raises IngestError at any cap,
    _UnreadableEntry when its data is corrupt or compressed in a way we cannot read."""
    buffer = bytearray()
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                buffer += chunk
                counter.total += len(chunk)
                _check_caps(len(buffer), info, counter, limits, label)
    except IngestError:
        raise  # a cap was hit; IngestError is a ValueError, so let it pass the next line
    except NotImplementedError as exc:
        raise _UnreadableEntry(
            "compressed with a method we cannot read; zip the files again with ordinary (Deflate) "
            "compression, or upload this file on its own", corrupt=False) from exc
    # lzma and bz2 report bad data with errors of their own (LZMAError is no OSError).
    except (zipfile.BadZipFile, zlib.error, lzma.LZMAError, EOFError, OSError, ValueError) as exc:
        raise _UnreadableEntry(
            "its data is corrupt or truncated; create the archive again, or upload this file on its own",
            corrupt=True) from exc
    return bytes(buffer)


def _check_caps(
    entry_size: int, info: zipfile.ZipInfo, counter: _Counter, limits: Limits, label: str
) -> None:
    if entry_size > limits.max_file_bytes:
        raise IngestError(
            f"{info.filename!r} in {label} decompresses to more than "
            f"{limits.max_file_bytes / MB:.0f} MB.",
            "Split it into smaller files.",
        )
    if counter.total > limits.max_total_bytes:
        raise _bomb(label, f"decompresses to more than {limits.max_total_bytes / MB:.0f} MB")
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
