"""The read-only JSON API under /api/ (django-ninja), plus token-authenticated uploads."""

from __future__ import annotations

from articles.api.main import api

__all__ = ["api"]
