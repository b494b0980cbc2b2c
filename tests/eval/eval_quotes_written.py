"""Quote detection and speaker attribution measured on annotated passages.

Run as `python -m tests.eval.eval_quotes_written [FILE ...]` (add `-v` to list misses). With no
file it scores the five sets under tests/data/:
- `quotes_eval.jsonl`, written by the engineer who tuned nlp-1 on it (optimistic);
- `quotes_heldout.jsonl`, 25 passages in other news styles written before nlp-2
  read the rules; nlp-2 was then improved on its misses, so it is no longer unseen;
- `quotes_fresh.jsonl`, written after nlp-2's changes and never tuned on: the
  closest thing here to news nobody has seen until its misses guided nlp-3;
- `quotes_fresh2.jsonl`, 13 articles in other outlets' styles written before
  nlp-3 changed any rule and never tuned on: the current unseen measure. Keep it
  that way: when it guides a rule change, write a new fresh set (it guided nlp-4);
- `quotes_fresh3.jsonl`, 15 articles (83 quotes) in yet other outlets' styles
  (live blog, long read, markets, international, Indian/Australian/Canadian/Irish
  English, police appeal, press release, science, post-match, Q&A, obituary),
  written before nlp-4 changed any rule and never tuned on: the current unseen
  measure. Keep it that way too.

A predicted quote matches a gold one when their spans overlap by at least half
of the shorter; matching is one-to-one, greedy by overlap, except that a direct
quote interrupted by its attribution (“A,” she said. “B.”, one quote since nlp-7)
also matches its second half when the set lists the halves apart. Prints,
per file, precision, recall, speaker accuracy (over matched pairs; None must
match None) and kind accuracy, and exits non-zero when a number falls below the
file's thresholds, which were set from measured values minus a margin so that
regressions show.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from articles.nlp.actors import find_actors
from articles.nlp.headline_case import parse_many
from articles.nlp.pipeline import get_nlp
from articles.nlp.quotes import find_quotes
from articles.nlp.speakers import resolve_speakers
from articles.nlp.types import QuoteResult

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
DATA = DATA_DIR / "quotes_eval.jsonl"
HELDOUT = DATA_DIR / "quotes_heldout.jsonl"
FRESH = DATA_DIR / "quotes_fresh.jsonl"
FRESH2 = DATA_DIR / "quotes_fresh2.jsonl"
FRESH3 = DATA_DIR / "quotes_fresh3.jsonl"
DEFAULT_FILES = (DATA, HELDOUT, FRESH, FRESH2, FRESH3)

# Regression guards per file (measured minus a margin); unknown files use DEFAULT.
DEFAULT_THRESHOLDS = {"precision": 0.90, "recall": 0.90, "speaker_accuracy": 0.85}
THRESHOLDS: dict[str, dict[str, float]] = {
    DATA.name: {"precision": 0.95, "recall": 0.95, "speaker_accuracy": 0.92},  # nlp-4: 1.00 / 1.00 / 1.00
    HELDOUT.name: {"precision": 0.95, "recall": 0.95, "speaker_accuracy": 0.92},  # nlp-4: 1.00 / 1.00 / 0.99
    # nlp-2: 0.94 / 0.92 / 0.91; nlp-3, tuned on its misses: 1.00 / 1.00 / 1.00
    # nlp-7 reads attributions in PolNeAR's wider sense (stances and beliefs: "defended the
    # plan", "called for a ceasefire", "data show"), which these speech-only sets do not list:
    # nlp-7 measured 0.943 / 1.00 / 0.97 here, 0.940 / 1.00 / 1.00 on fresh2, 0.919 / 0.92 / 0.86
    # on fresh3 (recall counts the halves of “A,” she said. “B.”, one quote since nlp-7).
    FRESH.name: {"precision": 0.92, "recall": 0.95, "speaker_accuracy": 0.92},
    # nlp-2 (0.93 / 0.99 / 0.78) before any rule changed; nlp-3: 0.97 / 0.99 / 0.82;
    # nlp-4, tuned on its misses: 1.00 / 1.00 / 1.00
    FRESH2.name: {"precision": 0.92, "recall": 0.95, "speaker_accuracy": 0.92},
    # set from nlp-3 (0.974 / 0.892 / 0.797) before any nlp-4 rule changed; nlp-4: 0.97 / 0.89 / 0.84
    # nlp-15's model threshold 0.34 (from 0.38) reads two more of PolNeAR's attributions here,
    # which this set does not list ("projected GDP growth of 6.5%", "are appealing for
    # witnesses"): 0.910 -> 0.887
    FRESH3.name: {"precision": 0.88, "recall": 0.85, "speaker_accuracy": 0.74},
    # quotes-24: what a verdict verb judges is the speaker's reported stance, as PolNeAR reads it
    # ("The mayor condemned the attack": "the attack"; not whom, "criticised the minister"); a
    # reader of these sets would list it too, and none of their passages holds one: unchanged.
}


@dataclass(frozen=True)
class Gold:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None


def load(path: Path = DATA) -> list[tuple[str, str, list[Gold]]]:
    passages = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        text = row["text"]
        golds = []
        for q in row["quotes"]:
            start = text.index(q["text"])
            golds.append(Gold(q["text"], start, start + len(q["text"]), q["kind"], q["speaker"]))
        passages.append((row["id"], text, golds))
    return passages


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if shorter > 0 and inter > 0 else 0.0


def match(preds: list[QuoteResult], golds: list[Gold]) -> list[tuple[QuoteResult, Gold]]:
    pairs = sorted(
        (
            (_overlap((p.start, p.end), (g.start, g.end)), i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for score, i, j in pairs:
        if score < 0.5:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((preds[i], golds[j]))
    return matched + _interrupted(matched, [g for j, g in enumerate(golds) if j not in used_g])


def _interrupted(matched: list[tuple[QuoteResult, Gold]], left: list[Gold]) -> list[tuple[QuoteResult, Gold]]:
    """ “A,” she said. “B.” is one quote since nlp-7 (one statement its attribution
    interrupts); these sets list its halves apart: a direct quote that holds a further
    half of the same speaker's, beside the half it matched, matches that half too."""
    more = []
    for g in left:
        for p, first in matched:
            inside = p.start <= g.start and g.end <= p.end
            if inside and p.kind == g.kind == first.kind == "direct" and first.speaker == g.speaker:
                more.append((p, g))
                break
    return more


def same_speaker(pred: QuoteResult, gold: Gold) -> bool:
    """These sets were written when `speaker` held only actors: their None is "no
    actor", which an unnamed source typed as such (speaker = the phrase) matches."""
    return pred.speaker == gold.speaker or (gold.speaker is None and pred.source_type != "actor")


def _report(pid: str, preds: list[QuoteResult], golds: list[Gold], matched: list[tuple[QuoteResult, Gold]]) -> None:
    hit_p = {id(p) for p, _ in matched}
    hit_g = {id(g) for _, g in matched}
    for p in preds:
        if id(p) not in hit_p:
            print(f"{pid}: extra   [{p.kind}] {p.speaker!r} {p.text[:70]!r}")
    for g in golds:
        if id(g) not in hit_g:
            print(f"{pid}: missed  [{g.kind}] {g.speaker!r} {g.text[:70]!r}")
    for p, g in matched:
        if not same_speaker(p, g):
            print(f"{pid}: speaker {p.speaker!r} (mention {p.speaker_mention!r}) != {g.speaker!r}")
        if p.kind != g.kind:
            print(f"{pid}: kind    {p.kind} != {g.kind}: {g.text[:50]!r}")


def evaluate(path: Path = DATA, verbose: bool = False) -> dict[str, float]:
    nlp = get_nlp()
    passages = load(path)
    n_pred = n_gold = n_match = n_pred_matched = n_speaker = n_kind = 0
    for (pid, _text, golds), doc in zip(passages, parse_many(nlp, (p[1] for p in passages)), strict=True):
        actors, mentions = find_actors(doc)
        preds = resolve_speakers(doc, find_quotes(doc), actors, mentions)
        matched = match(preds, golds)
        n_pred += len(preds)
        n_gold += len(golds)
        n_match += len(matched)
        n_pred_matched += len({id(p) for p, _ in matched})
        n_speaker += sum(same_speaker(p, g) for p, g in matched)
        n_kind += sum(p.kind == g.kind for p, g in matched)
        if verbose:
            _report(pid, preds, golds, matched)
    return {
        "precision": n_pred_matched / n_pred if n_pred else 0.0,
        "recall": n_match / n_gold if n_gold else 0.0,
        "speaker_accuracy": n_speaker / n_match if n_match else 0.0,
        "kind_accuracy": n_kind / n_match if n_match else 0.0,
        "gold": n_gold,
        "predicted": n_pred,
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = [Path(a) for a in argv if a != "-v"] or list(DEFAULT_FILES)
    failed_any = False
    for path in files:
        scores = evaluate(path, verbose=verbose)
        floors = THRESHOLDS.get(path.name, DEFAULT_THRESHOLDS)
        print(f"== {path.name}")
        for key, value in scores.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            floor = floors.get(key)
            print(f"{key:18} {shown}" + (f"   (threshold {floor:.2f})" if floor is not None else ""))
        failed = [k for k, floor in floors.items() if scores[k] < floor]
        if failed:
            print("below threshold:", ", ".join(failed))
            failed_any = True
    return 1 if failed_any else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
