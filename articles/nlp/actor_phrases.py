"""Noun phrases that refer to actors without naming them.

`add_noun_phrases` adds to an article's actors (actors.py builds them) the
descriptions that point back to someone named ("the Russian foreign secretary",
"the company"), state bodies that stand for a country ("the Syrian government")
and documents that speak ("a draft resolution", "the document"); `state_of`
reads the country a state body belongs to; `party_member` and `add_party_member`
read "the Arizona Republican" as the lawmaker tagged "R-Ariz." before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from articles.nlp.actor_builder import Builder, DraftActor, RawName
from articles.nlp.mentions import title_word as _title_word
from articles.nlp.names import actor_lexicons as _lexicons
from articles.nlp.names import actor_words as _words

_DOCUMENT_NOUNS = _words("document")
_SEPARATE_DOC_MODIFIERS = _words("other_document")
_STATE_BODIES = _words("state_body")
_ORG_DESCRIPTIONS = _words("org_description")
_GENERIC_ORG_WORDS = _words("generic_org")
_PARTY_MEMBERS = _words("party_member")
# ", R-Ariz.", ", D-N.Y.", ", I-Vt.": the party and state news puts after a lawmaker's name.
_PARTY_TAG = re.compile(r",\s*([RDI])\s?-\s?([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")


def state_of(span: Span) -> str | None:
    """The country a state body stands for: "Ukraine’s Foreign Ministry",
    "the Russian Defence Ministry" (the state speaks, as with "the Syrian government")."""
    if span.root.lemma_.lower() not in _STATE_BODIES:
        return None
    doc = span.doc
    before = [doc[span.start - 2]] if span.start >= 2 and doc[span.start - 1].dep_ == "case" else []
    return _nationality([*before, *span[:-1]])


class _Phrases:
    """What `add_noun_phrases` knows while it walks the noun chunks of one doc."""

    def __init__(self, b: Builder, people: list[DraftActor], titles: list[RawName]) -> None:
        self.b = b
        self.people = people
        self.named_tokens = {span.root.i for span, _, _ in b.mentions}
        self.by_token: dict[int, DraftActor] = {tok.i: named for span, named, _ in b.mentions for tok in span}
        self.title_spans = {raw.span.root.i: raw.span for raw in titles}
        self.last_document: DraftActor | None = None


def add_noun_phrases(doc: Doc, b: Builder, people: list[DraftActor], titles: list[RawName]) -> None:
    """Descriptions ("the Russian foreign secretary", "the Syrian government")
    and documents ("a draft resolution", "the document")."""
    lex = _lexicons()
    state = _Phrases(b, people, titles)
    for chunk in doc.noun_chunks:
        root = chunk.root
        lemma = root.lemma_.lower()
        definite = chunk[0].lower_ in {"the", "this", "that"}
        if root.i in state.named_tokens and root.i not in state.title_spans:
            continue
        if (root.lower_ in lex.title_heads or root.i in state.title_spans) and root.pos_ in {"NOUN", "PROPN"}:
            _add_title(state, chunk, definite)
        elif lemma in _STATE_BODIES and root.pos_ in {"NOUN", "PROPN"} and _add_state_body(b, chunk):
            continue
        elif lemma in _ORG_DESCRIPTIONS and definite:
            org = _recent(b, chunk.start_char, "organization", lemma)
            if org is not None:
                b.mention(chunk, org, "description")
        elif lemma in _DOCUMENT_NOUNS and root.pos_ == "NOUN" and chunk[0].dep_ != "poss":
            _add_document(state, chunk, definite)


def _add_title(state: _Phrases, chunk: Span, definite: bool) -> None:
    """ "the Russian foreign secretary"; appositions name a description directly:
    "Russia's foreign minister, Sergei Lavrov"."""
    root = chunk.root
    appos = [c for c in root.children if c.dep_ == "appos" and c.i in state.by_token]
    actor: DraftActor | None = None
    if appos:
        actor = state.by_token[appos[0].i]
        if actor.kind == "person" and not actor.title:
            actor.title = chunk.text
    elif root.dep_ == "appos" and root.head.i in state.by_token:
        actor = state.by_token[root.head.i]
    elif definite:
        actor = _describe(chunk, state.people)
    if actor is not None:
        state.b.mention(chunk, actor, "description", form=chunk.text.removeprefix("the ").removeprefix("The "))


def _add_state_body(b: Builder, chunk: Span) -> bool:
    """ "the Syrian government" stands for Syria; False when no country is named."""
    root = chunk.root
    chunk = _after_punct(chunk)
    country = _nationality(t for t in chunk if t.i < root.i)
    if country is None:
        return False
    form = "the " + chunk.text[4:] if chunk.text.startswith("The ") else chunk.text
    b.mention(chunk, b.actor("country", country, chunk.start_char), "description", form=form)
    return True


def _add_document(state: _Phrases, chunk: Span, definite: bool) -> None:
    """ "a draft resolution", then "the document" or "the draft" for the same one."""
    root = chunk.root
    lemma = root.lemma_.lower()
    mods = {t.lower_ for t in chunk}
    name = "the " + " ".join(
        t.lower_ for t in chunk if t.dep_ == "compound" or t == root or t.lower_ in _SEPARATE_DOC_MODIFIERS
    )
    last = state.last_document
    if (
        definite
        and not mods & _SEPARATE_DOC_MODIFIERS
        and last is not None
        and (lemma in {"document", "draft", "text", "proposal"} or lemma in last.key)
    ):
        document = last
    else:
        document = state.b.actor("document", name, chunk.start_char)
        if mods & _SEPARATE_DOC_MODIFIERS:
            document.separate = True
    state.b.mention(chunk, document, "document", form=name)
    if not document.separate:
        state.last_document = document


def party_member(run: Span) -> bool:
    """ "Arizona Republican", "New York Democrat": a place and a party member, which
    describes someone (a lawmaker named before), not a person's name."""
    *places, last = run
    lex = _lexicons()
    return (
        bool(places)
        and last.lower_ in _PARTY_MEMBERS
        and all(t.ent_type_ in {"GPE", "LOC"} or t.text in lex.countries for t in places)
    )


def add_party_member(b: Builder, run: Span) -> None:
    """ "The Arizona Republican said": the latest person named before with a
    matching party-state tag ("Sen. John McCain, R-Ariz."); nobody when none fits."""
    party, place = run[-1].text[0].upper(), run[:-1].text
    text = b.doc.text
    best: DraftActor | None = None
    for span, actor, _kind in b.mentions:
        if actor.kind != "person" or span.end_char > run.start_char:
            continue
        tag = _PARTY_TAG.match(text, span.end_char)
        if tag is not None and tag.group(1) == party and _abbreviates(tag.group(2), place):
            best = actor
    if best is not None:
        b.mention(run, best, "description")


def _abbreviates(short: str, place: str) -> bool:
    """ "Ariz." for Arizona, "N.Y." for New York, "Ky." for Kentucky, "Texas" for Texas."""
    letters = short.replace(".", "").replace(" ", "").lower()
    full = place.replace(" ", "").lower()
    initials = "".join(w[0] for w in place.split()).lower()
    if not letters or letters[0] != full[0]:
        return False
    rest = iter(full)
    return letters == initials or all(c in rest for c in letters)


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


_OTHER_RANK = frozenset({"vice", "deputy", "former", "assistant", "acting", "ex", "lieutenant", "under"})


def _describe(chunk: Span, people: list[DraftActor]) -> DraftActor | None:
    """The person a definite description refers to: the most recently introduced
    person whose title has the description's head word (and its nationality)."""
    lex = _lexicons()
    head = chunk.root.lower_
    words = {t.lower_ for t in chunk if _title_word(t) or t.lower_ in _OTHER_RANK}
    best: DraftActor | None = None
    for person in people:
        if person.first_seen >= chunk.start_char or not person.title:
            continue
        title_words = {lex.title_full.get(w.lower(), w.lower()) for w in person.title.split()}
        if (title_words & _OTHER_RANK) - words:
            continue  # "the president" is not Vice President Pence, nor the former one
        nationality = {w for w in words if w.capitalize() in lex.demonyms}
        if nationality and not nationality <= title_words:
            continue
        if head in title_words or len(words & title_words) >= 2:
            best = person if best is None or person.first_seen > best.first_seen else best
    return best


def _recent(b: Builder, before: int, kind: str, word: str) -> DraftActor | None:
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


