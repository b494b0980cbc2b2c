"""The story point part of the event JSON, from aligner results (no database)."""

from __future__ import annotations

from articles.compare.types import PossibleReport, StoryPointResult
from articles.services.event_json import story_points_json


def test_a_story_point_carries_its_possible_reports_with_the_closest_sentence():
    spans = {0: (0, "Russia vetoed the draft", 10, 33), 1: (1, "Russia vetoed it", 0, 16),
             2: (2, "Moscow rejected a draft", 40, 63)}
    point = StoryPointResult(label="Russia vetoed the draft", members=(0, 1), articles=(0, 1),
                             missing_from=(), order=1.0,
                             possibly_in=(PossibleReport(article=2, claim=2, score=0.41234),))
    [row] = story_points_json([point], spans, article_count=3)
    assert row["missing_from"] == []
    assert row["possibly_in"] == [
        {"article": 2, "text": "Moscow rejected a draft", "start": 40, "end": 63, "score": 0.412}]


def test_a_claim_may_be_a_member_of_two_story_points():
    spans = {0: (0, "The House passed the bill 234-193 and the Senate will vote Friday", 0, 64),
             1: (1, "The House approved the plan 234-193", 0, 35),
             2: (1, "The Senate votes on Friday", 36, 62)}
    points = [StoryPointResult(label="a", members=(0, 1), articles=(0, 1), missing_from=(), order=0.0),
              StoryPointResult(label="b", members=(0, 2), articles=(0, 1), missing_from=(), order=0.5)]
    rows = story_points_json(points, spans, article_count=2)
    assert [[m["text"][:10] for m in r["members"]] for r in rows] == [
        ["The House ", "The House "], ["The House ", "The Senate"]]
    assert all(r["possibly_in"] == [] for r in rows)


def test_the_sentences_table_gives_each_points_sentences_with_offsets_and_verdicts():
    """story_point_sentences.csv: what a fact-checker reads in a spreadsheet, one sentence
    a row, beside the point's id (the event JSON's), its outlet and its verdict."""
    import csv
    import io

    from articles.services.exports import csv_text, table_rows

    spans = {0: (0, "Russia vetoed the draft", 10, 33), 1: (1, "Russia vetoed it", 0, 16),
             2: (2, "Moscow rejected a draft", 40, 63)}
    point = StoryPointResult(label="Russia vetoed the draft", members=(0, 1), articles=(0, 1),
                             missing_from=(), order=1.0,
                             possibly_in=(PossibleReport(article=2, claim=2, score=0.41234),))
    points = story_points_json([point], spans, article_count=4)
    outlets = [{"outlet": name} for name in ("Wire", "Daily", "Weekly", "Radio")]
    rows = list(table_rows("story_point_sentences", outlets, points, []))
    assert [(r["id"], r["article"], r["outlet"], r["verdict"], r["text"], r["start"], r["end"], r["score"])
            for r in rows] == [
        (0, 0, "Wire", "reported", "Russia vetoed the draft", 10, 33, ""),
        (0, 1, "Daily", "reported", "Russia vetoed it", 0, 16, ""),
        (0, 2, "Weekly", "possibly reported", "Moscow rejected a draft", 40, 63, 0.412)]
    meta = {"analysis_version": "v", "lexicon_versions": {}, "exported_at": "now"}
    text = "".join(csv_text("story_point_sentences", rows, meta, exact=False))
    header = next(csv.reader(io.StringIO(text)))
    assert header[:9] == ["id", "label", "article", "outlet", "verdict", "text", "start", "end", "score"]
    [summary] = table_rows("story_points", [], points, [])
    assert summary["missing_from"] == "3", "the article that leaves it out stays in story_points.csv"
