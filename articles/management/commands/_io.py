"""Shared helpers of the command-line tools."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import CommandError

from articles.ingest import parse
from articles.ingest.types import IngestError, ParsedArticle


def read_articles(path: str) -> tuple[bytes, list[ParsedArticle]]:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"{path}: no such file.")
    data = file.read_bytes()
    try:
        result = parse(data, file.name)
    except IngestError as exc:
        raise CommandError(f"{path}: {exc.message} {exc.hint}".strip()) from None
    return data, list(result.articles)


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
