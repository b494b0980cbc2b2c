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
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.actor_identity import merge_event_actors, same_actor
from articles.nlp.cues import speech_cue_kind
from articles.nlp.mentions import JOINERS as _JOINERS
from articles.nlp.mentions import Mention, MentionKind, Mentions, actor_words, is_dateline, name_runs
from articles.nlp.mentions import actor_lexicons as _lexicons
from articles.nlp.mentions import fold as _fold
from articles.nlp.mentions import given as _given
from articles.nlp.mentions import given_names_match as _given_names_match
from articles.nlp.mentions import surname as _surname
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


def _title_word(tok: Token) -> bool:
    """A word of a title or a nationality before a name: "Foreign", "Minister", "Russian"."""
    lex = _lexicons()
    return tok.lower_ in lex.title_heads or tok.lower_ in lex.title_parts or tok.text in lex.demonyms


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
    if label == "PERSON" or (label in {"", "ORG", "NORP"} and _speaking_name(run)):
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


def _speaks(tok: Token) -> bool:
    return tok.dep_ == "nsubj" and speech_cue_kind(tok.head) in {"clause", "object"}


def _plain_name(run: Span) -> bool:
    return 2 <= len(run) <= 3 and all(t.is_alpha and t.is_title for t in run)


def _state_of(span: Span) -> str | None:
    """The country a state body stands for: "Ukraine’s Foreign Ministry",
    "the Russian Defence Ministry" (the state speaks, as with "the Syrian government")."""
    if span.root.lemma_.lower() not in _STATE_BODIES:
        return None
    doc = span.doc
    before = [doc[span.start - 2]] if span.start >= 2 and doc[span.start - 1].dep_ == "case" else []
    return _nationality([*before, *span[:-1]])


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
        if kind == "description" or _speaks(span.root):
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
            country = _state_of(span)
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
    _add_noun_phrases(doc, b, people, descriptions)

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


def _add_noun_phrases(doc: Doc, b: _Builder, people: list[_Actor], titles: list[_Raw]) -> None:
    """Descriptions ("the Russian foreign secretary", "the Syrian government")
    and documents ("a draft resolution", "the document")."""
    lex = _lexicons()
    named_tokens = {span.root.i for span, _, _ in b.mentions}
    by_token: dict[int, _Actor] = {}
    for span, named, _ in b.mentions:
        for tok in span:
            by_token[tok.i] = named
    last_document: _Actor | None = None
    title_spans = {raw.span.root.i: raw.span for raw in titles}
    for chunk in doc.noun_chunks:
        root = chunk.root
        low = root.lower_
        lemma = root.lemma_.lower()
        first = chunk[0].lower_
        definite = first in {"the", "this", "that"}
        if root.i in named_tokens and root.i not in title_spans:
            continue
        # Appositions name a description directly: "Russia's foreign minister, Sergei Lavrov".
        appos = [c for c in root.children if c.dep_ == "appos" and c.i in by_token]
        if (low in lex.title_heads or root.i in title_spans) and root.pos_ in {"NOUN", "PROPN"}:
            actor: _Actor | None = None
            if appos:
                actor = by_token[appos[0].i]
                if actor.kind == "person" and not actor.title:
                    actor.title = chunk.text
            elif root.dep_ == "appos" and root.head.i in by_token:
                actor = by_token[root.head.i]
            elif definite:
                actor = _describe(chunk, people)
            if actor is not None:
                b.mention(
                    chunk,
                    actor,
                    "description",
                    form=chunk.text.removeprefix("the ").removeprefix("The "),
                )
            continue
        if lemma in _STATE_BODIES and root.pos_ in {"NOUN", "PROPN"}:
            chunk = _after_punct(chunk)
            country = _nationality(t for t in chunk if t.i < root.i)
            if country is not None:
                form = "the " + chunk.text[4:] if chunk.text.startswith("The ") else chunk.text
                b.mention(chunk, b.actor("country", country, chunk.start_char), "description", form=form)
                continue
        if lemma in _ORG_DESCRIPTIONS and definite:
            org = _recent(b, chunk.start_char, "organization", lemma)
            if org is not None:
                b.mention(chunk, org, "description")
            continue
        if lemma in _DOCUMENT_NOUNS and root.pos_ == "NOUN" and chunk[0].dep_ != "poss":
            mods = {t.lower_ for t in chunk}
            name = "the " + " ".join(
                t.lower_ for t in chunk if t.dep_ == "compound" or t == root or t.lower_ in _SEPARATE_DOC_MODIFIERS
            )
            if (
                definite
                and not mods & _SEPARATE_DOC_MODIFIERS
                and last_document is not None
                and (lemma in {"document", "draft", "text", "proposal"} or lemma in last_document.key)
            ):
                document = last_document
            else:
                document = b.actor("document", name, chunk.start_char)
                if mods & _SEPARATE_DOC_MODIFIERS:
                    document.separate = True
            b.mention(chunk, document, "document", form=name)
            if not document.separate:
                last_document = document


def _after_punct(chunk: Span) -> Span:
    """ "KYIV, Ukraine (AP) — Ukraine’s navy" misparsed as one chunk: keep what
    follows the last punctuation before the head."""
    cut = [t.i for t in chunk if t.is_punct and t.i < chunk.root.i and t.dep_ != "case"]
    return chunk.doc[cut[-1] + 1 : chunk.end] if cut else chunk


def _nationality(words: Iterable[Token]) -> str | None:
    lex = _lexicons()
    for tok in words:
        if tok.text in lex.demonyms:
            return lex.demonyms[tok.text]
        if tok.text in lex.countries:
            return lex.countries[tok.text]
    return None


def _describe(chunk: Span, people: list[_Actor]) -> _Actor | None:
    """The person a definite description refers to: the most recently introduced
    person whose title has the description's head word (and its nationality)."""
    lex = _lexicons()
    head = chunk.root.lower_
    words = {t.lower_ for t in chunk if _title_word(t)}
    best: _Actor | None = None
    for person in people:
        if person.first_seen >= chunk.start_char or not person.title:
            continue
        title_words = {w.lower() for w in person.title.split()}
        nationality = {w for w in words if w.capitalize() in lex.demonyms}
        if nationality and not nationality <= title_words:
            continue
        if head in title_words or len(words & title_words) >= 2:
            best = person if best is None or person.first_seen > best.first_seen else best
    return best


def _recent(b: _Builder, before: int, kind: str, word: str) -> _Actor | None:
    cands = [
        a for a in b.actors.values() if a.kind == kind and a.first_seen < before and (a.active or not a.guessed)
    ]
    named = [a for a in cands if word in a.key.lower()]
    acting = [a for a in cands if a.subject]
    if named:
        pool = named
    elif word in _GENERIC_ORG_WORDS:
        pool = acting or cands or [a for a in b.actors.values() if a.weak and a.first_seen < before]
    else:
        # "The World Health Organization said … The agency said": a specific noun
        # goes back to an organisation that acts only when there is just one.
        pool = acting if len(acting) == 1 else []
    return max(pool, key=lambda a: a.first_seen) if pool else None


