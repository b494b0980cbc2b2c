"""Candidate pairs for alignment: each claim's nearest neighbours above a threshold.

Small events (up to EXACT_LIMIT claims) get the exact answer from all-pairs cosine
computed in row blocks, so memory stays O(block * n). Larger events use a forest of
random 2-means projection trees: each tree splits the claims at the median of a
data-driven direction until a leaf holds at most `leaf_size` claims, with a thin
band of claims near the median sent to both sides; pairs are only scored inside
leaves. Time is O(trees * n log n * d) plus O(trees * n * leaf_size * d), memory
O(n * k). The trees are seeded, so the same input gives the same pairs.
"""

from __future__ import annotations

import numpy as np

EXACT_LIMIT = 2_000
BLOCK = 512


def candidate_pairs(
    vectors: np.ndarray,
    groups: np.ndarray,
    *,
    threshold: float,
    same_group_threshold: float,
    k: int = 16,
    exact_limit: int = EXACT_LIMIT,
    trees: int = 3,
    leaf_size: int = 256,
    spill: float = 0.05,
    seed: int = 0,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i, j, cosine) with i < j, each i's and j's top-k neighbours.

    A pair inside one group (article) is kept only at `same_group_threshold` or above,
    a pair across groups at `threshold` or above.
    """
    n = len(vectors)
    if n < 2:
        return _empty()
    if n <= exact_limit:
        parts = [_block_pairs(vectors, groups, np.arange(n), np.arange(n), threshold,
                              same_group_threshold, k)]
    else:
        rng = np.random.default_rng(seed)
        parts = []
        for _ in range(trees):
            for leaf in _leaves(vectors, rng, leaf_size, spill):
                parts.append(_block_pairs(vectors, groups, leaf, leaf, threshold,
                                          same_group_threshold, k))
    return _dedupe(parts, n, k)


def _empty() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64),
            np.zeros(0, dtype=np.float32))


def _block_pairs(
    vectors: np.ndarray,
    groups: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    threshold: float,
    same_group_threshold: float,
    k: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Top-k neighbours among `cols` of each of `rows`, scored BLOCK rows at a time."""
    col_vectors = vectors[cols]
    col_groups = groups[cols]
    kk = min(k, len(cols) - 1)
    out_i, out_j, out_s = [], [], []
    for start in range(0, len(rows), BLOCK):
        block = rows[start:start + BLOCK]
        sims = vectors[block] @ col_vectors.T
        same = groups[block][:, None] == col_groups[None, :]
        sims[same & (sims < same_group_threshold)] = -1.0
        sims[block[:, None] == cols[None, :]] = -1.0
        if kk < 1:
            continue
        top = np.argpartition(-sims, kk - 1, axis=1)[:, :kk]
        top_sims = np.take_along_axis(sims, top, axis=1)
        keep = top_sims >= threshold
        r, c = np.nonzero(keep)
        out_i.append(block[r])
        out_j.append(cols[top[r, c]])
        out_s.append(top_sims[r, c])
    if not out_i:
        return _empty()
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s)


def _dedupe(
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], n: int, k: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    i = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, dtype=np.int64)
    if len(i) == 0:
        return _empty()
    j = np.concatenate([p[1] for p in parts])
    s = np.concatenate([p[2] for p in parts]).astype(np.float32)
    lo, hi = np.minimum(i, j).astype(np.int64), np.maximum(i, j).astype(np.int64)
    _, first = np.unique(lo * n + hi, return_index=True)
    return lo[first], hi[first], s[first]


def _leaves(
    vectors: np.ndarray, rng: np.random.Generator, leaf_size: int, spill: float
) -> list[np.ndarray]:
    """Index arrays of the leaves of one random 2-means projection tree."""
    leaves: list[np.ndarray] = []
    stack = [np.arange(len(vectors))]
    while stack:
        ids = stack.pop()
        if len(ids) <= leaf_size:
            leaves.append(ids)
            continue
        direction = _split_direction(vectors, ids, rng)
        order = ids[np.argsort(vectors[ids] @ direction, kind="stable")]
        half = len(order) // 2
        band = int(spill * len(order))
        stack.append(order[: half + band])
        stack.append(order[half - band:])
    return leaves


def _split_direction(
    vectors: np.ndarray, ids: np.ndarray, rng: np.random.Generator, sample: int = 1024
) -> np.ndarray:
    """Direction between two centroids from a few 2-means steps on a sample."""
    pick = ids if len(ids) <= sample else rng.choice(ids, size=sample, replace=False)
    points = vectors[pick]
    a, b = rng.choice(len(points), size=2, replace=False)
    centre_a, centre_b = points[a].copy(), points[b].copy()
    for _ in range(3):
        nearer_a = points @ centre_a >= points @ centre_b
        if nearer_a.all() or not nearer_a.any():
            break
        centre_a = points[nearer_a].mean(axis=0)
        centre_b = points[~nearer_a].mean(axis=0)
    direction: np.ndarray = centre_a - centre_b
    if not np.any(direction):
        direction = np.asarray(rng.standard_normal((vectors.shape[1],)), dtype=vectors.dtype)
    return direction
