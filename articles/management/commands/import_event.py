"""import_event FILE --event NAME: restore an exported event JSON as a new event."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.services import event_import
from articles.services.event_import import EventImportError, parse_event_json


class Command(BaseCommand):
    help = ("Create a new event from an event JSON (export_event --format json, or analyze_dump --json): "
            "articles, quotes with speakers and human attributions, claims, signals and story points, "
            "without running the analysis again.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--event", required=True, help="the new event's name (must not exist yet)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"{path}: no such file.")
        try:
            data = json.loads(path.read_bytes())
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{path}: not JSON ({exc}).") from None
        try:
            event = event_import.event_import(
                parsed=parse_event_json(data), event_name=options["event"], source=path.name)
        except EventImportError as exc:
            raise CommandError(f"{path}: {exc}") from None
        self.stdout.write(f"{event.slug}: {event.articles.count()} article(s) imported")
