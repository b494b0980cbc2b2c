"""The outlet's own loaded language, measured on real articles labelled by reading.

Run as `python -m tests.eval.eval_framing [tune|dev|dev2|…|dev12|heldout|fresh] [-v] [--speed]`.
The labels are in `tests/eval/data/framing/` (one file a part; guidelines in
docs/FRAMING-LABELS.md); the texts are read from ../shared/data (multi-outlet events
21-40 and eighteen PolNeAR articles) and never copied here. `heldout.jsonl` is never tuned
on. `fresh.jsonl` (events 33-35) was labelled after the issue 18 changes, by reading, and
scored once before anything was tuned on it: a second unseen measure. `dev.jsonl` and
`dev2.jsonl` were labelled in framing-4 before the lexicons changed for them, then worked on;
`dev3.jsonl` (events 01-10 and PolNeAR articles outside the held-out list) likewise in framing-5,
`dev4.jsonl` (16 more such articles) in framing-6, `dev5.jsonl` (16 more PolNeAR
articles) in framing-7, `dev6.jsonl` (four articles of events 03-08 and ten PolNeAR
articles) in framing-8, `dev7.jsonl` (events 04/2 and 09/1, twelve PolNeAR articles) in
framing-9, `dev8.jsonl` (events 09/0 and 03/1, ten PolNeAR articles) in framing-10,
`dev9.jsonl` (events 03/0 and 09/2, eight PolNeAR articles) in framing-11, and
`dev10.jsonl` (events 06/0, 06/1 and 07/1, seven PolNeAR articles) in framing-12,
`dev11.jsonl` (fourteen PolNeAR articles) in framing-13, and `dev12.jsonl` (fourteen more)
in framing-14.

Scored: signals of kind `loaded` or `scare_quote` with `in_quote` false, as exported.
A signal is correct when it overlaps a labelled span; a label is found when some such
signal overlaps it. `-v` lists wrong signals and missed labels (never tune on the held-out
ones); `--speed` times the whole analysis against a bare spaCy parse of the same 50
articles, side by side in one run. Figures: docs/FRAMING-LABELS.md ("Measured").
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from articles.nlp.analyze import analyze_doc
from articles.nlp.headline_case import parse_many
from articles.nlp.pipeline import get_nlp
from articles.nlp.types import SignalResult
from tests.eval import shared

FRAMING = shared.LABELS / "framing"
SPLITS = ("tune", "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
          "heldout", "fresh")
SCORED_KINDS = frozenset({"loaded", "scare_quote"})
# Issue 18's goal on the held-out half (not reached: see docs/FRAMING-LABELS.md).
TARGETS = {"precision": 0.70, "recall": 0.50}
# Regression guards: the framing-4 figures of 2026-12-06 less a margin; make eval fails
# below them. nlp-6 for the record: tune 0.862 / 0.591, held out 0.579 / 0.259, fresh
# 0.706 / 0.364; nlp-7: tune 0.852 / 0.731, held out 0.556 / 0.282, fresh 0.700 / 0.424.
# `dev` (events 36-40, three PolNeAR articles) and `dev2` (nine more PolNeAR articles) were
# labelled by reading in framing-4 before the lexicons changed for them; both were then
# worked on, so they guard against regressions and are no unseen measure.
FLOORS = {
    # framing-4 figures, then framing-5's (2026-12-06); framing-6 (2026-12-07): tune 0.932 /
    # 0.742, dev 0.911 / 0.761, dev2 0.821 / 0.852, dev3 0.966 / 0.771
    "tune": {"precision": 0.86, "recall": 0.69},     # 0.905 / 0.720; 0.919 / 0.731
    "dev": {"precision": 0.85, "recall": 0.70},      # 0.891 / 0.731 (0.706 / 0.358 before); 0.909 / 0.746
    "dev2": {"precision": 0.70, "recall": 0.50},     # 0.750 / 0.556 (0.600 / 0.444 before); 0.821 / 0.852
    "dev3": {"precision": 0.85, "recall": 0.65},     # framing-5: 0.762 / 0.429 before (unseen); 0.929 / 0.714
    "dev4": {"precision": 0.80, "recall": 0.75},     # framing-6: 0.724 / 0.512 before (unseen); 0.875 / 0.854
    "dev5": {"precision": 0.85, "recall": 0.75},     # framing-7: 0.643 / 0.346 before (unseen); 0.920 / 0.846
    "dev6": {"precision": 0.80, "recall": 0.70},     # framing-8: 0.778 / 0.396 before (unseen); 0.894 / 0.792
    "dev7": {"precision": 0.75, "recall": 0.60},     # framing-9: 0.583 / 0.448 before (unseen); 0.840 / 0.690
    "dev8": {"precision": 0.70, "recall": 0.50},     # framing-10: 0.727 / 0.410 before (unseen); 0.800 / 0.615
    "dev9": {"precision": 0.60, "recall": 0.75},     # framing-11: 0.579 / 0.647 before (unseen); 0.714 / 0.882
    "dev10": {"precision": 0.60, "recall": 0.60},    # framing-12: 0.625 / 0.517 before (unseen); 0.690 / 0.690
    "dev11": {"precision": 0.65, "recall": 0.65},    # framing-13: 0.561 / 0.426 before (unseen); 0.714 / 0.741
    "dev12": {"precision": 0.75, "recall": 0.55},    # framing-14: 0.731 / 0.500 before (unseen); 0.821 / 0.605
    # 0.553 / 0.294; 0.560 / 0.318; framing-6 0.583 / 0.318; framing-9 0.667 / 0.318
    "heldout": {"precision": 0.52, "recall": 0.27},
    "fresh": {"precision": 0.65, "recall": 0.45},    # 0.696 / 0.485; 0.682 / 0.455; framing-6 0.696 / 0.485
}


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    gold: tuple[tuple[int, int, str], ...]  # (start, end, label as written)


def article_texts(data: Path) -> dict[str, str]:
    texts: dict[str, str] = {}
    for path in sorted((data / "multi-outlet-events").glob("event-*.json")):
        for i, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            texts[f"{path.stem}/{i}"] = row["body"]
    with (data / "polnear-train.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            texts[row["id"]] = row["text"]
    return texts


def locate(text: str, label: str) -> tuple[int, int]:
    """`label` or `label@k` (k-th whole-word occurrence) -> character span in `text`."""
    words, _, nth = label.rpartition("@") if re.search(r"@\d+$", label) else (label, "", "0")
    found = list(re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text))
    if len(found) <= int(nth):
        raise ValueError(f"label {label!r} is not in the text")
    match = found[int(nth)]
    return match.start(), match.end()


def load_split(split: str, texts: dict[str, str]) -> list[Article]:
    articles = []
    path = FRAMING / f"{split}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            text = texts[row["id"]]
            gold = tuple((*locate(text, label), label) for label in row["labels"])
            articles.append(Article(row["id"], text, gold))
    return articles


def scored(signals: Iterable[SignalResult]) -> list[SignalResult]:
    return [s for s in signals if s.kind in SCORED_KINDS and not s.in_quote]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(articles: list[Article], *, verbose: bool = False) -> dict[str, float]:
    n_pred = n_right = n_gold = n_found = 0
    docs = parse_many(get_nlp(), (a.text for a in articles))
    for article, doc in zip(articles, docs, strict=True):
        preds = scored(analyze_doc(doc).signals)
        right = [p for p in preds if any(_overlaps((p.start, p.end), g[:2]) for g in article.gold)]
        found = [g for g in article.gold if any(_overlaps((p.start, p.end), g[:2]) for p in preds)]
        n_pred, n_right = n_pred + len(preds), n_right + len(right)
        n_gold, n_found = n_gold + len(article.gold), n_found + len(found)
        if verbose:
            for p in preds:
                if p not in right:
                    print(f"{article.id}: wrong   [{p.kind}/{p.category}] {p.text!r}")
            for g in article.gold:
                if g not in found:
                    print(f"{article.id}: missed  {g[2]!r}")
    return {
        "precision": n_right / n_pred if n_pred else 0.0,
        "recall": n_found / n_gold if n_gold else 0.0,
        "signals": n_pred,
        "labels": n_gold,
    }


def speed(texts: list[str]) -> tuple[float, float]:
    """Seconds for a bare parse and for parse + analysis of `texts`, measured alternately."""
    nlp = get_nlp()
    list(nlp.pipe(texts[:2]))  # warm up: lexicon matchers, caches
    bare = full = 0.0
    for _ in range(2):
        start = time.perf_counter()
        list(nlp.pipe(texts))
        bare += time.perf_counter() - start
        start = time.perf_counter()
        for doc in nlp.pipe(texts):
            analyze_doc(doc)
        full += time.perf_counter() - start
    return bare, full


def main(argv: list[str]) -> int:
    data = shared.data_dir()
    if data is None:
        return shared.say_missing("eval_framing")
    texts = article_texts(data)
    chosen = [a for a in argv if a in SPLITS] or list(SPLITS)
    splits = {split: load_split(split, texts) for split in chosen}
    failed = False
    for split, articles in splits.items():
        scores = evaluate(articles, verbose="-v" in argv)
        print(f"== {split}: {len(articles)} articles")
        for key, value in scores.items():
            goal = TARGETS.get(key) if split == "heldout" else None
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"{key:10} {shown}" + (f"   (goal {goal:.2f})" if goal is not None else ""))
        low = [k for k, floor in FLOORS.get(split, {}).items() if scores[k] < floor]
        if low:
            print(f"below the regression guards on {split}: {', '.join(low)}")
        failed = failed or bool(low)
    if "--speed" in argv:
        sample = [a.text for articles in splits.values() for a in articles]
        sample += [t for k, t in sorted(texts.items()) if k >= "event-36"][: max(0, 50 - len(sample))]
        bare, full = speed(sample)
        print(f"== speed on {len(sample)} articles: bare parse {bare:.2f} s, analysis {full:.2f} s, "
              f"ratio {full / bare:.2f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
