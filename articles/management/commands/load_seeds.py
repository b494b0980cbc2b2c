"""load_seeds: import seeds/ (named by seeds/manifest.json) into their events."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from articles.management.commands.import_dump import import_file


class Command(BaseCommand):
    help = "Load the sample coverage in seeds/ (idempotent: known articles are skipped)."

    def handle(self, *args: Any, **options: Any) -> None:
        seeds = settings.BASE_DIR / "seeds"
        for entry in json.loads((seeds / "manifest.json").read_text(encoding="utf-8")):
            for name in entry["files"]:
                result = import_file(seeds / name, entry["event"])
                self.stdout.write(f"{entry['event']}: {len(result.created)} new article(s), "
                                  f"{len(result.duplicates)} already loaded")
