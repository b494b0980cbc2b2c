"""Who acts in an article: people, countries, organisations, groups, documents.

Entry points: `find_actors(doc)` for one article, `merge_event_actors` (with
`same_actor`) to identify the same actor across the articles of one event.

Names come from runs of capitalised tokens read off the parse and the word
lists in `lexicons/actor_*.csv`, not from NER labels alone (the small English
model tags "Lavrov" as an organisation): a run with a title in it is a person,
a run whose last word is the surname of a person already named is that person.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.actor_identity import merge_event_actors, same_actor
from articles.nlp.actor_phrases import add_noun_phrases, state_of
from articles.nlp.cues import speech_cue_kind
from articles.nlp.mentions import JOINERS as _JOINERS
from articles.nlp.mentions import Mention, MentionKind, Mentions, actor_words, is_dateline, name_runs, person_nouns
from articles.nlp.mentions import actor_lexicons as _lexicons
from articles.nlp.mentions import fold as _fold
from articles.nlp.mentions import given as _given
from articles.nlp.mentions import given_names_match as _given_names_match
from articles.nlp.mentions import surname as _surname
from articles.nlp.mentions import title_word as _title_word
from articles.nlp.types import ActorKind, ActorRef

__all__ = ["Mentions", "find_actors", "merge_event_actors", "same_actor"]

_ROMAN = re.compile(r"[IVXLC]+")


_words = actor_words


_ORG_HEADS = _words("org_head")
_PARTICLES = _words("name_particle")
_DOCUMENT_NOUNS = _words("document")
_SEPARATE_DOC_MODIFIERS = _words("other_document")
_STATE_BODIES = _words("state_body")
_ORG_DESCRIPTIONS = _words("org_description")
_GENERIC_ORG_WORDS = _words("generic_org")


def _gender_of_title(title: str) -> str:
    lex = _lexicons()
    genders = {lex.title_gender[w] for w in title.lower().split() if w in lex.title_gender}
    return genders.pop() if len(genders) == 1 else ""


# --- building blocks -------------------------------------------------------


@dataclass
class _Actor:
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
class _Raw:
    """A name-like run before people are clustered."""

    span: Span
    name: str
    title: str
    label: str  # provisional: person | country | organization | group | metonym | surname?


def _classify_run(run: Span) -> list[_Raw]:
    lex = _lexicons()
    text = run.text
    for table, label in (
        (lex.organizations, "organization"),
        (lex.countries, "country"),
        (lex.metonyms, "metonym"),
    ):
        if text in table:
            return [_Raw(run, table[text], "", label)]
    toks = list(run)
    constituency = _name_of_place(run)
    if constituency is not None:
        return constituency
    # From the right: name tokens until a title word, nationality or "of".
    k = len(toks)
    while k > 0:
        tok = toks[k - 1]
        low = tok.lower_
        if _title_word(tok) or low in _JOINERS:
            break
        k -= 1
    has_head = any(t.lower_ in lex.title_heads for t in toks[:k])
    if has_head and k < len(toks):
        name_span = run[k:]
        if name_span.text in lex.organizations or name_span.text in lex.countries:
            return [_Raw(name_span, name_span.text, "", "organization")]
        # "Chancellor of the Exchequer Rachel Reeves": the end of the office's name
        # is not a title word; NER still tells it from the person's name.
        first_person = next((t.i for t in name_span if t.ent_type_ == "PERSON"), name_span.start)
        if name_span.end - first_person >= 2 and all(t.ent_type_ == "PERSON" for t in run.doc[first_person:run.end]):
            k += first_person - name_span.start
            name_span = run[k:]
        return [_Raw(name_span, name_span.text, run[:k].text, "person")]
    if has_head:
        return [_Raw(run, run.text, run.text, "title")]
    head = toks[-1]
    low = head.lower_
    acronym = len(toks) == 1 and head.is_upper and len(head.text) > 1 and head.text.replace(".", "").isalpha()
    if acronym and _ROMAN.fullmatch(head.text):
        return []  # "Chapter VII"
    after_the = run.start > 0 and run.doc[run.start - 1].lower_ == "the"
    if len(toks) == 1 and text in lex.demonyms and not text.endswith("s") and after_the:
        return []  # "the Spaniard said": a person named before, described (speakers.py)
    if low in _ORG_HEADS or acronym:
        return [_Raw(run, text.removeprefix("the "), "", "organization")]
    label = head.ent_type_
    if label == "PERSON" or (label in {"", "ORG", "NORP"} and (_speaking_name(run) or _named_role(run))):
        return [_Raw(run, text, "", "person")]
    if label == "NORP" and (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s")) and len(toks) == 1:
        return [_Raw(run, text, "", "group")]
    if label == "ORG":
        return [_Raw(run, text, "", "organization?")]
    return [_Raw(run, text, "", "unknown")]


def _name_of_place(run: Span) -> list[_Raw] | None:
    """ "Rep. Chip Roy of Texas", "Gov. Kathy Hochul of New York", "Dr Ann Lee of
    the Mayo Clinic": a titled name, then "of"/"for" and where the person serves.
    The person is the name; what follows is a place or body of its own. ("Secretary
    of State Rex Tillerson" has no name before its "of" and is read as before.)"""
    joiner = next((i for i, t in enumerate(run) if t.lower_ in {"of", "for"}), None)
    if joiner is None or joiner == 0:
        return None
    before = run[:joiner]
    last_title = max((t.i for t in before if _title_word(t)), default=None)
    if last_title is None or not any(t.lower_ in _lexicons().title_heads for t in before):
        return None
    name = run.doc[last_title + 1 : before.end]
    after = run[joiner + 1 :]
    if not name or any(_title_word(t) for t in after) or any(t.lower_ in _JOINERS for t in name):
        return None
    bodies = {"organization", "organization?", "country"}
    place = [r for r in _classify_run(after) if r.label in bodies] if after else []
    return [_Raw(name, name.text, run.doc[run.start : last_title + 1].text, "person"), *place]


def _speaking_name(run: Span) -> bool:
    """ "Pep Guardiola said": two or three plain capitalised words that are the
    subject of a speech verb name a person, whatever NER made of them."""
    root = run.root
    return (
        2 <= len(run) <= 3
        and all(t.is_alpha and t.is_title for t in run)
        and root.dep_ == "nsubj"
        and speech_cue_kind(root.head) in {"clause", "object"}
    )


def _named_role(run: Span) -> bool:
    """ "a former budget director, Mitch Daniels", "Mitch Daniels, the defendant":
    two or three plain capitalised words in apposition with a person's role, or
    owned by a name before them."""
    root = run.root
    roles = [root.head] if root.dep_ == "appos" else []
    roles += [c for c in root.children if c.dep_ == "appos"]
    lex = _lexicons()
    # "Liverpool’s Arne Slot", "Nvidia’s Jensen Huang": someone of a club or company.
    owned = run.start > 0 and run.doc[run.start - 1].text in {"'s", "’s", "'", "’"}
    return _plain_name(run) and (
        owned or any(r.pos_ == "NOUN" and (r.lower_ in lex.title_heads or r.lower_ in person_nouns()) for r in roles)
    )


def _speaks(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and speech_cue_kind(tok.head) in {"clause", "object"}


def _speaks_through(tok: Token) -> bool:
    """ "Analysts at Jefferies said", "a spokesman for Heathrow said": the employer speaks."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ in {"at", "for", "from", "of"} and _speaks(prep.head)


def _plain_name(run: Span) -> bool:
    return 2 <= len(run) <= 3 and all(t.is_alpha and t.is_title for t in run)


def _left_title(run: Span) -> str:
    """Lower-case titles right before a name: "foreign minister Sergei Lavrov"."""
    lex = _lexicons()
    doc = run.doc
    i = run.start
    while i > 0:
        tok = doc[i - 1]
        if _title_word(tok):
            i -= 1
        else:
            break
    if i < run.start and any(t.lower_ in lex.title_heads for t in doc[i : run.start]):
        return doc[i : run.start].text
    return ""


def _opens_sentence(tok: Token) -> bool:
    """ "“… is for.” Brighton boss Fabian Hurzeler was less happy": the parser may
    run a sentence on past a closing quote; the subject after it still opens one."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 1 and doc[i].text in "”\"’'" and doc[i - 1].text in {".", "!", "?"}


def _subject_flags(tok: Token) -> tuple[bool, bool]:
    if tok.dep_ == "appos":
        tok = tok.head  # "His opponent, Alex de Minaur, admitted": the name is the subject too
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        verb = tok.head
        main = verb.dep_ in {"ROOT", "conj"} or verb.head == verb or _opens_sentence(tok.left_edge)
        return True, main
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according":
        return True, True
    return False, False


# --- the article ------------------------------------------------------------


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: dict[tuple[str, str], _Actor] = {}
        self.mentions: list[tuple[Span, _Actor, MentionKind]] = []

    def actor(self, kind: ActorKind, key: str, at: int) -> _Actor:
        found = self.actors.get((kind, key.lower()))
        if found is None:
            found = _Actor(kind=kind, key=key, first_seen=at)
            self.actors[(kind, key.lower())] = found
        return found

    def mention(self, span: Span, actor: _Actor, kind: MentionKind, form: str | None = None) -> None:
        self.mentions.append((span, actor, kind))
        actor.add_form(form if form is not None else span.text)
        if _subject_flags(span.root)[0]:
            actor.subject = True
        if not actor.active and _active(span.root):
            actor.active = True
        if kind == "description" or _speaks(span.root) or _speaks_through(span.root):
            actor.speaks = True  # "the company said": a weak name it refers to is an organisation


def _active(tok: Token) -> bool:
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


def find_actors(doc: Doc) -> tuple[list[ActorRef], Mentions]:
    """Actors of one article, in order of first mention, and all their mentions."""
    b = _Builder(doc)
    raws: list[_Raw] = []
    for run in name_runs(doc):
        if not is_dateline(run):
            raws.extend(_classify_run(run))

    # "Mikel Arteta was full of praise … Arteta said": a run of two or three plain
    # words ending in a surname that speaks elsewhere is a person, whatever NER says.
    speaking = {_fold(r.span.text) for r in raws if len(r.span) == 1 and _speaks(r.span.root)}
    for raw in raws:
        if raw.label in {"unknown", "organization?"} and _surname(raw.name) in speaking and _plain_name(raw.span):
            raw.label = "person"

    # People: titled or PERSON-tagged runs, clustered by surname and given name.
    people: list[_Actor] = []
    by_surname: dict[str, list[_Actor]] = {}

    def person_for(name: str, at: int, create: bool) -> _Actor | None:
        sur, given = _surname(name), _given(name)
        for cand in reversed(by_surname.get(sur, [])):
            other = _given(cand.name)
            if not given or not other or _given_names_match(given, other):
                return cand
        if len(name.split()) == 1 and len(sur) >= 3:
            # "Lula" for "Luiz Inacio Lula da Silva", "Lee" for "Lee Jae-myung",
            # "Holly" in a tabloid: a word of exactly one full name named before.
            owners = [p for p in people if len(p.name.split()) > 1 and sur in {_fold(w) for w in p.name.split()}]
            if len(owners) == 1:
                return owners[0]
        if not create:
            return None
        actor = _Actor(kind="person", key=name, first_seen=at)
        people.append(actor)
        by_surname.setdefault(sur, []).append(actor)
        return actor

    pending: list[_Raw] = []
    for raw in raws:
        if raw.label == "person":
            title = raw.title or _left_title(raw.span)
            actor = person_for(raw.name, raw.span.start_char, create=True)
            assert actor is not None
            if not actor.names:
                actor.guessed = len(raw.span) == 1 and not title
            elif title or len(raw.span) > 1:
                actor.guessed = False
            actor.names[raw.name] += 1
            if title and not actor.title:
                actor.title = title
            b.mention(raw.span, actor, "name")
            if title:
                actor.add_form(f"{title} {raw.name}")
        else:
            pending.append(raw)

    descriptions: list[_Raw] = []
    for raw in pending:
        span = raw.span
        if raw.label == "title":
            descriptions.append(raw)
            continue
        # A bare surname (or any run ending with one) of a person named elsewhere.
        if raw.label in {"organization?", "unknown", "person"} or (raw.label == "group" and len(span) == 1):
            actor = person_for(raw.name, span.start_char, create=False)
            if actor is not None:
                actor.names[raw.name] += 1
                b.mention(span, actor, "name")
                continue
        if raw.label == "country":
            b.mention(span, b.actor("country", raw.name, span.start_char), "name")
        elif raw.label == "metonym":
            b.mention(span, b.actor("country", raw.name, span.start_char), "metonym")
        elif raw.label in {"organization", "organization?"}:
            country = state_of(span)
            if country is not None:
                b.mention(span, b.actor("country", country, span.start_char), "description")
                continue
            name = raw.name
            if name.startswith("the "):
                name = name[4:]
            org = b.actor("organization", name, span.start_char)
            if raw.label == "organization?" and not org.forms:
                org.guessed = True
            elif raw.label == "organization":
                org.guessed = False
            b.mention(span, org, "name")
        elif raw.label == "group":
            b.mention(span, b.actor("group", raw.name, span.start_char), "group")
        elif (
            raw.label == "unknown"
            and span.root.ent_type_ in {"", "ORG", "GPE", "FAC", "PRODUCT"}
            and span.text not in _lexicons().demonyms
        ):
            # "Shares in Tesla fell after the carmaker said …": a name NER calls a
            # place may be an organisation; kept only if it speaks or a description
            # ("the company") later refers to it.
            org = b.actor("organization", raw.name.removeprefix("the "), span.start_char)
            if not org.forms:
                org.guessed = org.weak = True
            b.mention(span, org, "name")
    for person in people:
        b.actors[("person", person.name.lower())] = person

    _merge_acronyms(b)
    add_noun_phrases(doc, b, people, descriptions)

    # Junk guard: an actor only NER vouches for ("Brighton" in "beat Brighton",
    # "Wolfsburg" in "offices in Wolfsburg") is kept only if it acts somewhere.
    keep = {
        id(a)
        for a in b.actors.values()
        if (a.kind != "document" or a.subject)
        and (not a.guessed or (a.subject if a.kind == "person" else a.active))
        and (not a.weak or a.speaks)
    }
    ordered = sorted((a for a in b.actors.values() if id(a) in keep), key=lambda a: a.first_seen)
    mention_list: list[Mention] = []
    for span, actor, kind in b.mentions:
        if id(actor) not in keep:
            continue
        subject, main = _subject_flags(span.root)
        mention_list.append(
            Mention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                actor=actor.name,
                kind=kind,
                token=span.root.i,
                subject=subject,
                main_clause=main,
                gender=_gender_of_title(actor.title) if actor.kind == "person" else "",
                possessive=span.root.dep_ == "poss" or span.root.nbor(1).dep_ == "case"
                if span.root.i + 1 < len(doc)
                else span.root.dep_ == "poss",
            )
        )
    return [a.ref() for a in ordered], Mentions.build(mention_list)


def _merge_acronyms(b: _Builder) -> None:
    """ "Organization for ... Weapons (OPCW)" and "OPCW" are one organisation."""
    orgs = [a for a in b.actors.values() if a.kind == "organization"]
    long_names = {"".join(w[0] for w in a.key.split() if w[0].isupper()): a for a in orgs if len(a.key.split()) > 1}
    for org in orgs:
        target = long_names.get(org.key.replace(".", ""))
        if target is not None and target is not org:
            for form in org.forms:
                target.add_form(form)
            target.subject = target.subject or org.subject
            b.mentions = [(s, target if a is org else a, k) for s, a, k in b.mentions]
            del b.actors[("organization", org.key.lower())]
