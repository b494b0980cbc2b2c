"""Benchmark of align_claims on synthetic events: time, peak memory, growth exponent.

Run: .venv/bin/python bench/align.py [--articles 100 300 1000 2000 5000]

Embedding 50,000 claims with the real model would take minutes (~330 sentences/s on
two cores), so the real model embeds a fixed pool of generated news-style sentences
once; each synthetic claim is a pool sentence's vector plus Gaussian noise (cosine
~0.8 to its sentence, ~0.64 between two claims of the same fact), renormalised.
Each claim's text is its pool sentence, so the lexical checks see real words. Alignment
is timed with a lookup `embed`, so the times below exclude embedding (they include the
lexical checks); the embedding cost is reported apart, projected from the throughput.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from itertools import product
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles.compare.align import THRESHOLD, align_claims
from articles.compare.embed import embed
from articles.compare.neighbours import candidate_pairs
from articles.compare.types import ClaimInput

CLAIMS_PER_ARTICLE = 10
SUBJECTS = ["Russia", "The United States", "Tillerson", "Lavrov", "Putin", "The Pentagon",
            "Syria's government", "The UN Security Council", "China", "Britain",
            "The OPCW", "Nikki Haley", "Rebel groups", "The Kremlin", "France"]
VERBS = ["vetoed", "condemned", "welcomed", "called for", "rejected", "proposed",
         "questioned", "supported", "denied", "investigated"]
OBJECTS = ["a draft resolution on Syria", "the missile strike on Shayrat", "new sanctions",
           "an inquiry into the gas attack", "talks on North Korea",
           "the ceasefire in Aleppo", "claims of election hacking", "the peace plan",
           "a no-fly zone", "the report on chemical weapons"]


def pool_sentences() -> list[str]:
    return [f"{s} {v} {o}" for s, v, o in product(SUBJECTS, VERBS, OBJECTS)]


def make_event(pool: np.ndarray, n_articles: int, rng: np.random.Generator,
               sentences: list[str] | None = None) -> tuple[list[ClaimInput], np.ndarray]:
    n_facts = min(len(pool), 20 + n_articles // 3)
    facts = rng.choice(len(pool), size=n_facts, replace=False)
    weights = 1.0 / np.arange(1, n_facts + 1)  # a few facts everyone reports, a long tail
    weights /= weights.sum()
    claims, rows = [], []
    for article in range(n_articles):
        chosen = rng.choice(n_facts, size=CLAIMS_PER_ARTICLE, replace=False, p=weights)
        for fact in chosen:
            text = sentences[facts[fact]] if sentences else str(len(claims))
            claims.append(ClaimInput(id=len(claims), article=article, text=text))
            rows.append(facts[fact])
    noise = rng.standard_normal((len(rows), pool.shape[1])) * (0.75 / np.sqrt(pool.shape[1]))
    vectors = pool[rows] + noise
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return claims, vectors.astype(np.float32)


def report(articles: list[int]) -> str:
    sentences = pool_sentences()
    started = time.perf_counter()
    pool = embed(sentences)
    embed_rate = len(sentences) / (time.perf_counter() - started)
    rng = np.random.default_rng(0)
    rows = []
    for n_articles in articles:
        claims, vectors = make_event(pool, n_articles, rng, sentences)
        # align_claims embeds the claims' texts once, in order: hand back their vectors.
        lookup = lambda texts, v=vectors: v  # noqa: E731
        # Best of three: the machine is shared, and the minimum is the least noisy.
        seconds = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            points = align_claims(claims, n_articles, embed=lookup)
            seconds = min(seconds, time.perf_counter() - started)
        tracemalloc.start()
        align_claims(claims, n_articles, embed=lookup)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        shared = sum(1 for p in points if len(p.articles) > 1)
        rows.append((n_articles, len(claims), seconds, peak / 2**20, len(points), shared,
                     len(claims) / embed_rate))

    lines = [
        "## Alignment: time and peak memory by event size",
        "",
        f"Threshold {THRESHOLD}; real embedder throughput {embed_rate:.0f} sentences/s "
        f"(pool of {len(sentences)} sentences); align time excludes embedding (best of 3).",
        "",
        "| articles | claims | align s | peak MiB | story points | shared | embedding s (projected) |",
        "|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for a, n, s, mib, points, shared, emb in rows:
        lines.append(f"| {a:,} | {n:,} | {s:.2f} | {mib:.1f} | {points:,} | {shared:,} | {emb:.0f} |")
    n = np.array([r[1] for r in rows], dtype=float)
    t = np.array([r[2] for r in rows])
    lines.append(f"\nFitted exponent, time ~ n^k over all sizes: **k = {np.polyfit(np.log(n), np.log(t), 1)[0]:.2f}**"
                 " (quadratic would be 2).")
    big = n > 2_000
    if big.sum() >= 2:
        k = np.polyfit(np.log(n[big]), np.log(t[big]), 1)[0]
        lines.append(f"Fitted exponent over the tree path (> 2,000 claims): k = {k:.2f}.")
    lines.append(recall(pool, rng))
    lines.append("")
    return "\n".join(lines)


def run() -> str:
    return report([100, 1000, 5000])


def recall(pool: np.ndarray, rng: np.random.Generator, n_articles: int = 1_000) -> str:
    """Share of the exact candidate pairs that the tree search finds."""
    claims, vectors = make_event(pool, n_articles, rng)
    groups = np.array([c.article for c in claims])
    args = {"threshold": THRESHOLD, "same_group_threshold": 0.9}
    exact = candidate_pairs(vectors, groups, exact_limit=len(claims), **args)
    approx = candidate_pairs(vectors, groups, **args)
    exact_set = set(zip(exact[0].tolist(), exact[1].tolist(), strict=True))
    approx_set = set(zip(approx[0].tolist(), approx[1].tolist(), strict=True))
    found = len(exact_set & approx_set) / max(1, len(exact_set))
    return f"Tree search recall of the exact top-k pairs at {len(claims):,} claims: {found:.3f}."


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[100, 300, 1000, 2000, 5000])
    print(report(parser.parse_args().articles))
