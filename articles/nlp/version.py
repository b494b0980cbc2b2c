"""The analysis version stored on every result. Bump it when output changes,
so `requeue_stale` can re-analyse articles done by an older pipeline."""

from __future__ import annotations

ANALYSIS_VERSION = "nlp-18"
