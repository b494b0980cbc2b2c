"""What the compare layer takes and returns: plain frozen dataclasses, no ORM."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClaimInput:
    """A claim of one article of an event, as the aligner sees it."""

    id: int            # caller's id (a Claim pk, or a position), returned in members
    article: int       # 0-based position of the article in the event
    text: str
    voice: str = "own"
    speaker: str | None = None
    hedged: bool = False


@dataclass(frozen=True)
class PossibleReport:
    """An article that may report a story point: its closest sentence, not close enough."""

    article: int
    claim: int               # ClaimInput.id of the closest sentence
    score: float


@dataclass(frozen=True)
class StoryPointResult:
    """One fact and the sentences that report it. An article is in exactly one of
    `articles` (it reports it), `missing_from` (its sentences were searched and none
    reports it) and `possibly_in` (its closest sentence may)."""

    label: str                       # a short representative text
    members: tuple[int, ...]         # ClaimInput.id values; a claim may be in several points
    articles: tuple[int, ...]        # sorted article positions that report it
    missing_from: tuple[int, ...]    # sorted article positions checked and found not to
    order: float                     # sort key: earlier and more widely reported first
    possibly_in: tuple[PossibleReport, ...] = ()  # sorted by article


# Inputs of summary.py: one row per quote, signal or claim of an article, as the
# NLP layer found them (see articles/nlp/types.py); `article` is the 0-based position.


@dataclass(frozen=True)
class QuoteRow:
    article: int
    speaker: str | None      # canonical actor name, None when unresolved
    kind: str                # "direct" | "indirect" | "mixed"
    cue: str                 # the reporting verb, e.g. "insisted"
    stance: str              # the cue's stance from the lexicon, "" when unknown
    text: str
    length: int              # words
    position: int            # character offset in the article body


@dataclass(frozen=True)
class SignalRow:
    article: int
    kind: str                # "reporting_verb" | "hedge" | "scare_quote" | "loaded" | "label"
    text: str
    category: str = ""       # stance of a verb, class of a hedge or loaded word
    actor: str | None = None  # for labels and reporting verbs; None = the event itself
    in_quote: bool = False
    position: int = 0        # character offset in the article body


@dataclass(frozen=True)
class ClaimRow:
    article: int
    voice: str               # "own" | "attributed"
    hedged: bool = False
    loaded: bool = False


@dataclass(frozen=True)
class MentionRow:
    """An actor named in an article, at `position` (character offset)."""

    article: int
    actor: str
    position: int


# Outputs of summary.py.


@dataclass(frozen=True)
class SpeakerQuotes:
    article: int
    speaker: str | None
    quotes: int
    words: int
    direct: int
    indirect: int
    mixed: int


@dataclass(frozen=True)
class QuoteKindShares:
    article: int
    quotes: int
    direct: float            # shares in [0, 1]; all 0.0 when the article has no quote
    indirect: float
    mixed: float


@dataclass(frozen=True)
class VoiceShares:
    article: int
    claims: int
    own: int
    attributed: int
    own_share: float
    attributed_share: float


@dataclass(frozen=True)
class Densities:
    """Hedges and loaded words per 1,000 words. Loaded words inside quotes are
    reporting, not the outlet's framing, so they are counted apart."""

    article: int
    words: int
    hedges: int
    loaded: int
    loaded_in_quotes: int
    hedges_per_1000: float
    loaded_per_1000: float


@dataclass(frozen=True)
class VerbUse:
    article: int
    actor: str | None
    verb: str
    stance: str
    count: int


@dataclass(frozen=True)
class LabelRow:
    """How each article names one subject: `terms[a]` are article a's terms, in
    order of first use. `subject` is an actor name, or None for the event itself."""

    subject: str | None
    terms: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SpeakerOrder:
    article: int
    mentioned: tuple[str, ...]   # actors in order of first mention
    quoted: tuple[str, ...]      # speakers in order of first quote


@dataclass(frozen=True)
class DiffPiece:
    op: str                  # "equal" | "insert" | "delete"
    text: str


@dataclass(frozen=True)
class QuoteGroup:
    """One quote as rendered by several articles: indices into the input sequence."""

    members: tuple[int, ...]
    articles: tuple[int, ...]
    speaker: str | None
