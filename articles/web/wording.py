"""The event page's table of loaded words in each outlet's own voice, per outlet and
per actor (compare/wording.py), with the sentences that use each word one click away."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.utils.text import Truncator

from articles.compare.types import MentionRow
from articles.compare.wording import SentenceRow, WordingCell, WordRow, wording
from articles.models import Article, Claim, Signal
from articles.web.parts import paragraph_url

OWN_VOICE_KINDS = frozenset({Signal.Kind.LOADED, Signal.Kind.SCARE_QUOTE})
MAX_TERMS = 15      # per cell; the count and rate cover them all
MAX_SENTENCES = 5   # per word
SENTENCE_WORDS = 40


def wording_table(
    articles: Sequence[Article], signals: Sequence[Signal], claims: Sequence[Claim],
    pending: dict[int, str] | None = None,
) -> list[dict[str, Any]]:
    """`pending`: analysed.unanalysed of the articles, whose cells say so instead of "not named"."""
    pending = pending or {}
    column = {a.pk: i for i, a in enumerate(articles)}
    rows = wording(
        words=[a.word_count for a in articles],
        loaded=[WordRow(column[s.article_id], s.text, s.start, s.end)
                for s in signals if s.kind in OWN_VOICE_KINDS and not s.in_quote],
        sentences=[SentenceRow(column[c.article_id], c.start, c.end, len(c.text.split())) for c in claims],
        mentions=[MentionRow(column[s.article_id], s.actor.name, s.start)
                  for s in signals if s.kind == Signal.Kind.LABEL and s.actor is not None and not s.in_quote],
    )
    return [
        {"subject": row.subject or "the whole article", "is_whole": row.subject is None,
         "cells": [{**_cell(articles[cell.article], cell, whole=row.subject is None),
                   "pending": pending.get(articles[cell.article].pk, "")} for cell in row.cells]}
        for row in rows
    ]


def _link(article: Article, start: int, end: int) -> dict[str, str]:
    """A sentence's first words, linked to its paragraph on the article page."""
    return {"text": Truncator(article.body[start:end]).words(SENTENCE_WORDS), "url": paragraph_url(article, start)}


def _cell(article: Article, cell: WordingCell, *, whole: bool) -> dict[str, Any]:
    return {
        "named": whole or cell.words > 0,
        "count": cell.count,
        "per_1000": cell.per_1000,
        "few": cell.few,
        "words": cell.words,
        "only": sum(1 for use in cell.terms if use.only),
        "more": max(0, len(cell.terms) - MAX_TERMS),
        "terms": [
            {"term": use.term, "only": use.only, "uses": len(use.sentences),
             "sentences": [_link(article, start, end) for start, end in use.sentences[:MAX_SENTENCES]],
             "more": max(0, len(use.sentences) - MAX_SENTENCES)}
            for use in cell.terms[:MAX_TERMS]
        ],
    }
