"""export_event SLUG --format json|csv: an event's results for research use,
the same files as the event page's download links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Event
from articles.services.exports import TABLES, export_stream


class Command(BaseCommand):
    help = ("Export an event as the event JSON (stdout, or --out FILE) or as CSV tables "
            "(one ZIP, or one table with --table).")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--table", choices=TABLES, help="CSV: write only this table")
        parser.add_argument("--exact", action="store_true",
                            help="CSV: keep cells starting with = + - @ as they are (not neutralised for spreadsheets)")
        parser.add_argument("--out", help="the file to write (default: JSON to stdout, CSV under var/exports/)")

    def handle(self, *args: Any, **options: Any) -> None:
        event = Event.objects.filter(slug=options["slug"]).first()
        if event is None:
            raise CommandError(f"No event with the slug {options['slug']!r}; see the home page for slugs.")
        if options["table"] and options["format"] != "csv":
            raise CommandError("--table goes with --format csv.")
        file = export_stream(event, options["format"], table=options["table"], exact=options["exact"])
        if options["format"] == "json" and not options["out"]:
            for chunk in file.chunks:  # whole UTF-8 pieces: each decodes on its own
                self.stdout.write(chunk.decode("utf-8"), ending="")
            return
        out = Path(options["out"] or settings.VAR_DIR / "exports" / file.name)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("wb") as written:
            for chunk in file.chunks:
                written.write(chunk)
        self.stdout.write(str(out))
