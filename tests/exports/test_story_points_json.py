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
