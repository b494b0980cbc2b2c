"""Claims of one event -> story points: the same fact as stated by different articles.

Entry point: `align_claims`. Claims are embedded (all-MiniLM-L6-v2); candidate pairs
come from `neighbours.candidate_pairs` (exact for small events, projection trees past
EXACT_LIMIT claims; pairs under CHECK_FLOOR cosine are never scored), and each pair
gets the probability that it states one fact from the pair model of `pairs.py`
(cosine, shared salient words, names, numbers, negation, speakers, verbatim runs,
position). Then:

* Merge: pairs of different articles at `threshold` or above are merged greedily,
  most likely first. A point may hold several sentences of one article (a fact told
  in the headline, the lead and the body), but only while the mean cosine over all
  its member pairs stays at or above LINK_FLOOR, so a chain a~b~c cannot pull in a c
  unrelated to a (with unit vectors that mean is sum(A)·sum(B) / (|A| |B|), O(d)).
  Two claims of one article merge directly only as near-duplicates (cosine >=
  `duplicate_threshold`).
* Check: before an article is called "not reported" for a point, its claims that are
  candidate partners of the point's members are searched for the fact: the most likely
  one joins the point at `threshold` or above (so a sentence that states two facts may
  be in two points), makes the article "possibly reported" at `possibly` or above
  (`PossibleReport`: the closest sentence and its probability), and otherwise the
  article is in `missing_from`. Only candidate pairs are searched (each claim's top k
  neighbours above CHECK_FLOOR), which keeps the check O(n k) on large events.

Wrong merges cost more than missed ones (a researcher trusts a row that says two
outlets reported the same fact), and the thresholds were chosen on the tuning events
of tests/eval/eval_facts.py with pair precision first.

Every claim ends in at least one story point; a claim that matched nothing is a point
of its own, reported by one article. `order` sorts points by how many articles do not
report them for sure (missing or possibly), then by their mean relative position
inside the articles (0 = first claim, 1 = last).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

import numpy as np

from articles.compare.embed import embed as default_embed
from articles.compare.neighbours import candidate_pairs
from articles.compare.pairs import PairModel, PairScorer, relative_positions
from articles.compare.types import ClaimInput, PossibleReport, StoryPointResult

# Probabilities of the pair model (pairs.py), chosen on the ten tuning events of
# tests/eval/eval_facts.py: threshold 0.40 / 0.45 / 0.50 gave pair recall 0.50 / 0.45 /
# 0.41 and pair precision 0.81 / 0.86 / 0.87; at 0.45, POSSIBLY = 0.37 keeps "possibly"
# verdicts at 14.5% (the issue allows 15%). LINK_FLOOR 0.55 / 0.65: pair precision
# 0.863 / 0.858 at the same recall; the bench's synthetic facts (cosine ~0.64 between
# two claims of one fact) split into many points at 0.65.
THRESHOLD = 0.45           # a pair this likely to state one fact joins two points
POSSIBLY = 0.37            # an article's closest sentence this likely: "possibly reported"
LINK_FLOOR = 0.55          # mean cosine between two points' members, to stop chains
CHECK_FLOOR = 0.3          # cosine below which no pair is scored at all
DUPLICATE_THRESHOLD = 0.9  # cosine: the same article says it twice (headline and lead)
K = 16                     # candidate partners per claim (neighbours.candidate_pairs)

Embed = Callable[[Sequence[str]], np.ndarray]
Neighbours = dict[int, list[tuple[int, float]]]


def align_claims(
    claims: Sequence[ClaimInput],
    n_articles: int,
    *,
    embed: Embed = default_embed,
    vectors: np.ndarray | None = None,
    threshold: float = THRESHOLD,
    possibly: float = POSSIBLY,
    duplicate_threshold: float = DUPLICATE_THRESHOLD,
    k: int = K,
    model: PairModel | None = None,
) -> list[StoryPointResult]:
    """Story points of an event, sorted by `order` (shared and early points first).

    `vectors` are the claims' embeddings when the caller has them already (the
    analysis of each article stores them); otherwise `embed` computes them here.
    `model` replaces the pair model's fitted weights (pairs.PairScorer)."""
    if not claims:
        return []
    if any(not 0 <= c.article < n_articles for c in claims):
        raise ValueError("every claim's article must be in range(n_articles)")
    if vectors is None:
        vectors = embed([c.text for c in claims])
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.shape[0] != len(claims):
        raise ValueError("there must be one vector per claim")
    articles = np.fromiter((c.article for c in claims), dtype=np.int64, count=len(claims))
    i, j, sims = candidate_pairs(
        vectors, articles, threshold=CHECK_FLOOR, same_group_threshold=duplicate_threshold, k=k,
    )
    scorer = PairScorer(claims, model)
    probs = scorer.probabilities(i, j, sims)
    same = articles[i] == articles[j]
    probs[same] = np.where(sims[same] >= duplicate_threshold, 1.0, 0.0)
    clusters = _merge(vectors, i, j, probs, threshold)
    neighbours = _neighbours(i, j, probs, ~same)
    positions = relative_positions(claims)
    points = [
        _story_point(members, claims, vectors, positions, n_articles,
                     _check(members, claims, neighbours, threshold, possibly))
        for members in clusters
    ]
    points = _without_repeated_rows(points)
    points.sort(key=lambda p: (p.order, p.members[0]))
    return points


def _merge(
    vectors: np.ndarray,
    i: np.ndarray,
    j: np.ndarray,
    probs: np.ndarray,
    threshold: float,
) -> list[list[int]]:
    """Greedy union of the pairs at `threshold` or above, most likely first, under the
    guards of the module docstring."""
    n = len(vectors)
    parent = list(range(n))
    members: dict[int, list[int]] = {x: [x] for x in range(n)}
    sums: dict[int, np.ndarray] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # Ties break on the pair's indices so that the result does not depend on sort order.
    for e in np.lexsort((j, i, -probs)):
        if probs[e] < threshold:
            break
        a, b = int(i[e]), int(j[e])
        ra, rb = find(a), find(b)
        if ra == rb:
            continue
        sum_a = sums.get(ra, vectors[ra])
        sum_b = sums.get(rb, vectors[rb])
        if float(sum_a @ sum_b) / (len(members[ra]) * len(members[rb])) < LINK_FLOOR:
            continue
        if len(members[ra]) < len(members[rb]):
            ra, rb = rb, ra
        parent[rb] = ra
        members[ra].extend(members.pop(rb))
        sums[ra] = sum_a + sum_b
        sums.pop(rb, None)
    return [sorted(group) for group in members.values()]


def _neighbours(i: np.ndarray, j: np.ndarray, probs: np.ndarray, keep: np.ndarray) -> Neighbours:
    """Each claim's scored partners in other articles: claim -> [(partner, probability)]."""
    out: Neighbours = defaultdict(list)
    for a, b, p in zip(i[keep].tolist(), j[keep].tolist(), probs[keep].tolist(), strict=True):
        out[a].append((b, p))
        out[b].append((a, p))
    return out


def _check(
    members: list[int],
    claims: Sequence[ClaimInput],
    neighbours: Neighbours,
    threshold: float,
    possibly: float,
) -> tuple[list[int], list[PossibleReport]]:
    """The omission check of a point: each other article's closest claim to any member.

    Returns the claims that report the point after all (they join it as members, and
    may stay in their own point too) and the articles that possibly report it."""
    reporting = {claims[m].article for m in members}
    best: dict[int, tuple[float, int]] = {}
    for m in members:
        for other, p in neighbours.get(m, ()):
            article = claims[other].article
            if article not in reporting and p > best.get(article, (-1.0, 0))[0]:
                best[article] = (p, other)
    joined, maybe = [], []
    for article, (p, other) in sorted(best.items()):
        if p >= threshold:
            joined.append(other)
        elif p >= possibly:
            maybe.append(PossibleReport(article=article, claim=claims[other].id, score=p))
    return joined, maybe


def _without_repeated_rows(points: list[StoryPointResult]) -> list[StoryPointResult]:
    """The points whose members are not all in another point. Two singletons that the
    check joins to each other would be one row shown twice, and a point inside a larger
    one calls "not reported" an article the larger one finds reporting it."""
    kept: list[StoryPointResult] = []
    seen: list[frozenset[int]] = []
    for point in sorted(points, key=lambda p: -len(p.members)):
        members = frozenset(point.members)
        if not any(members <= other for other in seen):
            kept.append(point)
            seen.append(members)
    return kept


def _story_point(
    members: list[int],
    claims: Sequence[ClaimInput],
    vectors: np.ndarray,
    positions: list[float],
    n_articles: int,
    checked: tuple[list[int], list[PossibleReport]],
) -> StoryPointResult:
    joined, maybe = checked
    everyone = members + joined
    reporting = sorted({claims[m].article for m in everyone})
    unsure = {p.article for p in maybe}
    missing = tuple(a for a in range(n_articles) if a not in unsure and a not in reporting)
    # The label is the member nearest the centroid: the most typical wording.
    centre = vectors[members].sum(axis=0)
    label_index = max(members, key=lambda m: (float(vectors[m] @ centre), -m))
    mean_position = sum(positions[m] for m in members) / len(members)
    ordered = sorted(everyone, key=lambda m: (claims[m].article, m))
    return StoryPointResult(
        label=claims[label_index].text,
        members=tuple(claims[m].id for m in ordered),
        articles=tuple(reporting),
        missing_from=missing,
        # Positions lie in [0, 1], so the count of articles not reporting it dominates.
        order=len(missing) + len(unsure) + 0.999 * mean_position,
        possibly_in=tuple(maybe),
    )
