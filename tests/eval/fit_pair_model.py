"""Refit the pair model of articles/compare/pairs.py on the labelled tuning events.

Run as `python -m tests.eval.fit_pair_model [--labels DIR ...]` (needs scikit-learn,
which the venv has through textacy; the aligner itself only reads the weights). Every
pair of claims from two articles of a tuning event (01-10, never the held-out ones)
with cosine >= FLOOR is an example: positive when both claims report one labelled fact
(a claim reports a fact when it matches one of the fact's substrings the way
../shared/eval/score_facts.py matches them). Writes articles/compare/data/pair_model.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path

import numpy as np

from tests.eval import eval_facts, shared

FLOOR = 0.2


def examples(label_file: Path, event: dict, matches) -> tuple[list[list[float]], list[int]]:
    from articles.compare.embed import embed
    from articles.compare.pairs import PairScorer
    from articles.compare.types import ClaimInput

    facts = json.loads(label_file.read_text(encoding="utf-8"))["facts"]
    claims = [ClaimInput(id=0, article=a, text=c["text"], voice=c["voice"], speaker=c["speaker"])
              for a, article in enumerate(event["articles"]) for c in article["claims"]]
    gold = [{i for i, f in enumerate(facts) for s in f["in"].get(str(c.article), []) if matches(c.text, s)}
            for c in claims]
    vectors = embed([c.text for c in claims])
    sims = vectors @ vectors.T
    scorer = PairScorer(claims)
    x, y = [], []
    for a in range(len(claims)):
        for b in range(a + 1, len(claims)):
            if claims[a].article != claims[b].article and sims[a, b] >= FLOOR:
                x.append(scorer.features(a, b, float(sims[a, b])))
                y.append(int(bool(gold[a] & gold[b])))
    return x, y


def main(argv: list[str]) -> int:
    from sklearn.linear_model import LogisticRegression

    from articles.compare import pairs

    parser = argparse.ArgumentParser(prog="fit_pair_model")
    parser.add_argument("--labels", action="append", type=Path, help="a folder of label files")
    args = parser.parse_args(argv)
    data, scorers = shared.data_dir(), shared.scorer_dir()
    if data is None or scorers is None:
        return shared.say_missing("fitting the pair model")
    spec = importlib.util.spec_from_file_location("score_facts", scorers / "score_facts.py")
    assert spec and spec.loader
    score_facts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score_facts)
    gold = {n: p for n, p in eval_facts.label_files(args.labels or [eval_facts.LABELS]).items()
            if eval_facts.split_of(n) == "tuning"}
    x: list[list[float]] = []
    y: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        eval_facts.analyse(data / eval_facts.EVENTS, sorted(gold), Path(tmp))
        for name, path in sorted(gold.items()):
            event = json.loads((Path(tmp) / f"{name}.json").read_text(encoding="utf-8"))
            ex, ey = examples(path, event, score_facts.matches)
            x.extend(ex)
            y.extend(ey)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(np.array(x), np.array(y))
    names = sorted(gold)
    out = {
        "source": f"newsframe: logistic regression (scikit-learn, C=1, refit with tests/eval/fit_pair_model.py) "
                  f"fitted on {len(y)} pairs of claims from different articles (cosine >= {FLOOR}) of the tuning "
                  f"events {names[0]}..{names[-1]} of tests/eval/eval_facts.py ({sum(y)} report one labelled "
                  "fact), never on the held-out events",
        "intercept": round(float(model.intercept_[0]), 4),
        "weights": {f: round(float(w), 4) for f, w in zip(pairs.FEATURES, model.coef_[0], strict=True)},
    }
    pairs.MODEL_FILE.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {pairs.MODEL_FILE} from {len(y)} pairs ({sum(y)} positive)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
