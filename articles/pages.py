"""Context for the comparison pages, read from precomputed rows.

Each builder runs a fixed number of queries whatever the event's size: no
query runs per article, quote or story point, and nothing calls spaCy."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from articles.highlight import Mark, Segment, segments
from articles.models import Actor, Article, Claim, Event, Job, Quote, Signal, StoryPoint

PALETTE_SIZE = 8  # Okabe–Ito colours in static/css/newsframe.css (.sp-0 … .sp-7)

SIGNAL_CSS: dict[str, str] = {
    Signal.Kind.REPORTING_VERB: "hl-verb",
    Signal.Kind.HEDGE: "hl-hedge",
    Signal.Kind.SCARE_QUOTE: "hl-hedge hl-scare",
    Signal.Kind.LOADED: "hl-loaded",
}


@dataclass
class SpeakerStyle:
    actor: Actor
    css: str
    quotes: int = 0


@dataclass
class Cell:
    article: Article
    pieces: list[list[Segment]] = field(default_factory=list)
    voices: set[str] = field(default_factory=set)
    hedged: bool = False


def speaker_styles(quotes: list[Quote]) -> dict[int, SpeakerStyle]:
    """Colour classes by how often each actor is quoted, most quoted first."""
    counts = Counter(q.speaker_id for q in quotes if q.speaker_id and q.is_quote)
    actors = {q.speaker_id: q.speaker for q in quotes if q.speaker_id}
    styles: dict[int, SpeakerStyle] = {}
    for rank, (actor_id, n) in enumerate(counts.most_common()):
        styles[actor_id] = SpeakerStyle(actor=actors[actor_id], css=f"sp-{rank % PALETTE_SIZE}", quotes=n)  # type: ignore[arg-type]
    return styles


def marks_for(article_id: int, quotes: list[Quote], signals: list[Signal],
              styles: dict[int, SpeakerStyle]) -> list[Mark]:
    marks: list[Mark] = []
    for q in quotes:
        if q.article_id != article_id or not q.is_quote:
            continue
        style = styles.get(q.speaker_id) if q.speaker_id else None
        who = q.speaker.name if q.speaker else "unknown speaker"
        marks.append(Mark(
            q.start, q.end,
            css=f"hl-quote {style.css if style else 'sp-none'}",
            title=f"{q.get_kind_display()} quote — {who}"
            + (" (corrected by an editor)" if q.attribution == "human" else ""),
            badge=style.actor.initials if style else "?",
        ))
    for s in signals:
        if s.article_id != article_id or s.kind not in SIGNAL_CSS:
            continue
        if s.kind == Signal.Kind.LOADED and s.in_quote:
            continue  # loaded words inside a quote are reporting, not the outlet's framing
        css = SIGNAL_CSS[s.kind] + (f" verb-{s.category}" if s.kind == Signal.Kind.REPORTING_VERB else "")
        marks.append(Mark(s.start, s.end, css=css, title=f"{s.get_kind_display()}: {s.category}".rstrip(": ")))
    return marks


def _event_rows(event: Event) -> tuple[list[Article], list[Quote], list[Signal], list[Claim], list[StoryPoint]]:
    articles = list(event.articles.select_related("outlet").order_by("position"))
    quotes = list(
        Quote.objects.filter(article__event=event).select_related("speaker__event").order_by("article_id", "start")
    )
    signals = list(Signal.objects.filter(article__event=event).exclude(kind=Signal.Kind.LABEL))
    claims = list(Claim.objects.filter(article__event=event).order_by("article_id", "start"))
    points = list(StoryPoint.objects.filter(event=event).order_by("order", "pk"))
    return articles, quotes, signals, claims, points


def event_page(event: Event, *, only: str = "", actor: str = "") -> dict[str, Any]:
    articles, quotes, signals, claims, points = _event_rows(event)
    styles = speaker_styles(quotes)
    bodies = {a.pk: a.body for a in articles}
    marks = {a.pk: marks_for(a.pk, quotes, signals, styles) for a in articles}
    claims_by_point: dict[int, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.story_point_id:
            claims_by_point[c.story_point_id].append(c)
    actor_id = int(actor) if actor.isdigit() else None
    rows = []
    for point in points:
        members = claims_by_point.get(point.pk, [])
        if only == "missing" and not (point.missing_from and point.article_positions):
            continue
        if actor_id and not any(c.speaker_id == actor_id for c in members):
            continue
        cells = {a.pk: Cell(article=a) for a in articles}
        for c in members:
            cell = cells[c.article_id]
            cell.pieces.append(segments(bodies[c.article_id][c.start:c.end], c.start, marks[c.article_id]))
            cell.voices.add(c.voice)
            cell.hedged = cell.hedged or c.hedged
        rows.append({"point": point, "cells": [cells[a.pk] for a in articles],
                     "shared": len(point.article_positions) > 1})
    return {
        "event": event,
        "articles": articles,
        "rows": rows,
        "speakers": sorted(styles.values(), key=lambda s: -s.quotes),
        "summary": summarise(articles, quotes, signals, claims),
        "only": only,
        "actor_filter": actor_id,
        **event_progress(event, articles=articles),
    }


def summarise(articles: list[Article], quotes: list[Quote], signals: list[Signal],
              claims: list[Claim]) -> list[dict[str, Any]]:
    """Per article: who is quoted how often, kinds of quotes, voice and densities."""
    out = []
    for a in articles:
        qs = [q for q in quotes if q.article_id == a.pk and q.is_quote]
        cs = [c for c in claims if c.article_id == a.pk]
        ss = [s for s in signals if s.article_id == a.pk]
        per_speaker = Counter(q.speaker.name if q.speaker else "unknown" for q in qs)
        top = max(per_speaker.values(), default=1)
        words = max(a.word_count, 1)
        out.append({
            "article": a,
            "speakers": [{"name": n, "count": c, "pct": round(100 * c / top)} for n, c in per_speaker.most_common()],
            "kinds": Counter(q.kind for q in qs),
            "own_share": round(100 * sum(c.voice == "own" for c in cs) / len(cs)) if cs else 0,
            "hedges_per_1000": round(1000 * sum(s.kind in ("hedge", "scare_quote") for s in ss) / words, 1),
            "loaded_per_1000": round(1000 * sum(s.kind == "loaded" and not s.in_quote for s in ss) / words, 1),
        })
    return out


def event_progress(event: Event, *, articles: list[Article] | None = None) -> dict[str, Any]:
    jobs = list(Job.objects.filter(event=event).order_by("kind", "article_id"))
    analyses = [j for j in jobs if j.kind == Job.Kind.ANALYZE]
    alignment = next((j for j in jobs if j.kind == Job.Kind.ALIGN), None)
    done = sum(j.status in (Job.Status.DONE, Job.Status.FAILED) for j in analyses)
    ready = alignment is not None and alignment.status in (Job.Status.DONE, Job.Status.FAILED)
    return {
        "event": event,
        "jobs": analyses,
        "alignment": alignment,
        "done_count": done,
        "job_count": len(analyses),
        "failed": [j for j in jobs if j.status == Job.Status.FAILED],
        "ready": ready or not jobs,
    }


def article_page(article: Article) -> dict[str, Any]:
    quotes = list(article.quotes.select_related("speaker__event").order_by("start"))
    signals = list(article.signals.select_related("actor").order_by("start"))
    styles = speaker_styles(quotes)
    marks = marks_for(article.pk, quotes, signals, styles)
    paragraphs = []
    offset = 0
    headings = set(article.headings or [])
    for index, text in enumerate(article.body.split("\n\n")):
        paragraphs.append({"heading": index in headings, "segments": segments(text, offset, marks)})
        offset += len(text) + 2
    return {
        "article": article,
        "event": article.event,
        "paragraphs": paragraphs,
        "quotes": [q for q in quotes if q.is_quote],
        "speakers": sorted(styles.values(), key=lambda s: -s.quotes),
        "labels": [s for s in signals if s.kind == Signal.Kind.LABEL],
    }


def actor_page(actor: Actor) -> dict[str, Any]:
    quotes = list(
        Quote.objects.filter(speaker=actor, is_quote=True)
        .select_related("article__outlet", "article__event")
        .order_by("article__position", "start")
    )
    signals = list(
        Signal.objects.filter(actor=actor).select_related("article").order_by("article__position", "start")
    )
    verbs = Counter((s.text.lower(), s.category) for s in signals if s.kind == Signal.Kind.REPORTING_VERB)
    labels = Counter((s.article.title, s.text) for s in signals if s.kind == Signal.Kind.LABEL)
    return {
        "actor": actor,
        "event": actor.event,
        "aliases": list(actor.aliases.all()),
        "quotes": quotes,
        "verbs": [{"verb": v, "stance": st, "count": n} for (v, st), n in verbs.most_common()],
        "labels": [{"article": t, "label": lbl, "count": n} for (t, lbl), n in labels.most_common()],
    }
