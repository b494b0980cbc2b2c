"""Who acts in an article: people, countries, organisations, groups, documents.

Entry points: `find_actors(doc)` for one article, `merge_event_actors` (with
`same_actor`) to identify the same actor across the articles of one event.

Names come from runs of capitalised tokens read off the parse and the word
lists in `lexicons/actor_*.csv`, not from NER labels alone (the small English
model tags "Lavrov" as an organisation): a run with a title in it is a person,
a run whose last word is the surname of a person already named is that person.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.mentions import Mention, MentionKind, Mentions, load_lexicon
from articles.nlp.quotes import speech_cue_kind
from articles.nlp.types import ActorKind, ActorRef

__all__ = ["Mentions", "find_actors", "merge_event_actors", "same_actor"]

_ROMAN = re.compile(r"[IVXLC]+")
_JOINERS = frozenset({"of", "for", "the", "and"})  # inside names only in limited places


def _words(cls: str) -> frozenset[str]:
    return frozenset(r["word"] for r in load_lexicon("actor_words.csv") if r["class"] == cls)


_ORG_HEADS = _words("org_head")
_PARTICLES = _words("name_particle")
_DOCUMENT_NOUNS = _words("document")
_SEPARATE_DOC_MODIFIERS = _words("other_document")
_STATE_BODIES = _words("state_body")
_ORG_DESCRIPTIONS = _words("org_description")
_GENERIC_ORG_WORDS = _words("generic_org")


@dataclass(frozen=True)
class _Lexicons:
    title_heads: frozenset[str]
    title_parts: frozenset[str]
    title_gender: dict[str, str]
    metonyms: dict[str, str]
    countries: dict[str, str]
    demonyms: dict[str, str]
    organizations: dict[str, str]


@functools.cache
def _lexicons() -> _Lexicons:
    titles = load_lexicon("actor_titles.csv")
    return _Lexicons(
        title_heads=frozenset(r["word"] for r in titles if r["role"] == "head"),
        title_parts=frozenset(r["word"] for r in titles if r["role"] == "part"),
        title_gender={r["word"]: r["gender"] for r in titles if r.get("gender")},
        metonyms={r["metonym"]: r["actor"] for r in load_lexicon("actor_metonyms.csv")},
        countries={r["variant"]: r["country"] for r in load_lexicon("actor_countries.csv")},
        demonyms={r["demonym"]: r["country"] for r in load_lexicon("actor_demonyms.csv")},
        organizations={r["variant"]: r["organization"] for r in load_lexicon("actor_organizations.csv")},
    )


def _fold(text: str) -> str:
    """Lower case without accents or possessive, for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip(" .'’-")


def _surname(name: str) -> str:
    last = _fold(name.split()[-1]) if name.split() else ""
    for prefix in ("al-", "el-", "ibn-", "bin-"):
        last = last.removeprefix(prefix)
    return last


def _given(name: str) -> str:
    parts = name.split()
    return _fold(parts[0]) if len(parts) > 1 else ""


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


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and (tok.text[0].isupper() or tok.text in {"U.S.", "U.K.", "U.N."})


def _shouting(tok: Token) -> bool:
    # Headlines in capitals ("LAVROV'S PERSPECTIVE") are not names to learn.
    return tok.is_alpha and tok.is_upper and len(tok.text) > 5


def _name_runs(doc: Doc) -> list[Span]:
    """Maximal runs of name-like tokens: proper nouns, capitalised titles and
    nationality words, with "of"/"for the" and name particles inside them."""
    lex = _lexicons()
    runs: list[Span] = []
    start: int | None = None
    n = len(doc)

    def joinable(tok: Token) -> bool:
        if not _is_cap(tok) or _shouting(tok):
            return False
        low = tok.lower_
        if tok.pos_ == "PROPN":
            return True
        return low in lex.title_heads or low in lex.title_parts or tok.text in lex.demonyms

    headed = False  # the run so far has a title or an organisation word
    for i in range(n + 1):
        tok = doc[i] if i < n else None
        ok = tok is not None and joinable(tok)
        if tok is not None and not ok and start is not None and i + 1 < n:
            prev = doc[i - 1]
            low = tok.lower_
            nxt = doc[i + 1]
            hyphen_then_name = (
                nxt.text == "-" and not tok.whitespace_ and not nxt.whitespace_ and i + 2 < n and joinable(doc[i + 2])
            )
            if (low in _PARTICLES and (joinable(nxt) or hyphen_then_name)) or (
                tok.text == "-" and not prev.whitespace_ and not tok.whitespace_ and joinable(nxt)
            ):
                ok = True
            elif low in {"of", "for"} and headed:
                after = doc[i + 2] if nxt.lower_ == "the" and i + 2 < n else nxt
                ok = joinable(after)
            elif low == "the" and prev.lower_ in {"of", "for"} and joinable(nxt):
                ok = True
        if ok and tok is not None:
            low = tok.lower_
            headed = headed or low in lex.title_heads or low in lex.title_parts or low in _ORG_HEADS
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            end = i
            while end > start and doc[end - 1].lower_ in _JOINERS | {"-"}:
                end -= 1
            if end > start:
                runs.append(doc[start:end])
            start = None
            headed = False
    return runs


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
    # From the right: name tokens until a title word, nationality or "of".
    k = len(toks)
    while k > 0:
        tok = toks[k - 1]
        low = tok.lower_
        if low in lex.title_heads or low in lex.title_parts or tok.text in lex.demonyms or low in _JOINERS:
            break
        k -= 1
    has_head = any(t.lower_ in lex.title_heads for t in toks[:k])
    if has_head and k < len(toks):
        name_span = run[k:]
        if name_span.text in lex.organizations or name_span.text in lex.countries:
            return [_Raw(name_span, name_span.text, "", "organization")]
        return [_Raw(name_span, name_span.text, run[:k].text, "person")]
    if has_head:
        return [_Raw(run, run.text, run.text, "title")]
    head = toks[-1]
    low = head.lower_
    acronym = len(toks) == 1 and head.is_upper and len(head.text) > 1 and head.text.replace(".", "").isalpha()
    if acronym and _ROMAN.fullmatch(head.text):
        return []  # "Chapter VII"
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


def _left_title(run: Span) -> str:
    """Lower-case titles right before a name: "foreign minister Sergei Lavrov"."""
    lex = _lexicons()
    doc = run.doc
    i = run.start
    while i > 0:
        tok = doc[i - 1]
        if tok.lower_ in lex.title_heads or tok.lower_ in lex.title_parts or tok.text in lex.demonyms:
            i -= 1
        else:
            break
    if i < run.start and any(t.lower_ in lex.title_heads for t in doc[i : run.start]):
        return doc[i : run.start].text
    return ""


def _subject_flags(tok: Token) -> tuple[bool, bool]:
    if tok.dep_ in {"nsubj", "nsubjpass"}:
        verb = tok.head
        main = verb.dep_ in {"ROOT", "conj"} or verb.head == verb
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


def find_actors(doc: Doc) -> tuple[list[ActorRef], Mentions]:
    """Actors of one article, in order of first mention, and all their mentions."""
    b = _Builder(doc)
    raws: list[_Raw] = []
    for run in _name_runs(doc):
        raws.extend(_classify_run(run))

    # People: titled or PERSON-tagged runs, clustered by surname and given name.
    people: list[_Actor] = []
    by_surname: dict[str, list[_Actor]] = {}

    def person_for(name: str, at: int, create: bool) -> _Actor | None:
        sur, given = _surname(name), _given(name)
        for cand in reversed(by_surname.get(sur, [])):
            other = _given(cand.name)
            if not given or not other or _given_names_match(given, other):
                return cand
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
            name = raw.name
            if name.startswith("the "):
                name = name[4:]
            b.mention(span, b.actor("organization", name, span.start_char), "name")
        elif raw.label == "group":
            b.mention(span, b.actor("group", raw.name, span.start_char), "group")
    for person in people:
        b.actors[("person", person.name.lower())] = person

    _merge_acronyms(b)
    _add_noun_phrases(doc, b, people, descriptions)

    keep = {id(a) for a in b.actors.values() if a.kind != "document" or a.subject}
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
        if lemma in _STATE_BODIES and root.pos_ == "NOUN":
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
    words = {
        t.lower_ for t in chunk if t.lower_ in lex.title_heads or t.lower_ in lex.title_parts or t.text in lex.demonyms
    }
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
    cands = [a for a in b.actors.values() if a.kind == kind and a.first_seen < before]
    named = [a for a in cands if word in a.key.lower()]
    pool = named or (cands if word in _GENERIC_ORG_WORDS else [])
    return max(pool, key=lambda a: a.first_seen) if pool else None


def _given_names_match(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if len(a) <= 2 or len(b) <= 2:  # initials: "R." and "Rex"
        return a[0] == b[0]
    return a[0] == b[0] and difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


# --- the event ----------------------------------------------------------------


def same_actor(a: ActorRef, b: ActorRef) -> bool:
    """Whether two actors found in different articles are the same one.

    People: same surname and compatible given names ("Sergei"/"Sergey", "R."/"Rex",
    or one side without a given name). Others: same kind and a shared name or alias.
    """
    if a.kind != b.kind:
        return False
    if a.kind == "person":
        if _surname(a.name) != _surname(b.name):
            return False
        return _given_names_match(_given(a.name), _given(b.name))
    names_a = {_fold(n) for n in (a.name, *a.aliases)}
    names_b = {_fold(n) for n in (b.name, *b.aliases)}
    return _fold(a.name) in names_b or _fold(b.name) in names_a


def merge_event_actors(
    per_article: list[list[ActorRef]],
) -> list[tuple[ActorRef, list[tuple[int, str]]]]:
    """Group the actors of all articles of one event into event actors.

    Returns one `(event_actor, members)` pair per event actor, in order of first
    appearance, where `members` lists `(article_index, local ActorRef.name)`.
    The event actor's name is the local name used by most articles (ties: the
    longest, then the first seen); aliases collect every other form.
    """
    groups: list[list[tuple[int, ActorRef]]] = []
    for index, actors in enumerate(per_article):
        for actor in actors:
            for group in groups:
                if any(same_actor(actor, other) for _, other in group):
                    group.append((index, actor))
                    break
            else:
                groups.append([(index, actor)])
    merged: list[tuple[ActorRef, list[tuple[int, str]]]] = []
    for group in groups:
        counts = Counter(actor.name for _, actor in group)
        order = [actor.name for _, actor in group]
        name = max(counts, key=lambda n: (counts[n], len(n.split()), len(n), -order.index(n)))
        forms: list[str] = []
        titles: Counter[str] = Counter()
        for _, actor in group:
            for form in (actor.name, *actor.aliases):
                if form != name and form not in forms:
                    forms.append(form)
            if actor.title:
                titles[actor.title] += 1
        title = titles.most_common(1)[0][0] if titles else ""
        event_actor = ActorRef(name=name, kind=group[0][1].kind, aliases=tuple(forms), title=title)
        merged.append((event_actor, [(index, actor.name) for index, actor in group]))
    return merged
