"""Page furniture that is not article text: share and comment widgets, blog footers,
navigation, and the related-headline lists that blogs print after the last post.

The patterns are data (data/boilerplate_lines.txt, data/footer_markers.txt) so they
can grow without code changes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from articles.ingest.bylines import parse_byline
from articles.ingest.dates import match_date_line
from articles.ingest.reflow import Paragraph
from articles.ingest.wordlists import load_list, load_patterns

# After the last article, a related-headline list is at least this long, so one closing
# line ("Reporting by Jane Doe; editing by John Roe") stays. Right before a page footer
# ("No comments:") even a single headline-like line is sidebar.
LAST_ARTICLE_RUN = 2
BEFORE_FOOTER_RUN = 1
_MAX_HEADLINE_WORDS = 20
# A footer marker this early in a block ("Related Topics" under a BBC headline) is page
# chrome above the story, not the end of it.
MIN_WORDS_BEFORE_FOOTER = 20
# A caption is one line; anything longer next to a credit is text.
_MAX_CAPTION_WORDS = 60
_MAX_CREDIT_WORDS = 8  # "Image source, Reuters", "Credit...Jane Doe/Associated Press"
# A caption that carries its credit at the end: "... before the talks. Credit: Jane Doe/AP".
_CREDITED_CAPTION = re.compile(
    r".*[.!?”\")]\s+(?:(?:photo(?:graph)?|credit|image|picture)s?\s*(?::|\.{2,}|…)\s*[^:]{2,80}/[^:]{2,60}"
    r"|\((?:ap|afp|epa|reuters) photo/[^)]+\))",
    re.IGNORECASE,
)


def clean_paragraphs(
    paragraphs: Sequence[Paragraph], *, min_headline_run: int = 0
) -> tuple[list[Paragraph], list[str]]:
    """Drop boilerplate paragraphs, cut at a footer marker, and drop a trailing run of at
    least `min_headline_run` headline-like paragraphs (0: keep them). Returns the kept
    paragraphs and notes on what was cut."""
    kept: list[Paragraph] = []
    notes: list[str] = []
    words = 0
    for index, paragraph in enumerate(paragraphs):
        if is_credit_line(paragraph.text):
            notes.append(f"kept the credit line {paragraph.text!r} out of the text")
            continue
        if is_footer_marker(paragraph.text) and words >= MIN_WORDS_BEFORE_FOOTER:
            rest = len(paragraphs) - index
            notes.append(f"dropped {rest} paragraph(s) of page footer from {paragraph.text!r} on")
            min_headline_run = BEFORE_FOOTER_RUN
            break
        if not is_boilerplate(paragraph.text) and not is_footer_marker(paragraph.text):
            kept.append(paragraph)
            words += len(paragraph.text.split())
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


def is_credit_line(text: str) -> bool:
    """A wire or newspaper credit: "(Reporting by Jane Doe; Editing by John Roe)"."""
    return load_patterns("credit_lines.txt").fullmatch(_normalise(text)) is not None


def credited_names(text: str) -> str:
    """Who reported a story, from its credit line: "Reporting by A and B; Editing by C"
    -> "A and B". Empty when the credit names no reporter."""
    for part in re.split(r"\s*;\s*", _normalise(text).strip("()")):
        m = re.fullmatch(r"(?:additional\s+)?reporting by\s+(.+?)(?:\s+in\s+[A-Z][\w ]*)?\.?", part, re.I)
        if m is not None and not part.lower().startswith("additional"):
            return m.group(1)
    return ""


def caption_lines(lines: Sequence[str]) -> set[int]:
    """Indices of photo credits and the captions beside them in a run of stripped lines.

    A label ("Image caption,") or a credit printed first ("Photo: Reuters") announces the
    caption on the next line; a credit printed last ("(AP Photo/Jane Doe)",
    "Credit...Jane Doe/AP") follows the caption on the line before. A caption is one
    line that does not read as a headline over a date or byline.
    """
    found: set[int] = set()
    credits = load_patterns("photo_credits.txt")
    labels = load_patterns("caption_labels.txt")
    for i, line in enumerate(lines):
        text = _normalise(line)
        if not text:
            continue
        words = text.count(" ") + 1
        if words > _MAX_CREDIT_WORDS:
            # Only a caption that carries its credit is this long; it names the credit.
            if "/" in text and words <= _MAX_CAPTION_WORDS + 15 and _CREDITED_CAPTION.fullmatch(text):
                found.add(i)
            continue
        label = labels.fullmatch(text) is not None
        if not label and credits.fullmatch(text) is None:
            if "/" in text and _CREDITED_CAPTION.fullmatch(text):
                found.add(i)
            continue
        found.add(i)
        leading = label or _leading_credit(text)
        step = 1 if leading else -1
        j = i + step
        # Skip a second label or credit ("Image source, Reuters" / "Image caption,").
        while (
            0 <= j < len(lines)
            and len(lines[j].split()) <= _MAX_CREDIT_WORDS
            and (labels.fullmatch(_normalise(lines[j])) or credits.fullmatch(_normalise(lines[j])))
        ):
            found.add(j)
            j += step
        after = lines[j + 1] if 0 <= j + 1 < len(lines) else ""
        if 0 <= j < len(lines) and _caption_shaped(lines[j], announced=leading, after=after):
            found.add(j)
    return found


def _leading_credit(text: str) -> bool:
    """ "Photo: Reuters" / "Image source, AFP" come before their caption; "(AP Photo/...)",
    "Credit...", "Photograph: ..." and "Name/Agency" after it."""
    return re.match(r"(?:photo|image|picture)s?(?: source)?\s*[:,]", text, re.I) is not None


def _caption_shaped(line: str, *, announced: bool, after: str) -> bool:
    words = line.split()
    if not words or len(words) > _MAX_CAPTION_WORDS:
        return False
    if line.rstrip("”\"’')]").rstrip()[-1:] in {".", "!", "?"}:
        return True
    # Unpunctuated, it may be the next story's headline: only a caption when a label
    # announced it and no date or byline follows it.
    return announced and match_date_line(after) is None and parse_byline(after) is None


def is_headline_like(text: str) -> bool:
    """Short and either unpunctuated at the end or Title Cased: how sidebar links read."""
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    unpunctuated = text.rstrip("”\"’')]").rstrip()[-1:] not in {".", "?", "!", ":", ";", ","}
    return unpunctuated or is_title_case(text)


def is_title_case(text: str) -> bool:
    """Short, and most of its words past the function words capitalised: a headline."""
    words = text.split()
    if not words or len(words) > _MAX_HEADLINE_WORDS:
        return False
    content = [w for w in words if w.lower().strip("\"“”‘’'") not in load_list("function_words.txt")]
    capitalised = sum(1 for w in content if w.lstrip("\"“‘'(")[:1].isupper())
    return bool(content) and capitalised >= 0.7 * len(content) and len(content) >= 3


def _trailing_headline_run(paragraphs: Sequence[Paragraph]) -> int:
    run = 0
    for paragraph in reversed(paragraphs):
        if not is_headline_like(paragraph.text):
            break
        run += 1
    # Never eat the whole article: its own text ends with a sentence somewhere.
    return 0 if run >= len(paragraphs) else run


def _normalise(line: str) -> str:
    # str.split() splits on every Unicode space, no-break space included.
    return " ".join(line.split())
