"""The event JSON contract and the registry of kinds: written once, here.

The export writes through these models (services/event_json.py), the import reads with
them (services/event_import.py), the API's schemas reuse them (api/schemas.py), and the
models' choices are built from the kinds below, which come from the pure core's types
(nlp/types.py). docs/ARCHITECTURE.md describes the contract in words. Field names are a
public contract: extend, never rename.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from articles.nlp.types import ActorKind, QuoteKind, SignalKind, SourceType, Voice

Attribution = Literal["machine", "human"]

SOURCE_TYPES: tuple[str, ...] = get_args(SourceType)
# Sources the text describes without naming: their `speaker` is the phrase as written.
UNNAMED_SOURCES = ("anonymous", "group", "document", "media")

# Above this many articles an event's story points do not list the articles missing
# each one (that list would grow with articles x points): `event.omissions` is then
# "complement", and a point is missing from every article that neither reports it
# (`reported_by`) nor possibly reports it (`possibly_in`) and has an analysis (is not in
# `event.not_analysed`: an article never analysed, or whose analysis failed, leaves
# nothing out, it was not read).
LISTED_OMISSIONS_MAX_ARTICLES = 100


# How many characters of its body an article's analysis read, when it stopped before the end
# (the body was longer than NEWSFRAME_MAX_ARTICLE_CHARS when it ran); null when it read the
# whole body. An article with it set that is in a story point's `missing_from` does not
# report the point in the part analysed: the rest of its text was not searched.
AnalysedChars = Annotated[int | None, Field(
    default=None, ge=1,
    description="The number of characters of the body the analysis read, when it stopped before its end "
                "(NEWSFRAME_MAX_ARTICLE_CHARS); null: it read the whole body. For such an article "
                "`missing_from` means not reported in the part analysed.",
)]


def choices(kinds: tuple[str, ...]) -> list[tuple[str, str]]:
    """Django choices for one registry of kinds."""
    return [(kind, kind.replace("_", " ")) for kind in kinds]


class Contract(BaseModel):
    # Readers ignore fields they do not know, so an older newsframe reads a newer file.
    model_config = ConfigDict(extra="ignore")


class Span(Contract):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


class QuoteJSON(Span):
    kind: QuoteKind
    # The actor's canonical name; for an unnamed source the phrase as written
    # ("administration officials"); None only when the text names no source.
    speaker: str | None = Field(default=None, max_length=300)
    source_type: SourceType = "unknown"
    speaker_mention: str = ""
    cue: str = ""
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    attribution: Attribution = "machine"
    orphaned: bool = False
    cue_start: int | None = Field(default=None, ge=0)
    cue_end: int | None = Field(default=None, ge=0)
    mention_start: int | None = Field(default=None, ge=0)
    mention_end: int | None = Field(default=None, ge=0)


class ClaimJSON(Span):
    voice: Voice
    hedged: bool = False
    loaded: bool = False
    quote: int | None = Field(default=None, ge=0)  # index into the article's quotes
    speaker: str | None = Field(default=None, max_length=300)


class SignalJSON(Span):
    kind: SignalKind
    category: str = ""
    actor: str | None = Field(default=None, max_length=300)
    in_quote: bool = False
    evaluative: bool = False  # labels: carries the outlet's own loaded word


class ArticleJSON(Contract):
    title: str = Field(max_length=500)
    published: dt.date | None = None
    byline: str = ""
    outlet: str = ""
    url: str = ""
    body: str = Field(min_length=1)
    quotes: list[QuoteJSON] = []
    claims: list[ClaimJSON] = []
    signals: list[SignalJSON] = []
    analysed_chars: AnalysedChars = None
    # Written by export_event, absent from analyze_dump's output:
    not_quotes: list[QuoteJSON] = []  # spans an editor marked "not a quote"
    position: int | None = None
    headings: list[int] = []
    analysis_version: str = ""


class MemberJSON(Span):
    article: int = Field(ge=0)  # 0-based position in `articles`


class PossibleJSON(Span):
    """The closest sentence of an article that may report a story point."""

    article: int = Field(ge=0)
    score: float = 0.0


class StoryPointJSON(Contract):
    id: int = 0
    label: str
    members: list[MemberJSON] = []
    reported_by: list[int] = []   # the articles of `members`, sorted
    missing_from: list[int] = []  # checked and found not to report it (see `event.omissions`)
    possibly_in: list[PossibleJSON] = []
    not_analysed: list[int] = []  # not checked: no analysis (`event.not_analysed`); never "missing"


class ActorJSON(Contract):
    name: str = Field(min_length=1, max_length=300)
    kind: ActorKind = "person"
    title: str = ""
    aliases: list[str] = []


class EventJSON(Contract):
    event: dict[str, Any] = {}
    articles: list[ArticleJSON] = Field(min_length=1)
    story_points: list[StoryPointJSON] = []
    actors: list[ActorJSON] = []
