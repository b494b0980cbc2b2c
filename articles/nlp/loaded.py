"""Loaded words and phrases: the lexicons' terms in the sense and place where they judge.

Entry point: `loaded_signals(doc, zones)`, called from `signals.find_signals` and
`claims.find_claims`. Three lexicons are matched in turn (our own list, then the two
converted resources); three rules reach words no list can hold: an adverb made from a
loaded adjective ("arrogantly", "cynically"), a hyphenated compound whose second half
judges ("gaffe-prone", "Trump-bashing", "power-hungry", written "-prone" in a lexicon),
and a headline's opening shout in capitals ("BUSTED: Emails Reveal…", headings.py).
An idiom of our list also matches with one adjective or adverb after its article or
preposition ("took a veiled swipe at", "came under heavy fire", "on the political ropes").
A word in someone's paraphrase is theirs (`in_quote`), but for an evaluative adjective
before its noun in a report ("sent lurid photos, the Post reported"): the outlet's epithet.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from articles.nlp.doc_text import text_of
from articles.nlp.headings import shouted_headline
from articles.nlp.labels import QuoteZones
from articles.nlp.lexicons import (
    Lexicon,
    LexiconMatch,
    another_verbs_form,
    load_lexicon,
    match_lexicon,
    same_span_terms,
)
from articles.nlp.names import person_nouns
from articles.nlp.quote_marks import pair_marks
from articles.nlp.types import SignalResult

_NAME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "LAW", "FAC", "EVENT", "PRODUCT"})
# Our own list first, so its category wins where a converted resource has the same word.
LOADED_LEXICONS = ("loaded_terms", "loaded_lexical", "loaded_wordnet")
_PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
_ADJECTIVE_DEPS = frozenset({"amod", "acomp", "attr", "oprd", "nmod"})
# Classes whose adjectives judge, so their -ly adverbs judge too; boosters and
# intensifiers are the writer's certainty or degree, not a judgement.
# Words after which an idiom may take one modifier: "a [veiled] swipe", "under [heavy] fire".
_SLOT_AFTER = frozenset({"a", "an", "the", "under", "in", "on", "into", "of"})
_PARTICLES = frozenset({"out", "down", "up", "off"})
# Words of real fighting and terrorism: beside them a combat metaphor ("under fire") is
# taken literally, and "extremists" or "radical" describe, not label.
VIOLENCE_WORDS = frozenset({
    "troop", "soldier", "marine", "convoy", "patrol", "gunman", "militant", "insurgent",
    "rebel", "rebellion", "uprising", "sniper", "rocket", "mortar", "artillery", "gunfire", "shelling", "shell",
    "bullet", "missile", "airstrike", "firefighter", "blaze", "flame", "wildfire",
    "embassy", "consulate", "compound", "helicopter", "aircraft", "warship", "vessel",
    "terrorist", "terrorism", "terror", "jihadist", "jihadi", "jihad", "qaeda", "isis", "isil",
    "taliban", "shabaab", "hezbollah", "hamas", "bombing", "bomber", "radicalization", "islamic",
    # killings: "the massacre at a nightclub", "the Armenian genocide" name what happened
    "kill", "killing", "murder", "shooting", "shooter", "massacre", "genocide", "atrocity",
})
_IDIOM_MATCHERS: dict[int, tuple[Vocab, Matcher]] = {}
_CACHE_KEY = "newsframe.loaded"
_JUDGING = frozenset({"pejorative", "condemnatory", "emotive", "evaluative", "laudatory",
                      "delegitimising", "dysphemism", "negative", "positive"})


def loaded_signals(doc: Doc, zones: QuoteZones) -> list[SignalResult]:
    """Loaded words and phrases: a word inside quotation marks is marked `in_quote` (the
    speaker's, or held at a distance); a word in a name, or in a sense the lexicon rules
    out (`pos`, `context` columns), is not loaded. The words found are memoised in
    `doc.user_data`: claims and signals both ask."""
    found = doc.user_data.get(_CACHE_KEY)
    if found is None:
        found = doc.user_data[_CACHE_KEY] = _loaded_tokens(doc)
    body = text_of(doc)
    marked = [seg.inner for seg in pair_marks(body)]
    out = []
    for start, end, category in found:
        start_char, end_char = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        in_quote = zones.covers(start_char, end_char) and not (
            _outlets_epithet(doc[start], end - start, category, marked)
            and not any(a <= start_char and end_char <= b for a, b in marked)
        )
        # what someone concludes or says in a clause the quote finder missed is theirs too
        in_quote = in_quote or _someones_conclusion(doc[start])
        out.append(SignalResult(
            kind="loaded", text=body[start_char:end_char], start=start_char, end=end_char,
            category=category, in_quote=in_quote,
        ))
    return out


# Reporting verbs whose paraphrase carries the speaker's judgement (claims, warnings,
# attacks), and nouns of a charge: an epithet in what they report is the speaker's.
_JUDGING_SPEECH = frozenset({"assertive", "attacking", "doubting", "disparaging"})
_CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})


def _outlets_epithet(token: Token, length: int, category: str, marked: list[tuple[int, int]]) -> bool:
    """An evaluative adjective before its noun in a paraphrase ("sent lurid tweets, the Post
    reported", "admitted she went too far with controversial photographer X"): the outlet's
    description of the thing; not in what a claim, a warning or a charge reports ("warns
    that radical Islam…"), nor on a quoted noun (misguided "mischief"), nor as what the
    speaker says something is ("said it would be a sour end")."""
    noun = token.head
    if length != 1 or category != "evaluative" or token.dep_ != "amod" or noun.i < token.i:
        return False
    if noun.dep_ in ("attr", "oprd", "acomp"):
        return False  # what the speaker says a thing is: "would be a sour end"
    if any(a <= noun.idx < b for a, b in marked):
        return False
    verbs = load_lexicon("reporting_verbs").entries
    return not any(
        verbs.get(t.lemma_.lower()) in _JUDGING_SPEECH or (t.pos_ == "NOUN" and t.lemma_.lower() in _CHARGE_NOUNS)
        for t in token.sent
    )


def _loaded_tokens(doc: Doc) -> list[tuple[int, int, str]]:
    """(token start, end, category) of every loaded word or phrase, in text order."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for name in LOADED_LEXICONS:
        lexicon = load_lexicon(name)
        for kept in match_lexicon(doc, name):
            start = _compound_start(doc, kept)
            if taken.intersection(range(start, kept.end)):
                continue
            # the kept term may fail its sense tests where another at the same words passes:
            # "pandering" tagged a verb is the listed verb "pander", not the listed noun
            m = next((c for c in [kept, *same_span_terms(doc, name, kept)] if _loaded_here(doc, c, lexicon)), None)
            if m is None:
                continue
            taken.update(range(start, m.end))
            found.append((start, m.end, m.category))
    ours = load_lexicon("loaded_terms")
    for match_id, start, end in _idiom_matcher(doc.vocab)(doc):
        term = doc.vocab.strings[match_id]
        if (end - start > len(term.split()) and not taken.intersection(range(start, end))
                and not _literal_combat(doc[start], term, ours)):
            taken.update(range(start, end))
            found.append((start, end, ours.category(term)))
    shout = shouted_headline(doc)
    span = doc.char_span(*shout, alignment_mode="expand") if shout else None
    if span is not None and not taken.intersection(range(span.start, span.end)):
        found.append((span.start, span.end, "emotive"))  # "BUSTED: Emails Reveal…"
    for token in doc:
        if token.i not in taken and token.pos_ == "ADV":
            category = _adverb_of_loaded_adjective(token.lower_)
            if category:
                found.append((token.i, token.i + 1, category))
    return sorted(found)


def _idiom_matcher(vocab: Vocab) -> Matcher:
    """Our multiword terms with a slot for one modifier after each article or preposition."""
    held = _IDIOM_MATCHERS.get(id(vocab))
    if held is not None and held[0] is vocab:
        return held[1]
    matcher = Matcher(vocab)
    for term in load_lexicon("loaded_terms").entries:
        words = term.split()
        if len(words) == 2 and words[1] in _PARTICLES:
            # a phrasal verb with its object pronoun inside: "freeze him out", "call them out"
            pronoun = {"POS": "PRON", "LOWER": {"NOT_IN": ["it"]}}
            matcher.add(term, [[{"LEMMA": words[0]}, pronoun, {"LOWER": words[1]}]])
            continue
        if "-" in term or not any(w in _SLOT_AFTER for w in words[:-1]):
            continue
        pattern: list[dict[str, object]] = []
        for i, word in enumerate(words):
            if i > 0 and words[i - 1] in _SLOT_AFTER:
                pattern.append({"POS": {"IN": ["ADJ", "ADV"]}, "OP": "?"})
            pattern.append({"LEMMA": word} if i == 0 else {"LOWER": word})
        matcher.add(term, [pattern])
    _IDIOM_MATCHERS[id(vocab)] = (vocab, matcher)
    return matcher


def _compound_start(doc: Doc, m: LexiconMatch) -> int:
    """A "-prone" term takes the word before its hyphen along: "gaffe-prone"."""
    first = doc[m.start]
    if m.term.startswith("-") and first.text == "-" and m.start > 0:
        before = doc[m.start - 1]
        if not before.whitespace_ and before.is_alpha:
            return m.start - 1
    return m.start


def _adverb_of_loaded_adjective(word: str) -> str:
    """The class of the loaded adjective an -ly adverb is made from, "" if none."""
    if len(word) < 6 or not word.endswith("ly"):
        return ""
    stem = word[:-2]
    bases = [stem, stem[:-1] + "y" if stem.endswith("i") else "", stem + "e", stem[:-2] if stem.endswith("al") else ""]
    if word.endswith("bly"):
        bases.append(word[:-1] + "e")  # "laughably" <- "laughable"
    for name in LOADED_LEXICONS:
        lexicon = load_lexicon(name)
        for base in filter(None, bases):
            category = lexicon.entries.get(base)
            # a base loaded only beside an event noun ("illegal attack") says nothing of its adverb
            if category in _JUDGING and lexicon.column(base, 2) in ("", "ADJ") and not lexicon.column(base, 3):
                return category
    return ""


def _loaded_here(doc: Doc, m: LexiconMatch, lexicon: Lexicon) -> bool:
    first = doc[m.start]
    single = m.end - m.start == 1
    if (first.pos_ == "PROPN" and first.ent_type_ in _NAME_ENTS and (single or not _in_title_case(first))
            and not _opens_a_headline(first)):
        # part of a name or title, not a word choice; but a Title Case headline's names run
        # on into its verbs ("Trump Lashes Out"), and an idiom is no name
        return False
    if m.category == "booster" and not _writers_certainty(doc, m, first):
        return False
    wanted = lexicon.column(m.term, 2)
    if single and wanted == "VERB" and (
        another_verbs_form(first.lower_, m.term)
        or (first.pos_ == "VERB" and m.term.lower() not in (first.lemma_.lower(), first.lower_))
    ):
        return False  # "will be spared" is spare's, not the listed "spar" inflected
    if single and wanted and not _in_title_case(first) and not any(
        _has_pos(first, pos, m.term, m.category) for pos in wanted.split("|")
    ):
        return False  # "uttered" is no "utter"; "blast" the explosion is no "blast" the verb
    if _literal_combat(first, m.term, lexicon) or _someones_portrayal(first) or _viewers_judgement(first):
        return False
    context = lexicon.column(m.term, 3)
    if context == "named" and _names_an_affair(doc, m.start):
        return False
    if context == "result" and first.head.lemma_.lower() in _RESULT_NOUNS:
        return False  # "an outright lie" judges; "an outright victory" is a result
    if single and _in_fixed_compound(doc, m.end, first):
        return False  # "the lame-duck session": the name of a period, not a judgement
    if context == "attributive" and first.dep_ not in ("amod", "compound", "nmod"):
        return False  # "a troubled company" judges; "was troubled by the report" is a feeling
    if context == "adjective" and not _adjective_next(doc, m.end):
        return False  # "anything but inevitable" judges; "do anything but paper over" does not
    if not _speech_sense(first, context):
        return False
    if context in ("event", "person"):
        # "illegal attack" judges an act; "illegal immigrants" is the period's plain phrase.
        # A label of people ("a racist", "is racist") is no label in "a racist attack",
        # where it names the kind of act reported.
        while first.dep_ == "conj" and first.head is not first:
            first = first.head  # "the brutal and illegal bombing"
        on_event = first.head.lemma_.lower() in load_lexicon("event_nouns").entries
        return on_event if context == "event" else not (on_event and first.dep_ in ("amod", "compound"))
    return True


# Nouns of a result or a measure, on which "outright" is plain ("outright victory").
_RESULT_NOUNS = frozenset({
    "victory", "win", "winner", "majority", "ban", "repeal", "control", "ownership",
    "purchase", "sale", "grant", "gift", "rejection", "defeat", "nomination",
})
# Fixed compounds whose first word is a listed adjective: the compound names a thing.
_FIXED_COMPOUNDS = {"lame": frozenset({"duck", "ducks"})}


def _in_fixed_compound(doc: Doc, end: int, first: Token) -> bool:
    """"a lame duck", "the lame-duck session": the word opens a fixed compound."""
    seconds = _FIXED_COMPOUNDS.get(first.lower_)
    if not seconds or end >= len(doc):
        return False
    nxt = doc[end + 1] if doc[end].text == "-" and end + 1 < len(doc) else doc[end]
    return nxt.lower_ in seconds


# Verbs by which someone casts another as something: the "as" phrase or object complement
# is the portrayal of the verb's subject ("paints Clinton as a job-killer", "branded him a
# traitor"), reported, not the outlet's own word.
PORTRAYING = frozenset({
    "paint", "portray", "cast", "depict", "characterize", "characterise", "describe", "frame",
    "dismiss", "brand", "label", "deride", "denounce", "decry", "dub",
})
# Verbs of praise: what someone is praised as is the praiser's word ("hailed him as a
# visionary"); verbs of attack are read from reporting_verbs.csv ("slammed the plan as
# reckless") and loaded speech verbs from our lexicons ("pummeled Trump as divisive").
_PRAISING = frozenset({"praise", "hail", "laud", "tout", "applaud", "commend", "celebrate", "extol"})
# Verbs of perception: what a named viewer sees someone as is the viewer's judgement
# ("many voters regard him as a bully"); with no viewer named ("was widely viewed as
# payback") the judgement is the outlet's, put at one remove.
_PERCEIVING = frozenset({"see", "view", "perceive", "regard"})
# Of these, the verbs whose second object is the portrayal ("branded him a traitor").
# "called the plan a sham" is left to the outlet: calling is also how it names a thing.
_PORTRAYING_TWO_OBJECTS = frozenset({"brand", "label", "dub"})


def _someones_portrayal(token: Token) -> bool:
    """A loaded word in what a subject casts someone as: "paints Clinton as a job-killer"."""
    noun = token
    while noun.dep_ == "conj" and noun.head is not noun:
        noun = noun.head  # "as reckless and cruel": the first of the pair
    first = noun
    for _ in range(2):  # "as a reckless job-killer": the adjective's noun first
        if noun.dep_ not in ("amod", "compound") or noun.head is noun:
            break
        noun = noun.head
    head = noun.head
    if noun.lower_ == "as" and noun.dep_ == "prep":
        head, noun = noun, first  # "pummeled Trump as divisive": the adjective hangs on "as"
    if noun.dep_ in ("pobj", "pcomp", "amod") and head.lower_ == "as":
        verb = head.head
        return verb.pos_ == "VERB" and (_casts_as(verb.lemma_.lower()) or _perceived_by_someone(verb))
    # the second object: "labelled the senator a traitor" (oprd), "branded him a traitor"
    second = noun.dep_ == "oprd" or (
        noun.dep_ == "dobj" and any(c.dep_ in ("dative", "dobj") and c.i < noun.i for c in head.children)
    )
    return second and head.lemma_.lower() in _PORTRAYING_TWO_OBJECTS


def _casts_as(verb: str) -> bool:
    """A verb whose "as" phrase is its subject's portrayal of the object."""
    if verb in PORTRAYING or verb in _PRAISING:
        return True
    if load_lexicon("reporting_verbs").entries.get(verb) == "attacking":
        return True
    return any(load_lexicon(name).entries.get(verb) == "speech" for name in LOADED_LEXICONS)


def _perceived_by_someone(verb: Token) -> bool:
    """A verb of perception with its viewer: "voters regard him as…", "seen by critics as…"."""
    viewer = {"nsubj", "agent"}
    return verb.lemma_.lower() in _PERCEIVING and any(c.dep_ in viewer for c in verb.children)


# Verbs by which a viewer holds something to be so: what follows is the viewer's verdict.
# (Not "see": "saw Trump wading deeper" is an event seen, and "seen as" is _PERCEIVING's.)
_DEEMING = frozenset({"consider", "deem", "regard", "believe", "think", "find"})
_WRITER = frozenset({"i", "we"})
_CONCESSIVE = frozenset({"that", "this"})


def _viewers_judgement(token: Token) -> bool:
    """A loaded word in what a named viewer holds someone or something to be ("a man whom
    most Americans consider to be a fringe extremist", "critics deem the plan reckless",
    "voters consider him a bully"): the viewer's verdict, not the outlet's word; a
    column's own "we consider" stays the writer's."""
    word = token
    while word.dep_ in ("conj", "amod", "compound") and word.head is not word:
        word = word.head  # "a fringe extremist", "reckless and cruel"
    verb = word.head
    if word.dep_ in ("attr", "acomp") and verb.lemma_ == "be" and verb.dep_ == "xcomp":
        verb = verb.head  # "consider X to be Y"
    elif word.dep_ not in ("ccomp", "oprd", "xcomp") or word.pos_ in ("VERB", "AUX"):
        return False  # a small clause's noun or adjective, not an act
    return verb.lemma_.lower() in _DEEMING and _held_by_someone(verb)


def _held_by_someone(verb: Token) -> bool:
    """The verb has a subject and it is not the writer; a second verb of a pair shares the
    first one's ("did not recognize themselves and found it offensive")."""
    while True:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            # "That said, a loss would…" is a concession, no one's words
            return subjects[0].lower_ not in _WRITER | _CONCESSIVE
        if verb.head.i == verb.i:
            return False
        if verb.dep_ == "pcomp" and verb.head.lower_ == "by":
            verb = verb.head.head  # "undermines confidence by suggesting that…": the doer's
        elif verb.dep_ == "conj":
            verb = verb.head
        else:
            return False


# Verbs of judging and suspecting: what their content clause says is so is the holder's
# conclusion ("the FBI concluded that … were careless", "they suspected that her biting
# language was meant to provoke their outrage"); what someone wants or felt is not here,
# the outlet tells it in its own words. Verbs of speech are the quote finder's.
_CONCLUDING = frozenset({"conclude", "suspect", "fear", "believe", "think", "find", "assume", "doubt"})


def _holds_or_says(verb: Token, token: Token) -> bool:
    """A verb of judging, or a verb of speech whose paraphrase the quote finder missed
    ("by suggesting the election may be rigged"); not a verb that endorses what follows
    ("revealed that"), nor an adjective before its noun there, the outlet's epithet."""
    lemma = verb.lemma_.lower()
    if lemma in _CONCLUDING:
        return True
    stance = load_lexicon("reporting_verbs").entries.get(lemma)
    return bool(stance) and stance != "endorsing" and token.dep_ != "amod"


def _someones_conclusion(token: Token) -> bool:
    """A loaded word in the content clause ("that …") of a verb of judging whose subject is
    someone other than the writer; the nearest clause the word is in decides."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "ccomp":
            # a clause ("found that it was…"), not a small clause ("find it difficult to…")
            verb = node.head
            return node.pos_ in ("VERB", "AUX") and _holds_or_says(verb, token) and _held_by_someone(verb)
        if node.dep_ in ("relcl", "acl", "parataxis"):
            return False
        node = node.head
    return False


def _adjective_next(doc: Doc, end: int) -> bool:
    """An adjective (after at most one adverb) follows: "anything but (so) cordial"."""
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.pos_ == "ADV" and end + 1 < len(doc):
        nxt = doc[end + 1]
    return nxt is not None and nxt.pos_ == "ADJ"


_UNCERTAIN = frozenset({"almost", "nearly", "not", "probably", "likely"})


def _writers_certainty(doc: Doc, m: LexiconMatch, first: Token) -> bool:
    """A booster is the writer's certainty unless it is manner ("laid out the goals
    clearly"), hedged ("almost certainly") or the speaker's ("Of course, Clinton said")."""
    if m.end - m.start == 1 and (first.i > first.head.i or (first.head.tag_ == "VBN" and first.head.dep_ == "amod")):
        return False  # manner: "laid out the goals clearly", "a clearly defined base"
    if m.start > 0 and doc[m.start - 1].lower_ in _UNCERTAIN:
        return False
    head = doc[m.end - 1].head
    # "Of course, Clinton said, “…”": the opening words of her quote; "clearly says" is ours
    set_off = m.end < len(doc) and doc[m.end].text == ","
    return not (set_off and head.pos_ == "VERB" and head.lemma_.lower() in load_lexicon("reporting_verbs").entries)


def _literal_combat(token: Token, term: str, lexicon: Lexicon) -> bool:
    """A combat metaphor ("came under fire") or label ("extremists") in a sentence about
    real fighting or terrorism."""
    return lexicon.column(term, 3) == "figurative" and any(
        t.lemma_.lower() in VIOLENCE_WORDS for t in token.sent
    )


def _speech_sense(verb: Token, context: str) -> bool:
    """A speech verb with a plain sense: "boasts a 45-point lead" has it (context
    `possession`: a noun object); "lectured on antitrust law at Harvard" taught (context
    `addressed`: it scolds only someone, "lectured Democrats")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if context == "possession":
        return not any(o.pos_ in ("NOUN", "NUM") for o in objects)
    if context == "addressed":
        return bool(objects)
    return True


_AFFAIR_MODIFIERS = frozenset({"election", "electoral", "foreign", "campaign"})


def _names_an_affair(doc: Doc, start: int) -> bool:
    """The period's common name of an affair, the plain description of a ruler or a
    system, not a word choice: a term after a country or people ("Russian meddling", "the
    Russia meddling case", "the Libyan dictator", "the Nazi regime") or after a common noun
    ("election meddling", "testing regimes", "the sanctions regime"), or before its place
    or kind ("the regime in Damascus", "a regime of cap and trade")."""
    if start + 2 < len(doc) and _placed_or_of_a_kind(doc[start + 1], doc[start + 2]):
        return True
    if start == 0:
        return False
    before = doc[start - 1]
    common_noun = before.pos_ == "NOUN" and before.dep_ == "compound" and before.is_lower
    return before.ent_type_ in ("GPE", "NORP") or before.lower_ in _AFFAIR_MODIFIERS or common_noun


def _placed_or_of_a_kind(prep: Token, nxt: Token) -> bool:
    """The same names put after: "the regime in Damascus" (a place), "a regime of cap and
    trade", "a regime of sanctions" (a system of a kind, in lower case)."""
    if prep.lower_ == "in":
        return nxt.ent_type_ == "GPE"
    return prep.lower_ == "of" and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ")


def _predicative_participle(token: Token, *, caused: bool = False) -> bool:
    """"officials were thrilled with the editorial": a passive with no agent reads as an
    adjective after "be" or a linking verb the parser took for its auxiliary ("appeared
    obsessed with the polls"; the tagger calls it a verb). With `caused`, for a word the
    lexicon lists as an adjective, a "by" phrase naming a thing is the feeling's cause, not
    a doer ("were incensed by the deal", "seemed rattled by the polls"); a person after
    "by" keeps it a verb's passive."""
    deps = {child.dep_: child for child in token.children}
    aux = deps.get("auxpass")
    linking = aux is not None and (aux.lemma_ == "be" or _linking_verb(aux))
    agent = deps.get("agent")
    if agent is not None and caused:
        objects = [c for c in agent.children if c.dep_ == "pobj"]
        agent = None if objects and all(_a_thing(o) for o in objects) else agent
    return token.tag_ == "VBN" and linking and agent is None


def _a_thing(noun: Token) -> bool:
    """A common noun that names no person or body ("the deal", "the polls")."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_.lower() not in person_nouns()


def _gerund_of_act(token: Token) -> bool:
    """"the current slandering of immigrants", "his bullying of reporters": a listed
    verb's -ing form the tagger made a noun names the same act, as loaded as the verb;
    only with its object after "of", or owned by its doer ("Trump's badgering")."""
    doc = token.doc
    if token.tag_ != "NN" or not token.lower_.endswith("ing") or token.i + 1 >= len(doc):
        return False
    of = doc[token.i + 1]
    owned = any(c.dep_ == "poss" for c in token.children)
    return owned or (of.lower_ == "of" and any(c.dep_ == "pobj" for c in of.children))


def _gerund_of_speech(token: Token, term: str) -> bool:
    """"after weeks of subtle sniping", "The bickering began", "despite carping that…": a
    loaded verb of speaking as an -ing noun names the same way of speaking, object or not.
    Not for a verb the lexicon limits to a context ("hammering", "needling" have plain
    senses), nor a compound's half ("right-swiping"), nor a noun before its head ("the
    blasting cap")."""
    if token.tag_ != "NN" or not token.lower_.endswith("ing") or _listed_context(term):
        return False
    doc = token.doc
    hyphened = token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_
    return not hyphened and token.dep_ != "compound"


def _listed_context(term: str) -> str:
    """The context column of a listed term, in the first loaded lexicon that lists it."""
    for name in LOADED_LEXICONS:
        lexicon = load_lexicon(name)
        if term in lexicon.entries:
            return lexicon.column(term, 3)
    return ""


def _in_title_case(token: Token) -> bool:
    """A headline or a linked title in Title Case ("Mike Huckabee Makes Sexist Wife Joke"):
    the tagger takes its words for names, so the part of speech says nothing there. Read
    within the line as well as the sentence: a headline without a full stop runs into the
    first sentence of the body."""
    if not token.text[:1].isupper() or token.is_sent_start:
        return False
    sent = token.sent
    if _title_case(sent):
        return True
    # the token's line: line breaks are tokens of their own ("\n\n"); Doc.text would
    # rebuild the whole text on every call
    before = [t for t in sent[: token.i - sent.start] if "\n" in t.text]
    after = [t for t in sent[token.i - sent.start :] if "\n" in t.text]
    start = before[-1].i + 1 if before else sent.start
    end = after[0].i if after else sent.end
    return _title_case(token.doc[start:end])


def _opens_a_headline(token: Token) -> bool:
    """The first word of a Title Case headline ("Bombshell Hillary Photo From DURING Debate
    Surfaces"): the tagger joins it to the name after it, but a listed word there is the
    headline's label, not a person's name."""
    return token.is_sent_start and token.ent_type_ != "PERSON" and token.ent_iob_ == "B" and _title_case(token.sent)


def _title_case(tokens: Iterable[Token]) -> bool:
    words = [t for t in tokens if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _has_pos(token: Token, wanted: str, term: str, category: str = "") -> bool:
    if token.pos_ == wanted:
        return True
    if wanted == "VERB":
        speaking = category == "speech" and _gerund_of_speech(token, term)
        return _reads_as_verb(token) or _gerund_of_act(token) or speaking
    if wanted == "NOUN":
        # "The spat spotlights…", "a serial liar, rampant xenophobe": a word in lower case
        # the tagger took for a name is a common noun
        return token.pos_ == "PROPN" and token.is_lower
    if wanted != "ADJ":
        return False
    # "a stunning level", "the embattled governor", "are so brazen" (tagged a noun): a
    # word in an adjective's place is read as one, whatever the tagger said
    if token.pos_ == "PROPN" and token.is_sent_start and not token.ent_type_:
        # "Controversial Arizona Sheriff Joe Arpaio…": capitalised as the first word, before
        # its noun; not a heading in capitals ("OUTSTANDING." over a table of delegates)
        return not token.is_upper and token.head.i > token.i
    if token.pos_ == "PROPN" and not token.is_lower and token.head.pos_ == "PROPN":
        return False  # "known to fans as Notorious RBG": a capitalised word in a name
    if token.tag_ in _PARTICIPLE_TAGS:
        # "were thrilled" when the lexicon lists "thrilled"; "was uttered" is no "utter";
        # "seems fixated on China": the listed participle after a linking verb
        linked = token.dep_ in ("oprd", "xcomp") and _linking_verb(token.head)
        return token.dep_ in ("amod", "acomp") or (token.lower_ == term and (
            linked or _predicative_participle(token, caused=True)))
    if token.dep_ == "compound" and token.tag_ == "NN" and token.is_lower:
        return token.head.i == token.i + 1  # "the gory photo", tagged a noun in a compound
    if _before_amount(token):
        return True  # "Halvorson's paltry $31,000", "a whopping 40 percent", tagged a noun
    return token.pos_ != "VERB" and token.dep_ in _ADJECTIVE_DEPS


def _before_amount(token: Token) -> bool:
    """A word right before a number or a sum, where only an adjective of amount stands."""
    doc = token.doc
    if token.pos_ == "VERB" or not token.is_lower or token.i + 1 >= len(doc):
        return False
    nxt = doc[token.i + 1]
    return nxt.like_num or nxt.tag_ == "$"


# Verbs after which a participle describes the subject as an adjective would.
_LINKING_VERBS = frozenset({"seem", "appear", "look", "become", "remain", "grow", "sound", "feel"})
# Tagged an auxiliary, a linking verb keeps its form as its lemma ("appeared").
_LINKING_FORMS = frozenset({"seems", "seemed", "appears", "appeared", "looks", "looked", "became",
                            "becomes", "remains", "remained", "grew", "grows", "sounds", "sounded", "feels", "felt"})


def _linking_verb(token: Token) -> bool:
    return token.lemma_.lower() in _LINKING_VERBS or token.lower_ in _LINKING_FORMS

_VERB_ENDINGS = ("s", "ed", "ing")
_OBJECT_POS = frozenset({"PROPN", "PRON", "DET"})
_OBJECT_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})  # "rebuffs Trump", Trump tagged a verb
_NOT_OBJECT_POS = frozenset({"ADP", "AUX", "CCONJ", "SCONJ", "PART", "PUNCT", "SPACE"})


def _reads_as_verb(token: Token) -> bool:
    """A listed verb the tagger called a noun ("Scarborough is one of many slamming Trump",
    a headline's "Spurns offer, blasts …"): an inflected form with no determiner before it
    and its object right after it; not "the blasts", "Twitter blasts since…"."""
    doc = token.doc
    if not token.lower_.endswith(_VERB_ENDINGS) or token.i + 1 >= len(doc):
        return False
    before = doc[token.i - 1] if token.i > 0 else None
    if before is not None and (before.pos_ in ("DET", "NUM") or before.tag_ in ("PRP$", "POS")):
        return False
    after = doc[token.i + 1]
    if after.pos_ in _OBJECT_POS or after.ent_type_ in _OBJECT_ENTS or after.is_quote:
        return True
    # a verb of the present after its subject, taken for a plural noun: "Trump spews hate",
    # "When Trump incites violence"; not "Trump rallies" as a noun before its verb
    named_subject = before is not None and (
        before.pos_ in ("PROPN", "PRON") or before.ent_type_ in _OBJECT_ENTS
        or (before.is_title and (before.i == 0 or doc[before.i - 1].pos_ != "DET"))
    )
    if token.tag_ == "NNS" and named_subject and after.is_alpha and after.pos_ in ("NOUN", "ADJ", "VERB"):
        return True
    # a headline clause opening on the verb: "Spurns offer" (any word the tagger made of it)
    clause_start = before is None or before.is_punct or "\n" in before.text
    return clause_start and after.is_alpha and after.pos_ not in _NOT_OBJECT_POS
