"""The event JSON of DESIGN.md, one shape per part, shared by `analyze_dump --json`
(from an analysis in memory, no database) and `export_event` (from the rows).
Field names are a public contract: extend, don't rename."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from articles.compare.types import StoryPointResult
from articles.contract import LISTED_OMISSIONS_MAX_ARTICLES
from articles.nlp.actor_identity import most_used_name, same_actor
from articles.nlp.lexicons import lexicon_versions
from articles.nlp.types import ActorRef, ArticleAnalysis, ClaimResult, QuoteResult, SignalResult
from articles.nlp.version import ANALYSIS_VERSION

if TYPE_CHECKING:  # the rows only for their types: this module runs without a database
    from articles.models import Claim, Quote, Signal


def canonical_names(per_article: Sequence[Sequence[ActorRef]], texts: Sequence[str]) -> list[dict[str, str]]:
    """For each article, its local actor names mapped to one name per event
    actor, matched the way the database does and named as the texts most often
    write it (actor_store.rename_to_most_used does the same for the rows)."""

    known: list[ActorRef] = []
    local: list[list[tuple[str, int]]] = []
    for actors in per_article:
        links: list[tuple[str, int]] = []
        for ref in actors:
            index = next((i for i, k in enumerate(known) if same_actor(ref, k)), None)
            if index is None:
                known.append(ref)
                index = len(known) - 1
            else:
                merged = dict.fromkeys((*known[index].aliases, ref.name, *ref.aliases))
                known[index] = replace(known[index], aliases=tuple(merged))
            links.append((ref.name, index))
        local.append(links)
    names = [most_used_name(ref, texts) for ref in known]
    return [{name: names[index] for name, index in links} for links in local]


def provenance(now: dt.datetime, *, article_count: int) -> dict[str, Any]:
    """What produced the numbers: cited with every export so results can be reproduced;
    and how the story points name the articles missing them."""
    return {
        "analysis_version": ANALYSIS_VERSION,
        "lexicon_versions": lexicon_versions(),
        "exported_at": now.isoformat(),
        "omissions": omissions(article_count),
    }


def article_json(
    *, title: str, published: dt.date | None, byline: str, outlet: str, body: str,
    quotes: list[dict[str, Any]], claims: list[dict[str, Any]], signals: list[dict[str, Any]],
    url: str = "", analysed_chars: int | None = None,
) -> dict[str, Any]:
    return {
        "title": title,
        "published": published.isoformat() if published else None,
        "byline": byline,
        "outlet": outlet,
        "url": url,
        "body": body,
        "quotes": quotes,
        "claims": claims,
        "signals": signals,
        "analysed_chars": analysed_chars,
    }


def analysed_chars(body: str, limit: int) -> int | None:
    """What an analysis that reads `limit` characters of `body` read of it: None when whole."""
    return limit if len(body) > limit else None


def quote_json(q: Quote | QuoteResult, *, speaker: str | None, attribution: str,
               orphaned: bool | None = None, actor: bool = False) -> dict[str, Any]:
    """`orphaned` is an editor's quote whose text left the body; a fresh analysis
    has no editor's quotes, so its quotes leave the key out. `source_type` follows
    the speaker: an actor's name (`actor`: a stored quote whose speaker is an actor), an
    unnamed source's phrase, a phrase nobody resolved (`unknown`, "the mayor"), or nothing."""
    source_type = q.source_type if speaker else "unknown"
    if actor and source_type == "unknown":
        source_type = "actor"  # an editor named the actor and left the type as it was
    return {
        "text": q.text, "kind": q.kind, "speaker": speaker, "source_type": source_type,
        "speaker_mention": q.speaker_mention, "cue": q.cue,
        "start": q.start, "end": q.end, "confidence": round(q.confidence, 3), "attribution": attribution,
        **({} if orphaned is None else {"orphaned": orphaned}),
        "cue_start": q.cue_start, "cue_end": q.cue_end, "mention_start": q.mention_start, "mention_end": q.mention_end,
    }


def claim_json(c: Claim | ClaimResult, *, quote: int | None, speaker: str | None) -> dict[str, Any]:
    """`quote` is the index of the claim's quote among its article's quotes."""
    return {"text": c.text, "start": c.start, "end": c.end, "voice": c.voice, "hedged": c.hedged,
            "loaded": c.loaded, "quote": quote, "speaker": speaker}


def signal_json(s: Signal | SignalResult, *, actor: str | None) -> dict[str, Any]:
    return {"kind": s.kind, "text": s.text, "start": s.start, "end": s.end, "category": s.category,
            "actor": actor, "in_quote": s.in_quote, "evaluative": s.evaluative}


def analysis_parts(analysis: ArticleAnalysis, names: dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Quotes, claims and signals of one analysis as JSON, speakers canonical."""
    def canon(name: str | None) -> str | None:
        return names.get(name, name) if name else None

    actors = {a.name for a in analysis.actors}

    return {
        "quotes": [quote_json(q, speaker=canon(q.speaker), attribution="machine", actor=q.speaker in actors)
                   for q in analysis.quotes],
        "claims": [claim_json(c, quote=c.quote_index, speaker=canon(c.speaker)) for c in analysis.claims],
        "signals": [signal_json(s, actor=canon(s.actor)) for s in analysis.signals],
    }


def omissions(article_count: int) -> str:
    """How story points name the articles missing them (contract.LISTED_OMISSIONS_MAX_ARTICLES)."""
    return "listed" if article_count <= LISTED_OMISSIONS_MAX_ARTICLES else "complement"


MemberSpan = tuple[int, str, int, int]  # (article column, text, start, end)


def story_point_json(index: int, label: str, members: Sequence[MemberSpan],
                     possibly: Sequence[tuple[MemberSpan, float]], *, article_count: int,
                     not_analysed: Collection[int] = ()) -> dict[str, Any]:
    """One story point: its members, the articles reporting it, those that possibly
    do (their closest sentence), and, when omissions are listed, the others: those
    checked and found not to report it (`missing_from`) and those with no analysis to
    check (`not_analysed`, the event's `not_analysed`), which are never "missing"."""
    reported = sorted({m[0] for m in members})
    maybe = sorted({span[0] for span, _ in possibly})
    listed = omissions(article_count) == "listed"
    taken = set(reported) | set(maybe)
    unread = set(not_analysed) - taken
    return {
        "id": index,
        "label": label,
        "members": [{"article": a, "text": text, "start": start, "end": end} for a, text, start, end in members],
        "reported_by": reported,
        "missing_from": [a for a in range(article_count) if a not in taken and a not in unread] if listed else [],
        "possibly_in": [{"article": a, "text": text, "start": start, "end": end, "score": round(score, 3)}
                        for (a, text, start, end), score in possibly],
        "not_analysed": sorted(unread) if listed else [],
    }


def story_points_json(
    points: Sequence[StoryPointResult], member_spans: dict[int, MemberSpan], *, article_count: int
) -> list[dict[str, Any]]:
    """`member_spans` maps a claim id to (article position, text, start, end)."""
    return [
        story_point_json(index, point.label, [member_spans[m] for m in point.members],
                         [(member_spans[p.claim], p.score) for p in point.possibly_in],
                         article_count=article_count)
        for index, point in enumerate(points)
    ]
