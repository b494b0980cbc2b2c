"""analyze_dump FILE [--json]: the full analysis of a file, without a server."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.event_analysis import analyze_event
from articles.management.commands._io import print_json, read_articles
from articles.nlp.pipeline import get_nlp


class Command(BaseCommand):
    help = "Parse and analyse a coverage file and print the event JSON (no database, no worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print the event JSON")
        parser.add_argument("--no-align", action="store_true", help="skip the cross-article alignment")

    def handle(self, *args: Any, **options: Any) -> None:
        _, articles = read_articles(options["file"])
        nlp = get_nlp(settings.NEWSFRAME_SPACY_MODEL)
        result, points = analyze_event(
            articles, nlp=nlp, name=options["file"], limit=settings.NEWSFRAME_MAX_ARTICLE_CHARS,
            align=not options["no_align"],
        )
        if options["json"]:
            print_json(result)
            return
        for a in result["articles"]:
            self.stdout.write(f"{a['title']}: {len(a['quotes'])} quotes, {len(a['claims'])} claims")
        self.stdout.write(f"{len(points)} story points")
