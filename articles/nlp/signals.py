"""Framing signals: reporting verbs and their stance, hedges, scare quotes, loaded words
and labels (the last in `labels.py`).

Entry point: `find_signals(doc, quotes, actors)`. Every signal carries character offsets
into `doc.text`. A word inside someone's quote is reporting, not the outlet's framing, so
signals inside a quote span get `in_quote=True` rather than being dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from articles.nlp.doc_text import text_of
from articles.nlp.headings import CAPITAL_LABEL, RUBRICS, people_named
from articles.nlp.labels import ActorIndex, find_labels, mark_evaluative
from articles.nlp.lexicons import load_lexicon, match_lexicon
from articles.nlp.loaded import PORTRAYING, loaded_signals
from articles.nlp.quote_marks import Segment, pair_marks
from articles.nlp.types import ActorRef, QuoteResult, SignalResult

_WORD = re.compile(r"\w+(?:[’'.-]\w+)*")
_CLOSING_MARK = re.compile(r"[”»]")

# A quoted passage this long is someone's words even if the quote finder missed it.
_MIN_QUOTE_WORDS = 5
# Quoted fragments up to this long are read for attribution (a fragment beside an
# attributed one is the same speaker's); only one word is reported as a scare quote ("the
# “experts”", "somehow managed to “lose” him"): a longer quoted phrase in news is nearly
# always someone's words, a term or a title (of 38 on 200 unlabelled PolNeAR articles, one
# or two were distancing).
_MAX_SCARE_WORDS = 4
_SCARE_QUOTE_WORDS = 1

# Participles that hedge only when used attributively ("the alleged attack"); as main
# verbs ("Washington alleged that…") they are reporting verbs.
_ATTRIBUTIVE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# Verb stances that read as plain description unless a complement shows speech.
_NEEDS_SPEECH_CONTEXT = frozenset({"neutral", "tentative", "denying"})
_CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "dative", "oprd"})
_SPEECH_OBJECTS = frozenset(
    {"claim", "allegation", "accusation", "report", "charge", "suggestion", "idea",
     "notion", "question", "statement", "view", "position", "sentiment", "need"}
)
# Adverb stances that override any verb; the others only colour a neutral verb.
_OVERRIDING_ADVERBS = frozenset({"endorsing", "doubting", "disparaging"})


@dataclass(frozen=True)
class QuotedSpan:
    """A passage between quotation marks: [start, end) includes the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    words: int


def quoted_spans(text: str) -> list[QuotedSpan]:
    """Closed quotations, their marks paired left to right by `quote_marks.pair_marks`, so
    the closing mark of one quote never opens a false one with the next ('" Sanders said. "')."""
    spans = []
    for seg in pair_marks(text):
        if seg.closed:
            inner_start, inner_end = seg.inner
            words = len(_WORD.findall(text, inner_start, inner_end))
            spans.append(QuotedSpan(seg.open, seg.close + 1, inner_start, inner_end, words))
    return spans


class QuoteZones:
    """Character ranges holding someone else's words: the quotes found by `quotes.py`
    plus long quoted passages it may have missed."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [r[0] for r in merged]
        self._ends = [r[1] for r in merged]

    def covers(self, start: int, end: int) -> bool:
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and end <= self._ends[i]


def quote_zones(doc: Doc, quotes: Sequence[QuoteResult]) -> QuoteZones:
    """Direct and indirect quotes and everything between quotation marks, however short: a word there is
    a speaker's, or one the outlet holds at a distance (a scare quote, reported as such),
    never the outlet's own choice. A quote left open runs to its paragraph's end."""
    body = text_of(doc)
    ranges = [
        part for q in quotes if q.end > q.start and _speakers_wording(doc, q)
        for whole in _without_narration(doc, body, _speakers_range(body, q))
        for aside in (_outlets_aside(doc, whole) if q.kind != "direct" else [whole])
        for part in (_content_only(doc, aside, q) if q.kind != "direct" else [aside])
    ]
    segments = pair_marks(body)
    ranges += [seg.inner for seg in segments]
    ranges += _nested_quote_ranges(body, segments)
    ranges += _others_words(doc)
    return QuoteZones(ranges)


def _others_words(doc: Doc) -> list[tuple[int, int]]:
    """Embedded posts and speech nouns' clauses: found once per document (the quote zones
    are asked for twice, the scare quotes once more), kept in its user_data."""
    if "newsframe_others_words" not in doc.user_data:
        doc.user_data["newsframe_others_words"] = (
            embedded_posts(text_of(doc)) + _speech_noun_clauses(doc) + transcript_turns(doc))
    ranges: list[tuple[int, int]] = doc.user_data["newsframe_others_words"]
    return ranges


# An embedded post: markup (<tweet …>…</tweet>) or the line a pasted tweet leaves
# ("… pic.twitter.com/x — Morning Joe (@Morning_Joe) December 4, 2017").
_POST_MARKUP = re.compile(r"<(tweet|blockquote)\b[^>]*>(.*?)</\1>", re.DOTALL | re.IGNORECASE)
_POST_LINE = re.compile(r"^[^\n]*[—–-]\s*[^\n]{0,60}\(@\w+\)\s+\w+\.? \d{1,2}, \d{4}[ \t]*$", re.MULTILINE)


# A transcript's turn: a paragraph opening with its speaker's name in capitals and a colon
# ("TAPPER: …", "JAKE TAPPER: …"); headings.RUBRICS are no speakers ("EDITOR'S NOTE: …").


def transcript_turns(doc: Doc) -> list[tuple[int, int]]:
    """A transcript's turns are their speakers' words, verbatim: the quote finder gives a
    labelled paragraph as a paraphrase, which counts as the outlet's unless a verb of
    speech reports it. The name must be a person the article names ("Tapper" of "Jake
    Tapper") or a full name in capitals, so that "BREAKING: …", "FIX IS IN: …" and
    "EDITOR'S NOTE: …" stay the outlet's."""
    people = people_named(doc)
    turns = list(CAPITAL_LABEL.finditer(text_of(doc)))
    for m in turns:  # a full name in capitals names its speaker: "JAKE TAPPER: …", then "TAPPER: …"
        words = m.group(1).lower().split()
        if len(words) >= 2 and not any(w in RUBRICS or doc.vocab[w].is_stop for w in words):
            people |= {" ".join(words), words[-1]}
    return [(m.start(2), m.end(2)) for m in turns if m.group(1).lower() in people]


def embedded_posts(body: str) -> list[tuple[int, int]]:
    """Posts quoted whole (tweets): their words are their author's, never the outlet's."""
    ranges = [(m.start(2), m.end(2)) for m in _POST_MARKUP.finditer(body)]
    return ranges + [(m.start(), m.end()) for m in _POST_LINE.finditer(body)]


_CONTENT_CLAUSE_DEPS = frozenset({"acl", "ccomp"})


def _speech_noun_clauses(doc: Doc) -> list[tuple[int, int]]:
    """The content of a speech noun's "that" clause is the speaker's paraphrase ("charges
    that he made misleading comments", "claims from Tea Partiers that the measure is a
    ploy"), as an indirect quote's is; not a relative clause ("the claim that he made")."""
    nouns = {t for t, c in load_lexicon("attribution_words").entries.items() if c == "speech_noun"}
    ranges = []
    for token in doc:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in nouns:
            continue
        for clause in token.children:
            if clause.dep_ not in _CONTENT_CLAUSE_DEPS or clause.i < token.i:
                continue
            first = doc[clause.left_edge.i]
            if first.lower_ == "that" and any(c.dep_ == "nsubj" and c.lower_ != "that" for c in clause.children):
                ranges.append((first.idx, doc[clause.right_edge.i].idx + len(doc[clause.right_edge.i])))
    return ranges


_ASIDE_MARKS = frozenset({"while", "as"})


def _outlets_aside(doc: Doc, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A paraphrase less a participle clause set off by a comma and "while" or "as": what
    the speaker did as they spoke, told by the outlet ("urged lawmakers to act, while
    mocking them for their recess"), not what they said."""
    start, end = span
    words = doc.char_span(start, end, alignment_mode="contract")
    if words is None:
        return [span]
    for token in words:
        if token.tag_ != "VBG" or token.dep_ != "advcl":
            continue
        mark = doc[token.left_edge.i]
        if mark.lower_ in _ASIDE_MARKS and mark.i > 0 and doc[mark.i - 1].text == ",":
            last = doc[token.right_edge.i]
            cut_start, cut_end = doc[mark.i - 1].idx, last.idx + len(last)
            # quoted words inside it stay quoted: every marked passage is a zone of its own
            if start <= cut_start and cut_end <= end:
                return [(start, cut_start), (cut_end, end)]
    return [span]


# Dependencies by which a word belongs to what the speaker said, not to the thing the
# verb of speech is about: a content clause, an infinitive, an "accused X of -ing", what
# someone is called ("called her actions careless").
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "pcomp", "oprd", "acomp", "csubj"})
# Verbs whose object is itself the speaker's characterisation.
_NAMING_VERBS = PORTRAYING | {"call", "term", "deem", "name", "liken", "compare"}


def _content_only(doc: Doc, span: tuple[int, int], quote: QuoteResult) -> list[tuple[int, int]]:
    """A paraphrase less the outlet's naming of what the verb of speech is about: the
    words of its noun object or prepositional phrase ("criticized various aspects of the
    strategy Obama trumpeted", "asked about the looming sequester") are the outlet's; what
    the speaker said ("warned that radical Islam…", "accused him of capitulating") stays
    the speaker's."""
    if quote.cue_start is None or quote.cue_end is None:
        return [span]
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    words = doc.char_span(span[0], span[1], alignment_mode="contract")
    if cue is None or words is None:
        return [span]
    root = cue.root
    # "described a rigged system", "called her son her hero": the speaker's words, but for
    # when and where the naming was done ("called him “the grownup” amid the food fight")
    naming = root.lemma_.lower() in _NAMING_VERBS
    parts: list[tuple[int, int]] = []
    for token in words:
        if _circumstance(token, root) if naming else _outlets_naming(token, root):
            continue
        if parts and parts[-1][1] >= token.idx - 1:
            parts[-1] = (parts[-1][0], token.idx + len(token))
        else:
            parts.append((token.idx, token.idx + len(token)))
    if not parts:
        return []
    # the span's own ends, where its marks or punctuation lie beyond the tokens kept
    parts[0] = (span[0], parts[0][1]) if parts[0][0] == words[0].idx else parts[0]
    last = words[-1]
    if parts[-1][1] == last.idx + len(last):
        parts[-1] = (parts[-1][0], span[1])
    return parts


def _outlets_naming(token: Token, cue: Token) -> bool:
    """Whether `token` hangs off the verb of speech by noun phrases alone (its object, a
    prepositional phrase and their modifiers, a relative clause on them), not by a
    clause of what was said."""
    deps = []
    while token.i != cue.i:
        if token.head.i == token.i:
            return False  # not under the cue: the quote finder's own reading stands
        deps.append(token.dep_)
        token = token.head
    return bool(deps) and deps[-1] in ("dobj", "prep") and not _CONTENT_DEPS.intersection(deps)


# Prepositions of the time, place or occasion of an act, not of what it is about.
_CIRCUMSTANCES = frozenset({"amid", "amidst", "during", "after", "before", "since", "following", "despite"})


def _circumstance(token: Token, cue: Token) -> bool:
    """Whether `token` is in a phrase of when or under what the verb of speech was done
    ("amid the food fight", "during the debate"), which the outlet tells."""
    while token.head.i != cue.i:
        if token.head.i == token.i:
            return False
        token = token.head
    return token.dep_ == "prep" and token.lower_ in _CIRCUMSTANCES


def _speakers_range(body: str, quote: QuoteResult) -> tuple[int, int]:
    """A quote's span; a mixed quote's from its cue on: a paraphrase with quoted words in
    it is the speaker's ("said Republicans are engaged in misguided “mischief”"), but a
    span that starts before its cue holds the outlet's words there ("Blumenthal … clearly
    says, “We have learned…”")."""
    if quote.kind != "mixed" or quote.cue_end is None:
        return quote.start, quote.end
    return max(quote.start, quote.cue_end), quote.end


_ANY_MARK = re.compile(r"[\"“”«»]")


def _is_closing(body: str, at: int) -> bool:
    mark = body[at]
    if mark in "”»":
        return True
    return mark == '"' and at > 0 and not body[at - 1].isspace()


def _without_narration(doc: Doc, body: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """A quote's range less the narration between its quoted passages: after a closing
    mark, the verb of speech that tags the quote, its speaker and what the outlet adds of
    the speaker or the act ("…cowardice," said the group, one of many bashing Schumer.
    “Most…”; "“…?” Obama continued, calling out Boehner") are the outlet's telling,
    whatever the quote finder joined; the rest of the stretch stays the speaker's ("she
    said, only with violent extremists")."""
    start, end = span
    marks = [m.start() for m in _ANY_MARK.finditer(body, start, end)]
    closing = [at for at in marks if _is_closing(body, at)]
    if not closing:
        return [span]
    verbs = load_lexicon("reporting_verbs").entries
    told: set[int] = set()
    for at in closing:
        gap_end = next((m for m in marks if m > at and not _is_closing(body, m)), end)
        gap = doc.char_span(at + 1, gap_end, alignment_mode="contract")
        for verb in gap if gap is not None else ():
            if _attribution_tag(verb, gap, verbs):
                told.add(verb.i)
                for child in verb.children:
                    if gap.start <= child.i < gap.end and _tells(doc, verb, child):
                        told.update(t.i for t in child.subtree if gap.start <= t.i < gap.end)
    if not told:
        return [span]
    parts, kept = [], start
    for i in sorted(told):
        parts.append((kept, doc[i].idx))
        kept = doc[i].idx + len(doc[i])
    parts.append((kept, end))
    return [(a, b) for a, b in parts if b > a]


def _tells(doc: Doc, verb: Token, child: Token) -> bool:
    """The tag's speaker, its adverbial clause, and where or when the words were said
    ("tweeted during the first half", "said last week"), but not a fragment after a comma
    ("she said, only with reckless extremists"), which goes on with the speaker's words."""
    if child.dep_ in ("nsubj", "advcl"):
        return True
    edge = child.left_edge.i
    return child.dep_ in ("prep", "npadvmod") and child.i > verb.i and edge > 0 and doc[edge - 1].text != ","


# Verbs that tag a quote only in its tag ("“…?” Obama continued"), no verb of speech elsewhere.
_TAG_ONLY = frozenset({"continue"})


def _attribution_tag(token: Token, gap: Span, verbs: Mapping[str, str]) -> bool:
    """A verb of speech with its speaker that tags the quoted words ("said the group",
    "Obama continued"), not one reporting content of its own in the gap ("asking them to
    repudiate bigots", "to downplay criticism")."""
    if token.pos_ != "VERB" or (token.lemma_.lower() not in verbs and token.lemma_.lower() not in _TAG_ONLY):
        return False
    inside = [c.dep_ for c in token.children if gap.start <= c.i < gap.end]
    return "nsubj" in inside and not {"ccomp", "xcomp", "dobj"}.intersection(inside)


# Verbs by which evidence, not a speaker, puts something forward ("the reports reveal that
# he has continued…"): what follows is the outlet's account.
_EVIDENCE_VERBS = frozenset({"show", "prove", "demonstrate", "illustrate", "reveal", "disclose", "highlight"})


def _speakers_wording(doc: Doc, quote: QuoteResult) -> bool:
    """Whether a quote's words are its speaker's: a direct quote's are; a paraphrase's only
    when a verb of speech reports it ("warned that…"). What someone wants, what a report
    revealed or a fact underscored is worded by the outlet ("revealed that vast spying
    programs began…"), as is the text around a mixed quote's marks."""
    if quote.kind not in ("indirect", "mixed"):
        return quote.kind == "direct"
    if quote.cue_start is None or quote.cue_end is None:
        return False
    if (quote.speaker_mention or "").lower() == "it" and quote.text.startswith("to "):
        return False  # "It promises to be another bruising campaign": a forecast, not speech
    concession = text_of(doc)[quote.cue_end : quote.cue_end + 1] == ","
    if (quote.speaker_mention or "").lower() in ("that", "this") and concession:
        return False  # "That said, a loss would provide a sour end": a concession, no speaker
    cue = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
    if cue is None:
        return False
    verbs = load_lexicon("reporting_verbs")
    lemma = cue.root.lemma_.lower()
    stance = verbs.category(" ".join(t.lemma_.lower() for t in cue)) or verbs.category(lemma)
    return bool(stance) and lemma not in _EVIDENCE_VERBS


def _nested_quote_ranges(text: str, segments: Sequence[Segment]) -> list[tuple[int, int]]:
    """A quote holding a quote in the same marks (“… “Constitutional Authority
    Statements” controversial.”) pairs its opening mark with the inner closing one; the
    closing mark left over ends the outer quote, begun by the last mark opened before it
    in the same paragraph."""
    used = {seg.close for seg in segments}
    opens = [seg.open for seg in segments]
    ranges = []
    for m in _CLOSING_MARK.finditer(text):
        i = bisect_right(opens, m.start()) - 1
        if m.start() in used or i < 0 or "\n" in text[opens[i] : m.start()]:
            continue
        ranges.append((opens[i] + 1, m.start()))
    return ranges


def find_signals(
    doc: Doc, quotes: Sequence[QuoteResult], actors: Sequence[ActorRef]
) -> list[SignalResult]:
    zones = quote_zones(doc, quotes)
    index = ActorIndex(actors)
    loaded = loaded_signals(doc, zones)
    signals = [
        *reporting_verb_signals(doc, quotes, index, zones),
        *hedge_signals(doc, zones),
        *scare_quote_signals(doc, quotes),
        *loaded,
        *mark_evaluative(find_labels(doc, index, zones), loaded),
    ]
    signals.sort(key=lambda s: (s.start, s.end, s.kind))
    return signals


# --- reporting verbs ---------------------------------------------------------------


def reporting_verb_signals(
    doc: Doc, quotes: Sequence[QuoteResult], index: ActorIndex, zones: QuoteZones
) -> list[SignalResult]:
    adverbs = load_lexicon("stance_adverbs")
    cue_speakers = [(q.cue_start, q.cue_end, q.speaker) for q in quotes if q.cue_start is not None]
    out = []
    body = text_of(doc)
    for m in match_lexicon(doc, "reporting_verbs"):
        verb = doc[m.start]
        multiword = m.end - m.start > 1
        if verb.pos_ != "VERB" or verb.dep_ in _ATTRIBUTIVE_DEPS or verb.tag_ == "JJ":
            continue
        span_start, span_end = verb.idx, doc[m.end - 1].idx + len(doc[m.end - 1])
        cue_of = [
            speaker
            for cs, ce, speaker in cue_speakers
            if ce is not None and cs < span_end and span_start < ce
        ]
        if (
            m.category in _NEEDS_SPEECH_CONTEXT
            and not multiword
            and not cue_of
            and not _has_speech_context(verb)
        ):
            continue
        stance = m.category
        for adv in _stance_adverbs(doc, m.start, m.end):
            adv_stance = adverbs.category(adv.lower_)
            if adv_stance in _OVERRIDING_ADVERBS or stance == "neutral":
                stance = adv_stance
            span_start = min(span_start, adv.idx)
            span_end = max(span_end, adv.idx + len(adv))
        speaker = next((s for s in cue_of if s), None) or _subject_actor(verb, index)
        out.append(
            SignalResult(
                kind="reporting_verb",
                text=body[span_start:span_end],
                start=span_start,
                end=span_end,
                category=stance,
                actor=speaker,
                in_quote=zones.covers(span_start, span_end),
            )
        )
    return out


def _has_speech_context(verb: Token) -> bool:
    if verb.dep_ in ("parataxis", "ccomp") and verb.i > verb.head.i:
        return True  # '"…," he said' / '…, she added.'
    for child in verb.children:
        if child.dep_ in _CLAUSAL_DEPS:
            return True
        if child.dep_ == "prep" and child.lower_ in ("as", "about", "on"):
            return True
        if child.dep_ == "dobj" and (child.pos_ == "PRON" or child.lemma_ in _SPEECH_OBJECTS):
            return True
        if child.dep_ == "punct" and child.is_quote:
            return True
    return False


def _stance_adverbs(doc: Doc, start: int, end: int) -> list[Token]:
    entries = load_lexicon("stance_adverbs").entries
    found = [
        child
        for token in doc[start:end]
        for child in token.children
        if child.dep_ == "advmod" and child.lower_ in entries
    ]
    if not found and start > 0 and doc[start - 1].lower_ in entries:
        found = [doc[start - 1]]
    return found


def _subject_actor(verb: Token, index: ActorIndex) -> str | None:
    """The actor named as subject of a reporting verb, climbing out of "went on to say"."""
    token: Token | None = verb
    for _ in range(3):
        if token is None:
            break
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return index.lookup(_name_text(child))
        token = token.head if token.dep_ in ("xcomp", "advcl", "conj") else None
    return None


def _name_text(token: Token) -> str:
    """The subject's name as written: its compound/flat subtree, without appositions."""
    left = token
    while left.i > 0 and left.nbor(-1).dep_ in ("compound", "flat") and left.nbor(-1).head == token:
        left = left.nbor(-1)
    return token.doc[left.i : token.i + 1].text


# --- hedges ------------------------------------------------------------------------


def hedge_signals(doc: Doc, zones: QuoteZones) -> list[SignalResult]:
    out = []
    body = text_of(doc)
    for m in match_lexicon(doc, "hedges"):
        first = doc[m.start]
        end = m.end
        if m.category == "epistemic-modal" and first.tag_ != "MD":
            continue
        if m.category == "approximator" and not (m.end < len(doc) and doc[m.end].like_num):
            continue
        if _is_participle_hedge(m.term, m.category, m.end - m.start):
            if first.dep_ not in _ATTRIBUTIVE_DEPS and not (
                first.tag_ == "JJ" and first.dep_ not in ("acomp", "ROOT", "conj")
            ):
                continue
            # Show what is hedged: "alleged sarin gas attack", "reported use".
            head = first.head
            if first.i < head.i <= first.i + 4 and head.pos_ in ("NOUN", "PROPN"):
                end = head.i + 1
        start_char = first.idx
        end_char = doc[end - 1].idx + len(doc[end - 1])
        out.append(
            SignalResult(
                kind="hedge",
                text=body[start_char:end_char],
                start=start_char,
                end=end_char,
                category=m.category,
                in_quote=zones.covers(start_char, end_char),
            )
        )
    return out


def _is_participle_hedge(term: str, category: str, length: int) -> bool:
    return category == "attribution-distancing" and length == 1 and term.endswith("ed")


# --- scare quotes ------------------------------------------------------------------

# Dependencies that start a new clause: a speech verb above one does not say its words
# ("rejected a resolution … that was ‘impartial’ in name only").
_CLAUSE_BOUNDARIES = frozenset({"relcl", "advcl"})
_FIRST_NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+\.? $")
_SURNAME_AFTER = re.compile(r" [A-Z][a-z]")
_MAX_PATH = 6


def scare_quote_signals(doc: Doc, quotes: Sequence[QuoteResult]) -> list[SignalResult]:
    """Short quoted fragments the outlet puts in quotation marks to distance itself from a
    term no one in the sentence is said to use: not partial quotes, titles, names of
    policies, whole utterances, or words someone is quoted saying elsewhere."""
    body = text_of(doc)
    spans = quoted_spans(body)
    speakers = QuoteZones(
        [(q.start, q.end) for q in quotes]
        + [(s.inner_start, s.inner_end) for s in spans if s.words >= _MIN_QUOTE_WORDS]
        + _others_words(doc)  # 'a report by Politico that he "fabricated" the story'
    )
    said = " ".join(body[s.inner_start : s.inner_end] for s in spans if s.words >= _MIN_QUOTE_WORDS)
    said = (said + " " + " ".join(q.text for q in quotes)).lower()
    cues = _AttributionCues(doc)
    kept: list[tuple[QuotedSpan, Span]] = []
    attributed: set[int] = set()  # sentence starts
    for span in spans:
        tokens = _fragment(doc, body, span, quotes)
        if tokens is None:
            continue
        inner = body[span.inner_start : span.inner_end]
        if cues.attributes(tokens, body[: span.start]) or _said_elsewhere(inner, said):
            attributed.add(tokens.sent.start)
        elif span.words <= _SCARE_QUOTE_WORDS and not cues.names_something(doc, tokens):
            kept.append((span, tokens))
    return [
        SignalResult(
            kind="scare_quote", text=body[span.start : span.end], start=span.start, end=span.end,
            category="scare", in_quote=speakers.covers(span.start, span.end),
        )
        for span, tokens in kept
        # A fragment beside an attributed one is the same speaker's words.
        if tokens.sent.start not in attributed
    ]


def _fragment(doc: Doc, body: str, span: QuotedSpan, quotes: Sequence[QuoteResult]) -> Span | None:
    """The tokens of a quoted fragment that may be a scare quote, else None."""
    inner = body[span.inner_start : span.inner_end]
    if not 1 <= span.words <= _MAX_SCARE_WORDS or inner != inner.strip():
        return None  # too long, or a mark paired with the wrong one ('" Sanders said. "')
    if any(q.start < span.end and span.start < q.end for q in quotes) or _looks_like_title(inner):
        return None
    if inner.rstrip("”’\"'")[-1:] in ("?", "!") or (inner[:1].isupper() and inner[-1:] == "."):
        return None  # a whole utterance ("Nah.", "That would be you?"), not a term
    if _is_nickname(body, span, inner):
        return None
    if _not_a_term(body, span, inner):
        return None  # a nickname between first name and surname: William "Mo" Cowan
    return doc.char_span(span.inner_start, span.inner_end, alignment_mode="expand")


_GLOSSED = re.compile(r"#\w+\s*[-–—(,]\s*['‘“\"]?$")
_ANSWERS = frozenset({"yes", "no", "aye", "nay"})
# A quoted figure or amount is the source's number, never a term held at a distance.
_AMOUNT = re.compile(r"\d|[$€£%]|^(?:more|fewer|less) than\b|^at (?:least|most)\b", re.IGNORECASE)


def _not_a_term(body: str, span: QuotedSpan, inner: str) -> bool:
    """Quoted words that are no term held at a distance: an answer or vote (a single “no”
    vote), a figure ("about $200,000", "more than a few"), an attribute of markup
    (<tweet id="…">), or a clause or phrase of three words or more closed inside its
    marks ("…a city of “honesty and straight talk.”"), the American way of quoting
    someone's words, not of distancing from a term."""
    if inner.strip(" .,").lower() in _ANSWERS or _AMOUNT.search(inner):
        return True  # a vote, or a figure: "about $200,000", "more than one conversation"
    if body.rfind("<", 0, span.start) > body.rfind(">", 0, span.start):
        return True
    if _GLOSSED.search(body, max(0, span.start - 40), span.start):
        return True  # a translation: the hashtag #PorteOuverte - ''open door'' -
    return span.words >= 3 and inner[-1:] in (".", ",")


def _is_nickname(body: str, span: QuotedSpan, inner: str) -> bool:
    """A capitalised word or two in quotes between two names: William "Mo" Cowan."""
    return (
        span.words <= 2 and inner[:1].isupper()
        and _FIRST_NAME_BEFORE.search(body, max(0, span.start - 20), span.start) is not None
        and _SURNAME_AFTER.match(body, span.end) is not None
    )


def _said_elsewhere(inner: str, said: str) -> bool:
    """Whether the fragment repeats words someone is quoted saying in the article, in any
    number (an "exception" for the “exceptions” he said there would be)."""
    term = inner.strip(" .,;:").lower()
    if len(term) > 4 and term.endswith("s") and not term.endswith(("ss", "us", "is", "ws")):
        term = term[:-1]  # "exceptions" -> "exception"; not "news", "bus", "this"
    return bool(term) and re.search(r"(?<!\w)" + re.escape(term) + r"(?:s|es)?(?!\w)", said) is not None


# What someone is said to be, with no speaker named: "was said to be “furious”", "is
# reported to have been “livid”" (a source's words, quoted).
_SAID_TO_BE = re.compile(
    r"(?<!\w)(?:is|was|were|are|been|being)\s+(?:\w+ly\s+)?(?:said|reported|rumou?red|quoted)\s+to\s+"
    r"(?:be|have been|feel|have felt)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# Words credited to someone in the sentence: "in the words of one top staffer", "as one
# aide put it".
_IN_THE_WORDS_OF = re.compile(r"\bin the words of\b|\bas (?:\w+ ){1,4}put it\b", re.IGNORECASE)
# What someone called on or for others to do: "calls for the mayor to “stand strong”".
_CALLED_FOR = re.compile(r"(?<!\w)call(?:s|ed|ing)?\s+(?:on|for)\s+[^.!?“”\"\n]{1,60}?\bto\s*$", re.IGNORECASE)


class _AttributionCues:
    """Speech verbs and nouns of one Doc, for deciding whose words a fragment is."""

    def __init__(self, doc: Doc) -> None:
        words = load_lexicon("attribution_words")
        self.verbs = {
            i for m in match_lexicon(doc, "reporting_verbs") for i in range(m.start, m.end)
        }
        self.verbs |= {
            m.start for m in match_lexicon(doc, "attribution_words") if m.category == "speech_verb"
        }
        self.nouns = {t for t, c in words.entries.items() if c == "speech_noun"}
        self.name_heads = {t for t, c in words.entries.items() if c == "name_head"}
        self.naming = {t for t, c in words.entries.items() if c == "naming_verb"}

    def attributes(self, tokens: Span, before: str) -> bool:
        """A speech verb with a speaker, or a speech noun, governs the fragment; or it is
        what someone called something ("ripping the agenda as “rigged”")."""
        if re.search(r"(?<!\w)as(?: an?| the)?\s*$", before, re.IGNORECASE) or _CALLED_FOR.search(before):
            return True
        if _SAID_TO_BE.search(before[-80:]):
            return True
        sent = tokens.sent
        if any(t.lower_ == "according" and t.nbor().lower_ == "to" for t in sent[:-1]):
            return True
        if _IN_THE_WORDS_OF.search(sent.text):
            return True  # "she doesn't like “surprises,” in the words of one top staffer"
        # "asked if the campaign was “in cahoots”", "Asked by Thrush if Clinton “gets” race":
        # the asker's words
        asked = [t.i for t in sent[: max(0, tokens.start - sent.start - 1)] if t.lemma_.lower() == "ask"]
        if any(
            t.lower_ in ("if", "whether") for i in asked for t in tokens.doc[i + 1 : min(i + 5, tokens.start)]
        ):
            return True
        if any(
            t.pos_ == "VERB" and t.lemma_.lower() in self.naming and _has_speaker(t)
            for t in sent[: tokens.start - sent.start]
        ):
            return True
        if any(_as_someone_said(t, self.verbs) for t in sent[: tokens.start - sent.start]):
            return True
        token = tokens.root
        # A fragment modifying a speech noun describes it (a “transcribed” interview); one
        # deeper down is its content (an interview in which he called it “a con”).
        describes = token.dep_ in ("amod", "compound")
        for step in range(_MAX_PATH):
            if token.dep_ in _CLAUSE_BOUNDARIES or token.head is token:
                return False
            token = token.head
            if token.i in self.verbs and _has_speaker(token):
                return True
            if token.pos_ == "NOUN" and token.lemma_.lower() in self.nouns and not (describes and step == 0):
                return True
        return False

    def names_something(self, doc: Doc, tokens: Span) -> bool:
        """A quoted name before the noun it names: the “don’t ask, don’t tell” policy."""
        after = tokens.end + (1 if tokens.end < len(doc) and doc[tokens.end].is_quote else 0)
        return after < len(doc) and doc[after].lemma_.lower() in self.name_heads


def _as_someone_said(token: Token, verbs: set[int]) -> bool:
    """"As Paul Ryan has pointed out, that's the “textbook definition” of racism": a
    sentence led by "as" and a speech verb with its speaker is that speaker's account."""
    return (
        token.i in verbs and token.dep_ == "advcl" and _has_speaker(token)
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def _has_speaker(verb: Token) -> bool:
    """An active speech verb, or a passive one with its agent ("called … by critics");
    not "what is called a “debate”" nor an attributive participle."""
    if verb.dep_ in _ATTRIBUTIVE_DEPS:
        return False
    deps = {child.dep_ for child in verb.children}
    return not ("nsubjpass" in deps and "agent" not in deps)


def _looks_like_title(inner: str) -> bool:
    """“Fire and Fury”, ‘Game of Thrones’: every longer word capitalised; an acronym
    ('SNL')."""
    every = _WORD.findall(inner)
    if len(every) == 1 and len(every[0]) >= 2 and every[0].isupper():
        return True
    words = [w for w in every if len(w) > 3]
    if len(every) >= 3 and all(w[0].isupper() for w in every):
        return True  # "Jeb Can Fix It": short words, all capitalised
    return bool(words) and all(w[0].isupper() for w in words)
