"""An event's rows as the event JSON of DESIGN.md, or as CSV tables.

One function, `export_file`, makes every file the app hands out, so the
download links, the API and `export_event` give the same bytes' worth of data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any, Literal

from django.utils import timezone

from articles.models import Actor, Claim, Event, Quote, Signal, StoryPoint
from articles.rows import by_article
from articles.services.event_json import (
    article_json,
    claim_json,
    provenance,
    quote_json,
    signal_json,
    story_point_json,
)

TABLES = ("articles", "quotes", "claims", "signals", "story_points", "actors")
Format = Literal["json", "csv"]

# Fixed columns, so an empty table still has its full header and the order never drifts.
PROVENANCE_COLUMNS = ["analysis_version", "lexicon_versions", "exported_at"]
COLUMNS: dict[str, list[str]] = {
    "articles": ["article", "position", "title", "published", "byline", "outlet", "url", "words",
                 "analyzed_with"],
    "quotes": ["article", "outlet", "text", "kind", "speaker", "source_type", "speaker_mention", "cue", "start", "end",
               "confidence", "attribution", "orphaned", "cue_start", "cue_end", "mention_start",
               "mention_end"],
    "claims": ["article", "outlet", "text", "start", "end", "voice", "hedged", "loaded", "quote", "speaker"],
    "signals": ["article", "outlet", "kind", "text", "start", "end", "category", "actor", "in_quote", "evaluative"],
    "story_points": ["id", "label", "articles", "reported_by", "missing_from", "possibly_in"],
    "actors": ["name", "kind", "title", "aliases"],
}


def _quote_json(q: Quote) -> dict[str, Any]:
    return quote_json(q, speaker=q.source_name, attribution=q.attribution,
                      orphaned=q.orphaned)


def event_json(event: Event, *, now: dt.datetime | None = None) -> dict[str, Any]:
    articles = list(event.articles.select_related("outlet").order_by("position"))
    column = {a.pk: i for i, a in enumerate(articles)}
    position_column = {a.position: i for i, a in enumerate(articles)}
    order = ("article__position", "start", "pk")
    all_quotes = list(Quote.objects.filter(article__event=event).select_related("speaker").order_by(*order))
    claims = list(Claim.objects.filter(article__event=event).select_related("speaker").order_by(*order))
    signals = list(Signal.objects.filter(article__event=event).select_related("actor").order_by(*order))
    # Grouped once, so the export grows linearly with the event.
    quotes_of, claims_of, signals_of = by_article(all_quotes), by_article(claims), by_article(signals)
    out_articles = []
    for a in articles:
        own_quotes = [q for q in quotes_of.get(a.pk, []) if q.is_quote]
        local_index = {q.pk: i for i, q in enumerate(own_quotes)}
        row = article_json(
            title=a.title, published=a.published, byline=a.byline, outlet=a.outlet_name, body=a.body, url=a.url,
            quotes=[_quote_json(q) for q in own_quotes],
            claims=[claim_json(c, quote=local_index.get(c.quote_id) if c.quote_id else None,
                               speaker=c.speaker.name if c.speaker else None)
                    for c in claims_of.get(a.pk, [])],
            signals=[signal_json(s, actor=s.actor.name if s.actor else None) for s in signals_of.get(a.pk, [])],
        )
        # Extensions of the public shape: an editor's "not a quote" is a human decision
        # too, so it leaves with the data (apart from `quotes`, which it is not part of).
        row["not_quotes"] = [_quote_json(q) for q in quotes_of.get(a.pk, []) if not q.is_quote]
        row["position"] = a.position
        row["headings"] = list(a.headings or [])
        row["analysis_version"] = a.analysis_version
        out_articles.append(row)
    return {
        "event": {
            "name": event.name,
            "slug": event.slug,
            "description": event.description,
            **provenance(now or timezone.now(), article_count=len(articles)),
        },
        "articles": out_articles,
        "story_points": _story_points(event, claims, column, position_column),
        "actors": [
            {"name": actor.name, "kind": actor.kind, "title": actor.title,
             "aliases": [al.alias for al in actor.aliases.all()]}
            for actor in Actor.objects.filter(event=event).order_by("name").prefetch_related("aliases")
        ],
    }


def _story_points(event: Event, claims: list[Claim], column: dict[int, int],
                  position_column: dict[int, int]) -> list[dict[str, Any]]:
    by_id = {c.pk: c for c in claims}
    members: dict[int, list[Claim]] = {}
    for point_id, claim_id in StoryPoint.members.through.objects.filter(storypoint__event=event).values_list(
            "storypoint_id", "claim_id"):
        members.setdefault(point_id, []).append(by_id[claim_id])
    points = list(StoryPoint.objects.filter(event=event).order_by("order", "pk"))
    return [
        story_point_json(
            i, p.label,
            [(column[c.article_id], c.text, c.start, c.end)
             for c in sorted(members.get(p.pk, []), key=lambda c: (column[c.article_id], c.start))],
            [((position_column[e["article"]], e["text"], e["start"], e["end"]), e["score"])
             for e in p.possibly_in if e["article"] in position_column],
            article_count=len(column),
        )
        for i, p in enumerate(points)
    ]


def csv_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The event JSON flattened into one list of rows per table."""
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for i, a in enumerate(data["articles"]):
        tables["articles"].append({
            "article": i, "position": a.get("position", i),
            **{k: a[k] for k in ("title", "published", "byline", "outlet", "url")},
            "words": len(a["body"].split()), "analyzed_with": a.get("analysis_version", ""),
        })
        for key in ("quotes", "claims", "signals"):
            tables[key].extend({"article": i, "outlet": a["outlet"], **row} for row in a[key])
    tables["story_points"] = [
        {"id": p["id"], "label": p["label"], "articles": " ".join(str(m["article"]) for m in p["members"]),
         "reported_by": " ".join(map(str, p.get("reported_by", []))),
         "missing_from": " ".join(map(str, p["missing_from"])),
         "possibly_in": " ".join(str(e["article"]) for e in p.get("possibly_in", []))}
        for p in data["story_points"]
    ]
    tables["actors"] = [{**a, "aliases": "; ".join(a["aliases"])} for a in data.get("actors", [])]
    return tables


def event_csv_tables(event: Event, *, now: dt.datetime | None = None, exact: bool = False) -> dict[str, str]:
    """One CSV text per table, UTF-8 with a header row; the keys are file names.
    Every row carries the analysis version, the lexicon versions and the export time."""
    data = event_json(event, now=now)
    return csv_tables(data, exact=exact)


# OWASP's CSV injection rule: a cell a spreadsheet would read as a formula starts with one
# of these; a leading apostrophe makes it text. `exact=True` keeps values as they are.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_tables(data: dict[str, Any], *, exact: bool = False) -> dict[str, str]:
    meta = data["event"]
    stamp = {
        "analysis_version": meta["analysis_version"],
        "lexicon_versions": "; ".join(f"{k}={v}" for k, v in sorted(meta["lexicon_versions"].items())),
        "exported_at": meta["exported_at"],
    }
    out = {}
    for name, rows in csv_rows(data).items():
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=[*COLUMNS[name], *PROVENANCE_COLUMNS], extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            cells = {**row, **stamp}
            writer.writerow(cells if exact else {k: neutralised(v) for k, v in cells.items()})
        out[f"{name}.csv"] = buffer.getvalue()
    return out


@dataclass(frozen=True)
class ExportFile:
    name: str
    content_type: str
    data: bytes


def export_file(event: Event, fmt: Format, *, table: str | None = None,
                now: dt.datetime | None = None, exact: bool = False) -> ExportFile:
    """The file a download, the API or `export_event` hands out: the event JSON,
    one CSV table, or all the tables in one ZIP (with the provenance as JSON)."""
    data = event_json(event, now=now)
    if fmt == "json":
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        return ExportFile(f"{event.slug}.json", "application/json", text.encode("utf-8"))
    tables = csv_tables(data, exact=exact)
    if table is not None:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")
        return ExportFile(f"{event.slug}-{table}.csv", "text/csv; charset=utf-8",
                          tables[f"{table}.csv"].encode("utf-8"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in tables.items():
            archive.writestr(name, text.encode("utf-8"))
        archive.writestr("provenance.json", json.dumps(data["event"], ensure_ascii=False, indent=2) + "\n")
    return ExportFile(f"{event.slug}-csv.zip", "application/zip", buffer.getvalue())
