"""Headlines and subheads in title case, parsed as the running text they stand for.

News headlines capitalise every word ("Gingrich: Trump Must Decide If He Wants a
Two-Pirate Ticket", "Conservative Icon Endorses Ted Cruz"), and the tagger reads each
capitalised word as a name: "Says", "Endorses", "Must Decide" lose their verbs, so the
headline's attribution, often the article's main one, is never found. `parse` parses a
copy of the text where such a line's common words are lower case, then puts the
original characters back on the parsed tokens: offsets, quotes and names stay the
text's own, only the tags, the parse and the entities come from the recased copy.

A word stays capitalised when the text uses it capitalised inside a sentence (a name,
"Trump", "Senate"), when it is an acronym ("DNC", "U.S."), or when the text uses it only
capitalised (at the start of its sentences), when it is an abbreviated title ("Sen.",
"Lt. Gov."), or when it is a given name or follows one ("Mike Okonkwo"); another word the
text never uses at all is lowered: a name in a headline is nearly always named again below
it, a verb or an adjective often is not.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from articles.nlp.doc_text import TEXT_KEY, text_of
from articles.nlp.names import given_name_gender, title_words

_PARAGRAPH = re.compile(r"[^\n]+")
_WORD = re.compile(r"\b[A-Za-z]+(?:['’][A-Za-z]+)?\b")
# Function words a title capitalises and the text may never use in lower case.
_SMALL = frozenset((
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "about", "into", "over",
    "after", "before", "against", "as", "and", "or", "but", "nor", "if", "than", "that", "this", "these",
    "those", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did",
    "will", "would", "can", "could", "may", "might", "must", "should", "shall", "not", "no", "he", "she", "it",
    "we", "they", "his", "her", "its", "their", "our", "who", "what", "why", "how", "when", "where", "says",
    "said", "say", "tell", "tells", "told", "ask", "asks", "asked",
))
_MAX_WORDS = 30  # a headline or a subhead, never a paragraph of prose
_MIN_CAPITALISED = 0.75
_ATTRS = [TAG, POS, MORPH, DEP, HEAD, LEMMA, NORM, ENT_IOB, ENT_TYPE]


def _title_lines(text: str) -> list[re.Match[str]]:
    """The lines of `text` written in title case."""
    found = []
    for line in _PARAGRAPH.finditer(text):
        words = [w.group() for w in _WORD.finditer(line.group())][1:]  # the first is capitalised anyway
        if not 3 <= len(words) + 1 <= _MAX_WORDS:
            continue
        long_words = [w for w in words if len(w) > 3 or w.lower() in _SMALL]
        capitalised = sum(w[0].isupper() for w in long_words)
        if len(long_words) >= 3 and capitalised / len(long_words) >= _MIN_CAPITALISED:
            found.append(line)
    return found


def _running_text(text: str, lines: list[re.Match[str]]) -> str:
    """`text` without its title-case lines: where the words' usual case is read."""
    kept, last = [], 0
    for line in lines:
        kept.append(text[last : line.start()])
        last = line.end()
    kept.append(text[last:])
    return "".join(kept)


@dataclass(frozen=True)
class _Usage:
    """How the text below the headlines writes its words."""

    lower: frozenset[str]  # in lower case, and their stems
    inner_capitals: frozenset[str]  # capitalised inside a sentence: names
    capitals: frozenset[str]  # capitalised anywhere


def _usage(body: str) -> _Usage:
    seen = set(re.findall(r"\b[a-z][a-z'’]*", body))
    return _Usage(
        lower=frozenset(seen | {_stem(w) for w in seen}),
        inner_capitals=frozenset(re.findall(r"(?<=[a-z,;] )[A-Z][a-z]*", body)),  # "Huckabee" of "Huckabee’s"
        capitals=frozenset(re.findall(r"\b[A-Z][a-z]*", body)),
    )


def _lowered(word: str, usage: _Usage, after_given_name: bool) -> bool:
    title_shaped = word[0].isupper() and (word[1:].islower() or word == "A")
    if not title_shaped or len(word.lower()) != len(word):
        return False  # "DNC", "McCain", the "S" of "U.S.", "I", a capital whose lower case is longer
    low = word.lower()
    if low in _SMALL:
        return True
    name = re.sub(r"['’]s$", "", word)
    if name in usage.inner_capitals:
        return False
    if low in usage.lower or _stem(low) in usage.lower:
        return True
    # Unknown to the text altogether: a verb or an adjective ("Blasts", "Sexist") more often
    # than a name, which the article nearly always names again below its headline; but a
    # given name ("Mike") and the word after it are a person's.
    return name not in usage.capitals and not (after_given_name or given_name_gender(name))


_SUFFIXES = ("ing", "ed", "es", "s", "e", "ly")


def _stem(word: str) -> str:
    """A crude stem, so "Endorses" is known from "endorsed" and "Fighting" from "fight"."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def sentence_case(text: str) -> str:
    """`text` with the common words of its title-case lines in lower case (same length)."""
    lines = _title_lines(text)
    if not lines:
        return text
    usage = _usage(_running_text(text, lines))
    chars = list(text)
    for line in lines:
        given = False
        for n, word in enumerate(_WORD.finditer(line.group())):
            abbreviation = line.group()[word.end() : word.end() + 1] == "." and _title_abbreviation(word.group())
            if n and not abbreviation and _lowered(word.group(), usage, given):
                start = line.start() + word.start()
                chars[start : start + len(word.group())] = word.group().lower()
            given = bool(given_name_gender(word.group()))
    return "".join(chars)


def _title_abbreviation(word: str) -> bool:
    """ "Sen." of "Former Sen. Nora Whitfield": the tokenizer keeps only its capitalised
    form whole (pipeline._keep_title_abbreviations), and the title is the actor's."""
    return f"{word.lower()}." in title_words()


def _restored(parsed: Doc, text: str) -> Doc:
    """`parsed` (of the recased copy) with `text`'s own characters on its tokens."""
    words = [text[t.idx : t.idx + len(t.text)] for t in parsed]
    doc = Doc(parsed.vocab, words=words, spaces=[bool(t.whitespace_) for t in parsed])
    doc.from_array(_ATTRS, parsed.to_array(_ATTRS))
    doc.tensor = parsed.tensor
    return doc


def parse(nlp: Language, text: str) -> Doc:
    """`nlp(text)`, with title-case lines parsed as running text."""
    cased = sentence_case(text)
    return _with_text(nlp(text) if cased == text else _restored(nlp(cased), text), text)


def _with_text(doc: Doc, text: str) -> Doc:
    """`doc` knowing its text (doc_text.text_of), which it was parsed from."""
    doc.user_data[TEXT_KEY] = text
    return doc


def parse_many(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """`parse` over many texts through one `nlp.pipe`, in order."""
    originals: deque[str] = deque()  # nlp.pipe reads ahead, in order

    def recased() -> Iterator[str]:
        for text in texts:
            originals.append(text)
            yield sentence_case(text)

    for doc in nlp.pipe(recased(), batch_size=batch_size):
        text = originals.popleft()
        yield _with_text(doc if text_of(doc) == text else _restored(doc, text), text)
