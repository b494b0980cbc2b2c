"""Page furniture that is not article text: share and comment widgets, blog footers,
navigation, and the related-headline lists that blogs print after the last post.

The patterns are data (data/boilerplate_lines.txt, data/footer_markers.txt) so they
can grow without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.ingest.reflow import Paragraph
from articles.ingest.wordlists import load_list, load_patterns

# After the last article, a related-headline list is at least this long, so one closing
# line ("Reporting by Jane Doe; editing by John Roe") stays. Right before a page footer
# ("No comments:") even a single headline-like line is sidebar.
LAST_ARTICLE_RUN = 2
BEFORE_FOOTER_RUN = 1
_MAX_HEADLINE_WORDS = 20


def clean_paragraphs(
    paragraphs: Sequence[Paragraph], *, min_headline_run: int = 0
) -> tuple[list[Paragraph], list[str]]:
    """Drop boilerplate paragraphs, cut at a footer marker, and drop a trailing run of at
    least `min_headline_run` headline-like paragraphs (0: keep them). Returns the kept
    paragraphs and notes on what was cut."""
    kept: list[Paragraph] = []
    notes: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if is_footer_marker(paragraph.text):
            rest = len(paragraphs) - index
            notes.append(f"dropped {rest} paragraph(s) of page footer from {paragraph.text!r} on")
            min_headline_run = BEFORE_FOOTER_RUN
            break
        if not is_boilerplate(paragraph.text):
            kept.append(paragraph)
    if min_headline_run:
        run = _trailing_headline_run(kept)
        if run >= min_headline_run:
            notes.append(f"dropped {run} related-headline line(s) after the article")
            kept = kept[:-run]
    return kept, notes


def is_boilerplate(line: str) -> bool:
    """True for a whole line (or paragraph) of page furniture, e.g. "Share this:"."""
    text = _normalise(line)
    if not text:
        return False
    if not any(ch.isalnum() for ch in text):
        return True  # lone bullets, pipes, arrows
    return load_patterns("boilerplate_lines.txt").fullmatch(text) is not None


def is_footer_marker(line: str) -> bool:
    """True for a line after which the rest of a block is footer ("Post a Comment")."""
    return load_patterns("footer_markers.txt").fullmatch(_normalise(line)) is not None


def is_headline_like(text: str) -> bool:
    """Short and either unpunctuated at the end or Title Cased: how sidebar links read."""
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    unpunctuated = text.rstrip("”\"’')]").rstrip()[-1:] not in {".", "?", "!", ":", ";", ","}
    content = [w for w in words if w.lower().strip("\"“”‘’'") not in load_list("function_words.txt")]
    capitalised = sum(1 for w in content if w.lstrip("\"“‘'(")[:1].isupper())
    title_case = bool(content) and capitalised >= 0.7 * len(content) and len(content) >= 3
    return unpunctuated or title_case


def _trailing_headline_run(paragraphs: Sequence[Paragraph]) -> int:
    run = 0
    for paragraph in reversed(paragraphs):
        if not is_headline_like(paragraph.text):
            break
        run += 1
    # Never eat the whole article: its own text ends with a sentence somewhere.
    return 0 if run >= len(paragraphs) else run


def _normalise(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\u00a0", " ")).strip()
