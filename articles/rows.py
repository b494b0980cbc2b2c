"""Rows of many articles grouped by article, in one pass: what pages and exports need
so that their work grows with the rows, not with articles x rows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def by_article(rows: Iterable[Any]) -> dict[int, list[Any]]:
    """`rows` (anything with an `article_id`) grouped by it, each group in the given order."""
    grouped: dict[int, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.article_id, []).append(row)
    return grouped
