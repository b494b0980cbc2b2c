"""Attributions the cue lexicon does not list, read by a small learned model.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) counts as attribution what a
careful reader would: reported speech, and also beliefs, intentions and findings
("X believes …", "a poll shows …", "X hopes to …", "Y urged Z to …"). The rules in
cues.py find the speech verbs; this module scores the rest: every verb with a
subject proposes what it may report (each complement's span, or all of them), and
a logistic model over parse features (lemma, dependency, subject, tense, …)
and over the parser's own contextual vectors of the verb, its subject and the
content's root (`dense_inputs`: a verb seen rarely in training, "deems", "contends",
scores like the common ones it is used like) says which one, if any, is reported
content. The weights are
`lexicons/attribution_model.json`, trained on the tuning part of PolNeAR's train
split by `tests/eval/train_attribution_model.py` (its held-out part never seen).
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from articles.nlp.cues import is_agent, is_denial
from articles.nlp.names import load_lexicon

MODEL_PATH = Path(__file__).resolve().parent / "lexicons" / "attribution_model.json"
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "prep", "advcl", "attr", "acomp", "oprd", "dative"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
_AUTHOR = frozenset({"i", "we", "you", "one"})
_NOT_CONTENT = frozenset({"whether", "if", "how", "why", "what", "when", "where", "who", "which", "not"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "''", "``"})
_SILENCE = frozenset({"comment", "say", "elaborate", "discuss", "speculate", "give", "respond", "answer", "speak"})
_PLEAS = frozenset({"guilty", "innocent", "no"})
_PRONOUN_SUBJECTS = frozenset({"he", "she", "they", "we", "i", "it", "you", "who"})


@dataclass(frozen=True)
class Candidate:
    """What verb `cue` may report: tokens [start, end) and the features that score it."""

    cue: Token
    subject: Token
    start: int
    end: int
    features: tuple[str, ...]


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    # "wants to run", "and backed him", "…, referring to the polls": the main verb's subject.
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if (verb.dep_ in {"xcomp", "conj"} or participle) and verb.head.pos_ in {"VERB", "AUX"}:
        return next((c for c in verb.head.children if c.dep_ in _SUBJECTS), None)
    return None


def _trimmed(verb: Token, start: int, end: int) -> tuple[int, int]:
    doc = verb.doc
    while start < end and ((doc[start].lower_ == "that" and doc[start].dep_ == "mark") or doc[start].is_punct):
        start += 1
    while end > start and doc[end - 1].is_punct and doc[end - 1].text not in "”\"’":
        end -= 1
    return start, end


def _spans(verb: Token) -> Iterator[tuple[str, int, int]]:
    rights = [c for c in verb.rights if c.dep_ in _CONTENT_DEPS]
    for child in rights:
        if child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
            if not objects:
                continue
            yield f"prep:{child.lower_}", objects[0].left_edge.i, child.right_edge.i + 1
        else:
            yield child.dep_, child.left_edge.i, child.right_edge.i + 1
    if len(rights) > 1:
        yield "all", rights[0].left_edge.i, rights[-1].right_edge.i + 1


def _subject_features(subject: Token) -> list[str]:
    low = subject.lower_
    kind = (
        f"pron:{low}"
        if low in _PRONOUN_SUBJECTS
        else f"ent:{subject.ent_type_}"
        if subject.ent_type_
        else f"pos:{subject.pos_}"
    )
    return [f"s={kind}", f"s_lemma={subject.lemma_.lower()}", f"s_dep={subject.dep_}"]


@functools.cache
def _action_verbs() -> frozenset[str]:
    """Verbs of action or decision ("voted", "vetoed", "closed"): they report nothing."""
    return frozenset(r["lemma"] for r in load_lexicon("action_verbs.csv"))


def candidates(verb: Token) -> list[Candidate]:
    """What `verb` may report, one candidate per complement (and all together)."""
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _action_verbs():
        return []
    if is_denial(verb):
        return []  # "denied the allegations", "rejected claims that …": someone else's words (cues.py)
    subject = _subject(verb)
    if subject is None or subject.i > verb.i + 3:
        return []
    if subject.lower_ in _AUTHOR or any(c.dep_ == "neg" or c.lower_ in {"whether", "if"} for c in verb.children):
        return []  # "did not say"; "we can conclude that …" is the writer's; "asked whether he saw …"
    lemma = verb.lemma_.lower()
    base = [
        f"v={lemma}",
        f"tag={verb.tag_}",
        f"vdep={verb.dep_}",
        f"v_head={verb.head.lemma_.lower() if verb.dep_ in {'xcomp', 'ccomp'} else '-'}",
        *_subject_features(subject),
    ]
    found = []
    for label, start, end in _spans(verb):
        start, end = _trimmed(verb, start, end)
        if end - start < 2:
            continue
        first = verb.doc[start]
        if first.lower_ in _NOT_CONTENT or any(t.text in _QUOTE_MARKS or _question(t) for t in verb.doc[start:end]):
            # a question ("whether he will sign it", "to explain how …"), "not to be named";
            # quoted words are the rules'
            continue
        words = end - start
        if lemma == "plead" and first.lower_ in _PLEAS:
            continue  # "pleaded guilty to burglary": an act in court, not words reported
        if label == "xcomp" and words <= 3 and verb.doc[start:end].root.lemma_.lower() in _SILENCE:
            continue  # "declined to comment", "refused to elaborate": nothing said
        if label.startswith("prep:") and words <= 3:
            continue  # "spoke to us about his new restaurant", "referred to the incident": a topic
        if label in {"dobj", "all"} and words <= 3 and is_agent(verb.doc[start:end].root):
            continue  # "attacked the government", "addressed parliament on Tuesday": whom they acted on
        size = "1-3" if words <= 3 else "4-8" if words <= 8 else "9-20" if words <= 20 else "20+"
        feats = [
            *base,
            f"c={label}",
            f"v|c={lemma}|{label}",
            f"c|first={label}|{first.pos_}",
            f"c|size={label}|{size}",
            f"v|size={lemma}|{size}",
            f"that={any(t.lower_ == 'that' and t.dep_ == 'mark' for t in verb.doc[start - 1 : start + 1])}",
            f"s|c={_subject_features(subject)[0]}|{label}",
            f"first={first.lower_ if first.is_stop else first.pos_}",
            f"c|first_w={label}|{first.lower_ if first.is_stop else first.pos_}",
            f"v|first_w={lemma}|{first.lower_ if first.is_stop else first.pos_}",
            *_shape_features(verb, subject, verb.doc[start:end], label),
        ]
        found.append(Candidate(verb, subject, start, end, tuple(feats)))
    return found


_PERSON_PRONOUNS = frozenset({"he", "she", "they", "who", "i", "we"})


def _speaker_kind(subject: Token) -> str:
    if subject.lower_ in _PERSON_PRONOUNS or subject.ent_type_ == "PERSON":
        return "person"
    if subject.ent_type_ in {"ORG", "GPE", "NORP"}:
        return "body"
    return "name" if subject.pos_ == "PROPN" else "pron" if subject.pos_ == "PRON" else "noun"


def _shape_features(verb: Token, subject: Token, content: Span, label: str) -> list[str]:
    """What tells a person's belief from a thing's state: the verb with the kind of
    subject ("she sees" vs "the chart sees"); a full clause as content or not; an
    infinitive's verb ("wants to run"); a person named inside the content ("endorsed
    Clinton")."""
    lemma = verb.lemma_.lower()
    root = content.root
    clause = any(t.dep_ in _SUBJECTS and t.head == root for t in content)
    person = any(t.ent_type_ == "PERSON" for t in content)
    return [
        f"v|speaker={lemma}|{_speaker_kind(subject)}",
        f"c|clause={label}|{clause}",
        f"c|root={label}|{root.lemma_.lower() if label == 'xcomp' else root.pos_}",
        f"c|person={label}|{person}",
    ]


def _question(tok: Token) -> bool:
    """The head of an embedded question: "explain [how they set fees]"."""
    return tok.dep_ == "ccomp" and tok.left_edge.lower_ in _NOT_CONTENT and tok.left_edge.i < tok.i


def dense_inputs(candidate: Candidate) -> np.ndarray:
    """The parser's own contextual vectors (spaCy's tok2vec output, `doc.tensor`) of the
    cue verb, its subject and the content's root, end to end: they carry what a lemma
    feature cannot, that "deems" or "contends" is used the way "believes" is. Zeros when
    the document has no tensor (one rebuilt from a DocBin)."""
    doc = candidate.cue.doc
    width = doc.tensor.shape[1] if doc.tensor.ndim == 2 and len(doc.tensor) == len(doc) else 0
    if not width:
        return np.zeros(0, dtype=np.float32)
    root = doc[candidate.start : candidate.end].root
    return np.concatenate([doc.tensor[t.i] for t in (candidate.cue, candidate.subject, root)]).astype(np.float32)


DENSE_PARTS = ("cue", "subject", "root")


@dataclass(frozen=True)
class _Model:
    bias: float
    weights: dict[str, float]
    dense: np.ndarray  # one weight per dense input (`dense_inputs`), or empty
    threshold: float


@functools.cache
def _model() -> _Model:
    """The weights; a missing file turns the model off."""
    if not MODEL_PATH.exists():
        return _Model(0.0, {}, np.zeros(0, dtype=np.float32), 2.0)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    parts = data.get("dense", {})
    dense = np.array([w for part in DENSE_PARTS for w in parts.get(part, [])], dtype=np.float32)
    weights = {k: float(v) for k, v in data["weights"].items()}
    return _Model(float(data["bias"]), weights, dense, float(data["threshold"]))


def probability(candidate: Candidate) -> float:
    model = _model()
    z = model.bias + sum(model.weights.get(f, 0.0) for f in candidate.features)
    if len(model.dense):
        inputs = dense_inputs(candidate)
        z += float(inputs @ model.dense) if len(inputs) == len(model.dense) else 0.0
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_candidate(verb: Token) -> tuple[Candidate, float] | None:
    """The candidate of `verb` the model believes in most, if above its threshold."""
    model = _model()
    if not model.weights:
        return None
    scored = [(probability(c), c) for c in candidates(verb)]
    if not scored:
        return None
    p, best = max(scored, key=lambda pc: pc[0])
    return (best, p) if p >= model.threshold else None
