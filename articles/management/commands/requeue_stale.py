"""requeue_stale: analyse again every article done by an older pipeline version."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from articles.models import Article
from articles.nlp.version import ANALYSIS_VERSION
from articles.services import jobs


class Command(BaseCommand):
    help = "Queue a new analysis of the articles whose results come from an older analysis version."

    def handle(self, *args: Any, **options: Any) -> None:
        stale = Article.objects.exclude(analysis_version=ANALYSIS_VERSION)
        count = jobs.articles_requeue(articles=stale)
        self.stdout.write(f"queued {count} article(s) for analysis version {ANALYSIS_VERSION}")
