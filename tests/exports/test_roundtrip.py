"""Export an event as JSON, import it as a new event (no NLP), export that: the
articles, quotes, human attributions, claims, signals and story points match."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from articles.models import AttributionCorrection, Event, Job, Quote
from articles.services.event_import import EventImportError, event_import, parse_event_json
from articles.services.exports import event_json

pytestmark = pytest.mark.django_db


def content(data: dict[str, Any]) -> dict[str, Any]:
    """The export without what names this copy (event name, slug, export time)."""
    return {**data, "event": {k: v for k, v in data["event"].items() if k not in ("name", "slug", "exported_at")}}


def human(data: dict[str, Any]) -> list[tuple[int, str, int, int, str | None, bool]]:
    return [(i, q["text"], q["start"], q["end"], q["speaker"], is_quote)
            for i, a in enumerate(data["articles"])
            for key, is_quote in (("quotes", True), ("not_quotes", False))
            for q in a[key] if q["attribution"] == "human"]


def export_import(event: Event, tmp_path: Path, name: str) -> Event:
    path = tmp_path / "event.json"
    call_command("export_event", event.slug, "--out", str(path), stdout=io.StringIO())
    out = io.StringIO()
    call_command("import_event", str(path), "--event", name, stdout=out)
    return Event.objects.get(slug=out.getvalue().split(":")[0])


def test_an_exported_event_comes_back_equal_as_a_new_event(corrected_event: Event, tmp_path: Path) -> None:
    copy = export_import(corrected_event, tmp_path, "A copy")
    assert copy.pk != corrected_event.pk and copy.name == "A copy"
    original, restored = event_json(corrected_event), event_json(copy)
    assert content(restored) == content(original)
    assert len(human(restored)) == 2 and human(restored) == human(original)


def test_the_copy_looks_analysed_and_its_human_quotes_are_audited(analysed_event: Event, tmp_path: Path) -> None:
    copy = export_import(analysed_event, tmp_path, "A copy")
    assert set(Job.objects.filter(event=copy).values_list("status", flat=True)) == {"done"}
    assert copy.story_points.count() == analysed_event.story_points.count() > 0
    audited = AttributionCorrection.objects.filter(quote__article__event=copy)
    assert audited.count() == 2 and all("imported" in c.note for c in audited)


def test_reanalysing_the_copy_keeps_its_human_attributions(
    analysed_event: Event, tmp_path: Path, django_capture_on_commit_callbacks: Any
) -> None:
    from articles.services.jobs import articles_requeue

    copy = export_import(analysed_event, tmp_path, "A copy")
    before = human(event_json(copy))
    with django_capture_on_commit_callbacks(execute=True):
        articles_requeue(articles=list(copy.articles.all()))
    assert human(event_json(copy)) == before


def test_importing_under_an_existing_name_is_refused(analysed_event: Event, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="exists already"):
        export_import(analysed_event, tmp_path, analysed_event.name)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["articles"][0]["quotes"][0].update(end=10**6), "past the end of the body"),
    (lambda d: d["articles"][0]["quotes"][0].update(kind="shouted"), "kind"),
    (lambda d: d["articles"][0]["claims"][0].update(quote=999), "does not exist"),
    (lambda d: d["story_points"][0]["members"][0].update(article=42), "no article 42"),
    (lambda d: d.update(articles=[]), "articles"),
])
def test_a_malformed_file_is_refused_before_anything_is_written(
    analysed_event: Event, change: Any, message: str
) -> None:
    data = json.loads(json.dumps(event_json(analysed_event)))
    change(data)
    events, quotes = Event.objects.count(), Quote.objects.count()
    with pytest.raises(EventImportError, match=message):
        event_import(parsed=parse_event_json(data), event_name="Broken")
    assert (Event.objects.count(), Quote.objects.count()) == (events, quotes)


def test_a_file_that_is_not_json_is_a_readable_error(tmp_path: Path, db: None) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(b"\xff\xfe not json")
    with pytest.raises(CommandError, match="not JSON"):
        call_command("import_event", str(path), "--event", "X")


def test_a_blank_name_is_refused_before_anything_is_written(analysed_event: Event) -> None:
    parsed = parse_event_json(json.loads(json.dumps(event_json(analysed_event))))
    events = Event.objects.count()
    with pytest.raises(EventImportError, match="needs a name"):
        event_import(parsed=parsed, event_name="  ")
    assert Event.objects.count() == events
