"""Shared fixtures for the NLP tests: the model, loaded once per session, and the
three seed articles as the ingest layer splits and reflows them."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from articles.ingest import parse
from articles.nlp.headline_case import parse as parse_text
from articles.nlp.headline_case import parse_many
from articles.nlp.pipeline import get_nlp

SEED = Path(__file__).resolve().parents[2] / "seeds" / "tillerson-lavrov-2017-04-12.txt"

def seed_articles() -> list[str]:
    """The seed's three article bodies, as the ingest layer splits and reflows them."""
    return [a.body for a in parse(SEED.read_bytes(), SEED.name).articles]


@pytest.fixture(scope="session")
def nlp() -> Language:
    return get_nlp()


@pytest.fixture(scope="session")
def seed_docs(nlp: Language) -> list[Doc]:
    return list(parse_many(nlp, seed_articles()))


@pytest.fixture(scope="session")
def quotes_of(nlp: Language):
    """Text -> resolved quotes, the way analyze_doc produces them."""
    from articles.nlp.actors import find_actors
    from articles.nlp.quotes import find_quotes
    from articles.nlp.speakers import resolve_speakers

    def run(text: str):
        doc = parse_text(nlp, text)
        actors, mentions = find_actors(doc)
        return resolve_speakers(doc, find_quotes(doc), actors, mentions)

    return run
