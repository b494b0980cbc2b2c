"""Upload caps and the per-user upload rate limit, read from settings.

The ingest layer is pure and takes its caps as a `Limits` value; this module is
where the deployment's settings become that value, so a cap changed in the
environment applies to the bytes as they are decompressed, not as declared.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.core.files.uploadedfile import UploadedFile
from django.db import DatabaseError

from articles.ingest import Limits

log = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 3600


def ingest_limits() -> Limits:
    return Limits(
        max_file_bytes=settings.NEWSFRAME_MAX_UPLOAD_BYTES,
        max_total_bytes=settings.NEWSFRAME_MAX_ARCHIVE_BYTES,
        max_zip_entries=settings.NEWSFRAME_MAX_ZIP_ENTRIES,
        max_zip_ratio=settings.NEWSFRAME_MAX_ZIP_RATIO,
        max_articles=settings.NEWSFRAME_MAX_UPLOAD_ARTICLES,
        max_batch_articles=settings.NEWSFRAME_MAX_BATCH_ARTICLES,
    )


def declared_length(meta: dict[str, object]) -> int:
    """The request's Content-Length; 0 when absent or unreadable (Django then reads nothing)."""
    try:
        return max(0, int(str(meta.get("CONTENT_LENGTH") or 0)))
    except ValueError:
        return 0


def window_wait(name: str, who: str, allowed: int, window_seconds: int) -> int:
    """Count one request of `who` against `allowed` per fixed window: 0 when within it,
    else the seconds until the window ends. `incr` is atomic in the memory and Redis
    caches; in the database cache it is a read then a write, so simultaneous requests can
    overshoot by how many of them race: a bound on abuse, not an exact quota. Raises
    DatabaseError or ValueError when the cache is unavailable; callers let the request
    through then (a limit protects, it must not break)."""
    now = time.time()
    window = int(now // window_seconds)
    key = f"{name}:{who}:{window}"
    cache = caches["ratelimit"]
    cache.add(key, 0, timeout=window_seconds * 2)
    if int(cache.incr(key)) <= allowed:
        return 0
    return max(1, int((window + 1) * window_seconds - now))


def upload_allowed(user_id: int) -> bool:
    """Count one upload request for the user in the current hour; False past the limit."""
    try:
        return not window_wait("uploads", str(user_id), settings.NEWSFRAME_UPLOADS_PER_HOUR, RATE_WINDOW_SECONDS)
    except (DatabaseError, ValueError):
        # A missing cache table (or an expired key between add and incr) must not turn
        # every upload into a 500; the per-request size caps still hold.
        log.exception("upload rate limit unavailable; letting the request through")
        return True


def too_big(files: list[UploadedFile]) -> list[str]:
    """The files over the per-file cap, checked before they are read (browser and API alike)."""
    return [f.name or "upload" for f in files if (f.size or 0) > settings.NEWSFRAME_MAX_UPLOAD_BYTES]
