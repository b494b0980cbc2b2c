"""Fine-tune the top layers of all-MiniLM-L6-v2 on "same fact" pairs of the tuning events.

Run as `python -m tests.eval.tune_embedder [--labels DIR ...] [--cv [--base]] [--epochs N]
[--layers N] [--lr X] [--out FILE]`; the first run analyses the labelled tuning events
(every labelled event but the held-out 11-20) and keeps their claims in
var/facts-embedder.pickle. Examples come from those events: an anchor claim, a claim that
reports one of its labelled facts (another article's, or the same article's when it tells
the fact twice, lead and body), and a hard negative: the claim of another article closest
to the anchor under the base model that reports another labelled fact and none of the
anchor's. The loss is multiple-negatives ranking (scale 20, as sentence-transformers'
MultipleNegativesRankingLoss, written out here: its trainer needs `datasets`) over each
batch, with the candidates that state the anchor's fact masked out. The embeddings and the
lower layers stay frozen (their output is computed once per claim); only the top
`--layers` transformer layers train, seeded. Writes those layers (fp16 safetensors, named
as the transformer's parameters) to `--out` (var/minilm-top-layers.safetensors). Not
kept: see the README's story points paragraph for the figures.

`--cv` measures instead of writing: five folds of the events; each fold fine-tunes on the
other four fifths, refits the pair model (fit_pair_model's features, C=1) on them with the
new cosine, and scores its own events: pair level (average precision and recall at
precision 0.85 over every pair of claims of two articles, a pair under cosine 0.2 scored
0) and the event figures of score_facts.py over all the events, each aligned by its
fold's models; `--base` adds the same folds with the base model. `--score-on NAME ...` makes one fold
of the named events instead (tuned and fitted on all the others: new labels as a test).
"""

from __future__ import annotations

import argparse
import functools
import json
import pickle
import random
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from tests.eval import eval_facts, facts_sweep, shared

FLOOR = 0.2  # as fit_pair_model: pairs under this cosine are not examples
SEED = 14
SCALE = 20.0
FOLDS = 5
CACHE = shared.REPO / "var" / "facts-embedder.pickle"
OUT = shared.REPO / "var" / "minilm-top-layers.safetensors"


@functools.cache
def score_facts() -> Any:
    scorers = shared.scorer_dir()
    assert scorers is not None
    return facts_sweep.score_facts_module(scorers / "score_facts.py")


def load_events(cache: Path, folders: list[Path]) -> dict[str, dict[str, Any]]:
    """name -> {claims, spans, count, gold (per claim, the labelled facts it reports)} for
    the tuning events labelled in `folders`; their analysis is cached in `cache` (as
    facts_sweep does it), analysed again when an event is new."""
    labels = {n: p for n, p in eval_facts.label_files(folders).items() if eval_facts.split_of(n) == "tuning"}
    events = pickle.loads(cache.read_bytes()) if cache.is_file() else {}
    if set(labels) - set(events):
        data = shared.data_dir()
        assert data is not None
        facts_sweep.build(data / eval_facts.EVENTS, sorted(labels), cache)
        events = pickle.loads(cache.read_bytes())
    out = {}
    for name in sorted(labels):
        claims, spans, _vectors, count = events[name]
        facts = json.loads(labels[name].read_text(encoding="utf-8"))["facts"]
        gold = [frozenset(i for i, f in enumerate(facts) for s in f["in"].get(str(c.article), [])
                          if score_facts().matches(c.text, s)) for c in claims]
        out[name] = {"claims": claims, "spans": spans, "count": count, "gold": gold, "label": labels[name]}
    return out


Example = tuple[str, str, str, str, frozenset, frozenset, frozenset]


def triplets(events: dict[str, dict[str, Any]], base: dict[str, np.ndarray]) -> list[Example]:
    """(anchor, positive, hard negative, event, and the facts of each of the three) for
    every pair of claims reporting one fact (once: the loss is not symmetric, but each
    claim is an anchor in its other pairs, and half the pairs train twice as fast)."""
    out = []
    for name, event in sorted(events.items()):
        claims, gold, sims = event["claims"], event["gold"], base[name] @ base[name].T
        for a, fa in enumerate(gold):
            if not fa:
                continue
            others = [c for c, fc in enumerate(gold) if fc and not fc & fa and claims[c].article != claims[a].article]
            hard = max(others, key=lambda c: sims[a, c]) if others else None
            for b, fb in enumerate(gold[a + 1:], start=a + 1):
                if fa & fb and claims[a].text != claims[b].text and hard is not None:
                    out.append((claims[a].text, claims[b].text, claims[hard].text, name, fa, fb, gold[hard]))
    return out


class Lower:
    """The frozen lower layers' output (the top layers' input) for each text, computed
    once: training and scoring then run the top layers alone."""

    def __init__(self, model: Any, texts: list[str], layers: int) -> None:
        import torch

        encoder = model[0].auto_model
        level = encoder.config.num_hidden_layers - layers
        self.states: dict[str, Any] = {}
        unique = sorted(set(texts), key=len)
        with torch.no_grad():
            for start in range(0, len(unique), 64):
                chunk = unique[start:start + 64]
                features = model.preprocess(chunk)
                out = encoder(input_ids=features["input_ids"], attention_mask=features["attention_mask"],
                              token_type_ids=features.get("token_type_ids"), output_hidden_states=True)
                lengths = features["attention_mask"].sum(dim=1).tolist()
                for text, hidden, length in zip(chunk, out.hidden_states[level], lengths, strict=True):
                    self.states[text] = hidden[:length].clone()
        self.level = level

    def top(self, model: Any, texts: list[str]) -> Any:
        """Unit vectors of `texts` through the top layers (mean pooling, as the model)."""
        import torch
        from transformers.masking_utils import create_bidirectional_mask

        encoder = model[0].auto_model
        states = [self.states[t] for t in texts]
        width = max(len(s) for s in states)
        hidden = torch.zeros(len(states), width, states[0].shape[1])
        mask = torch.zeros(len(states), width, dtype=torch.long)
        for row, s in enumerate(states):
            hidden[row, :len(s)] = s
            mask[row, :len(s)] = 1
        attention = create_bidirectional_mask(config=encoder.config, inputs_embeds=hidden, attention_mask=mask)
        for layer in encoder.encoder.layer[self.level:]:
            hidden = layer(hidden, attention)
            hidden = hidden[0] if isinstance(hidden, tuple) else hidden
        weights = mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(dim=1) / weights.sum(dim=1)
        return torch.nn.functional.normalize(pooled, dim=-1)

    def encode(self, model: Any, texts: list[str]) -> np.ndarray:
        import torch

        model.eval()
        with torch.no_grad():
            return np.concatenate([self.top(model, texts[s:s + 64]).numpy() for s in range(0, len(texts), 64)])


def fine_tune(examples: list[Example], lower: Lower, *, epochs: int, layers: int,
              lr: float, batch: int = 32) -> Any:
    """A fresh base model with its top `layers` layers trained on `examples`."""
    import torch

    torch.manual_seed(SEED)
    model = base_model()
    encoder = model[0].auto_model
    trained = top_layer_names(encoder, layers)
    for pname, param in encoder.named_parameters():
        param.requires_grad = pname in trained
    params = [p for n, p in encoder.named_parameters() if n in trained]
    optimiser = torch.optim.AdamW(params, lr=lr)
    order = random.Random(SEED)
    for _epoch in range(epochs):
        items = examples[:]
        order.shuffle(items)
        model.train()
        for start in range(0, len(items), batch):
            chunk = items[start:start + batch]
            n = len(chunk)
            vectors = lower.top(model, [e[0] for e in chunk] + [e[1] for e in chunk] + [e[2] for e in chunk])
            logits = vectors[:n] @ vectors[n:].T * SCALE
            # Another example's positive or negative can state the anchor's fact too:
            # it is no negative then.
            mask = torch.zeros_like(logits, dtype=torch.bool)
            facts = [(e[3], e[5]) for e in chunk] + [(e[3], e[6]) for e in chunk]
            for x, ex in enumerate(chunk):
                for y, (event, told) in enumerate(facts):
                    if y != x and event == ex[3] and told & ex[4]:
                        mask[x, y] = True
            logits = logits.masked_fill(mask, -1e4)
            loss = torch.nn.functional.cross_entropy(logits, torch.arange(n))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    model.eval()
    return model


def top_layer_names(encoder: Any, layers: int) -> set[str]:
    count = encoder.config.num_hidden_layers
    prefixes = tuple(f"encoder.layer.{i}." for i in range(count - layers, count))
    return {n for n, _ in encoder.named_parameters() if n.startswith(prefixes)}


def save_layers(model: Any, layers: int, path: Path) -> None:
    import torch
    from safetensors.torch import save_file

    encoder = model[0].auto_model
    names = top_layer_names(encoder, layers)
    tensors = {n: p.detach().to(torch.float16).contiguous() for n, p in encoder.named_parameters() if n in names}
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(tensors, str(path), metadata={"source": "tests/eval/tune_embedder.py", "base": "all-MiniLM-L6-v2"})


def encode(model: Any, texts: list[str]) -> np.ndarray:
    from articles.compare.embed import normalize

    vectors = model.encode(texts, batch_size=64, convert_to_numpy=True, normalize_embeddings=True,
                           show_progress_bar=False)
    return normalize(np.asarray(vectors, dtype=np.float32))


def pair_rows(event: dict[str, Any], vectors: np.ndarray) -> tuple[list[list[float]], list[int], list[float]]:
    """fit_pair_model's examples of one event, and every cross-article pair's cosine
    (in the same order, rows only for cosine >= FLOOR: the third list flags them)."""
    from articles.compare.pairs import PairScorer

    claims, gold = event["claims"], event["gold"]
    sims = vectors @ vectors.T
    scorer = PairScorer(claims)
    x, y, kept = [], [], []
    for a in range(len(claims)):
        for b in range(a + 1, len(claims)):
            if claims[a].article == claims[b].article:
                continue
            positive = int(bool(gold[a] & gold[b]))
            if sims[a, b] >= FLOOR:
                x.append(scorer.features(a, b, float(sims[a, b])))
                kept.append(1.0)
            else:
                kept.append(0.0)
            y.append(positive)
    return x, y, kept


def fit(rows: list[list[float]], labels: list[int]) -> tuple[np.ndarray, float]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1.0, max_iter=5000).fit(np.array(rows), np.array(labels))
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def pair_level(scores: list[float], labels: list[int]) -> tuple[float, float]:
    """(average precision, recall at precision 0.85) over all pairs."""
    from sklearn.metrics import average_precision_score, precision_recall_curve

    precision, recall, _ = precision_recall_curve(labels, scores)
    at = recall[precision >= 0.85]
    return float(average_precision_score(labels, scores)), float(at.max()) if len(at) else 0.0


def cross_validate(events: dict[str, dict[str, Any]], base: dict[str, np.ndarray], lower: Lower,
                   settings: dict[str, Any], variants: tuple[str, ...], scored: list[str] | None = None) -> None:
    """Prints the figures of each variant; `scored` (event names) makes one fold of them,
    tuned and fitted on all the other events, instead of the five folds."""
    from articles.compare import pairs
    from articles.compare.align import align_claims
    from articles.services.event_json import story_points_json

    names = sorted(events)
    folds = [sorted(scored)] if scored else [names[i::FOLDS] for i in range(FOLDS)]
    texts = {n: [c.text for c in events[n]["claims"]] for n in names}
    for variant in variants:
        scores: list[float] = []
        labels: list[int] = []
        with tempfile.TemporaryDirectory() as tmp:
            gold_dir, pred_dir = Path(tmp) / "gold", Path(tmp) / "pred"
            gold_dir.mkdir()
            pred_dir.mkdir()
            for held in folds:
                train = {n: events[n] for n in names if n not in held}
                if variant == "base":
                    vectors = base
                else:
                    model = fine_tune(triplets(train, base), lower, **settings)
                    with tempfile.TemporaryDirectory() as layers_dir:
                        # Through the fp16 file, as shipped.
                        path = Path(layers_dir) / "layers.safetensors"
                        save_layers(model, settings["layers"], path)
                        model = load_tuned(path)
                    vectors = {n: lower.encode(model, texts[n]) for n in names}
                x: list[list[float]] = []
                y: list[int] = []
                for n in train:
                    ex, ey, kept = pair_rows(events[n], vectors[n])
                    x.extend(ex)
                    y.extend(label for label, k in zip(ey, kept, strict=True) if k)
                weights, intercept = fit(x, y)
                pairs.model.cache_clear()
                original = pairs.model
                pairs.model = lambda w=weights, i=intercept: (w, i)  # type: ignore[assignment]
                try:
                    for n in held:
                        ex, ey, kept = pair_rows(events[n], vectors[n])
                        probs = iter(1.0 / (1.0 + np.exp(-(np.array(ex) @ weights + intercept))))
                        scores.extend(float(next(probs)) if k else 0.0 for k in kept)
                        labels.extend(ey)
                        event = events[n]
                        points = align_claims(event["claims"], event["count"], vectors=vectors[n])
                        doc = {"story_points": story_points_json(points, event["spans"], article_count=event["count"])}
                        (pred_dir / f"{n}.json").write_text(json.dumps(doc), encoding="utf-8")
                        (gold_dir / f"{n}.json").write_bytes(event["label"].read_bytes())
                finally:
                    pairs.model = original  # type: ignore[assignment]
                print(f"  {variant} fold {'+'.join(held)} done", flush=True)
            figures = score_facts().score(gold_dir, pred_dir)
        ap, recall = pair_level(scores, labels)
        print(f"{variant}: pair level AP {ap:.3f}, recall@0.85 {recall:.3f} ({sum(labels)} of {len(labels)} pairs); "
              + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()),
              flush=True)


def base_model() -> Any:
    """A fresh all-MiniLM-L6-v2 from the pip package (not the aligner's cached one)."""
    from articles.compare import embed

    return embed.get_embedder.__wrapped__()


def load_tuned(path: Path) -> Any:
    """The base model with the fp16 tensors of `path` over its own, in float32."""
    from safetensors.torch import load_file

    model = base_model()
    encoder = model[0].auto_model
    own = encoder.state_dict()
    encoder.load_state_dict({n: t.to(own[n].dtype) for n, t in load_file(str(path)).items()}, strict=False)
    return model


def main(argv: list[str]) -> int:

    parser = argparse.ArgumentParser(prog="tune_embedder")
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--labels", action="append", type=Path, help="a folder of label files")
    parser.add_argument("--cv", action="store_true", help="cross-validate by event instead of writing")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--lr", type=float, default=2e-5)
    parser.add_argument("--base", action="store_true", help="with --cv: the base model's folds too")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--score-on", nargs="+", metavar="NAME",
                        help="with --cv: one fold, these events scored, the others tuned and fitted on")
    args = parser.parse_args(argv)
    if shared.data_dir() is None or shared.scorer_dir() is None:
        return shared.say_missing("tuning the embedder")
    import torch

    torch.set_num_threads(2)
    events = load_events(args.cache, args.labels or [eval_facts.LABELS])
    base_encoder = base_model()
    base = {n: encode(base_encoder, [c.text for c in e["claims"]]) for n, e in events.items()}
    settings = {"epochs": args.epochs, "layers": args.layers, "lr": args.lr}
    lower = Lower(base_encoder, [c.text for e in events.values() for c in e["claims"]], args.layers)
    if args.cv:
        cross_validate(events, base, lower, settings, ("base", "tuned") if args.base else ("tuned",),
                       args.score_on)
        return 0
    examples = triplets(events, base)
    model = fine_tune(examples, lower, **settings)
    save_layers(model, args.layers, args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB) from {len(examples)} examples of "
          f"{len(events)} events")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
