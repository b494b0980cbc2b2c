"""An event's rows as the event JSON of DESIGN.md, or as CSV tables."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils import timezone

from articles.event_json import article_json
from articles.models import Actor, Claim, Event, Quote, Signal, StoryPoint
from articles.nlp.version import ANALYSIS_VERSION


def event_json(event: Event) -> dict[str, Any]:
    articles = list(event.articles.select_related("outlet").order_by("position"))
    column = {a.pk: i for i, a in enumerate(articles)}
    position_column = {a.position: i for i, a in enumerate(articles)}
    quotes = list(Quote.objects.filter(article__event=event, is_quote=True).select_related("speaker").order_by("start"))
    claims = list(Claim.objects.filter(article__event=event).select_related("speaker").order_by("start"))
    signals = list(Signal.objects.filter(article__event=event).select_related("actor").order_by("start"))
    out_articles = []
    for a in articles:
        own_quotes = [q for q in quotes if q.article_id == a.pk]
        local_index = {q.pk: i for i, q in enumerate(own_quotes)}
        out_articles.append(article_json(
            title=a.title, published=a.published, byline=a.byline, outlet=a.outlet_name, body=a.body, url=a.url,
            quotes=[{"text": q.text, "kind": q.kind, "speaker": q.speaker.name if q.speaker else None,
                     "speaker_mention": q.speaker_mention, "cue": q.cue, "start": q.start, "end": q.end,
                     "confidence": round(q.confidence, 3), "attribution": q.attribution,
                     "orphaned": q.orphaned} for q in own_quotes],
            claims=[{"text": c.text, "start": c.start, "end": c.end, "voice": c.voice, "hedged": c.hedged,
                     "loaded": c.loaded, "quote": local_index.get(c.quote_id) if c.quote_id else None,
                     "speaker": c.speaker.name if c.speaker else None}
                    for c in claims if c.article_id == a.pk],
            signals=[{"kind": s.kind, "text": s.text, "start": s.start, "end": s.end, "category": s.category,
                      "actor": s.actor.name if s.actor else None, "in_quote": s.in_quote}
                     for s in signals if s.article_id == a.pk],
        ))
    points = list(StoryPoint.objects.filter(event=event).order_by("order", "pk"))
    members: dict[int, list[Claim]] = {}
    for c in claims:
        if c.story_point_id:
            members.setdefault(c.story_point_id, []).append(c)
    return {
        "event": {
            "name": event.name,
            "slug": event.slug,
            "analysis_version": ANALYSIS_VERSION,
            "exported_at": timezone.now().isoformat(),
        },
        "articles": out_articles,
        "story_points": [
            {"id": i, "label": p.label,
             "members": [{"article": column[c.article_id], "text": c.text, "start": c.start, "end": c.end}
                         for c in members.get(p.pk, [])],
             "missing_from": sorted(position_column[pos] for pos in p.missing_from if pos in position_column)}
            for i, p in enumerate(points)
        ],
        "actors": [
            {"name": actor.name, "kind": actor.kind, "aliases": [al.alias for al in actor.aliases.all()]}
            for actor in Actor.objects.filter(event=event).prefetch_related("aliases")
        ],
    }


def event_csv_tables(event: Event) -> dict[str, str]:
    """One CSV text per table, UTF-8 with a header row; the keys are file names."""
    data = event_json(event)
    tables: dict[str, list[dict[str, Any]]] = {"articles": [], "quotes": [], "claims": [], "signals": []}
    for i, a in enumerate(data["articles"]):
        tables["articles"].append({"article": i, **{k: a[k] for k in ("title", "published", "byline", "outlet", "url")},
                                   "words": len(a["body"].split())})
        for key in ("quotes", "claims", "signals"):
            tables[key].extend({"article": i, "outlet": a["outlet"], **row} for row in a[key])
    tables["story_points"] = [
        {"id": p["id"], "label": p["label"], "articles": " ".join(str(m["article"]) for m in p["members"]),
         "missing_from": " ".join(map(str, p["missing_from"]))}
        for p in data["story_points"]
    ]
    tables["actors"] = [{**a, "aliases": "; ".join(a["aliases"])} for a in data["actors"]]
    version = data["event"]["analysis_version"]
    out = {}
    for name, rows in tables.items():
        buffer = io.StringIO()
        fields = list(rows[0].keys()) if rows else ["article"]
        writer = csv.DictWriter(buffer, fieldnames=[*fields, "analysis_version"], extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({**row, "analysis_version": version})
        out[f"{name}.csv"] = buffer.getvalue()
    return out
