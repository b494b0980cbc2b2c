"""Story points measured against shared facts labelled by reading (issue 14).

Run as `python -m tests.eval.eval_facts [--labels DIR ...] [--keep DIR]`. Each labelled
event (NAME.json, ../shared/eval/FACTS-PROTOCOL.md) is analysed the way
`manage.py analyze_dump` does it, from ../shared/data/multi-outlet-events/NAME.json; its
event JSON is written to a temporary folder (or `--keep DIR`) and
../shared/eval/score_facts.py scores the tuning events and the held-out events apart:
pair recall, pair precision, omission precision and the share of "possibly" verdicts.

Labels are read from tests/eval/data/facts/, or from the folders named by `--labels`
or by $NEWSFRAME_FACTS_LABELS (separated by the path separator). Events 01-10 are the
tuning part; 11-20 are held out: never read them to tune anything.
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


def score(scorer: Path, gold: dict[str, Path], pred: Path, work: Path, split: str) -> str:
    """score_facts.py's line for the events of `split`, or why there is none."""
    names = [n for n in gold if split_of(n) == split]
    if not names:
        return "no labelled events"
    gold_dir = work / f"gold-{split}"
    gold_dir.mkdir()
    for name in names:
        shutil.copy(gold[name], gold_dir / f"{name}.json")
    run = subprocess.run([sys.executable, str(scorer), str(gold_dir), str(pred)],
                         capture_output=True, text=True, check=True)
    return f"{len(names)} events: {run.stdout.strip()}"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="eval_facts")
    parser.add_argument("--labels", action="append", type=Path, help="a folder of label files")
    parser.add_argument("--keep", type=Path, help="write the event JSON here and keep it")
    args = parser.parse_args(argv)
    data, scorers = shared.data_dir(), shared.scorer_dir()
    if data is None or scorers is None or not (data / EVENTS).is_dir():
        return shared.say_missing("the story points measure")
    env = os.environ.get("NEWSFRAME_FACTS_LABELS", "")
    folders = args.labels or [Path(p) for p in env.split(os.pathsep) if p] or [LABELS]
    gold = label_files(folders)
    if not gold:
        print(f"skipped the story points measure: no labels in {', '.join(map(str, folders))}")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pred = args.keep or work / "pred"
        pred.mkdir(parents=True, exist_ok=True)
        analyse(data / EVENTS, sorted(gold), pred)
        for split in SPLITS:
            print(f"{split}: {score(scorers / 'score_facts.py', gold, pred, work, split)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
