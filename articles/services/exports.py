"""An event's rows as the event JSON of DESIGN.md, or as CSV tables, written as a stream.

One function, `export_stream`, makes every file the app hands out, so the download
links, the API's links and `export_event` give the same bytes' worth of data. Each file
is produced piece by piece: articles are read in batches (at most BATCH_ARTICLES
articles and BATCH_CHARS characters of text, or one article alone when it is longer),
story points in batches of POINTS_BATCH points and MEMBERS_BATCH members, and the text is handed out as it is written,
so memory is bounded by the largest article or batch, never by the event.
`event_json` is the same data as one dict, for the import, the tests and the API."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from django.db.models import Count
from django.db.models.functions import Length
from django.utils import timezone

from articles.models import Actor, Article, Event, Job, Quote, Signal, StoryPoint
from articles.models import Claim as ClaimRow
from articles.rows import by_article
from articles.services.event_json import (
    article_json,
    claim_json,
    provenance,
    quote_json,
    signal_json,
    story_point_json,
)
from articles.services.jobs import results_settled

TABLES = ("articles", "quotes", "claims", "signals", "story_points", "story_point_sentences", "actors")
Format = Literal["json", "csv"]

BATCH_ARTICLES = 100
BATCH_CHARS = 2_000_000
POINTS_BATCH = 500
MEMBERS_BATCH = 1000
CHUNK_CHARS = 64 * 1024  # pieces handed to the server: big enough to be cheap, small enough to stream

# Fixed columns, so an empty table still has its full header and the order never drifts.
PROVENANCE_COLUMNS = ["analysis_version", "lexicon_versions", "exported_at"]
COLUMNS: dict[str, list[str]] = {
    "articles": ["article", "position", "title", "published", "byline", "outlet", "url", "words",
                 "analyzed_with", "analysed_chars"],
    "quotes": ["article", "outlet", "text", "kind", "speaker", "source_type", "speaker_mention", "cue", "start", "end",
               "confidence", "attribution", "orphaned", "cue_start", "cue_end", "mention_start",
               "mention_end"],
    "claims": ["article", "outlet", "text", "start", "end", "voice", "hedged", "loaded", "quote", "speaker"],
    "signals": ["article", "outlet", "kind", "text", "start", "end", "category", "actor", "in_quote", "evaluative"],
    "story_points": ["id", "label", "articles", "reported_by", "missing_from", "possibly_in", "not_analysed"],
    # One row per sentence of a story point: its members ("reported") and the closest
    # sentence of an article that may report it ("possibly reported", with its score).
    # The articles that leave a point out stay in story_points.csv (`missing_from`, or
    # every other article when omissions are "complement"): a row each would grow with
    # articles x points.
    "story_point_sentences": ["id", "label", "article", "outlet", "verdict", "text", "start", "end", "score"],
    "actors": ["name", "kind", "title", "aliases"],
}
# The rows each table reads besides the articles (a claim names its quote by index).
PARTS: dict[str, frozenset[str]] = {
    "articles": frozenset(), "quotes": frozenset({"quotes"}), "claims": frozenset({"quotes", "claims"}),
    "signals": frozenset({"signals"}),
}
EVERY_PART = frozenset({"quotes", "claims", "signals"})

# Rows are read as named tuples, not model instances: building a model per row was most
# of an export's time. The JSON writers read them by attribute like the rows they replace.
QUOTE_FIELDS = ("pk", "article_id", "is_quote", "text", "kind", "speaker_id", "speaker__name", "source_phrase",
                "source_type", "speaker_mention", "cue", "start", "end", "confidence", "attribution", "orphaned",
                "cue_start", "cue_end", "mention_start", "mention_end")
CLAIM_FIELDS = ("article_id", "text", "start", "end", "voice", "hedged", "loaded", "quote_id", "speaker__name")
SIGNAL_FIELDS = ("article_id", "kind", "text", "start", "end", "category", "actor__name", "in_quote", "evaluative")
ROW_ORDER = ("article__position", "start", "pk")


def _quote_json(q: Any) -> dict[str, Any]:
    speaker = q.speaker__name if q.speaker_id is not None else (q.source_phrase or None)  # Quote.source_name
    return quote_json(q, speaker=speaker, attribution=q.attribution, orphaned=q.orphaned,
                      actor=q.speaker_id is not None)


def _article_row(a: Article, quotes: list[Any], claims: list[Any], signals: list[Any]) -> dict[str, Any]:
    own_quotes = [q for q in quotes if q.is_quote]
    local_index = {q.pk: i for i, q in enumerate(own_quotes)}
    row = article_json(
        title=a.title, published=a.published, byline=a.byline, outlet=a.outlet_name, body=a.body, url=a.url,
        analysed_chars=a.analysed_chars, quotes=[_quote_json(q) for q in own_quotes],
        claims=[claim_json(c, quote=local_index.get(c.quote_id) if c.quote_id else None, speaker=c.speaker__name)
                for c in claims],
        signals=[signal_json(s, actor=s.actor__name) for s in signals],
    )
    # Extensions of the public shape: an editor's "not a quote" is a human decision
    # too, so it leaves with the data (apart from `quotes`, which it is not part of).
    row["not_quotes"] = [_quote_json(q) for q in quotes if not q.is_quote]
    row["position"] = a.position
    row["headings"] = list(a.headings or [])
    row["analysis_version"] = a.analysis_version
    return row


def _batches(sized: Iterable[tuple[int, int]], most: int, budget: int) -> Iterator[list[int]]:
    """Ids with their sizes, in order, as batches of at most `most` ids and `budget` in
    size (or one id alone when it is larger)."""
    batch: list[int] = []
    size = 0
    for pk, n in sized:
        if batch and (len(batch) >= most or size + n > budget):
            yield batch
            batch, size = [], 0
        batch.append(pk)
        size += n
    if batch:
        yield batch


def article_batches(event: Event) -> Iterator[list[int]]:
    """The event's article ids in order, in batches of bounded size."""
    sized = event.articles.order_by("position").annotate(chars=Length("body")).values_list("pk", "chars")
    return _batches(sized, BATCH_ARTICLES, BATCH_CHARS)


def _rows(model: Any, fields: tuple[str, ...], ids: list[int]) -> dict[int, list[Any]]:
    return by_article(model.objects.filter(article_id__in=ids).order_by(*ROW_ORDER).values_list(*fields, named=True))


def article_rows(event: Event, parts: frozenset[str] = EVERY_PART) -> Iterator[dict[str, Any]]:
    """The event JSON's articles, one at a time, in order; `parts` names the rows read
    (the others are left empty, for a table that does not need them)."""
    for ids in article_batches(event):
        articles = list(Article.objects.filter(pk__in=ids).select_related("outlet").order_by("position"))
        quotes = _rows(Quote, QUOTE_FIELDS, ids) if "quotes" in parts else {}
        claims = _rows(ClaimRow, CLAIM_FIELDS, ids) if "claims" in parts else {}
        signals = _rows(Signal, SIGNAL_FIELDS, ids) if "signals" in parts else {}
        for a in articles:
            yield _article_row(a, quotes.get(a.pk, []), claims.get(a.pk, []), signals.get(a.pk, []))


class ExportChanged(RuntimeError):
    """The event changed under a streaming export in a way the file cannot hide."""


def _point_batches(event: Event) -> Iterator[list[int]]:
    """The event's story point ids in order, in batches of at most POINTS_BATCH points and
    MEMBERS_BATCH members (or one point alone, when it has more)."""
    points = StoryPoint.objects.filter(event=event).order_by("order", "pk").annotate(n=Count("members"))
    return _batches(points.values_list("pk", "n"), POINTS_BATCH, MEMBERS_BATCH)


def point_numbers(event_id: int) -> dict[int, int]:
    """Each story point's `id` in the event JSON and the CSV tables (its 0-based place in
    the order they are written), by its database id (the API's `id`): one query of ids."""
    ids = StoryPoint.objects.filter(event_id=event_id).order_by("order", "pk").values_list("pk", flat=True)
    return {pk: index for index, pk in enumerate(ids)}


@dataclass(frozen=True)
class Columns:
    """The event's articles as one export numbers them, read once so that every part of
    the file agrees: `positions` in order (an article's column is its index there), and
    `not_analysed`, the columns of the articles with no analysis (never analysed yet, or
    their only analysis failed). Those neither report a story point nor leave it out:
    nothing was read from them, and a "not reported" would be a false finding."""

    positions: list[int]
    not_analysed: list[int]

    def analysed_positions(self) -> list[int]:
        """The positions of the articles with an analysis (the API speaks positions)."""
        skipped = set(self.not_analysed)
        return [position for column, position in enumerate(self.positions) if column not in skipped]

    def not_analysed_positions(self) -> list[int]:
        return [self.positions[column] for column in self.not_analysed]


def article_columns(event: Event) -> Columns:
    """The one place that reads which of the event's articles were analysed (one query)."""
    rows = list(event.articles.order_by("position").values_list("position", "analyzed_at"))
    return Columns(positions=[position for position, _ in rows],
                   not_analysed=[column for column, (_, analysed) in enumerate(rows) if analysed is None])


def story_points(event: Event, columns: Columns) -> Iterator[dict[str, Any]]:
    """The event JSON's story points in order, a batch at a time."""
    column = {position: i for i, position in enumerate(columns.positions)}
    Member = StoryPoint.members.through
    index = 0
    for chunk in _point_batches(event):
        members: dict[int, list[tuple[int, str, int, int]]] = defaultdict(list)
        for point_id, position, text, begin, end in Member.objects.filter(storypoint_id__in=chunk).values_list(
                "storypoint_id", "claim__article__position", "claim__text", "claim__start", "claim__end"):
            if position in column:  # not an article added since the export began
                members[point_id].append((column[position], text, begin, end))
        points = list(StoryPoint.objects.filter(pk__in=chunk).order_by("order", "pk").values_list("pk", "label",
                                                                                                 "possibly_in"))
        if len(points) < len(chunk):
            # An alignment replaced the points while a long export streamed: cut the file
            # short (a parser refuses it) rather than end it valid with points missing.
            raise ExportChanged("the event was aligned again during the export: download it again")
        for pk, label, possibly in points:
            yield story_point_json(
                index, label, sorted(members[pk], key=lambda m: (m[0], m[2])),
                [((column[e["article"]], e["text"], e["start"], e["end"]), e["score"])
                 for e in possibly if e["article"] in column],
                article_count=len(column), not_analysed=columns.not_analysed,
            )
            index += 1


def actors_json(event: Event) -> list[dict[str, Any]]:
    """The event's actors; the store keeps the name among the forms it has seen, but an
    export lists only the other forms ("Trump" is not an alias of Trump)."""
    return [
        {"name": actor.name, "kind": actor.kind, "title": actor.title,
         "aliases": [al.alias for al in actor.aliases.all() if al.alias != actor.name]}
        for actor in Actor.objects.filter(event=event).order_by("name").prefetch_related("aliases")
    ]


def analysis_complete(event: Event, columns: Columns | None = None) -> bool:
    """The analysis and the alignment are over (`jobs.results_settled`, what the event page
    calls "ready") and every article has an analysis: a download made while the story
    points are being aligned, or with an article whose analysis failed (the event page says
    "not analysed (failed)" in its column), says so instead of passing for the whole result."""
    settled = results_settled(Job.objects.filter(event=event).values_list("kind", "status").distinct())
    return settled and not (columns or article_columns(event)).not_analysed


def event_meta(event: Event, now: dt.datetime | None, columns: Columns) -> dict[str, Any]:
    return {"name": event.name, "slug": event.slug, "description": event.description,
            "complete": analysis_complete(event, columns), "not_analysed": columns.not_analysed,
            **provenance(now or timezone.now(), article_count=len(columns.positions))}


def event_json(event: Event, *, now: dt.datetime | None = None) -> dict[str, Any]:
    columns = article_columns(event)
    return {
        "event": event_meta(event, now, columns),
        "articles": list(article_rows(event)),
        "story_points": list(story_points(event, columns)),
        "actors": actors_json(event),
    }


def _nested(value: Any, level: int) -> str:
    """`value` as json.dumps(indent=2) writes it `level` levels deep (strings hold no raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)


def _json_list(key: str, items: Iterable[Any], *, last: bool) -> Iterator[str]:
    yield f'  "{key}": ['
    empty = True
    for item in items:
        yield ("\n    " if empty else ",\n    ") + _nested(item, 2)
        empty = False
    yield ("]" if empty else "\n  ]") + ("\n" if last else ",\n")


def event_json_text(event: Event, *, now: dt.datetime | None = None) -> Iterator[str]:
    """The event JSON as `json.dumps(event_json(event), ensure_ascii=False, indent=2)` plus a
    newline writes it, byte for byte, in pieces: one article or story point at a time."""
    columns = article_columns(event)
    yield '{\n  "event": ' + _nested(event_meta(event, now, columns), 1) + ",\n"
    yield from _json_list("articles", article_rows(event), last=False)
    yield from _json_list("story_points", story_points(event, columns), last=False)
    yield from _json_list("actors", actors_json(event), last=True)
    yield "}\n"


def table_rows(name: str, articles: Iterable[dict[str, Any]], points: Iterable[dict[str, Any]],
               actors: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One CSV table's rows, flattened from the event JSON's parts."""
    if name == "story_points":
        for p in points:
            yield {"id": p["id"], "label": p["label"], "articles": " ".join(str(m["article"]) for m in p["members"]),
                   "reported_by": " ".join(map(str, p.get("reported_by", []))),
                   "missing_from": " ".join(map(str, p["missing_from"])),
                   "possibly_in": " ".join(str(e["article"]) for e in p.get("possibly_in", [])),
                   "not_analysed": " ".join(map(str, p.get("not_analysed", [])))}
        return
    if name == "story_point_sentences":
        yield from _sentence_rows([a["outlet"] for a in articles], points)
        return
    if name == "actors":
        yield from ({**a, "aliases": "; ".join(a["aliases"])} for a in actors)
        return
    for i, a in enumerate(articles):
        if name == "articles":
            yield {"article": i, "position": a.get("position", i),
                   **{k: a[k] for k in ("title", "published", "byline", "outlet", "url")},
                   "words": len(a["body"].split()), "analyzed_with": a.get("analysis_version", ""),
                   "analysed_chars": a.get("analysed_chars")}
        else:
            yield from ({"article": i, "outlet": a["outlet"], **row} for row in a[name])


REPORTED, POSSIBLY = "reported", "possibly reported"


def _sentence_rows(outlets: list[str], points: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """story_point_sentences: each point's sentences, by article, each with its verdict."""
    for p in points:
        found = [(m, REPORTED, "") for m in p["members"]]
        found += [(e, POSSIBLY, e["score"]) for e in p.get("possibly_in", [])]
        for sentence, verdict, score in sorted(found, key=lambda f: (f[0]["article"], f[0]["start"])):
            yield {"id": p["id"], "label": p["label"], "article": sentence["article"],
                   "outlet": outlets[sentence["article"]], "verdict": verdict, "text": sentence["text"],
                   "start": sentence["start"], "end": sentence["end"], "score": score}


def csv_rows(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The event JSON flattened into one list of rows per table."""
    return {name: list(table_rows(name, data["articles"], data["story_points"], data.get("actors", [])))
            for name in TABLES}


# OWASP's CSV injection rule: a cell a spreadsheet would read as a formula starts with one
# of these; a leading apostrophe makes it text. `exact=True` keeps values as they are.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _stamp(meta: dict[str, Any]) -> dict[str, Any]:
    return {
        "analysis_version": meta["analysis_version"],
        "lexicon_versions": "; ".join(f"{k}={v}" for k, v in sorted(meta["lexicon_versions"].items())),
        "exported_at": meta["exported_at"],
    }


def csv_text(name: str, rows: Iterable[dict[str, Any]], meta: dict[str, Any], *, exact: bool) -> Iterator[str]:
    """One table as CSV, UTF-8 with a header row, in pieces of about CHUNK_CHARS.
    Every row carries the analysis version, the lexicon versions and the export time."""
    stamp = _stamp(meta)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[*COLUMNS[name], *PROVENANCE_COLUMNS], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        cells = {**row, **stamp}
        writer.writerow(cells if exact else {k: neutralised(v) for k, v in cells.items()})
        if buffer.tell() >= CHUNK_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def csv_tables(data: dict[str, Any], *, exact: bool = False) -> dict[str, str]:
    """One CSV text per table; the keys are file names."""
    return {f"{name}.csv": "".join(csv_text(name, rows, data["event"], exact=exact))
            for name, rows in csv_rows(data).items()}


def _table_text(event: Event, name: str, meta: dict[str, Any], columns: Columns, *, exact: bool
                ) -> Iterator[str]:
    """One table of the event, read from the database as it is written."""
    articles: Iterable[dict[str, Any]] = article_rows(event, PARTS[name]) if name in PARTS else iter(())
    if name == "story_point_sentences":  # the outlet of each article column, not the articles' text
        # by the columns as the export began: an article deleted since would shift the others
        outlet_at = dict(event.articles.values_list("position", "outlet__name"))
        articles = [{"outlet": outlet_at.get(position) or ""} for position in columns.positions]
    points = story_points(event, columns) if name.startswith("story_point") else iter(())
    actors = actors_json(event) if name == "actors" else []
    return csv_text(name, table_rows(name, articles, points, actors), meta, exact=exact)


class _Sink:
    """A write-only, unseekable file for zipfile: what it is given waits in `take()`."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def _zip_bytes(event: Event, now: dt.datetime | None, *, exact: bool) -> Iterator[bytes]:
    """Every table in one ZIP with the provenance as JSON, written entry by entry."""
    columns = article_columns(event)
    meta = event_meta(event, now, columns)
    sink = _Sink()
    when = dt.datetime.fromisoformat(meta["exported_at"])
    with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in TABLES:
            with archive.open(_entry(f"{name}.csv", when), "w") as entry:
                for text in _table_text(event, name, meta, columns, exact=exact):
                    entry.write(text.encode("utf-8"))
                    yield sink.take()
        archive.writestr(_entry("provenance.json", when), json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
    yield sink.take()


def _entry(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    """A ZIP entry dated when the export was taken (not 1 January 1980) that unzips
    readable by everyone, like any downloaded file (not owner-only)."""
    info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def _encoded(pieces: Iterable[str]) -> Iterator[bytes]:
    """Text pieces as UTF-8, gathered into chunks of about CHUNK_CHARS."""
    gathered: list[str] = []
    size = 0
    for piece in pieces:
        gathered.append(piece)
        size += len(piece)
        if size >= CHUNK_CHARS:
            yield "".join(gathered).encode("utf-8")
            gathered, size = [], 0
    if gathered:
        yield "".join(gathered).encode("utf-8")


@dataclass(frozen=True)
class ExportStream:
    name: str
    content_type: str
    chunks: Iterator[bytes]


# A file name's part from the slug, in UTF-8 bytes: an ASCII slug (at most 120) whole, and a
# Chinese one of 100 letters (300 bytes) cut to fit a file system's 255 with the table's name.
_STEM_BYTES = 120


def _file_stem(slug: str) -> str:
    cut = slug.encode()[:_STEM_BYTES].decode(errors="ignore")  # a letter cut in two is left out
    return slug if cut == slug else cut.rstrip("-_")


def export_stream(event: Event, fmt: Format, *, table: str | None = None,
                  now: dt.datetime | None = None, exact: bool = False) -> ExportStream:
    """The file a download, the API or `export_event` hands out, as a stream of bytes:
    the event JSON, one CSV table, or all the tables in one ZIP (with the provenance as
    JSON). Nothing is read until the stream is."""
    stem = _file_stem(event.slug)
    if fmt == "json":
        return ExportStream(f"{stem}.json", "application/json", _encoded(event_json_text(event, now=now)))
    if table is not None:
        if table not in TABLES:
            raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")

        def one_table() -> Iterator[str]:
            columns = article_columns(event)
            yield from _table_text(event, table, event_meta(event, now, columns), columns, exact=exact)

        return ExportStream(f"{stem}-{table}.csv", "text/csv; charset=utf-8", _encoded(one_table()))
    return ExportStream(f"{stem}-csv.zip", "application/zip", _zip_bytes(event, now, exact=exact))
