"""quotes-17: what an object cue reports, when the parser hangs the object's phrases on the cue (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The president announced a series of steps to tighten firearms sales in the country.",
         "announced", "a series of steps to tighten firearms sales in the country"),
        ("They also applauded strong messages of empowerment from influential women like the actress.",
         "applauded", "strong messages of empowerment from influential women like the actress"),
    ],
)
def test_the_objects_phrases_hung_on_the_cue_stay_in_what_it_reports(quotes_of, text, cue, content):
    quotes = {q.cue: q for q in quotes_of(text)}
    assert quotes[cue].text == content


@pytest.mark.parametrize(
    "text",
    ["The governor praised the new budget to reporters.", "The governor praised the new budget on Friday."],
)
def test_an_audience_or_a_circumstance_after_the_object_is_the_sayings(nlp, text):
    from articles.nlp.cues import object_end

    doc = nlp(text)
    praised = next(t for t in doc if t.text == "praised")
    budget = next(t for t in doc if t.text == "budget")
    assert object_end(praised, budget.left_edge.i, budget.right_edge.i + 1) == budget.right_edge.i + 1
