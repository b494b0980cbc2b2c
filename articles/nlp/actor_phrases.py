"""Noun phrases that refer to actors without naming them.

`add_noun_phrases` adds to an article's actors (actors.py builds them) the
descriptions that point back to someone named ("the Russian foreign secretary",
"the company"), state bodies that stand for a country ("the Syrian government")
and documents that speak ("a draft resolution", "the document"); `state_of`
reads the country a state body belongs to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from articles.nlp.mentions import actor_lexicons as _lexicons
from articles.nlp.mentions import actor_words as _words
from articles.nlp.mentions import title_word as _title_word

if TYPE_CHECKING:
    from articles.nlp.actors import _Actor, _Builder, _Raw

_DOCUMENT_NOUNS = _words("document")
_SEPARATE_DOC_MODIFIERS = _words("other_document")
_STATE_BODIES = _words("state_body")
_ORG_DESCRIPTIONS = _words("org_description")
_GENERIC_ORG_WORDS = _words("generic_org")


def state_of(span: Span) -> str | None:
    """The country a state body stands for: "Ukraine’s Foreign Ministry",
    "the Russian Defence Ministry" (the state speaks, as with "the Syrian government")."""
    if span.root.lemma_.lower() not in _STATE_BODIES:
        return None
    doc = span.doc
    before = [doc[span.start - 2]] if span.start >= 2 and doc[span.start - 1].dep_ == "case" else []
    return _nationality([*before, *span[:-1]])


def add_noun_phrases(doc: Doc, b: _Builder, people: list[_Actor], titles: list[_Raw]) -> None:
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


