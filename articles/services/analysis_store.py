"""Replace an article's machine output with a new analysis (or clear it when its text
changes), keeping every human decision: quotes marked human are re-anchored (or flagged orphaned when
their text is gone) and machine quotes over the same words are dropped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Protocol

from django.utils import timezone

from articles.contract import UNNAMED_SOURCES
from articles.models import Actor, Article, Claim, Quote, Signal, fitted
from articles.nlp.types import ArticleAnalysis, QuoteResult


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _loose_pattern(text: str) -> re.Pattern[str] | None:
    """`text` matching any run of whitespace where it has one, so a re-wrapped or
    re-spaced body still finds an editor's quote."""
    words = text.split()
    return re.compile(r"\s+".join(re.escape(w) for w in words)) if words else None


def _nearest(body: str, text: str, near: int) -> tuple[int, int] | None:
    pattern = _loose_pattern(text)
    if pattern is None:
        return None
    found = [(m.start(), m.end()) for m in pattern.finditer(body)]
    return min(found, key=lambda span: abs(span[0] - near)) if found else None


def reanchor(quote: Quote, body: str) -> None:
    """Move a human quote to where its text now is, nearest its old place; flag it
    orphaned (never drop it) when the text is gone."""
    span = _nearest(body, quote.text, quote.start)
    if span is None:
        quote.orphaned = True
        return
    shift = span[0] - quote.start
    quote.start, quote.end = span
    quote.text = body[quote.start:quote.end]
    for text, first, last in ((quote.speaker_mention, "mention_start", "mention_end"),
                              (quote.cue, "cue_start", "cue_end")):
        old = getattr(quote, first)
        if old is None:
            continue
        # The mention moves with the quote unless whitespace between them changed.
        located = _nearest(body, text, old + shift)
        setattr(quote, first, located[0] if located else None)
        setattr(quote, last, located[1] if located else None)
    quote.orphaned = False


class SignalLike(Protocol):
    """A found signal (nlp.types.SignalResult) or an imported one (event_import.SignalIn)."""

    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def category(self) -> str: ...
    @property
    def actor(self) -> str | None: ...
    @property
    def in_quote(self) -> bool: ...
    @property
    def evaluative(self) -> bool: ...


def signal_row(article: Article, signal: SignalLike, actors: dict[str, Actor]) -> Signal:
    """An unsaved Signal row, its text and category cut to the columns' sizes."""
    return Signal(article=article, kind=signal.kind, text=fitted(Signal, "text", signal.text),
                  start=signal.start, end=signal.end, category=fitted(Signal, "category", signal.category),
                  actor=actors.get(signal.actor) if signal.actor else None,
                  in_quote=signal.in_quote, evaluative=signal.evaluative)


def clear_machine_output(article: Article) -> list[Quote]:
    """Drop the article's machine rows (claims, signals, machine quotes) and re-anchor its
    human quotes in its body as it is now; returns those. Runs in the caller's transaction.
    Also for a text edited in the admin: until the new analysis, the old rows' offsets
    would put highlights on the wrong words."""
    # Lock every quote of the article first: an editor's correction in flight holds
    # its quote's lock, so this waits for it to commit, and the read below (a fresh
    # snapshot under READ COMMITTED) sees it as human instead of deleting it.
    list(article.quotes.select_for_update().order_by("pk").values_list("pk", flat=True))
    human = list(article.quotes.filter(attribution=Quote.Attribution.HUMAN))
    for quote in human:
        reanchor(quote, article.body)
    Quote.objects.bulk_update(
        human, ["text", "start", "end", "cue_start", "cue_end", "mention_start", "mention_end", "orphaned"]
    )
    article.claims.all().delete()
    article.signals.all().delete()
    article.quotes.filter(attribution=Quote.Attribution.MACHINE).delete()
    return human


def replace_machine_output(
    article: Article,
    analysis: ArticleAnalysis,
    actors: dict[str, Actor],
    claim_vectors: Sequence[bytes] | None = None,
) -> None:
    """Runs inside the caller's transaction (under the event lock). `claim_vectors`
    holds one stored embedding per claim of the analysis, when they were computed."""
    human = clear_machine_output(article)
    anchored = [q for q in human if not q.orphaned]
    quote_rows: list[Quote | None] = []  # None: words an editor marked "not a quote"
    new_quotes: list[Quote] = []
    for position, found in enumerate(analysis.quotes):
        overridden = next((q for q in anchored if _overlaps(found.start, found.end, q.start, q.end)), None)
        if overridden is not None:
            quote_rows.append(overridden if overridden.is_quote else None)
            continue
        row = _quote_row(article, found, position, actors, analysis.version)
        new_quotes.append(row)
        quote_rows.append(row)
    Quote.objects.bulk_create(new_quotes)

    Claim.objects.bulk_create(
        Claim(
            article=article,
            position=position,
            text=claim.text,
            start=claim.start,
            end=claim.end,
            voice=claim.voice,
            hedged=claim.hedged,
            loaded=claim.loaded,
            quote=quote_rows[claim.quote_index] if claim.quote_index is not None else None,
            speaker=_speaker_of_claim(claim.quote_index, quote_rows, claim.speaker, actors),
            embedding=claim_vectors[position] if claim_vectors is not None else None,
        )
        for position, claim in enumerate(analysis.claims)
    )
    verb_speakers = {q.cue_start: q.speaker for q in anchored if q.cue_start is not None}
    Signal.objects.bulk_create(_verb_follows_human(signal_row(article, signal, actors), verb_speakers)
                               for signal in analysis.signals)
    article.analysis_version = analysis.version
    article.analyzed_at = timezone.now()
    article.save(update_fields=["analysis_version", "analyzed_at", "analysed_chars"])


def _quote_row(
    article: Article, found: QuoteResult, position: int, actors: dict[str, Actor], version: str
) -> Quote:
    return Quote(
        article=article,
        position=position,
        text=found.text,
        start=found.start,
        end=found.end,
        kind=found.kind,
        cue=fitted(Quote, "cue", found.cue),
        cue_start=found.cue_start,
        cue_end=found.cue_end,
        speaker_mention=fitted(Quote, "speaker_mention", found.speaker_mention),
        mention_start=found.mention_start,
        mention_end=found.mention_end,
        **source_fields(found.speaker, found.source_type, actors),
        confidence=found.confidence,
        analysis_version=version,
    )


def source_fields(speaker: str | None, source_type: str, actors: dict[str, Actor]) -> dict[str, Any]:
    """A quote's source columns: an actor, or an unnamed source kept as its phrase."""
    if source_type in UNNAMED_SOURCES:
        return {"speaker": None, "source_phrase": fitted(Quote, "source_phrase", speaker or ""),
                "source_type": source_type}
    actor = actors.get(speaker) if speaker else None
    if actor is None:
        # "the chairman of the committee", "Mr. Okafor": a source the text names but no
        # actor row stands for keeps its phrase, so the quote still shows who said it
        phrase = fitted(Quote, "source_phrase", speaker or "")
        return {"speaker": None, "source_phrase": phrase, "source_type": "unknown"}
    return {"speaker": actor, "source_phrase": "", "source_type": "actor"}


def _verb_follows_human(row: Signal, speakers: dict[int, Actor | None]) -> Signal:
    """A reporting verb speaks for the speaker an editor gave the quote it introduces (the
    kept human quote whose cue starts where it does), as after the correction itself."""
    if row.kind == Signal.Kind.REPORTING_VERB and row.start in speakers:
        row.actor = speakers[row.start]
    return row


def _speaker_of_claim(
    quote_index: int | None, quote_rows: list[Quote | None], speaker: str | None, actors: dict[str, Actor]
) -> Actor | None:
    """A claim's speaker follows its quote, so a human correction carries over; in words an
    editor marked "not a quote" it has none (corrections._follow_speaker), not the
    machine's speaker of the quote it found there."""
    if quote_index is not None:
        row = quote_rows[quote_index]
        return row.speaker if row is not None else None
    return actors.get(speaker) if speaker else None
