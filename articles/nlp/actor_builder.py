"""The working state of `find_actors`: actors as they are gathered, and their mentions.

actors.py classifies name runs and clusters people; actor_phrases.py adds the
noun phrases that refer to them. Both write into one `Builder` defined here, so
neither imports the other's internals.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.cues import speech_cue_kind
from articles.nlp.mentions import MentionKind
from articles.nlp.types import ActorKind, ActorRef


@dataclass
class DraftActor:
    kind: ActorKind
    key: str
    names: Counter[str] = field(default_factory=Counter)
    forms: list[str] = field(default_factory=list)  # every form seen, in order
    title: str = ""
    first_seen: int = 0
    separate: bool = False  # a document marked "previous", "earlier"...
    subject: bool = False
    guessed: bool = False  # only an NER label says it is an actor
    weak: bool = False  # not even that: kept only if it speaks
    speaks: bool = False
    active: bool = False  # some mention speaks, is a subject, or employs one
    gender: str = ""  # "f" or "m" once an honorific or a given name says so

    def add_form(self, form: str) -> None:
        if form and form not in self.forms:
            self.forms.append(form)

    @property
    def name(self) -> str:
        if self.kind == "person":
            return max(self.names, key=lambda n: (len(n.split()), self.names[n], -self.forms.index(n)))
        return self.key

    def ref(self) -> ActorRef:
        name = self.name
        return ActorRef(
            name=name,
            kind=self.kind,
            aliases=tuple(f for f in self.forms if f != name),
            title=self.title,
        )


@dataclass
class RawName:
    """A name-like run before people are clustered."""

    span: Span
    name: str
    title: str
    label: str  # provisional: person | country | organization | group | metonym | surname?


def speaks(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and speech_cue_kind(tok.head) in {"clause", "object"}


def speaks_through(tok: Token) -> bool:
    """ "Analysts at Jefferies said", "a spokesman for Heathrow said": the employer speaks."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in {"at", "for", "from", "of"} and speaks(prep.head)


def _opens_sentence(tok: Token) -> bool:
    """ "“… is for.” Brighton boss Fabian Hurzeler was less happy": the parser may
    run a sentence on past a closing quote; the subject after it still opens one."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 1 and doc[i].text in "”\"’'" and doc[i - 1].text in {".", "!", "?"}


def subject_flags(tok: Token) -> tuple[bool, bool]:
    if tok.dep_ == "appos":
        tok = tok.head  # "His opponent, Alex de Minaur, admitted": the name is the subject too
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        verb = tok.head
        main = verb.dep_ in {"ROOT", "conj"} or verb.head == verb or _opens_sentence(tok.left_edge)
        return True, main
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True, True
    return False, False


class Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: dict[tuple[str, str], DraftActor] = {}
        self.mentions: list[tuple[Span, DraftActor, MentionKind]] = []

    def actor(self, kind: ActorKind, key: str, at: int) -> DraftActor:
        found = self.actors.get((kind, key.lower()))
        if found is None:
            found = DraftActor(kind=kind, key=key, first_seen=at)
            self.actors[(kind, key.lower())] = found
        return found

    def mention(self, span: Span, actor: DraftActor, kind: MentionKind, form: str | None = None) -> None:
        self.mentions.append((span, actor, kind))
        actor.add_form(form if form is not None else span.text)
        if subject_flags(span.root)[0]:
            actor.subject = True
        if not actor.active and acts(span.root):
            actor.active = True
        if kind == "description" or speaks(span.root) or speaks_through(span.root):
            actor.speaks = True  # "the company said": a weak name it refers to is an organisation


def acts(tok: Token) -> bool:
    """Whether a mention acts in its sentence: a subject, "according to" it, or
    inside a subject ("a spokeswoman for Volkswagen said", "Tesla's chief
    financial officer told"). A place in "offices in Wolfsburg" does not."""
    for _ in range(5):
        if tok.dep_ in {"nsubj", "nsubjpass"} or tok.lower_ == "according":
            return True
        if tok.dep_ not in {"compound", "poss", "pobj", "prep", "appos", "flat", "amod", "conj"} or tok.head is tok:
            return False
        if tok.dep_ == "prep" and tok.lower_ not in {"for", "of", "at", "from", "to", "with"}:
            return False
        tok = tok.head
    return False
