"""Reported speech in one article: direct, indirect and mixed quotes.

Entry point: `find_quotes(doc)`. It returns quotes with the speaker *mention*
(the words in the text, e.g. "He", "Moscow", "The Russian foreign secretary")
and leaves `speaker` None; `speakers.resolve_speakers` maps mentions to actors.

Two passes, both linear in the doc:
1. quote marks are paired over the raw text (quote_marks.py: curly, straight
   and single marks, nested quotes, quotes running over several paragraphs that
   reopen each paragraph, Q&A answers, a wire dateline to skip); each
   quoted stretch is tied to a nearby speech cue, or to the quote before it,
   or dropped as a scare quote when it is a short fragment with no cue;
2. speech cues left over (a verb from the reporting-verb lexicon with a
   clausal complement, "according to X", "X was insistent that …", "accused
   Russia of …"), and nouns of speech with an owner ("his claim that …",
   "Pence's call for …") or as the subject of "be" ("the idea is that …") give
   indirect quotes; their content is the complement's span and they are "mixed"
   when it contains quoted words.
What counts as a cue, whose words it reports and which words it reports is
cues.py. Offsets are character offsets into doc.text; `text == doc.text[start:end]`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from articles.nlp.attributions import best_candidate
from articles.nlp.cues import (
    agent_passive,
    called_for,
    content_range,
    copular_cue,
    cue_span,
    generic_pronoun,
    hearsay_passive,
    holder_cue,
    impersonal_passive,
    is_belief,
    is_stance,
    next_act,
    noun_cue,
    noun_phrase,
    object_end,
    object_of,
    speaker_mention,
    speaker_token,
    speech_cue_kind,
    that_said,
    unnamed_question,
    viewpoint,
    with_reason,
)
from articles.nlp.doc_text import text_of
from articles.nlp.names import actor_lexicons, person_nouns
from articles.nlp.quote_marks import (
    QUOTE_CHARS,
    Segment,
    answer_paragraphs,
    attribution_follows,
    dateline_end,
    ends_sentence,
    pair_marks,
    paragraph_breaks,
)
from articles.nlp.sources import source_type_of
from articles.nlp.types import QuoteKind, QuoteResult

_DIRECT_JOINT = re.compile(r"[\s,:;—–-]*(?:as)?[\s,:;—–-]*", re.IGNORECASE)
# "told The Sun: “…”", "said in a statement: “…”": the cue's object, then a colon.
_OBJECT_COLON = re.compile(r"[^.!?:;“”\"\n]{1,60}:\s*")
_THAT_JOINT = re.compile(r"[\s,:;]*that[\s,:;]*", re.IGNORECASE)
_AUTHOR_PRONOUNS = frozenset({"i", "we", "you", "one"})
_NAMING = frozenset({"call", "dub", "nickname", "term", "label", "brand"})
_MIN_UNATTRIBUTED_WORDS = 8
_MAX_SCARE_WORDS = 5
_CONTINUATION_CHARS = 600
_RESUME_GAP = 120  # characters of attribution between two halves of one statement
# A sentence ends at . ! ? or a line break, but not at "Mr." ("…,'' Mr. King said" is one sentence).
_SENTENCE_END = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSen)(?<!\bRep)(?<!\bGov)(?<!\bGen)(?<!\bSt)(?<!\bJr)(?<!\bSr)"
    r"[.!?\n]"
)


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
    segments: list[Segment]
    seg_of_token: list[int]  # index into segments, -1 outside quotes
    sent_of_token: list[int]
    sents: list[Span]
    paras: list[int]  # offsets of paragraph breaks
    text: str  # text_of(doc)
    floor: int = 0  # end of a wire dateline: the first paragraph starts after it
    used_cues: set[int] = field(default_factory=set)

    def paragraph(self, pos: int) -> tuple[int, int]:
        """Bounds of the paragraph around `pos`: reported content never crosses one."""
        i = bisect.bisect_right(self.paras, pos)
        start = self.paras[i - 1] if i > 0 else min(self.floor, pos)
        end = self.paras[i] if i < len(self.paras) else len(self.text)
        return start, end

    def clip(self, start: int, end: int, around: int) -> tuple[int, int]:
        p_start, p_end = self.paragraph(around)
        return _trim(self.text, max(start, p_start), min(end, p_end))


def find_quotes(doc: Doc) -> list[QuoteResult]:
    """All quotes of `doc`, in text order, with speaker mentions but no speakers."""
    ctx = _context(doc)
    found = _rule_quotes(ctx)
    learned = _learned_quotes(ctx, found)
    # a noun's quote inside what a verb reports is part of that quote (as `_drop_nested` for the rules')
    found = [q for q in found if q.cue_kind != "noun" or q.cue is None
             or not any(k.start <= q.cue[0] < k.end for k in learned)]
    found = _one_span_one_quote(ctx.text, [*found, *learned])
    return [_result(ctx.text, q) for q in found]


def _rule_quotes(ctx: _Context) -> list[_Found]:
    """The quotes the cue rules find (both passes), nested ones folded in."""
    found: list[_Found] = []
    claimed: dict[int, int] = {}  # segment index -> cue token that claimed it
    last: _Found | None = None
    # "A: …" answers of a Q&A interview are the interviewee's words, marked or not;
    # the label "A" is the mention, which speakers.py resolves to the interviewee.
    answers = answer_paragraphs(ctx.text, ctx.paras)
    found.extend(_Found(start, end, "direct", None, (label, label + 1), 0.5) for label, start, end in answers)
    if not answers:
        found.extend(_labelled_paragraphs(ctx))
    for index, seg in enumerate(ctx.segments):
        if any(start - 1 <= seg.open < end for _, start, end in answers):
            claimed[index] = -1
            continue
        quote = _direct_quote(ctx, index, seg, last)
        if quote is None:
            continue
        claimed[index] = quote.cue_token
        if last is not None and _resumes_after_cue(ctx, last, quote):
            last.end = quote.end  # “A,” she said. “B.”: one statement the attribution interrupts
            continue
        if last is not None and (last.start, last.end, last.cue) == (
            quote.start,
            quote.end,
            quote.cue,
        ):
            continue  # a second quoted fragment inside the same paraphrase
        found.append(quote)
        last = quote
    found.extend(_indirect_quotes(ctx, claimed))
    found.extend(_findings(ctx))
    found.extend(_noun_quotes(ctx))
    found.extend(_agent_passives(ctx))
    # The same words found twice ("told … that X “…” and that Y “…”" from each
    # quoted fragment) are one quote: keep the surer reading.
    found.sort(key=lambda q: (q.start, q.end, -q.confidence))
    found = [q for i, q in enumerate(found) if i == 0 or (found[i - 1].start, found[i - 1].end) != (q.start, q.end)]
    return _drop_nested(ctx, found)


_LABEL = re.compile(r"\s*([^\n:;“”\"()]{1,50}?):[ \t]+(?=[^\s“”\"‘’'])")
_LABEL_NOUNS = frozenset({"poll", "survey", "study", "report", "source"})


def _labelled_paragraphs(ctx: _Context) -> Iterator[_Found]:
    """ "Poll: Sanders leads in Iowa", "JAKE TAPPER: Trump released a video …": a
    headline or transcript paragraph that opens with a name (or a poll, a report)
    and a colon gives the rest of the paragraph as that source's words."""
    doc = ctx.doc
    family = _family_names(doc)
    for para_start in [min(ctx.floor, len(ctx.text)), *ctx.paras]:
        m = _LABEL.match(ctx.text, para_start)
        if m is None:
            continue
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if label is None or not 1 <= len(label) <= 5 or any(t.pos_ in {"VERB", "AUX", "PRON"} for t in label):
            continue
        sources = any(t.ent_type_ in {"PERSON", "ORG", "NORP"} or t.lemma_.lower() in _LABEL_NOUNS for t in label)
        if all(t.ent_type_ in {"GPE", "LOC", "DATE", "TIME"} for t in label):
            continue  # "New York: …", "Tuesday: …" set a scene, nobody speaks
        # "JAKE TAPPER", "Dana Price", however the tagger reads capitals
        named = len(label) >= 2 and any(t.pos_ == "PROPN" for t in label)
        named = named and all(t.pos_ == "PROPN" or (t.is_alpha and t.is_upper) for t in label)
        named = named or (len(label) == 1 and label[0].text in family)  # "Sanders: …"
        if not (named or sources):
            continue
        start, end = ctx.clip(m.end(), ctx.paragraph(m.end())[1], around=m.end())
        if len(ctx.text[start:end].split()) >= 3:
            kind = _paraphrase_kind(ctx.text[start:end])
            yield _Found(start, end, kind, None, (label.start_char, label.end_char), 0.6)


def _family_names(doc: Doc) -> set[str]:
    """The last words of the people the article names in full ("Sanders" of "Bernie Sanders")."""
    return {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) >= 2}


def _resumes_after_cue(ctx: _Context, last: _Found, quote: _Found) -> bool:
    """ “A,” she said. “B.” and “A,” she said, “B.”: a reader reads one statement
    that the attribution interrupts (PolNeAR's one content in two spans), when the
    second quote is the first one's continuation in the same paragraph."""
    cue = last.cue
    if cue is None or quote.cue != cue or (last.kind, quote.kind) != ("direct", "direct"):
        return False
    if not last.end <= cue[0] < quote.start or quote.start - last.end > _RESUME_GAP:
        return False
    para, next_para = ctx.paragraph(last.end), ctx.paragraph(quote.start)
    if para == next_para:
        return True
    # “A!” he tweeted.¶“B.”: the next paragraph opens with more of the same words, and
    # nothing but the attribution's one sentence stands between them (no quoted title or
    # phrase of its own: 'calling Trump “a buffoon,” Susan said.¶“…”' is two things).
    attribution = ctx.text[last.end : para[1]].lstrip(QUOTE_CHARS + ",.;:!?…—– ")
    opening = ctx.text[next_para[0] : quote.start]
    return (
        next_para[0] == para[1]
        and len(ctx.text[last.start : last.end].split()) > _MAX_SCARE_WORDS
        and not re.search(r"\w", opening)
        and not re.search(r"[“”«»„\"]|''", attribution)
        and len(_SENTENCE_END.findall(attribution.rstrip())) <= 1
    )


def _context(doc: Doc) -> _Context:
    text = text_of(doc)
    paras = paragraph_breaks(text)
    segments = pair_marks(text, paras)
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
    return _Context(doc, segments, seg_of_token, sent_of_token, sents, paras, text, dateline_end(text))


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


def _usable_cue(ctx: _Context, tok: Token) -> str | None:
    if ctx.seg_of_token[tok.i] >= 0:
        return None
    kind = speech_cue_kind(tok)
    if kind is None or kind == "according":
        return kind
    subject = speaker_token(tok)
    if subject is None:
        # "It was announced that …": reported speech with nobody named. ("Asked whether
        # …" with nobody named is a question put to the speaker, not their words.)
        return kind if impersonal_passive(tok) or hearsay_passive(tok) else None
    if subject.lower_ in _AUTHOR_PRONOUNS and ctx.seg_of_token[subject.i] < 0 and generic_pronoun(subject):
        return None
    if tok.lemma_ in _NAMING and tok.dep_ == "relcl" and not any(c.lower_ == "who" for c in tok.children):
        return None  # "a feature it calls “Camera Control”" names a thing ("Obama, who called …" speaks)
    if kind == "adjective" and (tok.dep_ != "acomp" or not _attitude_holder(subject)):
        return None  # "It is critical that …", "the results were clear" hold no one's attitude
    if is_stance(tok) and not _stance_holder(tok, subject):
        return None  # "the beam supports the roof"
    if is_belief(tok) and tok.dep_ == "ccomp" and speech_cue_kind(tok.head):
        return None  # "she said she thinks …" is what she said, one quote
    return kind


# --- pass 1: quote marks ----------------------------------------------------------


def _direct_quote(ctx: _Context, index: int, seg: Segment, last: _Found | None) -> _Found | None:
    doc, text = ctx.doc, ctx.text
    inner_start, inner_end = _trim(text, *seg.inner)
    if inner_end <= inner_start:
        return None
    span = doc.char_span(seg.open, seg.close + (1 if seg.closed else 0), alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    words = len(text[inner_start:inner_end].split())
    if _title(ctx, span, text[inner_start:inner_end]) or _link_title(ctx, seg):
        return None
    best = _nearest_cue(ctx, seg, span)
    if best is None:
        prev = _colon_cue(ctx, span)
        if prev is not None:
            best = (0, prev, "clause")
    if best is None:
        prev = _statement_before(ctx, span) or _bare_tag(ctx, seg, span)
        if prev is not None:
            return _attributed_before(ctx, prev, inner_start, inner_end)
    if best is None:
        label = _speaker_label(ctx, span)
        if label is not None:
            end = _headline_runs_on(ctx, seg)
            if end is not None:  # "Ryan: ‘Anti-Semitic Images’ Have ‘No Place …’": the whole headline
                start = seg.open - seg.lead
                return _Found(start, end, _paraphrase_kind(text[start:end]), None, label, 0.8)
            return _Found(inner_start, inner_end, "direct", None, label, 0.8)
    if best is None:
        return _uncued(ctx, seg, span, inner_start, inner_end, words, last)
    _, cue, kind = best
    ctx.used_cues.add(cue.i)
    mention = speaker_mention(cue, kind)
    if mention is not None:
        mention = ctx.clip(*mention, around=mention[1] - 1)
    cue_range = cue_span(cue, kind)
    if cue.i >= span.end:
        # 'Trump's misinformation may be "strategic," said X': the quoted words end a
        # clause the cue reports, which is the content (mixed)
        lead = _reported_lead(ctx, cue, kind, seg, inner_end)
        if lead is not None:
            return _Found(lead, inner_end, "mixed", cue_range, mention, 0.85, cue.i)
        return _Found(inner_start, inner_end, "direct", cue_range, mention, 0.9, cue.i)
    joint = text[cue_range[1] : seg.outer_start]
    plain_joint = _DIRECT_JOINT.fullmatch(joint) and (words > _MAX_SCARE_WORDS or ":" in joint or "," in joint)
    if plain_joint or _OBJECT_COLON.fullmatch(joint):
        return _Found(inner_start, inner_end, "direct", cue_range, mention, 0.9, cue.i)
    content = content_range(cue, kind)
    # the content holds the quoted words (its end may stop before a closing '."', which
    # the parser often hangs on the cue: 'told reporters that … “drive him out of the race.”')
    words_end = inner_end - len(text[inner_start:inner_end]) + len(text[inner_start:inner_end].rstrip(".!?…"))
    if content is not None and doc[content[0]].idx <= seg.open and _end_char(doc, content[1]) >= words_end:
        start, end = ctx.clip(doc[content[0]].idx, max(_end_char(doc, content[1]), inner_end), around=seg.open)
        extra = len(text[start:end].split()) - words
        if extra > 2:
            return _Found(start, end, "mixed", cue_range, mention, 0.85, cue.i, content)
    if _THAT_JOINT.fullmatch(joint) or (words > _MAX_SCARE_WORDS and not re.search(r"[.!?]", joint)):
        return _Found(inner_start, inner_end, "mixed", cue_range, mention, 0.85, cue.i, content)
    ctx.used_cues.discard(cue.i)
    return _uncued(ctx, seg, span, inner_start, inner_end, words, last)


_TITLE_LEADS = frozenset({"on", "in", "of", "from"})
_WORKS = frozenset(
    {"book", "memoir", "autobiography", "novel", "film", "movie", "documentary", "show", "series", "podcast",
     "song", "album", "play", "column", "essay", "op-ed", "program", "programme"}
)
_TITLE_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "with", "for", "on", "in", "to", "at", "&"})


def _title(ctx: _Context, span: Span, inner: str) -> bool:
    """ "on CNN’s “New Day,”", "on “Hannity”", "author of “America's Unwritten
    Constitution”", "his memoir, “A Time for Truth,”": a short quoted name in title case
    after a possessive, a preposition or a noun of a work names a show, a book or a film;
    nobody says it."""
    words = inner.rstrip(",.!?").split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return False
    if not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _TITLE_SMALL_WORDS for w in words):
        return False
    i = _before(span)
    if i >= 1 and ctx.doc[i].text == ",":
        i -= 1  # "In his new book, ''Doomed to Succeed,'' …": a work named in apposition
    return i >= 0 and (
        ctx.doc[i].tag_ == "POS" or ctx.doc[i].lower_ in _TITLE_LEADS or ctx.doc[i].lemma_.lower() in _WORKS
    )


_LINK_LABEL = re.compile(r"\s*(?:related|read more|read|see also|also read|more|watch|listen|recommended)\s*:\s*", re.I)


def _link_title(ctx: _Context, seg: Segment) -> bool:
    """ "Related: “Bridge closure costs city millions”" alone in its paragraph: a link to
    another article copied with the page, its headline in quote marks; nobody says it."""
    start, _ = ctx.paragraph(seg.open)
    return bool(_LINK_LABEL.fullmatch(ctx.text[start : seg.open]))


def _reported_lead(ctx: _Context, cue: Token, kind: str, seg: Segment, inner_end: int) -> int | None:
    """Where the clause that a cue after the quote reports starts, when it starts
    before the quote's opening mark, in the quote's sentence and paragraph, with a
    subject of its own and no other quote marks."""
    doc = ctx.doc
    content = content_range(cue, kind)
    if content is None or _end_char(doc, content[1]) < inner_end - 1:
        return None
    first = doc[content[0]]
    lead = [t for t in doc[content[0] : content[1]] if t.idx < seg.open]
    if len(lead) < 2 or ctx.paragraph(first.idx) != ctx.paragraph(seg.open):
        return None
    if any(t.text in QUOTE_CHARS or speech_cue_kind(t) for t in lead):
        return None  # another quote, or a cue of its own ("Trump asserted that France …: “…”")
    if not any(t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in lead):
        return None
    return _trim(ctx.text, first.idx, inner_end)[0]


def _nearest_cue(ctx: _Context, seg: Segment, span: Span) -> tuple[int, Token, str] | None:
    """The speech cue of a quoted stretch: in its sentence (or the next one when the
    quote ends one), in the paragraph where it opens or closes; one that governs the
    quote's first words wins, else the nearest."""
    doc, text = ctx.doc, ctx.text
    first_sent = ctx.sent_of_token[span.start]
    last_sent = ctx.sent_of_token[span.end - 1]
    lo = ctx.sents[first_sent].start
    hi = (
        ctx.sents[min(last_sent + 1, len(ctx.sents) - 1)].end if ends_sentence(text, seg) else ctx.sents[last_sent].end
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
            or not attribution_follows(text, seg)
        ):
            continue
        if tok.i >= span.end and _opens_next_line(ctx, span, tok, kind):
            continue
        governs = any(tok.is_ancestor(t) for t in span[:3])
        distance = span.start - tok.i if tok.i < span.start else tok.i - span.end
        score = distance - (1000 if governs else 0)
        if best is None or score < best[0]:
            best = (score, tok, kind)
    return best


def _opens_next_line(ctx: _Context, span: Span, cue: Token, kind: str) -> bool:
    """ "…right place.”\nRubio said he does support …": a cue on the line after the
    quote that reports a clause of its own opens the next statement."""
    between = ctx.text[span.end_char : cue.idx]
    if "\n" not in between:
        return False
    content = content_range(cue, kind)
    return content is not None and content[0] > cue.i


def _end_char(doc: Doc, token_end: int) -> int:
    tok = doc[token_end - 1]
    return tok.idx + len(tok.text)


def _attribution_only(doc: Doc, after: int, cue: Token) -> bool:
    """ "“…?” he asked.", "“…?” Sanders asked.": spaCy may start a sentence after the
    closing mark; only the cue and its subject follow it."""
    between = doc[after : cue.i]
    subject = any(t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == cue.i for t in between)
    return (
        cue.i - after <= 6
        and not any("\n" in t.text or "\n" in t.whitespace_ for t in doc[after - 1 : cue.i])
        and (not between or between[0].is_lower or between[0].text == "," or subject)
        and all(not t.is_punct or t.text == "," for t in between)
    )


def _before(span: Span) -> int:
    """Index of the last token before `span` that is not white space (-1 if none)."""
    i = span.start - 1
    while i >= 0 and span.doc[i].is_space:
        i -= 1
    return i


def _colon_cue(ctx: _Context, span: Span) -> Token | None:
    """A cue in the sentence before a quote that ends with a colon ("He said:")."""
    doc = ctx.doc
    i = _before(span)
    if i < 0 or doc[i].text != ":":
        return None
    sent = ctx.sents[ctx.sent_of_token[i]]
    for tok in reversed(doc[sent.start : i]):
        if _usable_cue(ctx, tok) in {"clause", "object"}:
            return tok
    return None


def _attributed_before(ctx: _Context, cue: Token, start: int, end: int) -> _Found:
    """A direct quote whose cue ended the sentence before it, or is a bare tag after it."""
    ctx.used_cues.add(cue.i)
    mention = speaker_mention(cue, "clause")
    if mention is not None:
        mention = ctx.clip(*mention, around=mention[1] - 1)
    return _Found(start, end, "direct", cue_span(cue, "clause"), mention, 0.8, cue.i)


_TAG_ENDS = frozenset({".", "!", "?"})


def _bare_tag(ctx: _Context, seg: Segment, span: Span) -> Token | None:
    """ "“…,” he continued.", "“…,” Bolton charged.", "“…?” barked Oliver, prompting …":
    a quote closing on a comma, "?" or "!" and then only someone and a verb to the
    sentence's end (or a participle's aside) is that someone's, whatever the verb: the
    verbs of manner news puts there are too many for a lexicon ("continued" is none)."""
    doc, text = ctx.doc, ctx.text
    inner = text[seg.open + 1 : seg.close].rstrip(QUOTE_CHARS + " \t")
    if not seg.closed or inner[-1:] not in {",", "?", "!"}:
        return None
    i = span.end
    while i < len(doc) and doc[i].text == ",":
        i += 1
    tag: list[Token] = []
    while i < len(doc) and doc[i].text not in _TAG_ENDS | {","} and "\n" not in doc[i].text and len(tag) <= 5:
        tag.append(doc[i])
        i += 1
    verbs = [t for t in tag if t.pos_ == "VERB"]
    if len(verbs) != 1 or len(tag) > 5 or ctx.seg_of_token[verbs[0].i] >= 0:
        return None
    verb = verbs[0]
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and span.end <= c.i < i]
    if len(subjects) != 1 or not (subjects[0].pos_ == "PROPN" or _someone(subjects[0])):
        return None
    if any(t.i not in {verb.i, subjects[0].i} and not subjects[0].is_ancestor(t) for t in tag):
        return None
    if i < len(doc) and doc[i].text == ",":
        # ", prompting loud cheers": only the verb's own participle clause may follow
        rest = doc[i + 1 : ctx.sents[ctx.sent_of_token[i]].end]
        aside = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i == i + 1]
        if not aside or any(not (t.is_punct or t.i == aside[0].i or aside[0].is_ancestor(t)) for t in rest):
            return None
    elif i < len(doc) and doc[i].text not in _TAG_ENDS and "\n" not in doc[i].text:
        return None
    return verb


def _statement_before(ctx: _Context, span: Span) -> Token | None:
    """ "Sam Lau said in a statement. “…”", "the statement read.\n\n“…”": a sentence
    that ends in a speech cue which reports nothing itself introduces the quote
    that follows it."""
    doc = ctx.doc
    i = _before(span)
    if i < 1 or doc[i].text != ".":
        return None
    sent = ctx.sents[ctx.sent_of_token[i]]
    cue = sent.root
    kind = _usable_cue(ctx, cue)
    if kind not in {"clause", "object"} or content_range(cue, kind) is not None:
        return None
    # only the cue's circumstances follow it ("in a statement", "on Monday")
    if any(t.pos_ in {"VERB", "AUX"} or t.text in '“”"' for t in doc[cue.i + 1 : i]):
        return None
    return cue


def _colon_clause(ctx: _Context, span: Span) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """ "Trump boomed: “…”", "Pence continued: “…”": a clause ending in a colon
    introduces the quote whatever its verb; its subject speaks (cue, mention)."""
    doc = ctx.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_space or doc[i].text != ":"):
        i -= 1
    if i < 1:
        return None, None
    verb = doc[i].head if doc[i].head.pos_ in {"VERB", "AUX"} else doc[i].sent.root
    if verb.pos_ not in {"VERB", "AUX"} or ctx.seg_of_token[verb.i] >= 0 or verb.i > i:
        return None, None
    mention = speaker_mention(verb, "clause")
    if mention is None or ctx.text[mention[0] : mention[1]].lower() in _AUTHOR_PRONOUNS:
        return None, None
    return cue_span(verb, "clause"), ctx.clip(*mention, around=mention[1] - 1)


def _speaker_label(ctx: _Context, span: Span) -> tuple[int, int] | None:
    """ "England captain Ben Stokes: “…”": a paragraph that opens with a name and a
    colon, no verb, and then the quote; the name is the speaker."""
    doc = ctx.doc
    i = _before(span)
    if i < 1 or doc[i].text != ":":
        return None
    para_start = ctx.paragraph(doc[i].idx)[0]
    first = i
    # "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “…”": a headline's dash opens the label
    # or a sentence before it ('… Clinton: "…" Bush: "…"')
    while first > 0 and doc[first - 1].idx >= para_start and not doc[first - 1].is_space:
        if doc[first - 1].text in {"-", "—", "–"} and doc[first - 1].whitespace_:
            break
        if doc[first - 1].text in {".", "?", "!", "...", "”", '"'} and first < i:
            break
        first -= 1
    label = doc[first:i]
    if not 1 <= len(label) <= 8 or any(t.pos_ in {"VERB", "AUX"} or t.is_punct for t in label):
        return None
    if not any(_name_word(t) for t in label):
        return None
    return label.start_char, label.end_char


def _headline_runs_on(ctx: _Context, seg: Segment) -> int | None:
    """ "Sidney Blumenthal: ‘No Idea’ If I Would Have Told Hillary …": after a speaker's
    label, a headline quotes some of its words and paraphrases the rest; all of it is
    the speaker's (PolNeAR's one content). The end of the paragraph when words follow the
    closing mark (in single marks, a headline's; not "Clinton: “…” Bush: “…”")."""
    text = ctx.text
    if not seg.closed or text[seg.open] != "‘":
        return None
    end = _trim(text, seg.close + 1, ctx.paragraph(seg.close)[1])[1]
    rest = text[seg.close + 1 : end]
    if len(re.findall(r"\w+", rest)) < 2 or re.search(r"[“”\":]", rest):
        return None
    return end


def _name_word(tok: Token) -> bool:
    """A word of a name, also where a headline's tagging missed it ("Trump: ‘…’")."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in {"PERSON", "ORG"}:
        return True
    return tok.is_title and any(t.text == tok.text and t.pos_ == "PROPN" for t in tok.doc)


def _uncued(
    ctx: _Context, seg: Segment, span: Span, start: int, end: int, words: int, last: _Found | None
) -> _Found | None:
    """A quote with no cue: a continuation of the previous speaker's quote, an
    unattributed statement, or (short, no cue) a scare quote, which is not a quote."""
    text = ctx.text
    before = _SENTENCE_END.split(text[max(0, seg.outer_start - 300) : seg.outer_start])[-1]
    after = "" if _closes_sentence(text, seg) else _SENTENCE_END.split(text[seg.outer_end : seg.outer_end + 300])[0]
    whole = not re.search(r"\w", before + after)
    # (the colon may end the paragraph before: "issued the following statement:\n\n“…”")
    colon = before.rstrip().endswith(":") or (not before.strip() and text[: seg.outer_start].rstrip().endswith(":"))
    if colon and not re.search(r"\w", after) and words >= 3:
        # "…, with one writing: “…”" that the parse could not tie to a cue: the colon
        # still introduces someone's words, just not the previous speaker's.
        cue, mention = _colon_clause(ctx, span)
        return _Found(start, end, "direct", cue, mention, 0.3 if mention is None else 0.6)
    follows = last is not None and last.kind == "direct" and 0 <= seg.open - last.end <= _CONTINUATION_CHARS // 3
    if words <= _MAX_SCARE_WORDS and not (whole and follows):
        return None
    if not whole:
        start, end = _trim(text, seg.outer_start - len(before), seg.outer_end + len(after))
    kind: QuoteKind = "direct" if whole else "mixed"
    if _according_in_sentence(ctx, span):
        return None  # “…,” according to X: pass 2 credits X, not the previous speaker
    if last is not None and 0 <= seg.open - last.end <= _CONTINUATION_CHARS:
        found = _governing_cue_after(ctx, span)
        if found is not None:  # '“I hail …” than a shutdown, said Senator X': not the previous speaker's
            cue, kind_of_cue = found
            ctx.used_cues.add(cue.i)
            mention = speaker_mention(cue, kind_of_cue)
            mention = ctx.clip(*mention, around=mention[1] - 1) if mention is not None else None
            # the words end where the attribution starts: at the cue, or its subject before it
            subjects = [c.left_edge.i for c in cue.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < cue.i]
            attribution = min([cue.i, *(i for i in subjects if i >= span.end)])
            start, end = _trim(ctx.text, start, min(end, ctx.doc[attribution].idx))
            return _Found(start, end, kind, cue_span(cue, kind_of_cue), mention, 0.6, cue.i)
        return _Found(start, end, kind, last.cue, last.mention, 0.6, last.cue_token)
    if words >= _MIN_UNATTRIBUTED_WORDS and whole:
        return _Found(start, end, "direct", None, None, 0.3)
    return None


def _governing_cue_after(ctx: _Context, span: Span) -> tuple[Token, str] | None:
    """A speech cue (and its kind) later in the quote's sentence whose clause holds the
    quote's first words, though words stand between them ('“…” than a shutdown, said X')."""
    for tok in ctx.sents[ctx.sent_of_token[span.end - 1]]:
        if tok.i < span.end or tok.i in ctx.used_cues or not any(tok.is_ancestor(t) for t in span[:3]):
            continue
        kind = _usable_cue(ctx, tok)
        if kind is not None and kind != "according":
            return tok, kind
    return None


def _according_in_sentence(ctx: _Context, span: Span) -> bool:
    """The quote's sentence names its source with "according to" outside the quote."""
    sents = ctx.sents[ctx.sent_of_token[span.start] : ctx.sent_of_token[span.end - 1] + 1]
    return any(
        tok.lower_ == "according" and not span.start <= tok.i < span.end and _usable_cue(ctx, tok) == "according"
        for sent in sents for tok in sent
    )


def _closes_sentence(text: str, seg: Segment) -> bool:
    """ “I went too far. I was wrong.” She did not …: the quote ends its sentence
    when its words end in a full stop and a new sentence opens after the mark."""
    following = text[seg.outer_end : seg.outer_end + 40].lstrip(" \t")
    return ends_sentence(text, seg) and (not following or following[0].isupper() or following[0] in "\n“\"‘")


# --- pass 2: cues without quote marks -------------------------------------------------


def _indirect_quotes(ctx: _Context, claimed: dict[int, int]) -> list[_Found]:
    doc, _text = ctx.doc, ctx.text
    found: list[_Found] = []
    for tok in doc:
        if tok.i in ctx.used_cues:
            continue
        kind = _usable_cue(ctx, tok) or ("object" if unnamed_question(tok) else None)
        if kind is None:
            continue
        content = content_range(tok, kind)
        if content is None:
            continue
        c_start, c_end = content
        segs = {ctx.seg_of_token[i] for i in range(c_start, c_end)} - {-1}
        if segs and all(claimed.get(s) == tok.i for s in segs):
            continue
        start, end = ctx.clip(doc[c_start].idx, _end_char(doc, c_end), around=tok.idx)
        end = _without_aside(ctx, start, end)
        if end - start < 2:
            continue
        unclaimed = any(s not in claimed for s in segs)
        quote_kind: QuoteKind = "mixed" if unclaimed else "indirect"
        confidence = {"clause": 0.8, "according": 0.85, "adjective": 0.75, "object": 0.65}[kind]
        mention = speaker_mention(tok, kind)
        if mention is not None:
            mention = ctx.clip(*mention, around=mention[1] - 1)
        elif impersonal_passive(tok) or hearsay_passive(tok) or unnamed_question(tok):
            confidence = 0.5
        else:
            continue
        found.append(
            _Found(
                start,
                end,
                quote_kind,
                cue_span(tok, kind),
                mention,
                confidence,
                tok.i,
                content,
                kind,
            )
        )
    return found


# ", who worked on …", " — even as …", ", although …": the writer's aside after what was reported
_ASIDE = re.compile(
    r"(?:,|\s[—–]|\s--)\s+(?:who|which|although|though|even though|even as|even if)\b", re.IGNORECASE
)


def _without_aside(ctx: _Context, start: int, end: int) -> int:
    """The end of reported content without the writer's aside that closes it (a clause
    that runs to the content's end, outside quote marks): "the FBI had secured the
    cooperation of Bryan Pagliano[, who worked on …]"; not "Mrs. Clinton, who has …,
    still faces …"."""
    m = _ASIDE.search(ctx.text, start, end)
    if m is None or re.search("[“”\"]", ctx.text[m.start() : end]) or len(ctx.text[start : m.start()].split()) < 2:
        return end
    word = ctx.doc.char_span(m.end() - len(m.group().split()[-1]), m.end(), alignment_mode="expand")
    if word is None:
        return end
    clause = word[0]
    while clause.dep_ not in {"relcl", "advcl"} and clause.head.i != clause.i and clause.i - word[0].i < 40:
        clause = clause.head
    if clause.dep_ not in {"relcl", "advcl"} or _end_char(ctx.doc, clause.right_edge.i + 1) < end - 1:
        return end
    return m.start()


_FINDING_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis"})


def _findings(ctx: _Context) -> Iterator[_Found]:
    """ "Clinton leads by nine points in a new poll", "In a CBS News poll released
    Monday, she led by nine points": what a poll or a report finds, given as a phrase
    that ends or opens the sentence (like "according to"); the poll or report is the
    source. A sentence with a speech cue of its own ("In the report, the inspectors
    found …") is that cue's."""
    doc = ctx.doc
    for tok in doc:
        objects = [c for c in tok.children if c.dep_ == "pobj"] if tok.lower_ == "in" and tok.dep_ == "prep" else []
        if not objects or objects[0].lemma_.lower() not in _FINDING_NOUNS or ctx.seg_of_token[tok.i] >= 0:
            continue
        sent = tok.sent
        if all(t.is_punct for t in doc[tok.right_edge.i + 1 : sent.end]) and tok.i - sent.start > 3:
            c_start, c_end = sent.start, tok.i
        elif tok.i == sent.start and doc[tok.right_edge.i + 1].text == "," and _uncued_clause(doc, sent):
            c_start, c_end = tok.right_edge.i + 2, sent.end
        else:
            continue
        start, end = ctx.clip(doc[c_start].idx, _end_char(doc, c_end), around=tok.idx)
        if len(ctx.text[start:end].split()) >= 3:
            mention = ctx.clip(*noun_phrase(objects[0]), around=objects[0].idx)
            kind = _paraphrase_kind(ctx.text[start:end])
            cue = (tok.idx, tok.idx + len(tok.text))
            yield _Found(start, end, kind, cue, mention, 0.7, tok.i, (c_start, c_end), "finding")


def _agent_passives(ctx: _Context) -> Iterator[_Found]:
    """ "O'Malley's move was first reported by MSNBC": the subject of a passive cue,
    credited to its agent (cues.py `agent_passive`)."""
    doc = ctx.doc
    for tok in doc:
        passive = agent_passive(tok) if ctx.seg_of_token[tok.i] < 0 else None
        if passive is None:
            continue
        (c_start, c_end), agent = passive
        start, end = ctx.clip(doc[c_start].idx, _end_char(doc, c_end), around=tok.idx)
        if end - start < 2 or any(ctx.seg_of_token[i] >= 0 for i in range(c_start, c_end)):
            continue
        mention = ctx.clip(*noun_phrase(agent), around=agent.idx)
        cue = (tok.idx, tok.idx + len(tok.text))
        yield _Found(start, end, "indirect", cue, mention, 0.5, tok.i, (c_start, c_end), "passive")


def _owner_mention(ctx: _Context, owner: Token) -> tuple[int, int]:
    """Where a noun of speech's owner is named; "his", "their" alone (speakers.py reads a
    possessive owner as the subject pronoun)."""
    if owner.tag_ == "PRP$":
        return owner.idx, owner.idx + len(owner.text)
    return ctx.clip(*noun_phrase(owner), around=owner.idx)


def _noun_quotes(ctx: _Context) -> Iterator[_Found]:
    """ "his claim that …", "Pence's call for a special prosecutor", "her answer was that …",
    "in Knittel's view, …", "Ryan is a vocal advocate of trade deals": what a noun of speech, a
    point of view or a stance reports, credited to its owner (cues.py `noun_cue`, `copular_cue`,
    `viewpoint`, `holder_cue`)."""
    doc = ctx.doc
    for tok in doc:
        outside = ctx.seg_of_token[tok.i] < 0
        cued = (noun_cue(tok) or copular_cue(tok) or viewpoint(tok) or holder_cue(tok)) if outside else None
        if cued is None:
            continue
        (c_start, c_end), speaker = cued
        start, end = ctx.clip(doc[c_start].idx, _end_char(doc, c_end), around=tok.idx)
        end = _without_aside(ctx, start, end)
        if end - start < 3:
            continue
        mention = None if speaker is None else _owner_mention(ctx, speaker)  # "the idea is that …": no one
        kind = _paraphrase_kind(ctx.text[start:end])
        cue = (tok.idx, tok.idx + len(tok.text))
        yield _Found(start, end, kind, cue, mention, 0.6, tok.i, (c_start, c_end), "noun")


def _paraphrase_kind(content: str) -> QuoteKind:
    """Reported content is "mixed" when it holds quoted words, else "indirect"."""
    return "mixed" if re.search("[“”\"]", content) else "indirect"


def _uncued_clause(doc: Doc, sent: Span) -> bool:
    """The sentence's own verbs report nothing (no speech cue, no quote marks)."""
    return not any(speech_cue_kind(t) or t.text in "“”\"" for t in sent)


def unclaimed_verbs(doc: Doc) -> list[Token]:
    """Verbs outside quote marks that cue no rule's quote: what the learned model
    (attributions.py) is asked about, here and in its training. A cue word whose
    rule found no content ("praised the plan", "announced his run") is asked too."""
    ctx = _context(doc)
    return list(_model_verbs(ctx, _rule_quotes(ctx)))


def _model_verbs(ctx: _Context, rules: list[_Found]) -> Iterator[Token]:
    cues = {q.cue_token for q in rules}
    for tok in ctx.doc:
        naming = tok.lemma_ in _NAMING and tok.dep_ == "relcl"  # "a chip it calls “X”" names a thing
        if ctx.seg_of_token[tok.i] < 0 and tok.pos_ in {"VERB", "AUX"} and tok.i not in cues and not naming \
                and not that_said(tok):
            yield tok


# "The video appears to show …": the writer's impression of a thing; the text names no
# source ("Trump appeared to suggest …" is Trump's, as PolNeAR reads it).
_RAISING = frozenset({"appear", "seem"})
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "who"})


def _someone(subject: Token | None) -> bool:
    """A person or a body, not a thing: "Trump", "she", "the senator", "the party"."""
    if subject is None:
        return False
    if subject.lower_ in _PERSON_PRONOUNS or subject.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}:
        return True
    return subject.lemma_.lower() in person_nouns()


def _attitude_holder(subject: Token) -> bool:
    """Someone, one in a role ("the senator", "aides") or a group ("voters", "critics")."""
    lemma = subject.lemma_.lower()
    return _someone(subject) or lemma in actor_lexicons().title_heads or source_type_of(subject.lower_) == "group"


# "Trump's refusal to endorse Ryan", "disclosures backing …": an act or a thing, not its doer
_ABSTRACT = re.compile(r"(?:ion|al|ity|ure|ment|ness|ance|ence|ing|sis)$")
# the noun of a doer: "voters", "a donor", "economists", "delegates", "partisans", "progressives"
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|ant|ent|ate|ive|ee)$")
_PEOPLE = frozenset({"people", "man", "woman", "folk", "population", "person"})


def _stance_holder(verb: Token, subject: Token) -> bool:
    """Who takes a stance: a person or a body, or people counted or grouped ("voters
    who support Sanders", "6 in 10 white men backed Clinton", "19 percent of students
    favor …", "most oppose …"); not a thing or an act ("the figures support the case",
    "the beam supports the roof", "his refusal to endorse …")."""
    if _someone(subject):
        return True
    if verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children):
        return True  # "who" stands for people
    lemma = subject.lemma_.lower()
    if subject.pos_ not in {"NOUN", "NUM", "PRON", "ADJ"} or _ABSTRACT.search(lemma):
        return False
    start, end = noun_phrase(subject)
    if source_type_of(text_of(subject.doc)[start:end]) not in {"group", "anonymous"}:
        return False
    # a word of the source lexicon's groups or a number ("percent", "the public", "most")
    return lemma in _PEOPLE or bool(_AGENT_NOUN.search(lemma)) or source_type_of(lemma) == "group"


# "was able to raise", "are likely to win", "is due to speak": the writer's word on someone's
# capacity, chances or schedule, not an attitude of theirs ("is confident that …" is one)
_CHANCES = frozenset({"able", "unable", "likely", "unlikely", "bound", "due", "poised", "set", "about", "supposed"})


def _chances_not_attitude(verb: Token, first: int) -> bool:
    """ "be" with what the writer says of someone's chances or of what was done to them
    ("has been badly outspent by his rival"): nothing the subject said or thought."""
    if verb.lemma_ != "be":
        return False
    doc = verb.doc
    while first < len(doc) - 1 and doc[first].dep_ == "advmod":
        first += 1
    head = doc[first]
    if head.lower_ in _CHANCES:
        return True
    return head.tag_ == "VBN" and any(c.dep_ == "agent" for c in head.children)


def _learned_quotes(ctx: _Context, rules: list[_Found]) -> list[_Found]:
    """Attributions in PolNeAR's wider sense (beliefs, findings, intentions) that the
    model finds where no cue rule fired; never over or around a rule's quote, but for a
    noun's quote in the verb's object ("referring to Trump's remarks about Khan")."""
    doc = ctx.doc
    taken = [(q.start, q.end) for q in rules] + [q.cue for q in rules if q.cue is not None]
    found: list[_Found] = []
    for tok in _model_verbs(ctx, rules):
        scored = best_candidate(tok)
        if scored is None:
            continue
        inner = [q for q in rules if q.cue_kind == "noun" and object_of(doc[q.cue_token], tok)]
        others = [t for t in taken if all(t not in {(q.start, q.end), q.cue} for q in inner)]
        candidate, probability = scored
        # "calling for the agency to act": the content starts after the cue's "for"
        first = candidate.start + 1 if called_for(tok, doc[candidate.start]) else candidate.start
        if _chances_not_attitude(tok, first):
            continue
        last = next_act(tok, first, object_end(tok, candidate.start, candidate.end))
        if first > tok.i:
            last = with_reason(tok, last)
        start, end = ctx.clip(doc[first].idx, _end_char(doc, last), around=tok.idx)
        end = _without_aside(ctx, start, end)
        if end - start < 3 or any((a < end and start < b) or a <= tok.idx < b for a, b in others):
            continue
        impression = tok.lemma_ in _RAISING and not _someone(speaker_token(tok))
        mention = None if impression else speaker_mention(tok, "clause")
        if mention is not None:
            mention = ctx.clip(*mention, around=mention[1] - 1)
        elif not impression:
            continue
        kind = _paraphrase_kind(ctx.text[start:end])
        confidence = round(0.8 * probability, 2)
        cue = (tok.idx, _end_char(doc, first) if first > candidate.start else tok.idx + len(tok.text))
        content = (first, candidate.end)
        found.append(_Found(start, end, kind, cue, mention, confidence, tok.i, content, "learned"))
        taken += [(start, end), cue]
    return found


def _one_span_one_quote(text: str, found: list[_Found]) -> list[_Found]:
    """No two quotes of an article share words: of overlapping ones the surer wins,
    then the longer (a paraphrase around its quoted fragment); a quote whose tail
    holds another's attribution ("Iran warned that …, with its minister describing
    …") ends where that attribution begins."""
    kept: list[_Found] = []
    for q in sorted(found, key=lambda q: (-q.confidence, q.start - q.end, q.start)):
        for k in kept:
            if q.start < k.end and k.start < q.end:
                _cut_before(text, q, k)
        if q.end - q.start >= 2 and all(q.end <= k.start or k.end <= q.start for k in kept):
            kept.append(q)
    return sorted(kept, key=lambda q: (q.start, q.end))


# "Mr. Ross said Mr. Obama had [told leaders that …]", "it is hard to [believe …]", "the unions'
# [attack on …]": a cut there leaves a fragment, no statement (and the fragment is no quote)
_DANGLING_AUX = re.compile(
    r"\b(?:had|has|have|was|were|is|are|would|will|could|should|can|did|does|do|been|be|must|may|might|shall"
    r"|to|by|of|for|from|in|on|at|than|that|because|since|if|whether|the|a|an|given)$|s['’]$",
    re.I,
)
_TRAILING_JOINS = re.compile(r"(?:[\s,;:—–-]|\b(?:with|and|but|as|while|after|before)\b)+$", re.IGNORECASE)


def _cut_before(text: str, q: _Found, k: _Found) -> None:
    """End `q` before the attribution of `k` when it sits inside q's tail."""
    # (a mention at q's very start is the parser taking q's subject for k's speaker:
    # "said it was too early …, but added, “…”" still ends before "but added")
    marks = [a[0] for a in (k.mention, k.cue) if a is not None and q.start < a[0] < q.end]
    at = min(marks, default=-1)
    if at < 0 or at < k.start - 200:
        return
    head = _TRAILING_JOINS.sub("", text[q.start : min(at, k.start)])
    if len(head.split()) >= 3 and not _DANGLING_AUX.search(head):
        q.end = q.start + len(head)


def _nested_apart(text: str, outer: _Found, inner: _Found) -> bool:
    """ "The Times reports Cheney is weighing a run, saying she has …": the
    participle's attribution is a second one (PolNeAR's nesting); the outer quote
    ends where it begins, if enough of it is left."""
    cue = inner.cue
    if cue is None or not re.match(r"\w+ing\b", text[cue[0] : cue[1]]) or inner.mention is None:
        return False
    if not re.search(r",\s*$", text[max(outer.start, cue[0] - 3) : cue[0]]):
        return False
    head = _TRAILING_JOINS.sub("", text[outer.start : cue[0]])
    if len(head.split()) < 3:
        return False
    outer.end = outer.start + len(head)
    return True


def _drop_nested(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """An indirect quote whose cue sits inside another quote's reported content
    ("Lavrov said that the US blamed …") is part of that quote, not a new one;
    but "X said Y, according to a statement" is X's quote, not the statement's
    (not a stance inside it: "mailings to voters who oppose X, according to filings"
    is what the filings say)."""
    text = ctx.text
    dropped: set[int] = set()
    for i, q in enumerate(found):
        if q.kind != "indirect" or q.cue is None:
            continue
        stance = q.cue_token >= 0 and is_stance(ctx.doc[q.cue_token])
        for j, outer in enumerate(found):
            if i == j or j in dropped or not outer.start <= q.cue[0] < outer.end:
                continue
            if outer.cue_kind == "according" and outer.kind == "indirect" and not stance:
                dropped.add(j)
            elif _nested_apart(text, outer, q):
                continue
            else:
                dropped.add(i)
                break
    return [q for i, q in enumerate(found) if i not in dropped]
