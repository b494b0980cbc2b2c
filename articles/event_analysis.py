"""A coverage file's articles -> the event JSON of DESIGN.md, in memory: no database,
no worker. `analyze_dump` prints it; `make eval` scores its story points."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from articles.compare.align import align_claims
from articles.compare.types import ClaimInput, StoryPointResult
from articles.nlp.analyze import analyze_texts
from articles.nlp.types import ArticleAnalysis
from articles.nlp.version import ANALYSIS_VERSION
from articles.services.event_json import (
    analysed_chars,
    analysis_parts,
    article_json,
    canonical_names,
    omissions,
    story_points_json,
)

if TYPE_CHECKING:
    from spacy.language import Language

    from articles.ingest.types import ParsedArticle


def analyze_event(
    articles: Sequence[ParsedArticle], *, nlp: Language, name: str, limit: int, align: bool = True
) -> tuple[dict[str, Any], list[StoryPointResult]]:
    """The event JSON of `articles` (`name` is the event's name) and its story points.

    Each body is analysed up to `limit` characters; `align=False` skips the alignment."""
    analyses = list(analyze_texts(nlp, (a.body[:limit] for a in articles)))
    names = canonical_names([an.actors for an in analyses], [a.body for a in articles])
    out_articles = [
        article_json(
            title=article.title, published=article.published, byline=article.byline,
            outlet=article.outlet, body=article.body, url=article.url, **analysis_parts(analysis, mapping),
            analysed_chars=analysed_chars(article.body, limit),
        )
        for article, analysis, mapping in zip(articles, analyses, names, strict=True)
    ]
    inputs, spans = claim_inputs(analyses)
    points = align_claims(inputs, len(articles)) if align and inputs else []
    event = {"name": name, "analysis_version": ANALYSIS_VERSION, "omissions": omissions(len(articles))}
    story_points = story_points_json(points, spans, article_count=len(articles))
    return {"event": event, "articles": out_articles, "story_points": story_points}, points


def claim_inputs(
    analyses: Sequence[ArticleAnalysis],
) -> tuple[list[ClaimInput], dict[int, tuple[int, str, int, int]]]:
    """The aligner's input (ids are positions in the list) and each id's
    (article position, text, start, end)."""
    inputs: list[ClaimInput] = []
    spans: dict[int, tuple[int, str, int, int]] = {}
    for i, analysis in enumerate(analyses):
        for claim in analysis.claims:
            spans[len(inputs)] = (i, claim.text, claim.start, claim.end)
            inputs.append(ClaimInput(id=len(inputs), article=i, text=claim.text, voice=claim.voice,
                                     speaker=claim.speaker, hedged=claim.hedged))
    return inputs, spans
