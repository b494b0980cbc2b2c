"""The pair scorer: how likely two claims of one event state the same fact.

Entry point: `PairScorer(claims).probability(a, b, cosine)`. Sentence embeddings
rate two claims about the same people as close even when they state different facts,
and rate a paraphrase with other words ("passed" / "approved") lower than it deserves;
so the embedding's cosine is one feature among the signals a reader uses:

* the salient words the claims share (`lexical.py`: weighted by rarity in the event);
* names (capitalised words past a sentence's first word): shared, or none shared;
* numbers: one shared, or both state numbers and none is shared ("234-193" / "7 years");
* negation on one side only;
* the speakers of attributed claims: the same person, or two different people;
* verbatim runs: shared three-word sequences, the mark of one quote rendered twice;
* how far apart the claims sit in their articles, and the shorter claim's length.

A logistic model over these features gives the probability. Its weights live in
data/pair_model.json, fitted on labelled pairs of real events (see that file's
`source`); refitting changes no code. Every feature costs O(words of the two claims),
so scoring the candidate pairs stays O(pairs * words per claim).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np

from articles.compare import lexical
from articles.compare.types import ClaimInput

MODEL_FILE = Path(__file__).parent / "data" / "pair_model.json"
FEATURES = (
    "cosine", "words", "shared_weight", "containment", "names_shared", "names_apart", "numbers_shared", "numbers_apart",
    "negation_apart", "same_speaker", "other_speaker", "verbatim", "distance", "short",
)

# Refusals before the model (see `PairScorer.refused`): no salient word shared at all,
# or the same words (weighted overlap >= SAME_WORDS) with the polarity flipped, or
# (>= SAME_NUMBERS) with other numbers.
LEXICAL_FLOOR = 0.06
CHUNK = 8192
SAME_WORDS = 0.35
SAME_NUMBERS = 0.5

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_TOKEN = re.compile(r"[\w’']+")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "lt", "col", "sgt"})
_POSSESSIVE = re.compile(r"['’]s?$")


PairModel = tuple[np.ndarray, float]


@cache
def model() -> PairModel:
    """(weights in FEATURES order, intercept) from MODEL_FILE."""
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    weights = np.array([data["weights"][name] for name in FEATURES], dtype=np.float64)
    return weights, float(data["intercept"])


def names(text: str) -> frozenset[str]:
    """Stems of the capitalised words that do not start a sentence or a quote."""
    stop = lexical.stopwords()
    out = set()
    previous = ""
    for m in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", m.group())
        before = text[:m.start()].rstrip()
        opening = before[-1:] in ("“", "‘", "(") or (before[-1:] == '"' and before[-2:-1] in ("", " "))
        starts = not before or opening or (before[-1] in ".!?" and previous.lower() not in _TITLES)
        if word[0].isupper() and not starts and len(word) > 1 and word.lower() not in stop:
            out.add(lexical.stem(word.lower()))
        previous = word
    return frozenset(out)


def trigrams(text: str) -> frozenset[tuple[str, ...]]:
    words = [w.lower().replace("’", "'") for w in _TOKEN.findall(text)]
    return frozenset(zip(words, words[1:], words[2:], strict=False))


def speaker_key(claim: ClaimInput) -> str | None:
    """The speaker's last name, for attributed claims with a resolved speaker."""
    if claim.voice == "own" or not claim.speaker:
        return None
    return claim.speaker.split()[-1].lower()


def relative_positions(claims: Sequence[ClaimInput]) -> list[float]:
    """Each claim's place among its article's claims: 0 for the first, 1 for the last.

    Claims are taken in the order given, so callers pass them in text order.
    """
    counts: dict[int, int] = {}
    for claim in claims:
        counts[claim.article] = counts.get(claim.article, 0) + 1
    seen: dict[int, int] = {}
    positions = []
    for claim in claims:
        rank = seen.get(claim.article, 0)
        seen[claim.article] = rank + 1
        positions.append(rank / max(1, counts[claim.article] - 1))
    return positions


class PairScorer:
    """Per-claim signals computed once (O(total words)), scored per pair."""

    def __init__(self, claims: Sequence[ClaimInput], fitted: PairModel | None = None) -> None:
        """`fitted`: (weights in FEATURES order, intercept), MODEL_FILE's by default
        (tests/eval/fit_pair_model.py passes models fitted without the event scored)."""
        self.model = fitted if fitted is not None else model()
        texts = [c.text for c in claims]
        bags = [lexical.content_words(t) for t in texts]
        weights = lexical.event_weights(bags)
        self.bags = bags
        self.weights = weights
        self.totals = [sum(weights.get(w, 0.0) for w in b) for b in bags]
        self.vectors = [lexical.weighted_vector(b, weights) for b in bags]
        self.negated = [lexical.negated(t) for t in texts]
        self.numbers = [lexical.numbers(t) for t in texts]
        self.digits = [frozenset(_DIGITS.findall(t.replace(",", ""))) for t in texts]
        self.names = [names(t) for t in texts]
        self.trigrams = [trigrams(t) for t in texts]
        self.speakers = [speaker_key(c) for c in claims]
        self.positions = relative_positions(claims)
        self.lengths = [len(b) for b in bags]

    def overlap(self, a: int, b: int) -> tuple[float, float]:
        """(cosine of the weighted word vectors, summed weight of the shared words)."""
        va, vb, weights = self.vectors[a], self.vectors[b], self.weights
        dot = shared = 0.0
        for w in self.bags[a] & self.bags[b]:
            dot += va.get(w, 0.0) * vb.get(w, 0.0)
            shared += weights.get(w, 0.0)
        return dot, shared

    def features(self, a: int, b: int, cosine: float, overlap: tuple[float, float] | None = None) -> list[float]:
        """The pair's features, in FEATURES order (`overlap` when the caller has it)."""
        na, nb = self.names[a], self.names[b]
        ua, ub = self.numbers[a], self.numbers[b]
        sa, sb = self.speakers[a], self.speakers[b]
        ta, tb = self.trigrams[a], self.trigrams[b]
        words, shared = overlap or self.overlap(a, b)
        smaller = min(self.totals[a], self.totals[b])
        return [
            cosine,
            words,
            math.log1p(shared),
            shared / smaller if smaller else 0.0,
            len(na & nb) / min(len(na), len(nb)) if na and nb else 0.0,
            float(bool(na and nb) and not na & nb),
            float(bool(self.digits[a] & self.digits[b])),
            float(bool(ua and ub) and not ua & ub),
            float(self.negated[a] != self.negated[b]),
            float(sa is not None and sa == sb),
            float(sa is not None and sb is not None and sa != sb),
            len(ta & tb) / min(len(ta), len(tb)) if ta and tb else 0.0,
            abs(self.positions[a] - self.positions[b]),
            1.0 / (1.0 + min(self.lengths[a], self.lengths[b])),
        ]

    def refused(self, a: int, b: int, overlap: float) -> bool:
        """Same words, other facts: one side negated, or other numbers ("seven years" /
        "three years"). Few labelled pairs show these, so the model under-weighs them;
        between claims that share fewer words, both are common wording, not a contradiction."""
        if overlap >= SAME_WORDS and self.negated[a] != self.negated[b]:
            return True
        na, nb = self.numbers[a], self.numbers[b]
        return overlap >= SAME_NUMBERS and bool(na and nb) and not na & nb

    def probabilities(self, i: np.ndarray, j: np.ndarray, cosines: np.ndarray) -> np.ndarray:
        """`probability` of each pair (i[e], j[e]), CHUNK pairs per matrix product
        (so the features of a large event's pairs are never all in memory at once)."""
        probs = np.zeros(len(i), dtype=np.float64)
        for start in range(0, len(i), CHUNK):
            end = start + CHUNK
            probs[start:end] = self._chunk(i[start:end].tolist(), j[start:end].tolist(),
                                           cosines[start:end].tolist())
        return probs

    def _chunk(self, i: list[int], j: list[int], cosines: list[float]) -> np.ndarray:
        overlaps = [self.overlap(a, b) for a, b in zip(i, j, strict=True)]
        # Most candidate pairs share no salient word: refused before their features.
        kept = [e for e, o in enumerate(overlaps) if o[0] >= LEXICAL_FLOOR]
        probs = np.zeros(len(i), dtype=np.float64)
        if not kept:
            return probs
        rows = np.array([self.features(i[e], j[e], cosines[e], overlaps[e]) for e in kept], dtype=np.float64)
        weights, intercept = self.model
        scored = 1.0 / (1.0 + np.exp(-(rows @ weights + intercept)))
        refused = [self.refused(i[e], j[e], overlaps[e][0]) for e in kept]
        probs[kept] = np.where(refused, 0.0, scored)
        return probs

    def probability(self, a: int, b: int, cosine: float) -> float:
        features = self.features(a, b, cosine)
        if features[1] < LEXICAL_FLOOR or self.refused(a, b, features[1]):
            return 0.0
        weights, intercept = self.model
        z = float(np.dot(weights, features)) + intercept
        return 1.0 / (1.0 + math.exp(-z))
