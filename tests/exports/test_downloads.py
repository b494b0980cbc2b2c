"""The event page's downloads: the event JSON, one CSV per table, all of them in a
ZIP; each names the analysis and lexicon versions and the export time."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse

from articles.models import Event
from articles.nlp.lexicons import lexicon_versions
from articles.nlp.version import ANALYSIS_VERSION
from articles.services.exports import COLUMNS, TABLES
from articles.services.uploads import event_for_name

pytestmark = pytest.mark.django_db


def body(response: Any) -> bytes:
    """A download is streamed: its bytes come as they are written."""
    assert response.streaming
    return b"".join(response.streaming_content)


def download(client: Client, name: str, *args: str) -> bytes:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return body(response)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_zip_holds_every_table_as_utf8_csv_with_its_header(client: Client, analysed_event: Event) -> None:
    with zipfile.ZipFile(io.BytesIO(download(client, "event_export_zip", analysed_event.slug))) as archive:
        names = set(archive.namelist())
        assert names == {f"{t}.csv" for t in TABLES} | {"provenance.json"}
        for table in TABLES:
            text = archive.read(f"{table}.csv").decode("utf-8")
            header = next(csv.reader(io.StringIO(text)))
            assert header == [*COLUMNS[table], "analysis_version", "lexicon_versions", "exported_at"]
        assert len(rows(archive.read("articles.csv").decode())) == 3
        assert json.loads(archive.read("provenance.json"))["lexicon_versions"] == lexicon_versions()


def test_the_zip_entries_are_dated_when_exported_and_unzip_readable(client: Client, analysed_event: Event) -> None:
    # walk: unzip gave owner-only files dated 1 January 1980
    with zipfile.ZipFile(io.BytesIO(download(client, "event_export_zip", analysed_event.slug))) as archive:
        exported = json.loads(archive.read("provenance.json"))["exported_at"]
        for info in archive.infolist():
            assert dt.date(*info.date_time[:3]).isoformat() == exported[:10]
            assert (info.external_attr >> 16) & 0o644 == 0o644


def test_every_row_names_the_versions_and_the_export_time(client: Client, analysed_event: Event) -> None:
    quotes = rows(download(client, "event_export_table", analysed_event.slug, "quotes").decode("utf-8"))
    assert quotes and {q["analysis_version"] for q in quotes} == {ANALYSIS_VERSION}
    [stamp] = {q["exported_at"] for q in quotes}
    assert stamp.startswith("20") and "T" in stamp
    for name, version in lexicon_versions().items():
        assert f"{name}={version}" in quotes[0]["lexicon_versions"]


def test_a_human_correction_is_marked_in_the_json_and_the_csv(client: Client, analysed_event: Event) -> None:
    data = json.loads(download(client, "event_export_json", analysed_event.slug))
    human = [q for a in data["articles"] for q in a["quotes"] if q["attribution"] == "human"]
    rejected = [q for a in data["articles"] for q in a["not_quotes"]]
    assert len(human) == 1 and len(rejected) == 1 and rejected[0]["attribution"] == "human"
    quotes = rows(download(client, "event_export_table", analysed_event.slug, "quotes").decode())
    assert [(q["text"], q["speaker"]) for q in quotes if q["attribution"] == "human"] == [
        (human[0]["text"], human[0]["speaker"])]
    assert rejected[0]["text"] not in {q["text"] for q in quotes}


def test_the_json_keeps_the_public_field_names(client: Client, analysed_event: Event) -> None:
    data = json.loads(download(client, "event_export_json", analysed_event.slug))
    assert {"event", "articles", "story_points"} <= set(data)
    article = data["articles"][0]
    assert {"title", "published", "byline", "outlet", "body", "quotes", "claims", "signals"} <= set(article)
    assert {"text", "kind", "speaker", "speaker_mention", "cue", "start", "end", "confidence",
            "attribution"} <= set(article["quotes"][0])
    assert {"id", "label", "members", "missing_from"} <= set(data["story_points"][0])
    quote = article["quotes"][0]
    assert article["body"][quote["start"]:quote["end"]] == quote["text"]


def test_export_event_writes_what_the_downloads_serve(
    client: Client, analysed_event: Event, tmp_path: Path
) -> None:
    def without_time(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "event": {k: v for k, v in data["event"].items() if k != "exported_at"}}

    call_command("export_event", analysed_event.slug, "--format", "json", "--out", str(tmp_path / "e.json"))
    served = json.loads(download(client, "event_export_json", analysed_event.slug))
    assert without_time(json.loads((tmp_path / "e.json").read_text("utf-8"))) == without_time(served)

    call_command("export_event", analysed_event.slug, "--format", "csv", "--out", str(tmp_path / "e.zip"),
                 stdout=io.StringIO())
    zipped = download(client, "event_export_zip", analysed_event.slug)
    with zipfile.ZipFile(tmp_path / "e.zip") as written, zipfile.ZipFile(io.BytesIO(zipped)) as downloaded:
        assert written.namelist() == downloaded.namelist()
        for name in written.namelist():
            if name.endswith(".csv"):
                strip = [{k: v for k, v in r.items() if k != "exported_at"} for r in rows(written.read(name).decode())]
                assert strip == [{k: v for k, v in r.items() if k != "exported_at"}
                                 for r in rows(downloaded.read(name).decode())]


def test_export_event_prints_the_json_without_out(analysed_event: Event) -> None:
    out = io.StringIO()
    call_command("export_event", analysed_event.slug, stdout=out)
    assert json.loads(out.getvalue())["event"]["slug"] == analysed_event.slug


def test_an_empty_event_still_has_full_headers(client: Client, db: None) -> None:
    event = Event.objects.create(name="Empty", slug="empty")
    for table in TABLES:
        text = download(client, "event_export_table", event.slug, table).decode()
        assert text.splitlines()[0].split(",")[: len(COLUMNS[table])] == COLUMNS[table] and len(rows(text)) == 0


def test_an_unknown_table_or_event_is_a_404(client: Client, db: None) -> None:
    Event.objects.create(name="Empty", slug="empty")
    assert client.get("/events/empty/export/passwords.csv").status_code == 404
    assert client.get("/events/nope/export/event.json").status_code == 404


def test_the_event_page_links_to_every_download(client: Client, db: None) -> None:
    event = Event.objects.create(name="Empty", slug="empty")
    page = client.get(event.get_absolute_url()).content.decode()
    assert reverse("event_export_json", args=[event.slug]) in page
    assert reverse("event_export_zip", args=[event.slug]) in page
    for table in TABLES:
        assert reverse("event_export_table", args=[event.slug, table]) in page


def test_csv_cells_a_spreadsheet_would_run_are_neutralised_unless_exact(client: Client, seed_event: Event) -> None:
    article = seed_event.articles.order_by("position").first()
    assert article is not None
    article.title = '=HYPERLINK("http://evil.example","click")'
    article.save(update_fields=["title"])
    safe = body(client.get(f"/events/{seed_event.slug}/export/articles.csv")).decode()
    exact = body(client.get(f"/events/{seed_event.slug}/export/articles.csv?exact=1")).decode()
    assert "'=HYPERLINK" in safe and ',=HYPERLINK' not in safe.replace('"', "")
    assert "'=HYPERLINK" not in exact and "=HYPERLINK" in exact


@pytest.mark.django_db
def test_an_export_made_while_the_event_is_aligned_says_it_is_not_complete() -> None:
    from articles.models import Job
    from articles.services.exports import event_json

    event = Event.objects.create(name="Shutdown deal", slug="shutdown-deal")
    assert event_json(event)["event"]["complete"] is True  # nothing queued: an imported event
    job = Job.objects.create(kind=Job.Kind.ALIGN, event=event, status=Job.Status.RUNNING)
    assert event_json(event)["event"]["complete"] is False  # story points may still be missing
    job.status = Job.Status.DONE
    job.save()
    assert event_json(event)["event"]["complete"] is True


def test_a_long_unicode_slug_still_names_a_file_export_event_can_write(
        client: Client, tmp_path: Path, settings: Any) -> None:
    """An event named in Chinese keeps up to 100 letters in its slug, 300 bytes in UTF-8: its
    files' names passed a file system's 255 bytes, and export_event could not write them."""
    settings.VAR_DIR = tmp_path
    with transaction.atomic():
        event = event_for_name("东京新闻发布会" * 20, user=None)
    assert len(event.slug) == 100
    out = io.StringIO()
    call_command("export_event", event.slug, "--format", "csv", "--table", "story_point_sentences", stdout=out)
    written = Path(out.getvalue().strip())
    assert written.parent == tmp_path / "exports" and written.name.startswith(event.slug[:30])
    assert len(written.name.encode()) <= 255
    disposition = client.get(reverse("event_export_zip", args=[event.slug]))["Content-Disposition"]
    assert disposition.startswith("attachment; filename*=utf-8''%E4%B8%9C%E4%BA%AC")
