"""Editors' corrections of quotes: set the speaker, mark "not a quote", fix the
kind, adjust the span, and revert any of it. Every change is a human decision:
stored as `attribution=human`, audited (who, when, before, after, note) and kept
by every later re-analysis (see analysis_store.replace_machine_output)."""

from __future__ import annotations

import re
from typing import Any

from django.db import transaction

from articles.contract import SOURCE_TYPES, UNNAMED_SOURCES
from articles.models import Actor, AttributionCorrection, Claim, Quote, Signal, fitted
from articles.services.actor_corrections import actor_for_name
from articles.services.analysis_store import reanchor
from articles.services.editing import Conflict, CorrectionError, Gone, User, account
from articles.services.page_versions import pages_changed

UNCHANGED: Any = object()
QUOTE_GONE = "This quote no longer exists: a new analysis replaced it. Reload the page."
DECISIONS = ("speaker_id", "source_type", "source_phrase", "kind", "is_quote", "text")  # what a revert restores


def quote_state(quote: Quote) -> dict[str, Any]:
    return {
        "speaker_id": quote.speaker_id,
        "speaker": quote.source_name,
        "source_type": quote.source_type,
        "source_phrase": quote.source_phrase,
        "kind": quote.kind,
        "is_quote": quote.is_quote,
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "attribution": quote.attribution,
        "confidence": quote.confidence,
        "revision": quote.revision,
    }


SHOWN_WORDS = 120  # characters of a quote's words an audit line shows, from both ends


def describe(state: dict[str, Any], *, words: bool = False) -> str:
    """A quote's state in words, for conflict messages and the audit trail. `words` names
    the span by its words (conflict messages, and where a correction moved it: offsets say
    nothing to an editor), else by its characters."""
    if not state.get("is_quote", True):
        return "marked “not a quote”"
    speaker = state.get("speaker") or "no speaker"
    source = f" ({state['source_type']})" if state.get("source_type") not in (None, "actor", "unknown") else ""
    if words and state.get("text"):
        span = f", words “{_ends(' '.join(state['text'].split()))}”"
    else:
        span = f", characters {state['start']}–{state['end']}" if "start" in state and "end" in state else ""
    return f"speaker {speaker}{source}, {state.get('kind')} quote{span}"


def _ends(text: str) -> str:
    """`text`, or its first and last words when longer than SHOWN_WORDS: a span moves at
    its start or its end, so both stay in view."""
    if len(text) <= SHOWN_WORDS:
        return text
    half = SHOWN_WORDS // 2
    head, tail = text[:half].rsplit(" ", 1)[0], text[-half:].split(" ", 1)[-1]
    return f"{head} … {tail}"


def _lock(quote_id: int) -> Quote:
    """The quote row, locked until the caller's transaction ends: an analysis of its
    article waits for this correction to commit, then sees it as human."""
    # The event's pages change: its stamp first (the event row, locked before the quote,
    # as an analysis does), then the quote. Lock first, then read in a second statement:
    # a statement that waited for the lock would otherwise return the joined speaker as
    # it was before the wait.
    pages_changed(Quote.objects.filter(pk=quote_id).values_list("article__event_id", flat=True).first())
    if not list(Quote.objects.select_for_update().filter(pk=quote_id).values_list("pk", flat=True)):
        raise Gone(QUOTE_GONE)
    return Quote.objects.select_related("speaker", "article").get(pk=quote_id)


def _check_revision(locked: Quote, expected: int | None) -> None:
    if expected is not None and expected != locked.revision:
        current = quote_state(locked)
        raise Conflict(
            f"Someone changed this quote while you were editing it; it is now {describe(current, words=True)}. "
            "Your change was not saved: check the current value and try again.",
            current,
        )


def _follow_speaker(quote: Quote) -> None:
    """Claims made in the quote, and its reporting verb, speak for the new speaker. Claims in
    words marked "not a quote" are nobody's (as after a re-analysis: analysis_store)."""
    Claim.objects.filter(quote=quote).update(speaker=quote.speaker if quote.is_quote else None)
    if quote.cue_start is not None:
        Signal.objects.filter(
            article_id=quote.article_id, kind=Signal.Kind.REPORTING_VERB, start=quote.cue_start
        ).update(actor=quote.speaker)


def quote_correct(
    *, quote: Quote, user: User, note: str = "", speaker: Actor | None = UNCHANGED,
    kind: str | None = None, is_quote: bool | None = None, span: tuple[int, int] | None = None,
    source_type: str | None = None, source_phrase: str | None = None, expected_revision: int | None = None,
    speaker_name: str = "",
) -> AttributionCorrection:
    """An editor's decision about a quote. Pass only what changes (`speaker=None`
    clears it; `speaker_name` names the speaker instead, an actor made if the event has
    none of that name, unless it is the unnamed source's own phrase); `expected_revision`
    is the revision the editor's form showed. A speaker makes the source an actor; an
    unnamed `source_type` (anonymous, group, document, media) clears the actor and keeps
    `source_phrase` ("administration officials"). A refused correction changes nothing:
    no actor is made for it."""
    with transaction.atomic():
        locked = _lock(quote.pk)
        _check_revision(locked, expected_revision)
        if speaker_name and not _is_own_phrase(locked, speaker_name):
            speaker = actor_for_name(event=locked.article.event, name=speaker_name, user=user)
        before = quote_state(locked)
        if speaker is not UNCHANGED:
            _set_speaker(locked, speaker)
        if source_type is not None or source_phrase is not None:
            _set_source(locked, source_type or locked.source_type, source_phrase)
        if kind is not None:
            if kind not in Quote.Kind.values:
                raise CorrectionError(f"Unknown kind of quote: {kind!r}.")
            locked.kind = kind
        if is_quote is not None:
            locked.is_quote = is_quote
        if span is not None:
            _set_span(locked, span)
        locked.attribution = Quote.Attribution.HUMAN
        locked.confidence = 1.0
        locked.revision += 1
        locked.save()
        _follow_speaker(locked)
        return AttributionCorrection.objects.create(
            quote=locked, article_id=locked.article_id, editor=account(user),
            action=AttributionCorrection.Action.CORRECT,
            before=before, after=quote_state(locked), note=note,
        )


def _is_own_phrase(quote: Quote, name: str) -> bool:
    """Whether `name` is the unnamed source's phrase as written ("senior officials", left in
    the editor's box): the source stays unnamed rather than become an actor of that name."""
    def same(text: str) -> str:
        return " ".join(text.split()).casefold()
    return quote.speaker_id is None and bool(quote.source_phrase) and same(name) == same(quote.source_phrase)


def _over_human(quote: Quote) -> bool:
    """Whether the quote lies over the words of another quote an editor decided."""
    return Quote.objects.filter(article_id=quote.article_id, attribution=Quote.Attribution.HUMAN, orphaned=False,
                                start__lt=quote.end, end__gt=quote.start).exclude(pk=quote.pk).exists()


def _unmark_mention(quote: Quote) -> None:
    """The machine's speaker mention no longer marks the quote's source."""
    quote.speaker_mention, quote.mention_start, quote.mention_end = "", None, None


def _set_speaker(quote: Quote, speaker: Actor | None) -> None:
    if speaker is not None and speaker.event_id != quote.article.event_id:
        raise CorrectionError("That actor belongs to another event.")
    if speaker == quote.speaker:
        return
    _unmark_mention(quote)  # the machine's mention named someone else
    quote.speaker = speaker
    quote.source_type = "actor" if speaker is not None else "unknown"
    quote.source_phrase = ""


def _set_source(quote: Quote, source_type: str, phrase: str | None) -> None:
    if source_type not in SOURCE_TYPES:
        raise CorrectionError(f"Unknown source type: {source_type!r}.")
    if source_type == "actor" and quote.speaker is None:
        raise CorrectionError("Choose the actor who is the source.")
    if source_type in UNNAMED_SOURCES:
        written = " ".join((phrase or quote.source_phrase or quote.speaker_mention).split())
        phrase = fitted(Quote, "source_phrase", written)
        if not phrase:
            raise CorrectionError("Say how the text names the unnamed source (e.g. “administration officials”).")
        if phrase.casefold() != " ".join(quote.speaker_mention.split()).casefold():
            _unmark_mention(quote)  # the machine's mention ("the minister") named another source
        quote.speaker, quote.source_phrase = None, phrase
    elif source_type == "unknown":
        quote.speaker, quote.source_phrase = None, ""
    quote.source_type = source_type


def _set_span(quote: Quote, span: tuple[int, int]) -> None:
    start, end = span
    body = quote.article.body
    if not 0 <= start < end <= len(body):
        raise CorrectionError(f"The span must lie inside the article (0–{len(body)}), start before end.")
    quote.start, quote.end = start, end
    quote.text = body[start:end]
    quote.orphaned = False


_STRAIGHT = str.maketrans("“”„«»‘’", "\"\"\"\"\"''")  # one character for one: offsets stay


def span_of_words(body: str, words: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """Where `words` (as an editor copies them: any spacing, straight or curly quote marks)
    appear in `body` as whole words: inside the span `near` if they do there, else the
    occurrence closest to it; None when they appear nowhere."""
    parts = [re.escape(w) for w in words.translate(_STRAIGHT).split()]
    if not parts:
        return None
    pattern = r"\s+".join(parts)
    pattern = (r"(?<!\w)" if re.match(r"\w", words.strip()) else "") + pattern
    pattern += r"(?!\w)" if re.search(r"\w$", words.strip()) else ""
    start, end = near
    found = [(not (start <= m.start() and m.end() <= end), abs(m.start() - start), m.start(), m.end())
             for m in re.finditer(pattern, body.translate(_STRAIGHT))]
    return min(found)[2:] if found else None


def quotes_correct(
    *, quotes: list[Quote], user: User, note: str = "", speaker_name: str | None = None,
    kind: str | None = None, is_quote: bool | None = None,
) -> int:
    """The same correction on many quotes (an admin bulk action). A speaker is
    named, not picked, because actors belong to one event: each quote gets the
    actor of that name in its own event, created when new."""

    with transaction.atomic():
        for quote in quotes:
            speaker = UNCHANGED
            if speaker_name is not None:
                speaker = actor_for_name(event=quote.article.event, name=speaker_name, user=user)
            quote_correct(quote=quote, user=user, note=note, speaker=speaker, kind=kind, is_quote=is_quote)
    return len(quotes)


def _same(field: str, a: Any, b: Any) -> bool:
    if field == "text":
        return " ".join(str(a or "").split()) == " ".join(str(b or "").split())
    return bool(a == b)


def correction_revert(*, correction: AttributionCorrection, user: User, note: str = "") -> AttributionCorrection:
    """Undo one correction, itself audited. Refused when a later change touched
    the same thing (reverting must never silently undo someone else's decision)."""
    if correction.quote_id is None:
        raise CorrectionError("The quote of this correction no longer exists.")
    if correction.reverted_by.exists():
        raise CorrectionError("This change was already reverted.")
    with transaction.atomic():
        locked = _lock(correction.quote_id)
        before, after, now = correction.before, correction.after, quote_state(locked)
        changed = [f for f in DECISIONS if not _same(f, before.get(f), after.get(f))]
        stale = [f for f in changed if not _same(f, now.get(f), after.get(f))]
        if stale:
            raise Conflict(f"The quote changed since (it is now {describe(now, words=True)}); "
                           "revert the newer change first.", now)
        if "speaker_id" in changed:
            speaker_id = before["speaker_id"]
            if speaker_id is not None and not Actor.objects.filter(
                pk=speaker_id, event_id=locked.article.event_id
            ).exists():
                raise CorrectionError(f"{before.get('speaker')} was merged into another actor; revert the merge first.")
            locked.speaker_id = speaker_id
        if "source_type" in changed or "source_phrase" in changed:
            locked.source_type = before.get("source_type", locked.source_type)
            locked.source_phrase = before.get("source_phrase", locked.source_phrase)
        if "kind" in changed:
            locked.kind = before["kind"]
        if "is_quote" in changed:
            locked.is_quote = before["is_quote"]
        if "text" in changed:
            locked.text, locked.start, locked.end = before["text"], before["start"], before["end"]
            reanchor(locked, locked.article.body)
        latest = AttributionCorrection.objects.filter(quote_id=locked.pk).order_by("-created_at", "-pk").first()
        if latest is not None and latest.pk == correction.pk:
            # Undoing the last decision may hand the quote back to the machine.
            locked.attribution = before.get("attribution", Quote.Attribution.HUMAN)
            locked.confidence = before.get("confidence", locked.confidence)
            if locked.attribution == Quote.Attribution.MACHINE:
                # Back to the machine: its words as they stand now, and never over an editor's
                # quote. Words no longer in the text stay the editor's record: a machine quote
                # with no words would keep stale offsets over whatever stands there now.
                reanchor(locked, locked.article.body)
                if locked.orphaned or _over_human(locked):
                    locked.attribution = Quote.Attribution.HUMAN
        locked.revision += 1
        locked.save()
        _follow_speaker(locked)
        return AttributionCorrection.objects.create(
            quote=locked, article_id=locked.article_id, editor=account(user),
            action=AttributionCorrection.Action.REVERT, reverts=correction,
            before=now, after=quote_state(locked), note=note,
        )
