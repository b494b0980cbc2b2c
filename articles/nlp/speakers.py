"""Who said each quote: speaker mentions -> actors.

Entry point: `resolve_speakers(doc, quotes, actors, mentions)`. No coreference
package works offline, so this is a small rule system over the mentions that
`find_actors` collected:

- a mention that names, titles, describes or stands for an actor ("Lavrov",
  "The Russian foreign secretary", "Moscow") is that actor;
- a pronoun goes to an earlier compatible actor (he/she -> person, it ->
  organisation/document/country, they -> group/country/organisation): a subject
  of this sentence or the one before, else what the sentence before names, else
  a main-clause subject a few sentences back (`_pronoun`);
- a definite description ("the Dutchman", "The defendant, 28", "the minister")
  is read like "he" or "she"; an office only goes to someone whose title may hold
  it ("the mayor" is not "Sen. Ann Lee"; "the chairman" may be);
- "the ministry" is the country whose ministry was named a few sentences before;
  "according to a study" cites an unnamed text and has no speaker;
- a lede that describes someone before naming them ("A former nurse … told
  jurors that …", then "“…,” Emma Walsh, 41, said") is the person named next,
  under the conditions of `_named_next`;
- anything else stays unresolved: speaker None with a low confidence, since a
  wrong speaker is worse than none.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from articles.nlp.doc_text import text_of
from articles.nlp.mentions import Mention, Mentions
from articles.nlp.names import OTHER_RANK, actor_lexicons, actor_words, faction_word, person_nouns
from articles.nlp.sources import actor_source_type, is_pronoun, office_of, source_type_of, unnamed_official
from articles.nlp.types import ActorKind, ActorRef, QuoteResult

_PRONOUN_KINDS: dict[str, frozenset[ActorKind]] = {
    "he": frozenset({"person"}),
    "she": frozenset({"person"}),
    "it": frozenset({"organization", "document", "country"}),
    "they": frozenset({"group", "country", "organization"}),
}
_PRONOUN_GENDER = {"he": "m", "she": "f"}
# "his claim that …", "their call for …": a noun of speech's owner is read as its subject.
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "its": "it", "their": "they"}
_YEAR_OLD = re.compile(r"\d{1,3}-year-old")
_ANSWER_LABELS = frozenset({"A", "Answer"})
_ANONYMOUS = re.compile(r"\b(?:named|identified|identify|anonymity|anonymously)\b", re.IGNORECASE)
_LOOKBACK_SENTENCES = 4
_NAMED_WITHIN_SENTENCES = 3  # a lede's description and the name that follows it
_UNRESOLVED = 0.2
_CERTAINTY = {
    "name": 0.95,
    "metonym": 0.85,
    "group": 0.8,
    "document": 0.75,
    "title": 0.8,
    "description": 0.75,
}


def resolve_speakers(
    doc: Doc, quotes: list[QuoteResult], actors: list[ActorRef], mentions: Mentions
) -> list[QuoteResult]:
    """`quotes` with `speaker` set to an ActorRef.name where the mention allows,
    and `confidence` lowered to how sure the attribution is."""
    kinds = {a.name: a.kind for a in actors}
    titled = {a.name: _title_words(a.title) for a in actors if a.title}
    sent_starts = [s.start_char for s in doc.sents]
    modifiers = frozenset(m.token for m in mentions if _only_modifies(doc, m, kinds.get(m.actor)))
    resolved: list[QuoteResult] = []
    text = text_of(doc)
    for quote in quotes:
        speaker, certainty = _resolve(quote, kinds, titled, mentions, sent_starts, modifiers)
        if speaker is None:
            speaker, certainty = _same_pronoun_before(quote, resolved, sent_starts)
        resolved.append(replace(quote, speaker=speaker, confidence=round(min(quote.confidence, certainty), 2)))
    for index, quote in enumerate(resolved):
        named = _named_next(text, index, resolved, actors, mentions, sent_starts) or _office_named_next(
            quote, actors, mentions, sent_starts
        )
        if named is not None:
            # as sure as the quote itself, at most 0.6 (not the 0.2 of the unresolved mention)
            confidence = round(min(quotes[index].confidence, 0.6), 2)
            resolved[index] = replace(quote, speaker=named, confidence=confidence)
    people = {form.casefold(): a.name for a in actors if a.kind == "person" for form in (a.name, *a.aliases)}
    return [_typed(quote, kinds, people) for quote in resolved]


def _only_modifies(doc: Doc, mention: Mention, kind: ActorKind | None) -> bool:
    """ "A Romney campaign aide", "U.S. lobbying records", "The U.S. media", "the U.S.
    presidential candidate": a name that only modifies a common noun is not who
    speaks; the aide, the records, the media or the candidate are. An organisation
    still speaks through its people and bodies ("A Boeing spokesperson", "Goldman
    Sachs strategists", "the UN refugee agency"), a country through its bodies
    ("the Russian navy")."""
    tok = doc[mention.token]
    if tok.head.pos_ != "NOUN" or tok.dep_ not in {"compound", "nmod", "amod"}:
        return False
    if kind == "person":
        return tok.dep_ != "amod"
    if tok.head.i < tok.i:
        return False
    head = tok.head.lemma_.lower()
    if faction_word(tok.head.text):
        return True  # "House conservatives": a faction of the body, which does not speak for it
    if _text_or_outlet(tok.head.lower_) or (source_type_of(head) == "group" and head != "police"):
        return True
    return kind == "country" and (head in person_nouns() or head in actor_lexicons().title_heads)


def _text_or_outlet(phrase: str) -> bool:
    """Whether a phrase's head is a text or the media ("FEC records", "the U.S. media")."""
    return source_type_of(phrase.lower()) in {"document", "media"}


def _typed(quote: QuoteResult, kinds: dict[str, ActorKind], people: dict[str, str]) -> QuoteResult:
    """The source's type; an unnamed source ("administration officials", "a new
    poll") is its phrase as written, so that "who is quoted" does not drop it. A phrase
    that is a person's name or alias (`people`, casefolded) is that person: "who is
    quoted" must not list "President Trump" beside Trump."""
    if quote.speaker is None and (person := people.get(quote.speaker_mention.strip().casefold())):
        quote = replace(quote, speaker=person, confidence=max(quote.confidence, 0.5))
    if quote.speaker is not None:
        source_type = actor_source_type(kinds.get(quote.speaker, "person"), quote.speaker)
        # "Grist, a news site, reported": the appositive says the actor is an outlet
        if source_type == "actor" and any(source_type_of(p) == "media" for p in quote.speaker_mention.split(",")[1:]):
            source_type = "media"
        return replace(quote, source_type=source_type)
    phrase = quote.speaker_mention.strip()
    if not phrase or is_pronoun(phrase) or phrase in _ANSWER_LABELS:
        return quote
    return replace(quote, speaker=phrase, source_type=source_type_of(phrase))


def _resolve(
    quote: QuoteResult,
    kinds: dict[str, ActorKind],
    titled: dict[str, frozenset[str]],
    mentions: Mentions,
    sent_starts: list[int],
    modifiers: frozenset[int],
) -> tuple[str | None, float]:
    if quote.mention_start is None or quote.mention_end is None:
        return None, _UNRESOLVED
    words = [_POSSESSIVE_PRONOUNS.get(w, w) for w in quote.speaker_mention.lower().split()]
    quote_span = (quote.start, quote.end)
    if not quote.cue and quote.speaker_mention in _ANSWER_LABELS:
        return _interviewee(kinds, mentions)
    if len(words) == 1 and words[0] in _PRONOUN_KINDS:
        gender = _PRONOUN_GENDER.get(words[0], "")
        return _pronoun(words[0], quote.mention_start, kinds, mentions, sent_starts, gender, skip=quote_span)
    inside = [
        m
        for m in mentions.within(quote.mention_start, quote.mention_end)
        if m.actor in kinds and not m.possessive and m.token not in modifiers
    ]
    if _text_or_outlet(quote.speaker_mention):
        # "A redacted copy of the FDIC inspector general's memo", "The U.S. media": the
        # text or the media speak, not a body named inside the phrase (a document
        # mention of the text itself still names it)
        inside = [m for m in inside if kinds[m.actor] == "document"]
    if unnamed_official(quote.speaker_mention) and not any(kinds[m.actor] == "person" for m in inside):
        return None, _UNRESOLVED  # typed as an anonymous source by `_typed`, not the country it serves
    owner = _owner(quote, mentions, kinds) if not inside else None
    if owner is not None:
        # "President Trump’s demand for $5.7 billion": the noun of speech's owner says it,
        # as "his demand" would be his (a phrase of its own would list him twice).
        return owner.actor, round(_CERTAINTY[owner.kind] - 0.1, 2)
    described = _person_description(quote.speaker_mention) if not inside else None
    if described is not None:
        return _described(quote.mention_start, quote_span, described, titled, kinds, mentions, sent_starts)
    if not inside:
        return _state_body_of(quote, kinds, mentions, sent_starts)
    # "Russia's foreign minister, Sergei Lavrov" names a country and a person: the
    # person speaks. "A spokesman for the Metropolitan Police": the organisation.
    people = [m for m in inside if kinds[m.actor] == "person"]
    pool = people or inside
    # "Manchester United manager Ruben Amorim" with the club mistaken for a person:
    # the one that heads the subject speaks.
    best = next((m for m in pool if m.subject), pool[0])
    if best.kind == "document" and _unnamed_source(quote):
        return None, _UNRESOLVED
    certainty = _CERTAINTY[best.kind]
    if len({m.actor for m in pool}) > 1:
        certainty -= 0.3
    return best.actor, certainty


def _described(
    mention_start: int,
    quote_span: tuple[int, int],
    described: _Description,
    titled: dict[str, frozenset[str]],
    kinds: dict[str, ActorKind],
    mentions: Mentions,
    sent_starts: list[int],
) -> tuple[str | None, float]:
    """ "the German said", "the 34-year-old said", "The defendant, 28, said": a person
    already named, found like "he" or "she" would be, a little less surely. "The
    minister said" goes only to someone the article gave a fitting title."""
    among = None
    if described.office:
        among = frozenset(name for name, words in titled.items() if described.fits(words))
    gender = described.gender
    speaker, certainty = _pronoun("he", mention_start, kinds, mentions, sent_starts, gender, among, quote_span)
    return speaker, round(certainty - 0.1, 2) if speaker else certainty


def _owner(quote: QuoteResult, mentions: Mentions, kinds: dict[str, ActorKind]) -> Mention | None:
    """The actor a speaker mention names as the owner of the cue ("President Trump’s" in
    "President Trump’s demand that …"): a possessive name that ends the mention ("Russia’s
    foreign minister" is the minister, not Russia). None without a mention to look in."""
    if quote.mention_start is None or quote.mention_end is None:
        return None
    for mention in mentions.within(quote.mention_start, quote.mention_end + 2):
        if mention.possessive and mention.actor in kinds and mention.end >= quote.mention_end:
            return mention
    return None


def _named_next(
    text: str,
    index: int,
    quotes: list[QuoteResult],
    actors: list[ActorRef],
    mentions: Mentions,
    sent_starts: list[int],
) -> str | None:
    """The person an unresolved indefinite description ("A former nurse", "A man
    accused of arson") is, when the article names them right after: nobody was
    named before the description, it is not an anonymous source, and the next
    quote with another mention, within a few sentences, is by a person first
    named after the description and given only by name (an age aside), not as
    another role ("neighbour Ann Lee", "Detective Inspector Ann Lee")."""
    quote = quotes[index]
    words = quote.speaker_mention.split()
    if quote.speaker is not None or quote.mention_start is None or quote.mention_end is None or len(words) < 2:
        return None
    if words[0].lower() not in {"a", "an"}:
        return None
    people = {a.name: a for a in actors if a.kind == "person"}
    if any(m.actor in people and m.start < quote.mention_start for m in mentions):
        return None
    sentence = _sentence_at(sent_starts, quote.mention_start)
    sentence_end = sent_starts[sentence + 1] if sentence + 1 < len(sent_starts) else len(text)
    if _ANONYMOUS.search(text[sent_starts[sentence] : sentence_end]):
        return None
    later = next((q for q in quotes[index + 1 :] if q.mention_start != quote.mention_start), None)
    if later is None or later.speaker not in people or later.mention_start is None:
        return None
    if _sentence_at(sent_starts, later.mention_start) - _sentence_at(sent_starts, quote.end) > _NAMED_WITHIN_SENTENCES:
        return None
    person = people[later.speaker]
    first = min((m.start for m in mentions.for_actor(person.name)), default=-1)
    # Only a mention that names the person can add a role ("neighbour Ann Lee");
    # "the defendant said" or "he said" refers back to the description itself.
    in_mention = mentions.within(later.mention_start, later.mention_end or 0)
    names_them = any(m.actor == person.name and m.kind == "name" for m in in_mention)
    leftover = later.speaker_mention if names_them else ""
    for form in sorted((person.name, *person.aliases), key=len, reverse=True):
        leftover = leftover.replace(form, "")
    # The same role is fine ("A federal judge" … "Judge Amy Carter"), another is not.
    role = {w.lower().strip(".,") for w in words[1:]}
    other_role = {w.lower() for w in re.findall(r"[^\W\d]+", f"{leftover} {person.title}")} - role
    if first < quote.mention_end or other_role:
        return None
    return person.name


def _office_named_next(
    quote: QuoteResult, actors: list[ActorRef], mentions: Mentions, sent_starts: list[int]
) -> str | None:
    """The person an unresolved office ("The chairman of the House committee said")
    is, when nobody with that office was named before and the next person the
    article gives it, within a few sentences, is named ("the committee's chairman,
    Representative Ann Lee")."""
    if quote.speaker is not None or quote.mention_start is None or quote.mention_end is None:
        return None
    office = office_of(quote.speaker_mention)
    if not office:
        return None
    people = {a.name: a for a in actors if a.kind == "person"}

    def holds(mention: Mention) -> bool:
        person = people[mention.actor]
        return office in _title_words(person.title) or office in mention.text.lower().split()

    last = _sentence_at(sent_starts, quote.mention_start) + _NAMED_WITHIN_SENTENCES
    for mention in mentions:
        if mention.actor not in people or not holds(mention):
            continue
        if mention.start < quote.mention_start:
            return None  # an office named before is for `_person_description` to resolve
        if mention.start >= quote.mention_end:
            return mention.actor if _sentence_at(sent_starts, mention.start) <= last else None
    return None


def _sentence_at(sent_starts: list[int], at: int) -> int:
    return bisect.bisect_right(sent_starts, at) - 1


@dataclass(frozen=True)
class _Description:
    """A definite description of a person named before: "the Dutchman", "The
    professional dancer, 34", "the minister". `office` when the head is a title
    ("minister"): only someone the article gave a title that `fits` can be meant."""

    gender: str
    office: bool
    title_words: frozenset[str] = frozenset()  # what the title must hold: {"russian", "leader"}
    post: str = ""  # the post the head names ("mayor"); "" for a role that goes with any ("leader")
    ranks: frozenset[str] = frozenset()  # "the vice president": {"vice"}

    def fits(self, title: frozenset[str]) -> bool:
        """Whether someone with `title` (`_title_words`) may be meant: a qualified office
        ("the Russian leader") needs its words in the title; a post ("the mayor") needs
        a title naming it (or a synonym: "the congressman" is "Rep. Ann Lee"), or naming
        no post ("Mr.", "Chairman"), and no other rank ("the president" is not Vice
        President Pence)."""
        if not self.title_words <= title:
            return False
        if not self.post:
            return True
        offices = actor_lexicons().title_office
        posts = {offices[w] for w in title if w in offices}
        return not (title & OTHER_RANK) - self.ranks and (not posts or self.post in posts)


_DESCRIPTION = re.compile(r"the\s+((?:[\w-]+\s+){0,3})([\w-]+)(?:,\s*\d{1,3})?", re.IGNORECASE)


def _person_description(mention: str) -> _Description | None:
    match = _DESCRIPTION.fullmatch(mention.strip())
    if match is None:
        return None
    modifiers, noun = match.group(1).split(), match.group(2)
    demonyms = _singular_demonyms()
    if any(not (w.islower() or w in demonyms or _of_origin(w)) for w in modifiers):
        return None  # "the Chamber of Progress", "the Former President": a name, not a description
    if _YEAR_OLD.fullmatch(noun) or noun in demonyms:
        gender = "f" if noun.endswith("woman") else "m" if noun.endswith("man") else ""
        return _Description(gender, office=False)
    if not noun.islower():
        return None
    nouns = person_nouns()
    if noun in nouns:
        return _Description(nouns[noun], office=False)
    lex = actor_lexicons()
    if noun in lex.title_heads and noun.isalpha():
        # "the minister" is whoever the article titled last; "the minority leader", "the
        # Russian leader" a leader the article called so, not any titled person
        required = {w.lower() for w in modifiers if w in demonyms} | ({noun} if modifiers else set())
        post, ranks = lex.title_office.get(noun, ""), frozenset(modifiers) & OTHER_RANK
        return _Description(lex.title_gender.get(noun, ""), True, frozenset(required), post, ranks)
    return None


def _of_origin(word: str) -> bool:
    """ "Mexican-born", "Iowa-based", "Texas-raised": a place then a lower-case participle."""
    place, hyphen, rest = word.partition("-")
    return bool(hyphen) and place[:1].isupper() and rest.isalpha() and rest.islower()


def _title_words(title: str) -> frozenset[str]:
    """ "Senate Minority Leader" -> {"senate", "minority", "leader"}; "Sen." -> {"sen.", "senator"}."""
    full = actor_lexicons().title_full
    words = title.lower().split()
    return frozenset(words + [full[w] for w in words if w in full])


@functools.cache
def _singular_demonyms() -> frozenset[str]:
    """Nationality nouns for one person ("German", "Dutchman")."""
    demonyms = actor_lexicons().demonyms
    return frozenset(d for d in demonyms if not d.endswith("s") and d[:1].isupper() and "." not in d)


def _pronoun(
    word: str,
    at: int,
    kinds: dict[str, ActorKind],
    mentions: Mentions,
    sent_starts: list[int],
    gender: str = "",
    among: frozenset[str] | None = None,
    skip: tuple[int, int] = (0, 0),
) -> tuple[str | None, float]:
    """The actor a pronoun (or a description read like one) refers to: of the
    compatible mentions (not inside the quote itself, `skip`), first a subject in
    this sentence or the one before (one of the main clause first), then what the
    sentence before names otherwise ("I asked a former director, Mitch Daniels,
    whether …"), then a main-clause subject further back, then the nearest."""
    allowed = _PRONOUN_KINDS[word]
    sentence = _sentence_at(sent_starts, at)
    horizon = sent_starts[max(0, sentence - _LOOKBACK_SENTENCES)]
    previous_sentence = sent_starts[max(0, sentence - 1)]
    this_sentence = sent_starts[sentence]
    candidates: list[Mention] = []
    for mention in mentions.before(at):
        if mention.start < horizon:
            break
        kind = kinds.get(mention.actor)
        if kind not in allowed or (gender and mention.gender and mention.gender != gender):
            continue
        if (among is not None and mention.actor not in among) or skip[0] <= mention.start < skip[1]:
            continue
        candidates.append(mention)
    near = [m for m in candidates if m.start >= previous_sentence]
    choices = (
        (0.8, [m for m in near if m.subject and m.main_clause]),
        (0.7, [m for m in near if m.subject]),
        (0.5, [m for m in near if m.start < this_sentence and not m.possessive]),
        (0.6, [m for m in candidates if m.subject and m.main_clause]),
        (0.45, candidates[:1]),
    )
    for certainty, pool in choices:
        if pool:
            best = pool[0]
            closer = [m for m in candidates if m.start > best.start and m.start >= this_sentence]
            if any(m.actor != best.actor for m in closer):
                certainty -= 0.2  # another candidate sits closer in the same sentence
            return best.actor, round(certainty, 2)
    return None, _UNRESOLVED


def _same_pronoun_before(
    quote: QuoteResult, resolved: list[QuoteResult], sent_starts: list[int]
) -> tuple[str | None, float]:
    """ "He said he hoped talks would go on. “Walls should not be controversial,” he said.":
    "he" or "she" whose antecedent lies further back than `_pronoun` looks is who the same
    pronoun was a sentence or few before (nothing that fits was named in between, or
    `_pronoun` would have found it), a little less surely."""
    word = quote.speaker_mention.lower()
    if word not in _PRONOUN_GENDER or quote.mention_start is None:  # "it" and "they" are too loose
        return None, _UNRESOLVED
    horizon = sent_starts[max(0, _sentence_at(sent_starts, quote.mention_start) - _LOOKBACK_SENTENCES)]
    for before in reversed(resolved):
        if before.mention_start is None or not horizon <= before.mention_start < quote.mention_start:
            continue
        if before.speaker is not None and before.speaker_mention.lower() == word:
            return before.speaker, round(min(before.confidence, 0.6) - 0.1, 2)
    return None, _UNRESOLVED


def _interviewee(kinds: dict[str, ActorKind], mentions: Mentions) -> tuple[str | None, float]:
    """Who answers in a Q&A: the first person the article names (its introduction
    presents the interviewee), with a middling confidence."""
    for mention in mentions:
        if kinds.get(mention.actor) == "person":
            return mention.actor, 0.5
    return None, _UNRESOLVED


def _state_body_of(
    quote: QuoteResult, kinds: dict[str, ActorKind], mentions: Mentions, sent_starts: list[int]
) -> tuple[str | None, float]:
    """ "Ukraine’s navy said" when the parse gave no noun phrase for "navy": a
    country's state body speaks for the country. "The ministry said" after
    "China's foreign ministry": the same body named a few sentences before."""
    if quote.mention_start is None or quote.mention_end is None:
        return None, _UNRESOLVED
    words = quote.speaker_mention.lower().split()
    if not words or words[-1] not in _state_bodies():
        return None, _UNRESOLVED
    owners = [
        m
        for m in mentions.within(quote.mention_start, quote.mention_end)
        if m.possessive and kinds.get(m.actor) == "country"
    ]
    if owners:
        return owners[0].actor, 0.7
    if words[0] != "the" or len(words) != 2:
        return None, _UNRESOLVED
    horizon = sent_starts[max(0, _sentence_at(sent_starts, quote.mention_start) - _LOOKBACK_SENTENCES)]
    for mention in mentions.before(quote.mention_start):
        if mention.start < horizon:
            break
        if kinds.get(mention.actor) == "country" and mention.text.lower().split()[-1] == words[-1]:
            return mention.actor, 0.7
    return None, _UNRESOLVED


@functools.cache
def _state_bodies() -> frozenset[str]:
    return actor_words("state_body")


def _unnamed_source(quote: QuoteResult) -> bool:
    """ "according to a study", "according to a statement": the writer cites a
    text without saying whose; the text is not a speaker ("A new study suggests"
    makes the study one)."""
    return quote.cue.lower() == "according to" and quote.speaker_mention.lower().split()[0] in {"a", "an"}
