"""The upload formats newsframe reads: one list that the parser, the upload form, the
templates and the API all take their extensions and wording from.

Pure data, no parser imports, so the web side can read it without loading trafilatura.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class Format:
    kind: str
    described: str  # how the upload form names it
    extensions: tuple[str, ...]  # the first is the one we mention in messages
    media_types: tuple[str, ...]
    in_archives: bool  # read when it is an entry of a ZIP
    names: tuple[str, ...]  # how the upload page's first sentence names it ("JSON", "JSON Lines")


FORMATS: tuple[Format, ...] = (
    Format("text", "text dumps", (".txt", ".text", ".md"), ("text/plain", "text/markdown"), True,
           ("text", "Markdown")),
    Format("html", "saved web pages", (".html", ".htm"), ("text/html",), True, ("HTML",)),
    Format("mhtml", "web pages saved as one file", (".mhtml", ".mht"),
           ("multipart/related", "application/x-mimearchive"), True, ("MHTML",)),
    Format("json", "JSON", (".json", ".jsonl", ".ndjson"),
           ("application/json", "application/jsonl", "application/x-ndjson"), True, ("JSON", "JSON Lines")),
    Format("csv", "CSV tables", (".csv", ".tsv"), ("text/csv", "text/tab-separated-values"), True, ("CSV/TSV",)),
    Format("feed", "RSS or Atom feeds with full text", (".rss", ".atom", ".xml"),
           ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"), True,
           ("RSS/Atom feeds",)),
    Format("zip", "a ZIP of them", (".zip",), ("application/zip",), False, ("a ZIP of them",)),
)


# Extensions read but not named: spellings of a named one (.htm), or variants of a format
# the messages name (JSON Lines, single-file pages: the upload form names .jsonl and .mhtml).
_UNDESCRIBED = (".text", ".htm", ".ndjson", ".mht", ".tsv")
_UNNAMED = (*_UNDESCRIBED, ".jsonl", ".mhtml", ".atom", ".xml")


# What to do with a file of a kind we do not read: said wherever one is refused or skipped.
OTHER_KINDS_HINT = "for a PDF or Word file, copy the text into a .txt file"


def skipped_entry_note(entry: str, reason: str) -> str:
    """The note on a file of a ZIP that was not read: its name, why, and what to do."""
    return f"skipped {entry!r}: {reason}"


def is_skipped_entry(note: str) -> bool:
    """A note `skipped_entry_note` made (the review page shows them as problems, not as
    notes; "skipped 3 line(s)…" and "skipped item 2…" of a text or JSON file are notes)."""
    return note.startswith(("skipped '", 'skipped "'))


def format_of(filename: str) -> Format | None:
    """The format a file name's extension declares, or None (no or unknown extension)."""
    suffix = PurePosixPath(filename).suffix.lower()
    return next((f for f in FORMATS if suffix in f.extensions), None)


def read_in_archives(suffix: str) -> bool:
    return any(f.in_archives and suffix in f.extensions for f in FORMATS)


def extension_list(*, in_archives: bool = False) -> str:
    """'.txt, .md, .html, .json, .csv, .rss or .zip': the extensions to name in a message."""
    chosen = [f for f in FORMATS if f.in_archives or not in_archives]
    names = [e for f in chosen for e in f.extensions if e not in _UNNAMED]
    return ", ".join(names[:-1]) + " or " + names[-1]


def accept_attribute() -> str:
    """The value of the file input's `accept`: every extension, then every media type."""
    return ",".join([e for f in FORMATS for e in f.extensions] + [m for f in FORMATS for m in f.media_types])


def described() -> str:
    """'Text dumps (.txt, .md), saved web pages (.html), web pages saved as one file (.mhtml),
    JSON (.json, .jsonl), CSV tables (.csv), RSS or Atom feeds with full text (.rss, .atom,
    .xml), or a ZIP of them (.zip).'"""
    parts = [f"{f.described} ({', '.join(e for e in f.extensions if e not in _UNDESCRIBED)})" for f in FORMATS]
    sentence = ", ".join(parts[:-1]) + ", or " + parts[-1] + "."
    return sentence[0].upper() + sentence[1:]


def in_brief() -> str:
    """'text, Markdown, HTML, MHTML, JSON, JSON Lines, CSV/TSV, RSS/Atom feeds or a ZIP of
    them': every format by name, for the upload page's first sentence."""
    names = [name for f in FORMATS for name in f.names]
    return ", ".join(names[:-1]) + " or " + names[-1]
