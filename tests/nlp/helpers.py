"""Small builders shared by the NLP tests."""

from __future__ import annotations

from articles.nlp.types import QuoteResult


def quote_in(
    text: str, content: str, cue: str = "", speaker: str | None = None, kind: str = "direct"
) -> QuoteResult:
    """A QuoteResult for the first occurrence of `content` (and its cue) in `text`."""
    start = text.index(content)
    cue_start = text.index(cue) if cue else None
    return QuoteResult(
        text=content, start=start, end=start + len(content), kind=kind,  # type: ignore[arg-type]
        cue=cue, cue_start=cue_start, cue_end=cue_start + len(cue) if cue_start is not None else None,
        speaker_mention=speaker or "", mention_start=None, mention_end=None,
        speaker=speaker, confidence=1.0,
    )
