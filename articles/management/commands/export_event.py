"""export_event SLUG --format json|csv: an event's results for research use."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.exports import event_csv_tables, event_json
from articles.management.commands._io import print_json
from articles.models import Event


class Command(BaseCommand):
    help = "Export an event as the event JSON (stdout) or as CSV tables (a ZIP file)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--out", help="CSV: the ZIP file to write (default: var/exports/SLUG-csv.zip)")

    def handle(self, *args: Any, **options: Any) -> None:
        event = Event.objects.filter(slug=options["slug"]).first()
        if event is None:
            raise CommandError(f"No event with the slug {options['slug']!r}; see the home page for slugs.")
        if options["format"] == "json":
            print_json(event_json(event))
            return
        from django.conf import settings

        out = Path(options["out"] or settings.VAR_DIR / "exports" / f"{event.slug}-csv.zip")
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in event_csv_tables(event).items():
                archive.writestr(name, text.encode("utf-8"))
        self.stdout.write(str(out))
