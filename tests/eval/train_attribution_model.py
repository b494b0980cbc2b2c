"""Train the attribution model of articles/nlp/attributions.py on PolNeAR's tuning part.

Run as `python -m tests.eval.train_attribution_model [--threshold P] [--c C]`. It reads
../shared/data/polnear-train.jsonl (PolNeAR v1.0.0, Newell, Margolin and Ruths, LREC
2018), keeps the articles outside the held-out list (eval_quotes_polnear), proposes
candidates for every verb no cue rule reads (`quotes.unclaimed_verbs`), labels a
candidate positive when its tokens match an expert attribution's content (token F1 >=
0.5, as the judges' scorer matches), fits a logistic regression (scikit-learn, a
training-time tool only) and writes the weights to lexicons/attribution_model.json.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter

from tests.eval import shared
from tests.eval.eval_quotes_polnear import load_articles, split

_MIN_WEIGHT = 0.1


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _f1(a: list[str], b: list[str]) -> float:
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b)) if common else 0.0


def tuning_fold(article_id: str) -> int:
    """Five folds of the tuning part, for choosing features and threshold."""
    return int(hashlib.sha256(f"fold:{article_id}".encode()).hexdigest(), 16) % 5


def examples(articles: list[dict], docs_path: str | None) -> tuple[list[dict[str, int]], list[int], list[str]]:
    from spacy.tokens import DocBin

    from articles.nlp.attributions import candidates
    from articles.nlp.pipeline import get_nlp
    from articles.nlp.quotes import unclaimed_verbs

    nlp = get_nlp()
    # --docs: the same articles parsed before (a DocBin, in order), to iterate faster.
    docs = DocBin().from_disk(docs_path).get_docs(nlp.vocab) if docs_path else nlp.pipe(a["text"] for a in articles)
    rows: list[dict[str, int]] = []
    labels: list[int] = []
    ids: list[str] = []
    for article, doc in zip(articles, docs, strict=True):
        gold = [(_tokens(a["content"]), set(_tokens(a["cue"] or ""))) for a in article["attributions"]]
        for verb in unclaimed_verbs(doc):
            for cand in candidates(verb):
                toks = _tokens(doc[cand.start : cand.end].text)
                # Positive only when this verb is the expert's cue for that content: a
                # span that some other cue reports ("said the Senate voted to …") does
                # not teach the model that "vote" attributes.
                labels.append(int(any(_f1(toks, g) >= 0.5 and verb.lower_ in cue for g, cue in gold)))
                rows.append(dict.fromkeys(cand.features, 1))
                ids.append(article["id"])
    return rows, labels, ids


def main(argv: list[str]) -> int:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from articles.nlp.attributions import MODEL_PATH

    data = shared.data_dir()
    if data is None:
        return shared.say_missing("training the attribution model")
    threshold = float(argv[argv.index("--threshold") + 1]) if "--threshold" in argv else 0.38
    c = float(argv[argv.index("--c") + 1]) if "--c" in argv else 0.1
    tuning = split(load_articles(data / "polnear-train.jsonl"))["tuning"]
    rows, labels, ids = examples(tuning, argv[argv.index("--docs") + 1] if "--docs" in argv else None)
    if "--leave-out" in argv:  # cross-validation inside the tuning part: leave one fifth out
        fold = int(argv[argv.index("--leave-out") + 1])
        keep = [i for i, aid in enumerate(ids) if tuning_fold(aid) != fold]
        rows, labels = [rows[i] for i in keep], [labels[i] for i in keep]
    print(f"{len(rows)} candidates, {sum(labels)} positive")
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(vec.fit_transform(rows), labels)
    weights = {f: round(float(w), 3) for f, w in zip(vec.feature_names_, model.coef_[0], strict=True)}
    kept = {f: w for f, w in sorted(weights.items()) if abs(w) >= _MIN_WEIGHT}
    MODEL_PATH.write_text(
        json.dumps(
            {
                "source": "logistic regression trained by tests/eval/train_attribution_model.py on the tuning "
                "part of PolNeAR v1.0.0 train (Newell, Margolin and Ruths, LREC 2018)",
                "bias": round(float(model.intercept_[0]), 3),
                "threshold": threshold,
                "weights": kept,
            },
            indent=0,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {MODEL_PATH} ({len(kept)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
