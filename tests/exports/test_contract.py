"""The event JSON contract (articles/contract.py) is the one shape: what the export writes
has exactly the contract's fields, the import reads it back, and the new parts (a quote's
source type, a sentence in two story points, "possibly reported") survive the round trip."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.contrib.auth.models import User

from articles.contract import ArticleJSON, ClaimJSON, PossibleJSON, QuoteJSON, SignalJSON, StoryPointJSON
from articles.models import AttributionCorrection, Event, Quote
from articles.services import corrections, editing
from articles.services.event_import import event_import, parse_event_json
from articles.services.event_json import story_point_json
from articles.services.exports import csv_rows, event_json

pytestmark = pytest.mark.django_db


def _fields(model: type[Any]) -> set[str]:
    return set(model.model_fields)


def test_the_export_writes_exactly_the_contracts_fields(analysed_event: Event) -> None:
    data = event_json(analysed_event)
    for article in data["articles"]:
        assert set(article) == _fields(ArticleJSON)
        for key, model in (("quotes", QuoteJSON), ("claims", ClaimJSON), ("signals", SignalJSON)):
            for row in article[key]:
                assert set(row) == _fields(model), (key, set(row) ^ _fields(model))
    assert data["story_points"]
    for point in data["story_points"]:
        assert set(point) == _fields(StoryPointJSON)
        assert all(set(e) == _fields(PossibleJSON) for e in point["possibly_in"])
    assert data["event"]["omissions"] == "listed"


def _with_new_parts(data: dict[str, Any]) -> dict[str, Any]:
    """The export, with an unnamed source, one claim in two story points, and a
    "possibly reported" sentence, as a newer aligner and extractor write them."""
    data = copy.deepcopy(data)
    first = data["articles"][0]
    first["quotes"][0].update(speaker="administration officials", source_type="anonymous")
    claim = next(c for c in data["articles"][1]["claims"] if c["voice"] == "own")
    member = {"article": 1, "text": claim["text"], "start": claim["start"], "end": claim["end"]}
    other = data["articles"][2]["claims"][0]
    data["story_points"][0]["members"].append(member)
    data["story_points"][1]["members"].append(member)
    target = next(p for p in data["story_points"][2:]
                  if 2 not in {m["article"] for m in p["members"]} | {e["article"] for e in p["possibly_in"]})
    target["label"] = "the point possibly reported by article 2"
    target["possibly_in"].append(
        {"article": 2, "text": other["text"], "start": other["start"], "end": other["end"], "score": 0.42})
    return data


def test_new_parts_of_the_contract_survive_the_round_trip(analysed_event: Event) -> None:
    data = _with_new_parts(event_json(analysed_event))
    restored = event_json(event_import(parsed=parse_event_json(data), event_name="Contract copy"))
    quote = restored["articles"][0]["quotes"][0]
    assert (quote["speaker"], quote["source_type"]) == ("administration officials", "anonymous")
    text = data["story_points"][0]["members"][-1]["text"]
    holding = [p for p in restored["story_points"]
               if any(m["text"] == text and m["article"] == 1 for m in p["members"])]
    assert len(holding) >= 2
    [target] = [p for p in restored["story_points"] if p["label"] == "the point possibly reported by article 2"]
    assert (2, 0.42) in [(e["article"], e["score"]) for e in target["possibly_in"]]
    for p in restored["story_points"]:
        seen = set(p["reported_by"]) | set(p["missing_from"]) | {e["article"] for e in p["possibly_in"]}
        assert seen == set(range(len(restored["articles"]))), "each article is in exactly one state"
        assert not set(p["reported_by"]) & set(p["missing_from"])
    rows = csv_rows(restored)
    assert {"reported_by", "possibly_in"} <= set(rows["story_points"][0])
    assert any(r["source_type"] == "anonymous" for r in rows["quotes"])


def test_big_events_leave_the_missing_articles_implied_so_files_grow_linearly() -> None:
    small = story_point_json(0, "x", [(0, "a", 0, 1)], [((2, "b", 0, 1), 0.4)], article_count=5)
    big = story_point_json(0, "x", [(0, "a", 0, 1)], [((2, "b", 0, 1), 0.4)], article_count=3000)
    assert small["missing_from"] == [1, 3, 4] and small["reported_by"] == [0]
    assert big["missing_from"] == [] and big["reported_by"] == [0] and big["possibly_in"][0]["article"] == 2


def test_an_editor_sets_a_quotes_source_type_audited_and_revertible(analysed_event: Event, uploader: User) -> None:
    quote = Quote.objects.filter(article__event=analysed_event, speaker__isnull=False).first()
    assert quote is not None and quote.source_type == "actor"
    audits = AttributionCorrection.objects.filter(quote=quote).count()
    record = corrections.quote_correct(quote=quote, user=uploader, source_type="group",
                                       source_phrase="Russian diplomats", note="no one person")
    quote.refresh_from_db()
    assert (quote.speaker, quote.source_type, quote.source_name) == (None, "group", "Russian diplomats")
    assert record.before["source_type"] == "actor" and record.after["source_type"] == "group"
    corrections.correction_revert(correction=record, user=uploader)
    quote.refresh_from_db()
    assert quote.source_type == "actor" and quote.speaker is not None
    assert AttributionCorrection.objects.filter(quote=quote).count() == audits + 2
    with pytest.raises(editing.CorrectionError):
        corrections.quote_correct(quote=quote, user=uploader, source_type="rumour")
