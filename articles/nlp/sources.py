"""What kind of source a quote has when no actor is named: `source_type_of`.

"sources said", "a person familiar with the talks" are anonymous; "experts",
"police", "the family" a group; "a new poll", "the letter" a document; "the
newspaper", "The Times" the media. The words are lexicons/source_words.csv. The
phrase is read as text (its head is the last word before "of", "for", "who",
...), so this module needs no parse and the Django side may import it.
"""

from __future__ import annotations

import functools
import re

from articles.ingest.outlets import known_outlet
from articles.nlp.names import actor_lexicons, institution_nouns, load_lexicon
from articles.nlp.types import ActorKind, SourceType

_WORD = re.compile(r"[\w’'.&-]+|,")
# Words after which the head of a noun phrase has been read: "officials [familiar with]".
_HEAD_ENDS = frozenset(
    {"of", "for", "at", "from", "in", "on", "with", "who", "that", "which", "to", ",", "close", "involved"}
)
_PRONOUNS = frozenset({
    "he", "she", "it", "they", "i", "we", "you", "him", "her", "them", "who", "which", "this", "his", "its", "their",
})
_UNNAMED_HEADS = frozenset({"official", "source"})
# "Every Republican on the panel", "all nine members", "both senators": a set of people.
# "news reports", "various media stories", "a news site": what the media put out.
_MEDIA_MODIFIERS = frozenset({"news", "press"})  # lower case only: not "an NBC News poll"
_MEDIA_TEXTS = frozenset({"site", "story", "account", "article", "agency", "service", "outlet"})
_QUANTIFIERS = frozenset({"every", "each", "all", "both", "many", "most", "some", "several", "few"})
_NUMBERS = frozenset(
    {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty"}
    | {"fifty", "half", "most", "many", "some", "several", "few", "all", "both"}
    # shares and counts: "only a third of voters", "a majority of the court", "dozens of residents"
    | {"third", "thirds", "quarter", "quarters", "fifth", "majority", "minority", "plurality"}
    | {"dozen", "dozens", "hundreds", "thousands", "millions"}
)
# "a group of senators", "a handful of donors", "a coalition of unions": the people gathered
# say what source it is (not "an advocacy group", an organisation nobody named)
_GATHERINGS = frozenset({"group", "handful", "number", "couple", "pair", "bunch", "coalition", "crowd", "band"})


@functools.cache
def _words() -> dict[str, str]:
    return {r["word"]: r["type"] for r in load_lexicon("source_words.csv")}


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _head(words: list[str]) -> str:
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _HEAD_ENDS), len(words))
    # "emails released on Friday", "a study published today": the participle follows the head.
    while cut > 1 and words[cut - 1].lower().endswith(("ed", "ing")) and words[cut - 1].islower():
        cut -= 1
    return re.sub(r"['’]s?$", "", words[cut - 1]) if cut else ""


def unnamed_official(phrase: str) -> bool:
    """ "U.S. officials", "a Cairo airport official", "the official", "sources close to
    the campaign": an unnamed source whatever country or body it works for."""
    words = _WORD.findall(phrase)
    return bool(words) and _singular(_head(words).lower()) in _UNNAMED_HEADS


def is_pronoun(phrase: str) -> bool:
    words = phrase.lower().split()
    return bool(words) and all(w in _PRONOUNS for w in words)


def source_type_of(phrase: str) -> SourceType:
    """The type of an unnamed source given as `phrase`; "unknown" for what reads
    as a name or an office nobody resolved, a pronoun, or nothing."""
    words = _WORD.findall(phrase)
    if not words or is_pronoun(phrase):
        return "unknown"
    lex = _words()
    if any(lex.get(w.lower()) == "marker" for w in words):
        return "anonymous"
    head = _head(words)
    low = head.lower()
    typed = lex.get(low) or lex.get(_singular(low))
    if (typed == "document" or _singular(low) in _MEDIA_TEXTS) and _media_modified(words, head):
        return "media"
    if typed in {"anonymous", "document", "group", "media"}:
        return typed  # type: ignore[return-value]
    if any(lex.get(w.lower()) == "outlet" and w[:1].isupper() for w in words) or names_outlet(phrase):
        return "media"
    if (head[:1].isdigit() and not low.endswith("-old")) or low in _NUMBERS or words[0].lower() in _QUANTIFIERS:
        return "group"  # "Nine in 10 voters", "24 percent"
    after = words[words.index(head) + 1:] if head in words else []
    if low in _GATHERINGS and after[:1] == ["of"]:
        members = source_type_of(" ".join(after[1:]))  # "a number of officials" are still officials
        return "group" if members == "unknown" else members
    if len(words) == 1 and _singular(low) != low and not low.endswith(("ss", "us", "is")):
        return "group"  # "Experts say", capitalised only because it opens the sentence
    if all(w[:1].isupper() or w.lower() in {"of", "the", "and", "de", "van", "von"} for w in words):
        return "unknown"  # a name nobody made an actor of
    if _singular(low) != low or low in {"people", "men", "women"}:
        return "group"
    # an office ("the chairman of the committee") is someone nobody resolved, like a name;
    # so is a body the article could name ("the administration", "the government")
    return "unknown" if office_of(phrase) or _institution(words, head) else "anonymous"


def _institution(words: list[str], head: str) -> bool:
    return words[0].lower() == "the" and head.islower() and head in institution_nouns()


def _media_modified(words: list[str], head: str) -> bool:
    """A lower-case media word before the head ("news reports"; not "an NBC News poll")."""
    before = words[: words.index(head)] if head in words else []
    return any(w in _MEDIA_MODIFIERS or (w.islower() and _words().get(w) == "media") for w in before)


def office_of(phrase: str) -> str:
    """The office of "the chairman of the House committee" ("chairman"), "the Senate
    majority leader": one person the article could name, described by office, not an
    unnamed source; "" for any other phrase."""
    words = _WORD.findall(phrase)
    if len(words) < 2 or words[0].lower() != "the":
        return ""
    head = _head(words)
    return head if head.islower() and head in actor_lexicons().title_heads and _words().get(head) is None else ""



def actor_source_type(kind: ActorKind, name: str) -> SourceType:
    """A resolved actor is an `actor`, except documents, groups and news outlets."""
    if kind == "document":
        return "document"
    if kind == "group":
        return "group"
    if kind == "organization" and (
        any(_words().get(w.lower()) == "outlet" for w in _WORD.findall(name)) or names_outlet(name)
    ):
        return "media"
    return "actor"


def names_outlet(phrase: str) -> bool:
    """"The Oregonian", "Los Angeles Times", "AFP": the name of an outlet in the ingest's
    outlets list (articles/ingest/data/outlets.csv, the one list of outlet names),
    capitalised as a name is. A single word is one only as "The X" or an acronym, and a
    place never is: "Reason", "Dawn" or "New York said in its filing" are no outlet."""
    words = phrase.split()
    if not words or not all(w[:1].isupper() or w.lower() == "the" for w in words):
        return False
    bare = " ".join(words[1:]) if words[0].lower() == "the" else phrase
    if not bare or bare in _places():
        return False
    if len(bare.split()) == 1 and bare == phrase and not bare.isupper():
        return False
    return bool(known_outlet(bare) or known_outlet("The " + bare))


@functools.cache
def _places() -> frozenset[str]:
    states = {r["state"] for r in load_lexicon("us_states.csv")}
    return frozenset(states | set(actor_lexicons().countries))
