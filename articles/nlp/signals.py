"""Framing signals: reporting verbs and their stance, hedges, scare quotes, loaded words
and labels (the last in `labels.py`).

Entry point: `find_signals(doc, quotes, actors)`. Every signal carries character offsets
into `doc.text`. A word inside someone's quote is reporting, not the outlet's framing, so
signals inside a quote span get `in_quote=True` rather than being dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from articles.nlp.labels import ActorIndex, find_labels
from articles.nlp.lexicons import load_lexicon, match_lexicon
from articles.nlp.types import ActorRef, QuoteResult, SignalResult

# Quotation pairs. Closing single quotes may not be followed by a letter, and an inner
# ’ followed by a letter is an apostrophe ("it’s"), so ‘it’s a sham’ stays one span.
_QUOTED = re.compile(
    r"“(?P<a>[^“”\n]{1,600}?)”"
    r'|(?<![\w"])"(?P<b>[^"\n]{1,600}?)"'
    r"|(?<!\w)‘(?P<c>(?:[^‘’\n]|’(?=\w)){1,600}?)’(?!\w)"
    r"|(?<![\w'])'(?P<d>(?:[^'\n]|'(?=\w)){1,600}?)'(?!\w)"
)
_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")

# A quoted passage this long is someone's words even if the quote finder missed it.
_MIN_QUOTE_WORDS = 5
_MAX_SCARE_WORDS = 4

# Participles that hedge only when used attributively ("the alleged attack"); as main
# verbs ("Washington alleged that…") they are reporting verbs.
_ATTRIBUTIVE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# Verb stances that read as plain description unless a complement shows speech.
_NEEDS_SPEECH_CONTEXT = frozenset({"neutral", "tentative", "denying"})
_CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dative", "oprd"})
_SPEECH_OBJECTS = frozenset(
    {"claim", "allegation", "accusation", "report", "charge", "suggestion", "idea",
     "notion", "question", "statement", "view", "position", "sentiment", "need"}
)
# Adverb stances that override any verb; the others only colour a neutral verb.
_OVERRIDING_ADVERBS = frozenset({"endorsing", "doubting", "disparaging"})
# How a scare-quoted fragment may hang off a speech verb and still be the speaker's words.
_PARTIAL_QUOTE_PATH = frozenset(
    {"dobj", "attr", "oprd", "pobj", "prep", "xcomp", "ccomp", "acomp", "appos", "conj",
     "npadvmod", "amod", "compound", "nsubj"}
)


@dataclass(frozen=True)
class QuotedSpan:
    """A passage between quotation marks: [start, end) includes the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    words: int


def quoted_spans(text: str) -> list[QuotedSpan]:
    spans = []
    for m in _QUOTED.finditer(text):
        group = next(g for g in "abcd" if m.group(g) is not None)
        inner = m.group(group)
        spans.append(
            QuotedSpan(m.start(), m.end(), m.start(group), m.end(group), len(_WORD.findall(inner)))
        )
    return spans


class QuoteZones:
    """Character ranges holding someone else's words: the quotes found by `quotes.py`
    plus long quoted passages it may have missed."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]


def quote_zones(doc: Doc, quotes: Sequence[QuoteResult]) -> QuoteZones:
    ranges = [(q.start, q.end) for q in quotes if q.end > q.start]
    ranges += [
        (s.inner_start, s.inner_end)
        for s in quoted_spans(doc.text)
        if s.words >= _MIN_QUOTE_WORDS
    ]
    return QuoteZones(ranges)


def find_signals(
    doc: Doc, quotes: Sequence[QuoteResult], actors: Sequence[ActorRef]
) -> list[SignalResult]:
    zones = quote_zones(doc, quotes)
    index = ActorIndex(actors)
    signals = [
        *reporting_verb_signals(doc, quotes, index, zones),
        *hedge_signals(doc, zones),
        *scare_quote_signals(doc, quotes),
        *loaded_signals(doc, zones),
        *find_labels(doc, index, zones),
    ]
    signals.sort(key=lambda s: (s.start, s.end, s.kind))
    return signals


# --- reporting verbs ---------------------------------------------------------------


def reporting_verb_signals(
    doc: Doc, quotes: Sequence[QuoteResult], index: ActorIndex, zones: QuoteZones
) -> list[SignalResult]:
    adverbs = load_lexicon("stance_adverbs")
    cue_speakers = [(q.cue_start, q.cue_end, q.speaker) for q in quotes if q.cue_start is not None]
    out = []
    body = doc.text  # Doc.text rebuilds the string on every access
    for m in match_lexicon(doc, "reporting_verbs"):
        verb = doc[m.start]
        multiword = m.end - m.start > 1
        if verb.pos_ != "VERB" or verb.dep_ in _ATTRIBUTIVE_DEPS or verb.tag_ == "JJ":
            continue
        span_start, span_end = verb.idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        cue_of = [
            speaker
            for cs, ce, speaker in cue_speakers
            if ce is not None and cs < span_end and span_start < ce
        ]
        if (
            m.category in _NEEDS_SPEECH_CONTEXT
            and not multiword
            and not cue_of
            and not _has_speech_context(verb)
        ):
            continue
        stance = m.category
        for adv in _stance_adverbs(doc, m.start, m.end):
            adv_stance = adverbs.category(adv.lower_)
            if adv_stance in _OVERRIDING_ADVERBS or stance == "neutral":
                stance = adv_stance
            span_start = min(span_start, adv.idx)
            span_end = max(span_end, adv.idx + len(adv))
        speaker = next((s for s in cue_of if s), None) or _subject_actor(verb, index)
        out.append(
            SignalResult(
                kind="reporting_verb",
                text=body[span_start:span_end],
                start=span_start,
                end=span_end,
                category=stance,
                actor=speaker,
                in_quote=zones.covers(span_start, span_end),
            )
        )
    return out


def _has_speech_context(verb: Token) -> bool:
    if verb.dep_ in ("parataxis", "ccomp") and verb.i > verb.head.i:
        return True  # '"…," he said' / '…, she added.'
    for child in verb.children:
        if child.dep_ in _CLAUSAL_DEPS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("as", "about", "on"):
            return True
        if child.dep_ == "dobj" and (child.pos_ == "PRON" or child.lemma_ in _SPEECH_OBJECTS):
            return True
        if child.dep_ == "punct" and child.is_quote:
            return True
    return False


def _stance_adverbs(doc: Doc, start: int, end: int) -> list[Token]:
    entries = load_lexicon("stance_adverbs").entries
    found = [
        child
        for token in doc[start:end]
        for child in token.children
        if child.dep_ == "advmod" and child.lower_ in entries
    ]
    if not found and start > 0 and doc[start - 1].lower_ in entries:
        found = [doc[start - 1]]
    return found


def _subject_actor(verb: Token, index: ActorIndex) -> str | None:
    """The actor named as subject of a reporting verb, climbing out of "went on to say"."""
    token: Token | None = verb
    for _ in range(3):
        if token is None:
            break
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return index.lookup(_name_text(child))
        token = token.head if token.dep_ in ("xcomp", "advcl", "conj") else None
    return None


def _name_text(token: Token) -> str:
    """The subject's name as written: its compound/flat subtree, without appositions."""
    left = token
    while left.i > 0 and left.nbor(-1).dep_ in ("compound", "flat") and left.nbor(-1).head == token:
        left = left.nbor(-1)
    return token.doc[left.i : token.i + 1].text


# --- hedges ------------------------------------------------------------------------


def hedge_signals(doc: Doc, zones: QuoteZones) -> list[SignalResult]:
    out = []
    body = doc.text  # Doc.text rebuilds the string on every access
    for m in match_lexicon(doc, "hedges"):
        first = doc[m.start]
        end = m.end
        if m.category == "epistemic-modal" and first.tag_ != "MD":
            continue
        if m.category == "approximator" and not (m.end < len(doc) and doc[m.end].like_num):
            continue
        if _is_participle_hedge(m.term, m.category, m.end - m.start):
            if first.dep_ not in _ATTRIBUTIVE_DEPS and not (
                first.tag_ == "JJ" and first.dep_ not in ("acomp", "ROOT", "conj")
            ):
                continue
            # Show what is hedged: "alleged sarin gas attack", "reported use".
            head = first.head
            if first.i < head.i <= first.i + 4 and head.pos_ in ("NOUN", "PROPN"):
                end = head.i + 1
        start_char = first.idx
        end_char = doc[end - 1].idx + len(doc[end - 1])
        out.append(
            SignalResult(
                kind="hedge",
                text=body[start_char:end_char],
                start=start_char,
                end=end_char,
                category=m.category,
                in_quote=zones.covers(start_char, end_char),
            )
        )
    return out


def _is_participle_hedge(term: str, category: str, length: int) -> bool:
    return category == "attribution-distancing" and length == 1 and term.endswith("ed")


# --- scare quotes ------------------------------------------------------------------


def scare_quote_signals(doc: Doc, quotes: Sequence[QuoteResult]) -> list[SignalResult]:
    speech_tokens = {
        i for m in match_lexicon(doc, "reporting_verbs") for i in range(m.start, m.end)
    }
    out = []
    body = doc.text  # Doc.text rebuilds the string on every access
    for span in quoted_spans(body):
        if not 1 <= span.words <= _MAX_SCARE_WORDS:
            continue
        if any(q.start < span.end and span.start < q.end for q in quotes):
            continue
        inner = body[span.inner_start : span.inner_end]
        if _looks_like_title(inner):
            continue
        tokens = doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")
        if tokens is None or _hangs_off_speech_verb(tokens.root, speech_tokens):
            continue
        out.append(
            SignalResult(
                kind="scare_quote",
                text=body[span.start : span.end],
                start=span.start,
                end=span.end,
                category="scare",
            )
        )
    return out


def _looks_like_title(inner: str) -> bool:
    """“Fire and Fury”, ‘Game of Thrones’: every longer word capitalised."""
    words = [w for w in _WORD.findall(inner) if len(w) > 3]
    return bool(words) and all(w[0].isupper() for w in words)


def _hangs_off_speech_verb(root: Token, speech_tokens: set[int]) -> bool:
    """A fragment that is the object or complement of a speech verb ('called it “a
    sham”', 'described the talks as “frank”') is a partial quote, not a scare quote."""
    token = root
    for _ in range(4):
        if token.dep_ not in _PARTIAL_QUOTE_PATH or token.head is token:
            return False
        token = token.head
        if token.i in speech_tokens:
            return True
    return False


# --- loaded words ------------------------------------------------------------------

_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PRODUCT"})


def loaded_signals(doc: Doc, zones: QuoteZones) -> list[SignalResult]:
    out = []
    body = doc.text  # Doc.text rebuilds the string on every access
    for m in match_lexicon(doc, "loaded_terms"):
        first, last = doc[m.start], doc[m.end - 1]
        if first.pos_ == "PROPN" and first.ent_type_ in _NAME_ENTS:
            continue  # part of a name or title, not a word choice
        if m.category == "booster" and m.end - m.start == 1 and first.i > first.head.i:
            continue  # "laid out the goals clearly": manner, not the writer's certainty
        start_char, end_char = first.idx, last.idx + len(last)
        out.append(
            SignalResult(
                kind="loaded",
                text=body[start_char:end_char],
                start=start_char,
                end=end_char,
                category=m.category,
                in_quote=zones.covers(start_char, end_char),
            )
        )
    return out
