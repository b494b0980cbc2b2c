"""Numbers the event page shows per article, from plain rows: who is quoted and how,
whose voice the claims are in, hedge and loaded-word densities, reporting verbs per
actor, the labels table and who comes first. Entry point: `summarize`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from articles.compare.types import (
    ClaimRow,
    Densities,
    LabelRow,
    MentionRow,
    QuoteKindShares,
    QuoteRow,
    SignalRow,
    SpeakerOrder,
    SpeakerQuotes,
    VerbUse,
    VoiceShares,
)

HEDGE_KINDS = frozenset({"hedge", "scare_quote"})


@dataclass(frozen=True)
class EventSummary:
    speakers: tuple[SpeakerQuotes, ...]
    quote_kinds: tuple[QuoteKindShares, ...]
    voices: tuple[VoiceShares, ...]
    densities: tuple[Densities, ...]
    verbs: tuple[VerbUse, ...]
    labels: tuple[LabelRow, ...]
    order: tuple[SpeakerOrder, ...]


def summarize(
    *,
    words: Sequence[int],
    quotes: Sequence[QuoteRow] = (),
    signals: Sequence[SignalRow] = (),
    claims: Sequence[ClaimRow] = (),
    mentions: Sequence[MentionRow] = (),
) -> EventSummary:
    """Everything below for an event whose article a has `words[a]` words."""
    n = len(words)
    return EventSummary(
        speakers=tuple(quotes_per_speaker(quotes)),
        quote_kinds=tuple(quote_kind_shares(quotes, n)),
        voices=tuple(voice_shares(claims, n)),
        densities=tuple(densities(signals, words)),
        verbs=tuple(reporting_verbs(signals)),
        labels=tuple(label_table(signals, n)),
        order=tuple(speaker_order(mentions, quotes, n)),
    )


def quotes_per_speaker(quotes: Sequence[QuoteRow]) -> list[SpeakerQuotes]:
    """Per article and speaker: quotes, words, and quotes of each kind. Sorted by
    article, then most quoted first; unresolved speakers (None) last."""
    groups: dict[tuple[int, str | None], list[QuoteRow]] = defaultdict(list)
    for quote in quotes:
        groups[(quote.article, quote.speaker)].append(quote)
    rows = []
    for (article, speaker), group in groups.items():
        kinds = Counter(q.kind for q in group)
        rows.append(SpeakerQuotes(
            article=article,
            speaker=speaker,
            quotes=len(group),
            words=sum(q.length for q in group),
            direct=kinds["direct"],
            indirect=kinds["indirect"],
            mixed=kinds["mixed"],
        ))
    rows.sort(key=lambda r: (r.article, r.speaker is None, -r.quotes, -r.words, r.speaker or ""))
    return rows


def quote_kind_shares(quotes: Sequence[QuoteRow], n_articles: int) -> list[QuoteKindShares]:
    """Per article, the share of its quotes that are direct, indirect and mixed."""
    kinds: list[Counter[str]] = [Counter() for _ in range(n_articles)]
    for quote in quotes:
        kinds[quote.article][quote.kind] += 1
    rows = []
    for article, counts in enumerate(kinds):
        total = sum(counts.values())
        rows.append(QuoteKindShares(
            article=article,
            quotes=total,
            direct=_share(counts["direct"], total),
            indirect=_share(counts["indirect"], total),
            mixed=_share(counts["mixed"], total),
        ))
    return rows


def voice_shares(claims: Sequence[ClaimRow], n_articles: int) -> list[VoiceShares]:
    """Per article, how many claims are in the outlet's own voice vs attributed."""
    own = [0] * n_articles
    attributed = [0] * n_articles
    for claim in claims:
        if claim.voice == "own":
            own[claim.article] += 1
        else:
            attributed[claim.article] += 1
    return [
        VoiceShares(
            article=a,
            claims=own[a] + attributed[a],
            own=own[a],
            attributed=attributed[a],
            own_share=_share(own[a], own[a] + attributed[a]),
            attributed_share=_share(attributed[a], own[a] + attributed[a]),
        )
        for a in range(n_articles)
    ]


def densities(signals: Sequence[SignalRow], words: Sequence[int]) -> list[Densities]:
    """Per article, hedges (hedge words and scare quotes) and loaded words in the
    outlet's own voice, per 1,000 words. Signals inside quotes are the speaker's."""
    n = len(words)
    hedges = [0] * n
    loaded = [0] * n
    quoted = [0] * n
    for signal in signals:
        if signal.kind in HEDGE_KINDS and not signal.in_quote:
            hedges[signal.article] += 1
        elif signal.kind == "loaded":
            if signal.in_quote:
                quoted[signal.article] += 1
            else:
                loaded[signal.article] += 1
    return [
        Densities(
            article=a,
            words=words[a],
            hedges=hedges[a],
            loaded=loaded[a],
            loaded_in_quotes=quoted[a],
            hedges_per_1000=_per_1000(hedges[a], words[a]),
            loaded_per_1000=_per_1000(loaded[a], words[a]),
        )
        for a in range(n)
    ]


def reporting_verbs(signals: Sequence[SignalRow]) -> list[VerbUse]:
    """Per article and actor, each reporting verb (lower-cased) with its stance and
    count. Sorted by article, actor (None last), most used first, then verb."""
    counts: Counter[tuple[int, str | None, str, str]] = Counter()
    for signal in signals:
        if signal.kind == "reporting_verb":
            verb = " ".join(signal.text.lower().split())
            counts[(signal.article, signal.actor, verb, signal.category)] += 1
    rows = [
        VerbUse(article=a, actor=actor, verb=verb, stance=stance, count=count)
        for (a, actor, verb, stance), count in counts.items()
    ]
    rows.sort(key=lambda r: (r.article, r.actor is None, r.actor or "", -r.count, r.verb))
    return rows


def label_table(signals: Sequence[SignalRow], n_articles: int) -> list[LabelRow]:
    """One row per subject with the terms each article uses for it, in order of first
    use, case-insensitively distinct. The event (subject None) comes first, then
    actors named by more articles, then by name."""
    labels = sorted(
        (s for s in signals if s.kind == "label"), key=lambda s: (s.article, s.position)
    )
    terms: dict[str | None, list[dict[str, str]]] = {}
    for signal in labels:
        per_article = terms.setdefault(signal.actor, [{} for _ in range(n_articles)])
        text = " ".join(signal.text.split())
        per_article[signal.article].setdefault(text.casefold(), text)
    rows = [
        LabelRow(subject=subject, terms=tuple(tuple(a.values()) for a in per_article))
        for subject, per_article in terms.items()
    ]
    rows.sort(key=lambda r: (
        r.subject is not None, -sum(1 for t in r.terms if t), r.subject or "",
    ))
    return rows


def speaker_order(
    mentions: Sequence[MentionRow], quotes: Sequence[QuoteRow], n_articles: int
) -> list[SpeakerOrder]:
    """Per article, actors in order of first mention and speakers in order of first
    quote (unresolved speakers left out)."""
    first_mention: list[dict[str, int]] = [{} for _ in range(n_articles)]
    for mention in mentions:
        seen = first_mention[mention.article]
        seen[mention.actor] = min(seen.get(mention.actor, mention.position), mention.position)
    first_quote: list[dict[str, int]] = [{} for _ in range(n_articles)]
    for quote in quotes:
        if quote.speaker is not None:
            seen = first_quote[quote.article]
            seen[quote.speaker] = min(seen.get(quote.speaker, quote.position), quote.position)
    return [
        SpeakerOrder(
            article=a,
            mentioned=_by_position(first_mention[a]),
            quoted=_by_position(first_quote[a]),
        )
        for a in range(n_articles)
    ]


def _by_position(first: dict[str, int]) -> tuple[str, ...]:
    return tuple(sorted(first, key=lambda actor: (first[actor], actor)))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _per_1000(count: int, words: int) -> float:
    return 1000 * count / words if words else 0.0
