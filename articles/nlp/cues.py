"""The grammar of a speech cue: which tokens report speech, whose speech, and
what they report.

`speech_cue_kind(tok)` says whether a token is a cue ("said", "according to",
"was insistent", "accused … of"); `speaker_mention` finds the words for who
speaks, `content_range` the reported content, `cue_span` the cue's own words;
`noun_cue` reads a noun of speech with its owner ("his claim that …").
The cue words come from lexicons/speech_cues.csv and reporting_verbs.csv, the
nouns from speech_nouns.csv.
quotes.py uses these for both of its passes; actors.py uses `speech_cue_kind`
to tell a speaking name from a place.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from articles.nlp.doc_text import text_of
from articles.nlp.names import actor_lexicons, actor_words, institution_nouns, load_lexicon, person_nouns
from articles.nlp.quote_marks import dateline_end
from articles.nlp.sources import source_type_of

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acomp", "oprd"})
_QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’", "'", "''"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "dative", "oprd", "ccomp", "xcomp", "acomp", "attr"})
_CIRCUMSTANCE_PREPS = frozenset(
    {"during", "at", "after", "before", "since", "in", "on", "with", "amid", "throughout", "without"}
)
# whom a speaker addresses: "praised the plan to reporters"
_AUDIENCES = frozenset({"reporter", "journalist", "audience", "crowd", "supporter", "voter", "press", "lawmaker"})
_QUESTION_WORDS = frozenset({"how", "whether", "why", "what", "when", "where", "who", "whom", "which", "if"})
# cues that give an account: "explained how he built the business" reports the how
_ACCOUNTS = frozenset({"explain", "describe", "detail", "recall", "outline"})
_TALK = frozenset({"talk", "speak"})
# verbs of speaking whose "about"/"on" object is what was spoken of, a topic PolNeAR marks as
# reported content ("spoke about the budget deal", "commented on the ruling"); "on" only
# where it cannot be the medium ("wrote on Facebook")
_TOPIC_VERBS = {
    "about": frozenset({"talk", "speak", "testify", "complain", "boast", "brag", "joke", "muse", "comment",
                        "write", "tweet", "post", "opine", "rail", "lecture", "remark", "rant", "gripe",
                        "reminisce", "fret"}),
    "on": frozenset({"speak", "testify", "comment", "opine", "remark", "lecture", "elaborate", "weigh"}),
    "over": frozenset({"complain", "fret", "rail", "gripe"}),
}
# "spoke on condition of anonymity", "on camera", "on CNBC", "on behalf of": how or where, not what
_NOT_TOPICS = frozenset({"condition", "behalf", "camera", "record", "phone", "air", "television", "tv", "radio",
                         "show", "program", "stage", "floor", "panel", "call", "line", "trail", "tour", "podium",
                         "platform", "basis", "terms", "background", "occasion", "way"})
_PROMISSIVE = frozenset(
    {"vow", "pledge", "promise", "threaten", "refuse", "decline", "swear", "urge", "warn", "tell"}
)
# "refused to say whether …", "declined to comment on the audit": a refusal to speak reports what was
# withheld (PolNeAR); a bare "declined to comment" names nothing and stays no quote
_REFUSALS = frozenset({"decline", "refuse"})
_WITHHELD = frozenset(
    {"comment", "say", "discuss", "elaborate", "speculate", "respond", "answer", "address", "specify", "confirm",
     "name", "reveal", "disclose", "detail", "speak", "explain", "identify"}
)


# --- lexicon ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    clause: frozenset[str]
    object: frozenset[str]
    adjective: frozenset[str]
    particles: dict[str, frozenset[str]]  # "point" -> {"out"}: the particle is required
    predicate: frozenset[str]  # object cues that need what is said of the object ("as …", "of …")
    verdicts: frozenset[str]  # predicate cues of an attacking stance: a bare thing they condemn is content
    denials: frozenset[str]  # "reject", "play down": their object is someone else's claim
    stance: frozenset[str]  # object cues of a person's or a body's stance ("endorsed Cruz")
    belief: frozenset[str]  # clause cues of belief ("thinks that …")
    finding: frozenset[str]  # cues only with a text as the subject ("the poll shows …")


@functools.cache
def _cues() -> _Cues:
    """Cue words: the stance lexicon's terms (reporting_verbs.csv, if present)
    plus the frames of speech_cues.csv, which also lists words to leave out."""
    frames: dict[str, str] = {r["cue"]: r["frame"] for r in load_lexicon("speech_cues.csv")}
    verbs = load_lexicon("reporting_verbs.csv")
    for term in (r["term"] for r in verbs if r.get("term")):
        frames.setdefault(term, "clause")
    clause: set[str] = set()
    obj: set[str] = set()
    adjective: set[str] = set()
    particles: dict[str, set[str]] = {}
    for cue, frame in frames.items():
        words = cue.split()
        if frame == "exclude" or words[0] == "go" or len(words) > 2:
            continue  # "go on to say" is "say" under "go"; "make it clear" is special-cased
        if len(words) == 2:
            particles.setdefault(words[0], set()).add(words[1])
            target = obj if frame in {"object", "predicate"} else clause
            target.add(words[0] + "+")
            continue
        if frame != "finding":
            {"object": obj, "predicate": obj, "stance": obj, "adjective": adjective}.get(frame, clause).add(cue)
    return _Cues(
        clause=frozenset(clause),
        object=frozenset(obj),
        adjective=frozenset(adjective),
        particles={k: frozenset(v) for k, v in particles.items()},
        predicate=frozenset(cue for cue, frame in frames.items() if frame == "predicate"),
        verdicts=frozenset(
            r["term"] for r in verbs if r.get("stance") == "attacking" and frames.get(r["term"]) == "predicate"
        ),
        denials=frozenset(r["term"] for r in verbs if r.get("stance") == "denying"),
        stance=frozenset(cue for cue, frame in frames.items() if frame == "stance"),
        belief=frozenset(cue for cue, frame in frames.items() if frame == "belief"),
        finding=frozenset(cue for cue, frame in frames.items() if frame == "finding"),
    )


def is_stance(tok: Token) -> bool:
    """ "supported", "endorsed", "opposes": a stance only a person or a body takes."""
    return tok.lemma_.lower() in _cues().stance


def is_belief(tok: Token) -> bool:
    """ "thinks", "believes", "fears": what someone holds, not said aloud."""
    return tok.lemma_.lower() in _cues().belief


@functools.cache
def _agent_nouns() -> frozenset[str]:
    bodies = actor_words("org_head") | actor_words("state_body") | actor_words("org_description")
    # and the collective and unnamed sources ("attacked the opposition", "thanked the police")
    sources = {r["word"] for r in load_lexicon("source_words.csv") if r["type"] in {"group", "anonymous"}}
    return frozenset(person_nouns()) | bodies | sources | institution_nouns()


def is_agent(tok: Token) -> bool:
    """A person, a body or a country: someone, not something said."""
    entity = tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
    return tok.pos_ == "PRON" or entity or tok.lemma_.lower() in _agent_nouns()


def is_denial(tok: Token) -> bool:
    """ "rejected", "denied", "played down": a cue whose object is someone else's claim."""
    return bool(_lemma_with_particle(tok) & _cues().denials)


def _lemma_with_particle(tok: Token) -> set[str]:
    """ "play down" for "played down", plus the bare lemma."""
    lemma = tok.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in tok.children if c.dep_ in {"prt", "prep"})}


# --- cues -----------------------------------------------------------------------


def speech_cue_kind(tok: Token) -> str | None:
    """ "clause", "object", "adjective", "according" or None."""
    cues = _cues()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return "according"
    if tok.pos_ == "ADJ":
        return "adjective" if lemma in cues.adjective or low in cues.adjective else None
    if low in {"read", "reads"} and _document_subject(tok):
        # "“…,” the tweets read", "the statement reads: …": the text speaks (the
        # tagger often takes this "read" for a noun)
        return "clause"
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    if hearsay_passive(tok):
        return "clause"  # "is expected to …", "isn't expected to …", "is widely seen as …"
    if any(c.dep_ == "neg" for c in tok.children) or that_said(tok):
        return None
    if lemma in cues.finding and _document_subject(tok):
        # "a new poll shows that …", "the study found that …"; "a poll showing Trump ahead"
        return "object" if tok.dep_ == "acl" else "clause"
    if lemma in cues.stance and any(c.dep_ == "prt" for c in tok.children):
        return None  # "backing down", "backed up": not "backed the bill"
    if lemma in cues.particles:
        for child in tok.children:
            if child.dep_ in {"prt", "prep"} and child.lower_ in cues.particles[lemma]:
                return "object" if lemma + "+" in cues.object else "clause"
    if lemma == "make" and any(c.lemma_ == "clear" for c in tok.children):
        return "clause"
    if lemma in _REFUSALS and any(_withheld(c) for c in tok.children if c.i > tok.i):
        return "clause"
    if lemma in _TALK and _talks_about_how(tok):
        return "clause"  # "talked about how devastating it was"
    if _topics(tok):
        return "clause"
    if lemma == "put" and _as_clause(tok) and _put_it(tok) is not None:
        return "clause"  # "as Vulture put it, …"
    if lemma in cues.object or low in cues.object:
        return "object"
    if lemma in cues.clause or low in cues.clause:
        return "clause"
    return None


def _topics(tok: Token) -> list[Token]:
    """ "spoke about the year-end budget deal", "commented on the ruling": what a verb of
    speaking was about, when it reports no clause (not "said on Sunday that …")."""
    if any(c.dep_ == "ccomp" for c in tok.children):
        return []
    lemma = tok.lemma_.lower()
    return [
        o
        for prep in tok.children
        if prep.dep_ == "prep" and lemma in _TOPIC_VERBS.get(prep.lower_, ()) and not _temporal(prep)
        for o in prep.children
        if o.dep_ in {"pobj", "pcomp"} and o.pos_ != "PRON" and not _medium(prep, o)
    ]


def _medium(prep: Token, obj: Token) -> bool:
    """ "spoke on CNBC", "spoke on condition of anonymity": the way or the place of speaking."""
    return obj.lemma_.lower() in _NOT_TOPICS or (prep.lower_ == "on" and obj.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"})


def _withheld(verb: Token) -> bool:
    """ "to say whether …", "to comment on the audit": speaking withheld, with what it was about."""
    return verb.dep_ == "xcomp" and verb.lemma_ in _WITHHELD and any(
        c.dep_ in {"ccomp", "dobj", "prep", "xcomp", "advcl"} for c in verb.children
    )


def _put_it(tok: Token) -> Token | None:
    """The "it" of "as she put it": the way of saying, not something said."""
    return next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ == "it"), None)


def _talks_about_how(tok: Token) -> list[Token]:
    """ "spoke about how the consulate had been looted": an account, as "explained how"
    (not "talked about the weather", a topic)."""
    return [
        c
        for about in tok.children
        if about.dep_ == "prep" and about.lower_ == "about"
        for c in about.children
        if c.dep_ == "pcomp" and c.left_edge.lower_ in {"how", "why", "what"}
    ]


def that_said(tok: Token) -> bool:
    """ "That said, the plan …", "This said, …": a phrase meaning "even so", no one speaks."""
    doc = tok.doc
    before, after = (doc[tok.i - 1] if tok.i else None), (doc[tok.i + 1] if tok.i + 1 < len(doc) else None)
    return (
        tok.lower_ == "said" and before is not None and before.lower_ in {"that", "this"}
        and before.is_sent_start is True and after is not None and after.text == ","
    )


def _document_subject(verb: Token) -> bool:
    """ "the tweets read", "the letter reads", "a new poll showing …": a text as the verb's subject."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and source_type_of(verb.head.lemma_.lower()) == "document":
        return True
    return any(c.dep_ == "nsubj" and source_type_of(c.lemma_.lower()) == "document" for c in verb.children)


def cue_span(tok: Token, kind: str) -> tuple[int, int]:
    doc = tok.doc
    start, end = tok.idx, tok.idx + len(tok.text)
    if kind == "according":
        return start, doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
    if kind == "adjective" and tok.head.lemma_ == "be" and tok.head.i < tok.i:
        start = tok.head.idx
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child.text)
    if tok.i + 1 < len(doc) and called_for(tok, doc[tok.i + 1]):
        end = doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
    it = _put_it(tok) if tok.lemma_ == "put" and kind == "clause" else None
    if it is not None:
        end = it.idx + len(it.text)  # "as she put it"
    if tok.lemma_ == "make":
        clear = [c for c in tok.children if c.lemma_ == "clear"]
        if clear:
            end = clear[0].idx + len(clear[0].text)
    if tok.dep_ in {"xcomp", "advcl"} and tok.head.lemma_ in {"go", "continue"} and 0 < tok.i - tok.head.i <= 4:
        start = tok.head.idx  # "went on to say", "continues to remark"
    return start, end


def called_for(cue: Token, tok: Token) -> bool:
    """ "calling for a delay", "called on the agency to …": the preposition is part of the cue."""
    if cue.lemma_ != "call" or tok.lower_ not in {"for", "on"}:
        return False
    return (tok.dep_ == "prep" and tok.head == cue) or (tok.dep_ == "mark" and tok.head.head == cue)


def speaker_token(tok: Token) -> Token | None:
    """The subject that utters `tok`, climbing from participles and infinitives
    ("He rejected this, saying …", "went on to say", "in saying …")."""
    if _asked_passive(tok):
        return _agent(tok)
    cur = _actor_of_next_act(tok) or tok
    for _ in range(8):
        if cur is tok and cur.dep_ == "compound" and cur.tag_ == "VBG" and cur.head.dep_ == "dobj":
            # "took a swipe, warning supporters that …" misparsed with "warning" as
            # part of the noun "supporters": whoever took the swipe warns.
            cur = cur.head.head
            continue
        reported = cur is not tok and cur.dep_ == "ccomp" and speech_cue_kind(cur.head)
        if reported and tok.tag_ == "VBG" and not _person_subject(cur):
            # "Lavrov pledged that the gap isn't …, stating that …": the parser hangs
            # the participle on the reported clause; the one who pledged states.
            cur = cur.head
            continue
        if reported and tok.dep_ == "conj" and tok.head.i == cur.i and tok.tag_ == cur.head.tag_ != "VBG":
            # "Suu Kyi said it was too early …, but added, “…”": the parser hangs the second
            # cue on the reported clause; the one who said adds (the tense tells).
            cur = cur.head
            continue
        # The subject nearest the verb: "KYIV (AP) — Ukraine’s air force said" can
        # parse with the dateline as a second subject.
        for child in sorted(cur.children, key=lambda c: (c.dep_ != "nsubj" or c.i > cur.i, -c.i)):
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVES and cur.dep_ == "relcl":
                    return _issuer(cur.head)
                return _whose_antecedent(child) or _past_dateline(child)
            if child.dep_ == "nsubjpass":
                # "X was quoted in the Gazette as saying …": who is quoted says it
                return child if cur is not tok and cur.lemma_ == "quote" else _agent(cur)
            if child.dep_ == "expl":
                return None
        if cur.dep_ == "acl" and cur.head.pos_ in {"PROPN", "NOUN"}:
            # "a statement saying …" speaks; "a nurse accused of poisoning patients"
            # is the one the act is done to: only an agent ("by …") would speak.
            return _agent(cur) if cur.tag_ == "VBN" else _issuer(cur.head)
        if cur.dep_ in _CLIMB_DEPS and cur.head is not cur:
            cur = cur.head
            continue
        if cur is tok:
            run = _subject_after_quote(tok)
            return run[-1] if run is not None else _name_before(tok)
        return None
    return None


def _person_subject(verb: Token) -> bool:
    """ "The Times reports Cheney is weighing a run, saying …": a person who is the
    subject of the reported clause says the participle, not the one reporting."""
    return any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in {"he", "she"}) for c in verb.children)


def _issuer(noun: Token) -> Token:
    """ "X issued a statement saying …", "released an ad that accuses …": a careful
    reader credits X, who put the text out, not the text."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in actor_words("issue_verb"):
        return noun
    if source_type_of(noun.lemma_) != "document":
        return noun
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _RELATIVES:
        return noun
    return subject


def _name_before(tok: Token) -> Token | None:
    """ "In a statement, her adviser, Jake Sullivan, said: …" parsed with no subject:
    the name right before the verb (past an appositive's comma) says it."""
    if tok.dep_ != "ROOT" or tok.i < 2:
        return None
    prev = tok.doc[tok.i - 1]
    if prev.text == ",":
        prev = tok.doc[tok.i - 2]
    if prev.pos_ == "PROPN" and prev.ent_type_ in {"PERSON", "ORG"}:
        return prev
    return None


def _past_dateline(subject: Token) -> Token | None:
    """ "CLEVELAND, July 19 (UPI) — Former Attorney General Michael Mukasey told …" or
    "2:40 p.m.\n\nDonald Trump's campaign manager says …" can parse with the dateline's
    place or the time as the subject and the person in apposition to it: the person
    speaks, never a place of dateline or a time."""
    end = dateline_end(text_of(subject.doc)[:200])
    if subject.idx >= end and subject.ent_type_ not in {"TIME", "DATE"}:
        return subject
    person = next((t for t in subject.subtree if t.dep_ == "appos" and t.idx >= end and t.i > subject.i), None)
    return person or (subject if subject.idx >= end else None)  # "the 24-year-old said" is a person


def _whose_antecedent(subject: Token) -> Token | None:
    """ "Huckabee, whose book … came out in 2007, added: …" parsed with "book" as the
    subject of both verbs: the one whose book it is speaks, the name before "whose"."""
    whose = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is None or whose.i < 2:
        return None
    before = subject.doc[whose.i - 1]
    name = subject.doc[whose.i - 2] if before.text == "," else before
    return name if name.pos_ in {"PROPN", "NOUN"} else None


def _agent(verb: Token) -> Token | None:
    pobj = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
    return pobj[0] if pobj else None


_NOUN_PHRASE_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN"})
_CLOSING_MARKS = frozenset({"”", '"', "’", "'"})


def _subject_after_quote(tok: Token) -> Span | None:
    """ "“…,” the 37-year-old said": right after a closing quote the parser may hang
    "the 37-year-old" on the verb as modifiers and leave it no subject; the
    noun phrase between the closing mark and the verb is then the subject."""
    doc = tok.doc
    start = tok.i
    while start > 0 and tok.i - start < 6:
        prev = doc[start - 1]
        hyphen = prev.text == "-" and not prev.whitespace_
        if not (prev.pos_ in _NOUN_PHRASE_POS or prev.tag_ == "PRP$" or hyphen):
            break
        start -= 1
    if start == tok.i or start < 2:
        return None
    run = doc[start : tok.i]
    closes_quote = doc[start - 1].text in _CLOSING_MARKS and doc[start - 2].text in {",", "?", "!"}
    opens_phrase = run[0].pos_ in {"DET", "PROPN"} or run[0].tag_ == "PRP$"
    if not (closes_quote and opens_phrase and any(t.pos_ in {"NOUN", "PROPN", "ADJ"} for t in run)):
        return None
    return run


def _mention_range(head: Token) -> tuple[int, int]:
    """Offsets of the noun phrase headed by `head`, without relative clauses."""
    left = head.left_edge
    right = head
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ in {"flat", "compound", "appos"} or (child.dep_ == "prep" and child.lower_ in {"of", "for"}):
            right = child.right_edge
            clauses = [t for t in child.subtree if t.dep_ in {"relcl", "acl"}]
            if clauses:  # "Dr. Maria Lopez, a neurologist … who led the research"
                right = right.doc[min(t.left_edge.i for t in clauses) - 1]
                break
        elif child.dep_ == "prep" and child.lower_ in {"at", "from"} and _role_noun(head):
            right = child.right_edge  # "Analysts at Jefferies", "researchers from Oxford"
        else:
            break
    brackets = [t.i for t in left.doc[head.i + 1 : right.i + 1] if t.text == "("]
    if brackets:  # "Rep. Ro Khanna (D-Calif.)": the aside is not the name
        right = left.doc[brackets[0] - 1]
    if left.dep_ == "punct" or left.text in '“”"‘’':
        left = left.doc[left.i + 1]
    while right.i > head.i and (right.is_punct or right.text in '“”"‘’'):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _role_noun(tok: Token) -> bool:
    """A common noun for people in a role: "analysts", "a spokesperson", "researchers"."""
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in actor_lexicons().title_heads or lemma in person_nouns())


def noun_phrase(head: Token) -> tuple[int, int]:
    """Offsets of the noun phrase `head` heads, as a speaker mention ("a new Courier poll")."""
    return _mention_range(head)


def speaker_mention(tok: Token, kind: str) -> tuple[int, int] | None:
    if kind == "according":
        to = tok.doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        return _mention_range(pobj[0]) if pobj else None
    subject = speaker_token(tok)
    if subject is None:
        return None
    if subject.i == tok.i - 1 and subject.dep_ not in _SUBJECT_DEPS:
        run = _subject_after_quote(tok)
        if run is not None:
            return run.start_char, run.end_char
    return _mention_range(subject)


def content_range(tok: Token, kind: str) -> tuple[int, int] | None:
    """Token range [start, end) of what the cue reports, or None."""
    if kind == "according":
        return _according_content(tok)
    if hearsay_passive(tok):
        return _hearsay_content(tok)
    if kind == "clause" and tok.i + 1 < len(tok.doc):
        answer = tok.doc[tok.i + 1]
        if answer.lower_ in {"so", "yes"} and answer.head == tok and answer.dep_ in {"advmod", "intj", "dobj"}:
            return answer.i, answer.i + 1  # "said so", "thinks so", "said yes": what was said, in one word
    comps = _complements(tok, kind)
    if comps is None:
        return None
    if not comps and tok.dep_ == "parataxis":
        return _around_parenthetical(tok)
    if not comps and _as_clause(tok) and _says_nothing_itself(tok):
        return _around_as_clause(tok)
    denies = bool(_lemma_with_particle(tok) & _cues().denials)
    if not comps and kind in {"clause", "object"} and not denies:
        comps = _that_clause_after(tok)
    if not comps:
        return None
    bounds = _content_bounds(tok, comps)
    return (bounds[0], with_reason(tok, bounds[1])) if bounds is not None and bounds[0] > tok.i else bounds


# between what was said and its "because": "…, in part because …", "…, largely because …"
_REASON_GAP = frozenset({",", "in", "part", "partly", "largely", "mainly", "mostly", "only"})


def with_reason(tok: Token, end: int) -> int:
    """ "The agency said it left those trips out of its count because they were
    routine": the parser hangs the "because" clause on the cue, but right after the
    content it is the reason the speaker gave, part of what was reported (PolNeAR)."""
    doc = tok.doc
    for clause in tok.rights:
        if clause.dep_ != "advcl" or clause.i < end:
            continue
        mark = clause.left_edge
        gap = doc[end : mark.i]
        if mark.lower_ != "because" or mark.head != clause or not all(t.lower_ in _REASON_GAP for t in gap):
            continue
        if any(speech_cue_kind(t) and speaker_token(t) is not None for t in clause.subtree):
            return end  # "endorsed her because he worries that …": a second attribution, its own quote
        return _without_final_punct(doc, end, clause.right_edge.i + 1)
    return end


def _around_parenthetical(tok: Token) -> tuple[int, int] | None:
    """ "The talks failed, he said." reports what comes before; "Now, she said, the
    two sides rarely meet" the whole sentence around the aside (PolNeAR's reading:
    one content the attribution interrupts)."""
    head = tok.head
    start, end = head.left_edge.i, head.right_edge.i + 1
    doc = tok.doc
    end = _without_final_punct(doc, start, end)
    # the sentence's verb after the aside: what comes before is only its subject or
    # an opening phrase ("The thing he most needs, she said, is …"), however long
    if tok.right_edge.i + 1 < end and head.i > tok.i:
        return start, end
    return (start, tok.left_edge.i) if tok.left_edge.i - start >= 2 else None


def _as_clause(tok: Token) -> bool:
    """ "As Ryan has noted, …", "…, as she pointed out": the cue heads an "as" clause
    hung on the sentence's verb."""
    return tok.dep_ == "advcl" and tok.head.i != tok.i and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in tok.children
    )


_OWN_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "dative", "attr", "oprd", "acomp", "advcl"})


def _says_nothing_itself(tok: Token) -> bool:
    """No object or clause of its own ("as he said goodbye" is a moment, not an
    attribution), save the "it" of "as she put it"."""
    return not any(
        c.dep_ in _OWN_CONTENT_DEPS and not (tok.lemma_ == "put" and c == _put_it(tok)) for c in tok.children
    )


def _around_as_clause(tok: Token) -> tuple[int, int] | None:
    """ "As Ryan has noted, that is the textbook definition" reports the clause the
    "as" clause is hung on, before or after it."""
    head, doc = tok.head, tok.doc
    if tok.i < head.i:
        start, end = tok.right_edge.i + 1, head.right_edge.i + 1
    else:
        start, end = head.left_edge.i, tok.left_edge.i
    while start < end and doc[start].is_punct and doc[start].text not in "“\"‘'":
        start += 1
    end = _without_final_punct(doc, start, end)
    return (start, end) if end - start >= 3 else None


def _according_content(tok: Token) -> tuple[int, int]:
    """ "X did Y, according to Z" reports what comes before; "According to Z, X
    did Y" what comes after."""
    doc = tok.doc
    sent = tok.sent
    phrase_end = tok.i + 1
    for t in doc[tok.i + 1 : sent.end]:
        if t.head.i >= tok.i and t.i >= phrase_end and (t.head.i < phrase_end or t.head == doc[phrase_end - 1]):
            phrase_end = t.i + 1
        elif t.i > tok.i + 1:
            break
    phrase_end = max(phrase_end, doc[tok.i + 1].right_edge.i + 1)
    if tok.i - sent.start > 2 and _aside_between(doc, tok.i, phrase_end, sent.end):
        return sent.start, _without_final_punct(doc, sent.start, sent.end)
    if tok.i - sent.start > 2:
        return sent.start, tok.i
    return phrase_end, sent.end


def _aside_between(doc: Doc, start: int, end: int, sent_end: int) -> bool:
    """ "At the heart of it, according to officials, was a decision …": the phrase
    is set off by commas and the sentence goes on (its verb still to come); PolNeAR
    reads one content the attribution interrupts; not "X leads, according to a poll,
    while Y …", whose verb came first."""
    if start < 1 or doc[start - 1].text != "," or end >= sent_end or doc[end].text != ",":
        return False
    return end < doc[start].sent.root.i < sent_end


def _without_final_punct(doc: Doc, start: int, end: int) -> int:
    while end > start and doc[end - 1].is_punct:
        end -= 1
    return end


def _complements(tok: Token, kind: str) -> list[Token] | None:
    """The tokens heading what the cue reports; None when the cue reports nothing
    (a predicate cue with nothing said of its object, "called" with no name)."""
    heads = [tok, *(c for c in tok.children if c.lemma_ == "clear")] if tok.lemma_ == "make" else [tok]
    # ("made it clear that …" parses "it clear" as a clause of "made": the that-clause is
    # what was made clear)
    comps = [c for c in tok.children if c.dep_ == "ccomp" and c not in heads]
    comps += [c for h in heads[1:] for c in h.children if c.dep_ in {"ccomp", "advcl"} and c.i > h.i]
    comps += [
        c
        for c in tok.children
        if c.dep_ == "advcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
    ]
    # "reaffirmed Russia's view that …" reports the view; "rejected claims that …"
    # reports someone else's claim, which the speaker denies.
    denies = bool(_lemma_with_particle(tok) & _cues().denials)
    for child in [] if denies else tok.children:
        if child.dep_ == "dobj":
            comps += [
                c for c in child.children if c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children)
            ]
    if tok.lemma_.lower() in _TALK:
        comps += _talks_about_how(tok)
    comps += [t for t in _topics(tok) if t not in comps]
    if tok.lemma_ in _PROMISSIVE:
        comps += [c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i]
    if kind == "object":
        objects = _object_complements(tok, comps)
        if objects is None:
            return None
        comps = objects
    elif kind == "adjective":
        comps += _attitude_objects(tok)
    # "disclose how they test", "has not said whether": a question, not what was said.
    # ("which he says is …" is a relative clause around the cue, and stays.)
    if tok.lemma_ == "ask":
        # what was asked is reported, questions included ("asked whether …", "asked
        # about the plan", "asked donors to give"); whom, "tough questions" or "not to
        # be named" (a source's condition, not what they say) is not
        return [
            c
            for c in comps
            if (c.dep_ in {"ccomp", "xcomp"} and not any(g.dep_ == "neg" for g in c.children))
            or c.lower_ in {"about", "for"}
        ]
    return [
        c
        for c in comps
        if not (
            c.dep_ == "ccomp" and c.left_edge.i > tok.i and c.left_edge.lower_ in _QUESTION_WORDS
            and not _gives_account(tok) and not _conditional(c)
        )
        and not _bare_small_clause(c)
    ]


_ATTITUDE_PREPS = frozenset({"on", "about", "of", "with", "over", "to", "at"})
# "is certain to win", "a plan sure to anger allies": the writer's forecast about the
# subject, not an attitude the subject holds (as "certain that …", "willing to …" are)
_FORECAST_ADJECTIVES = frozenset({"certain", "sure"})


def _attitude_objects(adjective: Token) -> list[Token]:
    """What an attitude is held about: "critical of the deal", "worried about the
    economy", "open to a compromise", "furious at the ruling" (the preposition is the
    cue's, as PolNeAR marks it), "willing to compromise"."""
    objects = [
        o for c in adjective.children if c.dep_ == "prep" and c.lower_ in _ATTITUDE_PREPS
        for o in c.children if o.dep_ in {"pobj", "pcomp"}
    ]
    if adjective.lower_ in _FORECAST_ADJECTIVES:
        return objects
    return objects + [
        c for c in adjective.children
        if c.dep_ == "xcomp" and c.i > adjective.i and any(a.lower_ == "to" for a in c.children)
    ]


def _conditional(clause: Token) -> bool:
    """ "said if elected he would cut taxes": the "if" opens a condition inside what
    was said (not "would not say if he will run", a question)."""
    first = clause.left_edge
    return first.lower_ == "if" and first.head is not clause and first.head.dep_ == "advcl"


def _gives_account(tok: Token) -> bool:
    """ "explained how he built the business" tells the how; "ordered banks to
    explain how they set fees" (an infinitive) tells nothing yet."""
    return tok.lemma_.lower() in _ACCOUNTS and tok.tag_ != "VB"


def _cue_preposition(cue: Token, tok: Token) -> bool:
    """ "called for", "asked about", "referred to": a preposition that is part of the cue."""
    if called_for(cue, tok):
        return True
    lemma = cue.lemma_.lower()
    return tok.dep_ == "prep" and tok.head == cue and (
        (lemma == "ask" and tok.lower_ == "about") or tok.lower_ in _cues().particles.get(lemma, frozenset())
    )


def _bare_small_clause(verb: Token) -> bool:
    """ "rejected the governor's veto of a bill letting tenants sue …" misparsed as a
    clause "[veto …] sue": a bare infinitive with a subject, no "that", no auxiliary,
    is no statement, nor is a singular subject with a plural verb (what is said agrees:
    "said tenants could sue", "said the tenant sues")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"}]
    if not subjects or any(c.dep_ in {"aux", "auxpass", "mark"} for c in verb.children):
        return False
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and subjects[0].tag_ in {"NN", "NNP"})


def _object_complements(tok: Token, comps: list[Token]) -> list[Token] | None:
    comps = [
        c for c in tok.rights if c.dep_ in _OBJECT_DEPS and not (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS)
    ] or comps
    comps += _infinitive_after(tok, comps)
    if any(c.dep_ == "ccomp" for c in comps):
        # "warning colleagues in Washington that …": whom they warned is not what they said.
        comps = [c for c in comps if c.dep_ not in {"dobj", "dative"}]
    if _lemma_with_particle(tok) & _cues().predicate and not _says_something_of(tok, comps) \
            and not _verdict_on_something(tok, comps):
        return None
    if tok.lemma_ == "call" and not any(
        c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or c.lower_ in {"for", "on"} or _quoted_name(c) for c in comps
    ):
        return None
    return comps


def _infinitive_after(tok: Token, comps: list[Token]) -> list[Token]:
    """ "called for the secretary of state to release the transcripts": the parser hangs
    the infinitive on the cue; right after the object it is what the object is asked to do."""
    if not comps:
        return []
    last = max(c.right_edge.i for c in comps)
    return [
        c for c in tok.children
        if c.dep_ == "advcl" and c.left_edge.i == last + 1 and c.left_edge.lower_ == "to" and c.left_edge.head == c
    ]


def object_end(verb: Token, start: int, end: int) -> int:
    """Where an object [start, end) of `verb` ends once the phrases the parser hung on the
    verb right after it are put back: "praised the efforts of a donor [to the senator]
    [to attack his rival]", "applauded messages of empowerment [from women like …]"."""
    doc = verb.doc
    obj = doc[start:end].root
    if obj.dep_ != "dobj" or obj.head != verb:
        return end
    while end < len(doc) and not doc[end].is_punct:
        after = next((c for c in verb.rights if c.left_edge.i == end), None)
        if after is None or not _modifies_object(after):
            return end
        end = after.right_edge.i + 1
    return end


def _modifies_object(phrase: Token) -> bool:
    """A phrase after the object that is the object's, not the saying's: no circumstance
    ("in Iowa", "on Friday"), no audience ("to reporters", "to them"); "a donor to the
    senator" is the object's."""
    if phrase.dep_ in {"advcl", "xcomp"}:
        return phrase.left_edge.lower_ == "to" and phrase.left_edge.head == phrase
    if phrase.dep_ not in {"prep", "dative"} or phrase.lower_ in _CIRCUMSTANCE_PREPS or _temporal(phrase):
        return False
    objects = [c for c in phrase.children if c.dep_ in {"pobj", "pcomp"}]
    if not objects:
        return False
    audience = objects[0].pos_ == "PRON" or objects[0].lemma_.lower() in _AUDIENCES
    return not (phrase.lower_ == "to" and audience)


def _quoted_name(obj: Token) -> bool:
    """ "called anti-Trump protesters “illegals”" parsed as one object: the quoted
    words at its end are what the object was called."""
    return obj.dep_ == "dobj" and obj.doc[obj.i - 1].text in {"“", '"'} and obj.left_edge.i < obj.i - 1


def _content_bounds(tok: Token, comps: list[Token]) -> tuple[int, int] | None:
    doc = tok.doc
    start = min(c.left_edge.i for c in comps)
    end = min(max(c.right_edge.i for c in comps) + 1, _speakers_next_act(tok, comps))
    if start <= tok.i < end:  # "which he says is …": keep what follows the cue
        start = tok.i + 1
    if start == tok.i + 1 and _cue_preposition(tok, doc[start]):
        start += 1  # "called for a delay", "asked about the emails": the preposition is the cue's (PolNeAR's)
    if doc[start].dep_ == "prep" and start < tok.i + 4 and _temporal(doc[start]):
        start = doc[start].right_edge.i + 1  # "said on Friday it would …": the date is the saying's
    while start < end and (
        (doc[start].dep_ in {"mark", "det"} and doc[start].lower_ == "that")
        or (doc[start].is_punct and doc[start].text not in "“\"‘'")
    ):
        start += 1
    opened = sum(t.text == "“" for t in doc[start:end]) - sum(t.text == "”" for t in doc[start:end])
    close = end + 1 if end + 1 < len(doc) and doc[end].text in {",", "."} else end
    if opened > 0 and close < len(doc) and doc[close].text == "”":
        end = close + 1  # 'called him “a disgrace”': the closing mark the parser hung elsewhere
    one_name = end - start == 1 and doc[start].pos_ == "PROPN" and is_stance(tok)  # "endorsed Cruz"
    return (start, end) if end - start >= 2 or one_name else None


def _speakers_next_act(tok: Token, comps: list[Token]) -> int:
    """Where the content ends before the speaker's next act: "forecast that the economy
    would rebound and praised Kerry's efforts" parsed with "praised" joined to "rebound"
    (no subject of its own, the cue's tense, joined to a verb of another form) is what
    the forecaster did next, not part of the forecast."""
    return min((act for comp in comps for act in _next_acts(tok, comp)), default=len(tok.doc))


def next_act(tok: Token, start: int, end: int) -> int:
    """`end`, or where the speaker's next act begins inside tokens [start, end)."""
    heads = [t for t in tok.doc[start:end] if t.head == tok]
    return min(end, _speakers_next_act(tok, heads))


def _next_acts(tok: Token, comp: Token) -> Iterator[int]:
    if tok.tag_ not in {"VBD", "VBZ"} or comp.dep_ not in {"ccomp", "xcomp"}:
        return
    for conj in comp.subtree:
        verb = conj.head
        if conj.dep_ != "conj" or conj.tag_ != tok.tag_ or verb.pos_ not in {"VERB", "AUX"}:
            continue
        if _has_subject(conj) and not _speaker_again(tok, conj):
            continue
        if _other_form(verb, conj) and conj.doc[conj.i - 1].text not in _QUOTE_MARKS:
            # (a quoted conjunct, 'and “drowned at sea”', is the speaker's words)
            joins = [c.i for c in verb.children if c.dep_ in {"cc", "punct"} and verb.i < c.i < conj.i]
            yield max(joins, default=conj.left_edge.i)


def _speaker_again(tok: Token, conj: Token) -> bool:
    """ "Santorum said the real extremist is Clinton, and he railed against …": the
    pronoun that names the speaker again starts the speaker's next act."""
    subject = next((c for c in conj.children if c.dep_ == "nsubj"), None)
    speaker = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or speaker is None or subject.lower_ not in {"he", "she"}:
        return False
    if any(c.dep_ == "mark" for c in conj.children):
        return False  # "said his words were twisted and that he was …": a second thing said
    return speaker.lower_ == subject.lower_ or speaker.ent_type_ == "PERSON"


def _actor_of_next_act(tok: Token) -> Token | None:
    """The reporting verb whose subject acts next in "forecast that the economy would
    rebound and praised …" (see `_speakers_next_act`): "praised" is the forecaster's."""
    if tok.tag_ not in {"VBD", "VBZ"} or tok.dep_ != "conj" or _has_subject(tok) or not _other_form(tok.head, tok):
        return None
    below, actor = tok.head, None
    for verb in tok.head.ancestors:  # the outermost reporter: "Farage said the warning was … and accused …"
        if below.dep_ not in {"ccomp", "xcomp", "conj"}:
            break
        if below.dep_ in {"ccomp", "xcomp"} and verb.tag_ == tok.tag_ and _has_subject(verb):
            actor = verb
        below = verb
    return actor


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "expl" for c in verb.children)


def _other_form(content_verb: Token, conj: Token) -> bool:
    """ "would rebound … and praised", "to coalesce … and tried": the content's verb is
    not in the tense of the act joined to it (or leans on an auxiliary)."""
    auxiliaries = [c for c in content_verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lemma_ == "have" for a in auxiliaries):
        return False  # "had logged 6,300 hours and had no affiliations": one past, still reported
    # (a past participle with no auxiliary is the tagger's reading of a simple past)
    tag = "VBD" if content_verb.tag_ == "VBN" and not auxiliaries else content_verb.tag_
    return tag != conj.tag_ or bool(auxiliaries)


_PREDICATE_DEPS = frozenset({"ccomp", "xcomp", "oprd", "acomp"})


def _says_something_of(tok: Token, comps: list[Token]) -> bool:
    """ "accused Russia of complicity", "described the plan as reckless",
    "criticised the council over delays", "denied that …": content. A bare object
    ("denied the charges", "condemned the attack") names what the speaker
    reacted to, not anything they said."""
    # The parser often hangs "as …" or "of …" on the object: "accused the west of waging …".
    object_preps = {"as", "for", "over", *(["of"] if tok.lemma_ == "accuse" else [])}
    for c in comps:
        if c.dep_ in _PREDICATE_DEPS or (c.dep_ == "prep" and c.lower_ in {"as", "of", "for", "over"}):
            return True
        if c.dep_ == "dobj" and any(
            g.dep_ == "oprd" or (g.dep_ == "prep" and g.lower_ in object_preps) for g in c.children
        ):
            return True
    return False


def _verdict_on_something(tok: Token, comps: list[Token]) -> bool:
    """ "condemned the attack", "slammed the ruling", "lashed out at the deal": what a
    verdict verb judges, a thing, is the speaker's reported stance (as PolNeAR marks
    it); not whom it judges ("criticised the minister", "denounced him")."""
    if not _lemma_with_particle(tok) & _cues().verdicts:
        return False
    objects = [c for c in comps if c.dep_ == "dobj"]
    objects += [o for c in comps if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    titles = actor_lexicons().title_heads  # "criticised the president"
    return bool(objects) and not any(is_agent(o) or o.lemma_.lower() in titles for o in objects)


def _temporal(prep: Token) -> bool:
    objects = [t for t in prep.subtree if t is not prep and not t.is_punct]
    return bool(objects) and all(t.ent_type_ in {"DATE", "TIME"} for t in objects)


def _that_clause_after(tok: Token) -> list[Token]:
    """ "pointed out during the questions that …": the parser hangs the clause on a
    noun in between; take it when only a prepositional phrase separates them."""
    doc = tok.doc
    for t in doc[tok.i + 1 : min(tok.i + 14, tok.sent.end)]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            return [t.head]
        if t.lower_ == "that" and t.dep_ == "det" and t.head.dep_ == "nsubj" and t.head.head.i > t.i:
            return [t.head.head]  # "told investors that production would …" misparsed
        # (a comma may set off a place: "told customers at a Manchester, New Hampshire, diner that …")
        if t.pos_ in {"VERB", "AUX"} or (t.is_punct and t.text != ","):
            return []
    return []


def _asked_passive(tok: Token) -> bool:
    """ "Asked whether he would run, Smith said …", "was asked by the moderator if …":
    the question is the asker's, named only by "by" (else nobody is, and it is no quote),
    not the words of whoever answers."""
    return tok.lemma_ == "ask" and tok.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in tok.children)


def generic_pronoun(subject: Token) -> bool:
    """ "I", "we", "you" outside quotes are the writer's; "one" only in "one could
    argue", not in "one of the sources said" or "with one writing"."""
    if subject.lower_ != "one":
        return True
    return not any(c.dep_ == "prep" for c in subject.children) and any(
        c.tag_ == "MD" for c in subject.head.children
    )


def unnamed_question(tok: Token) -> bool:
    """ "When asked whether he would run, …", "was asked about the emails": a question
    put by someone the text does not name; what was asked is reported (PolNeAR), with
    no source."""
    return _asked_passive(tok) and _agent(tok) is None and tok.dep_ in {"advcl", "ROOT", "conj"}


# "X is expected to win", "Some advisers are said to be urging …": hearsay with nobody named
_HEARSAY = frozenset({"expect", "say", "believe", "think", "rumor", "rumour", "report", "allege"})
# "X is seen as …", "is widely regarded as …", "has been criticized for …": a reputation, nobody named
_REPUTE = frozenset(
    {"see", "view", "regard", "consider", "perceive", "know", "criticize", "criticise", "condemn", "praise", "label",
     "brand", "characterize", "characterise", "describe"}
)


def hearsay_passive(tok: Token) -> bool:
    """ "Trump is expected to deliver a speech tonight", "who are said to be furious",
    "Sanders is seen as empowering voters", "the deal was criticized as a threat": a
    passive cue with no agent that says something of its subject reports the whole
    clause, its subject included (PolNeAR's content; nobody is named as its source).
    Not "which is seen as …" nor "can be seen as …", a writer's own judgment."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in tok.children) or _agent(tok) is not None:
        return False
    if not any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in tok.children):
        return False
    return _hearsay_complement(tok) is not None


def _hearsay_complement(tok: Token) -> Token | None:
    lemma = tok.lemma_.lower()
    if lemma in _HEARSAY:
        infinitives = (c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i)
        return next((c for c in infinitives if any(a.lower_ == "to" for a in c.children)), None)
    if lemma not in _REPUTE or tok.dep_ in {"relcl", "csubj"} or any(c.tag_ == "MD" for c in tok.children):
        return None
    return next(
        (
            c
            for c in tok.children
            if c.i > tok.i and ((c.dep_ == "prep" and c.lower_ in {"as", "for"}) or c.dep_ in {"oprd", "xcomp"})
        ),
        None,
    )


def _hearsay_content(tok: Token) -> tuple[int, int] | None:
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    complement = _hearsay_complement(tok)
    if subject is None or complement is None:
        return None
    start, end = subject.left_edge.i, complement.right_edge.i + 1
    end = _without_final_punct(tok.doc, start, end)
    return (start, end) if end - start >= 4 else None


_RELATIVE_SUBJECTS = frozenset({"who", "which", "that", "whom"})


def agent_passive(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """ "O'Malley's move was first reported by MSNBC", "the proposal was rejected by 64
    percent of voters": a cue word in the passive with its agent named reports its
    subject (PolNeAR's content), and the agent is the source. Token range of the
    subject and the agent; not a relative pronoun ("a judge who was backed by
    liberals": the noun is outside the clause), not "asked" (the asker's question)."""
    if tok.tag_ != "VBN" or tok.lemma_ == "ask" or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    cues = _cues()
    if not _lemma_with_particle(tok) & (cues.clause | cues.object) or any(c.dep_ == "neg" for c in tok.children):
        return None
    agent = _agent(tok)
    subject = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
    if agent is None or subject is None or subject.lower_ in _RELATIVE_SUBJECTS:
        return None
    return (subject.left_edge.i, subject.right_edge.i + 1), agent


def impersonal_passive(tok: Token) -> bool:
    return (
        tok.tag_ == "VBN"
        and any(c.dep_ == "auxpass" for c in tok.children)
        and any(c.dep_ in {"expl", "nsubjpass"} and c.lower_ == "it" for c in tok.children)
        and any(c.dep_ == "ccomp" for c in tok.children)
    )


# --- noun cues ----------------------------------------------------------------------


_WRITERS = frozenset({"my", "our", "your"})
# verbs whose object noun carries the saying: "made the case that …", "voiced support for …"
_LIGHT_VERBS = frozenset({"make", "issue", "voice", "express", "renew", "repeat", "reiterate"})


@functools.cache
def _noun_cues() -> dict[str, frozenset[str]]:
    """ "claim" -> {"that"}, "criticism" -> {"of"}: a noun that reports its owner's words
    with that complement (lexicons/speech_nouns.csv; "that" covers a to-infinitive too)."""
    nouns: dict[str, set[str]] = {}
    for row in load_lexicon("speech_nouns.csv"):
        nouns.setdefault(row["noun"], set()).add(row["complement"])
    return {noun: frozenset(complements) for noun, complements in nouns.items()}


def noun_cue(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """ "his claim that …", "Pence's call for a special prosecutor", "the warning by
    officials that …": the token range of what the noun reports and who said it. A noun
    nobody owns ("the call for papers", "claims that …") names no speaker and is none."""
    complements = _noun_cues().get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if not complements:
        return None
    speaker = _noun_owner(tok)
    if speaker is None and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LIGHT_VERBS:
        speaker = speaker_token(tok.head)  # "Obama will make the case that …", "issued a warning that …"
    if speaker is None and "object" in complements:
        return _taken_up(tok)
    if speaker is None or speaker.lower_ in _WRITERS:
        return None
    content = [c for c in tok.rights if _noun_complement(c, complements)]
    # "criticism of the plan" reports "the plan": the preposition is the noun's
    content = [o for c in content for o in ([c] if c.dep_ != "prep" else c.children) if o.dep_ != "punct"]
    if not content:
        return None
    bounds = _content_bounds(tok, content)
    return (bounds, speaker) if bounds is not None else None


def object_of(noun: Token, verb: Token) -> bool:
    """ "Hollande was referring to Trump's remarks about Khan", "aides highlighted his
    comments on trade": the noun phrase is what a verb of speech is about, so a quote the
    verb reports holds the noun's (PolNeAR's one outer quote); not a light verb's noun
    ("voiced support for …", the verb's own words), a means ("angered them with his
    comments") nor another verb's object ("Fury followed his comments that …")."""
    if verb.lemma_.lower() in _LIGHT_VERBS or speech_cue_kind(verb) is None:
        return False
    if noun.dep_ == "dobj":
        return noun.head == verb
    return noun.dep_ == "pobj" and noun.head.lower_ in {"to", "about", "on", "at"} and noun.head.head == verb


def _taken_up(noun: Token) -> tuple[tuple[int, int], Token] | None:
    """ "Bush rejected the notion that he was part of the establishment", "she dismissed
    the idea that …": a speech cue whose object is a proposition with its that-clause
    reports the clause (PolNeAR's content), and the cue's subject takes it up (rejects,
    mocks, echoes it); the noun has no owner of its own ("Trump's claim that …" is his)."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in {"VERB", "AUX"} or speech_cue_kind(verb) is None:
        return None
    clauses = [c for c in noun.rights if c.dep_ in {"acl", "ccomp", "appos"} and c.pos_ in {"VERB", "AUX"}
               and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]
    speaker = speaker_token(verb) if clauses else None
    if speaker is None or speaker.lower_ in _WRITERS | _RELATIVES:
        return None
    bounds = _content_bounds(verb, clauses[:1])
    return (bounds, speaker) if bounds is not None else None


# the nouns of a point of view: "in Knittel's view, …", "in her estimation, …"
_VIEWS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "eye", "mind", "reckoning"})


def viewpoint(prep: Token) -> tuple[tuple[int, int], Token] | None:
    """ "To Frank, the Clinton years were a betrayal", "The tax, in Knittel's view, would
    work": a phrase that gives its sentence as someone's view (PolNeAR's beliefs); the
    person (or the owner of the view) holds it. "To" only opening the sentence and only
    with a person ("To date, …", "To the west, …" are none); the rest of the sentence
    reports no speech of its own."""
    doc = prep.doc
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if prep.dep_ != "prep" or not objects or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    obj, sent = objects[0], prep.sent
    if prep.lower_ == "to" and prep.i == sent.start:
        holder = obj if _person_word(obj) else None
    elif prep.lower_ == "in" and obj.lemma_.lower() in _VIEWS and obj.tag_ == "NN" and obj.n_rights == 0:
        # ("in his view of the harbor" is a sight)
        holder = next((c for c in obj.children if c.dep_ == "poss"), None)
    else:
        return None
    # the comma that closes the phrase ("To Sexton, who studies rallies, …" holds it in the phrase)
    comma = prep.right_edge.i if doc[prep.right_edge.i].text == "," else prep.right_edge.i + 1
    if holder is None or holder.lower_ in _WRITERS or comma >= sent.end or doc[comma].text != ",":
        return None
    if any(speech_cue_kind(t) or t.text in _QUOTE_MARKS for t in sent) or sent[-1].text == "?":
        return None
    start = comma + 1 if prep.i == sent.start else sent.start
    end = _without_final_punct(doc, start, sent.end)
    return ((start, end), holder) if end - start >= 3 else None


def _person_word(tok: Token) -> bool:
    """ "Frank", "Florida consultant Wilson", "many Democrats", "him": who can hold a view."""
    if tok.pos_ == "PRON":
        return tok.lower_ in {"him", "her", "them"}
    return tok.ent_type_ in {"PERSON", "NORP"} or _role_noun(tok) or source_type_of(tok.lemma_.lower()) == "group"


def _noun_owner(noun: Token) -> Token | None:
    """ "Trump's claim", "the warning by officials", "a plea from the family": who said it."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        agents = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"by", "from"} for p in c.children
                  if p.dep_ == "pobj"]
        owner = agents[0] if agents else None
    return owner


def copular_cue(tok: Token) -> tuple[tuple[int, int], Token | None] | None:
    """ "Rubio's response was that …", "the idea is that …", "a common refrain is that …":
    a noun of speech or thought as the subject of "be" with a that-clause reports the
    clause (PolNeAR's content); its owner, if named, said it, else the text names nobody.
    The nouns are speech_nouns.csv's rows with the complement "be" ("the problem is
    that …", "the good news is that …" are the writer's own and are not listed)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_ != "be" or verb.i < tok.i or tok.pos_ != "NOUN":
        return None
    if "be" not in _noun_cues().get(tok.lemma_.lower(), frozenset()):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    clauses = [c for c in verb.rights if c.dep_ in {"ccomp", "attr", "acomp"} and c.pos_ in {"VERB", "AUX"}
               and any(m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children)]
    if not clauses:
        return None
    bounds = _content_bounds(verb, clauses[:1])
    owner = _noun_owner(tok)
    if owner is not None and owner.lower_ in _WRITERS:
        return None
    return (bounds, owner) if bounds is not None else None


# the verbs that say what someone is: "Clinton is an outspoken supporter of …", "He remains a proponent of …"
# (not "became": a change, "then became a supporter of the enemies of Assad")
_BEING = frozenset({"be", "remain"})


def holder_cue(tok: Token) -> tuple[tuple[int, int], Token] | None:
    """ "Clinton is an outspoken supporter of Roe v. Wade", "Mr. Ryan is a vocal advocate of
    trade deals", "He remains a proponent of changes to …": a noun of one who takes a stance
    (speech_nouns.csv's `holder` rows), said of someone after "be", reports its object as
    that person's stance (PolNeAR's content). Not in apposition ("Adelson, a fierce
    supporter of Israel": the writer's description, which PolNeAR marks less than half
    the time), nor plural ("supporters of Mr. Sanders" are the writer's grouping)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or "holder" not in _noun_cues().get(tok.lemma_.lower(), frozenset()):
        return None
    if tok.dep_ not in {"attr", "oprd"} or tok.head.lemma_ not in _BEING:
        return None
    holder = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if holder is None or not (holder.pos_ == "PROPN" or holder.lower_ in {"he", "she"} or _role_noun(holder)):
        return None
    objects = [o for p in tok.children if p.dep_ == "prep" and p.lower_ in {"of", "in"} for o in p.children
               if o.dep_ == "pobj"]
    if not objects:
        return None
    obj = objects[0]
    # "of Roe v. Wade, which legalizes abortion …": the writer's aside is no part of the stance
    asides = [c.left_edge.i for c in obj.rights
              if c.dep_ in {"relcl", "appos", "acl"} and c.doc[c.left_edge.i - 1].text == ","]
    end = min(asides, default=obj.right_edge.i + 2) - 1
    return (obj.left_edge.i, end), holder


def _noun_complement(child: Token, complements: frozenset[str]) -> bool:
    """ "that …" or "to …" after a claim-like noun; the named preposition ("of", "for") after another."""
    if child.dep_ == "prep":
        return child.lower_ in complements and any(c.dep_ in {"pobj", "pcomp"} for c in child.children)
    if "that" not in complements or child.dep_ not in {"acl", "ccomp", "appos"} or child.pos_ not in {"VERB", "AUX"}:
        return False
    marks = [c for c in child.children if c.dep_ in {"mark", "aux"} and c.i < child.i]
    return any(m.lower_ == "that" and m.dep_ == "mark" for m in marks) or any(m.lower_ == "to" for m in marks)
