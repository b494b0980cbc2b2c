"""The caps every format is read under, and the whitespace rule they share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles.ingest.types import IngestError

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 10 * MB
    max_total_bytes: int = 50 * MB  # all entries of a zip, decompressed
    max_zip_entries: int = 1000
    max_zip_ratio: int = 100  # decompressed / compressed
    max_json_depth: int = 20
    # Articles found in one file (a ZIP's entries together), and in the files of one
    # upload together: the review of a batch reads all of its drafts.
    max_articles: int = 20_000
    max_batch_articles: int = 20_000


def too_many_articles(label: str, held: str, limits: Limits) -> IngestError:
    """The refusal of a file of more than `limits.max_articles` articles (`held`: "holds 25,000 articles")."""
    return IngestError(
        f"{label} {held}; the limit is {limits.max_articles:,} a file.",
        f"Split it into files of at most {limits.max_articles:,} articles and upload them one after the other.",
    )


def spaces(text: str) -> str:
    # Collapse layout whitespace only; a no-break space is content and stays.
    return re.sub(r"[ \t\r\n]+", " ", text).strip()
