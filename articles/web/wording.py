"""The event page's table of loaded words in each outlet's own voice, per outlet and
per actor (compare/wording.py), with the sentences that use each word one click away."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from django.utils.text import Truncator

from articles.compare.types import MentionRow
from articles.compare.wording import SentenceRow, WordingCell, WordRow, wording
from articles.models import Article, Claim, Signal
from articles.web.parts import offset_url

OWN_VOICE_KINDS = frozenset({Signal.Kind.LOADED, Signal.Kind.SCARE_QUOTE})
MAX_TERMS = 15      # per cell; the count and rate cover them all
MAX_SENTENCES = 5   # per word
SENTENCE_WORDS = 40


def wording_table(
    articles: Sequence[Article], signals: Sequence[Signal], claims: Sequence[Claim]
) -> list[dict[str, Any]]:
    column = {a.pk: i for i, a in enumerate(articles)}
    rows = wording(
        words=[a.word_count for a in articles],
        loaded=[WordRow(column[s.article_id], s.text, s.start, s.end)
                for s in signals if s.kind in OWN_VOICE_KINDS and not s.in_quote],
        sentences=[SentenceRow(column[c.article_id], c.start, c.end, len(c.text.split())) for c in claims],
        mentions=[MentionRow(column[s.article_id], s.actor.name, s.start)
                  for s in signals if s.kind == Signal.Kind.LABEL and s.actor is not None and not s.in_quote],
    )
    paragraphs = [_Paragraphs(a) for a in articles]
    return [
        {"subject": row.subject or "the whole article", "is_whole": row.subject is None,
         "cells": [_cell(paragraphs[cell.article], cell, whole=row.subject is None) for cell in row.cells]}
        for row in rows
    ]


class _Paragraphs:
    """Links to an article's sentences: the paragraph anchor found by bisection."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.breaks = [m.start() for m in re.finditer("\n\n", article.body)]

    def link(self, start: int, end: int) -> dict[str, str]:
        paragraph = bisect_right(self.breaks, start - 1)
        return {"text": Truncator(self.article.body[start:end]).words(SENTENCE_WORDS),
                "url": offset_url(self.article, start, f"p{paragraph}")}


def _cell(paragraphs: _Paragraphs, cell: WordingCell, *, whole: bool) -> dict[str, Any]:
    return {
        "named": whole or cell.words > 0,
        "count": cell.count,
        "per_1000": cell.per_1000,
        "only": sum(1 for use in cell.terms if use.only),
        "more": max(0, len(cell.terms) - MAX_TERMS),
        "terms": [
            {"term": use.term, "only": use.only, "uses": len(use.sentences),
             "sentences": [paragraphs.link(start, end) for start, end in use.sentences[:MAX_SENTENCES]],
             "more": max(0, len(use.sentences) - MAX_SENTENCES)}
            for use in cell.terms[:MAX_TERMS]
        ],
    }
