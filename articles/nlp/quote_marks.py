"""Quote marks over raw text: which marks pair up, where paragraphs and a
wire dateline end, and Q&A answer paragraphs. Pure string work, no spaCy, so
`quotes.py` reads `doc.text` once and hands it here.

Pairing handles curly, straight and single marks, apostrophes inside words,
nested single quotes inside double ones, and quotes running over several
paragraphs where each paragraph reopens with a mark (news style for long quotes).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

OPENERS = "“«„"
CLOSERS = "”»"
QUOTE_CHARS = "“”«»„\"‘’'"
# Two apostrophes stand for a double mark in some archives (the New York Times' ''…'').
_MARK_RE = re.compile(r"''|[“”«»„\"‘’']")
_CLOSING = frozenset({*CLOSERS, '"', "''"})  # the double marks that may close a quotation
PARA_RE = re.compile(r"\n[ \t]*\n")
# "KYIV, Ukraine (AP) — ", "LONDON, March 3 (Reuters) - ", "WASHINGTON — ": a place
# in capitals, optional date or region, optional agency in brackets, then a dash.
_DATELINE_RE = re.compile(
    r"\A[ \t]*(?:"
    r"[A-Z][A-Z.'’ -]{1,40}(?:,[^\n—–()]{1,40})?[ \t]*(?:\([A-Za-z .]{1,25}\))?"
    # "New York (AFP) –": a place not in capitals only with the agency after it
    r"|[A-Z][A-Za-z.'’ -]{1,40}(?:,[^\n—–()]{1,40})?[ \t]*\([A-Z][A-Za-z .]{1,24}\)"
    r")[ \t]*[—–-]{1,2}[ \t]+"
)
# An interview laid out as questions and answers: "Q: …" / "A: …" paragraphs.
_QA_RE = re.compile(r"(?m)^[ \t]*(Q|A|Question|Answer)[ \t]*[:.][ \t]+")


@dataclass(frozen=True)
class Segment:
    """A stretch of text between quote marks: [open, close] are the marks'
    offsets (close is the paragraph end when the quote is never closed)."""

    open: int
    close: int
    closed: bool
    # A doubled mark ('' in the New York Times' archive) is one character wider than
    # `open` and `close` say: `lead` before the opening one, `trail` after the closing one.
    lead: int = 0
    trail: int = 0

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark's first character."""
        return self.open - self.lead

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (the paragraph's end when never closed)."""
        return self.close + 1 + self.trail if self.closed else self.close


def paragraph_breaks(text: str) -> list[int]:
    return [m.start() for m in PARA_RE.finditer(text)]


def dateline_end(text: str) -> int:
    """Offset after a wire dateline opening the text, else 0: the dateline is
    neither part of the first sentence's content nor of its subject."""
    m = _DATELINE_RE.match(text)
    return m.end() if m else 0


def answer_paragraphs(text: str, paras: list[int]) -> list[tuple[int, int, int]]:
    """(label start, answer start, answer end) of every "A: …" paragraph, when the
    text also has "Q: …" paragraphs; [] otherwise."""
    labels = list(_QA_RE.finditer(text))
    if not any(m.group(1)[0] == "Q" for m in labels):
        return []
    found = []
    for m in labels:
        if m.group(1)[0] != "A":
            continue
        i = bisect.bisect_right(paras, m.start())
        end = paras[i] if i < len(paras) else len(text)
        start = m.end()
        while start < end and text[start] in QUOTE_CHARS:
            start += 1
        stop = end
        while stop > start and (text[stop - 1].isspace() or text[stop - 1] in QUOTE_CHARS):
            stop -= 1
        if stop > start:
            found.append((m.start(), start, stop))
    return found


def pair_marks(text: str, paras: list[int] | None = None) -> list[Segment]:
    paras = paragraph_breaks(text) if paras is None else paras
    segments: list[Segment] = []
    dbl: int | None = None  # offset of the open double mark
    dbl_lead = 0  # 1 when that mark is two apostrophes
    dbl_straight = False  # that mark is a straight one ('"' or two apostrophes)
    nested = False  # a curly “…” inside a straight "…" is open: its ” closes only itself
    reopened = 0  # where the open quote last (re)started: its paragraph is the current one
    sgl: int | None = None  # offset of the open single mark

    def para_end(pos: int) -> int:
        i = bisect.bisect_right(paras, pos)
        return paras[i] if i < len(paras) else len(text)

    for m in _MARK_RE.finditer(text):
        pos, ch = m.start(), m.group()
        before = text[pos - 1] if pos > 0 else " "
        after = text[m.end()] if m.end() < len(text) else " "
        doubled = ch == "''"
        if doubled:
            # one double mark; the segment's offset is the apostrophe next to the words,
            # so that `inner` is the quoted text as it is for one-character marks
            ch, pos = '"', (pos if dbl is not None else pos + 1)
        if dbl is not None and para_end(reopened) < pos:
            # The paragraph ended inside the quote: a quote running on reopens the
            # next paragraph; anything else was never closed.
            if ch in OPENERS + '"' and _starts_paragraph(text, pos) and para_end(para_end(reopened) + 1) >= pos:
                reopened = pos
                continue
            segments.append(Segment(dbl, para_end(reopened), closed=False, lead=dbl_lead))
            dbl = None
        if ch in '“«„"”»':
            if dbl is None:
                opens = ch in OPENERS or (not before.isalnum() and (after.isalnum() or after in "…([.'‘"))
                if opens:
                    dbl, sgl, reopened, dbl_lead = pos, None, pos, int(doubled)
                    dbl_straight, nested = ch == '"', False
            elif dbl_straight and (ch in OPENERS or (nested and ch in CLOSERS)):
                nested = ch in OPENERS  # "… called it “Equal Justice Under Law” …"
            else:
                closes = ch in CLOSERS or ch == '"' or not after.isalnum()
                if closes:
                    segments.append(Segment(dbl, pos, closed=True, lead=dbl_lead, trail=int(doubled)))
                    dbl = None
            continue
        if dbl is not None:
            continue  # single marks inside a double quote belong to it
        if ch in "‘'" and sgl is None and not before.isalnum() and (after.isalnum() or after == "…"):
            sgl = pos
        elif ch in "’'" and sgl is not None and not after.isalnum() and not before.isspace():
            if para_end(sgl) >= pos:
                segments.append(Segment(sgl, pos, closed=True))
            sgl = None
    if dbl is not None:
        segments.append(Segment(dbl, para_end(reopened), closed=False, lead=dbl_lead))
    return segments


def _starts_paragraph(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


def unpaired_closers(text: str, segments: list[Segment]) -> list[int]:
    """Offsets of the double closing marks (”, », a straight or two-apostrophe mark) that
    close none of `segments` (`pair_marks(text)`): in a span that starts inside a quotation
    ("… a wall,” he said. “If we …"), where the quotation ends."""
    used = {seg.open for seg in segments} | {seg.close for seg in segments if seg.closed}
    return [m.start() for m in _MARK_RE.finditer(text)
            if m.group() in _CLOSING and m.start() not in used and m.end() - 1 not in used]


def ends_sentence(text: str, seg: Segment) -> bool:
    return seg.closed and _last_char(text, seg.open + 1, seg.close) in {".", "?", "!"}


def attribution_follows(text: str, seg: Segment) -> bool:
    """A cue after a quote attributes it only right after the closing mark:
    "“…,” he said", "“…?” asked Lavrov", not "the ‘reform’ package, critics say".
    A nested quote closing first ("‘… jobs,’”") is looked through."""
    if not seg.closed:
        return False
    return _last_char(text, seg.open + 1, seg.close) in ".,!?…—-" or text[seg.close + 1 : seg.close + 2] == ","


def _last_char(text: str, start: int, end: int) -> str:
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_CHARS):
        end -= 1
    return text[end - 1] if end > start else ""
