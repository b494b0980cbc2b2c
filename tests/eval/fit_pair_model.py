"""Refit the pair model of articles/compare/pairs.py on the labelled tuning events.

Run as `python -m tests.eval.fit_pair_model [--labels DIR ...] [--pairs floor|scored]
[--out-of-fold]` (needs scikit-learn, which the venv has through textacy; the aligner
itself only reads the weights). The examples are pairs of claims from two articles of a
tuning event (never a held-out one), positive when both claims report one labelled fact
(a claim reports a fact when it matches one of the fact's substrings the way
../shared/eval/score_facts.py matches them). `--pairs floor` (the default, the shipped
model's) takes every such pair with cosine >= FLOOR; `--pairs scored` only the pairs
align.py scores with the model: those `neighbours.candidate_pairs` proposes (cosine >=
align.CHECK_FLOOR, each claim's top align.K) and the scorer does not refuse first
(pairs.LEXICAL_FLOOR, `PairScorer.refused`). Writes articles/compare/data/pair_model.json.

`--out-of-fold` writes nothing: each event is aligned with a model fitted on the other
tuning events, for every pair of `--threshold` and `--possibly` values, and
score_facts.py's figures are printed, so the thresholds of align.py are chosen on
events the model has not seen; `--score-on NAME ...` scores only the named events, with
one model fitted on all the other tuning events (new labels as a test). Events come from
facts_sweep's cache, built if missing (rebuild it with `facts_sweep --rebuild` after a
change to the analysis).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

from tests.eval import eval_facts, facts_sweep, shared

FLOOR = 0.2
Examples = tuple[list[list[float]], list[int]]


def reported_facts(facts: list[dict], claims: list, matches: Any) -> list[set[int]]:
    """Each claim's labelled facts (indices into `facts`)."""
    return [{f for f, fact in enumerate(facts) for s in fact["in"].get(str(c.article), []) if matches(c.text, s)}
            for c in claims]


def floor_pairs(facts: list[dict], claims: list, vectors: np.ndarray, matches: Any) -> Examples:
    """Features and labels of every pair of one event's articles at cosine >= FLOOR."""
    from articles.compare.pairs import PairScorer

    gold = reported_facts(facts, claims, matches)
    sims = vectors @ vectors.T
    scorer = PairScorer(claims)
    x, y = [], []
    for a in range(len(claims)):
        for b in range(a + 1, len(claims)):
            if claims[a].article != claims[b].article and sims[a, b] >= FLOOR:
                x.append(scorer.features(a, b, float(sims[a, b])))
                y.append(int(bool(gold[a] & gold[b])))
    return x, y


def scored_pairs(facts: list[dict], claims: list, vectors: np.ndarray, matches: Any) -> Examples:
    """Features and labels of the pairs of one event that align.py scores with the model."""
    from articles.compare import align, pairs
    from articles.compare.neighbours import candidate_pairs

    gold = reported_facts(facts, claims, matches)
    articles = np.array([c.article for c in claims], dtype=np.int64)
    i, j, sims = candidate_pairs(np.asarray(vectors, dtype=np.float32), articles, threshold=align.CHECK_FLOOR,
                                 same_group_threshold=align.DUPLICATE_THRESHOLD, k=align.K)
    scorer = pairs.PairScorer(claims)
    x, y = [], []
    for a, b, cosine in zip(i.tolist(), j.tolist(), sims.tolist(), strict=True):
        if articles[a] == articles[b]:
            continue
        overlap = scorer.overlap(a, b)
        if overlap[0] < pairs.LEXICAL_FLOOR or scorer.refused(a, b, overlap[0]):
            continue
        x.append(scorer.features(a, b, cosine, overlap))
        y.append(int(bool(gold[a] & gold[b])))
    return x, y


def fit(parts: list[Examples]) -> tuple[np.ndarray, float]:
    """Logistic regression (C=1) over the examples of `parts`: (weights, intercept)."""
    from sklearn.linear_model import LogisticRegression

    x = np.array([row for part in parts for row in part[0]])
    y = np.array([label for part in parts for label in part[1]])
    model = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def out_of_fold(events: dict, labels: dict[str, Path], score_facts: Any, per_event: dict[str, Examples],
                thresholds: list[float], possibly: list[float], scored: list[str] | None = None) -> None:
    """Prints score_facts' figures with each event aligned by a model fitted without it;
    with `scored`, only those events, by one model fitted on all the others."""
    from articles.compare.align import align_claims

    models: dict[str, tuple[np.ndarray, float]]
    if scored:
        events = {name: events[name] for name in scored}
        one = fit([ex for other, ex in per_event.items() if other not in events])
        models = dict.fromkeys(scored, one)
    else:
        models = {name: fit([ex for other, ex in per_event.items() if other != name]) for name in per_event}
    for threshold, floor in itertools.product(thresholds, possibly):
        if floor > threshold:
            continue
        def aligned(name: str, claims: Any, vectors: Any, count: int, t: float = threshold, p: float = floor) -> Any:
            return align_claims(claims, count, vectors=vectors, threshold=t, possibly=p, model=models[name])

        figures = facts_sweep.score(events, labels, score_facts, aligned)
        print(f"threshold={threshold:.2f} possibly={floor:.2f} "
              + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()),
              flush=True)


def main(argv: list[str]) -> int:
    from articles.compare import align, pairs

    parser = argparse.ArgumentParser(prog="fit_pair_model")
    parser.add_argument("--labels", action="append", type=Path, help="a folder of label files")
    parser.add_argument("--pairs", choices=("floor", "scored"), default="floor", help="the training pairs")
    parser.add_argument("--cache", type=Path, default=facts_sweep.CACHE)
    parser.add_argument("--out-of-fold", action="store_true", help="leave-one-event-out figures; writes nothing")
    parser.add_argument("--score-on", nargs="+", metavar="NAME",
                        help="with --out-of-fold: score only these events, fitted on all the others")
    parser.add_argument("--threshold", type=float, nargs="+", default=[align.THRESHOLD])
    parser.add_argument("--possibly", type=float, nargs="+", default=[align.POSSIBLY])
    args = parser.parse_args(argv)
    data, scorers = shared.data_dir(), shared.scorer_dir()
    if data is None or scorers is None:
        return shared.say_missing("fitting the pair model")
    score_facts = facts_sweep.score_facts_module(scorers / "score_facts.py")
    labels = {n: p for n, p in eval_facts.label_files(args.labels or [eval_facts.LABELS]).items()
              if eval_facts.split_of(n) == "tuning"}
    events = pickle.loads(args.cache.read_bytes()) if args.cache.is_file() else {}
    if set(labels) - set(events):
        facts_sweep.build(data / eval_facts.EVENTS, sorted(labels), args.cache)
        events = pickle.loads(args.cache.read_bytes())
    events = {name: events[name] for name in sorted(labels)}
    examples = floor_pairs if args.pairs == "floor" else scored_pairs
    per_event = {}
    for name, (claims, _spans, vectors, _count) in events.items():
        facts = json.loads(labels[name].read_text(encoding="utf-8"))["facts"]
        per_event[name] = examples(facts, claims, vectors, score_facts.matches)
    if args.out_of_fold:
        out_of_fold(events, labels, score_facts, per_event, args.threshold, args.possibly, args.score_on)
        return 0
    weights, intercept = fit(list(per_event.values()))
    y = [label for _x, ys in per_event.values() for label in ys]
    names = sorted(per_event)
    out = {
        "source": f"newsframe: logistic regression (scikit-learn, C=1, refit with tests/eval/fit_pair_model.py "
                  f"--pairs {args.pairs}) fitted on {len(y)} pairs of claims from different articles ("
                  + (f"cosine >= {FLOOR}" if args.pairs == "floor" else
                     f"the candidate pairs align.py scores: cosine >= {align.CHECK_FLOOR}, top {align.K}, "
                     "not refused by the salient-word floor")
                  + f") of the tuning events {', '.join(names)} of tests/eval/eval_facts.py ({sum(y)} report one "
                  "labelled fact), never on the held-out events",
        "intercept": round(intercept, 4),
        "weights": {f: round(float(w), 4) for f, w in zip(pairs.FEATURES, weights, strict=True)},
    }
    pairs.MODEL_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {pairs.MODEL_FILE} from {len(y)} pairs ({sum(y)} positive)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
