"""The same quote as two outlets render it: word-level diffs, and finding which
quotes of different articles are the same quote. Entry points: `word_diff`,
`matching_quotes`."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from articles.compare import lexical
from articles.compare.types import DiffPiece, QuoteGroup
from articles.nlp.quote_marks import pair_marks, unpaired_closers

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
# "not" and "never" flip a statement; "no" and "without" usually qualify it ("without
# any exemptions"), so a rendering may keep or drop them.
_NOT = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.IGNORECASE)
_FOLD = lexical.PLAIN_GLYPHS
MIN_TOKENS = 3       # content words
MIN_OVERLAP = 0.6
MIN_RUN = 3          # words in a row, stop words included


def quoted_words(text: str) -> str:
    """A direct quote's own words: a span may run over its attribution ("… barrier,” Mr.
    Trump said. “If we …"), and the words outside the marks are the outlet's, not the
    speaker's. The marks pair as the quote finder pairs them (`quote_marks.pair_marks`:
    curly, straight, the New York Times archive's ''…''). The span starts inside the
    quotation unless it opens with a mark; it leaves it at a closing mark that closes
    nothing opened in the span, and comes back at each quotation after. Quoted stretches
    are joined with " … "; a span that never leaves its quotation comes back whole
    (stripped of a mark opening it), quotations inside it included ('He said “no” to us')."""
    segments = pair_marks(text)
    closers = unpaired_closers(text, segments)
    opens_with_mark = bool(segments) and not text[: segments[0].outer_start].strip()
    if closers:
        first = segments[0].inner[0] if opens_with_mark and segments[0].open < closers[0] else 0
        parts = [text[first : closers[0]]] + [text[slice(*s.inner)] for s in segments if s.open > closers[0]]
    elif opens_with_mark:
        parts = [text[slice(*s.inner)] for s in segments]
    else:
        parts = [text]
    # "… a wall,” he said": the comma before the attribution is the attribution's
    kept = [part.strip().removesuffix(",") for part in parts if any(c.isalnum() for c in part)]
    return " … ".join(kept) if kept else text.strip()


def word_diff(a: str, b: str) -> list[DiffPiece]:
    """Pieces that turn `a` into `b`, word by word. Typographic quotes and dashes
    compare equal to plain ones, and so do words that differ only by a comma or full
    stop after them ("government" where the quote ends, "government." where the sentence
    does); equal text is shown as `a` writes it. Adjacent pieces of the same op are
    joined with a space."""
    words_a, words_b = a.split(), b.split()
    matcher = difflib.SequenceMatcher(
        a=[_diff_key(w) for w in words_a],
        b=[_diff_key(w) for w in words_b],
        autojunk=False,
    )
    pieces: list[DiffPiece] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            _add(pieces, "equal", words_a[i1:i2])
        else:
            _add(pieces, "delete", words_a[i1:i2])
            _add(pieces, "insert", words_b[j1:j2])
    return pieces


def _diff_key(word: str) -> str:
    return word.translate(_FOLD).rstrip(".,;:") or word


def _add(pieces: list[DiffPiece], op: str, words: list[str]) -> None:
    if not words:
        return
    text = " ".join(words)
    if pieces and pieces[-1].op == op:
        pieces[-1] = DiffPiece(op, pieces[-1].text + " " + text)
    else:
        pieces.append(DiffPiece(op, text))


def tokens(text: str) -> list[str]:
    """Lower-cased words of a quote, punctuation dropped."""
    return [t for t in _TOKEN.findall(text.translate(_FOLD).lower()) if t[0].isalnum()]


def matching_quotes(
    quotes: Sequence[tuple[int, str, str | None]],
    *,
    min_overlap: float = MIN_OVERLAP,
    min_tokens: int = MIN_TOKENS,
) -> list[QuoteGroup]:
    """Groups of quotes (article, text, speaker) that are renderings of one statement by
    one speaker in different articles. Two quotes match when their speakers are the
    same person (case aside), at least `min_overlap` of the shorter quote's content
    words (stop words aside) are in the longer one, so a quote one outlet cut short
    still matches, they share a verbatim run of MIN_RUN words, and both or neither
    say "not". A quote with no named speaker (None or "": an unnamed source, or one the
    analysis could not tell) matches nothing: shared words alone do not make two
    statements one, and "the report" or "officials" may be anyone. A group holds one
    quote per article, and every quote in it matches the group's first (longest) quote.
    Only groups of two or more are returned, ordered by their first member."""
    words = [tokens(text) for _, text, _ in quotes]
    stop = lexical.stopwords()
    bags = [Counter(w for w in ws if w not in stop) for ws in words]
    sizes = [sum(bag.values()) for bag in bags]
    speakers = [" ".join(speaker.split()).casefold() if speaker else "" for _, _, speaker in quotes]

    def matches(p: int, r: int) -> bool:
        if quotes[p][0] == quotes[r][0] or not speakers[p] or speakers[p] != speakers[r]:
            return False
        common = sum((bags[p] & bags[r]).values())
        if common < min_overlap * min(sizes[p], sizes[r]):
            return False
        run, negation_differs = _compare(words[p], words[r])
        return run >= MIN_RUN and not negation_differs

    partners: dict[int, set[int]] = defaultdict(set)
    for p, r in _sharing_a_word(bags, sizes, min_tokens):
        if matches(p, r):
            partners[p].add(r)
            partners[r].add(p)
    return _groups(quotes, partners, [len(w) for w in words])


def _sharing_a_word(bags: list[Counter[str]], sizes: list[int], min_tokens: int) -> set[tuple[int, int]]:
    """Pairs of quotes of at least `min_tokens` content words that share one: an
    inverted index keeps this near-linear for prose."""
    index: dict[str, list[int]] = defaultdict(list)
    for q, bag in enumerate(bags):
        if sizes[q] >= min_tokens:
            for word in bag:
                index[word].append(q)
    shared: set[tuple[int, int]] = set()
    for posting in index.values():
        if len(posting) > 200:  # a word in that many quotes says nothing about a match
            continue
        for x, p in enumerate(posting):
            shared.update((p, r) for r in posting[x + 1:])
    return shared


def _compare(a: list[str], b: list[str]) -> tuple[int, bool]:
    """The longest verbatim run of two renderings, and whether one says "not" where the
    other does not, over the stretch of each that the other covers and the word before it:
    a short quote inside a longer one ("I understand how it offends people" in "...
    offends people. It wasn't funny.") is not a different statement for a "not" outside
    the shared words, but a paraphrase's words shared from the verb on ("he was going to
    reopen" for "We are not going to reopen") are."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return 0, False
    run = max(m.size for m in blocks)
    in_a = _negated(a[max(blocks[0].a - 1, 0) : blocks[-1].a + blocks[-1].size])
    in_b = _negated(b[max(blocks[0].b - 1, 0) : blocks[-1].b + blocks[-1].size])
    return run, in_a != in_b


def _negated(words: list[str]) -> bool:
    return _NOT.search(" ".join(words)) is not None


def _groups(
    quotes: Sequence[tuple[int, str, str | None]], partners: dict[int, set[int]], sizes: list[int]
) -> list[QuoteGroup]:
    """Longest quotes (`sizes` in words) seed groups: the fullest rendering is what
    others are diffed against."""
    taken: set[int] = set()
    groups = []
    for seed in sorted(partners, key=lambda q: (-sizes[q], q)):
        if seed in taken:
            continue
        members = [seed]
        articles = {quotes[seed][0]}
        for other in sorted(partners[seed] - taken, key=lambda q: (-sizes[q], q)):
            if quotes[other][0] not in articles:  # a partner has the seed's speaker (`matches`)
                members.append(other)
                articles.add(quotes[other][0])
        if len(members) > 1:
            taken.update(members)
            groups.append(QuoteGroup(
                members=tuple(members),
                articles=tuple(quotes[m][0] for m in members),
                speaker=quotes[seed][2],
            ))
    groups.sort(key=lambda g: min(g.members))
    return groups
