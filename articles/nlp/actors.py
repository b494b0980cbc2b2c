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

from spacy.tokens import Doc, Span, Token

from articles.nlp.actor_builder import Builder, DraftActor, RawName, speaks, subject_flags
from articles.nlp.actor_identity import merge_event_actors, same_actor
from articles.nlp.actor_phrases import add_noun_phrases, add_party_member, party_member, party_tag, state_of
from articles.nlp.cues import speech_cue_kind
from articles.nlp.mentions import JOINERS as _JOINERS
from articles.nlp.mentions import Mention, MentionKind, Mentions, is_dateline, name_runs
from articles.nlp.mentions import title_word as _title_word
from articles.nlp.names import actor_lexicons as _lexicons
from articles.nlp.names import actor_words, faction_word, given_name_gender, is_honorific, person_nouns
from articles.nlp.names import fold as _fold
from articles.nlp.names import given as _given
from articles.nlp.names import given_names_match as _given_names_match
from articles.nlp.names import suffix as _suffix
from articles.nlp.names import surname as _surname
from articles.nlp.types import ActorRef

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


def _classify_run(run: Span) -> list[RawName]:
    lex = _lexicons()
    text = run.text
    for table, label in (
        (lex.organizations, "organization"),
        (lex.countries, "country"),
        (lex.metonyms, "metonym"),
    ):
        if text in table:
            return [RawName(run, table[text], "", label)]
    toks = list(run)
    constituency = _name_of_place(run)
    if constituency is not None:
        return constituency
    k = _name_start(toks)
    has_head = any(t.lower_ in lex.title_heads for t in toks[:k])
    if has_head and k < len(toks):
        name_span = run[k:]
        if name_span.text in lex.organizations or name_span.text in lex.countries:
            return [RawName(name_span, name_span.text, "", "organization")]
        # "Chancellor of the Exchequer Rachel Reeves": the end of the office's name
        # is not a title word; NER still tells it from the person's name.
        first_person = next((t.i for t in name_span if t.ent_type_ == "PERSON"), name_span.start)
        if name_span.end - first_person >= 2 and all(t.ent_type_ == "PERSON" for t in run.doc[first_person:run.end]):
            k += first_person - name_span.start
            name_span = run[k:]
        return [RawName(name_span, name_span.text, run[:k].text, "person")]
    if has_head:
        return [RawName(run, run.text, run.text, "title")]
    from_somewhere = 0 < k < len(toks) and all(t.text in lex.demonyms for t in toks[:k])
    if from_somewhere and (toks[-1].ent_type_ == "PERSON" or given_name_gender(toks[k].text)):
        return [RawName(run[k:], run[k:].text, "", "person")]  # "Texan Rick Perry": where he is from
    head = toks[-1]
    low = head.lower_
    acronym = len(toks) == 1 and head.is_upper and len(head.text) > 1 and head.text.replace(".", "").isalpha()
    if acronym and _ROMAN.fullmatch(head.text):
        return []  # "Chapter VII"
    after_the = run.start > 0 and run.doc[run.start - 1].lower_ == "the"
    if len(toks) == 1 and text in lex.demonyms and not text.endswith("s") and after_the:
        return []  # "the Spaniard said": a person named before, described (speakers.py)
    if party_member(run):
        return [RawName(run, text, "", "party_member")]  # "the Arizona Republican said"
    faction = head.text.endswith("s") and faction_word(head.text) and not any(t.lower_ in _JOINERS for t in toks)
    if len(toks) >= 2 and faction:
        return [RawName(run, text, "", "group")]  # "House Democrats": a faction, not the House
    if low in _ORG_HEADS or acronym:
        return [RawName(run, text.removeprefix("the "), "", "organization")]
    label = head.ent_type_
    if label == "PERSON" or (label in {"", "ORG", "NORP"} and (_speaking_name(run) or _named_role(run))):
        return [RawName(run, text, "", "person")]
    if label == "NORP" and (head.tag_ in {"NNPS", "NNS"} or head.text.endswith("s")) and len(toks) == 1:
        return [RawName(run, text, "", "group")]
    if label == "ORG":
        return [RawName(run, text, "", "organization?")]
    return [RawName(run, text, "", "unknown")]


def _name_start(toks: list[Token]) -> int:
    """Where the name begins in a run: after an honorific ("Mr. King" even though
    "king" is a title), else from the right up to a title word, nationality or "of"."""
    honorific = max((i for i, t in enumerate(toks) if is_honorific(t.text)), default=None)
    if honorific is not None and honorific < len(toks) - 1:
        return honorific + 1
    k = len(toks)
    if k >= 2 and toks[-1].ent_type_ == toks[-2].ent_type_ == "PERSON" and not _title_word(toks[-2]):
        k -= 1  # "Representative Peter T. King", "Stephen King": a surname that is also a title
    while k > 0:
        tok = toks[k - 1]
        if _title_word(tok) or tok.lower_ in _JOINERS:
            break
        k -= 1
    return k


def _name_of_place(run: Span) -> list[RawName] | None:
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
    return [RawName(name, name.text, run.doc[run.start : last_title + 1].text, "person"), *place]


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


# --- the article ------------------------------------------------------------


def find_actors(doc: Doc) -> tuple[list[ActorRef], Mentions]:
    """Actors of one article, in order of first mention, and all their mentions."""
    b = Builder(doc)
    raws = _raw_names(doc)
    people = _People()
    pending = _add_people(b, raws, people)
    descriptions = _add_names(b, pending, people)
    for person in people.all:
        b.actors[("person", person.name.lower())] = person
    _merge_acronyms(b)
    add_noun_phrases(doc, b, people.all, descriptions)
    return _results(doc, b)


def _raw_names(doc: Doc) -> list[RawName]:
    raws: list[RawName] = []
    for run in name_runs(doc):
        if not is_dateline(run) and not party_tag(run):
            raws.extend(_classify_run(run))
    # "Mikel Arteta was full of praise … Arteta said": a run of two or three plain
    # words ending in a surname that speaks elsewhere is a person, whatever NER says.
    speaking = {_fold(r.span.text) for r in raws if len(r.span) == 1 and speaks(r.span.root)}
    for raw in raws:
        if raw.label in {"unknown", "organization?"} and _surname(raw.name) in speaking and _plain_name(raw.span):
            raw.label = "person"
    return raws


class _People:
    """People of one article clustered by surname and given name."""

    def __init__(self) -> None:
        self.all: list[DraftActor] = []
        self.by_surname: dict[str, list[DraftActor]] = {}
        self.last_seen: dict[int, int] = {}  # id(actor) -> offset of its latest mention

    def find(self, name: str, at: int, create: bool, title: str = "") -> DraftActor | None:
        sur, given = _surname(name), _given(name)
        gender = _gender_of_title(title) or given_name_gender(given)
        found = self._known(name, sur, given, title, gender)
        if found is not None:
            self.last_seen[id(found)] = at
            found.gender = found.gender or gender
            return found
        if len(name.split()) == 1 and len(sur) >= 3:
            # "Lula" for "Luiz Inacio Lula da Silva", "Lee" for "Lee Jae-myung",
            # "Holly" in a tabloid: a word of exactly one full name named before.
            owners = [p for p in self.all if len(p.name.split()) > 1 and sur in {_fold(w) for w in p.name.split()}]
            if len(owners) == 1:
                return owners[0]
        if not create:
            return None
        actor = DraftActor(kind="person", key=name, first_seen=at, gender=gender)
        self.all.append(actor)
        self.by_surname.setdefault(sur, []).append(actor)
        self.last_seen[id(actor)] = at
        return actor

    def _known(self, name: str, sur: str, given: str, title: str, gender: str) -> DraftActor | None:
        """A person already named that `name` may be: compatible given names, suffix
        ("Jackson Jr." is not the Rev. Jesse Jackson) and gender ("Melania Trump" is not
        the "Mr. Trump" before her; "Mrs. Clinton" is Hillary, not Bill); of several, the
        one with the same title ("Former Vice President Cheney"), else the one seen last."""
        tail = _suffix(name)
        fits = [
            c
            for c in self.by_surname.get(sur, [])
            if (not given or not _given(c.name) or _given_names_match(given, _given(c.name)))
            and (not tail or any(_suffix(n) == tail for n in c.names) or _suffix(c.key) == tail)
            and (not gender or not c.gender or gender == c.gender)
        ]
        if not fits:
            return None
        head = title.lower().split()[-1] if title else ""
        titled = [c for c in fits if head and head in c.title.lower().split()]
        return max(titled or fits, key=lambda c: self.last_seen.get(id(c), c.first_seen))


def _add_people(b: Builder, raws: list[RawName], people: _People) -> list[RawName]:
    """Titled or PERSON-tagged runs become people; the other runs are returned."""
    pending: list[RawName] = []
    for raw in raws:
        if raw.label != "person":
            pending.append(raw)
            continue
        title = raw.title or _left_title(raw.span)
        name, nickname = _without_nickname(raw.name)
        actor = people.find(name, raw.span.start_char, create=True, title=title)
        assert actor is not None
        if not actor.names:
            actor.guessed = len(raw.span) == 1 and not title
        elif title or len(raw.span) > 1:
            actor.guessed = False
        actor.names[name] += 1
        if nickname:
            actor.add_form(name)  # the name property picks among the forms
            actor.add_form(nickname)  # "Mo Cowan", as other outlets call William "Mo" Cowan
        if title and not actor.title:
            actor.title = title
        b.mention(raw.span, actor, "name")
        if title:
            actor.add_form(f"{title} {raw.name}")
    return pending


_NICKNAME = re.compile(r"\s*[\"“”'‘’`]+([^\"“”‘’`\s]+)[\"“”'‘’`]+\s*")


def _without_nickname(name: str) -> tuple[str, str]:
    """ 'William "Mo" Cowan' -> ("William Cowan", "Mo Cowan"); a name without one -> (name, "")."""
    m = _NICKNAME.search(name)
    if m is None:
        return name, ""
    plain = " ".join(_NICKNAME.sub(" ", name).split())
    return plain, f"{m.group(1)} {_surname_word(plain)}"


def _surname_word(name: str) -> str:
    return name.split()[-1] if name.split() else ""


def _add_names(b: Builder, pending: list[RawName], people: _People) -> list[RawName]:
    """Surnames of people named elsewhere, countries, organisations and groups;
    returns the bare titles ("the Foreign Minister"), which are descriptions."""
    descriptions: list[RawName] = []
    for raw in pending:
        span = raw.span
        if raw.label == "title":
            descriptions.append(raw)
            continue
        if raw.label == "party_member":
            add_party_member(b, span)
            continue
        # A bare surname (or any run ending with one) of a person named elsewhere.
        if raw.label in {"organization?", "unknown", "person"} or (raw.label == "group" and len(span) == 1):
            actor = people.find(raw.name, span.start_char, create=False)
            if actor is not None:
                actor.names[raw.name] += 1
                b.mention(span, actor, "name")
                continue
        _add_other(b, raw)
    return descriptions


def _add_other(b: Builder, raw: RawName) -> None:
    span = raw.span
    if raw.label in {"country", "metonym"}:
        kind: MentionKind = "name" if raw.label == "country" else "metonym"
        b.mention(span, b.actor("country", raw.name, span.start_char), kind)
    elif raw.label in {"organization", "organization?"}:
        country = state_of(span)
        if country is not None:
            b.mention(span, b.actor("country", country, span.start_char), "description")
            return
        org = b.actor("organization", raw.name.removeprefix("the "), span.start_char)
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


def _results(doc: Doc, b: Builder) -> tuple[list[ActorRef], Mentions]:
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
    mention_list = [_mention(doc, span, actor, kind) for span, actor, kind in b.mentions if id(actor) in keep]
    return [a.ref() for a in ordered], Mentions.build(mention_list)


def _mention(doc: Doc, span: Span, actor: DraftActor, kind: MentionKind) -> Mention:
    subject, main = subject_flags(span.root)
    root = span.root
    following = root.nbor(1) if root.i + 1 < len(doc) else None
    return Mention(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        actor=actor.name,
        kind=kind,
        token=root.i,
        subject=subject,
        main_clause=main,
        gender=(actor.gender or _gender_of_title(actor.title)) if actor.kind == "person" else "",
        possessive=root.dep_ == "poss" or (following is not None and following.dep_ == "case"),
    )


def _merge_acronyms(b: Builder) -> None:
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
