"""Where the real evaluation texts and the official scorers live (outside the repository)."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LABELS = Path(__file__).resolve().parent / "data"


def shared_dir() -> Path:
    """The team's shared folder: $NEWSFRAME_SHARED, else ../shared beside the checkout."""
    return Path(os.environ.get("NEWSFRAME_SHARED", REPO.parent / "shared"))


def data_dir() -> Path | None:
    """../shared/data when it is present, else None (the caller says it skipped)."""
    path = shared_dir() / "data"
    return path if path.is_dir() else None


def scorer_dir() -> Path | None:
    """../shared/eval (score_quotes.py, score_facts.py) when present."""
    path = shared_dir() / "eval"
    return path if path.is_dir() else None


def say_missing(what: str) -> int:
    print(f"skipped {what}: {shared_dir()} is not here (the real texts are not in the repository)")
    return 0
