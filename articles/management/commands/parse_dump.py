"""parse_dump FILE [--json]: the articles a file splits into; writes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from articles.management.commands._io import print_json, read_articles
from articles.services.uploads import draft_from_parsed


class Command(BaseCommand):
    help = "Split a coverage file (txt, html, json or zip) into articles, without touching the database."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print the articles as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        _, articles = read_articles(options["file"])
        if options["json"]:
            print_json([draft_from_parsed(a) for a in articles])
            return
        for i, a in enumerate(articles, 1):
            self.stdout.write(f"{i}. {a.title}  [{a.published or 'no date'}; {a.byline or 'no byline'}; "
                              f"{a.outlet or 'no outlet'}; {a.word_count} words]")
