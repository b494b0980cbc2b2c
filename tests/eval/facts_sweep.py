"""Try aligner settings on the tuning events in seconds, not minutes (issue 14).

Run as `python -m tests.eval.facts_sweep [--cache FILE] [--rebuild] [NAME=VALUE ...]`.
The first run analyses the tuning events (01-10, never the held-out ones) the way
`eval_facts.analyse` does and keeps each event's claims and their vectors in FILE
(var/facts-tuning.pickle); later runs only align and score, with
`align_claims(..., NAME=VALUE)` for each argument (e.g. `threshold=0.4 possibly=0.33`),
printing ../shared/eval/score_facts.py's figures. Rebuild the cache (`--rebuild`) after
a change to the analysis or the embedder; a change to compare/ needs none. The figures
are the tuning part's: report held-out ones only with `eval_facts`, once, at the end.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.eval import eval_facts, shared

CACHE = shared.REPO / "var" / "facts-tuning.pickle"


def tuning_labels() -> dict[str, Path]:
    return {n: p for n, p in eval_facts.label_files([eval_facts.LABELS]).items()
            if eval_facts.split_of(n) == "tuning"}


def build(texts: Path, names: list[str], cache: Path) -> None:
    """Analyses each event once and pickles {name: (claims, spans, vectors, articles)}."""
    from articles.compare.embed import embed
    from articles.event_analysis import claim_inputs
    from articles.ingest import parse
    from articles.nlp.analyze import analyze_texts
    from articles.nlp.pipeline import get_nlp

    nlp = get_nlp()
    out = {}
    for name in names:
        source = texts / f"{name}.json"
        articles = list(parse(source.read_bytes(), source.name).articles)
        claims, spans = claim_inputs(list(analyze_texts(nlp, (a.body[:100_000] for a in articles))))
        out[name] = (claims, spans, embed([c.text for c in claims]), len(articles))
        print(f"{name}: {len(claims)} claims", flush=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(pickle.dumps(out))


def score_facts_module(scorer: Path) -> Any:
    """../shared/eval/score_facts.py, imported from `scorer`."""
    spec = importlib.util.spec_from_file_location("score_facts", scorer)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(events: dict[str, Any], labels: dict[str, Path], score_facts: Any,
          align: Callable[[str, Any, Any, int], Any]) -> dict[str, float]:
    """Scores `align(name, claims, vectors, articles)` (story points) on each cached event."""
    from articles.services.event_json import story_points_json

    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp) / "gold", Path(tmp) / "pred"
        gold.mkdir()
        pred.mkdir()
        for name, (claims, spans, vectors, count) in sorted(events.items()):
            points = align(name, claims, vectors, count)
            doc = {"story_points": story_points_json(points, spans, article_count=count)}
            (pred / f"{name}.json").write_text(json.dumps(doc), encoding="utf-8")
            (gold / f"{name}.json").write_bytes(labels[name].read_bytes())
        result: dict[str, float] = score_facts.score(gold, pred)
        return result


def run(cache: Path, labels: dict[str, Path], scorer: Path, settings: dict[str, Any]) -> dict[str, float]:
    """Aligns the cached events with `settings` and scores them."""
    from articles.compare.align import align_claims

    events = pickle.loads(cache.read_bytes())
    return score(events, labels, score_facts_module(scorer),
                 lambda _name, claims, vectors, count: align_claims(claims, count, vectors=vectors, **settings))


def cache_covers(cache: Path, labels: dict[str, Path]) -> bool:
    """The cache holds every labelled tuning event: newly labelled events rebuild it,
    where they were silently left out of the figures."""
    return cache.is_file() and set(labels) <= set(pickle.loads(cache.read_bytes()))


def setting(text: str) -> tuple[str, Any]:
    name, _, value = text.partition("=")
    return name, json.loads(value)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="facts_sweep")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("settings", nargs="*", type=setting, help="NAME=VALUE for align_claims")
    args = parser.parse_args(argv)
    data, scorers = shared.data_dir(), shared.scorer_dir()
    if data is None or scorers is None:
        return shared.say_missing("the story points sweep")
    labels = tuning_labels()
    if args.rebuild or not cache_covers(args.cache, labels):
        build(data / eval_facts.EVENTS, sorted(labels), args.cache)
    figures = run(args.cache, labels, scorers / "score_facts.py", dict(args.settings))
    print(" ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
