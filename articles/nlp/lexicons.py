"""Word lists as data: loading the CSV lexicons and matching them against Docs.

Each file in `lexicons/` starts with `# source: …` and `# version: …` comment lines,
then a CSV header (`term` or `term,<category column>`) and one term a row. Editing a
file changes the analysis without code changes (bump its version so exports say so).

Multiword terms are written as lemmas ("point out", "go on to say"); they are matched
on token lemmas, and every term is also matched on the lower-cased surface form, so a
single word may be written in any form ("emphasised", "alleged").
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy loads thinc and torch: the exports read versions without it
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

LEXICON_DIR = Path(__file__).with_name("lexicons")

# The lexicons this module owns; `lexicon_versions()` reports these for exports.
LEXICON_NAMES = (
    "reporting_verbs",
    "stance_adverbs",
    "hedges",
    "loaded_terms",
    "loaded_lexical",
    "loaded_wordnet",
    "attribution_words",
    "event_nouns",
    "institution_nouns",
    "demonyms",
)


class LexiconError(ValueError):
    """A lexicon file is malformed (missing header, version or terms)."""


@dataclass(frozen=True)
class Lexicon:
    name: str
    source: str
    version: str
    entries: Mapping[str, str]  # term -> category ("" for one-column lists)
    # term -> every column after the term, for lexicons with more than one ("" where blank)
    fields: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def category(self, term: str) -> str:
        return self.entries.get(term, self.entries.get(term.lower(), ""))

    def column(self, term: str, column: int) -> str:
        """Column `column` (1 = the category) of `term`'s row, "" when absent."""
        row = self.fields.get(term, ())
        return row[column - 1] if len(row) >= column else ""


@dataclass(frozen=True)
class LexiconMatch:
    """A lexicon term found in a Doc, as token indices [start, end)."""

    term: str
    category: str
    start: int
    end: int


@cache
def load_lexicon(name: str) -> Lexicon:
    path = LEXICON_DIR / f"{name}.csv"
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"no lexicon file {path}") from None
    meta: dict[str, str] = {}
    body: list[str] = []
    for line in raw.splitlines():
        stripped = line.strip()
        if stripped.startswith("#"):
            key, _, value = stripped.lstrip("#").partition(":")
            meta.setdefault(key.strip().lower(), value.strip())
        elif stripped:
            body.append(stripped)
    if not meta.get("source") or not meta.get("version"):
        raise LexiconError(f"{path.name}: needs '# source:' and '# version:' header lines")
    rows = list(csv.reader(io.StringIO("\n".join(body))))
    if not rows or rows[0][0].strip() != "term":
        raise LexiconError(f"{path.name}: first CSV row must be the header 'term[,category]'")
    entries: dict[str, str] = {}
    fields: dict[str, tuple[str, ...]] = {}
    for row in rows[1:]:
        term = row[0].strip()
        if term:
            fields[term] = tuple(cell.strip() for cell in row[1:])
            entries[term] = fields[term][0] if fields[term] else ""
    if not entries:
        raise LexiconError(f"{path.name}: no terms")
    return Lexicon(
        name=name, source=meta["source"], version=meta["version"], entries=entries, fields=fields
    )


def lexicon_versions() -> dict[str, str]:
    """Name -> version of every lexicon, for exports and analysis provenance."""
    return {name: load_lexicon(name).version for name in LEXICON_NAMES}


@dataclass
class _Matchers:
    vocab: Vocab  # held so the id() key below cannot be reused by another vocab
    lower: PhraseMatcher
    lemma: PhraseMatcher


_MATCHERS: dict[tuple[int, str], _Matchers] = {}


def _matchers(vocab: Vocab, name: str) -> _Matchers:
    key = (id(vocab), name)
    found = _MATCHERS.get(key)
    if found is not None and found.vocab is vocab:
        return found
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    # A blank English tokenizer splits terms exactly as the model's tokenizer does
    # ("so-called" -> so - called) and shares the vocab, so string ids agree.
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    lower = PhraseMatcher(vocab, attr="LOWER")
    lemma = PhraseMatcher(vocab, attr="LEMMA")
    lexicon = load_lexicon(name)
    for term in lexicon.entries:
        words = [t.text for t in tokenizer(term)]
        if term.startswith("-") and len(term) > 1:
            # the second half of a compound ("-prone"): the model splits "gaffe-prone" into
            # gaffe - prone, the blank tokenizer keeps "-prone" whole
            words = ["-", *(t.text for t in tokenizer(term[1:]))]
        lowered = [w.lower() for w in words]
        lower.add(term, [Doc(vocab, words=lowered)])
        if len(lowered) > 1 or lexicon.column(term, 2) == "VERB":
            # a Title Case headline ("Trump Lashes Out") has no lemmas: its words are tagged
            # as names, so a multiword term's (or a listed verb's) inflected first word is
            # matched as written ("Spurns offer", tagged a name)
            forms = _inflections(lowered[0]) if len(lowered) > 1 else _strict_inflections(lowered[0])
            lower.add(term, [Doc(vocab, words=[form, *lowered[1:]]) for form in forms])
        lemma.add(term, [Doc(vocab, words=lowered, lemmas=lowered)])
    found = _Matchers(vocab=vocab, lower=lower, lemma=lemma)
    _MATCHERS[key] = found
    return found


def _inflections(verb: str) -> list[str]:
    """Regular -s, -ed and -ing forms of a lemma (lash -> lashes, lashed, lashing); a form
    that is no word matches nothing, so over-generating is harmless."""
    if len(verb) < 3 or not verb.isalpha():
        return []
    stem = verb[:-1] if verb.endswith("e") else verb
    forms = {verb + "s", verb + "es", stem + "ed", stem + "ing"}
    if verb.endswith("y"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied"}
    if _ends_consonant_vowel_consonant(verb):
        forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # slam -> slammed
    return sorted(forms)


def _ends_consonant_vowel_consonant(verb: str) -> bool:
    """"slam", "spar", "pummel": the ending whose consonant doubles before -ed."""
    return verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou"


def _strict_inflections(verb: str) -> list[str]:
    """The forms of a single listed verb, without those that are another verb's: "spar"
    gives "sparred", not "spared" (spare's), but "pummel" gives "pummeled" too (no
    "pummele"); "-es" only after a hiss ("lashes", not "spares")."""
    forms = set(_inflections(verb))
    stem = verb[:-1] if verb.endswith("e") else verb
    one_syllable = len(re.findall(r"[aeiouy]+", verb)) == 1
    if one_syllable and len(verb) >= 3 and _ends_consonant_vowel_consonant(verb):
        # a longer verb's final syllable is unstressed: "pummeled" and "pummelled" both
        forms -= {stem + "ed", stem + "ing"}
    if not verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.discard(verb + "es")
    return sorted(forms)


def another_verbs_form(word: str, verb: str) -> bool:
    """Whether `word` looks inflected from `verb` but is another verb's ("spared" is
    spare's, not spar's: the lemmatizer may say otherwise)."""
    return word in set(_inflections(verb)) - set(_strict_inflections(verb))


def match_lexicon(doc: Doc, name: str) -> list[LexiconMatch]:
    """Non-overlapping matches of lexicon `name` in `doc`, longest first, in text order.

    Results are memoised in `doc.user_data` (as plain tuples), so claims and signals
    can both ask without matching twice."""
    cache_key = f"newsframe.lexicon.{name}"
    cached = doc.user_data.get(cache_key)
    if cached is None:
        cached = _match(doc, name)
        doc.user_data[cache_key] = cached
    return [LexiconMatch(term, cat, start, end) for term, cat, start, end in cached]


def same_span_terms(doc: Doc, name: str, match: LexiconMatch) -> list[LexiconMatch]:
    """The other terms of lexicon `name` that match exactly `match`'s tokens (the verb
    "pander" at "pandering", beside the kept noun "pandering"), for a caller whose sense
    tests refuse the kept one; in match_lexicon's order of preference."""
    cache_key = f"newsframe.lexicon.{name}.all"
    found = doc.user_data.get(cache_key)
    if found is None:
        found = doc.user_data[cache_key] = sorted(_raw_matches(doc, name), key=lambda m: (m[1], m[2], m[0]))
    lexicon = load_lexicon(name)
    return [LexiconMatch(term, lexicon.entries[term], start, end) for term, start, end in found
            if (start, end) == (match.start, match.end) and term != match.term]


def _raw_matches(doc: Doc, name: str) -> set[tuple[str, int, int]]:
    matchers = _matchers(doc.vocab, name)
    strings = doc.vocab.strings
    found: set[tuple[str, int, int]] = set()
    for matcher in (matchers.lower, matchers.lemma):
        for match_id, start, end in matcher(doc):
            found.add((strings[match_id], start, end))
    return found


def _match(doc: Doc, name: str) -> list[tuple[str, str, int, int]]:
    lexicon = load_lexicon(name)
    found = _raw_matches(doc, name)
    taken: set[int] = set()
    kept: list[tuple[str, str, int, int]] = []
    # longest first; at one span the term written as the text ("meddling" before the
    # verb "meddle" whose inflection also matched)
    def written(m: tuple[str, int, int]) -> bool:
        return m[0].lower() == doc[m[1] : m[2]].text.lower()

    for term, start, end in sorted(found, key=lambda m: (m[1] - m[2], m[1], not written(m), m[0])):
        if any(i in taken for i in range(start, end)):
            continue
        taken.update(range(start, end))
        kept.append((term, lexicon.entries[term], start, end))
    kept.sort(key=lambda m: m[2])
    return kept
