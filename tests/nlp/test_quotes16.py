"""quotes-16: where reported content ends, and cues the rules missed (issue 15)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The mayor said the bridge would reopen in May and thanked the crews for their work.",
         "said", "the bridge would reopen in May"),
        ("The governor predicted that the budget would balance by spring and praised the legislature "
         "for its restraint.", "predicted", "the budget would balance by spring"),
        ("The senator urged her colleagues to pass the bill and criticized the delay.",
         "urged", "her colleagues to pass the bill"),
    ],
)
def test_what_was_said_ends_before_the_speakers_next_act(quotes_of, text, cue, content):
    quotes = {q.cue: q for q in quotes_of(text)}
    assert quotes[cue].text == content


def test_the_next_act_is_the_speakers_not_the_reported_subjects(quotes_of):
    text = ("The governor predicted that the budget would balance by spring and praised the legislature "
            "for its restraint.")
    praised = [q for q in quotes_of(text) if q.cue == "praised"]
    assert [(q.speaker_mention, q.text) for q in praised] == [("The governor", "the legislature for its restraint")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # one past tense: both halves are what the airline said
        ("The airline said the pilot had logged 6,000 hours and had no known ties to any group.",
         "the pilot had logged 6,000 hours and had no known ties to any group"),
        ("The mayor said the bridge reopened in May and carried more traffic than before.",
         "the bridge reopened in May and carried more traffic than before"),
    ],
)
def test_a_content_in_the_cues_own_tense_runs_on(quotes_of, text, content):
    assert [q.text for q in quotes_of(text)] == [content]


@pytest.mark.parametrize(
    ("text", "cue", "content", "holder"),
    [
        ("Party leaders were confident that the bill would pass by June.", "were confident",
         "the bill would pass by June", "Party leaders"),
        ("The senator was critical of the new tariffs on steel.", "was critical", "the new tariffs on steel",
         "The senator"),
        ("Many farmers are worried about the long drought.", "are worried", "the long drought", "Many farmers"),
        ("The governor is willing to compromise on the budget.", "is willing", "to compromise on the budget",
         "The governor"),
    ],
)
def test_an_attitude_someone_holds_is_reported(quotes_of, text, cue, content, holder):
    assert [(q.cue, q.text, q.speaker_mention) for q in quotes_of(text)] == [(cue, content, holder)]


@pytest.mark.parametrize(
    "text",
    ["It is critical that the dam holds through the winter.", "The results were clear to everyone in the room."],
)
def test_an_adjective_with_no_one_holding_it_reports_nothing(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    ("text", "cue", "content", "owner"),
    [
        ("Her plea for an end to the strike went unheard.", "plea", "an end to the strike", "Her"),
        ("The governor's embrace of the new pipeline angered environmental groups.", "embrace",
         "the new pipeline", "The governor"),
        ("Traders were surprised by the minister's announcement of new tariffs on steel.", "announcement",
         "new tariffs on steel", "the minister"),
    ],
)
def test_more_nouns_of_speech_report_what_their_owner_said(quotes_of, text, cue, content, owner):
    assert [(q.cue, q.text, q.speaker_mention) for q in quotes_of(text)] == [(cue, content, owner)]


def test_an_infinitive_after_the_object_is_what_the_object_is_asked_to_do(quotes_of):
    quotes = quotes_of("Sanders has called for the former secretary of state to release the transcripts.")
    assert [(q.cue, q.text) for q in quotes] == [
        ("called for", "the former secretary of state to release the transcripts")
    ]


def test_the_speaker_named_again_by_a_pronoun_starts_a_next_act(quotes_of):
    quotes = quotes_of("Mr. Grant said the real danger in the region is Iran, and he warned allies against it.")
    assert [q.text for q in quotes if q.cue == "said"] == ["the real danger in the region is Iran"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("She said the plan would fail and he resigned.", "the plan would fail and he resigned"),
        ("He said his words were twisted and that he was for peace.",
         "his words were twisted and that he was for peace"),
    ],
)
def test_another_subject_or_a_second_that_clause_is_still_what_was_said(quotes_of, text, content):
    assert [q.text for q in quotes_of(text) if q.cue == "said"] == [content]
