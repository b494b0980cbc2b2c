"""The lexical signal of alignment: which salient words two claims share.

Sentence embeddings rate two claims about the same actors as close even when they
state different facts ("the US is trying to blackmail Russia" ~ "the USA and Russia
want to improve their relations"). What tells the same fact apart is usually a shared
rare word: "vetoed ... draft resolution", "59", "Pazarcik". So each claim becomes a
set of content words (stop words and reporting verbs dropped, crude stems), weighted
by their inverse document frequency *within the event*: a word found in most claims
of the event, such as its main actors, counts for little; a word that only a few
claims share counts for much. Two claims score the cosine of their weighted word
vectors.

Everything here is linear in the event's words: `event_weights` counts each claim's
words once, `weighted_vector` normalises one claim, and `dot` walks the smaller of
two sparse vectors, so scoring the candidate pairs costs O(pairs * words per claim).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

STOPWORDS_FILE = Path(__file__).parent / "data" / "stopwords.txt"
# Typographic quotes and dashes read as the plain ones: outlets differ in glyphs, not words.
PLAIN_GLYPHS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})

# IDF prior: as if the event had PRIOR more claims that lack every word. Without it a
# two-claim event would weigh every word the claims share at log(2/2) = 0; with it a
# small event's weights stay close to plain word overlap.
PRIOR = 10
# Weights are IDF ** IDF_POWER: a steeper curve makes an event's main actors (in a
# quarter of its claims) weigh far less than a word only two or three claims share.
# At 1.0 the seed kept four rows that only shared "Lavrov", "Tillerson", "Syria";
# at 1.5 they part while its true rows keep overlaps of 0.14 to 0.34.
IDF_POWER = 1.5

_WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# "don't", "isn’t": the tokeniser splits them, so negation is read from the raw text.
_NEGATION = re.compile(r"\b(?:not|no|never|nor|none|neither|cannot|without)\b|n['’]t\b",
                       re.IGNORECASE)

SparseVector = dict[str, float]


@cache
def stopwords() -> frozenset[str]:
    lines = STOPWORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def stem(word: str) -> str:
    """A crude stem: plural and tense endings off, then the first six letters.

    Crude on purpose: it needs no model, and conflating "investigation" with
    "investigators" costs less than missing "vetoed" ~ "veto" or "attacks" ~ "attack".
    """
    if word[0].isdigit():
        return word.replace(",", "")
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix) and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]  # "score" ~ "scored", "agree" ~ "agreed"
    return word[:6]


def content_words(text: str) -> frozenset[str]:
    """Stems of the words of `text` that can carry a fact (no stop words, no 1-letter words)."""
    stop = stopwords()
    return frozenset(
        stem(w) for w in (m.group().lower() for m in _WORD.finditer(text))
        if (len(w) > 1 or w.isdigit()) and w not in stop
    )


def negated(text: str) -> bool:
    """Whether the claim contains a negation ("not", "no", "never", "n't", ...)."""
    return _NEGATION.search(text) is not None


def event_weights(claims: Iterable[frozenset[str]]) -> dict[str, float]:
    """Each word's weight: its inverse document frequency over the event's claims."""
    df: Counter[str] = Counter()
    n = 0
    for words in claims:
        df.update(words)
        n += 1
    return {w: math.log((n + PRIOR) / (count + 1)) ** IDF_POWER for w, count in df.items()}


def weighted_vector(words: Iterable[str], weights: Mapping[str, float]) -> SparseVector:
    """The claim's words as a unit vector of their weights (empty when none weigh)."""
    vector = {w: weights[w] for w in words if weights.get(w, 0.0) > 0}
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {w: v / norm for w, v in vector.items()} if norm else {}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def add_into(target: SparseVector, other: Mapping[str, float]) -> None:
    """target += other (the sum of a story point's members' vectors)."""
    for w, v in other.items():
        target[w] = target.get(w, 0.0) + v


_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
          "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
          "seventeen", "eighteen", "nineteen", "twenty"]
_TENS = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(_UNITS)} | {
    w: str(10 * n) for n, w in enumerate(_TENS, start=3)}


def numbers(text: str) -> frozenset[str]:
    """The numbers a claim states, digits or words ("seven" = "7", "2,300" = "2300")."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if w[0].isdigit():
            out.add(w.replace(",", ""))
        elif w in _NUMBER_WORDS and w != "one":  # "one of the", "no one": rarely a count
            out.add(_NUMBER_WORDS[w])
    return frozenset(out)
