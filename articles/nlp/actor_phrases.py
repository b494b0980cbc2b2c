"""Noun phrases that refer to actors without naming them.

`add_noun_phrases` adds to an article's actors (actors.py builds them) the
descriptions that point back to someone named ("the Russian foreign secretary",
"the company"), state bodies that stand for a country ("the Syrian government")
and documents that speak ("a draft resolution", "the document"); `state_of`
reads the country a state body belongs to; `party_member` and `add_party_member`
read "the Arizona Republican" as the lawmaker tagged "R-Ariz." before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from articles.nlp.actor_builder import Builder, DraftActor, RawName
from articles.nlp.doc_text import text_of
from articles.nlp.mentions import title_word as _title_word
from articles.nlp.names import OTHER_RANK, load_lexicon
from articles.nlp.names import actor_lexicons as _lexicons
from articles.nlp.names import actor_words as _words
from articles.nlp.sources import actor_source_type

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
        elif lemma in _ORG_DESCRIPTIONS and definite and root.tag_ not in {"NNS", "NNPS"}:
            # (plural "the groups", "the companies" are several, none of them in particular)
            org = _recent(b, chunk.start_char, "organization", lemma)
            if lemma == "party" and len(chunk) == 2:  # "the party", not "the magazine's party"
                org = _latest_party(b, chunk.start_char, org)
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
        actor = _describe(chunk, state.people, state.b)
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
    name = _document_name(chunk)
    last = state.last_document
    # "The Monmouth poll" after "the polls" is another text, and so is "the poll"
    # after "the state polls": its own name words, or one against many.
    own_name = any(t.dep_ == "compound" for t in chunk) and name != (last.key if last else "")
    other_number = last is not None and (root.tag_ == "NNS") != last.key.endswith("s")
    if (
        definite
        and not mods & _SEPARATE_DOC_MODIFIERS
        and last is not None
        and not (own_name or other_number)
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


def _document_name(chunk: Span) -> str:
    """ "a new Monmouth University poll" -> "the Monmouth University poll", "the
    previous draft" -> "the previous draft": the words that tell this text from
    others (names as written, a hyphenated word whole: "the 50-state poll")."""
    words: list[list[Token]] = []
    for t in chunk:
        if words and not t.doc[t.i - 1].whitespace_:
            words[-1].append(t)
        else:
            words.append([t])
    kept = [
        "".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in word)
        for word in words
        if any(t.dep_ == "compound" or t == chunk.root or t.lower_ in _SEPARATE_DOC_MODIFIERS for t in word)
    ]
    return "the " + " ".join(kept)


def party_tag(run: Span) -> bool:
    """ "R-S.C." in "Rep. Trey Gowdy, R-S.C.," or "(D-N.Y.)": a lawmaker's party and
    state, never an actor of its own."""
    doc = run.doc
    before = doc[run.start - 1].text if run.start > 0 else ""
    return before in {",", "("} and _PARTY_TAG.fullmatch(", " + run.text) is not None


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
    text = text_of(b.doc)
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


def _describe(chunk: Span, people: list[DraftActor], b: Builder) -> DraftActor | None:
    """The person a definite description refers to: the most recently introduced
    person whose title has the description's head word (and its nationality). A
    place in it ("the Florida senator") picks the one the article ties to that
    place; if it ties nobody, only a lone holder of the title can be meant."""
    lex = _lexicons()
    head = chunk.root.lower_
    words = {t.lower_ for t in chunk if _title_word(t) or t.lower_ in OTHER_RANK}
    places = [t.text for t in chunk if t.pos_ == "PROPN" and not _title_word(t) and t.i < chunk.root.i]
    fits: list[DraftActor] = []
    for person in people:
        if person.first_seen >= chunk.start_char or not person.title:
            continue
        title_words = {lex.title_full.get(w.lower(), w.lower()) for w in person.title.split()}
        if (title_words & OTHER_RANK) - words:
            continue  # "the president" is not Vice President Pence, nor the former one
        nationality = {w for w in words if w.capitalize() in lex.demonyms}
        if nationality and not nationality <= title_words:
            continue
        if head in title_words or len(words & title_words) >= 2:
            fits.append(person)
    if places:
        placed = [p for p in fits if _placed(b, p, places, chunk.start_char)]
        fits = placed or (fits if len(fits) == 1 else [])
    return max(fits, key=lambda p: p.first_seen, default=None)


def _placed(b: Builder, person: DraftActor, places: list[str], before: int) -> bool:
    """Whether the article ties `person` to every place word of a description
    ("the Vermont senator"): in a title or form ("Vermont Sen. Bernie Sanders"),
    else right after one of the person's mentions ("Sanders, of Vermont,",
    "Sen. Marco Rubio (R-Fla.)")."""
    known = " ".join([person.title, *person.forms])
    if all(place in known for place in places):
        return True
    text = text_of(b.doc)
    spans = [span for span, actor, _ in b.mentions if actor is person and span.start_char < before]
    # what follows the mention in its sentence ("Rubio, R-Fla., said"; "(R-Fla.) and")
    after = " ".join(re.split(r"[.!?]\s", text[span.end_char : span.end_char + 30])[0] for span in spans)
    return all(any(re.search(rf"\b{re.escape(form)}(?!\w)", after) for form in _state_forms(place)) for place in places)


@functools.cache
def _state_forms(place: str) -> tuple[str, ...]:
    """ "Florida" -> ("Florida", "Fla.", "FL"): how news writes a state after a name."""
    for row in load_lexicon("us_states.csv"):
        if row["state"] == place:
            return (place, row["ap"], row["postal"])
    return (place,)


def _recent(b: Builder, before: int, kind: str, word: str) -> DraftActor | None:
    last_seen = _last_mentions(b, before)
    cands = [
        a
        for a in b.actors.values()
        if a.kind == kind and a.first_seen < before and (a.active or not a.guessed) and _describable(a)
    ]
    named = [a for a in cands if word in a.key.lower()]
    acting = [a for a in cands if a.subject]
    if named:
        pool = named
    elif word in _GENERIC_ORG_WORDS:
        pool = acting or cands or [a for a in b.actors.values() if a.weak and a.first_seen < before]
        # "the company", "the group" is not the outlet that reports, a place or a party
        pool = [a for a in pool if _describable(a) and actor_source_type(a.kind, a.key) != "media"]
    else:
        # "The World Health Organization said … The agency said": a specific noun
        # goes back to an organisation that acts only when there is just one.
        pool = acting if len(acting) == 1 else []
    return max(pool, key=lambda a: last_seen.get(id(a), a.first_seen)) if pool else None


def _latest_party(b: Builder, before: int, org: DraftActor | None) -> DraftActor | None:
    """ "the minds of many Democrats, and the party is calling for …": "the party" is
    the party of the members named last ("Democrats"), when they come after the
    organisation `org` found for it."""
    last_seen = _last_mentions(b, before)
    members = [
        a
        for a in b.actors.values()
        if a.kind == "group" and id(a) in last_seen and a.key.lower().removesuffix("s") in _PARTY_MEMBERS
    ]
    latest = max(members, key=lambda a: last_seen[id(a)], default=None)
    if latest is None or (org is not None and last_seen.get(id(org), org.first_seen) > last_seen[id(latest)]):
        return org
    between = b.doc.char_span(last_seen[id(latest)], before, alignment_mode="expand")
    if between is not None and any(t.lemma_ == "party" and any(c.dep_ == "poss" for c in t.children) for t in between):
        return org  # "the Gazette's party … the party ran late": that party, not the Democrats
    return latest


def _last_mentions(b: Builder, before: int) -> dict[int, int]:
    """id(actor) -> where it was last mentioned before `before`: a description
    refers to the organisation the reader last read about."""
    seen: dict[int, int] = {}
    for span, actor, _ in b.mentions:
        if span.start_char < before:
            seen[id(actor)] = max(seen.get(id(actor), -1), span.start_char)
    return seen


def _describable(actor: DraftActor) -> bool:
    """Whether "the company" may refer to `actor`: not a country or US state taken
    for an organisation ("Florida") nor a scrap of a name ("Fla.", "D")."""
    key = actor.key.replace(".", "")
    if len(key) < 2 or (actor.key.endswith(".") and not key.isupper()):
        return False
    return actor.key not in _lexicons().countries and _state_forms(actor.key)[1:] == ()
