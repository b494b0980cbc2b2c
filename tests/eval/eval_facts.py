"""Story points measured against shared facts labelled by reading (issue 14).

Run as `python -m tests.eval.eval_facts [--labels DIR ...] [--keep DIR] [--part PART]`. Each labelled
event (NAME.json, ../shared/eval/FACTS-PROTOCOL.md) is analysed the way
`manage.py analyze_dump` does it, from ../shared/data/multi-outlet-events/NAME.json; its
event JSON is written to a temporary folder (or `--keep DIR`) and
../shared/eval/score_facts.py scores the tuning events and the held-out events apart:
pair recall, pair precision, omission precision and the share of "possibly" verdicts.

Labels are read from tests/eval/data/facts/, or from the folders named by `--labels`
or by $NEWSFRAME_FACTS_LABELS (separated by the path separator). Events 01-10 and 21-30 are the
tuning part; 11-20 are held out: never read them to tune anything. `--part tuning`
analyses and scores the tuning part alone (no held-out figure to peek at).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.eval import shared

LABELS = shared.LABELS / "facts"
EVENTS = "multi-outlet-events"
HELD_OUT = range(11, 21)
SPLITS = ("tuning", "held-out")
# Issue 14's goal on the held-out part; possibly_share is a ceiling.
TARGETS = {"pair_recall": 0.80, "pair_precision": 0.85, "omission_precision": 0.90, "possibly_share": 0.15}
# Regression guards: the figures of 2026-12-06 (pairs.py's model, align.py's thresholds)
# less a margin; make eval fails below them. Baseline before that change, for the record:
# tuning 0.327 / 0.817 / 0.331, held-out 0.479 / 0.882 / 0.453 (recall / precision /
# omission precision), no "possibly" verdicts.
FLOORS = {
    # nlp-9, tuning grown to 20 events (01-10, 21-30): 0.486 / 0.847 / 0.402; held-out 0.535 / 0.858 / 0.514
    # nlp-10: tuning 0.484 / 0.855 / 0.404 (12.0% possibly); held-out unchanged
    "tuning": {"pair_recall": 0.42, "pair_precision": 0.83, "omission_precision": 0.35},  # 0.452 / 0.863 / 0.375
    "held-out": {"pair_recall": 0.50, "pair_precision": 0.83, "omission_precision": 0.49},  # 0.540 / 0.863 / 0.524
}
CEILINGS = {"possibly_share": 0.17}  # 0.145 tuning, 0.135 held-out


def split_of(name: str) -> str:
    number = re.search(r"(\d+)$", name)
    return "held-out" if number and int(number.group(1)) in HELD_OUT else "tuning"


def label_files(folders: list[Path]) -> dict[str, Path]:
    """Each labelled event's name -> its label file (the first folder that has it wins)."""
    found: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            found.setdefault(path.stem, path)
    return found


def analyse(texts: Path, names: list[str], out: Path) -> None:
    """Writes out/NAME.json, the event JSON of `analyze_dump`, for each event."""
    from articles.event_analysis import analyze_event
    from articles.ingest import parse
    from articles.nlp.pipeline import get_nlp

    nlp = get_nlp()
    for name in names:
        source = texts / f"{name}.json"
        articles = list(parse(source.read_bytes(), source.name).articles)
        result, _ = analyze_event(articles, nlp=nlp, name=name, limit=100_000)
        (out / f"{name}.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
        print(f"{name}: {len(result['story_points'])} story points", flush=True)


def score(scorer: Path, gold: dict[str, Path], pred: Path, work: Path, split: str) -> dict[str, float] | None:
    """score_facts.py's figures for the events of `split` (None when it has none)."""
    names = [n for n in gold if split_of(n) == split]
    if not names:
        return None
    gold_dir = work / f"gold-{split}"
    gold_dir.mkdir()
    for name in names:
        shutil.copy(gold[name], gold_dir / f"{name}.json")
    run = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred)],
                         capture_output=True, text=True, check=True)
    figures = {k: float(v) for k, v in (item.split("=") for item in run.stdout.split())}
    figures["events"] = len(names)
    return figures


def verdict(split: str, figures: dict[str, float]) -> list[str]:
    """The guards `figures` fail."""
    low = [k for k, floor in FLOORS[split].items() if figures[k] < floor]
    high = [k for k, ceiling in CEILINGS.items() if figures[k] > ceiling]
    return low + high


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eval_facts")
    parser.add_argument("--labels", action="append", type=Path, help="a folder of label files")
    parser.add_argument("--keep", type=Path, help="write the event JSON here and keep it")
    parser.add_argument("--part", choices=SPLITS, help="only this part of the labelled events")
    args = parser.parse_args(argv)
    data, scorers = shared.data_dir(), shared.scorer_dir()
    if data is None or scorers is None or not (data / EVENTS).is_dir():
        return shared.say_missing("the story points measure")
    env = os.environ.get("NEWSFRAME_FACTS_LABELS", "")
    folders = args.labels or [Path(p) for p in env.split(os.pathsep) if p] or [LABELS]
    gold = {n: p for n, p in label_files(folders).items() if args.part in (None, split_of(n))}
    if not gold:
        print(f"skipped the story points measure: no labels in {', '.join(map(str, folders))}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pred = args.keep or work / "pred"
        pred.mkdir(parents=True, exist_ok=True)
        analyse(data / EVENTS, sorted(gold), pred)
        failed = []
        for split in [args.part] if args.part else SPLITS:
            figures = score(scorers / "score_facts.py", gold, pred, work, split)
            if figures is None:
                print(f"{split}: no labelled events")
                continue
            print(f"{split} ({figures['events']:.0f} events): " + ", ".join(
                f"{k.replace('_', ' ')} {figures[k]:.3f} (goal {'<=' if k in CEILINGS else '>='} {TARGETS[k]})"
                for k in TARGETS))
            failed += [f"{split} {k}" for k in verdict(split, figures)]
    if failed:
        print(f"below the regression guards: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
