"""analyze_dump FILE [--json]: the full analysis of a file, without a server."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from articles.compare.align import align_claims
from articles.compare.types import ClaimInput
from articles.management.commands._io import print_json, read_articles
from articles.nlp.analyze import analyze_texts
from articles.nlp.pipeline import get_nlp
from articles.nlp.version import ANALYSIS_VERSION
from articles.services.event_json import (
    analysis_parts,
    article_json,
    canonical_names,
    omissions,
    story_points_json,
)


class Command(BaseCommand):
    help = "Parse and analyse a coverage file and print the event JSON (no database, no worker)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="print the event JSON")
        parser.add_argument("--no-align", action="store_true", help="skip the cross-article alignment")

    def handle(self, *args: Any, **options: Any) -> None:
        _, articles = read_articles(options["file"])
        limit = settings.NEWSFRAME_MAX_ARTICLE_CHARS
        nlp = get_nlp(settings.NEWSFRAME_SPACY_MODEL)
        analyses = list(analyze_texts(nlp, (a.body[:limit] for a in articles)))
        names = canonical_names([an.actors for an in analyses], [a.body for a in articles])
        out_articles = []
        for article, analysis, mapping in zip(articles, analyses, names, strict=True):
            out_articles.append(article_json(
                title=article.title, published=article.published, byline=article.byline,
                outlet=article.outlet, body=article.body, url=article.url, **analysis_parts(analysis, mapping),
            ))
        points = []
        spans: dict[int, tuple[int, str, int, int]] = {}
        if not options["no_align"]:
            inputs: list[ClaimInput] = []
            for i, analysis in enumerate(analyses):
                for claim in analysis.claims:
                    spans[len(inputs)] = (i, claim.text, claim.start, claim.end)
                    inputs.append(ClaimInput(id=len(inputs), article=i, text=claim.text, voice=claim.voice,
                                             speaker=claim.speaker, hedged=claim.hedged))
            points = align_claims(inputs, len(articles)) if inputs else []
        event = {"name": options["file"], "analysis_version": ANALYSIS_VERSION, "omissions": omissions(len(articles))}
        result = {"event": event, "articles": out_articles,
                  "story_points": story_points_json(points, spans, article_count=len(articles))}
        if options["json"]:
            print_json(result)
            return
        for a in out_articles:
            self.stdout.write(f"{a['title']}: {len(a['quotes'])} quotes, {len(a['claims'])} claims")
        self.stdout.write(f"{len(points)} story points")
