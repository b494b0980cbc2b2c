"""The same quote as two outlets render it: word-level diffs, and finding which
quotes of different articles are the same quote. Entry points: `word_diff`,
`matching_quotes`."""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from articles.compare.types import DiffPiece, QuoteGroup

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
MIN_TOKENS = 4
MIN_OVERLAP = 0.6


def word_diff(a: str, b: str) -> list[DiffPiece]:
    """Pieces that turn `a` into `b`, word by word. Typographic quotes and dashes
    compare equal to plain ones; equal text is shown as `a` writes it. Adjacent
    pieces of the same op are joined with a space."""
    words_a, words_b = a.split(), b.split()
    matcher = difflib.SequenceMatcher(
        a=[w.translate(_FOLD) for w in words_a],
        b=[w.translate(_FOLD) for w in words_b],
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
    """Groups of quotes (article, text, speaker) that are the same quote in different
    articles: the same speaker (or an unknown one on either side) and at least
    `min_overlap` of the shorter quote's words found in the longer one, so a quote
    one outlet cut short still matches. A group holds one quote per article, and
    every quote in it matches the group's first (longest) quote. Only groups of two
    or more are returned, ordered by their first member."""
    bags = [Counter(tokens(text)) for _, text, _ in quotes]
    sizes = [sum(bag.values()) for bag in bags]
    # Candidates share a word: an inverted index keeps this near-linear for prose.
    index: dict[str, list[int]] = defaultdict(list)
    for q, bag in enumerate(bags):
        if sizes[q] >= min_tokens:
            for word in bag:
                index[word].append(q)
    shared: Counter[tuple[int, int]] = Counter()
    for posting in index.values():
        if len(posting) > 200:  # a word in that many quotes says nothing about a match
            continue
        for x, p in enumerate(posting):
            for r in posting[x + 1:]:
                shared[(p, r)] += 1

    def matches(p: int, r: int) -> bool:
        (ap, _, sp), (ar, _, sr) = quotes[p], quotes[r]
        if ap == ar or (sp is not None and sr is not None and sp != sr):
            return False
        common = sum((bags[p] & bags[r]).values())
        return common >= min_overlap * min(sizes[p], sizes[r])

    partners: dict[int, set[int]] = defaultdict(set)
    for p, r in shared:
        if matches(p, r):
            partners[p].add(r)
            partners[r].add(p)

    # Longest quotes seed groups: the fullest rendering is what others are diffed against.
    taken: set[int] = set()
    groups = []
    for seed in sorted(partners, key=lambda q: (-sizes[q], q)):
        if seed in taken:
            continue
        members = [seed]
        articles = {quotes[seed][0]}
        speaker = quotes[seed][2]
        for other in sorted(partners[seed] - taken, key=lambda q: (-sizes[q], q)):
            if quotes[other][0] in articles:
                continue
            if speaker is not None and quotes[other][2] not in (None, speaker):
                continue
            members.append(other)
            articles.add(quotes[other][0])
            speaker = speaker or quotes[other][2]
        if len(members) > 1:
            taken.update(members)
            groups.append(QuoteGroup(
                members=tuple(members),
                articles=tuple(quotes[m][0] for m in members),
                speaker=speaker,
            ))
    groups.sort(key=lambda g: min(g.members))
    return groups
