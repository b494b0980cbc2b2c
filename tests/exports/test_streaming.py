"""Exports are streamed, byte for byte what the whole-file writer gives, and linear:
bytes per article and the memory held while streaming do not grow with the event.
Events are generated as rows (bench/pages.build_event: no NLP)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tracemalloc
import zipfile

import pytest

from articles.models import Article, Claim, Event, StoryPoint
from articles.services import exports
from articles.services.exports import TABLES, csv_tables, event_json, export_stream
from bench.pages import build_event

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def streamed(event: Event, fmt: exports.Format, **kwargs: object) -> bytes:
    stream = export_stream(event, fmt, now=NOW, **kwargs)  # type: ignore[arg-type]
    return b"".join(stream.chunks)


def test_the_stream_is_the_whole_json_byte_for_byte(analysed_event: Event) -> None:
    whole = json.dumps(event_json(analysed_event, now=NOW), ensure_ascii=False, indent=2) + "\n"
    assert streamed(analysed_event, "json") == whole.encode("utf-8")


def test_the_streamed_tables_and_zip_hold_the_whole_tables(analysed_event: Event) -> None:
    for exact in (False, True):
        tables = csv_tables(event_json(analysed_event, now=NOW), exact=exact)
        for table in TABLES:
            assert streamed(analysed_event, "csv", table=table, exact=exact).decode() == tables[f"{table}.csv"]
        with zipfile.ZipFile(io.BytesIO(streamed(analysed_event, "csv", exact=exact))) as archive:
            assert {name: archive.read(name).decode() for name in tables} == tables
            assert json.loads(archive.read("provenance.json"))["exported_at"] == NOW.isoformat()


def test_an_empty_event_streams_the_same_json() -> None:
    event = Event.objects.create(name="Empty", slug="empty")
    whole = json.dumps(event_json(event, now=NOW), ensure_ascii=False, indent=2) + "\n"
    assert streamed(event, "json") == whole.encode() and '"articles": []' in whole


def _peak_while_streaming(event: Event) -> tuple[int, int]:
    """Bytes of the event JSON, and the peak of Python allocations while streaming it."""
    tracemalloc.start()
    try:
        size = sum(len(chunk) for chunk in export_stream(event, "json").chunks)
        return size, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_size_per_article_and_memory_do_not_grow_with_the_event(monkeypatch: pytest.MonkeyPatch) -> None:
    # Small batches, so that 100 and 300 articles both take many of them.
    monkeypatch.setattr(exports, "BATCH_ARTICLES", 10)
    monkeypatch.setattr(exports, "MEMBERS_BATCH", 100)
    measured = {}
    for n in (10, 100, 300):
        event, _ = build_event(n)
        size, peak = _peak_while_streaming(event)
        csv_size = len(streamed(event, "csv"))
        measured[n] = (size / n, peak, csv_size / n)
        print(f"\n{n} articles: event.json {size:,} B ({size / n:,.0f} B/article), peak {peak / 1e6:.1f} MB while "
              f"streaming; csv.zip {csv_size:,} B ({csv_size / n:,.0f} B/article)", end="")
    for smaller, larger in ((10, 100), (100, 300), (10, 300)):  # linear: listing every absent article was not
        assert measured[larger][0] < 1.25 * measured[smaller][0], measured
        assert measured[larger][2] < 1.25 * measured[smaller][2], measured
    # The file triples from 100 to 300 articles; what streaming holds does not follow it
    # (building the whole file first held more than the file itself).
    assert measured[300][1] < 2 * measured[100][1], measured
    assert measured[300][1] < 300 * measured[300][0] / 4, measured


def test_a_stream_survives_a_new_article_and_refuses_to_end_valid_without_points_realigned(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A long download of a big event while it changes: an article added mid-stream was a
    # KeyError; points replaced mid-stream went missing from a file that still parsed.
    event, _ = build_event(40)
    chunks = exports.event_json_text(event, now=NOW)
    head = next(chunks)
    assert head.startswith("{")
    first = event.articles.order_by("position").first()
    assert first is not None
    late = Article.objects.create(event=event, position=999, title="Late", body="Late.", content_hash="late")
    for claim in Claim.objects.filter(article=first)[:3]:
        late_claim = Claim.objects.create(article=late, text=claim.text, start=claim.start, end=claim.end,
                                          voice=claim.voice)
        for point in claim.story_points.all():
            point.members.add(late_claim)
    points = json.loads(head + "".join(chunks))["story_points"]
    assert points and all(m["article"] < 40 for p in points for m in p["members"]), "columns as the export began"
    monkeypatch.setattr(exports, "POINTS_BATCH", 2)
    chunks = exports.event_json_text(event, now=NOW)
    for piece in chunks:
        if '"missing_from"' in piece:  # the first story point: its batch is read, the next ones not yet
            break
    StoryPoint.objects.filter(event=event).delete()
    with pytest.raises(exports.ExportChanged):
        "".join(chunks)


def test_a_zip_streamed_while_an_article_is_deleted_names_each_sentences_own_outlet() -> None:
    # The sentences table read the outlets when its turn came, the columns when the ZIP
    # began: an article deleted between them shifted every later outlet by one (or ran past
    # the list's end and cut the file short).
    event, _ = build_event(6)
    outlets = dict(event.articles.values_list("position", "outlet__name"))
    chunks = export_stream(event, "csv", now=NOW).chunks
    head = next(chunks)
    Article.objects.filter(event=event, position=2).delete()
    with zipfile.ZipFile(io.BytesIO(head + b"".join(chunks))) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("story_point_sentences.csv").decode())))
    assert rows and any(int(row["article"]) > 2 for row in rows)
    assert all(row["outlet"] == outlets[int(row["article"])] for row in rows)
