"""What the NLP layer returns: plain frozen dataclasses, no ORM.

All offsets are character offsets into the article body that was analysed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["direct", "indirect", "mixed"]
ActorKind = Literal["person", "country", "organization", "document", "group"]
Voice = Literal["own", "attributed"]
SignalKind = Literal["reporting_verb", "hedge", "scare_quote", "loaded", "label"]
# Who a quote's source is: a resolved actor, or an unnamed source typed by what it is
# ("sources said": anonymous; "experts say": group; "a new poll": document; "the Times
# reports": media); "unknown" when the text names no source or it could not be typed.
SourceType = Literal["actor", "anonymous", "group", "document", "media", "unknown"]


@dataclass(frozen=True)
class ActorRef:
    """An actor as found in one article. `name` is the fullest form the article
    uses (e.g. "Sergey Lavrov"); `aliases` every other form seen, including
    titles and metonyms ("Lavrov", "Russian Foreign Minister Sergey Lavrov",
    "Moscow" for the country Russia)."""

    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class QuoteResult:
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: str
    cue_start: int | None
    cue_end: int | None
    speaker_mention: str
    mention_start: int | None
    mention_end: int | None
    # ActorRef.name of the resolved actor; for an unnamed source the phrase as written
    # ("administration officials"); None only when the text names no source at all.
    speaker: str | None
    confidence: float
    source_type: SourceType = "unknown"


@dataclass(frozen=True)
class ClaimResult:
    text: str
    start: int
    end: int
    voice: Voice
    hedged: bool
    loaded: bool
    quote_index: int | None  # index into ArticleAnalysis.quotes
    speaker: str | None      # ActorRef.name, for attributed claims


@dataclass(frozen=True)
class SignalResult:
    kind: SignalKind
    text: str
    start: int
    end: int
    category: str = ""          # stance of a reporting verb, class of a hedge/loaded word
    actor: str | None = None    # for labels and reporting verbs: ActorRef.name
    in_quote: bool = False      # loaded words inside a quote are reporting, not framing
    evaluative: bool = False    # labels only: carries the outlet's own loaded word


@dataclass(frozen=True)
class ArticleAnalysis:
    version: str
    actors: tuple[ActorRef, ...]
    quotes: tuple[QuoteResult, ...]
    claims: tuple[ClaimResult, ...]
    signals: tuple[SignalResult, ...]
