"""Claims: the clause-level propositions an article puts forward, and in whose voice.

Entry point: `find_claims(doc, quotes)`. A claim is a sentence, or each main clause of
a sentence whose coordinated independent clauses ("X happened, and Y said Z") or
semicolon-joined halves carry separate facts. Headings, datelines and fragments are
skipped. A claim is "attributed" when it reports a quote (it holds the quote's cue, or
most of it lies inside the quote), else it is stated in the outlet's "own" voice.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span

from articles.nlp.doc_text import text_of
from articles.nlp.signals import hedge_signals, loaded_signals, quote_zones
from articles.nlp.types import ClaimResult, QuoteResult

MIN_WORDS = 4
# Share of a claim that must lie inside a quote, without its cue, to be attributed
# (the second sentence of a long direct quote, a claim cut out of a paraphrase).
_INSIDE_SHARE = 0.5
_TERMINAL = frozenset(".!?…")
_CLOSING_QUOTES = frozenset("”’\"'")
# Left behind at a clause cut; "nor" stays, it carries the negation.
_DROPPED_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "so", "while", "whereas"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def find_claims(doc: Doc, quotes: Sequence[QuoteResult]) -> list[ClaimResult]:
    zones = quote_zones(doc, quotes)
    hedges = sorted((s.start, s.end) for s in hedge_signals(doc, zones))
    loaded = sorted((s.start, s.end) for s in loaded_signals(doc, zones) if not s.in_quote)
    finder = _QuoteFinder(quotes)
    claims = []
    body = text_of(doc)
    for segment in _segments(doc):
        if _is_heading_or_fragment(segment):
            continue
        for clause in _clauses(segment):
            start, end = clause.start_char, clause.end_char
            quote_index = finder.attributing(start, end)
            quote = quotes[quote_index] if quote_index is not None else None
            claims.append(
                ClaimResult(
                    text=body[start:end],
                    start=start,
                    end=end,
                    voice="attributed" if quote is not None else "own",
                    hedged=_any_within(hedges, start, end),
                    loaded=_any_within(loaded, start, end),
                    quote_index=quote_index,
                    speaker=quote.speaker if quote is not None else None,
                )
            )
    return claims


def _segments(doc: Doc) -> Iterator[Span]:
    """Sentences, cut again at line breaks: a paragraph break always ends a sentence."""
    for sent in doc.sents:
        start = None
        for token in sent:
            if token.is_space and "\n" in token.text:
                if start is not None:
                    yield doc[start : token.i]
                start = None
            elif start is None:
                start = token.i
        if start is not None:
            yield doc[start : sent.end]


def _words(span: Span) -> int:
    return sum(1 for t in span if not (t.is_punct or t.is_space))


def _is_heading_or_fragment(segment: Span) -> bool:
    if _words(segment) < MIN_WORDS:
        return True
    last = segment[-1]
    if last.text in _CLOSING_QUOTES and len(segment) > 1:
        last = segment[-2]
    if last.text[-1:] in _TERMINAL:
        return False
    # No closing punctuation: a heading if it has no verb or is set in title/upper case.
    if not any(t.pos_ in ("VERB", "AUX") for t in segment):
        return True
    words = [t.text for t in segment if t.is_alpha and len(t) > 3]
    capitalised = sum(1 for w in words if w[0].isupper())
    return bool(words) and (capitalised / len(words) >= 0.5 or segment.text.isupper())


def _clauses(segment: Span) -> list[Span]:
    doc = segment.doc
    cuts = sorted({*_conj_cuts(segment), *_semicolon_cuts(segment)})
    pieces = []
    start = segment.start
    for cut in cuts:
        piece = _tidy(doc[start:cut])
        rest = doc[cut : segment.end]
        if _words(piece) >= MIN_WORDS and _words(rest) >= MIN_WORDS:
            pieces.append(piece)
            start = cut
    pieces.append(_tidy(doc[start : segment.end]))
    return [p for p in pieces if len(p) > 0]


def _conj_cuts(segment: Span) -> Iterator[int]:
    """Where a coordinated independent clause (one with its own subject) begins."""
    root = segment.root
    stack = [root]
    while stack:
        head = stack.pop()
        for child in head.children:
            if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
                continue
            if not segment.start <= child.i < segment.end:
                continue
            if any(c.dep_ in _SUBJECT_DEPS for c in child.children):
                cut = max(child.left_edge.i, segment.start)
                doc = segment.doc
                # Take "…, but nor" along with the clause it introduces.
                while cut > segment.start and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].text == ","):
                    cut -= 1
                yield cut
            stack.append(child)


def _semicolon_cuts(segment: Span) -> Iterator[int]:
    for token in segment:
        if token.text == ";" and token.i + 1 < segment.end:
            yield token.i + 1


def _tidy(span: Span) -> Span:
    """Drop the conjunction and commas left at a cut: "X, and" -> "X"."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end and (
        doc[start].is_space or doc[start].lower_ in _DROPPED_CONJUNCTIONS or doc[start].text in ",;"
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_space
        or doc[end - 1].text in ",;:—–-"
        or doc[end - 1].lower_ in _DROPPED_CONJUNCTIONS
    ):
        end -= 1
    return doc[start:end]


def _any_within(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(ranges, (start, start))
    return i < len(ranges) and ranges[i][0] < end


class _QuoteFinder:
    """Finds the quote a claim reports, without comparing every claim with every quote."""

    def __init__(self, quotes: Sequence[QuoteResult]) -> None:
        self.quotes = quotes
        self.order = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
        self.starts = [quotes[i].start for i in self.order]
        self.longest = max((q.end - q.start for q in quotes), default=0)

    def attributing(self, start: int, end: int) -> int | None:
        best: tuple[float, int] | None = None
        hi = bisect_right(self.starts, end + 3)
        lo = bisect_left(self.starts, start - self.longest)
        for k in range(lo, hi):
            index = self.order[k]
            quote = self.quotes[index]
            overlap = min(end, quote.end) - max(start, quote.start)
            cue_inside = (
                quote.cue_start is not None and start <= quote.cue_start < end
            )
            if overlap <= 0 and not (cue_inside and _near(quote, start, end)):
                continue
            share = max(overlap, 0) / max(end - start, 1)
            if not cue_inside and share < _INSIDE_SHARE:
                continue
            score = share + (1.0 if cue_inside else 0.0)
            if best is None or score > best[0]:
                best = (score, index)
        return best[1] if best is not None else None


def _near(quote: QuoteResult, start: int, end: int) -> bool:
    """A cue in this claim introducing a quote that starts right after it
    ('He said:' + the quote in the next sentence) still makes the claim attributed."""
    return quote.start >= end and quote.start - end <= 3
