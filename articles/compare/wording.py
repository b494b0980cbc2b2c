"""Which loaded words each outlet uses in its own voice, per outlet and per actor, and
which of them no other compared outlet used. Entry point: `wording`.

A loaded word or scare quote (outside quotes: inside one, the speaker chose it) belongs
to its sentence; the sentence is about every actor named in it. An outlet's rate for an
actor is its loaded words in the sentences naming that actor, per 1,000 words of those
sentences; its rate overall is per 1,000 words of the article. A word is "only this
outlet's" when no other compared article used it (for an actor: about that actor).
A rate that rests on fewer than `MIN_RATE_COUNT` loaded words or `MIN_RATE_WORDS` words of
text is flagged `few`: one word in a 20-word sentence is "50 per 1,000", a figure that says
nothing, so the page shows the count alone. Everything is linear in the rows given.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from articles.compare import lexical
from articles.compare.types import MentionRow

MAX_ACTORS = 10  # the page shows the actors with the most loaded words, not every name
# Below these a rate is noise: the page gives the count, not a dramatic per-1,000 figure.
MIN_RATE_COUNT = 3
MIN_RATE_WORDS = 200


@dataclass(frozen=True)
class WordRow:
    """A loaded word or scare quote in an article's own voice."""

    article: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SentenceRow:
    article: int
    start: int
    end: int
    words: int


@dataclass(frozen=True)
class WordUse:
    term: str                               # lower-cased, spaces collapsed
    only: bool                              # no other compared article used it (here)
    sentences: tuple[tuple[int, int], ...]  # (start, end) of each sentence using it


@dataclass(frozen=True)
class WordingCell:
    article: int
    count: int
    words: int
    per_1000: float
    terms: tuple[WordUse, ...]  # words only this article used first, then the most used
    few: bool = False  # the rate rests on too few words to compare (MIN_RATE_COUNT, MIN_RATE_WORDS)


@dataclass(frozen=True)
class WordingRow:
    subject: str | None  # None: the whole article
    cells: tuple[WordingCell, ...]


def wording(
    *,
    words: Sequence[int],
    loaded: Sequence[WordRow],
    sentences: Sequence[SentenceRow],
    mentions: Sequence[MentionRow] = (),
) -> list[WordingRow]:
    """The whole-article row, then a row per actor named beside a loaded word."""
    n = len(words)
    index = _Sentences(sentences, n)
    placed = _place(loaded, index, n)
    whole = _row(None, dict(enumerate(placed)), words)
    sizes = {(s.article, s.start, s.end): s.words for s in sentences}
    about: dict[str, dict[int, list[tuple[WordRow, tuple[int, int]]]]] = defaultdict(lambda: defaultdict(list))
    sentence_words: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    named = _actors_by_sentence(index, mentions)
    for key, actors in named.items():
        for actor in actors:
            sentence_words[actor][key[0]] += sizes[key]
    for article in range(n):
        for word, sentence in placed[article]:
            for actor in named.get((article, *sentence), ()):
                about[actor][article].append((word, sentence))
    ranked = sorted(about, key=lambda actor: (-sum(len(v) for v in about[actor].values()), actor))
    rows = [whole]
    for actor in ranked[:MAX_ACTORS]:
        rows.append(_row(actor, about[actor], sentence_words[actor]))
    return rows


class _Sentences:
    """Each article's sentences in order, to find the one holding an offset by bisection."""

    def __init__(self, sentences: Sequence[SentenceRow], n: int) -> None:
        self.spans: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for s in sorted(sentences, key=lambda s: (s.article, s.start)):
            self.spans[s.article].append((s.start, s.end))
        self.starts = [[start for start, _ in article] for article in self.spans]

    def holding(self, article: int, start: int, end: int) -> tuple[int, int] | None:
        """The (start, end) of the sentence holding [start, end), if one does."""
        i = bisect_right(self.starts[article], start) - 1
        return self.spans[article][i] if i >= 0 and end <= self.spans[article][i][1] else None


def _place(
    loaded: Sequence[WordRow], sentences: _Sentences, n: int
) -> list[list[tuple[WordRow, tuple[int, int]]]]:
    """Each word with the sentence holding it (the word itself where none does)."""
    placed: list[list[tuple[WordRow, tuple[int, int]]]] = [[] for _ in range(n)]
    for word in sorted(loaded, key=lambda w: (w.article, w.start)):
        sentence = sentences.holding(word.article, word.start, word.end)
        placed[word.article].append((word, sentence or (word.start, word.end)))
    return placed


def _actors_by_sentence(
    sentences: _Sentences, mentions: Sequence[MentionRow]
) -> dict[tuple[int, int, int], set[str]]:
    """(article, start, end) of a sentence -> the actors named in it."""
    named: dict[tuple[int, int, int], set[str]] = defaultdict(set)
    for mention in mentions:
        sentence = sentences.holding(mention.article, mention.position, mention.position + 1)
        if sentence is not None:
            named[(mention.article, *sentence)].add(mention.actor)
    return named


def _row(
    subject: str | None,
    per_article: dict[int, list[tuple[WordRow, tuple[int, int]]]],
    words: Sequence[int],
) -> WordingRow:
    terms: list[dict[str, list[tuple[int, int]]]] = []
    for article in range(len(words)):
        found: dict[str, list[tuple[int, int]]] = {}
        for word, sentence in per_article.get(article, []):
            found.setdefault(term_of(word.text), []).append(sentence)
        terms.append(found)
    cells = []
    for article, found in enumerate(terms):
        others = {t for a, other in enumerate(terms) if a != article for t in other}
        uses = [WordUse(term, term not in others, tuple(dict.fromkeys(spans))) for term, spans in found.items()]
        uses.sort(key=lambda u: (not u.only, -len(u.sentences), u.term))
        count = sum(len(spans) for spans in found.values())
        cells.append(WordingCell(
            article=article, count=count, words=words[article],
            per_1000=round(1000 * count / words[article], 1) if words[article] else 0.0, terms=tuple(uses),
            few=count < MIN_RATE_COUNT or words[article] < MIN_RATE_WORDS,
        ))
    return WordingRow(subject=subject, cells=tuple(cells))


def term_of(text: str) -> str:
    """The word as compared across outlets: case, spacing and quote glyphs aside (one
    outlet's “no” and another's "no" are one word, not two each used "only here")."""
    return " ".join(text.translate(lexical.PLAIN_GLYPHS).lower().split())
