"""quotes-18: what a noun of speech says through "be", and a refusal to speak (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("Okafor's answer was that the city could not afford a second bridge.",
         "the city could not afford a second bridge", "Okafor"),
        ("The idea is that donors who dislike the mayor can still give to the committee.",
         "donors who dislike the mayor can still give to the committee", ""),
        ("A common refrain among the council's critics is that the budget favors the suburbs.",
         "the budget favors the suburbs", ""),
    ],
)
def test_a_noun_of_speech_reports_the_clause_it_is(quotes_of, text, content, mention):
    assert [(q.text, q.speaker_mention) for q in quotes_of(text)] == [(content, mention)]


@pytest.mark.parametrize(
    "opening",
    [
        "The problem is that the bridge is too old to repair",
        "The good news for the mayor is that the bridge opened on time",
        "His argument was not that the tax was wrong",
    ],
)
def test_the_writers_own_noun_or_a_denied_one_reports_nothing(quotes_of, opening):
    text = f"{opening}, and the mayor's answer was that the state would pay for a new one."
    assert [q.text for q in quotes_of(text)] == ["the state would pay for a new one"]


@pytest.mark.parametrize(
    ("text", "content", "mention"),
    [
        ("A spokesman for the mayor declined to discuss how the audit was done.",
         "to discuss how the audit was done", "A spokesman for the mayor"),
        ("Okafor refused to say whether she would run again.", "to say whether she would run again", "Okafor"),
    ],
)
def test_a_refusal_to_speak_reports_what_was_withheld(quotes_of, text, content, mention):
    assert [(q.text, q.speaker_mention) for q in quotes_of(text)] == [(content, mention)]


def test_a_refusal_to_act_is_no_speech_cue(nlp):
    """(nor a bare "declined to comment": tests/nlp/test_attributions.py)"""
    from articles.nlp.cues import speech_cue_kind

    doc = nlp("The council declined to fund the bridge, and the mayor declined to say whether it would reopen.")
    assert [speech_cue_kind(t) for t in doc if t.text == "declined"] == [None, "clause"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The senator is upbeat about the bill's chances in the fall.", "the bill's chances in the fall"),
        ("Party leaders were nervous about the turnout in the suburbs.", "the turnout in the suburbs"),
    ],
)
def test_more_attitudes_someone_holds(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)] == [content]
