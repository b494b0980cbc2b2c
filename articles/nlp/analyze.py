"""Article text -> ArticleAnalysis: the one entry point of the NLP layer."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from articles.nlp.actors import find_actors
from articles.nlp.claims import find_claims
from articles.nlp.headline_case import parse, parse_many
from articles.nlp.quotes import find_quotes
from articles.nlp.signals import find_signals
from articles.nlp.speakers import resolve_speakers
from articles.nlp.types import ArticleAnalysis
from articles.nlp.version import ANALYSIS_VERSION


def analyze_doc(doc: Doc) -> ArticleAnalysis:
    actors, mentions = find_actors(doc)
    quotes = resolve_speakers(doc, find_quotes(doc), actors, mentions)
    claims = find_claims(doc, quotes)
    signals = find_signals(doc, quotes, actors)
    return ArticleAnalysis(
        version=ANALYSIS_VERSION,
        actors=tuple(actors),
        quotes=tuple(quotes),
        claims=tuple(claims),
        signals=tuple(signals),
    )


def analyze_texts(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[ArticleAnalysis]:
    """Analyse many bodies through one nlp.pipe, yielding results in order."""
    for doc in parse_many(nlp, texts, batch_size=batch_size):
        yield analyze_doc(doc)


def analyze_text(nlp: Language, text: str) -> ArticleAnalysis:
    """Analyse one body (`headline_case.parse`: title-case lines read as running text)."""
    return analyze_doc(parse(nlp, text))
