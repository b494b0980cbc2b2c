"""Labels: the words an article uses to name each actor and the event.

Entry point: `find_labels(doc, actors_or_index, zones)`, called from `find_signals`.
Categories: for actors "name" (an alias as written), "title" (a title phrase before
or standing for a name: "Russian Foreign Minister", "the Russian foreign secretary"),
"appositive" ("Sergey Lavrov, Russia's top diplomat,"), "description" ("the Syrian
government", "the regime"); for the event "event" ("the alleged sarin gas attack",
"the reported use of chemical weapons") with actor None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from articles.nlp.doc_text import text_of
from articles.nlp.lexicons import load_lexicon
from articles.nlp.names import actor_lexicons, is_honorific, person_nouns
from articles.nlp.types import ActorRef, SignalResult


class QuoteZones(Protocol):
    """What labels need of `signals.QuoteZones` (a Protocol, so labels never imports signals)."""

    def covers(self, start: int, end: int) -> bool: ...

# Dependencies by which a title word hangs off the name it precedes
# ("U.S. Secretary of State Rex Tillerson", "Russian Foreign Minister Sergey Lavrov").
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "prep", "pobj", "flat"})
_TITLE_POS = frozenset({"PROPN", "NOUN", "ADJ", "ADP"})
_DEMONYM_SUFFIXES = ("ian", "ese", "ish", "an", "n", "i", "")
_MAX_EVENT_PP = 6
# "D-N.Y.", "R-Texas", "I-Vt.": a party and state tag after a lawmaker's name.
_PARTY_TAG = re.compile(r"[RDI](\s*-\s*\S+)?")


class ActorIndex:
    """Finds actors by the forms an article uses for them."""

    def __init__(self, actors: Sequence[ActorRef]) -> None:
        self.actors = {a.name: a for a in actors}
        self.forms: dict[str, str] = {}
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                if form.strip():
                    self.forms.setdefault(form.strip(), actor.name)
        self.titles = {a.title.strip().lower(): a.name for a in actors if a.title.strip()}
        self._form_re = _alternation(self.forms, flags=0)
        self._title_re = _alternation(self.titles, flags=re.IGNORECASE)
        self._irregular = {
            term.lower(): country for term, country in load_lexicon("demonyms").entries.items()
        }

    def mentions(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of every name or alias occurrence, longest form first."""
        if self._form_re is None:
            return []
        return [(m.start(), m.end(), m.group()) for m in self._form_re.finditer(text)]

    def title_mentions(self, text: str) -> list[tuple[int, int, str]]:
        if self._title_re is None:
            return []
        return [
            (m.start(), m.end(), self.titles[m.group().lower()])
            for m in self._title_re.finditer(text)
        ]

    def lookup(self, text: str) -> str | None:
        """The actor a name, alias or nationality adjective refers to, if any."""
        text = text.strip()
        if not text:
            return None
        if text in self.forms:
            return self.forms[text]
        if text.lower().startswith("the ") and text[4:] in self.forms:
            return self.forms[text[4:]]
        contained = [f for f in self.forms if len(f) > 2 and re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)]
        if contained:
            return self.forms[max(contained, key=len)]
        return self.demonym(text)

    def demonym(self, word: str) -> str | None:
        """Syrian -> Syria, Iranian -> Iran; irregular ones (French) from demonyms.csv."""
        country = self._irregular.get(word.lower())
        if country is not None:
            return self.lookup_exact(country)
        if not word[:1].isupper():
            return None
        for suffix in _DEMONYM_SUFFIXES:
            if suffix and not word.endswith(suffix):
                continue
            stem = word[: len(word) - len(suffix)] if suffix else word
            if len(stem) < 4:
                continue
            for form, name in self.forms.items():
                if form.startswith(stem) and " " not in form:
                    return name
        return None

    def lookup_exact(self, form: str) -> str | None:
        return self.forms.get(form)


def _alternation(forms: dict[str, str], *, flags: int) -> re.Pattern[str] | None:
    if not forms:
        return None
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in ordered) + r")(?!\w)", flags)


def find_labels(
    doc: Doc, actors: Sequence[ActorRef] | ActorIndex, zones: QuoteZones | None = None
) -> list[SignalResult]:
    index = actors if isinstance(actors, ActorIndex) else ActorIndex(actors)
    found: dict[tuple[int, int, str], SignalResult] = {}
    body = text_of(doc)

    def emit(start: int, end: int, category: str, actor: str | None) -> None:
        text = body[start:end]
        if not text.strip() or (category in {"title", "appositive"} and _fragment(text)):
            return
        key = (start, end, category)
        if key not in found:
            in_quote = zones.covers(start, end) if zones is not None else False
            found[key] = SignalResult(
                kind="label", text=text, start=start, end=end, category=category,
                actor=actor, in_quote=in_quote,
            )

    mentioned: list[tuple[int, str]] = []  # (char offset, actor) for "the regime" recency
    for start, end, form in index.mentions(body):
        actor = index.forms[form]
        name_start = start
        shorter = _name_suffix(index, form, actor)
        if shorter is not None:
            # The alias itself carries a title: "Russian Foreign Minister Sergey Lavrov".
            name_start = end - len(shorter)
            emit(start, _rstrip(body, start, name_start), "title", actor)
        emit(name_start, end, "name", actor)
        mentioned.append((start, actor))
        span = doc.char_span(name_start, end, alignment_mode="expand")
        if span is None:
            continue
        if shorter is None:
            title = _title_before(span)
            if title is not None:
                emit(title.start_char, title.end_char, "title", actor)
        for appos in _appositives(span):
            emit(appos.start_char, appos.end_char, "appositive", actor)
    for start, end, actor in index.title_mentions(body):
        if not any(s.start <= start and end <= s.end for s in found.values()):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                start = _extend_title_left(span)
            emit(start, end, "title", actor)
    mentioned.sort()
    for label in _chunk_labels(doc, index, mentioned):
        emit(*label)
    return sorted(found.values(), key=lambda s: (s.start, s.end))


def _chunk_labels(
    doc: Doc, index: ActorIndex, mentioned: list[tuple[int, str]]
) -> list[tuple[int, int, str, str | None]]:
    """Descriptions ("the Syrian government", "the regime") and event names, from noun chunks."""
    institutions = load_lexicon("institution_nouns").entries
    events = load_lexicon("event_nouns").entries
    out: list[tuple[int, int, str, str | None]] = []
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.pos_ != "NOUN":
            continue
        if root.lemma_ in institutions:
            described = _institution_actor(chunk, index, mentioned)
            if described is not None:
                out.append((*_trim(chunk), "description", described))
        elif root.lemma_ in events or _compound_lemma(root) in events:
            out.append((*_event_extent(chunk), "event", None))
    return out


def mark_evaluative(
    labels: Sequence[SignalResult], loaded: Sequence[SignalResult]
) -> list[SignalResult]:
    """Labels that carry the outlet's own loaded word ("the embattled congressman", "the
    far-left lawmaker") are `evaluative`: the page highlights only those. A name never is,
    and a plain title or office has no loaded word to carry."""
    own = [(s.start, s.end) for s in loaded if not s.in_quote]
    return [
        replace(label, evaluative=True)
        if label.category != "name" and any(label.start <= a and b <= label.end for a, b in own)
        else label
        for label in labels
    ]


def _fragment(text: str) -> bool:
    """A piece of a name's surroundings that says nothing of the person on its own:
    an honorific or abbreviation ("Mr.", "Sen."), a party-state tag or its parts
    ("D-N.Y.", "Texas"), a lone word that is no role ("party", "state")."""
    words = text.split()
    if _PARTY_TAG.fullmatch(text.strip()):
        return True
    if len(words) != 1:
        return False
    word = words[0].lower()
    if is_honorific(word) or word.endswith(".") or len(word) <= 2:
        return True
    return word not in actor_lexicons().title_heads and word not in person_nouns()


def _name_suffix(index: ActorIndex, form: str, actor: str) -> str | None:
    """The longest other form of the same actor that ends this form, if any."""
    own_words = set(actor.split())
    best = None
    for other, name in index.forms.items():
        if name != actor or other == form or not form.endswith(" " + other):
            continue
        prefix = form[: -len(other)].split()
        if all(word in own_words for word in prefix):
            continue  # "Sergey Lavrov" vs "Lavrov": a first name, not a title
        if best is None or len(other) > len(best):
            best = other
    return best


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _title_before(name: Span) -> Span | None:
    doc = name.doc
    inside = set(range(name.start, name.end))
    left = name.start
    i = name.start - 1
    while i >= 0:
        token = doc[i]
        if token.pos_ not in _TITLE_POS or token.ent_type_ == "PERSON":
            break
        if not _hangs_on(token, inside):
            break
        left = i
        i -= 1
    while left < name.start and doc[left].pos_ in ("ADP", "ADJ") and doc[left].lower_ == doc[left].text:
        left += 1  # a lower-case adjective is description ("arrogant America"), not title
    if left >= name.start or doc[name.start - 1].pos_ not in ("NOUN", "PROPN"):
        return None
    return doc[left : name.start]


def _extend_title_left(title: Span) -> int:
    """ "the Russian foreign minister": take capitalised modifiers along."""
    doc = title.doc
    left = title.start
    while left > 0:
        token = doc[left - 1]
        if token.dep_ in ("amod", "compound") and token.text[:1].isupper() and token.head.i >= left:
            left -= 1
        else:
            break
    return doc[left].idx


def _hangs_on(token: Token, targets: set[int]) -> bool:
    """Whether `token` modifies the name through title-like dependencies only
    ("State" -> "of" -> "Secretary" -> "Tillerson")."""
    current = token
    for _ in range(5):
        if current.dep_ not in _TITLE_DEPS or current.head.i > max(targets):
            return False
        current = current.head
        if current.i in targets:
            return True
    return False


def _appositives(name: Span) -> list[Span]:
    root = name.root
    out = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end:
            out.append(_strip_punct(child.doc[child.left_edge.i : child.right_edge.i + 1]))
    if root.dep_ == "appos" and root.head.i < name.start:
        head = root.head
        out.append(_strip_punct(head.doc[head.left_edge.i : head.i + 1]))
    return [s for s in out if len(s) > 0]


def _strip_punct(span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and span.doc[start].is_punct:
        start += 1
    while end > start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[start:end]


def _institution_actor(chunk: Span, index: ActorIndex, mentioned: list[tuple[int, str]]) -> str | None:
    for token in chunk:
        if token is chunk.root or token.dep_ not in ("poss", "compound", "amod", "nmod"):
            continue
        actor = index.lookup(token.text)
        if actor is not None:
            return actor
    for prep in chunk.root.children:
        # "the government of Syrian President Bashar Assad"
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for token in prep.subtree:
                if token.pos_ in ("PROPN", "ADJ"):
                    actor = index.lookup(token.text)
                    if actor is not None:
                        return actor
            return None
    if len(chunk) != 2 or chunk[0].lower_ not in ("the", "this", "that"):
        return None
    # "the regime", "the government": the last country or group named before it.
    for offset, actor in reversed(mentioned):
        if offset < chunk.start_char and index.actors[actor].kind in ("country", "organization", "group"):
            return actor
    return None


def _compound_lemma(root: Token) -> str:
    prev = root.doc[root.i - 1] if root.i > 0 else None
    if prev is not None and prev.dep_ == "compound":
        return f"{prev.lemma_.lower()} {root.lemma_}"
    return ""


def _trim(chunk: Span) -> tuple[int, int]:
    """Chunk offsets, starting after any quotation mark inside it."""
    start = chunk.start
    for token in chunk:
        if token.is_quote or (token.is_space and "\n" in token.text):
            start = token.i + 1
    span = chunk.doc[start : chunk.end] if start < chunk.end else chunk
    return span.start_char, span.end_char


def _event_extent(chunk: Span) -> tuple[int, int]:
    """The event phrase with its "of" complement: "the reported use of chemical weapons"."""
    start, end = _trim(chunk)
    root = chunk.root
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == chunk.end:
            right = child.right_edge
            if right.i - child.i <= _MAX_EVENT_PP:
                while right.i > child.i and (right.is_punct or right.is_quote):
                    right = right.nbor(-1)
                end = right.idx + len(right)
    return start, end
