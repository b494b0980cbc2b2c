"""Where each actor is mentioned in one doc, and the word lists behind it.

`find_actors` (actors.py) builds a `Mentions`; `resolve_speakers` (speakers.py)
reads it to turn a quote's speaker mention into an actor. The spaCy-free name
helpers and word lists are names.py; here are the parts that read the parse.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from articles.nlp.names import actor_lexicons, actor_words

MentionKind = Literal["name", "title", "description", "metonym", "document", "group"]


@dataclass(frozen=True)
class Mention:
    """One span of the doc that names, describes or stands for an actor.

    `actor` is the ActorRef.name it refers to. `subject` is True when the span
    heads a grammatical subject, `main_clause` when that subject's verb is the
    sentence's own predicate (not inside a reported or subordinate clause):
    pronouns prefer such antecedents.
    """

    start: int
    end: int
    text: str
    actor: str
    kind: MentionKind
    token: int  # index of the head token
    subject: bool = False
    main_clause: bool = False
    gender: str = ""  # "f" or "m" when a title says so ("spokeswoman"), else ""
    possessive: bool = False  # "Lavrov's spokeswoman": Lavrov is not the speaker


@dataclass(frozen=True)
class Mentions:
    """All mentions of one doc, ordered by start offset."""

    items: tuple[Mention, ...] = ()
    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    @classmethod
    def build(cls, mentions: list[Mention]) -> Mentions:
        items = tuple(sorted(mentions, key=lambda m: (m.start, -m.end)))
        return cls(items=items, _starts=tuple(m.start for m in items))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Mention]:
        return iter(self.items)

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.items[lo:hi] if m.end <= end]

    def before(self, pos: int) -> Iterator[Mention]:
        """Mentions ending at or before `pos`, nearest first (callers stop early)."""
        hi = bisect.bisect_left(self._starts, pos)
        for i in range(hi - 1, -1, -1):
            if self.items[i].end <= pos:
                yield self.items[i]

    def for_actor(self, name: str) -> list[Mention]:
        return [m for m in self.items if m.actor == name]


def title_word(tok: Token) -> bool:
    """A word of a title or a nationality before a name: "Foreign", "Minister", "Russian"."""
    lex = actor_lexicons()
    return tok.lower_ in lex.title_heads or tok.lower_ in lex.title_parts or tok.text in lex.demonyms


# --- name runs: where names are in the parse --------------------------------------

JOINERS = frozenset({"of", "for", "the", "and"})  # inside names only in limited places


def _is_cap(tok: Token) -> bool:
    return bool(tok.text) and (tok.text[0].isupper() or tok.text in {"U.S.", "U.K.", "U.N."})


def _shouting(tok: Token) -> bool:
    # Headlines in capitals ("LAVROV'S PERSPECTIVE") are not names to learn.
    return tok.is_alpha and tok.is_upper and len(tok.text) > 5


_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’", "``", "''"})


def _nickname_quote(doc: Doc, i: int, joinable: Callable[[Token], bool]) -> bool:
    """A quote mark of a one-word nickname between a given name and a surname: the
    opening one (a name before, `“Mo”` then a name after) or the closing one."""
    n = len(doc)
    if doc[i].text not in _QUOTE_MARKS:
        return False
    opening = i + 3 < n and _is_cap(doc[i + 1]) and doc[i + 2].text in _QUOTE_MARKS and joinable(doc[i + 3])
    closing = i >= 2 and i + 1 < n and _is_cap(doc[i - 1]) and doc[i - 2].text in _QUOTE_MARKS and joinable(doc[i + 1])
    return opening or closing


def name_runs(doc: Doc) -> list[Span]:
    """Maximal runs of name-like tokens: proper nouns, capitalised titles and
    nationality words, with "of"/"for the" and name particles inside them."""
    lex = actor_lexicons()
    runs: list[Span] = []
    start: int | None = None
    n = len(doc)

    def joinable(tok: Token) -> bool:
        after_hyphen = start is not None and tok.i >= 2 and doc[tok.i - 1].text == "-"
        if after_hyphen and not doc[tok.i - 1].whitespace_ and doc[tok.i - 2].ent_type_ == "PERSON":
            return _name_syllable(tok) or (_is_cap(tok) and not _shouting(tok))  # "Moon Jae-in"
        if not _is_cap(tok) or _shouting(tok):
            return False
        low = tok.lower_
        if tok.pos_ == "PROPN" or (tok.ent_type_ == "PERSON" and tok.is_title):
            return True  # the tagger calls some surnames nouns ("Auchincloss said")
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
            hyphenated = tok.text == "-" and not prev.whitespace_ and not tok.whitespace_
            if (low in actor_words("name_particle") and (joinable(nxt) or hyphen_then_name)) or (
                # "Lee Jae-myung", "Kim Jong-un": a lower-case part inside a person's name
                hyphenated and (joinable(nxt) or (prev.ent_type_ == "PERSON" and _name_syllable(nxt)))
            ):
                ok = True
            elif low in {"of", "for"} and headed:
                after = doc[i + 2] if nxt.lower_ == "the" and i + 2 < n else nxt
                ok = joinable(after)
            elif low == "of" and prev.pos_ == "PROPN" and prev.ent_type_ not in {"PERSON", "GPE"} and joinable(nxt):
                ok = True  # "Gulf of Mexico", "Bank of England": one name, not a country
            elif low == "the" and prev.lower_ in {"of", "for"} and joinable(nxt):
                ok = True
            elif _nickname_quote(doc, i, joinable):
                ok = True  # William "Mo" Cowan: a nickname in quotes inside the name
        if ok and tok is not None:
            low = tok.lower_
            headed = headed or low in lex.title_heads or low in lex.title_parts or low in actor_words("org_head")
        if ok and start is None:
            start = i
        elif not ok and start is not None:
            end = i
            while end > start and (doc[end - 1].lower_ in JOINERS | {"-"} or _dated_name(doc, start, end)):
                end -= 1
            if end > start:
                runs.append(doc[start:end])
            start = None
            headed = False
    return runs


def _dated_name(doc: Doc, start: int, end: int) -> bool:
    """ "Michael Steele Sunday": a day the parser glued to a person's name is when
    something happened, not part of who ("Fox News Sunday" stays a show's name)."""
    return end - start >= 2 and doc[end - 1].ent_type_ in {"DATE", "TIME"} and doc[end - 2].ent_type_ == "PERSON"


def _name_syllable(tok: Token) -> bool:
    """ "in" of "Moon Jae-in", "un" of "Kim Jong-un", not "led" of "Biden-led"."""
    return tok.is_alpha and tok.is_lower and len(tok.text) <= 5 and tok.lower_ not in actor_words("hyphen_suffix")


def is_dateline(run: Span) -> bool:
    """ "KYIV, Ukraine (AP) —": a place in capitals opening the text is a dateline."""
    doc = run.doc
    follows = doc[run.end].text if run.end < len(doc) else ""
    return run.start == 0 and run.text.isupper() and follows in {",", "(", "—", "-", "–"}
