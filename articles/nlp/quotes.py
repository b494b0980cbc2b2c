"""Reported speech in one article: direct, indirect and mixed quotes.

Entry point: `find_quotes(doc)`. It returns quotes with the speaker *mention*
(the words in the text, e.g. "He", "Moscow", "The Russian foreign secretary")
and leaves `speaker` None; `speakers.resolve_speakers` maps mentions to actors.

Two passes, both linear in the doc:
1. quote marks are paired over the raw text (curly, straight and single marks,
   quotes running over several paragraphs that reopen each paragraph); each
   quoted stretch is tied to a nearby speech cue, or to the quote before it,
   or dropped as a scare quote when it is a short fragment with no cue;
2. speech cues left over (a verb from the reporting-verb lexicon with a
   clausal complement, "according to X", "X was insistent that …", "accused
   Russia of …") give indirect quotes; their content is the complement's span
   and they are "mixed" when it contains quoted words.
Offsets are character offsets into doc.text; `text == doc.text[start:end]`.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.mentions import load_lexicon
from articles.nlp.types import QuoteKind, QuoteResult

_OPENERS = "“«„"
_CLOSERS = "”»"
_MARK_RE = re.compile(r"[“”«»„\"‘’']")
_PARA_RE = re.compile(r"\n[ \t]*\n")
_DIRECT_JOINT = re.compile(r"[\s,:;—–-]*(?:as)?[\s,:;—–-]*", re.IGNORECASE)
_THAT_JOINT = re.compile(r"[\s,:;]*that[\s,:;]*", re.IGNORECASE)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "acomp", "oprd"})
_AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "one"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_OBJECT_DEPS = frozenset({"dobj", "prep", "dative", "oprd", "ccomp", "xcomp", "acomp", "attr"})
_CIRCUMSTANCE_PREPS = frozenset({"during", "at", "after", "before", "since", "in", "on", "with", "amid", "throughout"})
_PROMISSIVE = frozenset({"vow", "pledge", "promise", "threaten", "refuse", "swear", "urge", "warn", "tell"})
_MIN_UNATTRIBUTED_WORDS = 8
_MAX_SCARE_WORDS = 5
_CONTINUATION_CHARS = 600


# --- lexicon ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Cues:
    clause: frozenset[str]
    object: frozenset[str]
    adjective: frozenset[str]
    particles: dict[str, frozenset[str]]  # "point" -> {"out"}: the particle is required


@functools.cache
def _cues() -> _Cues:
    """Cue words: the stance lexicon's terms (reporting_verbs.csv, if present)
    plus the frames of speech_cues.csv, which also lists words to leave out."""
    frames: dict[str, str] = {r["cue"]: r["frame"] for r in load_lexicon("speech_cues.csv")}
    terms = {r["term"] for r in load_lexicon("reporting_verbs.csv") if r.get("term")}
    for term in terms:
        frames.setdefault(term, "clause")
    clause: set[str] = set()
    obj: set[str] = set()
    adjective: set[str] = set()
    particles: dict[str, set[str]] = {}
    for cue, frame in frames.items():
        words = cue.split()
        if frame == "exclude" or words[0] == "go" or len(words) > 2:
            continue  # "go on to say" is "say" under "go"; "make it clear" is special-cased
        if len(words) == 2:
            particles.setdefault(words[0], set()).add(words[1])
            target = obj if frame == "object" else clause
            target.add(words[0] + "+")
            continue
        {"object": obj, "adjective": adjective}.get(frame, clause).add(cue)
    return _Cues(
        clause=frozenset(clause),
        object=frozenset(obj),
        adjective=frozenset(adjective),
        particles={k: frozenset(v) for k, v in particles.items()},
    )


# --- quote marks ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """A stretch of text between quote marks: [open, close] are the marks'
    offsets (close is the paragraph end when the quote is never closed)."""

    open: int
    close: int
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def _pair_marks(text: str) -> list[_Segment]:
    paras = [m.start() for m in _PARA_RE.finditer(text)]
    segments: list[_Segment] = []
    dbl: int | None = None  # offset of the open double mark
    reopened = 0  # where the open quote last (re)started: its paragraph is the current one
    sgl: int | None = None  # offset of the open single mark

    def para_end(pos: int) -> int:
        i = bisect.bisect_right(paras, pos)
        return paras[i] if i < len(paras) else len(text)

    def starts_paragraph(pos: int) -> bool:
        i = pos - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        return i < 0 or text[i] == "\n"

    for m in _MARK_RE.finditer(text):
        pos, ch = m.start(), m.group()
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if dbl is not None and para_end(reopened) < pos:
            # The paragraph ended inside the quote: a quote running on reopens the
            # next paragraph; anything else was never closed.
            if ch in _OPENERS + '"' and starts_paragraph(pos) and para_end(para_end(reopened) + 1) >= pos:
                reopened = pos
                continue
            segments.append(_Segment(dbl, para_end(reopened), closed=False))
            dbl = None
        if ch in '“«„"”»':
            if dbl is None:
                opens = ch in _OPENERS or (not before.isalnum() and (after.isalnum() or after in "…([.'‘"))
                if opens:
                    dbl, sgl, reopened = pos, None, pos
            else:
                closes = ch in _CLOSERS or ch == '"' or not after.isalnum()
                if closes:
                    segments.append(_Segment(dbl, pos, closed=True))
                    dbl = None
            continue
        if dbl is not None:
            continue  # single marks inside a double quote belong to it
        if ch in "‘'" and sgl is None and not before.isalnum() and (after.isalnum() or after == "…"):
            sgl = pos
        elif ch in "’'" and sgl is not None and not after.isalnum() and not before.isspace():
            if para_end(sgl) >= pos:
                segments.append(_Segment(sgl, pos, closed=True))
            sgl = None
    if dbl is not None:
        segments.append(_Segment(dbl, para_end(reopened), closed=False))
    return segments


# --- the doc ---------------------------------------------------------------------------


@dataclass
class _Found:
    start: int
    end: int
    kind: QuoteKind
    cue: tuple[int, int] | None
    mention: tuple[int, int] | None
    confidence: float
    cue_token: int = -1
    content: tuple[int, int] | None = None  # token range of the reported content
    cue_kind: str = ""


@dataclass
class _Context:
    doc: Doc
    segments: list[_Segment]
    seg_of_token: list[int]  # index into segments, -1 outside quotes
    sent_of_token: list[int]
    sents: list[Span]
    paras: list[int]  # offsets of paragraph breaks
    text: str  # doc.text, which spaCy rebuilds on every access
    used_cues: set[int] = field(default_factory=set)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """Bounds of the paragraph around `pos`: reported content never crosses one."""
        i = bisect.bisect_right(self.paras, pos)
        start = self.paras[i - 1] if i > 0 else 0
        end = self.paras[i] if i < len(self.paras) else len(self.text)
        return start, end

    def clip(self, start: int, end: int, around: int) -> tuple[int, int]:
        p_start, p_end = self.paragraph(around)
        return _trim(self.text, max(start, p_start), min(end, p_end))


def find_quotes(doc: Doc) -> list[QuoteResult]:
    """All quotes of `doc`, in text order, with speaker mentions but no speakers."""
    ctx = _context(doc)
    found: list[_Found] = []
    claimed: dict[int, int] = {}  # segment index -> cue token that claimed it
    last: _Found | None = None
    for index, seg in enumerate(ctx.segments):
        quote = _direct_quote(ctx, index, seg, last)
        if quote is None:
            continue
        claimed[index] = quote.cue_token
        if last is not None and (last.start, last.end, last.cue) == (
            quote.start,
            quote.end,
            quote.cue,
        ):
            continue  # a second quoted fragment inside the same paraphrase
        found.append(quote)
        last = quote
    found.extend(_indirect_quotes(ctx, claimed))
    found.sort(key=lambda q: (q.start, q.end))
    return [_result(ctx.text, q) for q in _drop_nested(found)]


def _context(doc: Doc) -> _Context:
    text = doc.text
    segments = _pair_marks(text)
    seg_of_token = [-1] * len(doc)
    for index, seg in enumerate(segments):
        span = doc.char_span(seg.open, seg.close + (1 if seg.closed else 0), alignment_mode="expand")
        if span is not None:
            for i in range(span.start, span.end):
                seg_of_token[i] = index
    sents = list(doc.sents)
    sent_of_token = [0] * len(doc)
    for s_index, sent in enumerate(sents):
        for i in range(sent.start, sent.end):
            sent_of_token[i] = s_index
    paras = [m.start() for m in _PARA_RE.finditer(text)]
    return _Context(doc, segments, seg_of_token, sent_of_token, sents, paras, text)


def _result(text: str, q: _Found) -> QuoteResult:
    cue_start, cue_end = q.cue if q.cue else (None, None)
    m_start, m_end = q.mention if q.mention else (None, None)
    return QuoteResult(
        text=text[q.start : q.end],
        start=q.start,
        end=q.end,
        kind=q.kind,
        cue=text[cue_start:cue_end] if q.cue else "",
        cue_start=cue_start,
        cue_end=cue_end,
        speaker_mention=text[m_start:m_end] if q.mention else "",
        mention_start=m_start,
        mention_end=m_end,
        speaker=None,
        confidence=q.confidence,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and the attribution's comma from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


# --- cues -----------------------------------------------------------------------


def speech_cue_kind(tok: Token) -> str | None:
    """ "clause", "object", "adjective", "according" or None."""
    cues = _cues()
    low, lemma = tok.lower_, tok.lemma_.lower()
    if low == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return "according"
    if tok.pos_ == "ADJ":
        return "adjective" if lemma in cues.adjective or low in cues.adjective else None
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ == "neg" for c in tok.children):
        return None
    if lemma in cues.particles:
        for child in tok.children:
            if child.dep_ in {"prt", "prep"} and child.lower_ in cues.particles[lemma]:
                return "object" if lemma + "+" in cues.object else "clause"
    if lemma == "make" and any(c.lemma_ == "clear" for c in tok.children):
        return "clause"
    if lemma in cues.object or low in cues.object:
        return "object"
    if lemma in cues.clause or low in cues.clause:
        return "clause"
    return None


def _cue_span(tok: Token, kind: str) -> tuple[int, int]:
    doc = tok.doc
    start, end = tok.idx, tok.idx + len(tok.text)
    if kind == "according":
        return start, doc[tok.i + 1].idx + len(doc[tok.i + 1].text)
    if kind == "adjective" and tok.head.lemma_ == "be" and tok.head.i < tok.i:
        start = tok.head.idx
    for child in tok.children:
        if child.dep_ == "prt" and child.i == tok.i + 1:
            end = child.idx + len(child.text)
    if tok.lemma_ == "make":
        clear = [c for c in tok.children if c.lemma_ == "clear"]
        if clear:
            end = clear[0].idx + len(clear[0].text)
    if tok.dep_ in {"xcomp", "advcl"} and tok.head.lemma_ in {"go", "continue"} and 0 < tok.i - tok.head.i <= 4:
        start = tok.head.idx  # "went on to say", "continues to remark"
    return start, end


def _speaker_token(tok: Token) -> Token | None:
    """The subject that utters `tok`, climbing from participles and infinitives
    ("He rejected this, saying …", "went on to say", "in saying …")."""
    cur = tok
    for _ in range(8):
        if cur is not tok and cur.dep_ == "ccomp" and tok.tag_ == "VBG" and speech_cue_kind(cur.head):
            # "Lavrov pledged that the gap isn't …, stating that …": the parser hangs
            # the participle on the reported clause; the one who pledged states.
            cur = cur.head
            continue
        for child in cur.children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVES and cur.dep_ == "relcl":
                    return cur.head
                return child
            if child.dep_ == "nsubjpass":
                agents = [g for g in cur.children if g.dep_ == "agent"]
                pobj = [p for a in agents for p in a.children if p.dep_ == "pobj"]
                return pobj[0] if pobj else None
            if child.dep_ == "expl":
                return None
        if cur.dep_ == "acl" and cur.head.pos_ in {"PROPN", "NOUN"}:
            return cur.head
        if cur.dep_ in _CLIMB_DEPS and cur.head is not cur:
            cur = cur.head
            continue
        return None
    return None


def _mention_range(head: Token) -> tuple[int, int]:
    """Offsets of the noun phrase headed by `head`, without relative clauses."""
    left = head.left_edge
    right = head
    for child in head.rights:
        if child.dep_ == "punct":
            continue
        if child.dep_ in {"flat", "compound", "appos"} or (child.dep_ == "prep" and child.lower_ in {"of", "for"}):
            right = child.right_edge
            clauses = [t for t in child.subtree if t.dep_ in {"relcl", "acl"}]
            if clauses:  # "Dr. Maria Lopez, a neurologist … who led the research"
                right = right.doc[min(t.left_edge.i for t in clauses) - 1]
                break
        else:
            break
    if left.dep_ == "punct" or left.text in '“”"‘’':
        left = left.doc[left.i + 1]
    while right.i > head.i and (right.is_punct or right.text in '“”"‘’'):
        right = right.doc[right.i - 1]
    return left.idx, right.idx + len(right.text)


def _speaker_mention(tok: Token, kind: str) -> tuple[int, int] | None:
    if kind == "according":
        to = tok.doc[tok.i + 1]
        pobj = [c for c in to.children if c.dep_ == "pobj"]
        return _mention_range(pobj[0]) if pobj else None
    subject = _speaker_token(tok)
    if subject is None:
        return None
    return _mention_range(subject)


def _content_range(tok: Token, kind: str) -> tuple[int, int] | None:
    """Token range [start, end) of what the cue reports, or None."""
    doc = tok.doc
    if kind == "according":
        sent = tok.sent
        phrase_start = tok.i
        phrase_end = tok.i + 1
        for t in doc[tok.i + 1 : sent.end]:
            if t.head.i >= tok.i and t.i >= phrase_end and (t.head.i < phrase_end or t.head == doc[phrase_end - 1]):
                phrase_end = t.i + 1
            elif t.i > tok.i + 1:
                break
        phrase_end = max(phrase_end, doc[tok.i + 1].right_edge.i + 1)
        if phrase_start - sent.start > 2:
            return sent.start, phrase_start
        return phrase_end, sent.end
    heads = [tok, *(c for c in tok.children if c.lemma_ == "clear")] if tok.lemma_ == "make" else [tok]
    comps = [c for h in heads for c in h.children if c.dep_ == "ccomp"]
    comps += [
        c
        for c in tok.children
        if c.dep_ == "advcl" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
    ]
    for child in tok.children:  # "reaffirmed Russia's view that …"
        if child.dep_ == "dobj":
            comps += [
                c for c in child.children if c.dep_ in {"acl", "ccomp"} and any(m.lower_ == "that" for m in c.children)
            ]
    if tok.lemma_ in _PROMISSIVE:
        comps += [c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i]
    if kind == "object":
        comps = [
            c
            for c in tok.rights
            if c.dep_ in _OBJECT_DEPS and not (c.dep_ == "prep" and c.lower_ in _CIRCUMSTANCE_PREPS)
        ] or comps
        if tok.lemma_ in {"cite", "describe", "dismiss"} and not any(
            c.lower_ == "as" or c.dep_ == "oprd" for c in tok.subtree if c.head.i in {tok.i, *(x.i for x in comps)}
        ):
            return None
        if tok.lemma_ == "call" and not any(
            c.dep_ in {"oprd", "ccomp", "xcomp", "acomp"} or c.lower_ in {"for", "on"} for c in comps
        ):
            return None
    elif kind == "adjective":
        comps += [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"on", "about"}]
    if not comps and tok.dep_ == "parataxis":
        head = tok.head
        return head.left_edge.i, tok.left_edge.i
    if not comps and kind == "clause":
        comps = _that_clause_after(tok)
    if not comps:
        return None
    start = min(c.left_edge.i for c in comps)
    end = max(c.right_edge.i for c in comps) + 1
    if start <= tok.i < end:  # "which he says is …": keep what follows the cue
        start = tok.i + 1
    while start < end and (
        (doc[start].dep_ in {"mark", "det"} and doc[start].lower_ == "that")
        or (doc[start].is_punct and doc[start].text not in "“\"‘'")
    ):
        start += 1
    return (start, end) if end - start >= 2 else None


def _that_clause_after(tok: Token) -> list[Token]:
    """ "pointed out during the questions that …": the parser hangs the clause on a
    noun in between; take it when only a prepositional phrase separates them."""
    doc = tok.doc
    for t in doc[tok.i + 1 : min(tok.i + 14, tok.sent.end)]:
        if t.lower_ == "that" and t.dep_ == "mark" and t.head.i > t.i:
            return [t.head]
        if t.lower_ == "that" and t.dep_ == "det" and t.head.dep_ == "nsubj" and t.head.head.i > t.i:
            return [t.head.head]  # "told investors that production would …" misparsed
        if t.pos_ in {"VERB", "AUX"} or t.is_punct:
            return []
    return []


def _usable_cue(ctx: _Context, tok: Token) -> str | None:
    if ctx.seg_of_token[tok.i] >= 0:
        return None
    kind = speech_cue_kind(tok)
    if kind is None or kind == "according":
        return kind
    subject = _speaker_token(tok)
    if subject is None or (subject.lower_ in _AUTHOR_PRONOUNS and ctx.seg_of_token[subject.i] < 0):
        return None
    return kind


# --- pass 1: quote marks ----------------------------------------------------------


def _direct_quote(ctx: _Context, index: int, seg: _Segment, last: _Found | None) -> _Found | None:
    doc, text = ctx.doc, ctx.text
    inner_start, inner_end = _trim(text, *seg.inner)
    if inner_end <= inner_start:
        return None
    span = doc.char_span(seg.open, seg.close + (1 if seg.closed else 0), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = len(text[inner_start:inner_end].split())
    first_sent = ctx.sent_of_token[span.start]
    last_sent = ctx.sent_of_token[span.end - 1]
    lo = ctx.sents[first_sent].start
    hi = (
        ctx.sents[min(last_sent + 1, len(ctx.sents) - 1)].end if _ends_sentence(text, seg) else ctx.sents[last_sent].end
    )
    best: tuple[int, Token, str] | None = None
    para_open, para_close = ctx.paragraph(seg.open), ctx.paragraph(max(seg.open, seg.close - 1))
    for tok in doc[lo:hi]:
        if span.start <= tok.i < span.end:
            continue
        if not (para_open[0] <= tok.idx < para_open[1] or para_close[0] <= tok.idx < para_close[1]):
            continue
        kind = _usable_cue(ctx, tok)
        if kind is None or kind == "according":
            continue
        if tok.i >= span.end and (
            (ctx.sent_of_token[tok.i] > last_sent and not _attribution_only(doc, span.end, tok))
            or not _attribution_follows(text, seg, seg.close)
        ):
            continue
        governs = any(tok.is_ancestor(t) for t in span[:3])
        distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
        score = distance - (1000 if governs else 0)
        if best is None or score < best[0]:
            best = (score, tok, kind)
    if best is None:
        prev = _colon_cue(ctx, span)
        if prev is not None:
            best = (0, prev, "clause")
    if best is None:
        return _uncued(ctx, seg, span, inner_start, inner_end, words, last)
    _, cue, kind = best
    ctx.used_cues.add(cue.i)
    mention = _speaker_mention(cue, kind)
    if mention is not None:
        mention = ctx.clip(*mention, around=mention[1] - 1)
    cue_range = _cue_span(cue, kind)
    if cue.i >= span.end:
        return _Found(inner_start, inner_end, "direct", cue_range, mention, 0.9, cue.i)
    joint = text[cue_range[1] : seg.open]
    if _DIRECT_JOINT.fullmatch(joint) and (words > _MAX_SCARE_WORDS or ":" in joint or "," in joint):
        return _Found(inner_start, inner_end, "direct", cue_range, mention, 0.9, cue.i)
    content = _content_range(cue, kind)
    if content is not None and doc[content[0]].idx <= seg.open and _end_char(doc, content[1]) >= seg.close:
        start, end = ctx.clip(doc[content[0]].idx, max(_end_char(doc, content[1]), inner_end), around=seg.open)
        extra = len(text[start:end].split()) - words
        if extra > 2:
            return _Found(start, end, "mixed", cue_range, mention, 0.85, cue.i, content)
    if _THAT_JOINT.fullmatch(joint) or (words > _MAX_SCARE_WORDS and not re.search(r"[.!?]", joint)):
        return _Found(inner_start, inner_end, "mixed", cue_range, mention, 0.85, cue.i, content)
    ctx.used_cues.discard(cue.i)
    return _uncued(ctx, seg, span, inner_start, inner_end, words, last)


def _end_char(doc: Doc, token_end: int) -> int:
    tok = doc[token_end - 1]
    return tok.idx + len(tok.text)


def _ends_sentence(text: str, seg: _Segment) -> bool:
    return seg.closed and text[max(seg.open, seg.close - 2) : seg.close].rstrip()[-1:] in {
        ".",
        "?",
        "!",
    }


def _attribution_only(doc: Doc, after: int, cue: Token) -> bool:
    """ "“…?” he asked." spaCy may start a sentence after the closing mark."""
    between = doc[after : cue.i]
    return (
        cue.i - after <= 6
        and not any("\n" in t.text or "\n" in t.whitespace_ for t in doc[after - 1 : cue.i])
        and (not between or between[0].is_lower or between[0].text == ",")
        and all(not t.is_punct or t.text == "," for t in between)
    )


def _attribution_follows(text: str, seg: _Segment, inner_end: int) -> bool:
    """A cue after a quote attributes it only right after the closing mark:
    "“…,” he said", "“…?” asked Lavrov", not "the ‘reform’ package, critics say"."""
    if not seg.closed:
        return False
    last = text[inner_end - 1] if inner_end > 0 else ""
    return last in ".,!?…—-" or text[seg.close + 1 : seg.close + 2] == "," or text[inner_end : seg.close].strip() != ""


def _colon_cue(ctx: _Context, span: Span) -> Token | None:
    """A cue in the sentence before a quote that ends with a colon ("He said:")."""
    doc = ctx.doc
    i = span.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    if i < 0 or doc[i].text != ":":
        return None
    sent = ctx.sents[ctx.sent_of_token[i]]
    for tok in reversed(doc[sent.start : i]):
        if _usable_cue(ctx, tok) in {"clause", "object"}:
            return tok
    return None


def _uncued(
    ctx: _Context, seg: _Segment, span: Span, start: int, end: int, words: int, last: _Found | None
) -> _Found | None:
    """A quote with no cue: a continuation of the previous speaker's quote, an
    unattributed statement, or (short, no cue) a scare quote, which is not a quote."""
    text = ctx.text
    before = re.split(r"[.!?\n]", text[max(0, seg.open - 300) : seg.open])[-1]
    after = re.split(r"[.!?\n]", text[seg.close + 1 : seg.close + 300])[0]
    whole = not re.search(r"\w", before + after)
    follows = last is not None and last.kind == "direct" and 0 <= seg.open - last.end <= _CONTINUATION_CHARS // 3
    if words <= _MAX_SCARE_WORDS and not (whole and follows):
        return None
    if not whole:
        start, end = _trim(text, seg.open - len(before), seg.close + 1 + len(after))
    kind: QuoteKind = "direct" if whole else "mixed"
    if last is not None and 0 <= seg.open - last.end <= _CONTINUATION_CHARS:
        return _Found(start, end, kind, last.cue, last.mention, 0.6, last.cue_token)
    if words >= _MIN_UNATTRIBUTED_WORDS and whole:
        return _Found(start, end, "direct", None, None, 0.3)
    return None


# --- pass 2: cues without quote marks -------------------------------------------------


def _indirect_quotes(ctx: _Context, claimed: dict[int, int]) -> list[_Found]:
    doc, _text = ctx.doc, ctx.text
    found: list[_Found] = []
    for tok in doc:
        if tok.i in ctx.used_cues:
            continue
        kind = _usable_cue(ctx, tok)
        if kind is None:
            continue
        content = _content_range(tok, kind)
        if content is None:
            continue
        c_start, c_end = content
        segs = {ctx.seg_of_token[i] for i in range(c_start, c_end)} - {-1}
        if segs and all(claimed.get(s) == tok.i for s in segs):
            continue
        start, end = ctx.clip(doc[c_start].idx, _end_char(doc, c_end), around=tok.idx)
        if end - start < 3:
            continue
        unclaimed = any(s not in claimed for s in segs)
        quote_kind: QuoteKind = "mixed" if unclaimed else "indirect"
        confidence = {"clause": 0.8, "according": 0.85, "adjective": 0.75, "object": 0.65}[kind]
        mention = _speaker_mention(tok, kind)
        if mention is None:
            continue
        mention = ctx.clip(*mention, around=mention[1] - 1)
        found.append(
            _Found(
                start,
                end,
                quote_kind,
                _cue_span(tok, kind),
                mention,
                confidence,
                tok.i,
                content,
                kind,
            )
        )
    return found


def _drop_nested(found: list[_Found]) -> list[_Found]:
    """An indirect quote whose cue sits inside another quote's reported content
    ("Lavrov said that the US blamed …") is part of that quote, not a new one;
    but "X said Y, according to a statement" is X's quote, not the statement's."""
    dropped: set[int] = set()
    for i, q in enumerate(found):
        if q.kind != "indirect" or q.cue is None:
            continue
        for j, outer in enumerate(found):
            if i == j or j in dropped or not outer.start <= q.cue[0] < outer.end:
                continue
            if outer.cue_kind == "according" and outer.kind == "indirect":
                dropped.add(j)
            else:
                dropped.add(i)
                break
    return [q for i, q in enumerate(found) if i not in dropped]
