"""Load the word lists in `data/`: one entry a line, `#` lines are headers/comments."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_DATA = Path(__file__).with_name("data")


@cache
def load_list(name: str) -> tuple[str, ...]:
    """Entries of data/<name>, in file order, without comment or blank lines."""
    lines = (_DATA / name).read_text(encoding="utf-8").splitlines()
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))


@cache
def load_patterns(name: str) -> re.Pattern[str]:
    """One case-insensitive regex that fully matches any entry of data/<name>."""
    alternatives = "|".join(f"(?:{entry})" for entry in load_list(name))
    return re.compile(rf"(?:{alternatives})", re.IGNORECASE)


def data_path(name: str) -> Path:
    """The path of data/<name>, for files that are not plain lists (CSV)."""
    return _DATA / name
